import DiploGraph

/// What a ``Report`` shows, and how.
public struct ReportOptions: Hashable, Sendable {
  /// The report's headline; `nil` uses the data set's title.
  public var title: String?
  /// The colours of the charts: the network diagram's, so that a bloc and a kind of action
  /// have one colour throughout the report.
  public var palette: ChartPalette
  /// Named in the footer ("Made with diplograph 0.1.0"); `nil` for no footer line.
  public var generator: String?
  /// Where a reader finds the rows a table leaves out, said after how many it leaves out
  /// ("12 more rows not shown; <moreRows>."); `nil` says nothing more.
  public var moreRows: String?
  /// At most this many rows per table; the report says how many it leaves out.
  public var maximumRows = 500
  /// In HTML, tables longer than this are folded (`<details>`, open with a click, printed
  /// open); the per-pair and per-exchange tables always are.
  public var foldRowsAbove = 40
  /// How many days the timeline may show one column each before grouping days into weeks,
  /// months or years.
  public var timelineColumns = 40

  public init(
    title: String? = nil, palette: ChartPalette = .standard, generator: String? = "diplograph",
    moreRows: String? = nil
  ) {
    self.title = title
    self.palette = palette
    self.generator = generator
    self.moreRows = moreRows
  }
}
