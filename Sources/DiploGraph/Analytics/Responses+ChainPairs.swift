/// The exchanges of ``ResponseChains`` grouped by pair of actors, so that the window links of
/// the chains are searched pair by pair and the chains counted per pair in one pass.

/// The exchanges of a list whose first original is dated, grouped by the pair of actors of
/// that original: the pairs by their lower actor's id, then their higher actor's; each pair's
/// two directions apart, the way from the lower actor first; each direction's exchanges in
/// the list's order (a stable radix sort of one key per exchange).
///
/// An exchange whose first original is undated (an explicit one) has no place of its own; when
/// it has a dated answer it is listed, as −1 − its index, at the end of the direction its
/// answer is answered in (it looks for its next step there, and is never a next step itself).
///
/// - Complexity: O(e + K log K) time for e exchanges among K actors (the actors ranked by id,
///   then at most four passes of a radix sort on 16-bit digits); 20 bytes per exchange.
struct ExchangesByPair {
  /// The exchanges, as indices into the list (−1 − the index for one listed by its answer).
  let exchanges: [Int32]
  /// Per entry: the lower actor's rank << (b + 1) | the higher actor's rank << 1 | 1 when the
  /// exchange goes from the higher to the lower, for ranks of b bits.
  let keys: [UInt64]
  /// Per entry: the order key (``ActionReader/orderKey(_:)``) of the exchange's first
  /// original, `UInt64.max` for one listed by its answer; kept beside the entries so that the
  /// search of a direction reads one array in order rather than the rows of the whole table.
  let firstKeys: [UInt64]
  /// The node of each rank (the nodes by id).
  let nodeOfRank: [Int]

  /// - Parameters:
  ///   - firstRow: the row of an exchange's first original.
  ///   - answerOfUndated: for an exchange whose first original is undated, the row of its
  ///     first dated answer when it looks for a next step.
  ///   - orderKey: a row's order key (``ActionReader/orderKey(_:)``).
  init(
    count n: Int, network: Network, firstRow: (Int) -> Int, answerOfUndated: (Int) -> Int32?,
    orderKey: (Int) -> UInt64
  ) {
    let k = network.nodeCount
    let nodeOfRank = (0..<k).sorted { network.actors[$0].id < network.actors[$1].id }
    var rank = [UInt64](repeating: 0, count: k)
    for (r, node) in nodeOfRank.enumerated() { rank[node] = UInt64(r) }
    let bits = UInt64(max(1, Int.bitWidth - k.leadingZeroBitCount))
    let dates = network.dataSet.actions.dateColumn
    var keys: [UInt64] = []
    var entries: [Int32] = []
    var firstKeys: [UInt64] = []
    keys.reserveCapacity(n)
    entries.reserveCapacity(n)
    firstKeys.reserveCapacity(n)
    for x in 0..<n {
      let f = firstRow(x)
      var entry = Int32(x)
      var from = network.actorNode(row: f)
      var to = network.targetNode(row: f)
      if dates[f] == ActionTable.noDate {
        guard let a = answerOfUndated(x) else { continue }
        entry = -1 - Int32(x)
        from = network.targetNode(row: Int(a))
        to = network.actorNode(row: Int(a))
      }
      let a = rank[from]
      let b = rank[to]
      guard a != b else { continue }
      keys.append(min(a, b) << (bits + 1) | max(a, b) << 1 | (a > b ? 1 : 0))
      entries.append(entry)
      firstKeys.append(entry >= 0 ? orderKey(f) : .max)
    }
    let order = radixOrder(keys)
    self.exchanges = order.map { entries[Int($0)] }
    self.keys = order.map { keys[Int($0)] }
    self.firstKeys = order.map { firstKeys[Int($0)] }
    self.nodeOfRank = nodeOfRank
  }

  /// Calls `body` with the entries of each direction of each pair, in order.
  func forEachDirection(_ body: (Range<Int>) -> Void) {
    var s = 0
    while s < keys.count {
      var t = s + 1
      while t < keys.count && keys[t] == keys[s] { t += 1 }
      body(s..<t)
      s = t
    }
  }

  /// The chains per pair of actors, most chains first, then by the pair (see
  /// ``ResponseChains/pairs``).
  ///
  /// - Parameter length: per exchange, the length of the chain it starts (0 when none).
  func pairChains(length: [Int32], network: Network) -> [PairChains] {
    var found: [(lower: Int, higher: Int, chains: Int, longest: Int32)] = []
    let bits = UInt64(max(1, Int.bitWidth - network.nodeCount.leadingZeroBitCount))
    var s = 0
    while s < keys.count {
      let pair = keys[s] >> 1
      var chains = 0
      var longest: Int32 = 0
      while s < keys.count && keys[s] >> 1 == pair {
        let x = exchanges[s]
        if x >= 0 && length[Int(x)] > 0 {
          chains += 1
          longest = max(longest, length[Int(x)])
        }
        s += 1
      }
      if chains > 0 {
        let mask = (UInt64(1) << bits) - 1
        found.append((Int(pair >> bits), Int(pair & mask), chains, longest))
      }
    }
    // Most chains first; the pairs are in order already, and the sort is stable.
    let order = radixOrder(found.map { UInt64(UInt32.max - UInt32($0.chains)) })
    return order.map { i in
      let f = found[Int(i)]
      return PairChains(
        actors: [network.actors[nodeOfRank[f.lower]].id, network.actors[nodeOfRank[f.higher]].id],
        chains: f.chains, longest: Int(f.longest))
    }
  }
}
