/// The tables of a report as plain values, which the HTML and Markdown writers each render in
/// their own way (the HTML writer with a caption, column and row headers, and a `<details>` for
/// long tables).
struct TableModel {
  struct Column {
    var title: String
    /// Right-aligned, with tabular figures.
    var numeric = false
  }

  /// One cell: its text, an optional second line in small type (a quote, a scope) and an
  /// optional verdict mark.
  struct Cell {
    enum Mark {
      case yes
      case no
    }

    var text: String
    var detail: String?
    var mark: Mark?

    init(_ text: String, detail: String? = nil, mark: Mark? = nil) {
      self.text = text
      self.detail = detail
      self.mark = mark
    }
  }

  /// The id of the table in the page (letters, digits and `-` only).
  var id: String
  var caption: String
  var columns: [Column]
  /// Each row's first cell is its header (an actor, a pair, a source).
  var rows: [[Cell]]
  /// Lines under the table: what the columns mean.
  var notes: [String] = []
  /// Rows the report leaves out (beyond ``ReportOptions/maximumRows``).
  var omittedRows = 0
  /// Shown folded (`<details>`) in HTML.
  var folded = false
  /// On a phone, each row shown as a card (each cell under its column's name) instead of a
  /// table that scrolls sideways: for tables of text, where the numbers would be out of sight.
  var cardsOnPhones = false

  /// The table with at most `limit` rows, the others counted in ``omittedRows``.
  func limited(to limit: Int) -> TableModel {
    guard rows.count > limit else { return self }
    var copy = self
    copy.omittedRows += rows.count - limit
    copy.rows = Array(rows.prefix(limit))
    return copy
  }
}
