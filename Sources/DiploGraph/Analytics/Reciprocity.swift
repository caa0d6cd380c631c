/// Binary reciprocity, the Garlaschelli–Loffredo ρ and weighted reciprocity of a selection.
///
/// Notation (DESIGN.md, "Analytics"): w_ij is the summed count of the selected actions i→j;
/// a_ij = 1 when there is at least one (an action without a count makes a link of weight 0);
/// self-loops (i = j) are never links.

/// The reciprocity measures of one directed, weighted graph.
///
/// - **Binary reciprocity** (networkx's `reciprocity(G)`): r = L↔ / L, where L is the number of
///   links (ordered pairs i≠j with a_ij = 1) and L↔ the number of links whose reverse exists
///   (L↔ = Σ_{i≠j} a_ij a_ji). Undefined (`nil`) when L = 0.
/// - **Garlaschelli–Loffredo ρ**: ρ = (r − ā) / (1 − ā), with the density ā = L / (N(N−1)). ρ is
///   0 when links are reciprocated as often as chance would have it, positive when more,
///   negative when less. `nil` when r is undefined, when N < 2 (ā undefined) or when ā = 1 (a
///   complete graph, where every link is necessarily reciprocated).
/// - **Weighted reciprocity** (Squartini et al. 2013): r_w = W↔ / W, with
///   W = Σ_{i≠j} w_ij and W↔ = Σ_{i≠j} min(w_ij, w_ji): the share of the weight that is matched
///   by weight in the opposite direction. `nil` when W = 0.
///
/// N counts the actors with at least one link in the selection (isolated actors, declared but
/// untouched by the selected actions, are not nodes of the selected graph). The values equal
/// networkx's on `nx.DiGraph` built from the links alone; networkx counts a self-loop as a link
/// of overall reciprocity (in the denominator only), so compare with its self-loops removed.
///
/// References:
/// - networkx, `networkx.algorithms.reciprocity.reciprocity` / `overall_reciprocity`.
/// - D. Garlaschelli, M. I. Loffredo, "Patterns of link reciprocity in directed networks",
///   Phys. Rev. Lett. 93, 268701 (2004), doi:10.1103/PhysRevLett.93.268701.
/// - T. Squartini, F. Picciolo, F. Ruzzenenti, D. Garlaschelli, "Reciprocity of weighted
///   networks", Sci. Rep. 3, 2729 (2013), doi:10.1038/srep02729.
public struct Reciprocity: Hashable, Sendable, Codable {
  /// N: actors with at least one link (in or out).
  public var nodes: Int
  /// L: links, ordered pairs (i, j), i ≠ j, with at least one selected action.
  public var links: Int
  /// L↔: links whose reverse link exists.
  public var reciprocatedLinks: Int
  /// r = L↔ / L; `nil` when L = 0.
  public var binary: Double?
  /// ā = L / (N(N−1)); `nil` when N < 2.
  public var density: Double?
  /// ρ = (r − ā) / (1 − ā); `nil` when r or ā is undefined or ā = 1.
  public var rho: Double?
  /// W = Σ_{i≠j} w_ij.
  public var totalWeight: Int64
  /// W↔ = Σ_{i≠j} min(w_ij, w_ji).
  public var reciprocatedWeight: Int64
  /// r_w = W↔ / W; `nil` when W = 0.
  public var weighted: Double?

  /// The measures of a graph given by its counts: r, ā, ρ and r_w are derived from them by the
  /// formulas above.
  public init(
    nodes: Int, links: Int, reciprocatedLinks: Int, totalWeight: Int64, reciprocatedWeight: Int64
  ) {
    self.nodes = nodes
    self.links = links
    self.reciprocatedLinks = reciprocatedLinks
    self.totalWeight = totalWeight
    self.reciprocatedWeight = reciprocatedWeight
    binary = links == 0 ? nil : Double(reciprocatedLinks) / Double(links)
    if nodes >= 2 {
      density = Double(links) / (Double(nodes) * Double(nodes - 1))
    } else {
      density = nil
    }
    if let r = binary, let a = density, a < 1 {
      rho = (r - a) / (1 - a)
    } else {
      rho = nil
    }
    weighted = fraction(reciprocatedWeight, totalWeight)
  }

  /// The measures of a network's selection.
  ///
  /// - Parameter reverse: the links' reverse index (``LinkTable/reverseLinks()``), when the
  ///   caller already has it.
  /// - Throws: ``DiploGraphError`` with code `overflow` when W↔ does not fit in 64 bits (it
  ///   cannot exceed W, which the network already checked, so this is defensive).
  /// - Complexity: O(L + K).
  public init(_ network: Network, reverse: [Int32]? = nil) throws {
    let links = network.links
    try self.init(
      from: links.from, to: links.to, weight: links.weight,
      reverse: reverse ?? links.reverseLinks(), nodeCount: network.nodeCount)
  }

  /// The measures of links given as parallel arrays sorted by (from, to), with their reverse
  /// index; the bloc-level graph uses this too.
  init(from: [Int32], to: [Int32], weight: [Int64], reverse: [Int32], nodeCount: Int) throws {
    var seen = [Bool](repeating: false, count: nodeCount)
    var nodes = 0
    var reciprocatedLinks = 0
    var total: Int64 = 0
    var reciprocated: Int64 = 0
    for k in 0..<from.count {
      let (i, j) = (Int(from[k]), Int(to[k]))
      if !seen[i] {
        seen[i] = true
        nodes += 1
      }
      if !seen[j] {
        seen[j] = true
        nodes += 1
      }
      total = try checkedAdd(total, weight[k], "the total weight")
      let r = Int(reverse[k])
      if r >= 0 {
        reciprocatedLinks += 1
        reciprocated = try checkedAdd(
          reciprocated, min(weight[k], weight[r]), "the reciprocated weight")
      }
    }
    self.init(
      nodes: nodes, links: from.count, reciprocatedLinks: reciprocatedLinks, totalWeight: total,
      reciprocatedWeight: reciprocated)
  }
}
