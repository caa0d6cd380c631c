import DiploGraph

/// DOT text made by ``DOTWriter``, with what the renderer and the SVG embedding need to know
/// about it.
///
/// Only the writer can make one (the memberwise initialiser is internal), and the public rendering API
/// takes nothing else: text from a data set reaches Graphviz only through the writer's
/// escaping, never as raw DOT.
public struct DOTDocument: Hashable, Sendable, CustomStringConvertible {
  /// The DOT text (UTF-8, `\n` line ends, ending with a newline).
  public let text: String
  /// Number of nodes (actors that take part in the selection).
  public let nodeCount: Int
  /// Number of edges (aggregated links or actions, self-loops included).
  public let edgeCount: Int
  /// The diagram's title (the style's or the data set's; may be empty), for `<title>`.
  public let title: String
  /// One sentence describing the diagram, for `<desc>`.
  public let summary: String
  /// The actor at the centre of a star, when the diagram is one: the actor with the most
  /// neighbours, when at least six actors, and at least half of the others, deal with it and
  /// with no one else (Russia in 2018). The writer names it as the graph's `root` (twopi's centre), and ``EnginePolicy``
  /// lays such a diagram out radially around it, with circo.
  public let centre: ActorID?
  /// What was drawn and what was merged when the network was too large to draw whole
  /// (``DiagramReduction``); `nil` when every actor is drawn.
  public let caption: String?
  /// The legend of exactly what is drawn, as data: for a page that shows it beside the
  /// picture (a phone's width leaves the legend inside the SVG too small to read).
  public let legend: DiagramLegendContent

  public var description: String { text }
}
