import DiploGraph

extension Table {
  /// The rows as a pipe table (GitHub Flavored Markdown, §4.10): the header, the alignment row
  /// (numbers right-aligned) and a line per row, each cell's text after its mark (✓, ✗) and
  /// before its detail in italics; the heading, the notes and what was left out are the
  /// caller's.
  ///
  /// - Parameter escape: how text is made literal: ``MarkdownEscaping/inline(_:)`` in the
  ///   statistics; the reports pass ``MarkdownEscaping/line(_:)``, which also escapes what
  ///   would open a block at the start of a line (stricter than a cell needs, never wrong).
  func markdown(escaping escape: (String) -> String) -> String {
    let shown = peopleColumns
    var out = "| " + shown.map { escape($0.column.title) }.joined(separator: " | ") + " |\n"
    out += "|" + shown.map { isNumeric($0.index, in: rows) ? " ---: |" : " --- |" }.joined() + "\n"
    for row in rows {
      let cells = shown.map { column -> String in
        let cell = row[column.index]
        var s = escape(cell.text)
        switch cell.mark {
        case .yes?: s = "✓ " + s
        case .no?: s = "✗ " + s
        case nil: break
        }
        if let detail = cell.detail, !detail.isEmpty { s += " · _" + escape(detail) + "_" }
        return s
      }
      out += "| " + cells.joined(separator: " | ") + " |\n"
    }
    return out
  }
}
