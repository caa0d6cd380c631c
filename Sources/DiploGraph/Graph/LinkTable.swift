/// Aggregated links, one per ordered pair with at least one selected action, sorted by
/// (from, to), with a per-node offset into the rows of each `from`.
public struct LinkTable: Sendable {
  public let from: [Int32]
  public let to: [Int32]
  /// Summed counts, w_ij.
  public let weight: [Int64]
  /// Number of actions summed into each link.
  public let actionCount: [Int32]
  /// Links of node i are `outStart[i]..<outStart[i+1]`.
  public let outStart: [Int32]
  /// Σ w_ij over all links (no self-loops).
  public let totalWeight: Int64

  public var count: Int { from.count }

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
