/// A network diagram drawn by the caller (with DiploRender, say), as a report embeds it: the
/// reports lay out text, tables and their own charts, and take the diagram as it is.
public struct Diagram: Hashable, Sendable {
  /// The SVG element, without an XML prolog, its ids prefixed so that they cannot clash with
  /// the page's (the page's own ids are listed in ``Report/html()``). In Markdown it becomes a
  /// file of its own: give it a fixed size, so that it keeps it when opened as an image.
  public var svg: String
  /// Whether the layout is radial (a circle or rings around the busiest actor, as Graphviz's
  /// circo and twopi draw them): the caption then says what the middle means.
  public var radial: Bool
  /// What was drawn and what was merged when the network was too large to draw whole, said
  /// under the diagram; `nil` when every actor is drawn.
  public var caption: String?
  /// The legend, shown beside the picture as text (give the picture no legend of its own);
  /// `nil` when the picture carries it.
  public var legend: DiagramLegend?
  /// The episode as it unfolded: one small picture per period, every actor at the same place
  /// in each (shown as small multiples under the diagram); empty for none.
  public var frames: [DiagramFrame] = []
  /// What the frames show and what was merged to keep them few, said above them.
  public var framesCaption: String?
  /// Whether the numbers, widths and node sizes count events (event data without counts of
  /// diplomats): the caption then says so.
  public var countsEvents = false

  public init(
    svg: String, radial: Bool = false, caption: String? = nil, legend: DiagramLegend? = nil,
    countsEvents: Bool = false
  ) {
    self.svg = svg
    self.radial = radial
    self.caption = caption
    self.legend = legend
    self.countsEvents = countsEvents
  }
}
