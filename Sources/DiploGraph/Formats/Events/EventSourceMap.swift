/// The source map of a data set read from event data: an action's field maps to the line of
/// its event and the column of the field it came from (`events.tsv:12:31 (row 12, column
/// "Actor1CountryCode")`); a source to the first event that names it.
///
/// Kept per action: its line number and the offset of its line (12 bytes); a column is found by
/// reading that line again.
public struct EventSourceMap: SourceMap {
  let file: String?
  let input: CSVInput
  let layout: EventLayout
  /// Per action row: the 1-based line of its event (the first one, with dedupe).
  let rowLines: [Int32]
  /// Per action row: the byte offset of that line.
  let rowOffsets: [Int]

  public func location(of path: DataPath) -> SourceLocation {
    let whole = SourceLocation(file: file, path: path.jsonPath)
    guard let index = path.index, index >= 0 else { return whole }
    switch path.collection {
    case .actions?:
      guard index < rowLines.count else { return whole }
      return location(row: index, column: path.field.flatMap(column(of:)))
    default:
      return whole
    }
  }

  /// The layout's column of a data-path field of an action.
  private func column(of field: String) -> Int? {
    switch field {
    case "actor": layout.actor
    case "target": layout.target
    case "kind": layout.code
    case "date": layout.date
    case "id": layout.id
    case "sources", "source": layout.source
    case "count", "mentions": layout.mentions
    default: nil
    }
  }

  /// The line of action `row`, and the column of field `column` on it when the line can be
  /// read again.
  private func location(row: Int, column: Int?) -> SourceLocation {
    let line = Int(rowLines[row])
    let record = "row \(line - layout.dataStartLine)"
    var location = SourceLocation(file: file, line: line, path: record)
    guard let column else { return location }
    location.path = "\(record), column \"\(layout.names[column])\""
    let window = 1 << 16
    let bytes =
      (try? [UInt8](unsafeUninitializedCapacity: window) { buffer, count in
        count = try input.read(at: rowOffsets[row], into: buffer.baseAddress!, count: window)
      }) ?? []
    var tabs = 0
    var characters = 1
    for b in bytes {
      if tabs == column || b == 0x0A { break }
      if b == 0x09 { tabs += 1 }
      if b & 0xC0 != 0x80 { characters += 1 }
    }
    if tabs == column { location.column = characters }
    return location
  }
}
