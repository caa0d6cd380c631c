import DiploGraph

/// What `stats` and `sources` print: a title, a headline of labelled prose lines, and tables;
/// the text, Markdown and CSV writers each lay out this one value, so the three always carry the
/// same sections, columns and rows.
struct TableDocument: Sendable {
  var title: String
  var headline: [(label: String, lines: [String])]
  var tables: [Table]

  /// The tables people see: those shown to them, and those with rows or worth a "none".
  var peopleTables: [Table] {
    tables.filter { $0.shownToPeople && ($0.showWhenEmpty || !$0.rows.isEmpty) }
  }

  /// What people read in place of the rows of a summarised table.
  static func unlistedNote(_ rows: Int) -> String {
    "\(NumberText.counted(rows, "row")), not listed in a summary"
  }

  // MARK: Text (people, terminal)

  /// Aligned columns: numbers right-aligned, text left-aligned, widths measured in terminal
  /// columns; at most `rowLimit` rows per table, followed by how many were left out.
  func text(rowLimit: Int?) -> String {
    let title = TextWidth.printable(title)
    var out = title + "\n" + String(repeating: "=", count: TextWidth.of(title)) + "\n\n"
    let labelWidth = headline.map { TextWidth.of($0.label) }.max() ?? 0
    for (label, lines) in headline {
      for (n, line) in lines.enumerated() {
        let head =
          n == 0
          ? TextWidth.pad(label, to: labelWidth, right: false)
          : String(repeating: " ", count: labelWidth)
        out += "  " + head + "  " + TextWidth.printable(line) + "\n"
      }
    }
    for table in peopleTables {
      out +=
        "\n" + table.title + "\n" + String(repeating: "-", count: TextWidth.of(table.title))
        + "\n"
      for note in table.notes { out += note + "\n" }
      if table.rows.isEmpty {
        out += table.unlisted > 0 ? "(\(Self.unlistedNote(table.unlisted)))\n" : "(none)\n"
        continue
      }
      out += table.limited(to: rowLimit).text()
    }
    return out
  }

  // MARK: Markdown

  /// GitHub-flavoured Markdown: a heading, the headline as a list, one section per table.
  func markdown(rowLimit: Int?) -> String {
    var out = "# " + MarkdownEscaping.inline(title) + "\n\n"
    for (label, lines) in headline {
      out +=
        "- **" + MarkdownEscaping.inline(label) + "**: "
        + lines.map(MarkdownEscaping.inline).joined(separator: "; ") + "\n"
    }
    for table in peopleTables {
      out += "\n## " + MarkdownEscaping.inline(table.title) + "\n\n"
      for note in table.notes { out += MarkdownEscaping.line(note) + "\n\n" }
      if table.rows.isEmpty {
        out +=
          table.unlisted > 0
          ? MarkdownEscaping.line(Self.unlistedNote(table.unlisted)) + ".\n" : "None.\n"
        continue
      }
      let shown = table.limited(to: rowLimit)
      out += shown.markdown(escaping: MarkdownEscaping.inline)
      if shown.omittedRows > 0 {
        out += "\n… \(NumberText.grouped(shown.omittedRows)) more rows.\n"
      }
    }
    return out
  }

  // MARK: CSV

  /// Every table, one after the other, separated by an empty line (see ``Table/csv()``),
  /// except the tables a summary does not list.
  func csv() -> String {
    tables.filter { $0.unlisted == 0 }.map { $0.csv() }.joined(separator: "\n")
  }
}
