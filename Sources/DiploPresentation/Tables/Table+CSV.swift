import DiploGraph

extension Table {
  /// The table as CSV: its first column is `section`, holding the table's name on its header
  /// and on every row, so one table can be pulled out with `grep '^name,'` or a filter on the
  /// first column. Fields as ``CSVEscaping`` writes them, text cells guarded against
  /// spreadsheet formulas (numbers are not: `-50` stays a number); LF line ends; the header
  /// alone when there is no row.
  func csv() -> String {
    let shown = columns.indices.filter { columns[$0].forPrograms }
    var out =
      (["section"] + shown.map { columns[$0].key }).map { CSVEscaping.field($0) }
      .joined(separator: ",") + "\n"
    let section = CSVEscaping.field(name)
    for row in rows {
      let fields = shown.map {
        CSVEscaping.field(row[$0].value, guardingFormulas: !row[$0].isNumber)
      }
      out += ([section] + fields).joined(separator: ",") + "\n"
    }
    return out
  }
}
