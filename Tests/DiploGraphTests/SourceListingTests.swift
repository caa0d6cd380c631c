import Foundation
import TestSupport
import Testing

@testable import DiploGraph

/// The sources listed by ``SourceAnalysis`` (``SourceListing``): every source up to
/// ``SourceListing/automaticLimit``, else those that report the most, each summary checked
/// against a quadratic oracle that reads every action for every source.
@Suite struct SourceListingTests {
  /// What the oracle finds for one source: the selected actions (self-loops left out) whose
  /// list names it, their summed counts, those without a count, their acting actors.
  struct Expected: Equatable {
    var actions = 0
    var diplomats: Int64 = 0
    var withoutCount = 0
    var actors: [ActorID] = []
  }

  static func oracle(_ data: DataSet, _ source: SourceID) -> Expected {
    var e = Expected()
    var actors = Set<ActorID>()
    for action in data.actions where action.actor != action.target {
      guard action.sources.contains(source) else { continue }
      e.actions += 1
      if let c = action.count { e.diplomats += Int64(c) } else { e.withoutCount += 1 }
      actors.insert(action.actor)
    }
    e.actors = actors.sorted()
    return e
  }

  /// `rows` actions among 12 actors, each naming 0 to 3 of `sources` sources (now and then one
  /// twice), some without a count, some self-loops; the first `declared` sources declared.
  static func data(rows: Int, sources: Int, declared: Int, seed: UInt64) -> DataSet {
    var rng = SplitMix64(seed: seed)
    var edges: [Edge] = []
    for _ in 0..<rows {
      let a = Int.random(in: 0..<12, using: &rng)
      let b = Int.random(in: 0..<12, using: &rng)
      var list = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
        "s\(Int.random(in: 0..<sources, using: &rng))"
      }
      if let first = list.first, Int.random(in: 0..<10, using: &rng) == 0 { list.append(first) }
      let count = Int.random(in: 0..<5, using: &rng) == 0 ? nil : Int.random(in: 0...9, using: &rng)
      edges.append(Edge("A\(a)", "A\(b)", count, sources: list))
    }
    let declaredIDs = (0..<declared).map { "s\(sources - 1 - $0)" }
    return dataSet(edges, sources: declaredIDs)
  }

  /// Full listings agree with the oracle source by source, in the order of the sources
  /// (declared first, then by id).
  @Test(arguments: [(40, 5, 0), (300, 60, 3), (2_000, 900, 10)])
  func everySourceAsTheOracleCountsIt(rows: Int, sources: Int, declared: Int) throws {
    let data = Self.data(rows: rows, sources: sources, declared: declared, seed: UInt64(rows))
    let analysis = try SourceAnalysis(Network(data), listing: .full)
    #expect(analysis.unlistedSources == 0)
    let declaredIDs = data.sources.map(\.id)
    var named = Set(data.actions.flatMap(\.sources)).subtracting(declaredIDs)
    named.subtract(declaredIDs)
    #expect(analysis.sources.map(\.id) == declaredIDs + named.sorted())
    for summary in analysis.sources {
      let found = Expected(
        actions: summary.actions, diplomats: summary.diplomats,
        withoutCount: summary.actionsWithoutCount, actors: summary.actors)
      #expect(found == Self.oracle(data, summary.id), "source \(summary.id)")
      #expect(summary.declared == declaredIDs.contains(summary.id))
    }
  }

  /// top:N keeps the N that report the most actions, ties in the listing's order, listed in
  /// that order; every field as in the full listing.
  @Test(arguments: [0, 1, 7, 59, 60, 500])
  func theTopNAreThoseThatReportTheMost(n: Int) throws {
    let data = Self.data(rows: 300, sources: 60, declared: 3, seed: 11)
    let network = try Network(data)
    let full = try SourceAnalysis(network, listing: .full)
    let top = try SourceAnalysis(network, listing: .top(n))
    let order = Dictionary(uniqueKeysWithValues: full.sources.enumerated().map { ($1.id, $0) })
    let ranked = full.sources.sorted {
      $0.actions != $1.actions ? $0.actions > $1.actions : order[$0.id]! < order[$1.id]!
    }
    let expected = ranked.prefix(n).sorted { order[$0.id]! < order[$1.id]! }
    #expect(top.sources == expected)
    #expect(top.unlistedSources == full.sources.count - expected.count)
    #expect(top.sourceCount == full.sourceCount)
    // Everything else is the same.
    #expect(top.omissions == full.omissions && top.omittingSources == full.omittingSources)
    #expect(top.unsourcedActions == full.unsourcedActions)
  }

  /// By hand: 1,500 sources, source sK on K mod 3 + 1 actions (s2, s5, … report 3 each).
  /// Automatic lists the 1,000 that report the most: the 500 with 3, the 500 with 2.
  @Test func automaticListsAThousandOfMany() throws {
    var edges: [Edge] = []
    for k in 0..<1_500 {
      for _ in 0...(k % 3) { edges.append(Edge("A", "B", 1, sources: ["s\(k)"])) }
    }
    let analysis = try SourceAnalysis(Network(dataSet(edges)))
    #expect(analysis.sources.count == SourceListing.automaticLimit)
    #expect(analysis.unlistedSources == 500 && analysis.sourceCount == 1_500)
    #expect(analysis.sources.allSatisfy { $0.actions >= 2 })
    #expect(analysis.sources.filter { $0.actions == 3 }.count == 500)
    let ids = analysis.sources.map(\.id.rawValue)
    #expect(ids == ids.sorted())
    // Few sources (the first ten actions: s0…s4 on 1 + 2 + 3 + 1 + 2, s5 on one): all listed.
    let few = try SourceAnalysis(Network(dataSet(Array(edges.prefix(10)))))
    #expect(few.unlistedSources == 0 && few.sources.count == 6)
  }

  /// The JSON names `unlistedSources` only when sources were left out, and reads back.
  @Test func unlistedSourcesIsWrittenOnlyWhenSomeAreLeftOut() throws {
    let data = Self.data(rows: 100, sources: 20, declared: 2, seed: 5)
    for listing in [SourceListing.full, .top(3)] {
      let analysis = try SourceAnalysis(Network(data), listing: listing)
      let bytes = try JSONEncoder().encode(analysis)
      let text = String(decoding: bytes, as: UTF8.self)
      #expect(text.contains("unlistedSources") == (listing != .full))
      #expect(try JSONDecoder().decode(SourceAnalysis.self, from: bytes) == analysis)
    }
  }

  @Test func listingCounts() {
    #expect(SourceListing.full.count(of: 5_000) == 5_000)
    #expect(SourceListing.automatic.count(of: 999) == 999)
    #expect(SourceListing.automatic.count(of: 5_000) == 1_000)
    #expect(SourceListing.top(3).count(of: 2) == 2)
    #expect(SourceListing.top(-1).count(of: 2) == 0)
  }

  /// The one pass by source list and actor (few lists) and the passes by action (many lists:
  /// event data's one URL per event) count alike, the listed sources' actors and the
  /// omissions included.
  @Test(arguments: [(40, 5, 0), (300, 60, 3), (2_000, 900, 10)])
  func theCellsCountAsTheActionsDo(rows: Int, sources: Int, declared: Int) throws {
    let data = Self.data(rows: rows, sources: sources, declared: declared, seed: UInt64(rows))
    let network = try Network(data)
    let m = data.actions.sourceSymbols.count
    let byCells = try SourceCounts(network, sources: m)
    let byActions = try SourceCounts(network, sources: m, cellLimit: 0)
    #expect(byCells.actions == byActions.actions)
    #expect(byCells.diplomats == byActions.diplomats)
    #expect(byCells.withoutCount == byActions.withoutCount)
    #expect(byCells.unsourced == byActions.unsourced)
    #expect(byCells.sourcedActions == byActions.sourcedActions)
    #expect(byCells.sourcedWeight == byActions.sourcedWeight)
    #expect(byCells.sourcedTotal == byActions.sourcedTotal)
    #expect(byCells.actions.reduce(0, +) > 0)
    let every = Array(0..<m)
    let cellDetail = byCells.detail(network, listed: every, itemised: every)
    let actionDetail = byActions.detail(network, listed: every, itemised: every)
    #expect(cellDetail.actors == actionDetail.actors)
    #expect(cellDetail.omitted == actionDetail.omitted)
    #expect(cellDetail.omitted.contains { !$0.isEmpty })
  }
}
