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

  /// The keys of its encoding, in order: the stats JSON writer lists the fields of its long
  /// arrays from them.
  package enum CodingKeys: String, CodingKey, CaseIterable {
    case actor, name, outDegree, inDegree, reciprocatedDegree, outStrength, inStrength
    case reciprocatedStrength, nonReciprocatedOutStrength, nonReciprocatedInStrength
    case reciprocatedShare, balance, linkReciprocity
  }
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

  /// The keys of its encoding, in order: the stats JSON writer lists the fields of its long
  /// arrays from them.
  package enum CodingKeys: String, CodingKey, CaseIterable {
    case first, second, forward, backward, forwardActions, backwardActions, reciprocated, balance
    case isMutual
  }
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
    let strengths = links.strengths
    let (outStrength, inStrength) = (strengths.outStrength, strengths.inStrength)
    var outDegree = [Int](repeating: 0, count: k)
    var inDegree = [Int](repeating: 0, count: k)
    var reciprocatedDegree = [Int](repeating: 0, count: k)
    var reciprocated = [Int64](repeating: 0, count: k)
    for link in links {
      outDegree[link.from] += 1
      inDegree[link.to] += 1
      let r = Int(reverse[link.index])
      if r >= 0 {
        reciprocatedDegree[link.from] += 1
        // min(w_ij, w_ji) ≤ w_ij: a partial sum of the out-strength, which fits.
        reciprocated[link.from] += min(link.weight, links.weight[r])
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
  /// by the first and second actors' node order). ``DyadList`` holds the same rows compactly.
  ///
  /// - Parameter reverse: the links' reverse index, when the caller already has it.
  /// - Complexity: that of ``DyadList/init(_:reverse:)``, plus O(L) to make the values.
  public static func table(of network: Network, reverse: [Int32]? = nil) -> [Dyad] {
    Array(DyadList(network, reverse: reverse))
  }
}
