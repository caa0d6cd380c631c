import DiploGraph

/// The legend of a diagram as data: exactly the blocs, kinds, shapes and widths it draws.
///
/// The DOT writer draws it inside the picture (the graph's label) and hands it over with the
/// document (``DOTDocument/legend``), so that a page can show it beside the picture as text
/// that stays readable on a phone.
public struct DiagramLegendContent: Hashable, Sendable {
  /// A bloc's fill, or the colour of its box.
  public struct BlocEntry: Hashable, Sendable {
    public var colour: RGBColor
    public var name: String
    /// Whether the bloc is only boxed (`--clusters`) and fills no node: its entry is a box
    /// outline, not a filled square.
    public var boxOnly = false
  }

  /// An action kind's line.
  public struct KindEntry: Hashable, Sendable {
    public var look: EdgeLook
    public var name: String
  }

  /// The blocs drawn (filling a node, or only boxed), in the style's order, then "in no bloc"
  /// when an actor is in none.
  public var blocs: [BlocEntry] = []
  /// The kinds drawn, named kinds first in their order, then "N other kinds" when kinds
  /// share the look of others.
  public var kinds: [KindEntry] = []
  /// One line each: the shapes drawn, what node size and line width measure, boxes.
  public var notes: [String] = []
  /// Whether sizes, widths and numbers count events (no drawn action has a count of
  /// diplomats), not diplomats.
  public var countsEvents = false

  /// An empty legend.
  public init() {}
}
