/// Per-actor strengths and per-dyad weights: who sent how much, who received how much, and how
/// much of it was matched by the other side.

/// One actor's row of the per-actor table.
///
/// With w_ij the summed count of the selected actions i→j (self-loops excluded, actions without
/// a count adding 0) and w↔_ij = min(w_ij, w_ji) (Squartini et al. 2013):
///
/// - out-strength s_i^out = Σ_{j≠i} w_ij (the diplomats it expelled),
///   in-strength s_i^in = Σ_{j≠i} w_ji (its diplomats expelled);
/// - reciprocated strength s_i^↔ = Σ_{j≠i} w↔_ij, the same whether read out or in;
/// - non-reciprocated out-strength s_i^→ = s_i^out − s_i^↔ and
///   non-reciprocated in-strength s_i^← = s_i^in − s_i^↔;
/// - reciprocated share s_i^↔ / s_i^out: how much of what it sent was matched by what came
///   back (`nil` when s_i^out = 0);
/// - balance s_i^out − s_i^in: positive when it sent more than it received;
/// - link reciprocity 2·|pred(i) ∩ succ(i)| / (|pred(i)| + |succ(i)|), networkx's
///   `reciprocity(G, i)` (always defined here, since every listed actor has a link).
///
/// Reference: T. Squartini, F. Picciolo, F. Ruzzenenti, D. Garlaschelli, "Reciprocity of
/// weighted networks", Sci. Rep. 3, 2729 (2013), doi:10.1038/srep02729.
public struct ActorStrength: Hashable, Sendable, Codable {
  public var actor: ActorID
  public var name: String
  /// Links out of the actor (distinct targets).
  public var outDegree: Int
  /// Links into the actor (distinct actors acting on it).
  public var inDegree: Int
  /// Out-links whose reverse exists (|pred ∩ succ|).
  public var reciprocatedDegree: Int
  /// s^out.
  public var outStrength: Int64
  /// s^in.
  public var inStrength: Int64
  /// s^↔.
  public var reciprocatedStrength: Int64
  /// s^→ = s^out − s^↔.
  public var nonReciprocatedOutStrength: Int64
  /// s^← = s^in − s^↔.
  public var nonReciprocatedInStrength: Int64
  /// s^↔ / s^out; `nil` when s^out = 0.
  public var reciprocatedShare: Double?
  /// s^out − s^in.
  public var balance: Int64
  /// 2·reciprocatedDegree / (inDegree + outDegree).
  public var linkReciprocity: Double?
}

/// One unordered pair of actors with at least one link between them.
///
/// `first` is the actor with the larger weight sent (w_12 ≥ w_21; on a tie, the one with more
/// actions, then the one declared first), so `balance` = w_12 − w_21 is never negative.
public struct Dyad: Hashable, Sendable, Codable {
  public var first: ActorID
  public var second: ActorID
  /// w_12, the summed count of the selected actions first → second (0 when none).
  public var forward: Int64
  /// w_21.
  public var backward: Int64
  /// Selected actions first → second.
  public var forwardActions: Int
  /// Selected actions second → first.
  public var backwardActions: Int
  /// min(w_12, w_21): the weight each side matched.
  public var reciprocated: Int64
  /// w_12 − w_21.
  public var balance: Int64
  /// Whether links go both ways (a_12 = a_21 = 1), whatever their weights.
  public var isMutual: Bool
}

extension ActorStrength {
  /// The per-actor table: every actor with at least one selected link, in node order (the data
  /// set's declared order, then actors met only in actions).
  ///
  /// - Parameter reverse: the links' reverse index, when the caller already has it.
  /// - Complexity: O(L + K).
  public static func table(of network: Network, reverse: [Int32]? = nil) -> [ActorStrength] {
    let links = network.links
    let reverse = reverse ?? links.reverseLinks()
    let k = network.nodeCount
    var outDegree = [Int](repeating: 0, count: k)
    var inDegree = [Int](repeating: 0, count: k)
    var reciprocatedDegree = [Int](repeating: 0, count: k)
    var outStrength = [Int64](repeating: 0, count: k)
    var inStrength = [Int64](repeating: 0, count: k)
    var reciprocated = [Int64](repeating: 0, count: k)
    // Every per-node sum is a sum of a subset of the link weights, so it is at most the total
    // weight, which the network checked for overflow: wrapping additions cannot wrap here.
    for e in 0..<links.count {
      let i = Int(links.from[e])
      let j = Int(links.to[e])
      let w = links.weight[e]
      outDegree[i] += 1
      inDegree[j] += 1
      outStrength[i] &+= w
      inStrength[j] &+= w
      let r = Int(reverse[e])
      if r >= 0 {
        reciprocatedDegree[i] += 1
        reciprocated[i] &+= min(w, links.weight[r])
      }
    }
    var rows: [ActorStrength] = []
    for v in 0..<k where outDegree[v] + inDegree[v] > 0 {
      let degree = outDegree[v] + inDegree[v]
      rows.append(
        ActorStrength(
          actor: network.actors[v].id, name: network.actors[v].name,
          outDegree: outDegree[v], inDegree: inDegree[v],
          reciprocatedDegree: reciprocatedDegree[v],
          outStrength: outStrength[v], inStrength: inStrength[v],
          reciprocatedStrength: reciprocated[v],
          nonReciprocatedOutStrength: outStrength[v] - reciprocated[v],
          nonReciprocatedInStrength: inStrength[v] - reciprocated[v],
          reciprocatedShare: fraction(reciprocated[v], outStrength[v]),
          balance: outStrength[v] - inStrength[v],
          linkReciprocity: Double(2 * reciprocatedDegree[v]) / Double(degree)))
    }
    return rows
  }
}

extension Dyad {
  /// The per-dyad table: every unordered pair with a link, heaviest first (by w_12 + w_21, then
  /// by the first and second actors' node order).
  ///
  /// - Parameter reverse: the links' reverse index, when the caller already has it.
  /// - Complexity: O(L + K) with a radix sort when the heaviest total and the node indices fit
  ///   in 64 bits together (they do unless a dyad weighs more than 2^42 with 2,048 actors), else
  ///   O(L log L).
  public static func table(of network: Network, reverse: [Int32]? = nil) -> [Dyad] {
    let links = network.links
    let reverse = reverse ?? links.reverseLinks()
    struct Entry {
      var first: Int
      var second: Int
      var forward: Int64
      var backward: Int64
      var forwardActions: Int
      var backwardActions: Int
    }
    var entries: [Entry] = []
    for e in 0..<links.count {
      let r = Int(reverse[e])
      // Each mutual pair once, from its lower-indexed link.
      if r >= 0 && r < e { continue }
      var entry = Entry(
        first: Int(links.from[e]), second: Int(links.to[e]), forward: links.weight[e],
        backward: r >= 0 ? links.weight[r] : 0, forwardActions: Int(links.actionCount[e]),
        backwardActions: r >= 0 ? Int(links.actionCount[r]) : 0)
      let flip =
        entry.backward > entry.forward
        || (entry.backward == entry.forward
          && (entry.backwardActions > entry.forwardActions
            || (entry.backwardActions == entry.forwardActions && entry.second < entry.first)))
      if flip {
        swap(&entry.first, &entry.second)
        swap(&entry.forward, &entry.backward)
        swap(&entry.forwardActions, &entry.backwardActions)
      }
      entries.append(entry)
    }
    // w_12 + w_21 is a partial sum of the total weight, which the network checked: it fits.
    // The order packed in one key when it fits in 64 bits (the heaviest total first, then the
    // nodes): a radix sort. Else a comparison sort.
    let bits = max(1, Int.bitWidth - (max(1, network.nodeCount) - 1).leadingZeroBitCount)
    let heaviest = entries.map { $0.forward &+ $0.backward }.max() ?? 0
    let order: [Int32]
    if 2 * bits + (Int64.bitWidth - heaviest.leadingZeroBitCount) <= 64 {
      order = radixOrder(
        entries.map { e in
          UInt64(heaviest - (e.forward &+ e.backward)) << UInt64(2 * bits)
            | UInt64(e.first) << UInt64(bits) | UInt64(e.second)
        })
    } else {
      order = entries.indices.sorted { a, b in
        let (x, y) = (entries[a], entries[b])
        let tx = x.forward &+ x.backward
        let ty = y.forward &+ y.backward
        if tx != ty { return tx > ty }
        if x.first != y.first { return x.first < y.first }
        return x.second < y.second
      }.map { Int32($0) }
    }
    return order.map { entries[Int($0)] }.map { e in
      Dyad(
        first: network.actors[e.first].id, second: network.actors[e.second].id,
        forward: e.forward, backward: e.backward, forwardActions: e.forwardActions,
        backwardActions: e.backwardActions, reciprocated: min(e.forward, e.backward),
        balance: e.forward - e.backward, isMutual: e.backwardActions > 0)
    }
  }
}
