import TestSupport
import Testing

@testable import DiploGraph

/// The triad census's two methods, the merge of neighbourhoods and the rows of bits, against
/// each other and against every triple classified one by one, on graphs that cross the words
/// of 64 actors and span sparse to complete.
@Suite struct TriadCensusMethodTests {
  /// A random graph on `n` actors, each ordered pair linked with probability `density`.
  static func triples(actors n: Int, density: Double, seed: UInt64) -> [(String, String, Int?)] {
    var random = SplitMix64(seed: seed)
    var triples: [(String, String, Int?)] = []
    for i in 0..<n {
      for j in 0..<n where i != j && Double(random.next() % 1_000_000) / 1_000_000 < density {
        triples.append(("N\(i)", "N\(j)", 1))
      }
    }
    // Every actor a node: a link from the first to each actor left without one.
    let named = Set(triples.flatMap { [$0.0, $0.1] })
    for i in 1..<n where !named.contains("N\(i)") { triples.append(("N0", "N\(i)", 1)) }
    return triples
  }

  /// Every triple of actors typed from its six arcs.
  static func bruteForce(_ graph: SignificanceGraph) -> [Int] {
    let n = graph.actors.count
    var arc = Set<Int>()
    for k in graph.tail.indices { arc.insert(Int(graph.tail[k]) * n + Int(graph.head[k])) }
    func has(_ x: Int, _ y: Int) -> Int { arc.contains(x * n + y) ? 1 : 0 }
    var counts = [Int](repeating: 0, count: 16)
    for v in 0..<n {
      for u in v + 1..<n {
        for w in u + 1..<n {
          let code =
            has(v, u) | has(u, v) << 1 | has(v, w) << 2 | has(w, v) << 3 | has(u, w) << 4
            | has(w, u) << 5
          counts[TriadType.allCases.firstIndex(of: TriadType.ofCode[code])!] += 1
        }
      }
    }
    return counts
  }

  @Test(arguments: [3, 5, 63, 64, 65, 129])
  func bothMethodsCountEveryTripleOnce(actors: Int) throws {
    for (d, density) in [0.0, 0.03, 0.3, 0.7, 1.0].enumerated() {
      let triples = Self.triples(
        actors: actors, density: density, seed: UInt64(actors * 10 + d))
      let graph = SignificanceGraph(try network(triples))
      let expected = Self.bruteForce(graph)
      #expect(graph.triadCensus(method: .merge).counts == expected, "merge, density \(density)")
      #expect(
        graph.triadCensus(method: .bitsets).counts == expected, "bitsets, density \(density)")
    }
  }

  @Test func bothMethodsAgreeOnLargerGraphs() throws {
    for (n, density) in [(200, 0.9), (300, 0.05), (500, 0.2)] {
      let graph = SignificanceGraph(
        try network(Self.triples(actors: n, density: density, seed: UInt64(n))))
      let merge = graph.triadCensus(method: .merge)
      #expect(graph.triadCensus(method: .bitsets) == merge, "\(n) actors, density \(density)")
      #expect(merge.counts.reduce(0, +) == n * (n - 1) * (n - 2) / 6)
    }
  }

  @Test func theBitsAreChosenForDenseGraphsOfFewActors() {
    #expect(TriadCensus.Method.quicker(actors: 200, links: 39_000) == .bitsets)
    #expect(TriadCensus.Method.quicker(actors: 200, links: 400) == .merge)
    #expect(TriadCensus.Method.quicker(actors: 5_000, links: 20_000_000) == .merge)
    #expect(TriadCensus.Method.quicker(actors: 2, links: 2) == .merge)
  }
}
