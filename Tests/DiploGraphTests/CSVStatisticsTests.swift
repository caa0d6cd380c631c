import DiploPresentation
import Foundation
import TestSupport
import Testing

@testable import DiploGraph

/// The fast CSV path against the plain reference reader, carried through to the statistics:
/// the same data set gives the same ``Statistics`` and the same printed JSON, on the 2018 data
/// set exported to CSV and on generated event data read in one part and in several; damaged
/// files give the same messages.
@Suite struct CSVStatisticsTests {
  static let selections = [
    Selection.all, Selection(kinds: [.expulsion]),
    Selection(since: Day(iso: "2018-03-26")!, until: Day(iso: "2018-03-31")!),
    Selection(blocs: ["B1", "EU"], side: .actor),
  ]

  /// Reads with both readers and compares the data sets, the diagnostics and the statistics
  /// of several selections; returns the fast reader's data set.
  @discardableResult
  func compare(
    _ actions: [UInt8], actors: [UInt8]?, parts: Int, _ comment: Comment,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> DataSet {
    let reference = try ReferenceCSV.read(
      actions: actions, actors: actors, actionsFile: "actions.csv", actorsFile: "actors.csv")
    let fast = try readCSV(actions, actors: actors, parts: parts).document
    #expect(fast.dataSet == reference.dataSet, comment, sourceLocation: sourceLocation)
    #expect(fast.diagnostics == reference.diagnostics, comment, sourceLocation: sourceLocation)
    for selection in Self.selections {
      let a = try Statistics(fast.dataSet, selection: selection)
      let b = try Statistics(reference.dataSet, selection: selection)
      #expect(a == b, "\(comment), \(selection)", sourceLocation: sourceLocation)
      #expect(
        StatisticsPrinter.render(a, as: .json, responses: .full)
          == StatisticsPrinter.render(b, as: .json, responses: .full),
        "\(comment), \(selection)", sourceLocation: sourceLocation)
    }
    return fast.dataSet
  }

  @Test func episode2018ExportedToCSV() throws {
    let episode = try DataSetFile.read(Fixtures.graph("skripal-2018.json").path).dataSet
    let actions = try CSVFormat.writeActions(episode)
    let actors = try CSVFormat.writeActors(episode)
    let read = try compare(actions, actors: actors, parts: 1, "2018, one part")
    try compare(actions, actors: actors, parts: 3, "2018, three parts")
    // What CSV carries comes back: the actions and the figures computed from them.
    #expect(
      read.actions
        == episode.actions.map { $0.withoutClaims }.reduce(into: ActionTable()) { $0.append($1) })
    // CSV names blocs by their ids and lists members in file order: compare the figures, in
    // the JSON data set's bloc order.
    let blocs = AnalysisOptions(blocs: episode.blocs.map(\.id))
    let fromJSON = try Statistics(episode, options: blocs)
    let fromCSV = try Statistics(read, options: blocs)
    #expect(fromCSV.reciprocity == fromJSON.reciprocity)
    #expect(fromCSV.actors.map(\.outStrength) == fromJSON.actors.map(\.outStrength))
    #expect(fromCSV.dyads == fromJSON.dyads)
    #expect(fromCSV.responses == fromJSON.responses)
    #expect(fromCSV.blocs!.matrix == fromJSON.blocs!.matrix)
    #expect(fromCSV.blocs!.blocGraph == fromJSON.blocs!.blocGraph)
    #expect(
      fromCSV.blocs!.blocs.map { [$0.weight, $0.internalWeight, $0.externalWeight] }
        == fromJSON.blocs!.blocs.map { [$0.weight, $0.internalWeight, $0.externalWeight] })
    #expect(fromCSV.blocs!.blocs.map(\.weight) == [58, 22, 66, 10, 123])
  }

  @Test func generatedEvents() throws {
    let events = SyntheticEvents(actions: 6000, actors: 40, seed: 11)
    let actions = events.actionsCSV()
    let actors = events.actorsCSV()
    let read = try compare(actions, actors: actors, parts: 1, "one part")
    try compare(actions, actors: actors, parts: 4, "four parts")
    // The shape the generator promises.
    #expect(read.actions.count == 6000)
    #expect(read.actors.count == 40 && read.blocs.count == 6)
    let kinds = Dictionary(grouping: read.actions.indices) { read.actions.kind(row: $0) }
    let retaliations = Double(kinds[.retaliation]?.count ?? 0)
    let expulsions = Double(kinds[.expulsion]?.count ?? 0)
    #expect(retaliations / expulsions > 0.5 && retaliations / expulsions < 0.65)
    #expect(read.actions.indices.allSatisfy { (1...60).contains(read.actions.count(row: $0)!) })
    #expect(
      read.actions.indices.dropFirst().allSatisfy {
        read.actions.date(row: $0 - 1)! <= read.actions.date(row: $0)!
      })
    #expect(read.actions.sourceSymbols.count == SyntheticEvents.sourceCount)
    #expect(
      read.actions.indices.allSatisfy {
        read.actions.actor(row: $0) != read.actions.target(row: $0)
      })
  }

  @Test func generatorIsDeterministic() {
    let a = SyntheticEvents(actions: 500, actors: 20, seed: 3)
    #expect(a.actionsCSV() == a.actionsCSV())
    #expect(a.actorsCSV() == a.actorsCSV())
    #expect(a.actionsCSV() != SyntheticEvents(actions: 500, actors: 20, seed: 4).actionsCSV())
    var chunks = 0
    var streamed: [UInt8] = []
    a.writeActions(chunkBytes: 1000) {
      chunks += 1
      streamed += $0
    }
    #expect(streamed == a.actionsCSV() && chunks > 10)
  }

  @Test func damagedGeneratedFiles() throws {
    let events = SyntheticEvents(actions: 60, actors: 6, seed: 2)
    for seed in UInt64(0)..<60 {
      let actions = CSVSamples.damaged(events.actionsCSV(), seed: seed)
      let actors = seed % 3 == 0 ? CSVSamples.damaged(events.actorsCSV(), seed: seed) : nil
      let expected = Result {
        try ReferenceCSV.read(
          actions: actions, actors: actors, actionsFile: "actions.csv", actorsFile: "actors.csv")
      }
      let actual = Result { try readCSV(actions, actors: actors, parts: 2).document }
      switch (expected, actual) {
      case (.success(let e), .success(let a)):
        #expect(
          a.diagnostics.map(\.description) == e.diagnostics.map(\.description), "seed \(seed)")
        #expect(try Statistics(a.dataSet) == Statistics(e.dataSet), "seed \(seed)")
      case (.failure(let e), .failure(let a)):
        #expect("\(a)" == "\(e)", "seed \(seed)")
      default:
        Issue.record("the readers disagree on seed \(seed): \(expected) / \(actual)")
      }
    }
  }
}

extension Action {
  /// The action as CSV carries it: without its claims.
  fileprivate var withoutClaims: Action {
    var copy = self
    copy.claims = []
    return copy
  }
}
