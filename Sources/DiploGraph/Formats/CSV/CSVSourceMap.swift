/// Where to find the records of one CSV file again without having kept them: the file (or its
/// bytes), its header layout, and a checkpoint every ``CSVCheckpoint/interval`` records.
struct CSVFileIndex: Sendable {
  enum Source: Sendable {
    case bytes([UInt8])
    case path(String)
    case input(CSVInput)
  }

  var source: Source
  var layout: CSVLayout
  var checkpoints: [CSVCheckpoint]
  var blockSize = CSVRecordDriver.defaultBlockSize

  /// Where field `column` of data record `row` (0-based) starts — or the record itself when
  /// `column` is `nil`, or item `item` of a `;`-separated field. Reads the file again from the
  /// nearest checkpoint: O(``CSVCheckpoint/interval`` records).
  ///
  /// When the file cannot be read again (moved, shortened), the location names the file and
  /// the row and column only.
  func location(row: Int, column: Int?, item: Int? = nil) -> SourceLocation {
    var fallback = SourceLocation(file: layout.file, path: layout.path(row: row, column: column))
    let input: CSVInput
    switch source {
    case .bytes(let bytes): input = CSVInput(bytes: bytes, delimiter: layout.delimiter)
    case .input(let given): input = given
    case .path(let path):
      guard let opened = try? CSVInput(path: path, delimiter: layout.delimiter) else {
        return fallback
      }
      input = opened
    }
    var lo = 0
    var hi = checkpoints.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if checkpoints[mid].row <= row { lo = mid + 1 } else { hi = mid }
    }
    let start =
      lo > 0
      ? checkpoints[lo - 1]
      : CSVCheckpoint(row: 0, offset: layout.dataStart, lineBreaks: layout.dataStartLineBreaks)
    guard start.row <= row else { return fallback }
    var finder = FieldFinder(
      target: row - start.row, column: column, item: item, capacity: layout.columnCount + 1)
    guard
      (try? CSVRecordDriver.run(
        input, from: start.offset, until: input.size, blockSize: blockSize,
        fieldCapacity: layout.columnCount + 1, handler: &finder)) != nil,
      let found = finder.found
    else { return fallback }
    fallback.line = 1 + start.lineBreaks + found.lineBreaks
    fallback.column = found.column
    return fallback
  }
}

/// Stops at the target record and notes where the wanted field (or item) starts.
private struct FieldFinder: CSVRecordHandler {
  let target: Int
  let column: Int?
  let item: Int?
  let capacity: Int
  var found: (lineBreaks: Int, column: Int)?

  mutating func handle(_ record: CSVRecordView) -> Bool {
    guard record.index == target else { return true }
    var position = record.start
    if let column {
      if column < min(record.fieldCount, capacity) {
        let field = record.fields[column]
        position = field.start
        if let item, item > 0, field.flags & ~CSVFieldFlags.nonASCII == 0 {
          var seen = 0
          var i = field.start
          while i < field.end && seen < item {
            if record.bytes[i] == UInt8(ascii: ";") { seen += 1 }
            i += 1
          }
          if seen == item { position = i }
        }
      } else {
        position = record.end
      }
    }
    found = record.lineAndColumn(of: position)
    return false
  }
}

/// The source map of a data set read from CSV: it turns a ``DataPath`` into the file, line and
/// column of the field it came from, with the record number and column name
/// (`actions.csv:14:22 (row 13, column "count")`).
///
/// Actions map to records of `actions.csv`; actors to records of `actors.csv`; a bloc to the
/// `blocs` field of the actor record that names it first (a member: of that member's record);
/// a source to the `source` field of the first action that names it. Paths CSV has no place
/// for (figures, the title) map to the actions file alone.
///
/// Nothing is stored per row: a location is found by reading the file again from the nearest
/// of the checkpoints kept every 1,024 records, so asking costs O(1,024 records), not O(file).
/// A file read from disk is reopened for each question; if it has changed since, the line and
/// column are left out.
public struct CSVSourceMap: SourceMap {
  let actions: CSVFileIndex
  let actors: CSVFileIndex?
  /// For each source, the action row that names it first.
  let sourceFirstRow: [Int]
  /// For each bloc, the actor row that names it first, and the actor row of each member.
  let blocFirstRow: [Int]
  let blocMemberRows: [[Int]]

  public func location(of path: DataPath) -> SourceLocation {
    let whole = SourceLocation(file: actions.layout.file, path: path.jsonPath)
    guard let collection = path.collection, let index = path.index, index >= 0 else {
      return whole
    }
    switch collection {
    case .actions:
      let known = path.field.flatMap(Self.actionColumn)
      let column = known.map { actions.layout.columns[$0] }.flatMap { $0 >= 0 ? $0 : nil }
      let item = known == CSVColumns.source || known == CSVColumns.respondsTo ? path.item : nil
      return actions.location(row: index, column: column, item: item)
    case .actors:
      guard let actors else { return whole }
      let known = path.field.flatMap { CSVColumns.actors.firstIndex(of: $0) }
      let column = known.map { actors.layout.columns[$0] }.flatMap { $0 >= 0 ? $0 : nil }
      return actors.location(row: index, column: column)
    case .blocs:
      guard let actors, index < blocFirstRow.count else { return whole }
      let column = actors.layout.columns[CSVColumns.actorBlocs]
      var row = blocFirstRow[index]
      if path.field == "members", let item = path.item, item >= 0,
        item < blocMemberRows[index].count
      {
        row = blocMemberRows[index][item]
      }
      return actors.location(row: row, column: column >= 0 ? column : nil)
    case .sources:
      guard index < sourceFirstRow.count else { return whole }
      let column = actions.layout.columns[CSVColumns.source]
      return actions.location(row: sourceFirstRow[index], column: column >= 0 ? column : nil)
    case .figures:
      return whole
    }
  }

  /// The known actions column a data-path field names (JSON or CSV spelling).
  private static func actionColumn(_ field: String) -> Int? {
    switch field {
    case "sources": return CSVColumns.source
    case "respondsTo": return CSVColumns.respondsTo
    default: return CSVColumns.actions.firstIndex(of: field)
    }
  }
}
