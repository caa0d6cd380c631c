/// Bloc weights: how the weight of a selection splits across political blocs, how blocs act on
/// each other, how inward-looking each bloc is, and how reciprocal the blocs are as wholes.

/// One bloc's weights.
///
/// - W_B = Σ_{i∈B} s_i^out: the summed count of the selected actions by its members (to anyone,
///   members of the same bloc included); share = W_B / W, with W the total weight of the
///   selection (`nil` when W = 0).
/// - An **active member** is a member with at least one selected outgoing action (self-loops
///   excluded), whether or not that action has a count: a state that recalled its ambassador or
///   closed a consulate acted, and the articles' counts of "states expelling" count it. The mean
///   per active member is W_B / |active| (`nil` without active members).
/// - **E-I index** (Krackhardt & Stern 1988), on weights: EI = (E − I) / (E + I), where
///   I = Σ w_ij over links with both ends in B (each internal link once) and E = Σ w_ij over
///   links with exactly one end in B, in either direction (the members' out-links to
///   non-members and in-links from non-members). −1: all weight stays inside the bloc; +1: all
///   of it crosses the bloc's border. `nil` when E + I = 0. The same index on link counts
///   (each link counting 1, whatever its weight) is ``linkEIIndex``.
///
/// Reference: D. Krackhardt, R. N. Stern, "Informal networks and organizational crises: an
/// experimental simulation", Social Psychology Quarterly 51(2), 123–140 (1988),
/// doi:10.2307/2786835.
public struct BlocWeight: Hashable, Sendable, Codable {
  public var id: BlocID
  public var name: String
  /// The declared members, each once, in declared order.
  public var members: [ActorID]
  /// The members with at least one selected outgoing action, in declared order.
  public var activeMembers: [ActorID]
  /// W_B.
  public var weight: Int64
  /// W_B / W.
  public var share: Double?
  /// W_B / |active members|.
  public var meanPerActiveMember: Double?
  /// I: weight of the links with both ends in the bloc.
  public var internalWeight: Int64
  /// E: weight of the links with exactly one end in the bloc (out and in).
  public var externalWeight: Int64
  /// (E − I) / (E + I).
  public var eiIndex: Double?
  /// Links with both ends in the bloc.
  public var internalLinks: Int
  /// Links with exactly one end in the bloc.
  public var externalLinks: Int
  /// The E-I index on link counts.
  public var linkEIIndex: Double?
}

/// Whether the chosen blocs split the acting actors cleanly.
public struct PartitionCheck: Hashable, Sendable, Codable {
  public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
    /// The blocs are disjoint and every actor with a selected outgoing action is in one: the
    /// shares sum to 1.
    case partition
    /// The blocs are disjoint, but some acting actors are in none: the shares sum to
    /// 1 − (their weight) / W.
    case disjointIncomplete = "disjoint_incomplete"
    /// Some actor is a member of several chosen blocs: its weight counts in each, and the
    /// shares may sum to more than 1.
    case overlapping
  }

  public var status: Status
  /// Actors listed in two or more of the chosen blocs, sorted.
  public var overlappingActors: [ActorID]
  /// Actors with a selected outgoing action in none of the chosen blocs, sorted.
  public var unassignedActors: [ActorID]
  /// Σ s^out over ``unassignedActors``.
  public var unassignedWeight: Int64
  /// Σ_B share_B; `nil` when W = 0.
  public var shareSum: Double?
}

/// The bloc × bloc matrix M_AB = Σ_{i∈A, j∈B} w_ij, with margins for the actors in no chosen
/// bloc, so that for disjoint blocs the cells and margins together sum to W.
///
/// A member of two blocs counts in both: a link from a member of A and B to a member of C adds
/// its weight to M_AC and to M_BC. The diagonal M_AA is the bloc's internal weight.
public struct BlocMatrix: Hashable, Sendable, Codable {
  /// Row and column order.
  public var blocs: [BlocID]
  /// `weights[a][b]` = M_AB.
  public var weights: [[Int64]]
  /// `links[a][b]`: the number of links from members of A to members of B.
  public var links: [[Int]]
  /// Per row A: Σ w_ij with i ∈ A and j in no chosen bloc.
  public var toUnassigned: [Int64]
  /// Per column B: Σ w_ij with i in no chosen bloc and j ∈ B.
  public var fromUnassigned: [Int64]
  /// Σ w_ij with neither end in a chosen bloc.
  public var unassignedToUnassigned: Int64
}

/// Bloc weights, the partition check, the bloc matrix and the bloc-level reciprocity.
///
/// The **bloc-level graph** has one node per chosen bloc and one per actor with a link that is
/// in no chosen bloc (so the 2018 graph of "EU", "non-EU Europe", "others" keeps Russia as a
/// node of its own). Its weight X→Y (X ≠ Y) is Σ_{i∈X, j∈Y} w_ij, and it has a link X→Y when at
/// least one selected link goes from X to Y; links inside a bloc are its self-loops and are
/// excluded. ``blocGraph`` holds its binary and weighted reciprocity (see ``Reciprocity``). With
/// overlapping blocs a link counts for every pair of its ends' blocs.
///
/// - Complexity: O(L·m² + K + B²) for L links, K actors, B blocs and at most m chosen blocs per
///   actor, plus O(L_B log L_B) for the L_B links of the bloc-level graph.
public struct BlocAnalysis: Hashable, Sendable, Codable {
  /// W, the total weight of the selection.
  public var totalWeight: Int64
  /// One entry per chosen bloc, in the order chosen.
  public var blocs: [BlocWeight]
  public var partition: PartitionCheck
  public var matrix: BlocMatrix
  /// Reciprocity of the bloc-level graph.
  public var blocGraph: Reciprocity

  /// Analyses the blocs `blocs` (all of the data set's blocs, in their order, when `nil`).
  ///
  /// A chosen bloc the data set does not have but the reference does (`EU`, `NATO`: see
  /// ``ReferenceData``) is taken from the reference, with membership at the date of each
  /// action (``init(_:blocs:reference:)``); a data set's own bloc of the same id wins.
  ///
  /// - Throws: ``DiploGraphError`` with code `invalid` when a bloc id is neither the data
  ///   set's nor the reference's, `overflow` when a sum does not fit in 64 bits.
  public init(_ network: Network, blocs chosen: [BlocID]? = nil) throws {
    let dataSet = network.dataSet
    var blocs: [Bloc] = []
    if let chosen {
      if chosen.contains(where: { dataSet.bloc($0) == nil }) {
        try self.init(network, blocs: chosen, reference: .standard)
        return
      }
      var seen = Set<BlocID>()
      for id in chosen where seen.insert(id).inserted { blocs.append(dataSet.bloc(id)!) }
    } else {
      var seen = Set<BlocID>()
      blocs = dataSet.blocs.filter { seen.insert($0.id).inserted }
    }
    let k = network.nodeCount
    // Members, each once per bloc; the chosen blocs of each node.
    var members: [[ActorID]] = []
    var blocsOfNode = [[Int32]](repeating: [], count: k)
    var blocCount: [ActorID: Int] = [:]
    for (index, bloc) in blocs.enumerated() {
      var seen = Set<ActorID>()
      let list = bloc.members.filter { seen.insert($0).inserted }
      members.append(list)
      for id in list {
        blocCount[id, default: 0] += 1
        if let v = network.node(of: id) { blocsOfNode[v].append(Int32(index)) }
      }
    }
    try self.init(
      links: network.links, blocs: blocs.map { ($0.id, $0.name) }, members: members,
      blocsOfNode: blocsOfNode, actorOfNode: network.actors.map(\.id),
      overlapping: blocCount.filter { $0.value > 1 }.keys.sorted())
  }

  /// The analysis of `links` among nodes that each stand for one actor (`actorOfNode`); in
  /// the dated path several nodes stand for one actor, one per set of blocs it was in when it
  /// acted or was acted upon (``init(_:blocs:reference:)``).
  ///
  /// - Parameters:
  ///   - members: per bloc, its members, each once, in the order to report them.
  ///   - blocsOfNode: per node, the indices of the chosen blocs it is in.
  ///   - overlapping: the actors to report as in two or more chosen blocs, sorted.
  init(
    links: LinkTable, blocs: [(id: BlocID, name: String)], members: [[ActorID]],
    blocsOfNode: [[Int32]], actorOfNode: [ActorID], overlapping: [ActorID]
  ) throws {
    let k = links.nodeCount
    let b = blocs.count
    var memberStart = [Int](repeating: 0, count: k + 1)
    for v in 0..<k { memberStart[v + 1] = memberStart[v] + blocsOfNode[v].count }
    let memberBlocs = blocsOfNode.flatMap { $0 }
    let membership = blocsOfNode.map { $0.map(Int.init) }

    let outStrength = links.strengths.outStrength
    var outDegree = [Int](repeating: 0, count: k)
    var linked = [Bool](repeating: false, count: k)
    // Row-major b × b cells.
    var weights = [Int64](repeating: 0, count: b * b)
    var linkCounts = [Int](repeating: 0, count: b * b)
    var toUnassigned = [Int64](repeating: 0, count: b)
    var fromUnassigned = [Int64](repeating: 0, count: b)
    var unassignedToUnassigned: Int64 = 0
    var internalWeight = [Int64](repeating: 0, count: b)
    var externalWeight = [Int64](repeating: 0, count: b)
    var internalLinks = [Int](repeating: 0, count: b)
    var externalLinks = [Int](repeating: 0, count: b)
    let cell = "a bloc weight"
    for link in links {
      let (i, j, w) = (link.from, link.to, link.weight)
      outDegree[i] += 1
      linked[i] = true
      linked[j] = true
      let gi = memberStart[i]..<memberStart[i + 1]
      let gj = memberStart[j]..<memberStart[j + 1]
      if gi.isEmpty && gj.isEmpty {
        unassignedToUnassigned = try checkedAdd(unassignedToUnassigned, w, cell)
        continue
      }
      for x in gi {
        let a = Int(memberBlocs[x])
        var inside = false
        for y in gj {
          let c = Int(memberBlocs[y])
          weights[a * b + c] = try checkedAdd(weights[a * b + c], w, cell)
          linkCounts[a * b + c] += 1
          if c == a { inside = true }
        }
        if gj.isEmpty { toUnassigned[a] = try checkedAdd(toUnassigned[a], w, cell) }
        if inside {
          internalWeight[a] = try checkedAdd(internalWeight[a], w, cell)
          internalLinks[a] += 1
        } else {
          externalWeight[a] = try checkedAdd(externalWeight[a], w, cell)
          externalLinks[a] += 1
        }
      }
      for y in gj {
        let c = Int(memberBlocs[y])
        if gi.contains(where: { memberBlocs[$0] == Int32(c) }) { continue }
        externalWeight[c] = try checkedAdd(externalWeight[c], w, cell)
        externalLinks[c] += 1
      }
      if gi.isEmpty {
        for y in gj {
          let c = Int(memberBlocs[y])
          fromUnassigned[c] = try checkedAdd(fromUnassigned[c], w, cell)
        }
      }
    }

    // W_B and the active members, node by node.
    var blocWeight = [Int64](repeating: 0, count: b)
    var activeSet = [Set<ActorID>](repeating: [], count: b)
    for v in 0..<k {
      for a in membership[v] {
        blocWeight[a] = try checkedAdd(
          blocWeight[a], outStrength[v], "the weight of bloc \(blocs[a].id)")
        if outDegree[v] > 0 { activeSet[a].insert(actorOfNode[v]) }
      }
    }
    let total = links.totalWeight
    var results: [BlocWeight] = []
    var shareSum = 0.0
    for (index, bloc) in blocs.enumerated() {
      let weight = blocWeight[index]
      let active = members[index].filter { activeSet[index].contains($0) }
      let share = fraction(weight, total)
      shareSum += share ?? 0
      let ei = try eiIndex(external: externalWeight[index], internal: internalWeight[index])
      let linkEI = try eiIndex(
        external: Int64(externalLinks[index]), internal: Int64(internalLinks[index]))
      results.append(
        BlocWeight(
          id: bloc.id, name: bloc.name, members: members[index], activeMembers: active,
          weight: weight, share: share,
          meanPerActiveMember: active.isEmpty ? nil : Double(weight) / Double(active.count),
          internalWeight: internalWeight[index], externalWeight: externalWeight[index],
          eiIndex: ei, internalLinks: internalLinks[index], externalLinks: externalLinks[index],
          linkEIIndex: linkEI))
    }

    var unassigned = Set<ActorID>()
    var unassignedWeight: Int64 = 0
    for v in 0..<k where outDegree[v] > 0 && membership[v].isEmpty {
      unassigned.insert(actorOfNode[v])
      unassignedWeight = try checkedAdd(unassignedWeight, outStrength[v], "the unassigned weight")
    }
    let status: PartitionCheck.Status =
      !overlapping.isEmpty ? .overlapping : (unassigned.isEmpty ? .partition : .disjointIncomplete)

    totalWeight = total
    self.blocs = results
    partition = PartitionCheck(
      status: status, overlappingActors: overlapping, unassignedActors: unassigned.sorted(),
      unassignedWeight: unassignedWeight, shareSum: total == 0 ? nil : shareSum)
    matrix = BlocMatrix(
      blocs: blocs.map(\.id), weights: (0..<b).map { Array(weights[($0 * b)..<($0 * b + b)]) },
      links: (0..<b).map { Array(linkCounts[($0 * b)..<($0 * b + b)]) }, toUnassigned: toUnassigned,
      fromUnassigned: fromUnassigned, unassignedToUnassigned: unassignedToUnassigned)
    blocGraph = try Self.blocGraphReciprocity(
      links: links, membership: membership, linked: linked, blocCount: b,
      actorOfNode: actorOfNode)
  }

  /// The reciprocity of the bloc-level graph (see the type's documentation).
  static func blocGraphReciprocity(
    links: LinkTable, membership: [[Int]], linked: [Bool], blocCount b: Int,
    actorOfNode: [ActorID]
  ) throws -> Reciprocity {
    // Node of each actor in no bloc: b, b + 1, … in node order (one per actor, however many
    // nodes stand for it).
    var single = [Int](repeating: -1, count: membership.count)
    var singleOfActor: [ActorID: Int] = [:]
    var g = b
    for v in membership.indices where linked[v] && membership[v].isEmpty {
      if let known = singleOfActor[actorOfNode[v]] {
        single[v] = known
      } else {
        single[v] = g
        singleOfActor[actorOfNode[v]] = g
        g += 1
      }
    }
    // The groups of each actor, as ranges of one array.
    var groupStart = [Int](repeating: 0, count: membership.count + 1)
    var groups: [Int] = []
    for v in membership.indices {
      if membership[v].isEmpty { groups.append(single[v]) } else { groups += membership[v] }
      groupStart[v + 1] = groups.count
    }
    // Pair weights: in a dense g × g table when it is small, else in a dictionary.
    let dense = g * g <= 1 << 22
    var denseWeight = [Int64](repeating: 0, count: dense ? g * g : 0)
    var present = [Bool](repeating: false, count: dense ? g * g : 0)
    var pairWeight: [Int: Int64] = [:]
    for link in links {
      let (i, j, w) = (link.from, link.to, link.weight)
      for x in groups[groupStart[i]..<groupStart[i + 1]] {
        for y in groups[groupStart[j]..<groupStart[j + 1]] where x != y {
          let key = x * g + y
          if dense {
            denseWeight[key] = try checkedAdd(denseWeight[key], w, "a bloc-level weight")
            present[key] = true
          } else {
            pairWeight[key] = try checkedAdd(pairWeight[key] ?? 0, w, "a bloc-level weight")
          }
        }
      }
    }
    let keys = dense ? present.indices.filter { present[$0] } : pairWeight.keys.sorted()
    let from = keys.map { Int32($0 / g) }
    let to = keys.map { Int32($0 % g) }
    let weight = keys.map { dense ? denseWeight[$0] : pairWeight[$0]! }
    let reverse = reverseLinkIndex(from: from, to: to, nodeCount: g)
    return try Reciprocity(from: from, to: to, weight: weight, reverse: reverse, nodeCount: g)
  }
}

/// (E − I) / (E + I), or `nil` when E + I = 0.
func eiIndex(external e: Int64, internal i: Int64) throws -> Double? {
  let sum = try checkedAdd(e, i, "E + I")
  return sum == 0 ? nil : Double(e - i) / Double(sum)
}
