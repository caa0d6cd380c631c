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
    let weight = links.weight
    let actions = links.actionCount
    // The rows in link order first, each mutual pair once from its lower-indexed link: the
    // links are read in order, their reverses by index (the reverse of e runs to → from).
    var dyads = 0
    for e in 0..<links.count where reverse[e] < 0 || Int(reverse[e]) > e { dyads += 1 }
    // w_12 + w_21 is a partial sum of the total weight, which the network checked: it fits.
    var heaviest: Int64 = 0
    var made = [Row](unsafeUninitializedCapacity: dyads) { buffer, count in
      var d = 0
      for e in 0..<links.count {
        let r = Int(reverse[e])
        if r >= 0 && r < e { continue }
        var row = Row(
          first: links.from[e], second: links.to[e], forward: weight[e],
          backward: r >= 0 ? weight[r] : 0, forwardActions: actions[e],
          backwardActions: r >= 0 ? actions[r] : 0)
        if r >= 0
          && (weight[r] > weight[e]
            || (weight[r] == weight[e]
              && (actions[r] > actions[e]
                || (actions[r] == actions[e] && links.to[e] < links.from[e]))))
        {
          row = Row(
            first: row.second, second: row.first, forward: row.backward, backward: row.forward,
            forwardActions: row.backwardActions, backwardActions: row.forwardActions)
        }
        heaviest = Swift.max(heaviest, row.forward &+ row.backward)
        (buffer.baseAddress! + d).initialize(to: row)
        d += 1
      }
      count = d
    }
    // The order packed in one key when it fits in 64 bits (the heaviest total first, then the
    // nodes): a radix sort. Else a comparison sort.
    let bits = Swift.max(
      1, Int.bitWidth - (Swift.max(1, network.nodeCount) - 1).leadingZeroBitCount)
    let order: [Int32]
    if 2 * bits + (Int64.bitWidth - heaviest.leadingZeroBitCount) <= 64 {
      order = radixOrder(
        made.map { row in
          UInt64(heaviest - (row.forward &+ row.backward)) << UInt64(2 * bits)
            | UInt64(row.first) << UInt64(bits) | UInt64(row.second)
        })
    } else {
      order = made.indices.sorted { a, b in
        let (ra, rb) = (made[a], made[b])
        let (ta, tb) = (ra.forward &+ ra.backward, rb.forward &+ rb.backward)
        if ta != tb { return ta > tb }
        if ra.first != rb.first { return ra.first < rb.first }
        return ra.second < rb.second
      }.map { Int32($0) }
    }
    Self.permute(&made, by: order)
    rows = made
    materialized = nil
    actorIDs = network.actors.map(\.id)
  }

  /// Puts `rows[order[i]]` at i for every i, in place: each cycle of the permutation followed
  /// once (a bit per row marks those placed), so that no second array of rows is made.
  static func permute(_ rows: inout [Row], by order: [Int32]) {
    precondition(rows.count == order.count, "an order of every row")
    var placed = [UInt64](repeating: 0, count: (rows.count + 63) / 64)
    rows.withUnsafeMutableBufferPointer { rows in
      for start in 0..<rows.count where placed[start >> 6] & (1 << (start & 63)) == 0 {
        let held = rows[start]
        var j = start
        while true {
          placed[j >> 6] |= 1 << (j & 63)
          let k = Int(order[j])
          if k == start {
            rows[j] = held
            break
          }
          rows[j] = rows[k]
          j = k
        }
      }
    }
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
