import Foundation
import TestSupport
import Testing

@testable import DiploGraph
@testable import DiploPresentation

/// How much of the responses the printers list (full, summary, automatic), the fast JSON
/// writers against the generic encoding, and JSON written in pieces.
@Suite struct StatisticsListingTests {
  /// Generated events with more than ``ResponseListing/automaticLimit`` exchanges.
  static let bulk: Statistics = {
    let events = SyntheticEvents(actions: 20_000, actors: 30, seed: 9)
    let document = try! CSVFormat.read(actions: events.actionsCSV(), actors: events.actorsCSV())
    return try! Statistics(document.dataSet)
  }()

  static func object(_ json: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  @Test func automaticListsSmallResultsInFull() throws {
    let stats = try StatisticsPrinterTests.statistics()
    #expect(ResponseListing.automatic.resolved(for: stats.responses!) == .full)
    let json = StatisticsPrinter.render(stats, as: .json)
    #expect(json == StatisticsPrinter.render(stats, as: .json, responses: .full))
    let responses = try #require(try Self.object(json)["responses"] as? [String: Any])
    #expect(responses["listing"] as? String == "full")
    #expect(responses["exchangeCount"] as? Int == 11)
    #expect((responses["exchanges"] as? [Any])?.count == 11)
    #expect(responses["unmatchedAnswerCount"] as? Int == 2)
    #expect(responses["unresolvedReferenceCount"] as? Int == 1)
  }

  @Test func automaticSummarisesBulkResults() throws {
    let stats = Self.bulk
    let entries =
      stats.responses!.exchanges.count + stats.responses!.unmatchedAnswers.count
      + stats.responses!.unresolvedReferences.count
    #expect(entries > ResponseListing.automaticLimit)
    #expect(ResponseListing.automatic.resolved(for: stats.responses!) == .summary)
    let json = StatisticsPrinter.render(stats, as: .json)
    #expect(json == StatisticsPrinter.render(stats, as: .json, responses: .summary))
    let responses = try #require(try Self.object(json)["responses"] as? [String: Any])
    #expect(responses["listing"] as? String == "summary")
    #expect(responses["exchangeCount"] as? Int == stats.responses!.exchanges.count)
    #expect(responses["exchanges"] is NSNull && responses["unmatchedAnswers"] is NSNull)
    #expect(responses["unresolvedReferences"] is NSNull)
    #expect(responses["unmatchedAnswerCount"] as? Int == stats.responses!.unmatchedAnswers.count)
    // The outcome summary and the lags are there whatever the listing.
    let outcomes = try #require(responses["outcomes"] as? [[String: Any]])
    #expect(
      outcomes.map { $0["exchanges"] as? Int } == stats.responses!.outcomes.map(\.exchanges))
    #expect(responses["medianLagDays"] as? Double == stats.responses!.medianLagDays)
    // The summary is far smaller than the full listing.
    let full = StatisticsPrinter.render(stats, as: .json, responses: .full)
    #expect(json.utf8.count * 5 < full.utf8.count)
  }

  @Test func summaryFollowsTheSchema() throws {
    let schema = try StatisticsPrinterTests.schema("stats.schema.json")
    for stats in [try StatisticsPrinterTests.statistics(), Self.bulk] {
      for listing in [ResponseListing.full, .summary] {
        let json = StatisticsPrinter.render(stats, as: .json, responses: listing)
        let problems = SchemaCheck(root: schema, files: ["stats.schema.json": schema])
          .problems(in: try StatisticsPrinterTests.parse(json))
        #expect(problems == [], "\(listing)")
      }
    }
  }

  @Test func fullReadsBackSummaryDoesNot() throws {
    let stats = try StatisticsPrinterTests.statistics()
    let full = StatisticsPrinter.render(stats, as: .json, responses: .full)
    let decoded = try JSONDecoder().decode(Statistics.self, from: Data(full.utf8))
    #expect(
      decoded.responses!.exchanges.map(\.outcome) == stats.responses!.exchanges.map(\.outcome))
    #expect(decoded.responses!.unmatchedAnswers.map(\.row) == [11, 20])
    let summary = StatisticsPrinter.render(stats, as: .json, responses: .summary)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(Statistics.self, from: Data(summary.utf8))
    }
  }

  @Test func summaryTablesSayHowManyRowsAreNotListed() throws {
    let stats = try StatisticsPrinterTests.statistics()
    let text = StatisticsPrinter.render(stats, as: .table, responses: .summary)
    #expect(text.contains("(11 rows, not listed in a summary)"))
    #expect(text.contains("11 exchanges summarised, not listed"))
    #expect(!text.contains("uk1"))
    let markdown = StatisticsPrinter.render(stats, as: .markdown, responses: .summary)
    #expect(markdown.contains("11 rows, not listed in a summary."))
    // CSV leaves the unlisted tables out, and keeps the outcome counts.
    let csv = StatisticsPrinter.render(stats, as: .csv, responses: .summary)
    #expect(!csv.contains("\nexchanges,") && !csv.contains("\nsection,actor,target,date,originals"))
    #expect(!csv.contains("\nunmatched_answers,"))
    #expect(csv.contains("\nresponse_outcomes,in_kind,4,"))
    let fullCSV = StatisticsPrinter.render(stats, as: .csv, responses: .full)
    #expect(fullCSV.split(separator: "\n").filter { $0.hasPrefix("exchanges,") }.count == 11)
  }

  @Test func fastWritersGiveTheGenericBytes() throws {
    // Hostile names (quotes, tabs, wide characters), undefined ratios, negative balances.
    for stats in [try StatisticsPrinterTests.statistics(), Self.bulk] {
      for lists in [true, false] {
        let fast = try StableJSONEncoder(listsResponses: lists).render(stats)
        let generic = try StableJSONEncoder(listsResponses: lists, fastPaths: false).render(stats)
        #expect(fast == generic)
      }
    }
    // An empty list, and a name longer than the writers' scratch buffer.
    let long = String(repeating: "é\"x", count: 3000)
    let actors = [
      ActorStrength(
        actor: "A", name: long, outDegree: 1, inDegree: 0, reciprocatedDegree: 0, outStrength: -3,
        inStrength: .max, reciprocatedStrength: .min, nonReciprocatedOutStrength: 0,
        nonReciprocatedInStrength: 0, reciprocatedShare: .nan, balance: 0, linkReciprocity: 0.5)
    ]
    for value in [actors, []] {
      #expect(
        try StableJSONEncoder().render(["a": value])
          == StableJSONEncoder(fastPaths: false).render(["a": value]))
    }
  }

  @Test func jsonWrittenInPiecesIsTheSameText() throws {
    let stats = Self.bulk
    var pieces: [[UInt8]] = []
    try StatisticsPrinter.write(stats, as: .json, responses: .full) { pieces.append(Array($0)) }
    #expect(pieces.count > 1)
    #expect(pieces.dropLast().allSatisfy { $0.count >= JSONWriter.flushSize })
    let text = String(decoding: pieces.joined(), as: UTF8.self)
    #expect(text == StatisticsPrinter.render(stats, as: .json, responses: .full))
    // Other formats come in one piece.
    var table: [UInt8] = []
    try StatisticsPrinter.write(stats, as: .table, rowLimit: 5) { table += $0 }
    #expect(
      String(decoding: table, as: UTF8.self)
        == StatisticsPrinter.render(stats, as: .table, rowLimit: 5))
  }

  /// The long arrays written in pieces on several threads: the same bytes as on one.
  @Test func jsonWrittenOnSeveralThreadsIsTheSameText() throws {
    let stats = Self.bulk
    #expect(stats.responses!.exchanges.count >= 2 * JSONWriter.rowsInPiece)
    let one = StatisticsPrinter.render(stats, as: .json, responses: .full)
    for threads in [2, 3, 8, 16] {
      var text: [UInt8] = []
      try StatisticsPrinter.write(stats, as: .json, responses: .full, threads: threads) {
        text += $0
      }
      #expect(String(decoding: text, as: UTF8.self) == one, "\(threads) threads")
    }
  }

  @Test func aFailingOutputStopsTheWriting() throws {
    struct Full: Error {}
    var calls = 0
    #expect(throws: Full.self) {
      try StatisticsPrinter.write(Self.bulk, as: .json, responses: .full) { _ in
        calls += 1
        throw Full()
      }
    }
    #expect(calls == 1)
  }
}
