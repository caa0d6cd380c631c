import DiploGraph

/// One frame of an episode drawn as it unfolded (by DiploRender's `DiagramFrames`, say): the
/// actions of one period, every actor at the place it has in the whole episode's diagram.
public struct DiagramFrame: Hashable, Sendable {
  /// The SVG element, without an XML prolog, its ids prefixed so that they clash neither with
  /// the page's nor with the other frames' (`frame-01`, `frame-02`, …). In Markdown it becomes a
  /// file of its own: give it a fixed size.
  public var svg: String
  /// The first and last day of the period (the same day for a frame of one day).
  public var first: Day
  public var last: Day

  public init(svg: String, first: Day, last: Day) {
    self.svg = svg
    self.first = first
    self.last = last
  }

  /// "14 March 2018", "14–20 March 2018", "28 February – 6 March 2018".
  public var period: String { Wording.range(first, last) }
}

extension Diagram {
  /// The width of the picture in CSS pixels at its natural size (its `viewBox` width in
  /// points × 4/3), read from the root element; `nil` when it has no readable `viewBox`.
  var naturalWidth: Double? {
    guard let open = svg.range(of: "<svg"), let end = svg[open.upperBound...].firstIndex(of: ">")
    else { return nil }
    let tag = svg[open.upperBound..<end]
    guard let start = tag.range(of: "viewBox=\"") else { return nil }
    let values = tag[start.upperBound...].prefix { $0 != "\"" }
      .split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
    guard values.count == 4, values[2] > 0 else { return nil }
    return values[2] * 4 / 3
  }

  /// Whether the picture is narrower than the width a wide diagram is kept at on a phone
  /// (40rem, 640 pixels): it is then never widened beyond 1.5 times its natural size and
  /// needs no panning.
  var isNarrow: Bool { (naturalWidth ?? .infinity) < 640 }

  /// The SVG with, when it ``isNarrow``, a `max-width` of 1.5 times its natural width on its
  /// root element (a two-actor diagram is not blown up to the page's width).
  var sizedSVG: String {
    guard isNarrow, let width = naturalWidth, let open = svg.range(of: "<svg") else { return svg }
    let limit = Int((width * 1.5).rounded())
    return svg.replacingCharacters(in: open, with: "<svg style=\"max-width: \(limit)px\"")
  }
}
