/// Latin-1 input: finding bytes that are not UTF-8, and turning Latin-1 into UTF-8.
///
/// POLECAT (and some ICEWS re-exports) come in UTF-8 or in Latin-1 (ISO 8859-1). A file that
/// is valid UTF-8 is read as it is; any other is read as Latin-1, where every byte is the
/// character of the same number, so the conversion cannot fail and keeps every line and
/// character column where it was.
enum Latin1 {
  /// The first byte of `input` that is not part of valid UTF-8 (overlong forms, surrogates and
  /// code points past U+10FFFF refused), with its 1-based line; `nil` for valid UTF-8.
  ///
  /// - Complexity: O(n), reading 1 MiB at a time.
  static func firstInvalidUTF8(_ input: CSVInput) throws -> (offset: Int, line: Int)? {
    let window = 1 << 20
    var from = 0
    var line = 1
    return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: window) { buffer in
      while from < input.size {
        let n = try input.read(at: from, into: buffer.baseAddress!, count: window)
        if n == 0 { return nil }
        let atEnd = from + n >= input.size
        var i = 0
        while i < n {
          let b = buffer[i]
          if b < 0x80 {
            if b == 0x0A { line += 1 }
            i += 1
            continue
          }
          let length: Int
          var low: UInt8 = 0x80
          var high: UInt8 = 0xBF
          switch b {
          case 0xC2...0xDF: length = 2
          case 0xE0:
            (length, low) = (3, 0xA0)
          case 0xED:
            (length, high) = (3, 0x9F)
          case 0xE1...0xEF: length = 3
          case 0xF0:
            (length, low) = (4, 0x90)
          case 0xF4:
            (length, high) = (4, 0x8F)
          case 0xF1...0xF3: length = 4
          default: return (from + i, line)
          }
          if i + length > n {
            if atEnd { return (from + i, line) }
            break  // read the sequence again at the start of the next block
          }
          guard (low...high).contains(buffer[i + 1]) else { return (from + i, line) }
          for k in 2..<max(2, length) where buffer[i + k] & 0xC0 != 0x80 {
            return (from + i, line)
          }
          i += length
        }
        from += i
        if i == 0 { return (from, line) }  // cannot happen with a window of 1 MiB
      }
      return nil
    }
  }

  /// The UTF-8 encoding of `input` read as Latin-1.
  ///
  /// - Complexity: O(n); at most twice the input's size in memory.
  static func utf8(from input: CSVInput) throws -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(input.size + input.size / 8)
    let window = 1 << 20
    var from = 0
    try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: window) { buffer in
      while from < input.size {
        let n = try input.read(at: from, into: buffer.baseAddress!, count: window)
        if n == 0 { break }
        for b in buffer[..<n] {
          if b < 0x80 {
            out.append(b)
          } else {
            out.append(0xC0 | (b >> 6))
            out.append(0x80 | (b & 0x3F))
          }
        }
        from += n
      }
    }
    return out
  }
}
