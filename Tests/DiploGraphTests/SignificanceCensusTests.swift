import DiploGraph
import PropertyBased
import TestSupport
import Testing

/// The dyad and triad censuses: by hand, against networkx's `triadic_census`, and their
/// invariants.
@Suite struct SignificanceCensusTests {
  static func census(_ triples: [(String, String, Int?)]) throws -> Significance {
    try Significance(network(triples))
  }

  @Test func fourActorsByHand() throws {
    // A↔B, B→C, C→D. Triads: {A,B,C}: the mutual A↔B and B→C out of it: 111U; {A,B,D}: the
    // mutual pair and D alone: 102; {A,C,D}: C→D alone: 012; {B,C,D}: B→C→D: 021C.
    // Dyads: 6 pairs, 1 mutual (AB), 2 asymmetric (BC, CD), 3 null.
    let s = try Self.census([("A", "B", 1), ("B", "A", 2), ("B", "C", nil), ("C", "D", 5)])
    #expect(s.dyads == DyadCensus(mutual: 1, asymmetric: 2, null: 3))
    var expected = [TriadType: Int]()
    for type in TriadType.allCases { expected[type] = 0 }
    expected[.t111U] = 1
    expected[.t102] = 1
    expected[.t012] = 1
    expected[.t021C] = 1
    for type in TriadType.allCases { #expect(s.triads[type] == expected[type], "\(type)") }
  }

  @Test func eachTypeOnItsOwn() throws {
    // One triad of each shape with three linked actors, as Holland & Leinhardt draw them (012
    // and 102 need an actor without links, which is not a node: see fourActorsByHand).
    let shapes: [(TriadType, [(String, String)])] = [
      (.t021D, [("B", "A"), ("B", "C")]), (.t021U, [("A", "B"), ("C", "B")]),
      (.t021C, [("A", "B"), ("B", "C")]), (.t111D, [("A", "B"), ("B", "A"), ("C", "B")]),
      (.t111U, [("A", "B"), ("B", "A"), ("B", "C")]),
      (.t030T, [("A", "B"), ("B", "C"), ("A", "C")]),
      (.t030C, [("A", "B"), ("B", "C"), ("C", "A")]),
      (.t201, [("A", "B"), ("B", "A"), ("B", "C"), ("C", "B")]),
      (.t120D, [("B", "A"), ("B", "C"), ("A", "C"), ("C", "A")]),
      (.t120U, [("A", "B"), ("C", "B"), ("A", "C"), ("C", "A")]),
      (.t120C, [("A", "B"), ("B", "C"), ("A", "C"), ("C", "A")]),
      (.t210, [("A", "B"), ("B", "C"), ("C", "B"), ("A", "C"), ("C", "A")]),
      (.t300, [("A", "B"), ("B", "A"), ("B", "C"), ("C", "B"), ("A", "C"), ("C", "A")]),
    ]
    for (type, links) in shapes {
      let s = try Self.census(links.map { ($0.0, $0.1, 1) })
      #expect(TriadType.allCases.filter { s.triads[$0] > 0 } == [type], "\(type)")
      #expect(s.triads[type] == 1)
    }
  }

  // MARK: Against networkx

  /// Prints networkx's triadic census of the "tail head" lines it reads, one "name count" per
  /// line; the graph has exactly the nodes that appear in a line.
  static let networkxCensus = """
    import sys, networkx as nx
    g = nx.DiGraph()
    g.add_edges_from(line.split() for line in sys.stdin.read().splitlines() if line.strip())
    for name, count in nx.triadic_census(g).items():
        print(name, count)
    """

  @Test(arguments: [(12, 0.3), (40, 0.1), (120, 0.03), (300, 0.01), (300, 0.05)])
  func triadicCensusAgreesWithNetworkx(size: Int, density: Double) throws {
    var random = SplitMix64(seed: UInt64(size) &* 31 &+ UInt64(density * 1000))
    var triples: [(String, String, Int?)] = []
    for i in 0..<size {
      for j in 0..<size where i != j && Double(random.next() % 100_000) / 100_000 < density {
        triples.append(("N\(i)", "N\(j)", 1))
      }
    }
    // A hub linked to a third of the others both ways, as in an expulsion wave.
    for j in stride(from: 1, to: size, by: 3) {
      triples.append(("N0", "N\(j)", 1))
      triples.append(("N\(j)", "N0", 1))
    }
    let ours = try Self.census(triples)
    let lines = triples.map { "\($0.0) \($0.1)" }.joined(separator: "\n")
    let output = try PythonTools.run(Self.networkxCensus, stdin: Array(lines.utf8))
    var theirs: [String: Int] = [:]
    for line in output.split(separator: "\n") {
      let parts = line.split(separator: " ")
      theirs[String(parts[0])] = Int(parts[1])
    }
    #expect(theirs.count == 16)
    for type in TriadType.allCases {
      #expect(ours.triads[type] == theirs[type.rawValue], "\(type.rawValue)")
    }
  }

  // MARK: Properties

  static let edges = zip(Gen.int(in: 0...6), Gen.int(in: 0...6), Gen.int(in: 0...4).optional)
    .array(of: 0...40)

  static func names(_ count: Int) -> [String] { (0..<count).map { "A\($0)" } }

  @Test func censusesSumToTheNumberOfPairsAndTriples() async {
    await propertyCheck(input: Self.edges) { edges in
      let s = try Self.census(randomTriples(edges, names: Self.names(7)))
      let n = s.actors
      #expect(s.triads.counts.reduce(0, +) == n * (n - 1) * (n - 2) / 6)
      #expect(s.dyads.mutual + s.dyads.asymmetric + s.dyads.null == n * (n - 1) / 2)
      #expect(s.triads.counts.allSatisfy { $0 >= 0 })
      #expect(2 * s.dyads.mutual + s.dyads.asymmetric == s.links)
    }
  }

  @Test func triadsAgreeWithABruteForceCount() async {
    // Every triple classified from its own dyads (M, A, N), the 16 types summed by that key.
    await propertyCheck(input: Self.edges) { edges in
      let s = try Self.census(randomTriples(edges, names: Self.names(7)))
      var link = Set<[Int]>()
      for (i, j, _) in edges where i != j { link.insert([i, j]) }
      let actors = Set(link.flatMap { $0 }).sorted()
      var byKey: [String: Int] = [:]
      for a in actors.indices {
        for b in actors.indices where b > a {
          for c in actors.indices where c > b {
            var m = 0
            var x = 0
            for (p, q) in [(a, b), (a, c), (b, c)] {
              let there = link.contains([actors[p], actors[q]])
              let back = link.contains([actors[q], actors[p]])
              if there && back { m += 1 } else if there || back { x += 1 }
            }
            byKey["\(m)\(x)\(3 - m - x)", default: 0] += 1
          }
        }
      }
      var ours: [String: Int] = [:]
      for type in TriadType.allCases where s.triads[type] > 0 {
        ours[String(type.rawValue.prefix(3)), default: 0] += s.triads[type]
      }
      #expect(ours == byKey)
    }
  }

  @Test func relabellingChangesNothing() async {
    await propertyCheck(input: Self.edges, Gen.shuffled(Self.names(7))) { edges, names in
      let original = try Self.census(randomTriples(edges, names: Self.names(7)))
      let relabelled = try Self.census(randomTriples(edges, names: names))
      #expect(original == relabelled)
    }
  }

  @Test func aFullyReciprocalGraphIsNeverBelowChance() async {
    await propertyCheck(input: Self.edges) { edges in
      let mirrored = edges + edges.map { ($0.1, $0.0, $0.2) }
      let s = try Significance(
        network(randomTriples(mirrored, names: Self.names(7))),
        options: SignificanceOptions(samples: 20, seed: 1))
      #expect(s.reciprocatedLinks == s.links)
      if let z = s.binaryConfigurationModel?.z { #expect(z >= 0) }
      if let z = s.edgeSwaps?.z { #expect(z >= 0) }
      #expect(s.edgeSwaps?.pAtMost == 1)
    }
  }
}
