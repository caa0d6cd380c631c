import DiploGraph

extension Table {
  /// The table as CSV: one header of the columns' keys, then a line per row. With `section`
  /// (the single stream of ``TableDocument/csv()``), the first column is `section`, holding the
  /// table's name on its header and on every row, so one table can be pulled out with
  /// `grep '^name,'`; without (a table's own file), the header is the columns alone, as pandas
  /// and R read it. Fields as ``CSVEscaping`` writes them, text cells guarded against
  /// spreadsheet formulas (numbers are not: `-50` stays a number); LF line ends; the header
  /// alone when there is no row.
  func csv(section: Bool = true) -> String {
    let shown = columns.indices.filter { columns[$0].forPrograms }
    let tag = section ? [CSVEscaping.field(name)] : []
    var out =
      ((section ? ["section"] : []) + shown.map { columns[$0].key }).map { CSVEscaping.field($0) }
      .joined(separator: ",") + "\n"
    for row in rows {
      let fields = shown.map {
        CSVEscaping.field(row[$0].value, guardingFormulas: !row[$0].isNumber)
      }
      out += (tag + fields).joined(separator: ",") + "\n"
    }
    return out
  }
}
