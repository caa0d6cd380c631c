import DiploGraph

/// A network too large to read, cut down to its strongest actors: the diagram of a large
/// graph (point 5 of issue 14).
///
/// With K drawn actors and a limit N < K (lowered until at most ``readableEdges`` edges are
/// drawn), the N actors of the largest strength s = s^out + s^in (diplomats, or actions when no
/// selected action has a count; ties by node order) are drawn as they are; every other actor is
/// merged into one node per colouring bloc, "N others in BLOC" (an actor goes to its first
/// colouring bloc in the style's order, actors in none to "N others"; when those merged nodes
/// alone would draw more than ``readableEdges`` edges, every other actor goes to one node, "N
/// others"). Actions between two merged actors of the same node are left out (they
/// would be loops of the merged node); every other action is kept, with its kind, count, date
/// and sources, so kinds stay apart on the merged edges. The ``caption`` says what was drawn
/// and what was merged.
///
/// - Complexity: O(n + K log K) for n selected actions and K actors.
public struct DiagramReduction: Sendable {
  /// The network to draw: the original one when it is within the limit.
  public let network: Network
  /// What was drawn and what was merged, in one or two sentences; `nil` when nothing was.
  public let caption: String?

  /// The id prefix of merged nodes (`…others:EU`), chosen so that no data set's id is likely
  /// to clash with it; a clash only joins the two nodes.
  static let mergedPrefix = "\u{2026}others:"

  /// The most edges drawn after a reduction: about what dot lays out with every label apart.
  public static let readableEdges = 80
  /// The fewest actors a reduction keeps.
  static let smallestN = 2

  /// Edges (pair and kind) drawn when the `kept` actors stay and every other actor is merged
  /// into the node of its `group`; loops of a merged node are not drawn.
  static func edgeCount(_ network: Network, kept: Set<Int>, group: (Int) -> Int) -> Int {
    var seen = Set<[Int32]>()
    var kinds: [ActionKind: Int32] = [:]
    let table = network.dataSet.actions
    for action in network.actions {
      let a = kept.contains(action.actor) ? Int32(action.actor) : Int32(-2 - group(action.actor))
      let t = kept.contains(action.target) ? Int32(action.target) : Int32(-2 - group(action.target))
      if a == t && a < 0 { continue }
      let kind = table.kind(row: action.row)
      let k = kinds[kind] ?? Int32(kinds.count)
      kinds[kind] = k
      seen.insert([a, t, k])
    }
    return seen.count
  }

  /// Reduces `network` to at most `maximumActors` strongest actors plus the merged nodes.
  ///
  /// - Throws: ``DiploGraphError`` with code `overflow` when a strength or a merged sum does
  ///   not fit in 64 bits.
  public init(_ network: Network, style: Style, maximumActors: Int) throws {
    let k = network.nodeCount
    var drawn = [Bool](repeating: false, count: k)
    var counted = false
    var out = [Int64](repeating: 0, count: k)
    var into = [Int64](repeating: 0, count: k)
    for action in network.actions.includingSelfLoops {
      drawn[action.actor] = true
      drawn[action.target] = true
      if action.count != nil { counted = true }
    }
    let nodes = (0..<k).filter { drawn[$0] }
    guard maximumActors > 0, nodes.count > maximumActors else {
      self.network = network
      caption = nil
      return
    }
    for action in network.actions {
      let w: Int64 = counted ? action.weight : 1
      out[action.actor] = try DiagramModel.sum(out[action.actor], w, "a strength")
      into[action.target] = try DiagramModel.sum(into[action.target], w, "a strength")
    }
    let ranked = nodes.sorted { a, b in
      let (sa, sb) = (out[a] &+ into[a], out[b] &+ into[b])
      return sa != sb ? sa > sb : a < b
    }

    let data = network.dataSet
    let order = style.colourBlocs ?? data.blocs.map(\.id)
    var colouring: [Bloc] = []
    for id in order where !colouring.contains(where: { $0.id == id }) {
      if let bloc = data.bloc(id) { colouring.append(bloc) }
    }
    // The merged node each actor would go to: its first colouring bloc, or none.
    var groupOf = [Int?](repeating: nil, count: k)
    for (b, bloc) in colouring.enumerated().reversed() {
      for member in bloc.members { if let n = network.node(of: member) { groupOf[n] = b } }
    }
    // N: the limit, lowered (by a quarter at a time) until the drawn edges (one per pair
    // and kind, the merged nodes' included) are at most ``readableEdges``, so that every count
    // stays legible.
    // When the merged nodes of the blocs deal with one another too much for that even at
    // the fewest actors, every other actor goes to one node ("N others") instead.
    var n = maximumActors
    var kept = Set(ranked.prefix(n))
    for perBloc in [true, false] {
      if !perBloc {
        groupOf = [Int?](repeating: nil, count: k)
        n = maximumActors
        kept = Set(ranked.prefix(n))
      }
      while n > Self.smallestN
        && Self.edgeCount(network, kept: kept, group: { groupOf[$0] ?? -1 }) > Self.readableEdges
      {
        n = max(Self.smallestN, n * 3 / 4)
        kept = Set(ranked.prefix(n))
      }
      if Self.edgeCount(network, kept: kept, group: { groupOf[$0] ?? -1 }) <= Self.readableEdges {
        break
      }
    }
    let strongest = ranked.prefix(n)
    let noBloc = colouring.count
    var merged = [Int](repeating: 0, count: colouring.count + 1)
    for m in nodes where !kept.contains(m) { merged[groupOf[m] ?? noBloc] += 1 }
    func mergedID(_ group: Int) -> ActorID {
      ActorID(Self.mergedPrefix + (group == noBloc ? "" : colouring[group].id.rawValue))
    }

    let table = data.actions
    var actions = ActionTable()
    var leftOut = 0
    for action in network.actions.includingSelfLoops {
      let a = action.actor
      let t = action.target
      if !kept.contains(a) && !kept.contains(t) && (groupOf[a] ?? noBloc) == (groupOf[t] ?? noBloc)
      {
        leftOut += 1
        continue
      }
      let row = action.row
      actions.append(
        Action(
          actor: kept.contains(a) ? network.actors[a].id : mergedID(groupOf[a] ?? noBloc),
          target: kept.contains(t) ? network.actors[t].id : mergedID(groupOf[t] ?? noBloc),
          kind: table.kind(row: row), count: table.count(row: row), date: table.date(row: row),
          sources: table.sources(row: row)))
    }

    let resolved = DiagramModel.resolvedActors(network)
    var actors = strongest.sorted().map { resolved[$0] }
    var groupNames: [String] = []
    for group in merged.indices where merged[group] > 0 {
      let name =
        group == noBloc
        ? "\(merged[group]) others" : "\(merged[group]) others in \(colouring[group].name)"
      actors.append(Actor(id: mergedID(group), name: name))
      groupNames.append("“\(name)”")
    }
    let blocs = data.blocs.map { bloc -> Bloc in
      var members = bloc.members.filter { id in network.node(of: id).map(kept.contains) ?? false }
      if let g = colouring.firstIndex(where: { $0.id == bloc.id }), merged[g] > 0 {
        members.append(mergedID(g))
      }
      return Bloc(id: bloc.id, name: bloc.name, members: members, note: bloc.note)
    }
    let reduced = DataSet(
      title: data.title, description: data.description, actors: actors, blocs: blocs,
      sources: data.sources, actions: actions)
    self.network = try Network(reduced)

    let unit = counted ? "diplomats expelled and lost" : "actions sent and received"
    var text =
      "The \(n) actors with the most \(unit) of \(nodes.count) are drawn; the other "
      + "\(nodes.count - n) are merged into "
    text += groupNames.joined(separator: ", ") + "."
    if leftOut > 0 {
      text += " \(plural(leftOut, "action")) between merged actors of one node are not drawn."
    }
    caption = text
  }
}
