import TestSupport
import Testing

@testable import DiploGraph

/// Every thread count gives the same responses as one thread: the exchanges summarised in parts
/// (forced small here, so that 2, 3, 8 and 16 threads really split them) and the chains
/// searched by groups of pairs on several threads, merged in a fixed order.
@Suite struct ResponseThreadTests {
  static let threadCounts = [2, 3, 8, 16]

  /// The analysis of `network` on `threads` threads, in parts of 7 exchanges.
  static func analysis(
    _ network: Network, options: ResponseOptions = ResponseOptions(), threads: Int
  ) throws -> ResponseAnalysis {
    try ResponseAnalysis(
      network, options: options, candidatesInOneRound: 1 << 22, threads: threads, minimumPart: 7)
  }

  @Test func randomDataSetsGiveTheSameResponsesForEveryThreadCount() throws {
    for seed in UInt64(0)..<200 {
      var dataSet = ResponsesOracleTests.randomDataSet(seed: seed)
      if seed % 5 == 4 { dataSet.weight = .events }
      let options = ResponseOptions(windowDays: [0, 3, 30][Int(seed % 3)])
      let network = try Network(dataSet)
      let one = try Self.analysis(network, options: options, threads: 1)
      for threads in Self.threadCounts {
        let many = try Self.analysis(network, options: options, threads: threads)
        #expect(many == one, "seed \(seed), \(threads) threads")
      }
    }
  }

  @Test(arguments: [(4, UInt64(2)), (40, 5), (300, 7), (700, 11)])
  func generatedEventsGiveTheSameChainsAndSurvivalForEveryThreadCount(
    actors: Int, seed: UInt64
  ) throws {
    let events = SyntheticEvents(actions: 6_000, actors: actors, seed: seed)
    let document = try CSVFormat.read(actions: events.actionsCSV(), actors: events.actorsCSV())
    let network = try Network(document.dataSet)
    let one = try Self.analysis(network, threads: 1)
    // Enough chains, pairs and groups of pairs for the parts to differ.
    #expect(one.chains.count > 100)
    let span = ChainGroups.span(nodes: network.nodeCount)
    #expect((network.nodeCount + span - 1) / span >= min(actors, 16))
    for threads in Self.threadCounts {
      let many = try Self.analysis(network, threads: threads)
      #expect(many.chains == one.chains, "\(actors) actors, \(threads) threads")
      #expect(many.timeToAnswer == one.timeToAnswer, "\(actors) actors, \(threads) threads")
      #expect(many == one, "\(actors) actors, \(threads) threads")
    }
  }

  /// The actors' last moves and the days the survival counts cover, read in parts of two rows
  /// (a tenth of the random rows are undated, so parts with no dated row occur).
  @Test func lastMovesAndDaysAreTheSameInParts() throws {
    for seed in UInt64(0)..<60 {
      let table = ResponsesOracleTests.randomDataSet(seed: seed).actions
      let one = ResponseAnalysis.lastMoves(table)
      let lastDay = one.max() ?? ActionTable.noDate
      let days = TimeToAnswer.Collector.days(table, lastDay: lastDay)
      for threads in Self.threadCounts {
        #expect(
          ResponseAnalysis.lastMoves(table, threads: threads, minimumPart: 2) == one,
          "seed \(seed), \(threads) threads")
        #expect(
          TimeToAnswer.Collector.days(table, lastDay: lastDay, threads: threads, minimumPart: 2)
            == days, "seed \(seed), \(threads) threads")
      }
    }
  }

  @Test func chainLinksGiveEachExchangeItsSuccessors() {
    var rng = SplitMix64(seed: 17)
    for size in [0, 1, 5, 200, 3_000] {
      // Links among 0..<60 with repeats of x (several next steps) and gaps (none).
      let links = (0..<size).map { _ in
        UInt64(rng.next() % 60) << 32 | UInt64(rng.next() % 1_000)
      }
      let chainLinks = ChainLinks(links)
      for x in 0..<61 {
        let expected = links.filter { $0 >> 32 == UInt64(x) }.sorted()
        #expect(Array(chainLinks.successors(x)) == expected, "\(size) links, exchange \(x)")
      }
    }
  }

  @Test func theGroupsOfPairsCoverEveryExchangeOnce() throws {
    let events = SyntheticEvents(actions: 3_000, actors: 90, seed: 3)
    let document = try CSVFormat.read(actions: events.actionsCSV(), actors: events.actorsCSV())
    let network = try Network(document.dataSet)
    let analysis = try Self.analysis(network, threads: 1)
    let list = analysis.exchanges
    let reader = try #require(list.reader)
    let nodes = network.nodeOfEndpoint
    var bytes = [UInt8](repeating: 0, count: list.count)
    let steps = ChainSteps(
      list: list, reader: reader, rules: list.rules, declinedAfter: [:],
      explicitLinks: ChainLinks([]))
    let gatherer = ExchangeGatherer(list: list, reader: reader, nodeOfEndpoint: nodes)
    bytes.withUnsafeMutableBufferPointer { bytes in
      let groups = ChainGroups(
        steps: steps, gatherer: gatherer, network: network, flags: ChainFlags(bytes: bytes),
        flaggedBefore: false)
      // Sorted by group in parts on several threads, the same members in the same places.
      for threads in Self.threadCounts {
        let parted = ChainGroups(
          steps: steps, gatherer: gatherer, network: network, flags: ChainFlags(bytes: bytes),
          flaggedBefore: false, threads: threads, minimumPart: 5)
        #expect(parted.start == groups.start, "\(threads) threads")
        #expect(parted.members.map(\.x) == groups.members.map(\.x), "\(threads) threads")
        #expect(parted.members.map(\.key) == groups.members.map(\.key), "\(threads) threads")
      }
      #expect(groups.members.map(\.x).sorted() == (0..<Int32(list.count)).map { $0 })
      // Each group holds the pairs of its lower actors, in list order.
      for g in 0..<groups.groupCount {
        let members = groups.members[groups.start[g]..<groups.start[g + 1]].map(\.x)
        #expect(members == members.sorted())
        for x in members {
          let (actor, target) = gatherer.pair(Int(x))
          let low = min(groups.rank[Int(actor)], groups.rank[Int(target)])
          #expect(Int(low) >> groups.shift == g)
        }
      }
    }
  }
}
