/// The printers of the analytics' results: the public entry points, kept apart from the
/// analyses (which return plain values) and from the command line (which picks a format).

/// How a result is printed.
public enum ReportFormat: String, Hashable, Sendable, CaseIterable {
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

/// Prints ``Statistics`` and ``SourceAnalysis`` values in every ``ReportFormat``.
///
/// Output is byte-stable: the same value gives the same text on every run and platform
/// (floating-point numbers are rounded — three decimals in tables and Markdown, six in JSON and
/// CSV — and nothing depends on hashing order).
public enum StatisticsPrinter {
  /// The statistics of a selection (`diplograph stats`).
  ///
  /// - Parameter rowLimit: in `table` and `markdown`, at most this many rows per table (then a
  ///   line saying how many were left out); JSON and CSV always hold every row.
  public static func render(
    _ statistics: Statistics, as format: ReportFormat, rowLimit: Int? = nil
  ) -> String {
    switch format {
    case .json: return json(statistics)
    case .table: return statistics.report(rowLimit: rowLimit).text(rowLimit: rowLimit)
    case .markdown: return statistics.report(rowLimit: rowLimit).markdown(rowLimit: rowLimit)
    case .csv: return statistics.report().csv()
    }
  }

  /// What each source reports and where the sources disagree (`diplograph sources`).
  ///
  /// JSON output is an object with `version`, `title`, `selection` and `sources` (the
  /// ``SourceAnalysis``), as `docs/sources.schema.json` describes.
  public static func render(
    _ sources: SourceAnalysis, title: String, selection: Selection = .all,
    as format: ReportFormat, rowLimit: Int? = nil
  ) -> String {
    switch format {
    case .json:
      return json(
        SourceDocument(
          version: Statistics.currentVersion, title: title, selection: selection,
          sources: sources))
    case .table:
      return sources.report(title: title, selection: selection).text(rowLimit: rowLimit)
    case .markdown:
      return sources.report(title: title, selection: selection).markdown(rowLimit: rowLimit)
    case .csv: return sources.report(title: title, selection: selection).csv()
    }
  }

  /// Deterministic JSON for any of the analytics' results: keys in declaration order, every
  /// optional present (`null` when undefined), numbers rounded to six decimals, two-space
  /// indentation, a final newline.
  public static func json(_ value: some Encodable) -> String {
    do {
      return try StableJSONEncoder().render(value)
    } catch {
      // The encoder itself never throws, and the results' encodings do not either.
      preconditionFailure("encoding an analytics result failed: \(error)")
    }
  }

  /// A selection in words: "all actions", or its filters ("kinds expulsion, retaliation;
  /// from 2018-03-01; blocs EU (actor)").
  public static func describe(_ selection: Selection) -> String {
    var parts: [String] = []
    if let kinds = selection.kinds {
      parts.append("kinds " + kinds.sorted().map(\.rawValue).joined(separator: ", "))
    }
    if let since = selection.since { parts.append("from \(since)") }
    if let until = selection.until { parts.append("until \(until)") }
    let side = selection.side == .either ? "" : " (\(selection.side.rawValue))"
    if let blocs = selection.blocs {
      parts.append("blocs " + blocs.sorted().map(\.rawValue).joined(separator: ", ") + side)
    }
    if let actors = selection.actors {
      parts.append("actors " + actors.sorted().map(\.rawValue).joined(separator: ", ") + side)
    }
    return parts.isEmpty ? "all actions" : parts.joined(separator: "; ")
  }
}

/// The JSON document of the sources report.
struct SourceDocument: Encodable {
  var version: Int
  var title: String
  var selection: Selection
  var sources: SourceAnalysis
}

extension Qualifier {
  /// "about 24", "at least 25", "23": the figure as the source states it.
  public func phrase(_ figure: Int) -> String {
    let n = NumberText.grouped(figure)
    switch self {
    case .exact: return n
    case .approximately: return "about " + n
    case .atLeast: return "at least " + n
    case .moreThan: return "more than " + n
    case .atMost: return "at most " + n
    case .fewerThan: return "fewer than " + n
    }
  }
}
