/// The per-dyad table, held as numbers: 32 bytes per dyad (node indices, weights and action
/// counts) instead of a value with two ids, which matters with millions of links.

/// Every unordered pair of actors with a link, heaviest first: a random-access collection of
/// ``Dyad`` (see ``Dyad/table(of:reverse:)`` for the order and orientation), each made when it
/// is read. Equality and hashing compare the dyads.
public struct DyadList: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral {
  /// One dyad, by node index.
  struct Row: Hashable, Sendable {
    var first: Int32
    var second: Int32
    var forward: Int64
    var backward: Int64
    var forwardActions: Int32
    var backwardActions: Int32
  }

  /// The dyads; empty when they are `materialized`.
  let rows: [Row]
  let materialized: [Dyad]?
  /// The actor id of each node.
  let actorIDs: [ActorID]

  /// A list of the given dyads.
  public init(_ dyads: [Dyad]) {
    rows = []
    materialized = dyads
    actorIDs = []
  }

  public init(arrayLiteral elements: Dyad...) { self.init(elements) }

  /// The dyads of a network's selection.
  ///
  /// `first` is the actor with the larger weight sent (w_12 ≥ w_21; on a tie, the one with
  /// more actions, then the one declared first), so the first → second link always exists.
  ///
  /// - Parameter reverse: the links' reverse index, when the caller already has it.
  /// - Complexity: O(L + K) with a radix sort when the heaviest total and the node indices fit
  ///   in 64 bits together (they do unless a dyad weighs more than 2^42 with 2,048 actors), else
  ///   O(L log L).
  public init(_ network: Network, reverse: [Int32]? = nil) {
    let links = network.links
    let reverse = reverse ?? links.reverseLinks()
    var forward: [Int32] = []
    var backward: [Int32] = []
    var keys: [UInt64] = []
    let weight = links.weight
    let actions = links.actionCount
    // w_12 + w_21 is a partial sum of the total weight, which the network checked: it fits.
    var heaviest: Int64 = 0
    for e in 0..<links.count {
      let r = Int(reverse[e])
      // Each mutual pair once, from its lower-indexed link.
      if r >= 0 && r < e { continue }
      var f = e
      var b = r
      if r >= 0 {
        let flip =
          weight[r] > weight[e]
          || (weight[r] == weight[e]
            && (actions[r] > actions[e]
              || (actions[r] == actions[e] && links.to[e] < links.from[e])))
        if flip { (f, b) = (r, e) }
      }
      forward.append(Int32(f))
      backward.append(Int32(b))
      heaviest = Swift.max(heaviest, weight[e] &+ (r >= 0 ? weight[r] : 0))
    }
    func total(_ d: Int) -> Int64 {
      weight[Int(forward[d])] &+ (backward[d] >= 0 ? weight[Int(backward[d])] : 0)
    }
    // The order packed in one key when it fits in 64 bits (the heaviest total first, then the
    // nodes): a radix sort. Else a comparison sort.
    let bits = Swift.max(
      1, Int.bitWidth - (Swift.max(1, network.nodeCount) - 1).leadingZeroBitCount)
    let order: [Int32]
    if 2 * bits + (Int64.bitWidth - heaviest.leadingZeroBitCount) <= 64 {
      keys.reserveCapacity(forward.count)
      for d in forward.indices {
        let f = Int(forward[d])
        keys.append(
          UInt64(heaviest - total(d)) << UInt64(2 * bits) | UInt64(links.from[f]) << UInt64(bits)
            | UInt64(links.to[f]))
      }
      order = radixOrder(keys)
      keys = []  // freed before the rows are made
    } else {
      order = forward.indices.sorted { a, b in
        let (ta, tb) = (total(a), total(b))
        if ta != tb { return ta > tb }
        let (fa, fb) = (Int(forward[a]), Int(forward[b]))
        if links.from[fa] != links.from[fb] { return links.from[fa] < links.from[fb] }
        return links.to[fa] < links.to[fb]
      }.map { Int32($0) }
    }
    rows = order.map { d in
      let f = Int(forward[Int(d)])
      let b = Int(backward[Int(d)])
      return Row(
        first: links.from[f], second: links.to[f], forward: weight[f],
        backward: b >= 0 ? weight[b] : 0, forwardActions: actions[f],
        backwardActions: b >= 0 ? actions[b] : 0)
    }
    materialized = nil
    actorIDs = network.actors.map(\.id)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { materialized?.count ?? rows.count }

  public subscript(position: Int) -> Dyad {
    if let materialized { return materialized[position] }
    let row = rows[position]
    return Dyad(
      first: actorIDs[Int(row.first)], second: actorIDs[Int(row.second)], forward: row.forward,
      backward: row.backward, forwardActions: Int(row.forwardActions),
      backwardActions: Int(row.backwardActions),
      reciprocated: Swift.min(row.forward, row.backward), balance: row.forward - row.backward,
      isMutual: row.backwardActions > 0)
  }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.sameValues(as: rhs) }
  public func hash(into hasher: inout Hasher) { hashValues(into: &hasher) }
}

extension DyadList: Codable {
  /// Reads a JSON array of dyads.
  public init(from decoder: any Decoder) throws { self.init(try [Dyad](from: decoder)) }

  /// Writes a JSON array of dyads.
  public func encode(to encoder: any Encoder) throws { try encodeValues(to: encoder) }
}
