// File-system calls the C library has that Swift's Glibc module does not show (Linux's
// sync_file_range is declared only for _GNU_SOURCE). Nothing where the system is not Linux.
#if defined(__linux__)
#include <sys/types.h>
int sync_file_range(int fd, off_t offset, off_t nbytes, unsigned int flags);
#endif

/// Starts writing `length` bytes of `fd` from `offset` to disk, without waiting for them
/// (SYNC_FILE_RANGE_WRITE): an `fsync` at the end then waits for little. Returns 0, or -1 with
/// errno set (where the call does not exist, 0 and nothing done).
static inline int diplograph_start_writeback(int fd, long long offset, long long length) {
#if defined(__linux__)
  return sync_file_range(fd, (off_t)offset, (off_t)length, 2u /* SYNC_FILE_RANGE_WRITE */);
#else
  (void)fd;
  (void)offset;
  (void)length;
  return 0;
#endif
}
