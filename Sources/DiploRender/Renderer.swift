import DiploGraph

/// Draws DOT text with libgraphviz, in process.
public struct Renderer: Sendable {
  public init() {}

  /// SVG (or PNG/PDF) bytes for `dot`, laid out by `engine`.
  public func render(dot: String, engine: LayoutEngine = .dot, format: RenderFormat = .svg) throws
    -> [UInt8]
  {
    try Graphviz.render(dot: dot, engine: engine, format: format)
  }
}
