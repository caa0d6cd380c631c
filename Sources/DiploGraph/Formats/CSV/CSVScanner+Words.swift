// The scanner's fast paths: whole 64-bit words of a record examined at once (SWAR, "SIMD
// within a register"), for the records most files are made of.

extension CSVScanner {
  static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  static let high: UInt64 = 0x8080_8080_8080_8080

  /// The high bit of every byte of `word` equal to the byte repeated in `pattern`, exactly
  /// (no false positives from borrows).
  @inline(__always)
  static func bytes(of word: UInt64, equalTo pattern: UInt64) -> UInt64 {
    let x = word ^ pattern
    return ~(((x & low7) &+ low7) | x) & high
  }

  /// The high bit of every byte below `-` (0x2D) or above 0x7F: every byte the scanner may
  /// stop on (comma, quote, CR, LF), with some that it does not (space, `!`…`,`).
  @inline(__always)
  static func specialBytes(of word: UInt64) -> UInt64 {
    let bias: UInt64 = 0x5353_5353_5353_5353  // 0x2D + 0x53 = 0x80
    return (~((word & low7) &+ bias) | word) & high
  }

  @inline(__always)
  static func word(at p: UnsafeMutablePointer<UInt8>) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
  }

  /// The fast path of ``scanRecord(_:from:count:atEnd:fields:capacity:)`` for the usual
  /// record — no quote, no byte above 0x7F, ending in LF or CRLF — eight bytes at a time: in
  /// each word, the bytes below `-` (0x2D) or above 0x7F are flagged at once with SWAR
  /// arithmetic, and only those (commas, line ends, the odd space) are looked at. Returns
  /// `nil` for any other record, which the byte-by-byte scanner then reads from its start.
  ///
  /// Reads up to 7 bytes past the sentinel, inside the block's padding.
  @inline(__always)
  static func scanPlainRecord(
    _ p: UnsafeMutablePointer<UInt8>, from start: Int, count: Int, atEnd: Bool,
    fields: UnsafeMutablePointer<CSVField>, capacity: Int, delimiter: UInt8
  ) -> CSVScan? {
    let commas = UInt64(delimiter) &* 0x0101_0101_0101_0101
    // A delimiter at or above `-` (`;`, `|`) is not among the special bytes: look for it too.
    let highDelimiter = delimiter >= 0x2D
    var scan = CSVScan(status: .record)
    var fieldStart = start
    var i = start
    while true {
      let word = word(at: p + i)
      let comma = bytes(of: word, equalTo: commas)
      let special = highDelimiter ? specialBytes(of: word) | comma : specialBytes(of: word)
      if special != 0 {
        var other = special & ~comma
        while other != 0 {
          let bit = other.trailingZeroBitCount
          let j = i &+ bit &>> 3
          let b = p[j]
          guard b == lineFeed || b == carriageReturn || b == quote || b >= 0x80 else {
            other &= other &- 1  // a space or punctuation below `-`: part of the field
            continue
          }
          // The record (or the fast path) ends here: take the commas before it first.
          guard
            endFields(
              atCommas: comma & ((1 &<< UInt64(bit)) &- 1), ofWordAt: i, from: &fieldStart,
              into: &scan, fields: fields, capacity: capacity)
          else { return nil }
          if b == lineFeed {
            if j >= count {  // the sentinel
              guard atEnd else { return CSVScan(status: .needMore) }
              scan.end = count
              scan.next = count
            } else {
              scan.end = j
              scan.next = j &+ 1
              scan.lineBreaks = 1
            }
          } else if b == carriageReturn && j &+ 1 < count && p[j &+ 1] == lineFeed {
            scan.end = j
            scan.next = j &+ 2
            scan.lineBreaks = 1
          } else {
            return nil  // a quote, a byte above 0x7F, a lone CR: the careful path
          }
          guard scan.fieldCount < capacity else { return nil }
          fields[scan.fieldCount] = CSVField(start: fieldStart, end: scan.end, flags: 0)
          scan.fieldCount &+= 1
          return scan
        }
        guard
          endFields(
            atCommas: comma, ofWordAt: i, from: &fieldStart, into: &scan, fields: fields,
            capacity: capacity)
        else { return nil }
      }
      i &+= 8
    }
  }

  /// Ends a plain field at each comma flagged in `commas` (one bit per byte of the word at
  /// `i`), in order, the next field starting after it. Returns `false` when `fields` is full.
  @inline(__always)
  static func endFields(
    atCommas commas: UInt64, ofWordAt i: Int, from fieldStart: inout Int, into scan: inout CSVScan,
    fields: UnsafeMutablePointer<CSVField>, capacity: Int
  ) -> Bool {
    var comma = commas
    while comma != 0 {
      guard scan.fieldCount < capacity else { return false }
      let c = i &+ comma.trailingZeroBitCount &>> 3
      comma &= comma &- 1
      fields[scan.fieldCount] = CSVField(start: fieldStart, end: c, flags: 0)
      scan.fieldCount &+= 1
      fieldStart = c &+ 1
    }
    return true
  }

  /// The second fast path, for records whose fields are plain or quoted without anything
  /// that needs care inside the quotes — no `""`, no line break, no byte above 0x7F — as R's
  /// `write.csv` and many exporters write every text field. Field by field: a quoted field's
  /// closing quote, or an unquoted field's end, is found eight bytes at a time. Returns `nil`
  /// for any other record.
  @inline(__always)
  static func scanSimpleRecord(
    _ p: UnsafeMutablePointer<UInt8>, from start: Int, count: Int, atEnd: Bool,
    fields: UnsafeMutablePointer<CSVField>, capacity: Int, delimiter: UInt8
  ) -> CSVScan? {
    let delimiters = UInt64(delimiter) &* 0x0101_0101_0101_0101
    let highDelimiter = delimiter >= 0x2D
    let quotes: UInt64 = 0x2222_2222_2222_2222
    let lineFeeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    let returns: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
    var scan = CSVScan(status: .record)
    var i = start
    while true {
      let fieldStart = i
      var flags: UInt8 = 0
      if p[i] == quote {
        flags = CSVFieldFlags.quoted
        i &+= 1
        while true {  // to the closing quote; the sentinel is a line feed, so this stops
          let word = word(at: p + i)
          let bad =
            (word & high) | bytes(of: word, equalTo: lineFeeds)
            | bytes(of: word, equalTo: returns)
          let closing = bytes(of: word, equalTo: quotes)
          if bad | closing != 0 {
            let bit = (bad | closing).trailingZeroBitCount
            guard bad & (1 &<< UInt64(bit)) == 0 else { return nil }
            i &+= bit &>> 3
            break
          }
          i &+= 8
        }
        i &+= 1  // past the closing quote: a comma or a line end must follow
        let b = p[i]
        guard b == delimiter || b == lineFeed || b == carriageReturn else { return nil }
      } else {
        while true {
          let word = word(at: p + i)
          var special = specialBytes(of: word)
          if highDelimiter { special |= bytes(of: word, equalTo: delimiters) }
          var stop = -1
          while special != 0 {
            let j = i &+ special.trailingZeroBitCount &>> 3
            let b = p[j]
            if b == delimiter || b == lineFeed || b == carriageReturn {
              stop = j
              break
            }
            if b == quote || b >= 0x80 { return nil }
            special &= special &- 1
          }
          if stop >= 0 {
            i = stop
            break
          }
          i &+= 8
        }
      }
      guard scan.fieldCount < capacity else { return nil }
      let end = min(i, count)
      fields[scan.fieldCount] = CSVField(start: fieldStart, end: end, flags: flags)
      scan.fieldCount &+= 1
      scan.flags |= flags
      if i >= count {  // the sentinel
        guard atEnd else { return CSVScan(status: .needMore) }
        scan.end = count
        scan.next = count
        return scan
      }
      let b = p[i]
      if b == delimiter {
        i &+= 1
        continue
      }
      if b == lineFeed {
        scan.end = i
        scan.next = i &+ 1
      } else if i &+ 1 < count && p[i &+ 1] == lineFeed {
        scan.end = i
        scan.next = i &+ 2
      } else {
        return nil  // a lone CR, or a CR at the block's end: the careful path
      }
      scan.lineBreaks = 1
      return scan
    }
  }
}
