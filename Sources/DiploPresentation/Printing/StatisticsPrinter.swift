import DiploGraph

/// The printers of the analytics' results: the public entry points, kept apart from the
/// analyses (which return plain values) and from the command line (which picks a format).

/// How `stats` and `sources` print their results.
public enum StatisticsFormat: String, Hashable, Sendable, CaseIterable {
  /// For people in a terminal: a headline block (actors, actions, links, total weight,
  /// reciprocity in words and numbers), then aligned columns.
  case table
  /// For programs: deterministic JSON following `docs/stats.schema.json`.
  case json
  /// For spreadsheets: every table in one CSV stream, each row tagged with its section.
  case csv
  /// For reports and READMEs: GitHub-flavoured Markdown tables.
  case markdown
}

/// Prints ``Statistics`` and ``SourceAnalysis`` values in every ``StatisticsFormat``.
///
/// Output is byte-stable: the same value gives the same text on every run and platform
/// (floating-point numbers are rounded — three decimals in tables and Markdown, six in JSON and
/// CSV — and nothing depends on hashing order).
public enum StatisticsPrinter {
  /// The statistics of a selection (`diplograph stats`).
  ///
  /// - Parameters:
  ///   - rowLimit: in `table` and `markdown`, at most this many rows per table (then a line
  ///     saying how many were left out); JSON and CSV always hold every row they list.
  ///   - responses: whether the exchanges, unmatched answers and unresolved references are
  ///     listed (``ResponseListing``; by default, in full up to
  ///     ``ResponseListing/automaticLimit`` of them, counted only beyond). A summary's JSON has
  ///     `"listing": "summary"` and `null` for the three lists; its CSV leaves their tables out;
  ///     its table and Markdown say how many rows are not listed.
  /// - Complexity: O(size of the output): O(K + L + B²) for a summary.
  public static func render(
    _ statistics: Statistics, as format: StatisticsFormat, rowLimit: Int? = nil,
    responses: ResponseListing = .automatic
  ) -> String {
    let listing = responses.resolved(for: statistics.responses)
    switch format {
    case .json:
      return json(statistics, encoder: StableJSONEncoder(listsResponses: listing == .full))
    case .table:
      return statistics.document(rowLimit: rowLimit, listing: listing).text(rowLimit: rowLimit)
    case .markdown:
      return statistics.document(rowLimit: rowLimit, listing: listing)
        .markdown(rowLimit: rowLimit)
    case .csv: return statistics.document(listing: listing).csv()
    }
  }

  /// ``render(_:as:rowLimit:responses:)``, handed to `output` in pieces: JSON about a
  /// megabyte at a time, so that the document is never whole in memory (a million dyads make
  /// hundreds of megabytes); the other formats in one piece. The JSON's long arrays are
  /// written on up to `threads` threads, the same bytes for every number (handed over in the
  /// threads' pieces, of a few thousand rows each).
  ///
  /// - Throws: the first error `output` throws; nothing more is written after it.
  public static func write(
    _ statistics: Statistics, as format: StatisticsFormat, rowLimit: Int? = nil,
    responses: ResponseListing = .automatic, threads: Int = 1,
    to output: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    guard format == .json else {
      var text = render(statistics, as: format, rowLimit: rowLimit, responses: responses)
      try text.withUTF8 { try output(UnsafeRawBufferPointer($0)) }
      return
    }
    let listing = responses.resolved(for: statistics.responses)
    var failure: (any Error)?
    try withoutActuallyEscaping(output) { output in
      var encoder = StableJSONEncoder(listsResponses: listing == .full)
      encoder.threads = threads
      try encoder.write(statistics) { chunk in
        guard failure == nil else { return }
        do { try output(chunk) } catch { failure = error }
      }
    }
    if let failure { throw failure }
  }

  /// What each source reports and where the sources disagree (`diplograph sources`).
  ///
  /// JSON output is an object with `version`, `title`, `selection` and `sources` (the
  /// ``SourceAnalysis``), as `docs/sources.schema.json` describes.
  public static func render(
    _ sources: SourceAnalysis, title: String, selection: Selection = .all,
    as format: StatisticsFormat, rowLimit: Int? = nil
  ) -> String {
    switch format {
    case .json:
      return json(
        SourceDocument(
          version: Statistics.currentVersion, title: title, selection: selection,
          sources: sources))
    case .table:
      return sources.document(title: title, selection: selection).text(rowLimit: rowLimit)
    case .markdown:
      return sources.document(title: title, selection: selection).markdown(rowLimit: rowLimit)
    case .csv: return sources.document(title: title, selection: selection).csv()
    }
  }

  /// Deterministic JSON for any of the analytics' results: keys in declaration order, every
  /// optional present (`null` when undefined), numbers rounded to six decimals, two-space
  /// indentation, a final newline.
  public static func json(_ value: some Encodable) -> String {
    json(value, encoder: StableJSONEncoder())
  }

  static func json(_ value: some Encodable, encoder: StableJSONEncoder) -> String {
    do {
      return try encoder.render(value)
    } catch {
      // The encoder itself never throws, and the results' encodings do not either.
      preconditionFailure("encoding an analytics result failed: \(error)")
    }
  }
}

/// The JSON document of the sources report.
struct SourceDocument: Encodable {
  var version: Int
  var title: String
  var selection: Selection
  var sources: SourceAnalysis
}
