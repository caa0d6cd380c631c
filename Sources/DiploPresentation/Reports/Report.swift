import DiploGraph

/// A report of a selection, for publishing: as one self-contained HTML page (``html()``) or as
/// Markdown with its pictures beside it (``markdown(baseName:)``), the same sections and words
/// in both.
///
/// It holds, in order: the headline (title, the data set's description, the selection), the
/// key figures and a summary in words (who, how many, when; reciprocity in words and numbers;
/// what was answered and what went unanswered, by kind of action, naming the actors); the
/// network diagram, as the caller drew it (``Diagram``); the sources' own figures checked
/// against the data, with the figures and claims that disagree; the answers (outcomes, then
/// every action and its answer); a timeline of the actions by date and a bar chart of the bloc
/// weights, both drawn by this module as SVG (``TimelineChart``, ``BlocWeightChart``); the
/// per-actor and per-pair tables; what each source reports and leaves out; the data set's
/// notes and sources; and a methods section with every formula.
///
/// Deterministic: the same inputs give the same bytes (no date of generation is written).
public struct Report: Sendable {
  public var network: Network
  public var statistics: Statistics
  /// The network diagram; `nil` leaves it out.
  public var diagram: Diagram?
  public var options: ReportOptions

  public init(
    network: Network, statistics: Statistics, diagram: Diagram?,
    options: ReportOptions = ReportOptions()
  ) {
    self.network = network
    self.statistics = statistics
    self.diagram = diagram
    self.options = options
  }
}
