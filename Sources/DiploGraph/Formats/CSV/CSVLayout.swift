/// The columns of one CSV file, as its header line names them.
struct CSVLayout: Sendable, Hashable {
  /// The file's name as the user gave it, for messages.
  var file: String?
  /// Each column's name: the canonical spelling for a known column, else the header's.
  var names: [String]
  /// The column of each known name, or -1 when the header does not have it; in the order of
  /// the `known` list the layout was read with.
  var columns: [Int]
  /// File offset of the first byte after the header record, and line breaks before it.
  var dataStart: Int
  var dataStartLineBreaks: Int
  /// The byte between fields (a comma unless the file was read with another).
  var delimiter = CSVScanner.comma

  var columnCount: Int { names.count }

  /// The most columns a header may have: the format has nine, and every record of the file is
  /// cut into fields against the header, so a hostile header must not set the size of that work.
  static let maxColumns = 1024

  /// `row 13, column "count"` — the path part of a CSV location.
  func path(row: Int, column: Int?) -> String {
    guard let column else { return "row \(row + 1)" }
    if column < names.count { return "row \(row + 1), column \"\(names[column])\"" }
    return "row \(row + 1), field \(column + 1)"
  }
}

/// The known columns of the two files of the CSV format.
enum CSVColumns {
  static let actions = [
    "actor", "target", "kind", "count", "date", "source", "id", "responds_to", "note",
  ]
  static let actionsRequired = ["actor", "target", "kind"]
  static let actors = ["id", "name", "kind", "blocs"]
  static let actorsRequired = ["id"]
  static let sources = ["id", "title", "publisher", "date", "url"]

  // Positions in `actions`.
  static let actor = 0
  static let target = 1
  static let kind = 2
  static let count = 3
  static let date = 4
  static let source = 5
  static let id = 6
  static let respondsTo = 7
  static let note = 8

  // Positions in `actors`.
  static let actorID = 0
  static let actorName = 1
  static let actorKind = 2
  static let actorBlocs = 3

  // Positions in `sources`.
  static let sourceID = 0
  static let sourceTitle = 1
  static let sourcePublisher = 2
  static let sourceDate = 3
  static let sourceURL = 4
}

extension CSVLayout {
  /// Reads the header of `input`: skips a UTF-8 byte-order mark and blank lines, then matches
  /// each name against `known`, ignoring ASCII case and surrounding spaces. `headers` names,
  /// for some of the known fields, the header that holds each instead of the field's own name
  /// (`["actor": "Expelling state"]`); its fields must be known ones.
  ///
  /// - Returns: the layout and a warning for each unknown column.
  /// - Throws: ``DiploGraphError`` (`syntax`) for an empty file or a quote left open in the
  ///   header, (`schema`) for a column named twice, a required column missing or a header of
  ///   `headers` that the file does not have, (`limit`) for a header longer than
  ///   `maxRecordBytes`.
  static func read(
    _ input: CSVInput, file: String?, known: [String], required: [String],
    headers: [String: String] = [:],
    blockSize: Int = CSVRecordDriver.defaultBlockSize, maxRecordBytes: Int = .max
  ) throws -> (CSVLayout, [Diagnostic]) {
    var start = 0
    var bom: (UInt8, UInt8, UInt8) = (0, 0, 0)
    if try withUnsafeMutableBytes(
      of: &bom,
      { raw in
        try input.read(at: 0, into: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 3)
      }) == 3, bom == (0xEF, 0xBB, 0xBF)
    {
      start = 3
    }
    var capacity = 64
    var handler: HeaderHandler
    var outcome: CSVRunOutcome
    repeat {
      handler = HeaderHandler(capacity: capacity)
      outcome = try CSVRecordDriver.run(
        input, from: start, until: input.size, blockSize: blockSize, fieldCapacity: capacity,
        maxRecordBytes: maxRecordBytes, handler: &handler)
      if let tooLong = outcome.recordTooLong, outcome.records == 0 {
        throw tooLong.error(file: file, lineBreaksBefore: 0, row: nil)
      }
      if handler.fieldCount <= capacity { break }
      guard handler.fieldCount <= CSVLayout.maxColumns else {
        throw DiploGraphError(
          .limit,
          "found a header of \(handler.fieldCount) columns; expected at most "
            + "\(CSVLayout.maxColumns) (the format has \(known.count))",
          at: SourceLocation(
            file: file, line: 1 + handler.firstLineBreaks, column: 1, path: "header"))
      }
      capacity = handler.fieldCount
    } while true

    let expected = known.joined(separator: ",")
    if let open = outcome.unterminatedQuote {
      throw DiploGraphError(
        .syntax,
        "expected a closing quote for the header field opened here, found the end of the file",
        at: SourceLocation(
          file: file, line: 1 + open.lineBreaks, column: open.column, path: "header"))
    }
    guard outcome.records == 1 else {
      throw DiploGraphError(
        .syntax, "expected a header line (\(expected)), found an empty file",
        at: SourceLocation(file: file))
    }

    var layout = CSVLayout(
      file: file, names: [], columns: Array(repeating: -1, count: known.count),
      dataStart: outcome.end, dataStartLineBreaks: outcome.lineBreaks,
      delimiter: input.delimiter)
    // The header each known field is looked for under.
    let targets = known.map { normalized(headers[$0] ?? $0) }
    try checkHeaders(headers, targets: targets, found: handler.names, file: file, known: known)
    var warnings: [Diagnostic] = []
    for (column, spelled) in handler.names.enumerated() {
      let (lineBreaks, col) = handler.positions[column]
      let location = SourceLocation(file: file, line: 1 + lineBreaks, column: col)
      let key = normalized(spelled)
      if let k = targets.firstIndex(of: key) {
        if layout.columns[k] >= 0 {
          throw DiploGraphError(
            .schema,
            "expected each column once, found \"\(key)\" twice (columns \(layout.columns[k] + 1) "
              + "and \(column + 1))",
            at: SourceLocation(
              file: file, line: location.line, column: location.column,
              path: "column \"\(key)\""))
        }
        layout.columns[k] = column
        layout.names.append(headers[known[k]] == nil ? key : spelled)
      } else {
        layout.names.append(spelled)
        var at = location
        at.path = "column \(CSVScanner.quoted(text: spelled))"
        warnings.append(
          Diagnostic(
            .warning,
            "unknown column \(CSVScanner.quoted(text: spelled)) is ignored; the columns read are "
              + known.joined(separator: ", "),
            at: at))
      }
    }
    let missing = required.filter { layout.columns[known.firstIndex(of: $0)!] < 0 }
    if !missing.isEmpty {
      let list = missing.map { "\"\($0)\"" }.joined(separator: ", ")
      let found = handler.names.map { CSVScanner.quoted(text: $0) }.joined(separator: ", ")
      throw DiploGraphError(
        .schema,
        "expected a header with the columns \(required.joined(separator: ", ")) "
          + "(and optionally \(known.filter { !required.contains($0) }.joined(separator: ", "))), "
          + "found no \(list) column\(missing.count > 1 ? "s" : "") in the header \(found)",
        at: SourceLocation(
          file: file, line: 1 + handler.firstLineBreaks, column: 1, path: "header"))
    }
    return (layout, warnings)
  }

  /// ASCII-lowercased, spaces and tabs trimmed: `" Count "` matches `count`.
  static func normalized(_ name: String) -> String {
    var scalars = Substring(name).unicodeScalars
    while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
    var out = String.UnicodeScalarView()
    for s in scalars {
      if ("A"..."Z").contains(s) {
        out.append(Unicode.Scalar(s.value + 32)!)
      } else {
        out.append(s)
      }
    }
    return String(out)
  }
}

/// Takes the first record of a file: the header.
private struct HeaderHandler: CSVRecordHandler {
  /// Fields the driver stores; a longer header is read again with room for all.
  let capacity: Int
  var names: [String] = []
  var positions: [(lineBreaks: Int, column: Int)] = []
  var fieldCount = 0
  var firstLineBreaks = 0

  mutating func handle(_ record: CSVRecordView) -> Bool {
    fieldCount = record.fieldCount
    firstLineBreaks = record.lineBreaksBefore
    guard fieldCount <= capacity else { return false }
    var scratch = CSVScratch()
    for k in 0..<record.fieldCount {
      let field = record.fields[k]
      CSVScanner.decode(field, in: record.bytes, into: &scratch)
      names.append(String(decoding: scratch.bytes, as: UTF8.self))
      positions.append(record.lineAndColumn(of: field.start))
    }
    return false
  }
}
