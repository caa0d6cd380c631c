import DiploPresentation
import Foundation
import PropertyBased
import TestSupport
import Testing

@_spi(Testing) @testable import DiploGraph

/// Every thread count gives the same bytes as one thread: the CSV reader's parts, the links
/// summed in N node ranges, the statistics sections at once and the null models' samples.
/// The parallel paths are forced on small data (`parallelFrom: 0`, parts of one byte or more),
/// so that N = 2, 3, 8 and 16 really split the work.
@Suite struct ThreadCountTests {
  static let threadCounts = [1, 2, 3, 8, 16]

  /// The `stats --format json` bytes of `dataSet` analysed with `threads` threads.
  static func statsJSON(
    _ dataSet: DataSet, threads: Int, significance: SignificanceOptions? = nil
  ) throws -> String {
    let network = try Network(dataSet, selection: .all, threads: threads, parallelFrom: 0)
    let options = AnalysisOptions(significance: significance, threads: threads)
    let statistics = try Statistics(network, options: options, parallelFrom: 0)
    return StatisticsPrinter.render(statistics, as: .json)
  }

  /// Reads CSV bytes with `threads` parts of at least one byte; the parts' acceptance too.
  static func read(_ actions: [UInt8], actors: [UInt8]?, threads: Int) throws -> (
    document: Document, partsAccepted: [Bool]
  ) {
    var options = CSVFormat.ReadOptions(parallelism: threads)
    options.minimumPartBytes = 1
    return try CSVFormat.read(
      actions: CSVInput(bytes: actions), actionsSource: .bytes(actions),
      actionsFile: "actions.csv", actors: actors.map { (CSVInput(bytes: $0), .bytes($0)) },
      actorsFile: "actors.csv", configuration: try CSVFormat.configuration(options))
  }

  /// Generated actions with problems in some rows: a fractional count, an impossible date, an
  /// empty actor, a record with too few fields and an unknown column value, every 97th row.
  static func actionsWithErrors(_ events: SyntheticEvents) -> [UInt8] {
    let lines = String(decoding: events.actionsCSV(), as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for (n, line) in lines.enumerated() {
      guard n > 0, n % 97 == 0, !line.isEmpty else {
        out.append(String(line))
        continue
      }
      var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      switch n / 97 % 5 {
      case 0: fields[3] = "2.5"
      case 1: fields[4] = "2018-02-30"
      case 2: fields[0] = ""
      case 3: fields = Array(fields.prefix(2))
      default: fields[3] = "-4"
      }
      out.append(fields.joined(separator: ","))
    }
    return Array(out.joined(separator: "\n").utf8)
  }

  @Test(arguments: [
    "skripal-2018.json", "ukraine-2022.json", "us-russia-2016.json", "vrbetice-2021.json",
  ])
  func theGraphsDataSetsGiveTheSameJSONForEveryThreadCount(name: String) throws {
    let dataSet = try DataSetFile.read(Fixtures.graph(name).path).dataSet
    let samples = SignificanceOptions(samples: 24, seed: 7)
    let one = try Self.statsJSON(dataSet, threads: 1)
    let oneSampled = try Self.statsJSON(dataSet, threads: 1, significance: samples)
    #expect(one.contains("\"dyads\""))
    for threads in Self.threadCounts.dropFirst() {
      #expect(try Self.statsJSON(dataSet, threads: threads) == one, "\(name), \(threads) threads")
      #expect(
        try Self.statsJSON(dataSet, threads: threads, significance: samples) == oneSampled,
        "\(name), \(threads) threads, 24 samples")
    }
  }

  @Test func generatedDataWithErrorsReadsAndAnalysesTheSameForEveryThreadCount() throws {
    let events = SyntheticEvents(actions: 6_000, actors: 70, seed: 11)
    let actions = Self.actionsWithErrors(events)
    let actors = events.actorsCSV()
    let (sequential, _) = try Self.read(actions, actors: actors, threads: 1)
    let diagnostics = Validator.validate(sequential).map(\.description)
    // The injected problems are found (each kind at least once) and listed in file order.
    #expect(diagnostics.count >= 60)
    #expect(diagnostics.contains { $0.contains("2.5") })
    #expect(diagnostics.contains { $0.contains("2018-02-30") })
    let json = try Self.statsJSON(sequential.dataSet, threads: 1)
    for threads in Self.threadCounts.dropFirst() {
      let (document, parts) = try Self.read(actions, actors: actors, threads: threads)
      // Several parts per thread, shrinking toward the end, each thread taking the next part
      // not yet taken.
      #expect(parts.count > threads, "\(threads) threads")
      #expect(parts.count <= CSVActionsReader.partsPerThread * threads, "\(threads) threads")
      CSVParallelTests.expectSame(document, sequential, "\(threads) threads")
      #expect(Validator.validate(document).map(\.description) == diagnostics)
      #expect(try Self.statsJSON(document.dataSet, threads: threads) == json)
    }
  }

  @Test func randomSizesGiveTheSameStatisticsForAnyThreadCount() async {
    await propertyCheck(
      count: 12, input: Gen.int(in: 0...4_000), Gen.int(in: 2...300), Gen.int(in: 0...1_000),
      Gen.int(in: 2...16)
    ) { actions, actors, seed, threads in
      let events = SyntheticEvents(actions: actions, actors: actors, seed: UInt64(seed))
      do {
        let csv = events.actionsCSV()
        let one = try Self.read(csv, actors: events.actorsCSV(), threads: 1).document
        let many = try Self.read(csv, actors: events.actorsCSV(), threads: threads).document
        #expect(many.dataSet == one.dataSet)
        #expect(
          try Self.statsJSON(many.dataSet, threads: threads)
            == Self.statsJSON(one.dataSet, threads: 1), "\(threads) threads")
      } catch {
        Issue.record("\(actions) actions, \(actors) actors, seed \(seed): \(error)")
      }
    }
  }

  /// The self-loops (left out of every analysis, counted in the overview) are found in parts
  /// on every thread once there are more than 65,536 actions: the same rows, in order.
  @Test func selfLoopsAreTheSameRowsForEveryThreadCount() throws {
    let events = SyntheticEvents(actions: 140_000, actors: 60, seed: 5)
    var lines = String(decoding: events.actionsCSV(), as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var expected: [Int32] = []
    for n in stride(from: 1, to: lines.count, by: 37) where !lines[n].isEmpty {
      var fields = lines[n].split(separator: ",", omittingEmptySubsequences: false)
      fields[1] = fields[0]
      lines[n] = fields.joined(separator: ",")
      expected.append(Int32(n - 1))
    }
    let data = try CSVFormat.read(
      actions: Array(lines.joined(separator: "\n").utf8), actors: events.actorsCSV()
    ).dataSet
    for threads in Self.threadCounts {
      let network = try Network(data, selection: .all, threads: threads, parallelFrom: 0)
      #expect(network.selfLoopRows == expected, "\(threads) threads")
    }
  }

  /// More actors than a network numbers is a `limit` error naming the count, not a trap in
  /// the chains' search (the limit lowered here to the data set's four actors).
  @Test func moreActorsThanANetworkHoldsAreRefused() throws {
    let dataSet = DataSet(
      actions: ActionTable([
        Action(actor: "A", target: "B", kind: .expulsion, count: 1),
        Action(actor: "C", target: "D", kind: .expulsion, count: 1),
      ]))
    #expect(throws: Never.self) {
      try Network(dataSet, selection: .all, threads: 1, parallelFrom: 1, maxNodes: 4)
    }
    do {
      _ = try Network(dataSet, selection: .all, threads: 1, parallelFrom: 1, maxNodes: 3)
      Issue.record("four actors accepted under a limit of three")
    } catch let error as DiploGraphError {
      #expect(error.code == .limit)
      #expect(error.message.contains("found 4 actors"))
    }
    #expect(Network.maxNodes == 134_217_727)
  }

  @Test func threadCountsOutsideTheRangeAreRefused() throws {
    let dataSet = try DataSetFile.read(Fixtures.graph("skripal-2018.json").path).dataSet
    for threads in [0, -1, 1025] {
      #expect(throws: DiploGraphError.self) { try Network(dataSet, threads: threads) }
      let network = try Network(dataSet)
      #expect(throws: DiploGraphError.self) {
        try Statistics(network, options: AnalysisOptions(threads: threads))
      }
      #expect(throws: DiploGraphError.self) {
        try CSVFormat.read(
          actions: Array("actor,target,kind\nA,B,x\n".utf8),
          options: CSVFormat.ReadOptions(parallelism: threads))
      }
    }
    #expect(try Parallelism.threads(nil) == Parallelism.cores)
    #expect(try Parallelism.threads(1024) == 1024)
  }

  @Test func theHeaviestDyadsAreThePrefixOfTheList() throws {
    let dataSet = try DataSetFile.read(Fixtures.graph("ukraine-2022.json").path).dataSet
    let dyads = try Statistics(dataSet).dyads
    #expect(dyads.count > 10)
    for n in [-3, 0, 1, 5, dyads.count - 1, dyads.count, dyads.count + 4] {
      let kept = dyads.heaviest(n)
      #expect(Array(kept) == Array(dyads.prefix(max(0, n))), "top \(n)")
    }
    // A list of given dyads keeps its prefix too.
    let given = DyadList(Array(dyads))
    #expect(Array(given.heaviest(3)) == Array(dyads.prefix(3)))
    // Each dyad weighs at least as much as the next: the prefix is the heaviest.
    let totals = dyads.map { $0.forward + $0.backward }
    #expect(zip(totals, totals.dropFirst()).allSatisfy { $0 >= $1 })
  }
}
