import PropertyBased
import TestSupport
import Testing

@testable import DiploGraph

/// The bloc analysis sums the links by class of their ends (nodes in the same blocs; each
/// actor in no bloc apart) before counting them: against the links counted one by one, as the
/// definitions read (docs/analytics/blocs.md), on random memberships — overlapping, missing,
/// with blocs of no member and actors of no link.
@Suite struct BlocClassesTests {
  /// What the matrix, the E-I counts and the bloc-level graph are, link by link.
  struct Oracle {
    var weights: [[Int64]]
    var links: [[Int]]
    var toUnassigned: [Int64]
    var fromUnassigned: [Int64]
    var unassignedToUnassigned: Int64 = 0
    var internalWeight: [Int64]
    var externalWeight: [Int64]
    var internalLinks: [Int]
    var externalLinks: [Int]
    /// The bloc-level graph's links: (from group, to group) → weight, groups named by bloc
    /// index or by the actor in no bloc.
    var groupLinks: [String: Int64] = [:]

    init(_ network: Network, blocsOf: (ActorID) -> [Int], blocCount b: Int) {
      weights = Array(repeating: Array(repeating: 0, count: b), count: b)
      links = Array(repeating: Array(repeating: 0, count: b), count: b)
      toUnassigned = Array(repeating: 0, count: b)
      fromUnassigned = toUnassigned
      internalWeight = toUnassigned
      externalWeight = toUnassigned
      internalLinks = Array(repeating: 0, count: b)
      externalLinks = internalLinks
      for link in network.links {
        let (i, j) = (network.actors[link.from].id, network.actors[link.to].id)
        let (gi, gj, w) = (blocsOf(i), blocsOf(j), link.weight)
        if gi.isEmpty && gj.isEmpty { unassignedToUnassigned += w }
        if gi.isEmpty { for c in gj { fromUnassigned[c] += w } }
        if gj.isEmpty { for a in gi { toUnassigned[a] += w } }
        for a in gi {
          for c in gj {
            weights[a][c] += w
            links[a][c] += 1
          }
        }
        for a in Set(gi).union(gj) {
          if gi.contains(a) && gj.contains(a) {
            internalWeight[a] += w
            internalLinks[a] += 1
          } else {
            externalWeight[a] += w
            externalLinks[a] += 1
          }
        }
        let from = gi.isEmpty ? ["actor " + i.rawValue] : gi.map { "bloc \($0)" }
        let to = gj.isEmpty ? ["actor " + j.rawValue] : gj.map { "bloc \($0)" }
        for x in from { for y in to where x != y { groupLinks["\(x) → \(y)", default: 0] += w } }
      }
    }
  }

  static func check(actors: Int, actions: Int, blocs b: Int, seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let ids = (0..<actors).map { "A\($0)" }
    var members = [[String]](repeating: [], count: b)
    for id in ids {
      // About a third in no bloc, some in two or three.
      for bloc in 0..<b where rng.next() % UInt64(max(2, b)) == 0 { members[bloc].append(id) }
    }
    var edges: [Edge] = []
    for _ in 0..<actions {
      let i = Int(rng.next() % UInt64(actors))
      let j = Int(rng.next() % UInt64(actors))
      let count = rng.next() % 7 == 0 ? nil : Int(rng.next() % 20)
      edges.append(Edge(ids[i], ids[j], count))
    }
    let data = dataSet(
      edges, actors: ids, blocs: members.enumerated().map { ("B\($0.offset)", $0.element) })
    let network = try Network(data)
    let analysis = try BlocAnalysis(network)
    let blocsOf: (ActorID) -> [Int] = { actor in
      members.indices.filter { members[$0].contains(actor.rawValue) }
    }
    let oracle = Oracle(network, blocsOf: blocsOf, blocCount: b)
    let what = "\(actors) actors, \(actions) actions, \(b) blocs, seed \(seed)"
    #expect(analysis.matrix.weights == oracle.weights, "\(what)")
    #expect(analysis.matrix.links == oracle.links, "\(what)")
    #expect(analysis.matrix.toUnassigned == oracle.toUnassigned, "\(what)")
    #expect(analysis.matrix.fromUnassigned == oracle.fromUnassigned, "\(what)")
    #expect(analysis.matrix.unassignedToUnassigned == oracle.unassignedToUnassigned, "\(what)")
    #expect(analysis.blocs.map(\.internalWeight) == oracle.internalWeight, "\(what)")
    #expect(analysis.blocs.map(\.externalWeight) == oracle.externalWeight, "\(what)")
    #expect(analysis.blocs.map(\.internalLinks) == oracle.internalLinks, "\(what)")
    #expect(analysis.blocs.map(\.externalLinks) == oracle.externalLinks, "\(what)")
    // The bloc-level graph: its links, their weights, and what is reciprocated.
    let graph = analysis.blocGraph
    let groupLinks = oracle.groupLinks
    let reciprocated = groupLinks.keys.filter { key in
      let ends = key.components(separatedBy: " → ")
      return groupLinks["\(ends[1]) → \(ends[0])"] != nil
    }
    #expect(graph.links == groupLinks.count, "\(what)")
    #expect(graph.reciprocatedLinks == reciprocated.count, "\(what)")
    #expect(graph.totalWeight == groupLinks.values.reduce(0, +), "\(what)")
    let matched = groupLinks.reduce(Int64(0)) { sum, entry in
      let ends = entry.key.components(separatedBy: " → ")
      return sum + min(entry.value, groupLinks["\(ends[1]) → \(ends[0])"] ?? 0)
    }
    #expect(graph.reciprocatedWeight == matched, "\(what)")
  }

  @Test func smallCasesByHand() throws {
    for seed in 0..<20 {
      try Self.check(actors: 2 + seed % 7, actions: seed * 3, blocs: seed % 4, seed: UInt64(seed))
    }
  }

  @Test func randomMemberships() async {
    await propertyCheck(
      count: 40, input: Gen.int(in: 2...60), Gen.int(in: 0...400), Gen.int(in: 0...6),
      Gen.int(in: 0...100_000)
    ) { actors, actions, blocs, seed in
      do {
        try Self.check(actors: actors, actions: actions, blocs: blocs, seed: UInt64(seed))
      } catch {
        Issue.record("\(error)")
      }
    }
  }

  /// The two ways of summing by class (a table of classes × classes, or the links' pairs of
  /// classes sorted when the table would be too large) give the same entries.
  @Test func denseAndSortedSumsAgree() throws {
    var rng = SplitMix64(seed: 9)
    var edges: [Edge] = []
    for _ in 0..<3_000 {
      edges.append(Edge("A\(rng.next() % 300)", "A\(rng.next() % 300)", Int(rng.next() % 9)))
    }
    let network = try Network(dataSet(edges))
    let membership = (0..<network.nodeCount).map { v in v % 3 == 0 ? [] : [v % 5, 7] }
    let classes = NodeClasses(
      membership: membership, actorOfNode: network.actors.map(\.id))
    #expect(classes.count > 100)
    let dense = classes.linkSums(network.links)
    let sorted = classes.linkSums(network.links, denseCells: 0)
    #expect(dense.from == sorted.from && dense.to == sorted.to)
    #expect(dense.weight == sorted.weight && dense.links == sorted.links)
    #expect(dense.classLinked == sorted.classLinked)
    #expect(dense.links.reduce(0, +) == network.links.count)
    #expect(dense.weight.reduce(0, +) == network.links.totalWeight)
  }
}
