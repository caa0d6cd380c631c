import TestSupport
import Testing

@testable import DiploGraph

/// The analyses choose their data structures by size: dense tables for few actors, rows
/// distributed by actor for more (and two threads for the network of many actions), sorts and
/// dictionaries beyond; a radix sort of the dyads when their keys fit in 64 bits. Each path
/// must give the same results.
@Suite struct BulkPathTests {
  /// `dataSet` with 2,100 more declared actors, after its own: the same nodes first, but more
  /// than 2,048 of them.
  static func padded(_ dataSet: DataSet) -> DataSet {
    var copy = dataSet
    copy.actors += (0..<2100).map { Actor(id: ActorID("PAD\($0)"), name: "pad") }
    return copy
  }

  /// More than 256 actors, nearly all acting: the rows and the nodes are both split. Few
  /// targets per actor (each node's targets sorted) and most of them (every slot read).
  @Test(arguments: [(20_000, 600), (150_000, 300)])
  func bucketedLinksAreTheSameInEveryNumberOfParts(actions: Int, actors: Int) throws {
    let events = SyntheticEvents(actions: actions, actors: actors, seed: 12)
    let data = try CSVFormat.read(actions: events.actionsCSV(), actors: events.actorsCSV())
      .dataSet
    let one = try Network(data, selection: .all, threads: 1, parallelFrom: 0)
    #expect(one.nodeCount > 256)
    // In the order of (from, to).
    #expect(
      (1..<max(1, one.links.count)).allSatisfy { e in
        (one.links.from[e - 1], one.links.to[e - 1]) < (one.links.from[e], one.links.to[e])
      })
    // The actions per pair, counted by hand.
    var byHand: [Int: Int32] = [:]
    for row in data.actions.indices {
      let (i, j) = (one.actorNode(row: row), one.targetNode(row: row))
      if i != j { byHand[i * one.nodeCount + j, default: 0] += 1 }
    }
    #expect(one.links.count == byHand.count)
    for e in 0..<one.links.count {
      let pair = Int(one.links.from[e]) * one.nodeCount + Int(one.links.to[e])
      #expect(byHand[pair] == one.links.actionCount[e])
    }
    for threads in [2, 3, 8, 16] {
      let parted = try Network(data, selection: .all, threads: threads, parallelFrom: 0)
      #expect(parted.links.from == one.links.from, "\(threads) threads")
      #expect(parted.links.to == one.links.to, "\(threads) threads")
      #expect(parted.links.weight == one.links.weight, "\(threads) threads")
      #expect(parted.links.actionCount == one.links.actionCount, "\(threads) threads")
      #expect(parted.links.outStart == one.links.outStart, "\(threads) threads")
    }
  }

  @Test func networkPathsAgree() throws {
    // Enough actions for the two-thread build, and their sum by the sort path.
    let events = SyntheticEvents(actions: 300_000, actors: 50, seed: 4)
    let data = try CSVFormat.read(actions: events.actionsCSV(), actors: events.actorsCSV())
      .dataSet
    let dense = try Network(data)
    let bucketed = try Network(Self.padded(data))
    // A count of 2^47 between two padding actors sends the build to the sort path; its link
    // comes last.
    var huge = Self.padded(data)
    huge.actions.append(Action(actor: "PAD0", target: "PAD1", kind: .expulsion, count: 1 << 47))
    let sorted = try Network(huge)
    #expect(dense.nodeCount == 50 && bucketed.nodeCount == 2150 && sorted.nodeCount == 2150)
    for other in [bucketed.links, sorted.links] {
      let n = dense.links.count
      #expect(Array(other.from.prefix(n)) == dense.links.from)
      #expect(Array(other.to.prefix(n)) == dense.links.to)
      #expect(Array(other.weight.prefix(n)) == dense.links.weight)
      #expect(Array(other.actionCount.prefix(n)) == dense.links.actionCount)
      #expect(Array(other.outStart.prefix(51)) == dense.links.outStart)
    }
    #expect(bucketed.links.count == dense.links.count)
    #expect(bucketed.links.totalWeight == dense.links.totalWeight)
    #expect(sorted.links.count == dense.links.count + 1 && sorted.links.weight.last == 1 << 47)
    // A selection keeps some rows only: the same on both paths, and the same as summing the
    // selected rows by hand.
    let selection = Selection(kinds: [.retaliation])
    let a = try Network(data, selection: selection)
    let b = try Network(Self.padded(data), selection: selection)
    #expect(a.links.weight == b.links.weight && a.links.to == b.links.to)
    #expect(a.links.from == b.links.from && a.links.actionCount == b.links.actionCount)
    var byHand: [Int: Int64] = [:]
    for row in data.actions.indices where data.actions.kind(row: row) == .retaliation {
      byHand[a.actorNode(row: row) * 50 + a.targetNode(row: row), default: 0] += Int64(
        data.actions.count(row: row)!)
    }
    #expect(a.links.count == byHand.count)
    for e in 0..<a.links.count {
      #expect(byHand[Int(a.links.from[e]) * 50 + Int(a.links.to[e])] == a.links.weight[e])
    }
  }

  @Test func networkOverflowOnEveryPath() throws {
    // Dense, distributed by actor (many actors, counts under 2^47), sorted (a larger count).
    let small: [(String, String, Int?)] = Array(repeating: ("A", "B", 1 << 46), count: 1 << 17)
    #expect(throws: DiploGraphError.self) { try Network(dataSet(small)) }
    #expect(throws: DiploGraphError.self) { try Network(Self.padded(dataSet(small))) }
    let edges = [("A", "B", Int.max), ("A", "B", 1)]
    #expect(throws: DiploGraphError.self) { try Network(dataSet(edges)) }
    #expect(throws: DiploGraphError.self) { try Network(Self.padded(dataSet(edges))) }
  }

  @Test func sourcesWithManySourceListsAndActors() throws {
    // 2,500 distinct source lists among 2,100+ actors: the cells go to a dictionary.
    var table = ActionTable()
    for n in 0..<2500 {
      let sources = n % 10 == 0 ? [] : ["S\(n)", "S\(n % 7)", "S\(n % 7)"].map { SourceID($0) }
      table.append(
        Action(
          actor: ActorID("A\(n % 13)"), target: ActorID("A\((n + 1) % 13)"), kind: .expulsion,
          count: n % 9 == 0 ? nil : n % 5, sources: sources))
    }
    let data = DataSet(actions: table)
    let small = try SourceAnalysis(Network(data))
    let large = try SourceAnalysis(Network(Self.padded(data)))
    #expect(small == large)
    #expect(small.unsourcedActions == 250)
    // S3 is named by the actions n ≡ 3 (mod 7) that list a source: every actor acts in some of
    // them and not in others, so S3 omits something of each.
    let s3 = try #require(small.omissions.first { $0.source == "S3" })
    #expect(s3.actors.count == 13)
    #expect(s3.actors.allSatisfy { $0.actions > 0 && $0.actions < $0.ofActions })
    #expect(s3.actions == s3.actors.reduce(0) { $0 + $1.actions })
  }

  @Test func blocGraphOfManyUnassignedActors() throws {
    // A ring of 2,200 actors; the first ten form bloc B; the others are nodes of their own in
    // the bloc-level graph, which then has more than 2,048 nodes.
    let n = 2200
    var edges: [(String, String, Int?)] = []
    for i in 0..<n { edges.append(("A\(i)", "A\((i + 1) % n)", i % 4 + 1)) }
    edges.append(("A5", "A4", 7))
    edges.append(("A20", "A19", 2))
    var data = dataSet(edges)
    data.blocs = [Bloc(id: "B", name: "B", members: (0..<10).map { ActorID("A\($0)") })]
    let analysis = try BlocAnalysis(Network(data))
    // Bloc-level links: every ring link except the nine inside B, plus A20 → A19 (A5 → A4 is
    // inside B): n − 9 + 1 links, of which A19 ⇄ A20 is the one reciprocated pair.
    let graph = analysis.blocGraph
    #expect(graph.nodes == n - 10 + 1)
    #expect(graph.links == n - 9 + 1)
    #expect(graph.reciprocatedLinks == 2)
    // A19 → A20 weighs 19 mod 4 + 1 = 4, A20 → A19 weighs 2: min counted both ways.
    #expect(graph.reciprocatedWeight == 4)
  }

  @Test func dyadOrderWithHugeWeights() throws {
    // Scaling every count by 2^58 keeps the order of the dyads but pushes their keys beyond 64
    // bits: the comparison sort takes over and must agree with the radix sort.
    let edges: [(String, String, Int?)] = [
      ("A", "B", 3), ("B", "A", 3), ("C", "D", 6), ("B", "C", 2), ("C", "B", 4), ("E", "A", 6),
      ("D", "E", 1), ("E", "D", 1), ("A", "C", nil), ("F", "G", 0),
    ]
    let small = Dyad.table(of: try network(edges))
    let huge = Dyad.table(of: try network(edges.map { ($0.0, $0.1, $0.2.map { $0 << 58 }) }))
    let order: (Dyad) -> String = { "\($0.first)\($0.second)" }
    #expect(small.map(order) == huge.map(order))
    // Heaviest first; ties by the first actor's node, then the second's.
    #expect(small.map(order) == ["AB", "CB", "CD", "EA", "DE", "AC", "FG"])
  }

  /// The dyads' rows are put in order in place, cycle by cycle: the same as gathering them.
  @Test(arguments: [0, 1, 2, 7, 64, 65, 1_000])
  func rowsPermutedInPlaceAsGathered(count: Int) {
    var random = SplitMix64(seed: UInt64(count) + 3)
    let rows = (0..<count).map { (i: Int) -> DyadList.Row in
      let n = Int32(i)
      return DyadList.Row(
        first: n, second: n + 1, forward: Int64(7 * i), backward: Int64(i),
        forwardActions: n % 5, backwardActions: 1)
    }
    let identity = (0..<Int32(count)).map { $0 }
    let shifted = (0..<count).map { Int32(($0 + 1) % max(1, count)) }  // one long cycle
    for order in [identity, shifted, identity.shuffled(using: &random)] {
      var permuted = rows
      DyadList.permute(&permuted, by: order)
      #expect(permuted == order.map { rows[Int($0)] })
    }
  }

  /// The ordinals the tallies index by are the places in `allCases`.
  @Test func ordinalsAreThePlacesInAllCases() {
    #expect(ResponseChain.Ending.allCases.map(\.ordinal) == Array(0..<6))
    #expect(ResponseChain.Ending.byOrdinal == ResponseChain.Ending.allCases)
    #expect(Exchange.Outcome.allCases.map(\.ordinal) == Array(Exchange.Outcome.allCases.indices))
  }
}
