import DiploGraph

/// What a diagram shows, computed once from a network and a style: the actors that take part,
/// their strengths and colouring blocs, and the edges with their kind breakdown and sources.
/// The DOT writer only formats it.
struct DiagramModel {
  /// Summed counts and number of actions of one kind on one edge.
  struct KindTotal {
    var kind: ActionKind
    var weight: Int64 = 0
    var actions = 0
    var counted = 0
  }

  /// One drawn edge: the actions of one kind between one ordered pair (or on one actor), or
  /// one action. Kinds are never merged: two kinds between the same pair are two edges.
  struct Edge {
    var from: Int
    var to: Int
    /// w: summed counts (0 when no action carries a count).
    var weight: Int64
    /// Whether at least one action on the edge has a count (a label is drawn).
    var hasCount: Bool
    /// The edge's one kind (a one-element array: the tooltip and classes read it as a list).
    var kinds: [KindTotal]
    /// Source indices into the data set's `sources` order, or ids the data set does not
    /// declare, in first-seen order.
    var sources: [SourceID]
    /// Rows of the actions on the edge, ascending.
    var rows: [Int]
  }

  let network: Network
  let style: Style
  /// Nodes drawn, ascending node index.
  let nodes: [Int]
  /// What widths, sizes and labels measure (``DiagramWeighting/choose(for:)``).
  let weighting: DiagramWeighting
  /// s^out per node index (self-loops not counted), in the unit of `weighting`.
  let outStrength: [Int64]
  /// s^in per node index (self-loops not counted), in the unit of `weighting`.
  let inStrength: [Int64]
  /// The actor drawn for each node: the data set's, or the reference data's for an id the data
  /// set does not declare (so that an organisation without an actors file is drawn as one).
  let actors: [Actor]
  /// The look of each kind drawn (``KindLooks``).
  let looks: KindLooks
  /// Colouring bloc per node index (index into `colourBlocs`), if any.
  let colourOf: [Int?]
  /// The colouring blocs, in priority order (only those the data set declares).
  let colourBlocs: [Bloc]
  /// All blocs of each node, in the data set's order.
  let blocsOf: [[Bloc]]
  let edges: [Edge]
  /// dot's `minlen` per edge (1 except between a staggered leaf and its hub).
  let minimumLength: [Int]
  /// The node at the centre of a star, if the diagram is one (see ``DOTDocument/centre``).
  let centre: Int?
  private let sourceNames: [SourceID: String]

  /// - Throws: ``DiploGraphError`` with code `overflow` when the counts on one drawn edge (a
  ///   self-loop: the network sums only the links between two actors) do not add up in 64 bits.
  ///
  /// `alsoDrawing`: node indices drawn even without a selected action (a frame draws every
  /// actor of its episode).
  init(network: Network, style: Style, alsoDrawing: Set<Int> = []) throws {
    self.network = network
    self.style = style
    let dataSet = network.dataSet
    let table = dataSet.actions
    let k = network.nodeCount

    let actions = network.actions.includingSelfLoops
    var drawn = [Bool](repeating: false, count: k)
    for action in actions {
      drawn[action.actor] = true
      drawn[action.target] = true
    }
    for n in alsoDrawing where n < k { drawn[n] = true }
    nodes = (0..<k).filter { drawn[$0] }

    let links = network.links
    actors = Self.resolvedActors(network)

    let order = style.colourBlocs ?? dataSet.blocs.map(\.id)
    var blocs: [Bloc] = []
    for id in order where !blocs.contains(where: { $0.id == id }) {
      if let bloc = dataSet.bloc(id) ?? Self.referenceBloc(id, network) { blocs.append(bloc) }
    }
    colourBlocs = blocs
    var colour = [Int?](repeating: nil, count: k)
    for (b, bloc) in blocs.enumerated() {
      for member in bloc.members {
        if let n = network.node(of: member), colour[n] == nil { colour[n] = b }
      }
    }
    colourOf = colour
    var all = [[Bloc]](repeating: [], count: k)
    for bloc in dataSet.blocs {
      for member in Set(bloc.members) {
        if let n = network.node(of: member) { all[n].append(bloc) }
      }
    }
    blocsOf = all
    var names: [SourceID: String] = [:]
    for source in dataSet.sources where names[source.id] == nil {
      var name = source.title.isEmpty ? source.id.rawValue : source.title
      if let publisher = source.publisher, !publisher.isEmpty, publisher != source.title {
        name += " (\(publisher))"
      }
      names[source.id] = name
    }
    sourceNames = names

    // Edges.
    var edges: [Edge] = []
    func newEdge(_ from: Int, _ to: Int) -> Edge {
      Edge(from: from, to: to, weight: 0, hasCount: false, kinds: [], sources: [], rows: [])
    }
    func add(row: Int, to edge: inout Edge) throws {
      let kind = table.kind(row: row)
      let count = table.count(row: row)
      let (from, to) = (edge.from, edge.to)
      let what = {
        "the summed count of the actions of \(network.actors[from].id) on \(network.actors[to].id)"
      }
      if let i = edge.kinds.firstIndex(where: { $0.kind == kind }) {
        edge.kinds[i].actions += 1
        if let count {
          edge.kinds[i].weight = try Self.sum(edge.kinds[i].weight, Int64(count), what())
          edge.kinds[i].counted += 1
        }
      } else {
        var total = KindTotal(kind: kind, actions: 1)
        if let count {
          total.weight = Int64(count)
          total.counted = 1
        }
        edge.kinds.append(total)
      }
      if let count {
        edge.weight = try Self.sum(edge.weight, Int64(count), what())
        edge.hasCount = true
      }
      for source in table.sources(row: row) where !edge.sources.contains(source) {
        edge.sources.append(source)
      }
      edge.rows.append(row)
    }
    switch style.edgeMode {
    case .aggregated:
      // One edge per ordered pair and kind (self-loops included), in (from, to, kind) order.
      var index: [EdgeKey: Int] = [:]
      for action in actions {
        let key = EdgeKey(from: action.actor, to: action.target, kind: table.kind(row: action.row))
        if let e = index[key] {
          try add(row: action.row, to: &edges[e])
        } else {
          index[key] = edges.count
          edges.append(newEdge(action.actor, action.target))
          try add(row: action.row, to: &edges[edges.count - 1])
        }
      }
      edges.sort { a, b in
        if (a.from, a.to) != (b.from, b.to) { return (a.from, a.to) < (b.from, b.to) }
        return Self.kindPrecedes(a.kinds[0].kind, b.kinds[0].kind)
      }
    case .perAction:
      for action in actions {
        var edge = newEdge(action.actor, action.target)
        try add(row: action.row, to: &edge)
        edges.append(edge)
      }
    }
    let weighting = DiagramWeighting.choose(for: edges)
    if weighting == .events {
      for e in edges.indices { edges[e].weight = Int64(edges[e].rows.count) }
    }
    self.weighting = weighting
    self.edges = edges
    maximumWeight = edges.map(\.weight).max() ?? 0
    // Strengths: the network's (one call, in diplomats), or the events on the drawn edges.
    var out: [Int64]
    var into: [Int64]
    if weighting == .diplomats {
      let strengths = links.strengths
      (out, into) = (strengths.outStrength, strengths.inStrength)
    } else {
      out = [Int64](repeating: 0, count: k)
      into = out
      for edge in edges where edge.from != edge.to {
        out[edge.from] += edge.weight
        into[edge.to] += edge.weight
      }
    }
    (outStrength, inStrength) = (out, into)
    maximumStrength = nodes.map { out[$0] + into[$0] }.max() ?? 0
    looks = KindLooks(style: style, edges: edges)

    var neighbours = [Set<Int>](repeating: [], count: k)
    for edge in edges where edge.from != edge.to {
      neighbours[edge.from].insert(edge.to)
      neighbours[edge.to].insert(edge.from)
    }
    // The centre of a star: the actor with the most neighbours (the first in node order on a
    // tie), when at least six of them, and at least half of the other actors, deal with it
    // alone (its leaves): then circo puts it in the middle with the leaves around it.
    var centre: Int?
    for n in nodes where neighbours[n].count > (centre.map { neighbours[$0].count } ?? 0) {
      centre = n
    }
    if let c = centre {
      let leaves = neighbours[c].filter { neighbours[$0].count == 1 }.count
      if leaves < 6 || 2 * leaves < nodes.count - 1 { centre = nil }
    }
    // Boxes are drawn by dot and fdp only: a star with clusters is no star (dot draws it).
    self.centre = style.clusters ? nil : centre

    // Stagger the leaves of each hub over `leafRows` ranks (what Graphviz's `unflatten -l`
    // does): a leaf is a drawn actor with exactly one neighbour, a hub one with at least six
    // leaves.
    var minimumLength = [Int](repeating: 1, count: edges.count)
    if style.leafRows > 1 {
      var leavesOfHub: [Int: [Int]] = [:]
      for n in nodes where neighbours[n].count == 1 {
        leavesOfHub[neighbours[n].first!, default: []].append(n)
      }
      var row = [Int](repeating: 0, count: k)
      for (_, leaves) in leavesOfHub where leaves.count >= 6 {
        for (i, leaf) in leaves.enumerated() { row[leaf] = i % style.leafRows }
      }
      for (e, edge) in edges.enumerated() {
        minimumLength[e] = 1 + max(row[edge.from], row[edge.to])
      }
    }
    self.minimumLength = minimumLength
  }

  /// `a + b`, or the `overflow` error naming what was summed.
  static func sum(_ a: Int64, _ b: Int64, _ what: @autoclosure () -> String) throws -> Int64 {
    let (sum, overflow) = a.addingReportingOverflow(b)
    guard !overflow else {
      throw DiploGraphError(
        .overflow,
        "\(what()) exceeds 9,223,372,036,854,775,807 (2⁶³ − 1, the largest sum of counts); "
          + "expected counts whose sums fit")
    }
    return sum
  }

  /// Strength s = out + in weight.
  func strength(_ node: Int) -> Int64 { outStrength[node] + inStrength[node] }

  /// Whether kind `a` is listed before `b`: the named kinds in their order, then the others
  /// by name.
  static func kindPrecedes(_ a: ActionKind, _ b: ActionKind) -> Bool {
    let known = ActionKind.known
    let ia = known.firstIndex(of: a) ?? known.count
    let ib = known.firstIndex(of: b) ?? known.count
    return ia != ib ? ia < ib : a < b
  }

  /// The actor drawn for each node: declared actors as the data set gives them; an id only
  /// the actions name takes the reference data's name and kind when the reference knows it.
  static func resolvedActors(_ network: Network) -> [Actor] {
    let declared = Set(network.dataSet.actors.map(\.id))
    return network.actors.map { actor in
      guard !declared.contains(actor.id), let known = ReferenceData.standard.actor(actor.id)
      else { return actor }
      return Actor(id: actor.id, name: known.name, kind: known.kind, note: actor.note)
    }
  }

  /// The largest strength among drawn nodes (computed once: the writer asks for every node).
  private(set) var maximumStrength: Int64 = 0

  /// Key of an aggregated edge.
  private struct EdgeKey: Hashable {
    var from: Int
    var to: Int
    var kind: ActionKind
  }

  /// The largest edge weight (computed once: the writer asks for every edge).
  private(set) var maximumWeight: Int64 = 0

  /// The fill of a node.
  func fill(of node: Int) -> RGBColor {
    guard let b = colourOf[node] else { return style.unaffiliatedFill }
    return style.palette[b % style.palette.count]
  }

  /// Colouring blocs with at least one drawn member, in priority order, with their index.
  var blocsPresent: [(index: Int, bloc: Bloc)] {
    var present = Set<Int>()
    for n in nodes { if let b = colourOf[n] { present.insert(b) } }
    return colourBlocs.enumerated().filter { present.contains($0.offset) }.map {
      (index: $0.offset, bloc: $0.element)
    }
  }

  /// The display name of a source: its title (and publisher), or its id when the data set
  /// does not declare it.
  func sourceName(_ id: SourceID) -> String { sourceNames[id] ?? id.rawValue }
}
