// The only place the C library's allocator settings enter the package (the command line's
// start).
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

/// Has freed blocks of a megabyte or more go back to the system at once, whatever was freed
/// before: glibc otherwise raises its mmap threshold after the first large free (up to 32 MB),
/// and large arrays below it then stay in its heaps once freed. Nothing where the C library is
/// not glibc.
static inline void diplograph_return_large_frees(void) {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 20);
#endif
}
