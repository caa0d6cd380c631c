/// Bloc weights with membership at the date of each action: the reference's blocs (the EU,
/// NATO, …) on any data set, without an actors file or blocs of its own.

extension BlocAnalysis {
  /// Analyses `blocs`, each the data set's own when it has one of that id (membership as
  /// declared, whatever the date), else the reference's, with membership at the date of each
  /// action (``ReferenceData/isMember(_:of:on:undatedSpan:)``: an undated action counts for a
  /// bloc only when its actor was a member on every day of the data set's dated span).
  ///
  /// Every formula is the one of ``BlocWeight`` and ``BlocMatrix``, with each end of each
  /// action in the blocs it was in on the action's day: the United Kingdom's expulsions of
  /// March 2018 count for the EU, those of 2022 do not. Underneath, each actor is split into
  /// one node per set of chosen blocs it was in when it acted or was acted upon; the links
  /// among those nodes are summed and analysed as in the undated case. So a link whose ends
  /// changed blocs between its actions counts once per set in the link counts (``BlocWeight/
  /// internalLinks``, the matrix's `links`); the weights are exact. A reference bloc is named
  /// with "(reference, dated)" after its name, so that outputs tell it from a data set's own.
  ///
  /// - Members: for a reference bloc, the actors of the network that were members on some day
  ///   (sorted by id); active members: those with a selected outgoing action while members.
  /// - Overlapping actors: those in two chosen blocs on the day of one of their actions.
  ///
  /// - Throws: ``DiploGraphError`` with code `invalid` for a bloc id that is neither the data
  ///   set's nor the reference's, or more than 64 blocs; `overflow` when a sum does not fit in
  ///   64 bits.
  /// - Complexity: O(K·B·p + n·B·p + L log L) for K actors, n selected actions, B chosen
  ///   blocs, at most p periods per actor and bloc (one or two: O(1) per action and bloc) and
  ///   L links among the split nodes, plus the undated analysis on those links.
  public init(_ network: Network, blocs chosen: [BlocID], reference: ReferenceData) throws {
    let dataSet = network.dataSet
    var ids: [BlocID] = []
    var seen = Set<BlocID>()
    for id in chosen where seen.insert(id).inserted { ids.append(id) }
    guard ids.count <= 64 else {
      throw DiploGraphError(.invalid, "at most 64 blocs with dated membership, found \(ids.count)")
    }
    let k = network.nodeCount
    let undatedSpan = Self.datedSpan(of: dataSet.actions)
    // Per bloc and node: always a member (the data set's bloc), or the periods as day numbers.
    var names: [(id: BlocID, name: String)] = []
    var members: [[ActorID]] = []
    var fixed = [[Bool]]()
    var periods = [[[ClosedRange<Int32>]]]()
    var undated = [[Bool]]()
    for id in ids {
      if let own = dataSet.bloc(id) {
        var unique = Set<ActorID>()
        let list = own.members.filter { unique.insert($0).inserted }
        var inBloc = [Bool](repeating: false, count: k)
        for member in list { if let v = network.node(of: member) { inBloc[v] = true } }
        names.append((id, own.name))
        members.append(list)
        fixed.append(inBloc)
        periods.append([])
        undated.append(inBloc)
        continue
      }
      guard let bloc = reference.bloc(id) else {
        throw DiploGraphError(.invalid, "unknown bloc \"\(id)\"")
      }
      let table = reference.periods[id] ?? [:]
      var list: [ActorID] = []
      var nodePeriods = [[ClosedRange<Int32>]](repeating: [], count: k)
      var nodeUndated = [Bool](repeating: false, count: k)
      for v in 0..<k {
        let actor = network.actors[v].id
        guard let spans = table[actor] else { continue }
        list.append(actor)
        nodePeriods[v] = spans.map {
          $0.from.daysSinceEpoch...($0.until?.daysSinceEpoch ?? Int32.max)
        }
        nodeUndated[v] = reference.isMember(actor, of: id, on: nil, undatedSpan: undatedSpan)
      }
      names.append((id, "\(bloc.name) (reference, dated)"))
      members.append(list.sorted())
      fixed.append([Bool](repeating: false, count: k))
      periods.append(nodePeriods)
      undated.append(nodeUndated)
    }
    let b = ids.count
    let dated = (0..<b).filter { !periods[$0].isEmpty }

    /// The chosen blocs node `v` is in on day `day` (``ActionTable/noDate`` when undated).
    func mask(_ v: Int, _ day: Int32) -> UInt64 {
      var m: UInt64 = 0
      for a in 0..<b where fixed[a][v] { m |= 1 << UInt64(a) }
      for a in dated {
        let inBloc =
          day == ActionTable.noDate
          ? undated[a][v] : periods[a][v].contains { $0.contains(day) }
        if inBloc { m |= 1 << UInt64(a) }
      }
      return m
    }

    // Split nodes: (node, blocs) → index; the first split of each node kept in arrays.
    var splitNode: [Int] = []
    var splitMask: [UInt64] = []
    var firstSplit = [Int](repeating: -1, count: k)
    var moreSplits: [UInt64: [Int: Int]] = [:]
    func split(_ v: Int, _ m: UInt64) -> Int {
      let first = firstSplit[v]
      if first >= 0 && splitMask[first] == m { return first }
      if first >= 0, let known = moreSplits[m]?[v] { return known }
      let s = splitNode.count
      splitNode.append(v)
      splitMask.append(m)
      if first < 0 { firstSplit[v] = s } else { moreSplits[m, default: [:]][v] = s }
      return s
    }
    var sums: [Int64: (weight: Int64, actions: Int32)] = [:]
    var failure: DiploGraphError? = nil
    network.actions.forEachAction { action in
      let day = action.storedDate
      let from = split(action.actor, mask(action.actor, day))
      let to = split(action.target, mask(action.target, day))
      let key = Int64(from) << 32 | Int64(to)
      let old = sums[key] ?? (0, 0)
      let (sum, overflow) = old.weight.addingReportingOverflow(action.weight)
      if overflow { failure = failure ?? DiploGraphError(.overflow, "a bloc weight overflows") }
      sums[key] = (sum, old.actions + 1)
    }
    if let failure { throw failure }

    let keys = sums.keys.sorted()
    let nodes = splitNode.count
    var from: [Int32] = []
    var to: [Int32] = []
    var weight: [Int64] = []
    var actions: [Int32] = []
    var outStart = [Int32](repeating: 0, count: nodes + 1)
    var total: Int64 = 0
    for key in keys {
      let (i, j) = (Int32(key >> 32), Int32(key & 0xFFFF_FFFF))
      from.append(i)
      to.append(j)
      weight.append(sums[key]!.weight)
      actions.append(sums[key]!.actions)
      outStart[Int(i) + 1] += 1
      total = try checkedAdd(total, sums[key]!.weight, "the total weight")
    }
    for v in 0..<nodes { outStart[v + 1] += outStart[v] }
    let links = LinkTable(
      from: from, to: to, weight: weight, actionCount: actions, outStart: outStart,
      totalWeight: total)

    var blocsOfNode = [[Int32]](repeating: [], count: nodes)
    var overlapping = Set<ActorID>()
    for s in 0..<nodes {
      blocsOfNode[s] = (0..<b).filter { splitMask[s] & (1 << UInt64($0)) != 0 }.map(Int32.init)
      if blocsOfNode[s].count > 1 { overlapping.insert(network.actors[splitNode[s]].id) }
    }
    try self.init(
      links: links, blocs: names, members: members, blocsOfNode: blocsOfNode,
      actorOfNode: splitNode.map { network.actors[$0].id }, overlapping: overlapping.sorted())
  }

  /// The days from the first to the last dated action of `table`; `nil` when none is dated.
  ///
  /// - Complexity: O(n).
  static func datedSpan(of table: ActionTable) -> ClosedRange<Day>? {
    var low = Int32.max
    var high = Int32.min
    for d in table.dateColumn where d != ActionTable.noDate {
      low = min(low, d)
      high = max(high, d)
    }
    guard low <= high else { return nil }
    return Day(daysSinceEpoch: low)...Day(daysSinceEpoch: high)
  }
}
