import DiploGraph

/// How a table is built once for both audiences: its columns as specs, each with a title per
/// audience and the cell a row makes.

/// Who, among analysts, sees a column.
enum AnalystsSee: Sendable {
  /// People and programs.
  case everyone
  /// People only (a figure with its qualifier in words, which CSV splits in two).
  case people
  /// Programs only.
  case programs
}

/// A column as a table defines it once for both audiences: its CSV key, its title for each
/// audience (`nil` where that audience does not see it), and how a row makes its cell.
struct ColumnSpec<Row> {
  var key: String
  var analysts: String?
  var readers: String?
  var shown: AnalystsSee
  var cell: (Row) -> Table.Cell

  init(
    _ key: String, _ analysts: String?, readers: String? = nil, shown: AnalystsSee = .everyone,
    cell: @escaping (Row) -> Table.Cell
  ) {
    self.key = key
    self.analysts = analysts
    self.readers = readers
    self.shown = shown
    self.cell = cell
  }

  /// The same column, for rows that hold a `Row`.
  func pulledBack<Other>(_ row: @escaping (Other) -> Row) -> ColumnSpec<Other> {
    let cell = self.cell
    return ColumnSpec<Other>(key, analysts, readers: readers, shown: shown) { other in
      cell(row(other))
    }
  }
}

extension Table {
  /// The table of `rows` with the columns `audience` sees: at most `limit` rows are built, the
  /// others counted in ``omittedRows``.
  init<Rows: Collection>(
    name: String, title: String, notes: [String] = [], rows: Rows, limit: Int? = nil,
    columns specs: [ColumnSpec<Rows.Element>], for audience: Audience
  ) {
    let visible = specs.filter { audience.pick($0.analysts, $0.readers) != nil }
    self.name = name
    self.title = title
    self.notes = notes
    columns = visible.map { spec in
      Column(
        key: spec.key, title: audience.pick(spec.analysts, spec.readers) ?? "",
        forPeople: audience == .readers || spec.shown != .programs,
        forPrograms: audience == .analysts && spec.shown != .people)
    }
    let shown = rows.prefix(max(0, limit ?? Int.max))
    self.rows = shown.map { row in visible.map { $0.cell(row) } }
    omittedRows = rows.count - self.rows.count
  }

  /// A two-column table of named values: people read the label, programs the key.
  static func values(
    _ name: String, _ title: String, notes: [String] = [],
    _ entries: [(key: String, label: String, cell: Cell)]
  ) -> Table {
    Table(
      name: name, title: title, notes: notes,
      columns: [Column(key: "key", title: "measure"), Column(key: "value", title: "value")],
      rows: entries.map { [.text($0.label, value: $0.key), $0.cell] })
  }
}
