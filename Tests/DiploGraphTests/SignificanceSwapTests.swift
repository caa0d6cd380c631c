import DiploGraph
import Foundation
import TestSupport
import Testing

/// The swap null: its moves reach every graph with the degrees (checked by enumeration), its
/// samples follow the uniform distribution over them (checked against exact enumeration), its
/// results repeat bit for bit, and they agree with networkx's `directed_edge_swap`.
@Suite struct SignificanceSwapTests {
  // MARK: The graphs with given degrees, by brute force

  /// A graph on n ≤ 5 actors as a bit mask: bit i·n + j is the link i→j (i ≠ j).
  struct SmallGraph {
    var n: Int
    var mask: Int
    func has(_ i: Int, _ j: Int) -> Bool { mask >> (i * n + j) & 1 == 1 }
    var links: [(Int, Int)] {
      (0..<n).flatMap { i in (0..<n).filter { j in j != i && has(i, j) }.map { (i, $0) } }
    }
    /// The out- and in-degrees, packed in base 8.
    var degrees: Int {
      var key = 0
      for i in 0..<n {
        var out = 0
        var into = 0
        for j in 0..<n {
          out += mask >> (i * n + j) & 1
          into += mask >> (j * n + i) & 1
        }
        key = key * 64 + out * 8 + into
      }
      return key
    }
    var reciprocated: Int { links.filter { has($0.1, $0.0) }.count }
  }

  /// Every graph on n actors without self-loops, by degree sequence.
  static func graphsByDegrees(_ n: Int) -> [Int: [Int]] {
    let free = (0..<(n * n)).filter { $0 / n != $0 % n }
    var classes: [Int: [Int]] = [:]
    for bits in 0..<(1 << free.count) {
      var mask = 0
      for (k, bit) in free.enumerated() where bits >> k & 1 == 1 { mask |= 1 << bit }
      classes[SmallGraph(n: n, mask: mask).degrees, default: []].append(mask)
    }
    return classes
  }

  static let fourActors = graphsByDegrees(4)
  static let fiveActors = graphsByDegrees(5)

  /// The graphs reached from `graph` by single moves: double swaps (a→b, c→d ⇒ a→d, c→b) and,
  /// when `threeLink`, three-link moves (a→b, b→c, c→d ⇒ a→c, c→b, b→d), as the documentation
  /// of `EdgeSwapTest` defines them, written again from that definition.
  static func moves(_ g: SmallGraph, threeLink: Bool) -> [Int] {
    var result: [Int] = []
    func bit(_ i: Int, _ j: Int) -> Int { 1 << (i * g.n + j) }
    for (a, b) in g.links {
      for (c, d) in g.links where a != c && b != d && a != d && c != b {
        if !g.has(a, d) && !g.has(c, b) {
          result.append(g.mask ^ bit(a, b) ^ bit(c, d) ^ bit(a, d) ^ bit(c, b))
        }
      }
      guard threeLink else { continue }
      for c in 0..<g.n where g.has(b, c) {
        for d in 0..<g.n where g.has(c, d) && a != c && b != d {
          if !g.has(a, c) && !g.has(c, b) && !g.has(b, d) {
            result.append(
              g.mask ^ bit(a, b) ^ bit(b, c) ^ bit(c, d) ^ bit(a, c) ^ bit(c, b) ^ bit(b, d))
          }
        }
      }
    }
    return result
  }

  @Test func movesReachEveryGraphWithTheDegreesOfFourActors() {
    // All 4,096 graphs on four actors, by degree sequence; from one graph of each sequence,
    // the moves must reach all of them.
    var doubleSwapsAlone = 0
    for (_, members) in Self.fourActors {
      #expect(Self.reached(from: members[0], n: 4, threeLink: true) == Set(members))
      if Self.reached(from: members[0], n: 4, threeLink: false) != Set(members) {
        doubleSwapsAlone += 1
      }
    }
    // Without the three-link moves some sequences split (the directed triangles and their
    // reverses are the smallest case).
    #expect(doubleSwapsAlone > 0)
  }

  @Test func movesReachEveryGraphWithTheDegreesOfFiveActorsSampled() {
    // Five actors: 2^20 graphs; the degree sequences of 60 of them, chosen at random.
    var random = SplitMix64(seed: 5)
    let sequences = Self.fiveActors.keys.sorted()
    for _ in 0..<60 {
      let members = Self.fiveActors[sequences[Int(random.next() % UInt64(sequences.count))]]!
      #expect(Self.reached(from: members[0], n: 5, threeLink: true) == Set(members))
    }
  }

  static func reached(from start: Int, n: Int, threeLink: Bool) -> Set<Int> {
    var seen: Set<Int> = [start]
    var queue = [start]
    while let mask = queue.popLast() {
      for next in moves(SmallGraph(n: n, mask: mask), threeLink: threeLink)
      where seen.insert(next).inserted {
        queue.append(next)
      }
    }
    return seen
  }

  // MARK: The sampler against the exact distribution

  static func names(_ i: Int) -> String { ["A", "B", "C", "D", "E"][i] }

  /// The bits of a five-actor mask that are not self-loops.
  static let noLoops5 = (0..<25).filter { $0 / 5 != $0 % 5 }.reduce(0) { $0 | 1 << $1 }

  static func swaps(_ g: SmallGraph, samples: Int, seed: UInt64 = 7) throws -> EdgeSwapTest {
    let triples = g.links.map { (names($0.0), names($0.1), Int?(1)) }
    let s = try Significance(
      network(triples), options: SignificanceOptions(samples: samples, seed: seed))
    return try #require(s.edgeSwaps)
  }

  /// The uniform distribution of L↔ over the graphs with the degrees of `g`: (mean, sd,
  /// P(L↔ ≥ observed)).
  static func exact(_ g: SmallGraph) -> (Double, Double, Double) {
    let members = (g.n == 4 ? fourActors : fiveActors)[g.degrees]!
    let values = members.map { Double(SmallGraph(n: g.n, mask: $0).reciprocated) }
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
    let above = Double(values.filter { $0 >= Double(g.reciprocated) }.count) / Double(values.count)
    return (mean, variance.squareRoot(), above)
  }

  @Test func twoMutualPairsAmongFourActors() throws {
    // Degrees (1, 1) everywhere: the 9 derangements of four actors, six 4-cycles (L↔ = 0) and
    // three pairs of mutual pairs (L↔ = 4). Uniform: E = 12/9 = 4/3, P(L↔ ≥ 4) = 1/3,
    // sd = √(48/9 − 16/9) = √(32/9).
    let g = SmallGraph(n: 4, mask: 0)
    var graph = g
    for (i, j) in [(0, 1), (1, 0), (2, 3), (3, 2)] { graph.mask |= 1 << (i * 4 + j) }
    let (mean, sd, above) = Self.exact(graph)
    #expect(approximatelyEqual(mean, 4.0 / 3) && approximatelyEqual(above, 1.0 / 3))
    #expect(approximatelyEqual(sd, (32.0 / 9).squareRoot()))
    let r = 4_000
    let test = try Self.swaps(graph, samples: r)
    // Four standard errors of a mean of r draws, and of a proportion.
    #expect(abs(test.mean - mean) <= 4 * sd / Double(r).squareRoot())
    #expect(abs(test.pAtLeast - above) <= 4 * (above * (1 - above) / Double(r)).squareRoot())
    #expect(abs(test.standardDeviation - sd) <= 4 * sd / (2 * Double(r)).squareRoot())
    #expect(test.observed == 4)
  }

  @Test func triangleReachesItsReverse() throws {
    // A→B→C→A: its only other realisation is A→C→B→A (L↔ = 0 for both); a chain that can
    // reverse it accepts moves.
    var g = SmallGraph(n: 3, mask: 0)
    for (i, j) in [(0, 1), (1, 2), (2, 0)] { g.mask |= 1 << (i * 3 + j) }
    let test = try Self.swaps(g, samples: 50)
    #expect(try #require(test.acceptance) > 0)
    #expect(test.mean == 0 && test.pAtLeast == 1)
  }

  @Test func randomSmallGraphsAgainstEnumeration() throws {
    // Graphs on five actors with 6 to 12 links; the sample mean within four standard errors of
    // the exact one, and the upper p-value within four standard errors of the exact tail.
    var random = SplitMix64(seed: 11)
    var checked = 0
    while checked < 6 {
      let g = SmallGraph(n: 5, mask: Int(random.next() % (1 << 25)) & Self.noLoops5)
      guard (6...12).contains(g.links.count) else { continue }
      checked += 1
      let (mean, sd, above) = Self.exact(g)
      let r = 2_000
      let test = try Self.swaps(g, samples: r, seed: UInt64(checked))
      #expect(abs(test.mean - mean) <= 4 * sd / Double(r).squareRoot() + 1e-12)
      let tail = (above * (1 - above) / Double(r)).squareRoot()
      #expect(abs(test.pAtLeast - above) <= 4 * tail + 2.0 / Double(r))
    }
  }

  // MARK: Determinism

  @Test func theSameSeedGivesTheSameBytesOnAnyNumberOfThreads() throws {
    let data = try Fixtures.skripal2018()
    let events = SyntheticEvents(actions: 400, actors: 30, seed: 3)
    let synthetic = try CSVFormat.read(actions: events.actionsCSV(), actors: events.actorsCSV())
      .dataSet
    for set in [data, synthetic] {
      let net = try Network(set)
      func run(threads: Int, seed: UInt64) throws -> Significance {
        try Significance(
          net, options: SignificanceOptions(samples: 200, seed: seed, threads: threads))
      }
      func bytes(_ s: Significance) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(s)
      }
      let one = try bytes(run(threads: 1, seed: 42))
      #expect(try bytes(run(threads: 1, seed: 42)) == one)
      #expect(try bytes(run(threads: 3, seed: 42)) == one)
      #expect(try bytes(run(threads: 8, seed: 42)) == one)
    }
    // Another seed, other samples (the 2018 graph has one realisation only, so use the other).
    let net = try Network(synthetic)
    let a = try Significance(net, options: SignificanceOptions(samples: 200, seed: 42))
    let b = try Significance(net, options: SignificanceOptions(samples: 200, seed: 43))
    #expect(a.edgeSwaps?.mean != b.edgeSwaps?.mean)
  }

  // MARK: Against networkx

  @Test func distributionAgreesWithNetworkx() throws {
    // Random graphs of 25 actors; networkx's directed_edge_swap (three-link moves, counting
    // only successful swaps, so its chain is not exactly uniform: a small bias, well inside the
    // tolerance at these sizes) against ours. Both means within four combined standard errors,
    // the standard deviations likewise.
    var random = SplitMix64(seed: 2024)
    for density in [0.08, 0.2] {
      var triples: [(String, String, Int?)] = []
      var lines: [String] = []
      for i in 0..<25 {
        for j in 0..<25 where i != j && Double(random.next() % 1000) / 1000 < density {
          triples.append(("N\(i)", "N\(j)", 1))
          lines.append("N\(i) N\(j)")
        }
      }
      let ours = try #require(
        try Significance(network(triples), options: SignificanceOptions(samples: 2_000, seed: 9))
          .edgeSwaps)
      // 150 samples of 5·L successful swaps each (networkx is slow: about 10 s in all).
      let output = try PythonTools.run(
        Self.networkxSwaps, arguments: ["150", String(5 * triples.count)],
        stdin: Array(lines.joined(separator: "\n").utf8))
      let values = output.split(separator: "\n").map { Double($0)! }
      let mean = values.reduce(0, +) / Double(values.count)
      let sd =
        (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1))
        .squareRoot()
      let error = (ours.standardDeviation * ours.standardDeviation / 2_000 + sd * sd / 150)
        .squareRoot()
      #expect(abs(ours.mean - mean) <= 4 * error)
      let sdError = (ours.standardDeviation * ours.standardDeviation / 4_000 + sd * sd / 300)
        .squareRoot()
      #expect(abs(ours.standardDeviation - sd) <= 4 * sdError)
    }
  }

  /// Reads "tail head" lines; prints L↔ of R independent runs of `nswap` swaps from the graph.
  static let networkxSwaps = """
    import sys, networkx as nx
    samples, nswap = int(sys.argv[1]), int(sys.argv[2])
    edges = [line.split() for line in sys.stdin.read().splitlines() if line.strip()]
    for s in range(samples):
        g = nx.DiGraph(edges)
        nx.directed_edge_swap(g, nswap=nswap, max_tries=100 * nswap, seed=s)
        print(sum(1 for u, v in g.edges if g.has_edge(v, u)))
    """
}
