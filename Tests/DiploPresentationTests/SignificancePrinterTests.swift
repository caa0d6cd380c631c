import Foundation
import TestSupport
import Testing

@testable import DiploGraph
@_spi(Testing) @testable import DiploPresentation

/// The significance section of `stats` and the reports' sentence: present in every format, the
/// same bytes for the same seed on any number of threads, and worded by the figures.
@Suite struct SignificancePrinterTests {
  /// Synthetic events (300 actions among 30 actors in overlapping blocs, where the degrees
  /// leave the DBCM freedom) with `samples` Monte Carlo samples on `threads` threads.
  static func statistics(samples: Int, seed: UInt64 = 7, threads: Int? = nil) throws
    -> Statistics
  {
    let events = SyntheticEvents(actions: 300, actors: 30, seed: 5)
    return try Statistics(
      CSVFormat.read(actions: events.actionsCSV(), actors: events.actorsCSV()).dataSet,
      options: AnalysisOptions(
        significance: SignificanceOptions(samples: samples, seed: seed, threads: threads)))
  }

  @Test func theSameSeedGivesTheSameBytesOnAnyNumberOfThreads() throws {
    var outputs: Set<String> = []
    for threads in [1, 2, 8] {
      let statistics = try Self.statistics(samples: 40, threads: threads)
      outputs.insert(
        StatisticsFormat.allCases.map { StatisticsPrinter.render(statistics, as: $0) }
          .joined())
    }
    #expect(outputs.count == 1)
    let other = try Self.statistics(samples: 40, seed: 8)
    #expect(!outputs.contains(StatisticsPrinter.render(other, as: .json)))
  }

  @Test func jsonWithSamplesFollowsTheSchema() throws {
    let schema = try StatisticsPrinterTests.schema("stats.schema.json")
    for samples in [0, 20] {
      let statistics = try Self.statistics(samples: samples)
      let json = StatisticsPrinter.render(statistics, as: .json)
      let problems = SchemaCheck(root: schema, files: ["stats.schema.json": schema])
        .problems(in: try StatisticsPrinterTests.parse(json))
      #expect(problems == [], "\(samples) samples")
      let object = try #require(try StatisticsPrinterTests.parse(json) as? [String: Any])
      let significance = try #require(object["significance"] as? [String: Any])
      #expect((significance["edgeSwaps"] is NSNull) == (samples == 0))
      #expect((significance["blocCohesion"] is NSNull) == (samples == 0))
    }
  }

  @Test func everyFormatCarriesTheSection() throws {
    let statistics = try Self.statistics(samples: 20)
    let csv = StatisticsPrinter.render(statistics, as: .csv)
    let sections = Set(csv.split(separator: "\n").compactMap { $0.split(separator: ",").first })
    for name in ["significance", "significance_swaps", "dyad_census", "triad_census"] {
      #expect(sections.contains(Substring(name)), "\(name)")
    }
    // One row per model, DBCM first; the swap null's row carries its p-values.
    let rows = csv.split(separator: "\n").filter { $0.hasPrefix("significance,") }
    #expect(rows.count == 4)
    #expect(rows[0].hasPrefix("significance,dbcm,L↔,"))
    #expect(rows[1].hasPrefix("significance,edge_swaps,L↔,"))
    #expect(csv.contains("\nsignificance_swaps,seed,7\n"))
    let triads = csv.split(separator: "\n").filter { $0.hasPrefix("triad_census,") }
    #expect(triads.count == 16)
    let text = StatisticsPrinter.render(statistics, as: .table)
    #expect(text.contains("Reciprocity against null models"))
    #expect(text.contains("against the DBCM"))
    #expect(text.contains("swapped graphs (degrees kept exactly; seed 7)"))
    let markdown = StatisticsPrinter.render(statistics, as: .markdown)
    #expect(markdown.contains("## Triad census"))
    #expect(markdown.contains("| 030T |"))
    #expect(sections.contains("bloc_cohesion"))
  }

  @Test func aStarWhoseDegreesForceEverythingSaysSo() throws {
    // The 2018 wave: every link's presence is forced by the degrees (a star around Russia).
    let statistics = try Statistics(
      Fixtures.skripal2018(),
      options: AnalysisOptions(significance: SignificanceOptions(samples: 30)))
    let s = try #require(statistics.significance)
    #expect(s.binaryConfigurationModel?.z == nil)
    #expect(s.binaryConfigurationModel?.fit?.freePairs == 0)
    #expect(s.edgeSwaps?.standardDeviation == 0)
    let text = StatisticsPrinter.render(statistics, as: .table)
    #expect(text.contains("L↔ = 50: what the degrees force, the DBCM leaves it no freedom"))
    #expect(text.contains("every one of the 30 swapped graphs has it (degrees kept exactly"))
    #expect(Wording.significanceSentence(s)?.contains("admits no other pattern") == true)
  }

  @Test func largeSelectionsComputeItOnlyWhenAskedFor() throws {
    let events = SyntheticEvents(actions: 6_000, actors: 1_500, seed: 5)
    let data = try CSVFormat.read(actions: events.actionsCSV(), actors: events.actorsCSV())
      .dataSet
    let automatic = try Statistics(data)
    try #require(automatic.reciprocity.nodes > Statistics.automaticSignificanceLimit)
    #expect(automatic.significance == nil)
    let json = StatisticsPrinter.render(automatic, as: .json)
    #expect(json.contains("\n  \"significance\": null\n"))
    let schema = try StatisticsPrinterTests.schema("stats.schema.json")
    let problems = SchemaCheck(root: schema, files: ["stats.schema.json": schema])
      .problems(in: try StatisticsPrinterTests.parse(json))
    #expect(problems == [])
    #expect(StatisticsPrinter.render(automatic, as: .table).contains("Significance  not computed"))
    let asked = try Statistics(data, options: AnalysisOptions(significance: SignificanceOptions()))
    #expect(asked.significance?.actors == automatic.reciprocity.nodes)
  }

  @Test func theCensusesSumToTheirTotals() throws {
    let s = try #require(try Self.statistics(samples: 0).significance)
    let n = s.actors
    #expect(s.dyads.mutual + s.dyads.asymmetric + s.dyads.null == n * (n - 1) / 2)
    #expect(s.triads.counts.reduce(0, +) == n * (n - 1) * (n - 2) / 6)
  }

  @Test func theSentenceFollowsTheFigures() throws {
    var s = try #require(try Self.statistics(samples: 0).significance)
    let dbcm = try #require(s.binaryConfigurationModel)
    let z = try #require(dbcm.z)
    let sentence = try #require(Wording.significanceSentence(s))
    #expect(sentence.hasPrefix("Reciprocity is "))
    #expect(sentence.contains("z = \(NumberText.fixed(z, decimals: 1)) against random graphs"))
    if let wcm = s.weightedConfigurationModel?.z {
      #expect(
        sentence.contains(
          "By weight, the matched diplomats are ")
          && sentence.contains("z = \(NumberText.fixed(wcm, decimals: 1)) against random counts"))
    }
    s.weightedConfigurationModel = nil
    s.edgeSwaps = EdgeSwapTest(
      samples: 1_000, seed: 0, attemptsPerLink: 10, acceptance: 0.5, observed: 40, mean: 20,
      standardDeviation: 2, z: 10, pAtLeast: 1 / 1_001, pAtMost: 1)
    #expect(
      Wording.significanceSentence(s)
        == "Reciprocity is far above what each actor's activity alone would give: z = 10.0, "
        + "p < 0.001 over 1,000 rewired graphs that keep every actor's links in and out.")
    s.edgeSwaps?.z = -2.5
    s.edgeSwaps?.pAtLeast = 0.5
    #expect(Wording.significanceSentence(s)?.contains("is below what") == true)
    #expect(Wording.significanceSentence(s)?.contains("p = 0.500 over") == true)
    s.edgeSwaps?.z = 0.4
    #expect(Wording.significanceSentence(s)?.contains("is about what") == true)
    s.edgeSwaps?.z = nil
    #expect(
      Wording.significanceSentence(s)?.contains("is exactly what each actor's activity") == true)
    s.links = 0
    #expect(Wording.significanceSentence(s) == nil)
  }
}
