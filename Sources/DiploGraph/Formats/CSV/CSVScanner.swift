// The RFC 4180 tokenizer shared by every CSV reader in the module: it cuts a block of bytes into
// records and fields without copying them, and walks a file record by record with
// ``CSVRecordDriver``.
//
// Grammar read (RFC 4180, section 2, with the usual leniencies of spreadsheet exports):
//   record     = field *(delim field) line-end | field *(delim field) end-of-file
//   line-end   = CRLF | LF | CR
//   field      = quoted / unquoted
//   quoted     = DQUOTE *(any byte but DQUOTE / 2DQUOTE) DQUOTE
//   unquoted   = *(any byte but delim CR LF)
// where delim is "," unless the reader is told another byte (`;`, tab, `|`: ``CSVDelimiter``).
// A line with no bytes at all is skipped. A quote inside an unquoted field is kept as a
// character (flagged: a warning); text after a closing quote is kept too (flagged: an error).

/// One field of a scanned record, as positions in the block it was scanned from.
struct CSVField {
  /// Index of the field's first byte (its opening quote, when quoted).
  var start: Int
  /// Index of the byte after the field (the comma, the line end, or the end of the input).
  var end: Int
  /// ``CSVFieldFlags`` bits.
  var flags: UInt8
}

/// What the scanner noticed about a field.
enum CSVFieldFlags {
  /// The field starts with a quote.
  static let quoted: UInt8 = 1
  /// The quoted field holds `""` pairs: its text must be unescaped.
  static let escaped: UInt8 = 2
  /// Some byte is 0x80 or above: its text must be checked as UTF-8.
  static let nonASCII: UInt8 = 4
  /// An unquoted field with a quote inside (kept as a character; a warning).
  static let strayQuote: UInt8 = 8
  /// Text follows the closing quote (kept; an error).
  static let textAfterQuote: UInt8 = 16
  /// Not in the record at all (the record has too few fields); read as empty.
  static let missing: UInt8 = 32

  /// Flags that make a field need more than a plain slice of its bytes.
  static let needsDecoding: UInt8 = escaped | textAfterQuote
  /// Flags that produce a diagnostic of their own.
  static let syntaxProblems: UInt8 = strayQuote | textAfterQuote
}

/// The outcome of scanning from a record's start.
struct CSVScan {
  enum Status {
    /// A complete record: `fieldCount` fields, content up to `end`, next record at `next`.
    case record
    /// A line without bytes; the next record is at `next`.
    case blank
    /// The block ends before the record does; read more and scan again from the same start.
    case needMore
    /// Nothing left.
    case endOfInput
    /// The input ends inside the quoted field that opens at `end` (field number `fieldCount`).
    case unterminated
  }

  var status: Status
  var fieldCount = 0
  var end = 0
  var next = 0
  /// Physical line breaks inside the record plus the one ending it.
  var lineBreaks = 0
  /// All fields' flags, or-ed.
  var flags: UInt8 = 0
}

enum CSVScanner {
  static let quote = UInt8(ascii: "\"")
  static let comma = UInt8(ascii: ",")
  static let lineFeed: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D

  /// Scans one record starting at `p[start]`.
  ///
  /// `p[0..<count]` is the data, `p[count]` must be a line feed (the block's sentinel), and
  /// `atEnd` says whether the input ends at `count`. Up to `capacity` fields are stored in
  /// `fields`; the count of all of them is returned. Fields are separated by `delimiter` (a
  /// comma unless told; never a quote, CR or LF: see ``CSVDelimiter``).
  ///
  /// - Complexity: O(length of the record).
  @inline(__always)
  static func scanRecord(
    _ p: UnsafeMutablePointer<UInt8>, from start: Int, count: Int, atEnd: Bool,
    fields: UnsafeMutablePointer<CSVField>, capacity: Int, delimiter: UInt8 = comma
  ) -> CSVScan {
    if start >= count { return CSVScan(status: atEnd ? .endOfInput : .needMore) }
    let first = p[start]
    if first == lineFeed { return CSVScan(status: .blank, next: start + 1, lineBreaks: 1) }
    if first == carriageReturn {
      if start + 1 < count {
        let next = p[start + 1] == lineFeed ? start + 2 : start + 1
        return CSVScan(status: .blank, next: next, lineBreaks: 1)
      }
      return atEnd
        ? CSVScan(status: .blank, next: start + 1, lineBreaks: 1) : .init(status: .needMore)
    }

    if let plain = scanPlainRecord(
      p, from: start, count: count, atEnd: atEnd, fields: fields, capacity: capacity,
      delimiter: delimiter)
    {
      return plain
    }
    if first == quote,  // quoted text fields, as R writes them
      let simple = scanSimpleRecord(
        p, from: start, count: count, atEnd: atEnd, fields: fields, capacity: capacity,
        delimiter: delimiter)
    {
      return simple
    }
    var scan = CSVScan(status: .record)
    var i = start
    while true {
      let fieldStart = i
      var flags: UInt8 = 0
      if p[i] == quote {
        flags = CSVFieldFlags.quoted
        i += 1
        while true {
          guard i < count else {
            return atEnd
              ? CSVScan(status: .unterminated, fieldCount: scan.fieldCount, end: fieldStart)
              : CSVScan(status: .needMore)
          }
          let b = p[i]
          if b == quote {
            if i + 1 < count {
              if p[i + 1] == quote {
                flags |= CSVFieldFlags.escaped
                i += 2
                continue
              }
              i += 1
              break
            }
            if atEnd {
              i += 1
              break
            }
            return CSVScan(status: .needMore)
          }
          if b == lineFeed {
            scan.lineBreaks += 1
          } else if b == carriageReturn {
            if i + 1 < count {
              if p[i + 1] != lineFeed { scan.lineBreaks += 1 }
            } else if atEnd {
              scan.lineBreaks += 1
            } else {
              return CSVScan(status: .needMore)
            }
          } else if b >= 0x80 {
            flags |= CSVFieldFlags.nonASCII
          }
          i += 1
        }
        if i < count {
          let b = p[i]
          if b != delimiter && b != lineFeed && b != carriageReturn {
            flags |= CSVFieldFlags.textAfterQuote
            while true {
              let c = p[i]  // stops on the sentinel at `count`
              if c == delimiter || c == lineFeed || c == carriageReturn { break }
              if c >= 0x80 { flags |= CSVFieldFlags.nonASCII }
              i += 1
            }
          }
        }
      } else {
        while true {
          let b = p[i]
          // '-' (0x2D) through DEL: no byte the scanner stops on but a delimiter such as `;`.
          if b &- 0x2D < 0x53 && b != delimiter {
            i &+= 1
            continue
          }
          if b == delimiter || b == lineFeed || b == carriageReturn { break }  // sentinel included
          if b == quote {
            flags |= CSVFieldFlags.strayQuote
          } else if b >= 0x80 {
            flags |= CSVFieldFlags.nonASCII
          }
          i &+= 1
        }
      }
      if scan.fieldCount < capacity {
        fields[scan.fieldCount] = CSVField(start: fieldStart, end: i, flags: flags)
      }
      scan.fieldCount += 1
      scan.flags |= flags
      if i >= count {
        guard atEnd else { return CSVScan(status: .needMore) }
        scan.end = i
        scan.next = i
        return scan
      }
      let b = p[i]
      if b == delimiter {
        i += 1
        continue
      }
      scan.end = i
      if b == lineFeed {
        scan.next = i + 1
      } else if i + 1 < count {
        scan.next = p[i + 1] == lineFeed ? i + 2 : i + 1
      } else if atEnd {
        scan.next = i + 1
      } else {
        return CSVScan(status: .needMore)
      }
      scan.lineBreaks += 1
      return scan
    }
  }

  /// The text of a field when it is a plain slice of the block (no `""` to unescape, no text
  /// after a closing quote): its start and length. `nil` otherwise.
  @inline(__always)
  static func plainText(
    of field: CSVField, in p: UnsafeMutablePointer<UInt8>
  ) -> (UnsafeMutablePointer<UInt8>, Int)? {
    if field.flags & CSVFieldFlags.needsDecoding != 0 { return nil }
    if field.flags & CSVFieldFlags.quoted != 0 {
      return (p + field.start + 1, field.end - field.start - 2)
    }
    return (p + field.start, field.end - field.start)
  }

  /// Writes the text of any field into `out`: quotes removed, `""` unescaped, text after a
  /// closing quote appended as it stands (as Python's `csv` module reads it).
  static func decode(
    _ field: CSVField, in p: UnsafeMutablePointer<UInt8>, into out: inout CSVScratch
  ) {
    out.removeAll()
    var i = field.start
    let end = field.end
    if field.flags & CSVFieldFlags.missing != 0 { return }
    if field.flags & CSVFieldFlags.quoted != 0 {
      i += 1
      while i < end {
        let b = p[i]
        if b == quote {
          if i + 1 < end && p[i + 1] == quote {
            out.append(quote)
            i += 2
            continue
          }
          i += 1
          break
        }
        out.append(b)
        i += 1
      }
    }
    while i < end {
      out.append(p[i])
      i += 1
    }
  }

  /// Line breaks between `recordStart` and `position`, and the 1-based column of `position` on
  /// its line, in Unicode scalars (every byte that does not continue a UTF-8 sequence).
  ///
  /// - Complexity: O(position − recordStart); used for diagnostics only.
  static func lineAndColumn(
    of position: Int, recordStart: Int, in p: UnsafeMutablePointer<UInt8>
  ) -> (lineBreaks: Int, column: Int) {
    var lines = 0
    var lineStart = recordStart
    var i = recordStart
    while i < position {
      let b = p[i]
      if b == lineFeed || (b == carriageReturn && p[i + 1] != lineFeed) {
        lines += 1
        lineStart = i + 1
      }
      i += 1
    }
    var column = 1
    i = lineStart
    while i < position {
      if p[i] & 0xC0 != 0x80 { column += 1 }
      i += 1
    }
    return (lines, column)
  }

  /// A field's text as a diagnostic quotes it: invalid UTF-8 replaced by U+FFFD, quotes,
  /// backslashes and control characters escaped, cut after 40 characters.
  static func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    quoted(text: String(decoding: bytes, as: UTF8.self))
  }

  static func quoted(text: String) -> String {
    var out = "\""
    var n = 0
    for scalar in text.unicodeScalars {
      if n == 40 {
        out += "…"
        break
      }
      n += 1
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

/// A growable byte buffer with ``PaddedBytes/padding`` readable bytes past its end, for field
/// text that had to be unescaped before it is interned.
struct CSVScratch {
  private var storage = PaddedBytes(capacity: 256)
  private(set) var count = 0

  /// The bytes; valid until the next ``append(_:)``.
  var base: UnsafeMutablePointer<UInt8> { storage.base }

  mutating func removeAll() { count = 0 }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    if count == storage.capacity { storage.grow() }
    storage.base[count] = byte
    count += 1
  }

  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
