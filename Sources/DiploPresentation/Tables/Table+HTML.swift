import DiploGraph

extension Table {
  /// The table as a report shows it in HTML: a caption, column and row headers
  /// (`<th scope>`), numbers in tabular figures, each cell's mark and detail; folded
  /// (`<details>`) when the table asks for it or has more than `foldRowsAbove` rows; then what
  /// `omitted` says of the rows left out, and the notes. Every text through
  /// ``XMLEscaping/attribute(_:)``.
  ///
  /// The table's page id is `table-<name>`; its caption's, `table-<name>-caption`.
  func html(foldRowsAbove: Int, omitted: (Int) -> String) -> String {
    func e(_ s: String) -> String { XMLEscaping.attribute(s) }
    let id = "table-" + name
    let isFolded = folded || rows.count > foldRowsAbove
    var out = ""
    if isFolded {
      out += "<details class=\"fold\">\n<summary>\(e(title))"
      let count = NumberText.counted(rows.count + omittedRows, "row")
      out += " <span class=\"count\">(\(e(count)))</span></summary>\n"
    }
    out +=
      "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"\(id)-caption\" tabindex=\"0\">\n"
    // Cards on phones change how the table is displayed; the ARIA roles keep it a table for
    // screen readers whatever the display.
    let cards = cardsOnPhones
    let role = { (name: String) in cards ? " role=\"\(name)\"" : "" }
    let tableClass = cards ? "cards" : (columns.count >= 5 ? "wide" : "")
    out +=
      "<table id=\"\(id)\"\(tableClass.isEmpty ? "" : " class=\"\(tableClass)\"")\(role("table"))>\n"
    out += "<caption id=\"\(id)-caption\">\(e(title))</caption>\n"
    out += "<thead\(role("rowgroup"))><tr\(role("row"))>"
    let numeric = columns.indices.map { isNumeric($0, in: rows) }
    for (i, column) in columns.enumerated() {
      out += "<th scope=\"col\"\(numeric[i] ? " class=\"num\"" : "")\(role("columnheader"))>"
      out += "\(e(column.title))</th>"
    }
    out += "</tr></thead>\n<tbody\(role("rowgroup"))>\n"
    for row in rows {
      out += "<tr\(role("row"))>"
      for (i, cell) in row.enumerated() {
        var attributes = numeric[i] ? " class=\"num\"" : ""
        if cards && i > 0 {
          attributes += " data-label=\"\(e(columns[i].title))\"" + role("cell")
        } else if cards {
          attributes += role("rowheader")
        }
        out += i == 0 ? "<th scope=\"row\"\(attributes)>" : "<td\(attributes)>"
        out += Self.html(cell) + (i == 0 ? "</th>" : "</td>")
      }
      out += "</tr>\n"
    }
    out += "</tbody>\n</table>\n</div>\n"
    if omittedRows > 0 { out += "<p class=\"note\">\(e(omitted(omittedRows)))</p>\n" }
    for note in notes { out += "<p class=\"note\">\(e(note))</p>\n" }
    if isFolded { out += "</details>\n" }
    return out
  }

  /// A cell's text after its mark, then its detail in small type.
  private static func html(_ cell: Cell) -> String {
    let text = XMLEscaping.attribute(cell.text)
    var s: String
    switch cell.mark {
    case .yes?: s = "<span class=\"mark yes\">✓ \(text)</span>"
    case .no?: s = "<span class=\"mark no\">✗ \(text)</span>"
    case nil: s = text
    }
    if let detail = cell.detail, !detail.isEmpty {
      s += "<span class=\"detail\">\(XMLEscaping.attribute(detail))</span>"
    }
    return s
  }
}
