/// A window on a ``CSVInput``: `base[0..<count]` holds the file's bytes from `fileOffset`.
///
/// Past `count` the buffer always has ``PaddedBytes/padding`` readable bytes, the first of
/// them a line feed: the scanner's inner loop stops on it without a bounds check, and the
/// symbol table may load 16 bytes from any field start.
struct CSVBlock {
  private var bytes: PaddedBytes
  /// Valid bytes in `base`.
  private(set) var count = 0
  /// File offset of `base[0]`.
  private(set) var fileOffset: Int
  /// Whether `base[count]` is the end of the file.
  private(set) var atEnd = false

  init(capacity: Int, fileOffset: Int) {
    bytes = PaddedBytes(capacity: capacity)
    self.fileOffset = fileOffset
    bytes.base[0] = 0x0A
  }

  /// The bytes; valid until the next ``advance(keepingFrom:input:)``.
  var base: UnsafeMutablePointer<UInt8> { bytes.base }

  /// Drops the bytes before `keep`, then reads more of `input` behind what is left, growing the
  /// buffer when what is left already fills it (a record longer than the block).
  mutating func advance(keepingFrom keep: Int, input: CSVInput) throws {
    let kept = count - keep
    if keep > 0 && kept > 0 { base.update(from: base + keep, count: kept) }
    fileOffset += keep
    count = kept
    if kept * 2 > bytes.capacity { bytes.grow() }
    let n = try input.read(
      at: fileOffset + count, into: base + count, count: bytes.capacity - count)
    count += n
    atEnd = fileOffset + count >= input.size || n == 0
    base[count] = 0x0A
  }
}
