// The only place the C library's allocator settings enter the package (the command line's
// start).
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

/// Has freed blocks of 4 MB or more go back to the system at once, whatever was freed before:
/// glibc otherwise raises its mmap threshold after the first large free (up to 32 MB), and large
/// arrays below it then stay in its heaps once freed. Not lower: the chains' search makes
/// arrays of a few megabytes per group of pairs at 100M actions, and fresh pages for each (a
/// fault and a zeroing per page) cost a fifth of that run's time at a 1 MB threshold. Nothing
/// where the C library is not glibc.
static inline void diplograph_return_large_frees(void) {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 20);
#endif
}
