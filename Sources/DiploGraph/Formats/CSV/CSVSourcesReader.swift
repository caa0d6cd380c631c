// `sources.csv`: the optional third file of the CSV format, beside actions.csv.

/// Reads `sources.csv` (`id,title,publisher,date,url`): the sources in file order, each with
/// what the canonical format knows of a source.
///
/// Only `id` is required. An empty `title` is the id; `publisher` and `url` are text, empty for
/// none; `date` is `YYYY-MM-DD` (an ambiguous `17/04/2021` is refused with the day to write).
/// Every problem is a diagnostic located at its line and column: an empty id, an id given
/// twice, a bad date, text that is not UTF-8. Source files are small: one `String` per field.
enum CSVSourcesReader {
  struct Result {
    var sources: [Source]
    var layout: CSVLayout
    var diagnostics: [Diagnostic]
  }

  /// - Throws: ``DiploGraphError``: as ``CSVLayout/read(_:file:known:required:headers:blockSize:maxRecordBytes:)``,
  ///   `syntax` for a quote never closed, `limit` for a record longer than `maxRecordBytes`.
  /// - Complexity: O(bytes).
  static func read(
    _ input: CSVInput, file: String?, maxDiagnostics: Int,
    blockSize: Int = CSVRecordDriver.defaultBlockSize, maxRecordBytes: Int = .max
  ) throws -> Result {
    let (layout, warnings) = try CSVLayout.read(
      input, file: file, known: CSVColumns.sources, required: ["id"], blockSize: blockSize,
      maxRecordBytes: maxRecordBytes)
    var handler = SourcesHandler(layout: layout)
    let outcome = try CSVRecordDriver.run(
      input, from: layout.dataStart, until: input.size, blockSize: blockSize,
      fieldCapacity: layout.columnCount + 1, maxRecordBytes: maxRecordBytes, handler: &handler)
    try outcome.checkFinished(layout: layout)
    var capped = CappedDiagnostics<Diagnostic>(limit: maxDiagnostics)
    capped.append(contentsOf: warnings + handler.diagnostics)
    return Result(
      sources: handler.sources, layout: layout,
      diagnostics: capped.listed(at: SourceLocation(file: file)))
  }

  /// The sources of a data set read from CSV: those the actions name, in order of first use
  /// (so that the source map's rows stay theirs), each with the details `declared` gives it
  /// (else titled with its id); then the declared sources no action names, in file order.
  ///
  /// - Complexity: O(named + declared).
  static func join(named: [String], declared: [Source]) -> [Source] {
    var byID: [String: Source] = [:]
    for source in declared { byID[source.id.rawValue] = source }
    var sources = named.map { byID.removeValue(forKey: $0) ?? Source(id: SourceID($0), title: $0) }
    for source in declared where byID[source.id.rawValue] != nil { sources.append(source) }
    return sources
  }
}

private struct SourcesHandler: CSVRecordHandler {
  let layout: CSVLayout
  var scratch = CSVScratch()
  var sources: [Source] = []
  var seen: [String: Int] = [:]
  var diagnostics: [Diagnostic] = []

  mutating func handle(_ r: CSVRecordView) -> Bool {
    for p in r.shapeProblems(columnCount: layout.columnCount, scratch: &scratch) {
      report(p.severity, p.message, r, at: p.position, column: p.column)
    }
    func column(_ k: Int) -> Int { layout.columns[k] }
    let id = text(r, column(CSVColumns.sourceID)) ?? ""
    if id.isEmpty {
      report(.error, "expected a source id, found an empty field", r, column(CSVColumns.sourceID))
    } else if let first = seen[id] {
      report(
        .error,
        "expected each source id once, found \(CSVScanner.quoted(text: id)) again (first in "
          + "row \(first + 1))", r, column(CSVColumns.sourceID))
    } else {
      seen[id] = r.index
    }
    var source = Source(id: SourceID(id), title: id)
    if let title = text(r, column(CSVColumns.sourceTitle)), !title.isEmpty { source.title = title }
    if let publisher = text(r, column(CSVColumns.sourcePublisher)), !publisher.isEmpty {
      source.publisher = publisher
    }
    if let url = text(r, column(CSVColumns.sourceURL)), !url.isEmpty { source.url = url }
    if let date = text(r, column(CSVColumns.sourceDate)), !date.isEmpty {
      if let day = Day(iso: date) {
        source.date = day
      } else {
        let advice = Day.ambiguityAdvice(date).map { ": \($0)" } ?? ""
        report(
          .error, "expected a date as YYYY-MM-DD, found \(CSVScanner.quoted(text: date))\(advice)",
          r, column(CSVColumns.sourceDate))
      }
    }
    if !id.isEmpty && seen[id] == r.index { sources.append(source) }
    return true
  }

  /// The field's text; `nil` for a column the header lacks, or (with an error) bytes that are
  /// not UTF-8.
  private mutating func text(_ r: CSVRecordView, _ column: Int) -> String? {
    guard column >= 0 else { return nil }
    let field = r.fields[column]
    CSVScanner.decode(field, in: r.bytes, into: &scratch)
    if let s = String(validating: scratch.bytes, as: UTF8.self) { return s }
    report(
      .error,
      "expected UTF-8 text, found bytes that are not UTF-8: \(CSVScanner.quoted(scratch.bytes))",
      r, column)
    return nil
  }

  private mutating func report(
    _ severity: Diagnostic.Severity, _ message: String, _ r: CSVRecordView, _ column: Int
  ) {
    report(severity, message, r, at: r.fields[column].start, column: column)
  }

  private mutating func report(
    _ severity: Diagnostic.Severity, _ message: String, _ r: CSVRecordView, at position: Int,
    column: Int?
  ) {
    let (lineBreaks, col) = r.lineAndColumn(of: position)
    diagnostics.append(
      Diagnostic(
        severity, message,
        at: SourceLocation(
          file: layout.file, line: 1 + layout.dataStartLineBreaks + lineBreaks, column: col,
          path: layout.path(row: r.index, column: column))))
  }
}

extension CSVRunOutcome {
  /// Refuses a run over the data records of `layout`'s file (a small file read in one run:
  /// actors, sources) that met a record too long or a quote never closed.
  ///
  /// - Throws: ``DiploGraphError``: `limit` for the record too long, `syntax` for the quote.
  func checkFinished(layout: CSVLayout) throws {
    if let tooLong = recordTooLong {
      throw tooLong.error(file: layout.file, lineBreaksBefore: layout.dataStartLineBreaks, row: 0)
    }
    if let open = unterminatedQuote {
      throw DiploGraphError(
        .syntax, "expected a closing quote for the field opened here, found the end of the file",
        at: SourceLocation(
          file: layout.file, line: 1 + layout.dataStartLineBreaks + open.lineBreaks,
          column: open.column, path: layout.path(row: open.record, column: open.field)))
    }
  }
}
