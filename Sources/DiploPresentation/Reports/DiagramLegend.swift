import DiploGraph

/// The legend of a network diagram as text for the page: shown beside the picture in the HTML
/// report, where it stays readable at a phone's width (inside a picture scaled down to 390
/// pixels, the legend's type would be a few pixels high).
public struct DiagramLegend: Hashable, Sendable {
  /// How an edge's line is drawn.
  public enum Line: String, Hashable, Sendable {
    case solid, dashed, dotted, bold
  }

  /// A bloc: the fill of its members, or the colour of its box when it fills no node.
  public struct Bloc: Hashable, Sendable {
    public var colour: CSSColour
    public var name: String
    /// Drawn only as a box around its members: the entry is an outline, not a filled square.
    public var boxOnly: Bool
    public init(colour: CSSColour, name: String, boxOnly: Bool = false) {
      self.colour = colour
      self.name = name
      self.boxOnly = boxOnly
    }
  }

  /// A kind of action: its line.
  public struct Kind: Hashable, Sendable {
    public var colour: CSSColour
    public var line: Line
    public var name: String
    public init(colour: CSSColour, line: Line, name: String) {
      self.colour = colour
      self.line = line
      self.name = name
    }
  }

  public var blocs: [Bloc]
  public var kinds: [Kind]
  /// Shapes, sizes and widths, one line each.
  public var notes: [String]

  public init(blocs: [Bloc] = [], kinds: [Kind] = [], notes: [String] = []) {
    self.blocs = blocs
    self.kinds = kinds
    self.notes = notes
  }

  /// The legend as an HTML list that wraps to the page's width: swatches and line samples are
  /// small inline SVGs (presentation attributes, no inline style, so the page's
  /// Content-Security-Policy holds); every name is escaped.
  var html: String {
    var s = "<div class=\"legend\"><ul>\n"
    for bloc in blocs {
      s +=
        "<li><svg class=\"swatch\" width=\"14\" height=\"14\" aria-hidden=\"true\"><rect x=\"0.5\" y=\"0.5\" "
      s +=
        bloc.boxOnly
        ? "width=\"13\" height=\"13\" rx=\"2\" fill=\"none\" stroke=\"\(bloc.colour.hex)\" "
          + "stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/></svg>"
        : "width=\"13\" height=\"13\" fill=\"\(bloc.colour.hex)\" stroke=\"#333333\"/></svg>"
      s += XMLEscaping.text(bloc.name) + "</li>\n"
    }
    for kind in kinds {
      let dash: String
      switch kind.line {
      case .solid: dash = ""
      case .dashed: dash = " stroke-dasharray=\"6 3\""
      case .dotted: dash = " stroke-dasharray=\"1.5 3\""
      case .bold: dash = ""
      }
      let width = kind.line == .bold ? 4 : 2
      s +=
        "<li><svg class=\"line\" width=\"36\" height=\"10\" aria-hidden=\"true\"><line x1=\"0\" y1=\"5\" "
      s += "x2=\"36\" y2=\"5\" stroke=\"\(kind.colour.hex)\" stroke-width=\"\(width)\"\(dash)/>"
      s += "</svg>" + XMLEscaping.text(kind.name) + "</li>\n"
    }
    s += "</ul>\n"
    for note in notes { s += "<p>" + XMLEscaping.text(note) + "</p>\n" }
    return s + "</div>\n"
  }
}
