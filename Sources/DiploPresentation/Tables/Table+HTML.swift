import DiploGraph

extension HTMLPage {
  /// A table of the report: a caption, column and row headers (`<th scope>`), numbers in
  /// tabular figures, each cell's mark and detail; folded (`<details>`) when the table asks for
  /// it or has more than `foldRowsAbove` rows; then how many rows were left out and the notes.
  ///
  /// The table keeps its page id `table-<name>`; its caption is `table-<name>-caption`.
  mutating func table(_ t: Table, foldRowsAbove: Int, omitted: (Int) -> String) {
    let id = "table-" + t.name
    let folded = t.folded || t.rows.count > foldRowsAbove
    if folded {
      self += "<details class=\"fold\">\n<summary>\(e(t.title))"
      self +=
        " <span class=\"count\">(\(e(NumberText.counted(t.rows.count + t.omittedRows, "row"))))</span></summary>\n"
    }
    self +=
      "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"\(id)-caption\" tabindex=\"0\">\n"
    // Cards on phones change how the table is displayed; the ARIA roles keep it a table for
    // screen readers whatever the display.
    let cards = t.cardsOnPhones
    let role = { (name: String) in cards ? " role=\"\(name)\"" : "" }
    let tableClass = cards ? "cards" : (t.columns.count >= 5 ? "wide" : "")
    self +=
      "<table id=\"\(id)\"\(tableClass.isEmpty ? "" : " class=\"\(tableClass)\"")\(role("table"))>\n"
    self += "<caption id=\"\(id)-caption\">\(e(t.title))</caption>\n"
    self += "<thead\(role("rowgroup"))><tr\(role("row"))>"
    let numeric = t.columns.indices.map { t.isNumeric($0, in: t.rows) }
    for (i, column) in t.columns.enumerated() {
      self += "<th scope=\"col\"\(numeric[i] ? " class=\"num\"" : "")\(role("columnheader"))>"
      self += "\(e(column.title))</th>"
    }
    self += "</tr></thead>\n<tbody\(role("rowgroup"))>\n"
    for row in t.rows {
      self += "<tr\(role("row"))>"
      for (i, cell) in row.enumerated() {
        var attributes = numeric[i] ? " class=\"num\"" : ""
        if cards && i > 0 {
          attributes += " data-label=\"\(e(t.columns[i].title))\"" + role("cell")
        } else if cards {
          attributes += role("rowheader")
        }
        self += i == 0 ? "<th scope=\"row\"\(attributes)>" : "<td\(attributes)>"
        self += cellMarkup(cell) + (i == 0 ? "</th>" : "</td>")
      }
      self += "</tr>\n"
    }
    self += "</tbody>\n</table>\n</div>\n"
    if t.omittedRows > 0 { paragraph(omitted(t.omittedRows), className: "note") }
    for note in t.notes { paragraph(note, className: "note") }
    if folded { self += "</details>\n" }
  }

  private func cellMarkup(_ cell: Table.Cell) -> String {
    var s: String
    switch cell.mark {
    case .yes?: s = "<span class=\"mark yes\">✓ \(e(cell.text))</span>"
    case .no?: s = "<span class=\"mark no\">✗ \(e(cell.text))</span>"
    case nil: s = e(cell.text)
    }
    if let detail = cell.detail, !detail.isEmpty {
      s += "<span class=\"detail\">\(e(detail))</span>"
    }
    return s
  }
}
