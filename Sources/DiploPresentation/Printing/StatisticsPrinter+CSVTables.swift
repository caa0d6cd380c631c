import DiploGraph

/// The statistics as tidy CSV tables, one per file (`stats --format csv -o DIR`, or `--table`).

/// One table of the statistics as a CSV file of its own: a single header line of snake_case
/// column keys, then one line per row (LF line ends, RFC 4180 quoting, numbers plain with at
/// most six decimals, an undefined value empty), as pandas' `read_csv` and R's `read.csv` read
/// it without options.
public struct CSVTable: Hashable, Sendable {
  /// The table's stable name (`reciprocity`, `dyads`): the file's stem, and `--table`'s value.
  public var name: String
  /// The CSV text.
  public var text: String
}

/// The tables of one run of the statistics.
public struct CSVTables: Hashable, Sendable {
  /// The tables listed, in the order of the other formats' sections.
  public var tables: [CSVTable]
  /// The tables a summary counts and does not list (`exchanges`, `unmatched_answers`,
  /// `unresolved_references` with ``ResponseListing/summary``): no file is written for them.
  public var notListed: [String]

  /// The table named `name`, if listed.
  public func table(named name: String) -> CSVTable? { tables.first { $0.name == name } }
}

extension StatisticsPrinter {
  /// The name of every table the statistics can have, in order: the significance tables
  /// (`significance` to `bloc_cohesion`) only when the null models ran, `significance_swaps` and
  /// `bloc_cohesion` only with random samples.
  public static let csvTableNames = [
    "overview", "reciprocity", "actors", "dyads", "response_outcomes",
    "response_outcomes_by_kind", "time_to_answer", "exchanges", "unmatched_answers",
    "unresolved_references", "blocs", "bloc_partition", "bloc_matrix", "bloc_reciprocity",
    "sources",
    "significance", "significance_swaps", "dyad_census", "triad_census", "bloc_cohesion",
  ]

  /// The tables of a section that can be left out (``AnalysisOptions/leftOut``), among
  /// ``csvTableNames``: none of them is written when it is.
  public static func csvTableNames(of section: StatisticsSection) -> [String] {
    switch section {
    case .responses:
      return [
        "response_outcomes", "response_outcomes_by_kind", "time_to_answer", "exchanges",
        "unmatched_answers", "unresolved_references",
      ]
    case .blocs: return ["blocs", "bloc_partition", "bloc_matrix", "bloc_reciprocity"]
    case .sources: return ["sources"]
    case .significance:
      return ["significance", "significance_swaps", "dyad_census", "triad_census", "bloc_cohesion"]
    }
  }

  /// The statistics as one CSV table per section: the tables of the `csv` format, each without
  /// its `section` column, every row listed (no row limit).
  ///
  /// - Parameter responses: as in ``render(_:as:rowLimit:responses:)``; a summary leaves the
  ///   listing tables out (``CSVTables/notListed``).
  /// - Complexity: O(size of the output).
  public static func csvTables(
    _ statistics: Statistics, responses: ResponseListing = .automatic
  ) -> CSVTables {
    let listing = responses.resolved(for: statistics.responses)
    let tables = statistics.document(listing: listing).tables
    return CSVTables(
      tables: tables.filter { $0.unlisted == 0 }.map {
        CSVTable(name: $0.name, text: $0.csv(section: false))
      },
      notListed: tables.filter { $0.unlisted > 0 }.map(\.name))
  }
}
