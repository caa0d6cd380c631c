/// Which layout engine a render uses, and when `dot` is refused.
///
/// `dot` draws the clearest pictures of small directed graphs but its crossing minimisation
/// explodes on dense cyclic ones; `sfdp` stays fast. Measured on this project's 2-core machine
/// with Graphviz 2.43, in process, on random digraphs with 3 edges per node and a count label
/// on each edge (the writer's default): dot 30 nodes 0.14 s, 50 nodes 1.2 s, 60 nodes 2.3 s,
/// 80 nodes 12.8 s, 100 nodes 35 s, 120 nodes 116 s; without labels 100 nodes 7.2 s, 120 nodes
/// 15.7 s. sfdp: 1,000 nodes in about a second.
public struct EnginePolicy: Hashable, Sendable {
  /// The largest graph for which ``LayoutEngine/dot`` is chosen automatically (about a second
  /// at worst); beyond it, `sfdp`.
  public var automaticDot: Size
  /// The largest graph for which an explicitly chosen `dot` runs without `force` (about half a
  /// minute at worst).
  public var dotLimit: Size
  /// For each engine, the largest graph it lays out in about a second at worst; a renderer with
  /// a ``LayoutIsolation`` runs larger layouts in a child process under a time limit. Measured
  /// as above (random digraphs, 3 edges per node, labels): neato 300 nodes 0.9 s, 1,000 nodes
  /// 8.7 s; fdp 50 nodes 0.4 s, 100 nodes 2.5 s, 300 nodes 20 s; circo 50 nodes 2.5 s, 100
  /// nodes 20 s, 300 nodes over two minutes; sfdp and twopi 300 nodes 0.3 s, 1,000 nodes 2 s.
  public var fast: [LayoutEngine: Size]
  /// DOT text longer than this (long labels: measuring 1 MB of text takes seconds) is not
  /// known to be fast whatever the graph's size.
  public var fastTextBytes: Int

  /// A graph size: both bounds must hold.
  public struct Size: Hashable, Sendable {
    public var nodes: Int
    public var edges: Int
    public init(nodes: Int, edges: Int) {
      self.nodes = nodes
      self.edges = edges
    }

    /// Whether a graph of `nodes` and `edges` fits.
    public func admits(nodes n: Int, edges e: Int) -> Bool { n <= nodes && e <= edges }
  }

  public init(
    automaticDot: Size = Size(nodes: 50, edges: 150), dotLimit: Size = Size(nodes: 100, edges: 300),
    fast: [LayoutEngine: Size] = EnginePolicy.measuredFast, fastTextBytes: Int = 1 << 20
  ) {
    self.automaticDot = automaticDot
    self.dotLimit = dotLimit
    self.fast = fast
    self.fastTextBytes = fastTextBytes
  }

  /// The default of ``fast``.
  public static let measuredFast: [LayoutEngine: Size] = [
    .dot: Size(nodes: 50, edges: 150), .circo: Size(nodes: 30, edges: 90),
    .fdp: Size(nodes: 50, edges: 150), .neato: Size(nodes: 300, edges: 900),
    .sfdp: Size(nodes: 500, edges: 1500), .twopi: Size(nodes: 500, edges: 1500),
  ]

  /// Whether `engine` is known to lay out `document` in about a second: within its ``fast``
  /// size, and the text within ``fastTextBytes``.
  public func isKnownFast(_ document: DOTDocument, engine: LayoutEngine) -> Bool {
    guard document.text.utf8.count <= fastTextBytes, let size = fast[engine] else { return false }
    return size.admits(nodes: document.nodeCount, edges: document.edgeCount)
  }

  public static let standard = EnginePolicy()

  /// The engine for `document`: the requested one, or the automatic choice: within
  /// ``automaticDot``, `circo` for a star (a document with a ``DOTDocument/centre``) and `dot`
  /// otherwise; `sfdp` beyond.
  ///
  /// - Throws: ``DiploRenderError`` with code `limit` when `dot` is requested for a graph
  ///   beyond ``dotLimit`` and `force` is false; its remedies are another engine and `force`.
  public func choose(for document: DOTDocument, requested: LayoutEngine?, force: Bool) throws
    -> EngineChoice
  {
    let n = document.nodeCount
    let e = document.edgeCount
    let size = "\(plural(n, "node")) and \(plural(e, "edge"))"
    guard let requested else {
      if automaticDot.admits(nodes: n, edges: e), let centre = document.centre {
        // dot draws a star as one very wide row of leaves; circo puts the centre in the
        // middle and the others around it. (twopi draws the same picture, but its overlap
        // removal moves nodes by hundredths of a point from one run to the next.)
        return EngineChoice(
          engine: .circo, automatic: true,
          reason: "circo (automatic: \(size), a star around \(centre))")
      }
      if automaticDot.admits(nodes: n, edges: e) {
        return EngineChoice(
          engine: .dot, automatic: true,
          reason:
            "dot (automatic: \(size), within \(automaticDot.nodes) nodes and"
            + " \(automaticDot.edges) edges)")
      }
      return EngineChoice(
        engine: .sfdp, automatic: true,
        reason:
          "sfdp (automatic: \(size), beyond dot's \(automaticDot.nodes) nodes or"
          + " \(automaticDot.edges) edges)")
    }
    if requested == .dot && !force && !dotLimit.admits(nodes: n, edges: e) {
      throw DiploRenderError(
        .limit,
        "the graph has \(size), too large for the dot engine (over \(dotLimit.nodes) nodes or"
          + " \(dotLimit.edges) edges, its layout can take minutes)",
        remedies: [.init(.otherEngine, "use sfdp (or neato)"), .init(.force, "force dot")])
    }
    return EngineChoice(
      engine: requested, automatic: false, reason: "\(requested.rawValue) (chosen)")
  }
}

/// The engine a render used and why, for the command line to say on stderr.
public struct EngineChoice: Hashable, Sendable, CustomStringConvertible {
  public var engine: LayoutEngine
  /// Whether the policy chose it (the caller named none).
  public var automatic: Bool
  /// `sfdp (automatic: 240 nodes and 720 edges, beyond dot's 50 nodes or 150 edges)`.
  public var reason: String

  public var description: String { "layout: \(reason)" }
}
