import DiploGraph
import TestSupport
import Testing

@Suite struct StatisticsTests {
  @Test func entryPointAgreesWithEachAnalysis() throws {
    let data = dataSet(
      ResponsesTests.episode, blocs: [("EU", ["FRA", "DEU", "BEL"]), ("NONEU", ["UKR", "MNE"])])
    let options = AnalysisOptions(responses: ResponseOptions(windowDays: 10), blocs: ["NONEU"])
    let stats = try Statistics(data, options: options)
    let net = try Network(data)
    #expect(stats.reciprocity == (try Reciprocity(net)))
    #expect(stats.actors == ActorStrength.table(of: net))
    #expect(Array(stats.dyads) == Dyad.table(of: net))
    #expect(stats.responses == (try ResponseAnalysis(net, options: options.responses)))
    #expect(stats.blocs == (try BlocAnalysis(net, blocs: ["NONEU"])))
    #expect(stats.sources == (try SourceAnalysis(net)))
    #expect(stats.version == Statistics.currentVersion && stats.title == "test")
  }

  @Test func overview() throws {
    let stats = try Statistics(dataSet(ResponsesTests.episode))
    let o = stats.overview
    // 22 actions, one a self-loop; rows 16 and 17 have no count; row 19 no date.
    #expect(o.actions == 21 && o.selfLoopsExcluded == 1)
    #expect(o.actionsWithoutCount == 2 && o.undatedActions == 1)
    #expect(o.firstDate == Day(iso: "2018-03-14") && o.lastDate == Day(iso: "2018-05-10"))
    // 11 actors declared, in order of appearance, and every one has a link.
    #expect(o.declaredActors == 11 && o.actors == 11)
    #expect(o.links == stats.reciprocity.links && o.totalWeight == stats.reciprocity.totalWeight)
  }

  @Test func oneActorActingOnItself() throws {
    let stats = try Statistics(dataSet([("A", "A", 3), ("A", "A", nil)]))
    #expect(stats.overview.actions == 0 && stats.overview.selfLoopsExcluded == 2)
    #expect(stats.overview.actors == 0 && stats.overview.declaredActors == 1)
    #expect(stats.reciprocity.binary == nil && stats.reciprocity.weighted == nil)
    #expect(stats.actors.isEmpty && stats.dyads.isEmpty)
    #expect(stats.responses!.exchanges.isEmpty && stats.responses!.unmatchedAnswers.isEmpty)
    #expect(stats.blocs!.totalWeight == 0 && stats.blocs!.partition.status == .partition)
    #expect(stats.sources!.unsourcedActions == 0)
    #expect(stats.overview.firstDate == nil)
  }

  @Test func invalidOptionsThrow() throws {
    let data = dataSet(ResponsesTests.episode)
    #expect(throws: DiploGraphError.self) {
      try Statistics(data, options: AnalysisOptions(blocs: ["NOPE"]))
    }
    #expect(throws: DiploGraphError.self) {
      try Statistics(data, options: AnalysisOptions(responses: ResponseOptions(windowDays: -3)))
    }
  }

  @Test func overflowIsAnErrorNotATrap() throws {
    // Two actions whose counts sum past 2^63 − 1.
    let data = dataSet([("A", "B", Int.max), ("B", "A", 1), ("A", "C", 1)])
    let stats = try Statistics(
      dataSet([("A", "B", Int.max / 2), ("B", "A", Int.max / 2), ("A", "C", 1)]))
    // Just below the limit everything still adds up exactly.
    #expect(stats.reciprocity.totalWeight == Int64(Int.max / 2) * 2 + 1)
    #expect(throws: DiploGraphError.self) {
      try Statistics(dataSet([("A", "B", Int.max), ("A", "B", 1)]))
    }
    #expect(throws: DiploGraphError.self) { try Statistics(data) }
  }

  @Test func selectionRestrictsEveryAnalysis() throws {
    let data = dataSet(ResponsesTests.episode)
    let stats = try Statistics(data, selection: Selection(kinds: [.retaliation]))
    // Only Russia's five retaliations: 23 + 60 + 13 + 2 + 1 = 99 diplomats, no link back.
    #expect(stats.overview.actions == 5 && stats.overview.totalWeight == 99)
    #expect(stats.reciprocity.binary == 0)
    // Retaliations are answers by kind; their originals are outside the selection, so no
    // exchange is shown, but answers are looked for in the whole data set: three of the five
    // answer an original there and are accounted for; the other two (one names an unknown
    // action) answer none.
    #expect(stats.responses!.exchanges.isEmpty)
    #expect(stats.responses!.unmatchedAnswers.count == 2)
    #expect(Set(stats.responses!.unresolvedReferences.map(\.reason)) == [.unknownAction])
  }
}
