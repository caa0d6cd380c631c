import DiploGraph

/// What a report (``HTMLReport``, ``MarkdownReport``) shows, and how.
public struct ReportOptions: Hashable, Sendable {
  /// The report's headline; `nil` uses the data set's title.
  public var title: String?
  /// The colours of the charts: the same ``Style`` as the network diagram's, so that a bloc
  /// and a kind of action have one colour throughout the report.
  public var style: Style
  /// At most this many rows per table; the report says how many it leaves out.
  public var maximumRows: Int
  /// In HTML, tables longer than this are folded (`<details>`, open with a click, printed
  /// open); the per-pair and per-exchange tables always are.
  public var foldRowsAbove: Int
  /// Named in the footer ("Made with diplograph 0.1.0"); `nil` for no footer line.
  public var generator: String?
  /// How many days the timeline may show one column each before grouping days into weeks,
  /// months or years.
  public var timelineColumns: Int

  public init(
    title: String? = nil, style: Style = .standard, maximumRows: Int = 500,
    foldRowsAbove: Int = 40, generator: String? = "diplograph", timelineColumns: Int = 40
  ) {
    self.title = title
    self.style = style
    self.maximumRows = maximumRows
    self.foldRowsAbove = foldRowsAbove
    self.generator = generator
    self.timelineColumns = timelineColumns
  }
}
