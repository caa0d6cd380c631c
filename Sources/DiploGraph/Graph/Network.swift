/// The indexed graph view of a data set under a selection, built once and shared by every
/// analytic.
///
/// Nodes are the declared actors in their order, followed by actors that appear only in
/// actions (in order of first appearance; their name is their id, their kind `state`).
/// Selected actions between the same ordered pair are summed into one weighted link
/// (w_ij = the summed counts, a_ij = 1). Actions without a count are links of weight 0.
/// Self-loops (an actor acting on itself) are kept out of the links and counted apart
/// (networkx, by contrast, counts a self-loop in `overall_reciprocity`'s denominator; see
/// docs/analytics/reciprocity.md).
///
/// - Complexity: building is O(n + K) for n actions among K ≤ 2,048 actors (a dense K×K
///   accumulator), O(n log n) beyond; memory O(K² ) resp. O(n) during the build, O(L + K) after.
public struct Network: Sendable {
  /// The data set the view was built from.
  public let dataSet: DataSet
  public let selection: Selection
  /// Node `i` is `actors[i]`.
  public let actors: [Actor]
  /// The selected actions, as typed values: iterating skips self-loops (see
  /// ``SelectedActions``).
  public let actions: SelectedActions
  /// Node index of each endpoint symbol of `dataSet.actions`.
  package let nodeOfEndpoint: [Int32]
  /// Rows of `dataSet.actions` kept by the selection, ascending (self-loops included).
  package let rows: SelectedRows
  /// Selected rows whose actor is its own target.
  package let selfLoopRows: [Int32]
  /// The links, sorted by (from, to).
  public let links: LinkTable
  /// What each action weighs in the links and every weighted analytic (the data set's
  /// ``DataSet/resolvedWeight``).
  public let weight: ActionWeight
  private let index: [ActorID: Int]

  /// Builds the view.
  ///
  /// - Parameter threads: the links are summed in this many parts at once when there are many
  ///   actions; `nil` for the cores online. The network is the same whatever the number.
  /// - Throws: ``DiploGraphError`` with code `overflow` when a summed weight exceeds 2^63 − 1,
  ///   `limit` when `threads` is under 1 or the actors (declared or named by an action) are
  ///   more than ``maxNodes``.
  public init(_ dataSet: DataSet, selection: Selection = .all, threads: Int? = nil) throws {
    try self.init(dataSet, selection: selection, threads: threads, parallelFrom: 1 << 18)
  }

  /// The most actors a network holds: 2^27 − 1 (134,217,727). The responses' chains number
  /// each direction of a pair of actors in 28 bits; the readers refuse more than 10 million
  /// actors unless told otherwise.
  public static let maxNodes = (1 << 27) - 1

  /// Builds the view, summing the links in parts once there are `parallelFrom` selected
  /// actions (tests lower it to run the parallel path on small data, and `maxNodes` to reach
  /// the limit).
  init(
    _ dataSet: DataSet, selection: Selection, threads: Int?, parallelFrom: Int,
    maxNodes: Int = Network.maxNodes
  ) throws {
    let threads = try Parallelism.threads(threads)
    self.dataSet = dataSet
    self.selection = selection
    let table = dataSet.actions

    var actors = dataSet.actors
    var index: [ActorID: Int] = [:]
    for (i, actor) in actors.enumerated() where index[actor.id] == nil { index[actor.id] = i }
    var nodeOfEndpoint = [Int32](repeating: 0, count: table.endpointSymbols.count)
    for (symbol, id) in table.endpointSymbols.strings.enumerated() {
      let actorID = ActorID(id)
      if let i = index[actorID] {
        nodeOfEndpoint[symbol] = Int32(i)
      } else {
        index[actorID] = actors.count
        nodeOfEndpoint[symbol] = Int32(actors.count)
        actors.append(Actor(id: actorID, name: id))
      }
    }
    guard actors.count <= maxNodes else {
      throw DiploGraphError(
        .limit,
        "found \(actors.count) actors (declared or named by an action); expected at most "
          + "\(maxNodes) in one network")
    }
    self.actors = actors
    self.index = index
    self.nodeOfEndpoint = nodeOfEndpoint

    let rows = CompiledSelection(selection, in: dataSet).rows(of: table)
    weight = dataSet.resolvedWeight
    let actions = SelectedActions(
      table, rows: rows, nodeOfEndpoint: nodeOfEndpoint, weight: weight)
    self.rows = rows
    self.actions = actions
    // The self-loops' rows, in order: a scan of every selected action, in parts on every
    // thread (10M actions: 9 ms on one core).
    let found = concurrentMap(
      partRanges(of: actions.positions.count, threads: threads, minimumPart: 1 << 16),
      threads: threads
    ) { range in
      var rows: [Int32] = []
      actions.includingSelfLoops.forEachAction(at: range) {
        if $0.isSelfLoop { rows.append(Int32($0.row)) }
      }
      return rows
    }
    selfLoopRows = found.count == 1 ? found[0] : Array(found.joined())
    self.links = try LinkTable(
      actions, nodeCount: actors.count, threads: threads, parallelFrom: parallelFrom,
      name: { actors[$0].id.rawValue })
  }

  /// Number of nodes (K).
  public var nodeCount: Int { actors.count }

  /// The node index of an actor, if the data set knows it.
  public func node(of id: ActorID) -> Int? { index[id] }

  /// The number of selected actions whose actor is its own target (left out of every
  /// analysis).
  public var selfLoopCount: Int { selfLoopRows.count }

  /// Node index of the acting actor of table row `row`.
  @inline(__always)
  public func actorNode(row: Int) -> Int {
    Int(nodeOfEndpoint[Int(dataSet.actions.actorColumn[row])])
  }

  /// Node index of the target of table row `row`.
  @inline(__always)
  public func targetNode(row: Int) -> Int {
    Int(nodeOfEndpoint[Int(dataSet.actions.targetColumn[row])])
  }
}
