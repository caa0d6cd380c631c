import Foundation
import TestSupport
import Testing

@_spi(Testing) @testable import DiploGraph

/// `AnalysisOptions.leftOut`: a section left out is `nil` and listed in `leftOut`, and every
/// other section is exactly what the whole analysis computes, on every path (the sections at
/// once or in turn, any thread count).
@Suite struct LeftOutSectionsTests {
  /// Every subset of the sections that can be left out.
  static let subsets: [Set<StatisticsSection>] = (0..<16).map { bits in
    Set(
      StatisticsSection.allCases.enumerated().filter { bits >> $0.offset & 1 == 1 }.map(\.element))
  }

  static func expectSameSections(
    _ part: Statistics, _ whole: Statistics, leftOut: Set<StatisticsSection>,
    _ comment: Comment
  ) {
    #expect(part.overview == whole.overview, comment)
    #expect(part.reciprocity == whole.reciprocity, comment)
    #expect(part.actors == whole.actors, comment)
    #expect(part.dyads == whole.dyads, comment)
    #expect(part.leftOut == StatisticsSection.allCases.filter(leftOut.contains), comment)
    #expect(part.responses == (leftOut.contains(.responses) ? nil : whole.responses), comment)
    #expect(part.blocs == (leftOut.contains(.blocs) ? nil : whole.blocs), comment)
    #expect(part.sources == (leftOut.contains(.sources) ? nil : whole.sources), comment)
    #expect(
      part.significance == (leftOut.contains(.significance) ? nil : whole.significance), comment)
  }

  @Test func everySubsetOfTheSkripalWave() throws {
    let data = try Fixtures.skripal2018()
    let network = try Network(data)
    let whole = try Statistics(network)
    // The wave has 33 actors with a link: the null models run without being asked for.
    #expect(whole.significance != nil && whole.responses != nil && whole.leftOut.isEmpty)
    #expect(whole.responses?.exchanges.isEmpty == false)
    for leftOut in Self.subsets {
      let part = try Statistics(network, options: AnalysisOptions(leftOut: leftOut))
      Self.expectSameSections(part, whole, leftOut: leftOut, "\(leftOut.sorted())")
    }
  }

  @Test func generatedDataAtOnceOnSeveralThreads() throws {
    let events = SyntheticEvents(actions: 3_000, actors: 60, seed: 5)
    let data = try CSVFormat.read(
      actions: CSVInput(bytes: events.actionsCSV()), actionsSource: .bytes(events.actionsCSV()),
      actionsFile: "actions.csv",
      actors: (CSVInput(bytes: events.actorsCSV()), .bytes(events.actorsCSV())),
      actorsFile: "actors.csv", configuration: try CSVFormat.configuration(.init())
    ).document.dataSet
    let network = try Network(data)
    let samples = SignificanceOptions(samples: 8, seed: 3)
    let whole = try Statistics(
      network, options: AnalysisOptions(significance: samples, threads: 1), parallelFrom: .max)
    for leftOut in Self.subsets {
      for threads in [1, 3, 8] {
        let options = AnalysisOptions(significance: samples, threads: threads, leftOut: leftOut)
        // parallelFrom 0: the sections that remain run at once.
        let part = try Statistics(network, options: options, parallelFrom: 0)
        Self.expectSameSections(part, whole, leftOut: leftOut, "\(leftOut.sorted()), \(threads)")
      }
    }
  }

  /// Left out, the null models do not run even when their options ask for samples; an error
  /// of a section left out is not thrown (it is not computed).
  @Test func aSectionLeftOutIsNotComputed() throws {
    let network = try Network(try Fixtures.skripal2018())
    let asked = AnalysisOptions(
      significance: SignificanceOptions(samples: 10, seed: 1), leftOut: [.significance])
    #expect(try Statistics(network, options: asked).significance == nil)
    // A negative window makes the responses throw: left out, nothing throws.
    var negative = AnalysisOptions()
    negative.responses.windowDays = -1
    #expect(throws: DiploGraphError.self) { try Statistics(network, options: negative) }
    negative.leftOut = [.responses]
    let part = try Statistics(network, options: negative)
    #expect(part.responses == nil && part.leftOut == [.responses])
  }

  /// `dyadLimit`: the heaviest dyads of the whole list, none at 0 (the list not made), every
  /// one beyond its length; the other sections unchanged.
  @Test func theDyadLimitKeepsTheHeaviest() throws {
    let network = try Network(try Fixtures.skripal2018())
    let whole = try Statistics(network)
    #expect(whole.dyads.count > 20)
    for limit in [0, 1, 3, whole.dyads.count - 1, whole.dyads.count, 1_000_000] {
      let part = try Statistics(network, options: AnalysisOptions(dyadLimit: limit))
      #expect(Array(part.dyads) == Array(whole.dyads.prefix(limit)), "\(limit)")
      #expect(part.dyads == whole.dyads.heaviest(limit), "\(limit)")
      #expect(part.reciprocity == whole.reciprocity && part.actors == whole.actors)
    }
    let negative = try Statistics(network, options: AnalysisOptions(dyadLimit: -5))
    #expect(negative.dyads.isEmpty)
  }

  /// JSON has no field for what was left out: a decoded value has the sections as `nil` and an
  /// empty `leftOut`.
  @Test func leftOutSectionsDecodeAsNil() throws {
    let network = try Network(try Fixtures.skripal2018())
    let part = try Statistics(
      network, options: AnalysisOptions(leftOut: [.responses, .blocs, .sources]))
    let data = try JSONEncoder().encode(part)
    let decoded = try JSONDecoder().decode(Statistics.self, from: data)
    #expect(decoded.responses == nil && decoded.blocs == nil && decoded.sources == nil)
    #expect(decoded.reciprocity == part.reciprocity && decoded.leftOut.isEmpty)
    #expect(StatisticsSection.allCases.sorted() == StatisticsSection.allCases)
  }
}
