#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Gives the whole pages of `buffer` past its first `used` elements back to the system: their
/// memory stops counting until something writes there again (it then reads as zeros, which
/// for uninitialized capacity is no loss).
///
/// Why: a column reserved from an estimate and filled short keeps its capacity, and the pages
/// its rows were written to before they were moved to the front stay resident. At 10 million
/// actions the reader's estimate leaves about 30 MB so.
func releaseUnusedPages<T: BitwiseCopyable>(
  of buffer: UnsafeMutableBufferPointer<T>, after used: Int
) {
  guard let base = buffer.baseAddress, used < buffer.count else { return }
  let page = Int(sysconf(Int32(_SC_PAGESIZE)))
  guard page > 0 else { return }
  let start = UInt(bitPattern: base + used)
  let end = UInt(bitPattern: base + buffer.count)
  let from = (start + UInt(page) - 1) / UInt(page) * UInt(page)
  let to = end / UInt(page) * UInt(page)
  guard to > from, let pointer = UnsafeMutableRawPointer(bitPattern: from) else { return }
  #if canImport(Darwin)
    _ = madvise(pointer, Int(to - from), MADV_FREE)
  #else
    _ = madvise(pointer, Int(to - from), Int32(MADV_DONTNEED))
  #endif
}
