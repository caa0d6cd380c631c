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
/// - Complexity: O(L + K + P·m² + B²) for L links, K actors, B blocs, at most m chosen blocs per
///   actor and P pairs of classes linked (a class: the actors in the same blocs, or one actor in
///   no bloc; P ≤ L), plus O(L_B log L_B) for the L_B links of the bloc-level graph.
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
    let membership = blocsOfNode.map { $0.map(Int.init) }
    // What a link adds depends only on its ends' blocs (and, for the bloc-level graph, on
    // the actor of an end in no bloc): the links are summed by class of their ends first, in
    // one pass, and each pair of classes is then counted as its links would be one by one.
    // Sums of weights ≥ 0 that the total bounds: the same values, and no overflow in either
    // order.
    let classes = NodeClasses(membership: membership, actorOfNode: actorOfNode)
    let sums = classes.linkSums(links)
    let outStrength = links.strengths.outStrength
    let outDegree = (0..<k).map { links.links(from: $0).count }
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
    for x in sums.from.indices {
      let (gi, gj) = (classes.blocs[Int(sums.from[x])], classes.blocs[Int(sums.to[x])])
      let (w, n) = (sums.weight[x], sums.links[x])
      if gi.isEmpty && gj.isEmpty {
        unassignedToUnassigned = try checkedAdd(unassignedToUnassigned, w, cell)
        continue
      }
      for a in gi {
        var inside = false
        for c in gj {
          weights[a * b + c] = try checkedAdd(weights[a * b + c], w, cell)
          linkCounts[a * b + c] += n
          if c == a { inside = true }
        }
        if gj.isEmpty { toUnassigned[a] = try checkedAdd(toUnassigned[a], w, cell) }
        if inside {
          internalWeight[a] = try checkedAdd(internalWeight[a], w, cell)
          internalLinks[a] += n
        } else {
          externalWeight[a] = try checkedAdd(externalWeight[a], w, cell)
          externalLinks[a] += n
        }
      }
      for c in gj where !gi.contains(c) {
        externalWeight[c] = try checkedAdd(externalWeight[c], w, cell)
        externalLinks[c] += n
      }
      if gi.isEmpty {
        for c in gj { fromUnassigned[c] = try checkedAdd(fromUnassigned[c], w, cell) }
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
    blocGraph = try Self.blocGraphReciprocity(classes: classes, sums: sums, blocCount: b)
  }

  /// The reciprocity of the bloc-level graph (see the type's documentation): its nodes are the
  /// blocs, then each linked actor in no bloc (in node order), and its links the sums of the
  /// links between their classes.
  static func blocGraphReciprocity(
    classes: NodeClasses, sums: NodeClasses.LinkSums, blocCount b: Int
  ) throws -> Reciprocity {
    // The groups of each class: its blocs, or the node of its actor in no bloc (b, b + 1, …
    // in the order of the actors' first linked node).
    var groups = classes.blocs
    var g = b
    for p in 0..<classes.count where classes.blocs[p].isEmpty && sums.classLinked[p] {
      groups[p] = [g]
      g += 1
    }
    // Pair weights: in a dense g × g table when it is small, else in a dictionary.
    let dense = g * g <= 1 << 22
    var denseWeight = [Int64](repeating: 0, count: dense ? g * g : 0)
    var present = [Bool](repeating: false, count: dense ? g * g : 0)
    var pairWeight: [Int: Int64] = [:]
    for entry in sums.from.indices {
      let w = sums.weight[entry]
      for x in groups[Int(sums.from[entry])] {
        for y in groups[Int(sums.to[entry])] where x != y {
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

/// The nodes of a bloc analysis in classes: the nodes in the same blocs (listed the same way)
/// share a class, and each actor in no bloc has a class of its own (however many nodes stand
/// for it), in the order of the nodes that first name them.
struct NodeClasses {
  /// The class of each node.
  let classOfNode: [Int32]
  /// The blocs of each class (empty for an actor in no bloc).
  let blocs: [[Int]]

  var count: Int { blocs.count }

  init(membership: [[Int]], actorOfNode: [ActorID]) {
    var classOfSet: [[Int]: Int32] = [:]
    var classOfActor: [ActorID: Int32] = [:]
    var blocs: [[Int]] = []
    classOfNode = membership.indices.map { v in
      let set = membership[v]
      if set.isEmpty {
        if let known = classOfActor[actorOfNode[v]] { return known }
        classOfActor[actorOfNode[v]] = Int32(blocs.count)
      } else {
        if let known = classOfSet[set] { return known }
        classOfSet[set] = Int32(blocs.count)
      }
      blocs.append(set)
      return Int32(blocs.count - 1)
    }
    self.blocs = blocs
  }

  /// The links summed by the classes of their ends: one entry per pair of classes with a
  /// link, in the order of their first class, then their second.
  struct LinkSums {
    var from: [Int32] = []
    var to: [Int32] = []
    /// The summed weights (partial sums of the total weight, which the links checked: they
    /// fit) and the number of links of each entry.
    var weight: [Int64] = []
    var links: [Int] = []
    /// Whether each class holds an end of a link.
    var classLinked: [Bool]

    mutating func append(_ p: Int, _ q: Int, _ w: Int64, _ n: Int) {
      from.append(Int32(p))
      to.append(Int32(q))
      weight.append(w)
      links.append(n)
    }
  }

  /// The most cells summed in a table of classes × classes; beyond (many actors in no bloc),
  /// the links' pairs of classes are sorted instead, in memory proportional to the links.
  static let denseCells = 1 << 20

  /// The links summed by class, in one pass over them (`denseCells`: tests lower it).
  func linkSums(_ links: LinkTable, denseCells: Int = Self.denseCells) -> LinkSums {
    let c = count
    var sums = LinkSums(classLinked: [Bool](repeating: false, count: c))
    let (to, weight) = (links.to, links.weight)
    // Each link's pair of classes as p × c + q, the classes of its ends marked linked.
    @inline(__always) func forEachLink(_ body: (_ e: Int, _ cell: Int) -> Void) {
      for v in 0..<classOfNode.count {
        let range = links.links(from: v)
        guard !range.isEmpty else { continue }
        let p = Int(classOfNode[v])
        sums.classLinked[p] = true
        for e in range {
          let q = Int(classOfNode[Int(to[e])])
          sums.classLinked[q] = true
          body(e, p * c + q)
        }
      }
    }
    if c * c <= denseCells {
      var cellWeight = [Int64](repeating: 0, count: c * c)
      var cellLinks = [Int](repeating: 0, count: c * c)
      forEachLink { e, cell in
        cellWeight[cell] &+= weight[e]
        cellLinks[cell] += 1
      }
      for cell in 0..<(c * c) where cellLinks[cell] > 0 {
        sums.append(cell / c, cell % c, cellWeight[cell], cellLinks[cell])
      }
      return sums
    }
    var keys = [UInt64](repeating: 0, count: links.count)
    forEachLink { e, cell in keys[e] = UInt64(cell) }
    var previous = UInt64.max
    for e in radixOrder(keys).map(Int.init) {
      if keys[e] != previous {
        previous = keys[e]
        sums.append(Int(keys[e] / UInt64(c)), Int(keys[e] % UInt64(c)), 0, 0)
      }
      sums.weight[sums.weight.count - 1] &+= weight[e]
      sums.links[sums.links.count - 1] += 1
    }
    return sums
  }
}

/// (E − I) / (E + I), or `nil` when E + I = 0.
func eiIndex(external e: Int64, internal i: Int64) throws -> Double? {
  let sum = try checkedAdd(e, i, "E + I")
  return sum == 0 ? nil : Double(e - i) / Double(sum)
}
