import DiploGraph
import PropertyBased
import TestSupport
import Testing

@Suite struct ReciprocityTests {
  /// A→B 3, B→A 1, A→C 2, B→C 1 + 3 (parallel actions), C→D without a count, D→D 5 (a
  /// self-loop). networkx on the same links (self-loop removed) gives r = 0.4, density 5/12,
  /// node reciprocity A = B = 2/3, C = D = 0.
  static let mixed: [(String, String, Int?)] = [
    ("A", "B", 3), ("B", "A", 1), ("A", "C", 2), ("B", "C", 1), ("B", "C", 3), ("C", "D", nil),
    ("D", "D", 5),
  ]

  @Test func handWorkedGraph() throws {
    let net = try network(Self.mixed)
    #expect(net.selfLoopRows.count == 1)
    let rec = try Reciprocity(net)
    // Links: A→B, A→C, B→A, B→C, C→D (the self-loop is not one): L = 5.
    #expect(rec.links == 5)
    // Only A→B and B→A have their reverse: L↔ = 2, r = 2/5.
    #expect(rec.reciprocatedLinks == 2)
    #expect(approximatelyEqual(rec.binary, 2.0 / 5.0))
    // N = 4 (A, B, C, D), ā = 5 / (4·3) = 5/12.
    #expect(rec.nodes == 4)
    #expect(approximatelyEqual(rec.density, 5.0 / 12.0))
    // ρ = (2/5 − 5/12) / (1 − 5/12) = (−1/60) / (7/12) = −1/35.
    #expect(approximatelyEqual(rec.rho, -1.0 / 35.0))
    // W = 3 + 1 + 2 + (1 + 3) + 0 = 10; W↔ = min(3, 1) + min(1, 3) = 2; r_w = 2/10.
    #expect(rec.totalWeight == 10)
    #expect(rec.reciprocatedWeight == 2)
    #expect(approximatelyEqual(rec.weighted, 0.2))
  }

  @Test func emptySelectionIsUndefined() throws {
    let data = dataSet(Self.mixed)
    let net = try Network(data, selection: Selection(kinds: [.staffCut]))
    let rec = try Reciprocity(net)
    #expect(rec.nodes == 0)
    #expect(rec.links == 0)
    #expect(rec.binary == nil)
    #expect(rec.density == nil)
    #expect(rec.rho == nil)
    #expect(rec.totalWeight == 0)
    #expect(rec.weighted == nil)
  }

  @Test func oneActorWithOnlySelfLoops() throws {
    let net = try network([("A", "A", 4), ("A", "A", nil)])
    #expect(net.selfLoopRows.count == 2)
    let rec = try Reciprocity(net)
    // Self-loops are not links: nothing to measure.
    #expect(rec.nodes == 0)
    #expect(rec.links == 0)
    #expect(rec.binary == nil)
    #expect(rec.rho == nil)
    #expect(rec.weighted == nil)
  }

  @Test func singleLink() throws {
    let rec = try Reciprocity(network([("A", "B", 2)]))
    // r = 0/1; ā = 1 / (2·1) = 1/2; ρ = (0 − 1/2) / (1 − 1/2) = −1; r_w = 0/2.
    #expect(rec.binary == 0)
    #expect(approximatelyEqual(rec.density, 0.5))
    #expect(approximatelyEqual(rec.rho, -1))
    #expect(rec.weighted == 0)
  }

  @Test func linksWithoutCountsHaveWeightZero() throws {
    let rec = try Reciprocity(network([("A", "B", nil), ("B", "A", nil)]))
    // Two links, both reciprocated: r = 1; but W = 0, so r_w is undefined.
    #expect(rec.binary == 1)
    #expect(rec.totalWeight == 0)
    #expect(rec.weighted == nil)
    // N = 2, ā = 2 / 2 = 1: a complete graph, ρ undefined.
    #expect(rec.density == 1)
    #expect(rec.rho == nil)
  }

  @Test func completeTriangleAndDisjointMutualPairs() throws {
    // Three actors, all six links: ā = 6/6 = 1, ρ undefined although r = 1.
    let triangle = try Reciprocity(
      network([
        ("A", "B", 1), ("B", "A", 1), ("A", "C", 1), ("C", "A", 1), ("B", "C", 1), ("C", "B", 1),
      ]))
    #expect(triangle.binary == 1)
    #expect(triangle.rho == nil)
    // Two mutual pairs A↔B (5, 2) and C↔D (1, 1): r = 4/4 = 1, ā = 4/12 = 1/3, ρ = (1 − 1/3) /
    // (1 − 1/3) = 1; W = 9, W↔ = 2 + 2 + 1 + 1 = 6, r_w = 2/3.
    let pairs = try Reciprocity(
      network([("A", "B", 5), ("B", "A", 2), ("C", "D", 1), ("D", "C", 1)]))
    #expect(pairs.binary == 1)
    #expect(approximatelyEqual(pairs.density, 1.0 / 3.0))
    #expect(approximatelyEqual(pairs.rho, 1))
    #expect(pairs.reciprocatedWeight == 6)
    #expect(approximatelyEqual(pairs.weighted, 2.0 / 3.0))
  }

  @Test func reverseLinkIndex() throws {
    let net = try network(Self.mixed)
    let links = net.links
    let reverse = links.reverseLinks()
    for k in 0..<links.count {
      let expected = links.link(from: Int(links.to[k]), to: Int(links.from[k]))
      #expect(reverse[k] == Int32(expected ?? -1))
    }
  }

  // MARK: Properties

  static let edges = zip(Gen.int(in: 0...5), Gen.int(in: 0...5), Gen.int(in: 0...9).optional)
    .array(of: 0...30)

  @Test func reciprocityLiesInTheUnitInterval() async {
    await propertyCheck(input: Self.edges) { edges in
      let rec = try Reciprocity(network(randomTriples(edges)))
      if let r = rec.binary { #expect(r >= 0 && r <= 1) }
      if let r = rec.weighted { #expect(r >= 0 && r <= 1) }
      if let a = rec.density { #expect(a > 0 && a <= 1) }
      #expect(rec.reciprocatedWeight <= rec.totalWeight)
      #expect((rec.binary == nil) == (rec.links == 0))
    }
  }

  @Test func relabellingChangesNothing() async {
    await propertyCheck(input: Self.edges, Gen.shuffled(["P", "Q", "R", "S", "T", "U"])) {
      edges, names in
      let original = try Reciprocity(network(randomTriples(edges)))
      let relabelled = try Reciprocity(network(randomTriples(edges, names: names)))
      #expect(original == relabelled)
    }
  }

  @Test func reversingEveryEdgeKeepsReciprocity() async {
    await propertyCheck(input: Self.edges) { edges in
      let forward = try Reciprocity(network(randomTriples(edges)))
      let backward = try Reciprocity(network(randomTriples(edges.map { ($0.1, $0.0, $0.2) })))
      #expect(forward == backward)
    }
  }

  @Test func agreesWithADirectDefinition() async {
    await propertyCheck(input: Self.edges) { edges in
      let rec = try Reciprocity(network(randomTriples(edges)))
      // Straight from the definitions, over a dictionary of pair weights.
      var w: [[Int]: Int] = [:]
      for (i, j, c) in edges where i != j { w[[i, j], default: 0] += c ?? 0 }
      let links = w.keys
      let mutual = links.filter { w[[$0[1], $0[0]]] != nil }
      let total = w.values.reduce(0, +)
      let matched = mutual.map { min(w[$0]!, w[[$0[1], $0[0]]]!) }.reduce(0, +)
      let nodes = Set(links.flatMap { $0 }).count
      #expect(rec.links == links.count)
      #expect(rec.reciprocatedLinks == mutual.count)
      #expect(rec.nodes == nodes)
      #expect(rec.totalWeight == Int64(total))
      #expect(rec.reciprocatedWeight == Int64(matched))
      #expect(
        approximatelyEqual(
          rec.binary, links.isEmpty ? nil : Double(mutual.count) / Double(links.count)))
    }
  }
}
