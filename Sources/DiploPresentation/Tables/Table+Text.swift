import DiploGraph

extension Table {
  /// The rows as aligned columns (the heading and notes are the caller's), then how many rows
  /// were left out.
  func text() -> String {
    let shown = peopleColumns
    let cells = rows.map { row in shown.map { TextWidth.printable(row[$0.index].text) } }
    var widths = shown.map { TextWidth.of($0.column.title) }
    for row in cells {
      for (c, text) in row.enumerated() { widths[c] = max(widths[c], TextWidth.of(text)) }
    }
    let numeric = shown.map { isNumeric($0.index, in: rows) }
    func line(_ texts: [String]) -> String {
      var parts: [String] = []
      for (c, text) in texts.enumerated() {
        parts.append(TextWidth.pad(text, to: widths[c], right: numeric[c]))
      }
      var joined = "  " + parts.joined(separator: "  ")
      while joined.hasSuffix(" ") { joined.removeLast() }
      return joined + "\n"
    }
    var out = line(shown.map(\.column.title))
    out += line(widths.map { String(repeating: "-", count: $0) })
    for row in cells { out += line(row) }
    if omittedRows > 0 { out += "  … \(NumberText.grouped(omittedRows)) more rows\n" }
    return out
  }
}
