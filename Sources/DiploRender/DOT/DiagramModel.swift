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

  /// One drawn edge: an aggregated link (or self-loop), or one action.
  struct Edge {
    var from: Int
    var to: Int
    /// w: summed counts (0 when no action carries a count).
    var weight: Int64
    /// Whether at least one action on the edge has a count (a label is drawn).
    var hasCount: Bool
    /// Kinds on the edge, heaviest first.
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
  /// Out- and in-strength per node index (the network's; self-loops not counted).
  let strengths: NodeStrengths
  /// s^out per node index.
  var outStrength: [Int64] { strengths.outStrength }
  /// s^in per node index.
  var inStrength: [Int64] { strengths.inStrength }
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
  init(network: Network, style: Style) throws {
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
    nodes = (0..<k).filter { drawn[$0] }

    let links = network.links
    let strengths = links.strengths
    self.strengths = strengths
    maximumStrength = nodes.map(strengths.total).max() ?? 0

    let order = style.colourBlocs ?? dataSet.blocs.map(\.id)
    var blocs: [Bloc] = []
    for id in order where !blocs.contains(where: { $0.id == id }) {
      if let bloc = dataSet.bloc(id) { blocs.append(bloc) }
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
      edges = links.map { newEdge($0.from, $0.to) }
      var loops: [Int: Int] = [:]
      for action in actions {
        let a = action.actor
        if action.isSelfLoop {
          if loops[a] == nil {
            loops[a] = edges.count
            edges.append(newEdge(a, a))
          }
          try add(row: action.row, to: &edges[loops[a]!])
        } else if let l = links.link(from: a, to: action.target) {
          try add(row: action.row, to: &edges[l])
        }
      }
      // Links first in (from, to) order, then self-loops by node: keep one order, by (from, to).
      edges.sort { ($0.from, $0.to) < ($1.from, $1.to) }
    case .perAction:
      for action in actions {
        var edge = newEdge(action.actor, action.target)
        try add(row: action.row, to: &edge)
        edges.append(edge)
      }
    }
    let knownOrder = ActionKind.known
    for e in edges.indices {
      edges[e].kinds.sort { a, b in
        if a.weight != b.weight { return a.weight > b.weight }
        if a.actions != b.actions { return a.actions > b.actions }
        let ia = knownOrder.firstIndex(of: a.kind) ?? knownOrder.count
        let ib = knownOrder.firstIndex(of: b.kind) ?? knownOrder.count
        return ia != ib ? ia < ib : a.kind < b.kind
      }
    }
    self.edges = edges
    maximumWeight = edges.map(\.weight).max() ?? 0

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
    self.centre = centre

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

  /// Strength s = out + in weight (see ``NodeStrengths/total(_:)``).
  func strength(_ node: Int) -> Int64 { strengths.total(node) }

  /// The largest strength among drawn nodes (computed once: the writer asks for every node).
  private(set) var maximumStrength: Int64 = 0

  /// The largest edge weight (computed once: the writer asks for every edge).
  private(set) var maximumWeight: Int64 = 0

  /// The fill of a node.
  func fill(of node: Int) -> RGBColor {
    guard let b = colourOf[node] else { return style.unaffiliatedFill }
    return style.palette[b % style.palette.count]
  }

  /// Kinds present in the drawn edges, named kinds first in their order, then the others
  /// alphabetically.
  var kindsPresent: [ActionKind] {
    var seen = Set<ActionKind>()
    for edge in edges { for total in edge.kinds { seen.insert(total.kind) } }
    let known = ActionKind.known.filter { seen.contains($0) }
    return known + seen.subtracting(known).sorted()
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
