/// Reads `actors.csv` (`id,name,kind,blocs`): the declared actors in file order, and the blocs
/// its `blocs` column names, in order of first appearance, with their members in file order.
///
/// Only `id` is required. A missing or empty `name` is the id; a missing or empty `kind` is
/// `state`; `blocs` is a `;`-separated list of bloc ids, empty for none. A bloc's name is its
/// id. Actor files are small (one record per actor), so this reader favours plainness over
/// speed: one `String` per field.
enum CSVActorsReader {
  struct Result {
    var actors: [Actor]
    var blocs: [Bloc]
    var layout: CSVLayout
    var diagnostics: CappedDiagnostics<Diagnostic>
    var checkpoints: [CSVCheckpoint]
    var blocFirstRow: [Int]
    var blocMemberRows: [[Int]]
  }

  /// - Throws: ``DiploGraphError``: as ``CSVLayout/read(_:file:known:required:blockSize:maxRecordBytes:)``,
  ///   `syntax` for a quote never closed, `limit` for more than `maxActors` records or a record
  ///   longer than `maxRecordBytes`.
  static func read(
    _ input: CSVInput, file: String?, maxDiagnostics: Int,
    blockSize: Int = CSVRecordDriver.defaultBlockSize,
    maxActors: Int = DataSetFile.Limits.defaultMaxActors, maxRecordBytes: Int = .max
  ) throws -> Result {
    let (layout, warnings) = try CSVLayout.read(
      input, file: file, known: CSVColumns.actors, required: CSVColumns.actorsRequired,
      blockSize: blockSize, maxRecordBytes: maxRecordBytes)
    var handler = ActorsHandler(layout: layout, maxDiagnostics: maxDiagnostics)
    handler.maxActors = maxActors
    handler.diagnostics.append(contentsOf: warnings)
    let outcome = try CSVRecordDriver.run(
      input, from: layout.dataStart, until: input.size, blockSize: blockSize,
      fieldCapacity: layout.columnCount + 1, maxRecordBytes: maxRecordBytes, handler: &handler)
    if let beyond = handler.limitLocation {
      throw DiploGraphError.tooMany("actors", .init(.maxActors, maxActors), at: beyond)
    }
    try outcome.checkFinished(layout: layout)
    return Result(
      actors: handler.actors,
      blocs: zip(handler.blocIDs.strings, handler.blocMembers).map { id, members in
        Bloc(id: BlocID(id), name: id, members: members)
      },
      layout: layout, diagnostics: handler.diagnostics, checkpoints: handler.checkpoints,
      blocFirstRow: handler.blocFirstRow, blocMemberRows: handler.blocMemberRows)
  }
}

private struct ActorsHandler: CSVRecordHandler {
  let layout: CSVLayout
  var scratch = CSVScratch()
  var actors: [Actor] = []
  /// Bloc ids in order of first mention.
  var blocIDs = SymbolTable()
  var blocMembers: [[ActorID]] = []
  var blocFirstRow: [Int] = []
  var blocMemberRows: [[Int]] = []
  var diagnostics: CappedDiagnostics<Diagnostic>
  var checkpoints: [CSVCheckpoint] = []
  var maxActors = DataSetFile.Limits.defaultMaxActors
  /// Where the first actor past `maxActors` is, once met (reading stops there).
  var limitLocation: SourceLocation?
  private var pending: [(key: Int, diagnostic: Diagnostic)] = []

  init(layout: CSVLayout, maxDiagnostics: Int) {
    self.layout = layout
    diagnostics = CappedDiagnostics(limit: maxDiagnostics)
  }

  mutating func handle(_ r: CSVRecordView) -> Bool {
    let row = r.index
    guard actors.count < maxActors else {
      let (lineBreaks, column) = r.lineAndColumn(of: r.start)
      limitLocation = SourceLocation(
        file: layout.file, line: 1 + layout.dataStartLineBreaks + lineBreaks, column: column,
        path: layout.path(row: row, column: nil))
      return false
    }
    if row % CSVCheckpoint.interval == 0 {
      checkpoints.append(
        CSVCheckpoint(
          row: row, offset: r.fileOffset,
          lineBreaks: layout.dataStartLineBreaks + r.lineBreaksBefore))
    }
    for p in r.shapeProblems(columnCount: layout.columnCount, scratch: &scratch) {
      report(p.severity, p.message, r, at: p.position, column: p.column, key: p.key)
    }
    let idColumn = layout.columns[CSVColumns.actorID]
    let id = text(r, idColumn) ?? ""
    if id.isEmpty && r.fields[idColumn].flags & CSVFieldFlags.missing == 0 && isValid(r, idColumn) {
      reportValue("expected an actor id, found an empty field", r, idColumn)
    }
    let nameColumn = layout.columns[CSVColumns.actorName]
    var name = nameColumn >= 0 ? text(r, nameColumn) ?? "" : ""
    if name.isEmpty { name = id }
    var kind = ActorKind.state
    let kindColumn = layout.columns[CSVColumns.actorKind]
    if kindColumn >= 0, let spelled = text(r, kindColumn), !spelled.isEmpty {
      if let known = ActorKind(rawValue: spelled) {
        kind = known
      } else {
        reportValue(
          "expected one of "
            + ActorKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            + ", found \(CSVScanner.quoted(text: spelled))", r, kindColumn)
      }
    }
    actors.append(Actor(id: ActorID(id), name: name, kind: kind))
    let blocsColumn = layout.columns[CSVColumns.actorBlocs]
    if blocsColumn >= 0, let list = text(r, blocsColumn), !list.isEmpty {
      let items = list.split(separator: ";", omittingEmptySubsequences: false)
      if items.contains(where: \.isEmpty) {
        reportValue(
          "expected bloc ids separated by \";\", found an empty id in "
            + CSVScanner.quoted(text: list), r, blocsColumn)
      }
      for item in items where !item.isEmpty {
        let b = Int(blocIDs.intern(String(item)))
        if b == blocMembers.count {  // a bloc not seen before
          blocMembers.append([])
          blocFirstRow.append(row)
          blocMemberRows.append([])
        }
        blocMembers[b].append(ActorID(id))
        blocMemberRows[b].append(row)
      }
    }
    if !pending.isEmpty { flush() }
    return true
  }

  /// The field's text; `nil` (with an error) when it is not UTF-8.
  private mutating func text(_ r: CSVRecordView, _ column: Int) -> String? {
    let field = r.fields[column]
    CSVScanner.decode(field, in: r.bytes, into: &scratch)
    if field.flags & CSVFieldFlags.nonASCII == 0 {
      return String(decoding: scratch.bytes, as: UTF8.self)
    }
    if let s = String(validating: scratch.bytes, as: UTF8.self) { return s }
    reportValue(
      "expected UTF-8 text, found bytes that are not UTF-8: \(CSVScanner.quoted(scratch.bytes))",
      r, column)
    return nil
  }

  private mutating func isValid(_ r: CSVRecordView, _ column: Int) -> Bool {
    let field = r.fields[column]
    guard field.flags & CSVFieldFlags.nonASCII != 0 else { return true }
    CSVScanner.decode(field, in: r.bytes, into: &scratch)
    return String(validating: scratch.bytes, as: UTF8.self) != nil
  }

  private mutating func reportValue(_ message: String, _ r: CSVRecordView, _ column: Int) {
    report(.error, message, r, at: r.fields[column].start, column: column, key: 2 * column + 1)
  }

  private mutating func report(
    _ severity: Diagnostic.Severity, _ message: String, _ r: CSVRecordView, at position: Int,
    column: Int?, key: Int
  ) {
    let (lineBreaks, col) = r.lineAndColumn(of: position)
    let location = SourceLocation(
      file: layout.file, line: 1 + layout.dataStartLineBreaks + lineBreaks, column: col,
      path: layout.path(row: r.index, column: column))
    pending.append((key, Diagnostic(severity, message, at: location)))
  }

  private mutating func flush() {
    pending.sort { $0.key < $1.key }
    diagnostics.append(contentsOf: pending.lazy.map(\.diagnostic))
    pending.removeAll(keepingCapacity: true)
  }
}
