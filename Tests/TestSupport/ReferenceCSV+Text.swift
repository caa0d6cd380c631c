import DiploGraph

/// A whole CSV file cut into records, with its header read and its line starts known.
struct Text {
  let bytes: [UInt8]
  let file: String?
  /// Column names: canonical for known columns, as spelled otherwise.
  var names: [String] = []
  var records: [ReferenceRecord] = []
  var warnings: [Diagnostic] = []
  /// Byte offsets where lines start (line 1 after any byte-order mark).
  private var lineStarts: [Int] = []

  init(_ bytes: [UInt8], file: String?, known: [String], required: Int) throws {
    self.bytes = bytes
    self.file = file
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    lineStarts = [start]
    for i in start..<bytes.count {
      if bytes[i] == 10 || (bytes[i] == 13 && (i + 1 == bytes.count || bytes[i + 1] != 10)) {
        lineStarts.append(i + 1)
      }
    }

    var all: [ReferenceRecord] = []
    var i = start
    while i < bytes.count {
      if bytes[i] == 10 || bytes[i] == 13 {  // a line without bytes
        i += bytes[i] == 13 && i + 1 < bytes.count && bytes[i + 1] == 10 ? 2 : 1
        continue
      }
      var fields: [ReferenceField] = []
      while true {
        var field = ReferenceField(offset: i)
        if i < bytes.count && bytes[i] == 34 {
          field.quoted = true
          i += 1
          while true {
            guard i < bytes.count else {
              let (line, column) = position(field.offset)
              let header = all.isEmpty
              throw DiploGraphError(
                .syntax,
                header
                  ? "expected a closing quote for the header field opened here, found the end "
                    + "of the file"
                  : "expected a closing quote for the field opened here, found the end of the file",
                at: SourceLocation(
                  file: file, line: line, column: column,
                  path: header
                    ? "header" : Text.path(row: all.count - 1, column: fields.count, names: names)
                ))
            }
            if bytes[i] == 34 {
              if i + 1 < bytes.count && bytes[i + 1] == 34 {
                field.bytes.append(34)
                i += 2
                continue
              }
              i += 1
              break
            }
            field.bytes.append(bytes[i])
            i += 1
          }
          if i < bytes.count && ![44, 10, 13].contains(bytes[i]) { field.textAfterQuote = true }
        }
        while i < bytes.count && ![44, 10, 13].contains(bytes[i]) {
          if bytes[i] == 34 && !field.quoted { field.strayQuote = true }
          field.bytes.append(bytes[i])
          i += 1
        }
        fields.append(field)
        if i < bytes.count && bytes[i] == 44 {
          i += 1
          continue
        }
        break
      }
      all.append(ReferenceRecord(fields: fields, end: i))
      if i < bytes.count {
        i += bytes[i] == 13 && i + 1 < bytes.count && bytes[i + 1] == 10 ? 2 : 1
      }
      if all.count == 1 { try readHeader(all[0], known: known, required: required) }
    }
    guard !all.isEmpty else {
      throw DiploGraphError(
        .syntax, "expected a header line (\(known.joined(separator: ","))), found an empty file",
        at: SourceLocation(file: file))
    }
    records = Array(all.dropFirst())
  }

  private mutating func readHeader(_ header: ReferenceRecord, known: [String], required: Int)
    throws
  {
    var seen: [String: Int] = [:]
    for (column, field) in header.fields.enumerated() {
      let spelled = field.lossy
      let key = String(
        String.UnicodeScalarView(
          spelled.unicodeScalars.drop { $0 == " " || $0 == "\t" }.reversed()
            .drop { $0 == " " || $0 == "\t" }.reversed()
            .map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }))
      let (line, col) = position(field.offset)
      if known.contains(key) {
        if let first = seen[key] {
          throw DiploGraphError(
            .schema,
            "expected each column once, found \"\(key)\" twice (columns \(first + 1) and "
              + "\(column + 1))",
            at: SourceLocation(file: file, line: line, column: col, path: "column \"\(key)\""))
        }
        seen[key] = column
        names.append(key)
      } else {
        names.append(spelled)
        warnings.append(
          Diagnostic(
            .warning,
            "unknown column \(ReferenceCSV.quoted(spelled)) is ignored; the columns read are "
              + known.joined(separator: ", "),
            at: SourceLocation(
              file: file, line: line, column: col,
              path: "column \(ReferenceCSV.quoted(spelled))")))
      }
    }
    let needed = Array(known.prefix(required))
    let missing = needed.filter { seen[$0] == nil }
    if !missing.isEmpty {
      let found = header.fields.map { ReferenceCSV.quoted($0.lossy) }.joined(separator: ", ")
      throw DiploGraphError(
        .schema,
        "expected a header with the columns \(needed.joined(separator: ", ")) (and optionally "
          + "\(known.dropFirst(required).joined(separator: ", "))), found no "
          + missing.map { "\"\($0)\"" }.joined(separator: ", ")
          + " column\(missing.count > 1 ? "s" : "") in the header \(found)",
        at: SourceLocation(
          file: file, line: position(header.fields[0].offset).line, column: 1, path: "header"))
    }
  }

  /// 1-based line and column (in Unicode scalars) of a byte offset.
  func position(_ offset: Int) -> (line: Int, column: Int) {
    let line = lineStarts.lastIndex { $0 <= offset }!
    let column = 1 + bytes[lineStarts[line]..<offset].filter { $0 & 0xC0 != 0x80 }.count
    return (line + 1, column)
  }

  func column(_ name: String) -> Int? { names.firstIndex(of: name) }

  static func path(row: Int, column: Int?, names: [String]) -> String {
    guard let column else { return "row \(row + 1)" }
    if column < names.count { return "row \(row + 1), column \"\(names[column])\"" }
    return "row \(row + 1), field \(column + 1)"
  }

  func location(_ field: ReferenceField, row: Int) -> SourceLocation {
    let (line, column) = position(field.offset)
    return SourceLocation(
      file: file, line: line, column: column,
      path: Text.path(row: row, column: record(field, row: row), names: names))
  }

  private func record(_ field: ReferenceField, row: Int) -> Int? {
    records[row].fields.firstIndex { $0.offset == field.offset }
  }

  /// Quotes out of place, and a field count that is not the header's.
  func shapeProblems(_ record: ReferenceRecord, row: Int) -> [ReferenceProblem] {
    var problems: [ReferenceProblem] = []
    for (k, field) in record.fields.prefix(names.count).enumerated() {
      let (line, column) = position(field.offset)
      let at = SourceLocation(
        file: file, line: line, column: column, path: Text.path(row: row, column: k, names: names))
      if field.textAfterQuote {
        problems.append(
          ReferenceProblem(
            key: 2 * k,
            diagnostic: Diagnostic(
              .error,
              "expected a comma or the end of the line after the closing quote, found more text "
                + "(the field is read as \(ReferenceCSV.quoted(field.lossy)))", at: at)))
      } else if field.strayQuote {
        problems.append(
          ReferenceProblem(
            key: 2 * k,
            diagnostic: Diagnostic(
              .warning,
              "a quote inside an unquoted field is kept as a character; to quote a field, start "
                + "it with a quote and double the quotes inside", at: at)))
      }
    }
    let n = record.fields.count
    if n != names.count {
      let (line, column) = position(
        n < names.count ? record.end : record.fields[names.count].offset)
      problems.append(
        ReferenceProblem(
          key: .max,
          diagnostic: Diagnostic(
            .error,
            "expected \(names.count) fields, found \(n) (the "
              + (n < names.count
                ? "missing fields are read as empty)" : "extra fields are ignored)"),
            at: SourceLocation(
              file: file, line: line, column: column,
              path: Text.path(row: row, column: n < names.count ? nil : names.count, names: names))
          )))
    }
    return problems
  }
}

/// Reads the values of one record, collecting the problems found.
struct FieldReader {
  let text: Text
  let record: ReferenceRecord
  let row: Int
  var problems: [ReferenceProblem] = []

  init(text: Text, record: ReferenceRecord, row: Int) {
    self.text = text
    self.record = record
    self.row = row
  }

  /// The field of a column, or `nil` when the header or the record has no such field.
  func field(_ name: String) -> (column: Int, field: ReferenceField)? {
    guard let k = text.column(name), k < record.fields.count else { return nil }
    return (k, record.fields[k])
  }

  mutating func report(_ name: String, _ message: String) {
    let (k, field) = field(name)!
    let (line, column) = text.position(field.offset)
    problems.append(
      ReferenceProblem(
        key: 2 * k + 1,
        diagnostic: Diagnostic(
          .error, message,
          at: SourceLocation(
            file: text.file, line: line, column: column,
            path: Text.path(row: row, column: k, names: text.names)))))
  }

  /// The text of a field that must be UTF-8; `nil` (with an error) when it is not, or when
  /// the field is absent.
  mutating func string(_ name: String) -> String? {
    guard let (_, field) = field(name) else { return nil }
    if let s = field.string { return s }
    report(
      name,
      "expected UTF-8 text, found bytes that are not UTF-8: \(ReferenceCSV.quoted(field.lossy))")
    return nil
  }

  /// A required symbol: empty (with an error when the field is there but empty) when absent.
  mutating func symbol(_ name: String, emptyMessage: String) -> String {
    guard let (_, field) = field(name) else { return "" }
    guard let s = string(name) else { return "" }
    if s.isEmpty && field.bytes.isEmpty { report(name, emptyMessage) }
    return s
  }

  /// An optional text: `nil` when empty, absent or not UTF-8.
  mutating func optional(_ name: String) -> String? {
    guard let s = string(name), !s.isEmpty else { return nil }
    return s
  }

  /// A `;`-separated list.
  mutating func list(_ name: String, what: String) -> [String] {
    guard let s = optional(name) else { return [] }
    let items = s.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
    if items.contains("") {
      report(
        name, "expected \(what) separated by \";\", found an empty id in \(ReferenceCSV.quoted(s))")
    }
    return items.filter { !$0.isEmpty }
  }

  mutating func count() -> Int? {
    guard let (_, field) = field("count"), !field.bytes.isEmpty else { return nil }
    let s = field.lossy
    guard s.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
      report("count", "expected a whole number of diplomats ≥ 0, found \(ReferenceCSV.quoted(s))")
      return nil
    }
    guard let value = Int64(s) else {
      report(
        "count",
        "expected a whole number of diplomats ≥ 0, found \(ReferenceCSV.quoted(s)), which is "
          + "larger than \(Int64.max)")
      return nil
    }
    return Int(value)
  }

  /// The day, or the month or year alone (issue 12), of the `date` field.
  mutating func date() -> (day: Day?, partial: PartialDate?) {
    guard let (_, field) = field("date"), !field.bytes.isEmpty else { return (nil, nil) }
    let s = field.lossy
    if field.string != nil, let day = Day(iso: s) { return (day, nil) }
    if field.string != nil, let partial = PartialDate(iso: s) { return (nil, partial) }
    if field.string != nil, let advice = Day.ambiguityAdvice(s) {
      report("date", "expected a date as YYYY-MM-DD, found \(ReferenceCSV.quoted(s)): \(advice)")
      return (nil, nil)
    }
    let b = field.bytes
    let shaped =
      b.count == 10
      && b.indices.allSatisfy { i in i == 4 || i == 7 ? b[i] == 45 : (48...57).contains(b[i]) }
    report(
      "date",
      "expected a date as YYYY-MM-DD, found \(ReferenceCSV.quoted(s))"
        + (shaped ? ", a day that does not exist" : ""))
    return (nil, nil)
  }
}
