/// How ``SourceAnalysis`` lists its sources, and the passes that count them: event data names
/// one source per event, so that a million events are a million sources, each counted in a
/// few scalars and only the listed ones described in full.

/// How many sources ``SourceAnalysis/sources`` lists.
public enum SourceListing: Hashable, Sendable {
  /// Every source, whatever their number.
  case full
  /// The N sources that report the most selected actions (ties in the order of the listing:
  /// declared sources first, then by id).
  case top(Int)
  /// `full` up to ``automaticLimit`` sources, else `top(automaticLimit)`.
  case automatic

  /// The most sources ``automatic`` lists: a table of a thousand rows is still read; a million
  /// (one URL per event) made gigabytes of JSON.
  public static let automaticLimit = 1_000

  /// How many of `total` sources the listing keeps.
  public func count(of total: Int) -> Int {
    switch self {
    case .full: total
    case .top(let n): min(max(0, n), total)
    case .automatic: min(Self.automaticLimit, total)
    }
  }
}

/// The sources a data set names, numbered: the actions' source symbols first (their symbol is
/// their number), then the sources that only a declaration, a claim or a figure names.
struct SourceNames {
  let symbols: SymbolTable
  private(set) var extra: [String] = []
  private var extraIndex: [String: Int] = [:]

  init(_ symbols: SymbolTable) { self.symbols = symbols }

  /// Every source named so far.
  var count: Int { symbols.count + extra.count }

  /// The number of `id`, given one when it is new.
  mutating func number(_ id: SourceID) -> Int {
    if let s = symbols.index(of: id.rawValue) { return Int(s) }
    if let e = extraIndex[id.rawValue] { return symbols.count + e }
    extraIndex[id.rawValue] = extra.count
    extra.append(id.rawValue)
    return symbols.count + extra.count - 1
  }

  /// The id of source `u`.
  func name(_ u: Int) -> String {
    u < symbols.count ? symbols[Int32(u)] : extra[u - symbols.count]
  }
}

/// The order sources are listed in: the declared ones in their order, then the others by id.
struct SourceOrder {
  let names: SourceNames
  private var rank: [Int: Int] = [:]

  init(names: SourceNames, declaredOrder: [Int]) {
    self.names = names
    for (i, u) in declaredOrder.enumerated() { rank[u] = i }
  }

  /// Whether source `a` is listed before `b`.
  func precedes(_ a: Int, _ b: Int) -> Bool {
    switch (rank[a], rank[b]) {
    case (let x?, let y?): x < y
    case (.some, nil): true
    case (nil, .some): false
    case (nil, nil): names.name(a) < names.name(b)
    }
  }

  /// The `n` sources of `candidates` with the most `ranking` (ties in listing order), in
  /// listing order: all of them, sorted, when there are at most `n`.
  ///
  /// - Complexity: O(C·log n + n·log n) for C candidates, with a heap of the n best so far
  ///   (a candidate that does not beat the worst of them costs one comparison).
  func choose(_ n: Int, among candidates: some Collection<Int>, ranking: [Int]) -> [Int] {
    guard n > 0 else { return [] }
    guard candidates.count > n else { return candidates.sorted(by: precedes) }
    func better(_ a: Int, _ b: Int) -> Bool {
      ranking[a] != ranking[b] ? ranking[a] > ranking[b] : precedes(a, b)
    }
    // A heap whose root is the worst of the best n (every parent worse than its children).
    var heap: [Int] = []
    heap.reserveCapacity(n)
    func siftDown(_ start: Int) {
      var i = start
      while true {
        let l = 2 * i + 1
        let r = l + 1
        var worst = i
        if l < heap.count && better(heap[worst], heap[l]) { worst = l }
        if r < heap.count && better(heap[worst], heap[r]) { worst = r }
        if worst == i { return }
        heap.swapAt(i, worst)
        i = worst
      }
    }
    for u in candidates {
      if heap.count < n {
        heap.append(u)
        var i = heap.count - 1
        while i > 0, better(heap[(i - 1) / 2], heap[i]) {
          heap.swapAt(i, (i - 1) / 2)
          i = (i - 1) / 2
        }
      } else if better(u, heap[0]) {
        heap[0] = u
        siftDown(0)
      }
    }
    return heap.sorted(by: precedes)
  }
}

/// The counts of every source over the selected actions (self-loops left out), in three
/// passes with no list per source: the actions by source list, then the lists by source, then
/// (``detail(_:listed:itemised:)``) the actors of the listed sources and the omissions of the
/// itemised ones.
///
/// When the source lists are few (a data set of a few dozen outlets: lists × actors of at most
/// ``cellLimit``), the one pass over the actions counts them by list and acting actor, and the
/// detail reads those cells instead of the actions again.
struct SourceCounts {
  /// Per source: the selected actions whose list names it (each action once).
  var actions: [Int]
  /// Per source: Σ of their counts.
  var diplomats: [Int64]
  /// Per source: those of its actions without a count.
  var withoutCount: [Int]
  /// Selected actions that list no source.
  var unsourced = 0
  /// Per actor: its actions that list a source, and their summed counts.
  var sourcedActions: [Int]
  var sourcedWeight: [Int64]
  /// Σ `sourcedActions`.
  var sourcedTotal = 0
  /// The actions and their summed counts by source list and acting actor (list × K + actor),
  /// when counted so.
  private var cells: (actions: [Int], weight: [Int64])?

  /// The most cells (source lists × actors) counted in the first pass: 6 MB of counts while
  /// counting, 4 MB kept for the detail. (A weight below 0, which only a data set made in code
  /// can hold, counts as 0 here as in the links.)
  static let cellLimit = 1 << 18

  /// Counts the sources of `network`'s selected actions; `sources` numbers from
  /// ``SourceNames`` (the actions' symbols first).
  ///
  /// - Parameter cellLimit: the most cells of lists × actors counted at once (tests lower it).
  /// - Complexity: O(n + R + S + K), and O(R·K) with the cells.
  init(_ network: Network, sources: Int, cellLimit: Int = Self.cellLimit) throws {
    let table = network.dataSet.actions
    let lists = table.sourceSetTable
    let k = network.nodeCount
    var listActions = [Int](repeating: 0, count: lists.count)
    var listWithout = [Int](repeating: 0, count: lists.count)
    var listWeight = [Int64](repeating: 0, count: lists.count)
    var sourcedActions = [Int](repeating: 0, count: k)
    var sourcedWeight = [Int64](repeating: 0, count: k)
    let sourced = lists.map { !$0.isEmpty }
    if lists.count * k <= cellLimit {
      var cellActions = [Int](repeating: 0, count: lists.count * k)
      var cellWithout = [Int](repeating: 0, count: lists.count * k)
      var cellWeight = [Int64](repeating: 0, count: lists.count * k)
      try network.actions.forEachAction { action in
        let cell = action.sourceSet * k + action.actor
        cellActions[cell] += 1
        let c = action.storedCount
        if c == ActionTable.noCount {
          cellWithout[cell] += 1
        } else {
          cellWeight[cell] = try checkedAdd(cellWeight[cell], max(0, c), "a source's total")
        }
      }
      for l in lists.indices {
        for actor in 0..<k where cellActions[l * k + actor] > 0 {
          let cell = l * k + actor
          listActions[l] += cellActions[cell]
          listWithout[l] += cellWithout[cell]
          listWeight[l] = try checkedAdd(listWeight[l], cellWeight[cell], "a source's total")
          if sourced[l] {
            // Part of the selection's total weight, which the network checked: cannot wrap.
            sourcedActions[actor] += cellActions[cell]
            sourcedWeight[actor] &+= cellWeight[cell]
          }
        }
      }
      cells = (cellActions, cellWeight)
    } else {
      try network.actions.forEachAction { action in
        let list = action.sourceSet
        listActions[list] += 1
        let c = action.storedCount
        if sourced[list] {
          // Part of the selection's total weight, which the network checked: cannot wrap.
          sourcedActions[action.actor] += 1
          sourcedWeight[action.actor] &+= max(0, c)
        }
        if c == ActionTable.noCount {
          listWithout[list] += 1
        } else {
          listWeight[list] = try checkedAdd(listWeight[list], max(0, c), "a source's total")
        }
      }
    }
    self.sourcedActions = sourcedActions
    self.sourcedWeight = sourcedWeight
    actions = [Int](repeating: 0, count: sources)
    diplomats = [Int64](repeating: 0, count: sources)
    withoutCount = [Int](repeating: 0, count: sources)
    var lastList = [Int32](repeating: -1, count: table.sourceSymbols.count)
    for (l, list) in lists.enumerated() where listActions[l] > 0 {
      if list.isEmpty {
        unsourced += listActions[l]
        continue
      }
      for symbol in list where lastList[Int(symbol)] != Int32(l) {
        lastList[Int(symbol)] = Int32(l)
        let u = Int(symbol)
        actions[u] += listActions[l]
        withoutCount[u] += listWithout[l]
        diplomats[u] = try checkedAdd(diplomats[u], listWeight[l], "a source's total")
      }
    }
    sourcedTotal = sourcedActions.reduce(0, +)
  }

  /// The actors of each listed source, and the omissions of each itemised source, by actor id.
  struct Detail {
    /// Per listed source, in the order of `listed`: the nodes of its acting actors.
    var actors: [[Int]]
    /// Per itemised source, in the order of `itemised`: the actors some of whose sourced
    /// actions it does not list, by id.
    var omitted: [[OmittedActor]]
  }

  /// One more pass over the selected actions, for the sources listed and itemised only.
  ///
  /// - Complexity: O(n + R + S + P + I·K) for P distinct (listed source, actor) pairs and I
  ///   itemised sources among K actors.
  func detail(_ network: Network, listed: [Int], itemised: [Int]) -> Detail {
    let table = network.dataSet.actions
    let lists = table.sourceSetTable
    let k = network.nodeCount
    let m = table.sourceSymbols.count
    var listedIndex = [Int32](repeating: -1, count: m)
    var itemIndex = [Int32](repeating: -1, count: m)
    for (i, u) in listed.enumerated() where u < m { listedIndex[u] = Int32(i) }
    for (i, u) in itemised.enumerated() where u < m { itemIndex[u] = Int32(i) }
    // Per source list: the listed and itemised sources it names (each once).
    var start = [Int](repeating: 0, count: lists.count + 1)
    var marks: [(listed: Int32, item: Int32)] = []
    var lastList = [Int32](repeating: -1, count: m)
    for (l, list) in lists.enumerated() {
      for symbol in list where lastList[Int(symbol)] != Int32(l) {
        lastList[Int(symbol)] = Int32(l)
        let mark = (listed: listedIndex[Int(symbol)], item: itemIndex[Int(symbol)])
        if mark.listed >= 0 || mark.item >= 0 { marks.append(mark) }
      }
      start[l + 1] = marks.count
    }
    // The acting actors of each listed source: a bit per node while that fits in 32 MB (a
    // set's hash per action cost more than the rest of the pass), else a set.
    let words = (k + 63) >> 6
    let bitwise = listed.count * words <= 1 << 22
    var actorBits = [UInt64](repeating: 0, count: bitwise ? listed.count * words : 0)
    var actorSets = [Set<Int32>](repeating: [], count: bitwise ? 0 : listed.count)
    let dense = itemised.count * k <= 1 << 22
    var reportedActions = [Int](repeating: 0, count: dense ? itemised.count * k : 0)
    var reportedWeight = [Int64](repeating: 0, count: dense ? itemised.count * k : 0)
    var sparse: [Int: (actions: Int, weight: Int64)] = [:]
    // The actions of list l by `actor`: `actions` of them, weighing `weight`.
    func add(list l: Int, actor: Int, actions: Int, weight: Int64) {
      // By index: a slice of `marks` per action would retain and release its storage each time.
      for i in start[l]..<start[l + 1] {
        let mark = marks[i]
        if mark.listed >= 0 {
          if bitwise {
            actorBits[Int(mark.listed) * words + actor >> 6] |= 1 << (actor & 63)
          } else {
            actorSets[Int(mark.listed)].insert(Int32(actor))
          }
        }
        guard mark.item >= 0 else { continue }
        let key = Int(mark.item) * k + actor
        if dense {
          reportedActions[key] += actions
          reportedWeight[key] &+= weight
        } else {
          let before = sparse[key] ?? (0, 0)
          sparse[key] = (before.actions + actions, before.weight &+ weight)
        }
      }
    }
    if let cells {
      for l in lists.indices where start[l + 1] > start[l] {
        for actor in 0..<k where cells.actions[l * k + actor] > 0 {
          add(
            list: l, actor: actor, actions: cells.actions[l * k + actor],
            weight: cells.weight[l * k + actor])
        }
      }
    } else {
      network.actions.forEachAction { action in
        add(
          list: action.sourceSet, actor: action.actor, actions: 1,
          weight: max(0, action.storedCount))
      }
    }
    let actorsByID = (0..<k).filter { sourcedActions[$0] > 0 }.sorted {
      network.actors[$0].id < network.actors[$1].id
    }
    let omitted = itemised.indices.map { i in
      actorsByID.compactMap { v -> OmittedActor? in
        let key = i * k + v
        let seen = dense ? (reportedActions[key], reportedWeight[key]) : (sparse[key] ?? (0, 0))
        let missing = sourcedActions[v] - seen.0
        guard missing > 0 else { return nil }
        return OmittedActor(
          actor: network.actors[v].id, actions: missing, ofActions: sourcedActions[v],
          weight: sourcedWeight[v] &- seen.1)
      }
    }
    let actors =
      bitwise
      ? listed.indices.map { i in
        var nodes: [Int] = []
        for w in 0..<words {
          var bits = actorBits[i * words + w]
          while bits != 0 {
            nodes.append(w << 6 + bits.trailingZeroBitCount)
            bits &= bits - 1
          }
        }
        return nodes
      }
      : actorSets.map { $0.map(Int.init) }
    return Detail(actors: actors, omitted: omitted)
  }
}

extension SourceAnalysis: Codable {
  private enum CodingKeys: String, CodingKey {
    case sources, unlistedSources, unsourcedActions, claimDisagreements, omissions
    case omittingSources, figures, figureConflicts
  }

  /// Encodes every field; ``unlistedSources`` only when the listing left sources out.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(sources, forKey: .sources)
    if unlistedSources > 0 { try c.encode(unlistedSources, forKey: .unlistedSources) }
    try c.encode(unsourcedActions, forKey: .unsourcedActions)
    try c.encode(claimDisagreements, forKey: .claimDisagreements)
    try c.encode(omissions, forKey: .omissions)
    try c.encode(omittingSources, forKey: .omittingSources)
    try c.encode(figures, forKey: .figures)
    try c.encode(figureConflicts, forKey: .figureConflicts)
  }

  /// Decodes what ``encode(to:)`` writes (``unlistedSources`` 0 when absent).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    sources = try c.decode([SourceSummary].self, forKey: .sources)
    unlistedSources = try c.decodeIfPresent(Int.self, forKey: .unlistedSources) ?? 0
    unsourcedActions = try c.decode(Int.self, forKey: .unsourcedActions)
    claimDisagreements = try c.decode([ClaimDisagreement].self, forKey: .claimDisagreements)
    omissions = try c.decode([Omission].self, forKey: .omissions)
    omittingSources = try c.decode(Int.self, forKey: .omittingSources)
    figures = try c.decode([FigureCheck].self, forKey: .figures)
    figureConflicts = try c.decode([FigureConflict].self, forKey: .figureConflicts)
  }
}
