import DiploGraph

/// A small SVG writer for the charts the reports draw themselves: elements appended as text,
/// every number written with at most two decimals and no locale, every text escaped with
/// ``XMLEscaping/attribute(_:)``. Deterministic: the same calls give the same bytes.
struct SVGCanvas {
  let width: Double
  var height: Double
  private(set) var body = ""

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// A number as SVG text: at most two decimals, no exponent, `0` for what is not finite.
  static func number(_ x: Double) -> String {
    x.isFinite ? NumberText.trimmed(x, decimals: 2) : "0"
  }

  /// The font stack of the charts: the reader's system font, as the report's text.
  static let fontFamily =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

  /// An estimate of the width of `text` at `size` points in a sans-serif font (about 0.56 em
  /// a character), for layout decisions only.
  static func estimatedWidth(_ text: String, size: Double) -> Double {
    Double(text.count) * size * 0.56
  }

  enum Anchor: String {
    case start, middle, end
  }

  mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: CSSColour,
    stroke: CSSColour? = nil, className: String? = nil, title: String? = nil
  ) {
    var s = "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\""
    s += " height=\"\(n(max(0, height)))\" fill=\"\(fill.hex)\""
    if let stroke { s += " stroke=\"\(stroke.hex)\" stroke-width=\"0.75\"" }
    if let className { s += " class=\"\(XMLEscaping.attribute(className))\"" }
    if let title {
      body += s + "><title>\(XMLEscaping.attribute(title))</title></rect>\n"
    } else {
      body += s + "/>\n"
    }
  }

  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: CSSColour, width: Double = 1,
    dashed: Bool = false
  ) {
    var s = "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\""
    s += " stroke=\"\(stroke.hex)\" stroke-width=\"\(n(width))\""
    if dashed { s += " stroke-dasharray=\"3 3\"" }
    body += s + "/>\n"
  }

  mutating func circle(
    cx: Double, cy: Double, r: Double, fill: CSSColour, stroke: CSSColour, title: String? = nil
  ) {
    let s =
      "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r))\" fill=\"\(fill.hex)\""
      + " stroke=\"\(stroke.hex)\" stroke-width=\"1\""
    if let title {
      body += s + "><title>\(XMLEscaping.attribute(title))</title></circle>\n"
    } else {
      body += s + "/>\n"
    }
  }

  /// Text; `parts` are runs drawn one after the other, each bold or not and in its colour.
  mutating func text(
    _ parts: [(text: String, bold: Bool, colour: CSSColour)], x: Double, y: Double,
    size: Double, anchor: Anchor = .start
  ) {
    var s = "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\""
    if anchor != .start { s += " text-anchor=\"\(anchor.rawValue)\"" }
    s += ">"
    for part in parts {
      s += "<tspan fill=\"\(part.colour.hex)\""
      if part.bold { s += " font-weight=\"bold\"" }
      s += ">\(XMLEscaping.attribute(part.text))</tspan>"
    }
    body += s + "</text>\n"
  }

  mutating func text(
    _ text: String, x: Double, y: Double, size: Double, colour: CSSColour = SVGCanvas.ink,
    bold: Bool = false, anchor: Anchor = .start
  ) {
    self.text([(text, bold, colour)], x: x, y: y, size: size, anchor: anchor)
  }

  /// The finished SVG element, with `role="img"`, a `<title>` and a `<desc>`.
  ///
  /// - Parameters:
  ///   - options: the id prefix (the root's id; the title's and description's derive from it),
  ///     and whether the chart keeps a fixed `width`/`height` in pixels (for a file of its own)
  ///     or only its `viewBox` and a `max-width` of 1.2 times its drawn width (it then scales
  ///     with the page, never far beyond its drawn size). A title or description in the options
  ///     replaces the chart's own.
  func svg(options: ChartOptions, title: String, description: String) -> String {
    let id = options.idPrefix
    var s = "<svg xmlns=\"http://www.w3.org/2000/svg\""
    if options.fixedSize {
      s += " width=\"\(n(width))\" height=\"\(n(height))\""
    } else {
      // It scales with the page, up to a little over its drawn size: text stays in proportion
      // with the page's.
      s += " style=\"max-width: \(n((width * 1.2).rounded()))px\""
    }
    s += " viewBox=\"0 0 \(n(width)) \(n(height))\" id=\"\(id)\" class=\"chart\""
    s += " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""
    s += " font-family=\"\(SVGCanvas.fontFamily)\">\n"
    s += "<title id=\"\(id)-title\">\(XMLEscaping.attribute(options.title ?? title))</title>\n"
    let shownDescription = options.description ?? description
    s += "<desc id=\"\(id)-desc\">\(XMLEscaping.attribute(shownDescription))</desc>\n"
    s += "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n"
    return s + body + "</svg>\n"
  }

  private func n(_ x: Double) -> String { Self.number(x) }

  /// The colours of the charts' text and lines: near-black ink, a grey for secondary text
  /// (contrast 7:1 on white) and a light grey for grid lines.
  static let ink = CSSColour(trusted: "#1A1A1A")
  static let muted = CSSColour(trusted: "#555555")
  static let grid = CSSColour(trusted: "#D0D0D0")
  static let outline = CSSColour(trusted: "#333333")
}
