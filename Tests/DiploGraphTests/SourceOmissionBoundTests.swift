import TestSupport
import Testing

@testable import DiploGraph

/// Omissions are itemised for at most ``SourceAnalysis/omissionsListed`` sources, those that
/// report the most actions; ``SourceAnalysis/omittingSources`` counts every one.
@Suite struct SourceOmissionBoundTests {
  /// Sources s0…s149: action a of A against B lists sa…s149, so source sN reports N + 1 of the
  /// 150 and omits 149 − N of them. One action of C against D that only s0 reports: every
  /// other source omits C. Undeclared, the sources are in the order of their ids as text.
  static func data() -> DataSet {
    var edges: [Edge] = []
    for a in 0..<150 {
      edges.append(Edge("A", "B", 1, sources: (a..<150).map { "s\($0)" }))
    }
    edges.append(Edge("C", "D", 2, sources: ["s0"]))
    return dataSet(edges)
  }

  @Test func theSourcesReportingTheMostAreItemised() throws {
    let analysis = try SourceAnalysis(Network(Self.data()))
    // Every source omits something: s0 omits 149 actions of A, the others C's one at least.
    #expect(analysis.omittingSources == 150)
    #expect(analysis.omissions.count == SourceAnalysis.omissionsListed)
    // The 100 that report the most: s50…s149 report 51…150 actions of A (s0 reports 2);
    // listed in the order of the sources (ids as text: s100 before s50).
    let listed = analysis.omissions.map(\.source.rawValue)
    #expect(Set(listed) == Set((50..<150).map { "s\($0)" }))
    #expect(listed == listed.sorted())
    // s149 reports every action of A: it omits C's only, 1 action of 2 diplomats.
    let last = try #require(analysis.omissions.first { $0.source.rawValue == "s149" })
    #expect(last.actions == 1 && last.weight == 2 && last.actors.map(\.actor) == ["C"])
    // s50 reports 51 of A's 150: 99 left out, and C's.
    let s50 = try #require(analysis.omissions.first { $0.source.rawValue == "s50" })
    #expect(s50.actors.map(\.actions) == [99, 1])
  }

  @Test func fewSourcesAreAllItemised() throws {
    var edges: [Edge] = []
    for a in 0..<3 { edges.append(Edge("A", "B", 1, sources: (a..<3).map { "s\($0)" })) }
    let analysis = try SourceAnalysis(Network(dataSet(edges)))
    // Action a lists sa…s2: s2 reports all three, s1 two, s0 one; s0 and s1 omit something.
    #expect(analysis.omittingSources == 2)
    #expect(analysis.omissions.map(\.source.rawValue) == ["s0", "s1"])
  }
}
