/// Writing `sources.csv` (`id,title,publisher,date,url`; docs/spreadsheets.md), the file
/// ``CSVSourcesReader`` reads beside `actions.csv`.

extension CSVFormat {
  /// Every source of the data set as `sources.csv`: a header, then one record per source in
  /// the data set's order; a title equal to the id is written empty (it reads back as the
  /// id), and so are a missing publisher, date or URL. Same quoting and line ends as
  /// ``writeActions(_:)``. A source's note has no column and is left out.
  ///
  /// Read back beside the actions, the sources come in the reader's order (those the actions
  /// name, in order of first use, then the others): a data set read from CSV round-trips.
  ///
  /// - Throws: ``DiploGraphError`` (`invalid`) for an empty source id, which reads back as a
  ///   missing value.
  /// - Complexity: O(s) for s sources.
  public static func writeSources(_ dataSet: DataSet) throws -> [UInt8] {
    var out: [UInt8] = Array(CSVColumns.sources.joined(separator: ",").utf8) + CSVEncoding.lineEnd
    for (i, source) in dataSet.sources.enumerated() {
      guard !source.id.rawValue.isEmpty else {
        throw DiploGraphError(
          .invalid, "cannot write source \(i) as CSV: an empty id reads back as a missing value",
          at: SourceLocation(path: DataPath(.sources, i, field: "id").jsonPath))
      }
      let fields = [
        source.id.rawValue, source.title == source.id.rawValue ? "" : source.title,
        source.publisher ?? "", source.date?.description ?? "", source.url ?? "",
      ]
      for (f, field) in fields.enumerated() {
        if f > 0 { out.append(CSVScanner.comma) }
        CSVEscaping.append(field, to: &out)
      }
      out.append(contentsOf: CSVEncoding.lineEnd)
    }
    return out
  }
}
