/// Aggregated links, one per ordered pair with at least one selected action, sorted by
/// (from, to), with a per-node offset into the links of each `from`.
///
/// Read it as a collection of ``Link`` values (`links[k]`, `for link in links`); the columns
/// underneath are the package's.
public struct LinkTable: Sendable, RandomAccessCollection {
  package let from: [Int32]
  package let to: [Int32]
  /// Summed counts, w_ij.
  package let weight: [Int64]
  /// Number of actions summed into each link.
  package let actionCount: [Int32]
  /// Links of node i are `outStart[i]..<outStart[i+1]`.
  package let outStart: [Int32]
  /// Σ w_ij over all links (no self-loops).
  public let totalWeight: Int64
  /// Each node's out-strength s_i^out = Σ_j w_ij and in-strength s_i^in = Σ_j w_ji: the one
  /// computation of strengths, made with the links, which the per-actor table, the bloc
  /// weights, the diagrams and GraphML read.
  public let strengths: NodeStrengths

  /// The table of built columns, sorted by (from, to); `totalWeight` must be their weights'
  /// sum, which bounds every strength.
  ///
  /// Every strength is a sum of some of the links' weights, and so is s^out + s^in (the links
  /// out of a node and the links into it are different links): none can overflow, and each
  /// sum is checked anyway.
  ///
  /// - Complexity: O(L + K).
  init(
    from: [Int32], to: [Int32], weight: [Int64], actionCount: [Int32], outStart: [Int32],
    totalWeight: Int64
  ) {
    self.from = from
    self.to = to
    self.weight = weight
    self.actionCount = actionCount
    self.outStart = outStart
    self.totalWeight = totalWeight
    var outStrength = [Int64](repeating: 0, count: outStart.count - 1)
    var inStrength = outStrength
    // Node by node: each out-strength summed in a register (adding into the array link by
    // link made each add wait for the store of the one before: a node's links are adjacent),
    // each in-strength once per link (a node's targets are distinct).
    for i in outStrength.indices {
      var sum: Int64 = 0
      for k in Int(outStart[i])..<Int(outStart[i + 1]) {
        sum += weight[k]
        inStrength[Int(to[k])] += weight[k]
      }
      outStrength[i] = sum
    }
    strengths = NodeStrengths(outStrength: outStrength, inStrength: inStrength)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { from.count }

  /// Link `k`.
  @inline(__always)
  public subscript(k: Int) -> Link {
    Link(
      index: k, from: Int(from[k]), to: Int(to[k]), weight: weight[k],
      actionCount: Int(actionCount[k]))
  }

  /// The number of nodes the links are among (K).
  public var nodeCount: Int { outStart.count - 1 }

  /// The links out of node `i`, as a range of link indices.
  public func links(from i: Int) -> Range<Int> { Int(outStart[i])..<Int(outStart[i + 1]) }

  /// w_ij, or `nil` when no selected action goes from i to j (binary search in i's links).
  public func weight(from i: Int, to j: Int) -> Int64? {
    guard let k = link(from: i, to: j) else { return nil }
    return weight[k]
  }

  /// The index of the link i→j, if there is one.
  public func link(from i: Int, to j: Int) -> Int? {
    guard i >= 0, i + 1 < outStart.count else { return nil }
    var lo = Int(outStart[i])
    var hi = Int(outStart[i + 1])
    let key = Int32(j)
    while lo < hi {
      let mid = (lo + hi) / 2
      if to[mid] < key { lo = mid + 1 } else { hi = mid }
    }
    return lo < Int(outStart[i + 1]) && to[lo] == key ? lo : nil
  }
}

/// One link of a ``LinkTable``: the selected actions from one actor to another, summed.
public struct Link: Hashable, Sendable {
  /// Its index in the table.
  public let index: Int
  /// Node index of the acting actor.
  public let from: Int
  /// Node index of the target.
  public let to: Int
  /// w_ij: the summed counts of the actions (an action without a count adds 0).
  public let weight: Int64
  /// The number of actions summed.
  public let actionCount: Int
}

/// Each node's out- and in-strength (see ``LinkTable/strengths``).
public struct NodeStrengths: Hashable, Sendable {
  /// s_i^out, by node index.
  public let outStrength: [Int64]
  /// s_i^in, by node index.
  public let inStrength: [Int64]

  /// s_i = s_i^out + s_i^in.
  public func total(_ node: Int) -> Int64 { outStrength[node] + inStrength[node] }
}
