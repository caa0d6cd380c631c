/// The tabular form every printer shares: a report is a headline (labelled lines of prose)
/// and a list of tables; the table, Markdown and CSV printers each render that one form, so
/// the three always carry the same sections, columns and rows.

/// One cell, which knows how to show itself to people and to programs.
enum ReportCell: Sendable {
  case text(String)
  case int(Int64)
  /// A ratio in [−1, 1] or so: three decimals for people.
  case ratio(Double?)
  /// A share of a whole: a percentage for people, the fraction for programs.
  case share(Double?)
  /// A mean or a lag: one decimal for people.
  case amount(Double?)
  case optionalInt(Int64?)
  case flag(Bool?)

  static func int(_ n: Int) -> ReportCell { .int(Int64(n)) }
  static func optional(_ n: Int?) -> ReportCell { .optionalInt(n.map(Int64.init)) }
  static func optional(_ day: Day?) -> ReportCell { .text(day?.description ?? "") }

  /// The missing-value mark for people.
  static let none = "—"

  var human: String {
    switch self {
    case .text(let s): return s.isEmpty ? Self.none : s
    case .int(let n): return NumberText.grouped(n)
    case .ratio(let x): return x.map { NumberText.fixed($0, decimals: 3) } ?? Self.none
    case .share(let x): return x.map(NumberText.percent) ?? Self.none
    case .amount(let x): return x.map { NumberText.fixed($0, decimals: 1) } ?? Self.none
    case .optionalInt(let n): return n.map(NumberText.grouped) ?? Self.none
    case .flag(let b): return b.map { $0 ? "yes" : "no" } ?? Self.none
    }
  }

  /// For CSV: plain numbers (six decimals at most), empty when undefined.
  var machine: String {
    switch self {
    case .text(let s): return s
    case .int(let n): return String(n)
    case .ratio(let x), .share(let x), .amount(let x): return x.map { NumberText.trimmed($0) } ?? ""
    case .optionalInt(let n): return n.map { String($0) } ?? ""
    case .flag(let b): return b.map { $0 ? "true" : "false" } ?? ""
    }
  }

  var isNumeric: Bool {
    switch self {
    case .text, .flag: return false
    default: return true
    }
  }
}

struct ReportColumn: Sendable {
  /// The CSV header (snake_case, stable).
  var key: String
  /// The header people read.
  var title: String
}

struct ReportTable: Sendable {
  /// The CSV section name (snake_case, stable).
  var name: String
  /// The heading people read.
  var title: String
  /// Lines printed under the heading for people (not in CSV).
  var notes: [String] = []
  var columns: [ReportColumn]
  var rows: [[ReportCell]] = []
  /// Whether people see it when it has no rows (with "none").
  var showWhenEmpty = true
  /// CSV's columns, when they differ from what people see (a claim split into figure and
  /// qualifier, say).
  var machineColumns: [ReportColumn]?
  /// Rows left out when the table was built (see ``Statistics/report(rowLimit:listing:)``).
  var omittedRows = 0
  /// Rows not listed at all because the report is a summary: people read how many, and CSV
  /// leaves the table out.
  var unlisted = 0
  /// Whether the table and Markdown printers show it (the headline may already say it all);
  /// CSV always writes every table.
  var humanVisible = true

  /// A two-column table of named values.
  static func values(
    _ name: String, _ title: String, notes: [String] = [],
    _ entries: [(key: String, label: String, cell: ReportCell)]
  ) -> ReportTable {
    ReportTable(
      name: name, title: title, notes: notes,
      columns: [
        ReportColumn(key: "key", title: "measure"), ReportColumn(key: "value", title: "value"),
      ],
      rows: entries.map { [.text($0.label), $0.cell] },
      machineRows: entries.map { [.text($0.key), $0.cell] })
  }

  /// Rows as CSV writes them, when they differ from what people see (named values use their
  /// keys there).
  var machineRows: [[ReportCell]]?

  init(
    name: String, title: String, notes: [String] = [], columns: [ReportColumn],
    rows: [[ReportCell]] = [], machineRows: [[ReportCell]]? = nil, showWhenEmpty: Bool = true
  ) {
    self.name = name
    self.title = title
    self.notes = notes
    self.columns = columns
    self.rows = rows
    self.machineRows = machineRows
    self.showWhenEmpty = showWhenEmpty
  }
}

/// A report: a title, a headline of labelled prose lines, and tables.
struct Report: Sendable {
  var title: String
  var headline: [(label: String, lines: [String])]
  var tables: [ReportTable]

  // MARK: Table (people, terminal)

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
          : String(
            repeating: " ", count: labelWidth)
        out += "  " + head + "  " + TextWidth.printable(line) + "\n"
      }
    }
    for table in tables where table.humanVisible && (table.showWhenEmpty || !table.rows.isEmpty) {
      out +=
        "\n" + table.title + "\n" + String(repeating: "-", count: TextWidth.of(table.title))
        + "\n"
      for note in table.notes { out += note + "\n" }
      if table.rows.isEmpty {
        out += table.unlisted > 0 ? "(\(Self.unlistedNote(table.unlisted)))\n" : "(none)\n"
        continue
      }
      let shown = rowLimit.map { Array(table.rows.prefix(max(0, $0))) } ?? table.rows
      let cells = shown.map { $0.map { TextWidth.printable($0.human) } }
      var widths = table.columns.map { TextWidth.of($0.title) }
      for row in cells {
        for (c, text) in row.enumerated() { widths[c] = max(widths[c], TextWidth.of(text)) }
      }
      let numeric = table.columns.indices.map { c in
        shown.contains { $0[c].isNumeric }
          && shown.allSatisfy { $0[c].isNumeric || $0[c].human == ReportCell.none }
      }
      func line(_ texts: [String]) -> String {
        var parts: [String] = []
        for (c, text) in texts.enumerated() {
          parts.append(TextWidth.pad(text, to: widths[c], right: numeric[c]))
        }
        var joined = "  " + parts.joined(separator: "  ")
        while joined.hasSuffix(" ") { joined.removeLast() }
        return joined + "\n"
      }
      out += line(table.columns.map(\.title))
      out += line(widths.map { String(repeating: "-", count: $0) })
      for row in cells { out += line(row) }
      let more = table.rows.count - shown.count + table.omittedRows
      if more > 0 {
        out += "  … \(NumberText.grouped(more)) more rows\n"
      }
    }
    return out
  }

  // MARK: Markdown

  /// GitHub-flavoured Markdown: a heading, the headline as a list, one pipe table per section
  /// (numbers right-aligned); text escaped by ``MarkdownEscaping/inline(_:)``.
  func markdown(rowLimit: Int?) -> String {
    var out = "# " + MarkdownEscaping.inline(title) + "\n\n"
    for (label, lines) in headline {
      out +=
        "- **" + MarkdownEscaping.inline(label) + "**: "
        + lines.map(MarkdownEscaping.inline).joined(separator: "; ")
        + "\n"
    }
    for table in tables where table.humanVisible && (table.showWhenEmpty || !table.rows.isEmpty) {
      out += "\n## " + MarkdownEscaping.inline(table.title) + "\n\n"
      for note in table.notes { out += MarkdownEscaping.line(note) + "\n\n" }
      if table.rows.isEmpty {
        out +=
          table.unlisted > 0
          ? MarkdownEscaping.line(Self.unlistedNote(table.unlisted)) + ".\n" : "None.\n"
        continue
      }
      let shown = rowLimit.map { Array(table.rows.prefix(max(0, $0))) } ?? table.rows
      out +=
        "| " + table.columns.map { MarkdownEscaping.inline($0.title) }.joined(separator: " | ")
        + " |\n"
      let numeric = table.columns.indices.map { c in shown.contains { $0[c].isNumeric } }
      out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
      for row in shown {
        out +=
          "| " + row.map { MarkdownEscaping.inline($0.human) }.joined(separator: " | ") + " |\n"
      }
      let more = table.rows.count - shown.count + table.omittedRows
      if more > 0 {
        out += "\n… \(NumberText.grouped(more)) more rows.\n"
      }
    }
    return out
  }

  /// What people read in place of the rows of a summarised table.
  static func unlistedNote(_ rows: Int) -> String {
    "\(NumberText.counted(rows, "row")), not listed in a summary"
  }

  // MARK: CSV

  /// Every table, one after the other, separated by an empty line. Each table's first column
  /// is `section`, holding the table's name on its header and on every row, so one table can be
  /// pulled out with `grep '^name,'` or a filter on the first column. Fields as
  /// ``CSVEscaping`` writes them, text cells guarded against spreadsheet formulas; LF
  /// line ends; every table is written, even with no row (its header alone), except the tables
  /// a summary does not list.
  func csv() -> String {
    var out = ""
    for table in tables where table.unlisted == 0 {
      if !out.isEmpty { out += "\n" }
      out +=
        (["section"] + (table.machineColumns ?? table.columns).map(\.key))
        .map { CSVEscaping.field($0) }.joined(separator: ",") + "\n"
      for row in table.machineRows ?? table.rows {
        // Text from the data is guarded against spreadsheet formulas; numbers are not.
        let fields = row.map { CSVEscaping.field($0.machine, guardingFormulas: !$0.isNumeric) }
        out += ([CSVEscaping.field(table.name)] + fields).joined(separator: ",") + "\n"
      }
    }
    return out
  }

}
