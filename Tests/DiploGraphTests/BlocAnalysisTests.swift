import DiploGraph
import PropertyBased
import TestSupport
import Testing

@Suite struct BlocAnalysisTests {
  static let edges: [(String, String, Int?)] = [
    ("FRA", "RUS", 4), ("DEU", "RUS", 4), ("HUN", "RUS", 1), ("UKR", "RUS", 13),
    ("NOR", "RUS", 1), ("USA", "RUS", 60), ("FRA", "DEU", 2), ("RUS", "FRA", 4),
    ("RUS", "DEU", 4), ("RUS", "USA", 60), ("RUS", "UKR", 13), ("NOR", "UKR", nil),
  ]
  static let blocs: [(String, [String])] = [
    ("EU", ["FRA", "DEU", "HUN", "ITA"]), ("NONEU", ["UKR", "NOR"]), ("OTHER", ["USA"]),
    ("NATO", ["FRA", "DEU", "USA", "NOR", "FRA"]), ("RUSSIA", ["RUS"]),
  ]

  static func episode() throws -> Network {
    try Network(dataSet(edges.map { Edge($0.0, $0.1, $0.2) }, blocs: blocs))
  }

  @Test func disjointButIncomplete() throws {
    let analysis = try BlocAnalysis(Self.episode(), blocs: ["EU", "NONEU", "OTHER"])
    // W = 4 + 4 + 1 + 13 + 1 + 60 + 2 + 4 + 4 + 60 + 13 + 0 = 166.
    #expect(analysis.totalWeight == 166)
    let eu = analysis.blocs[0]
    // EU: FRA 4 + 2, DEU 4, HUN 1 = 11; ITA never acts.
    #expect(eu.members == ["FRA", "DEU", "HUN", "ITA"])
    #expect(eu.activeMembers == ["FRA", "DEU", "HUN"])
    #expect(eu.weight == 11)
    #expect(approximatelyEqual(eu.share, 11.0 / 166.0))
    #expect(approximatelyEqual(eu.meanPerActiveMember, 11.0 / 3.0))
    // Inside: FRA→DEU 2. Across: out 4 + 4 + 1 = 9, in 4 + 4 = 8: E = 17.
    // EI = (17 − 2) / (17 + 2) = 15/19; on links: E = 3 + 2, I = 1: (5 − 1) / 6 = 2/3.
    #expect(eu.internalWeight == 2 && eu.externalWeight == 17)
    #expect(approximatelyEqual(eu.eiIndex, 15.0 / 19.0))
    #expect(eu.internalLinks == 1 && eu.externalLinks == 5)
    #expect(approximatelyEqual(eu.linkEIIndex, 2.0 / 3.0))
    let nonEU = analysis.blocs[1]
    // NONEU: UKR 13, NOR 1 + 0 (NOR→UKR has no count but NOR acted): 14 over 2 actives = 7.
    #expect(nonEU.weight == 14 && nonEU.activeMembers == ["UKR", "NOR"])
    #expect(approximatelyEqual(nonEU.meanPerActiveMember, 7))
    // I = 0 (one internal link of weight 0); E = 13 + 1 out + 13 in = 27: EI = 27/27 = 1;
    // on links E = 3, I = 1: (3 − 1) / 4 = 1/2.
    #expect(nonEU.internalWeight == 0 && nonEU.externalWeight == 27)
    #expect(nonEU.eiIndex == 1)
    #expect(approximatelyEqual(nonEU.linkEIIndex, 0.5))
    let other = analysis.blocs[2]
    #expect(other.weight == 60 && other.externalWeight == 120 && other.eiIndex == 1)

    // Russia acts and is in none of the three blocs: disjoint, incomplete.
    #expect(analysis.partition.status == .disjointIncomplete)
    #expect(analysis.partition.unassignedActors == ["RUS"])
    // RUS: 4 + 4 + 60 + 13 = 81; the shares sum to (11 + 14 + 60) / 166 = 1 − 81/166.
    #expect(analysis.partition.unassignedWeight == 81)
    #expect(approximatelyEqual(analysis.partition.shareSum, 85.0 / 166.0))
    #expect(analysis.partition.overlappingActors.isEmpty)

    let m = analysis.matrix
    #expect(m.blocs == ["EU", "NONEU", "OTHER"])
    #expect(m.weights == [[2, 0, 0], [0, 0, 0], [0, 0, 0]])
    #expect(m.links == [[1, 0, 0], [0, 1, 0], [0, 0, 0]])
    #expect(m.toUnassigned == [9, 14, 60])
    #expect(m.fromUnassigned == [8, 13, 60])
    #expect(m.unassignedToUnassigned == 0)
    // Cells and margins: 2 + 9 + 14 + 60 + 8 + 13 + 60 = 166 = W.
    let cells = m.weights.joined().reduce(0, +)
    #expect(cells + m.toUnassigned.reduce(0, +) + m.fromUnassigned.reduce(0, +) == 166)

    // Bloc-level graph: EU, NONEU, OTHER and Russia on its own; EU→RUS 9, NONEU→RUS 14,
    // OTHER→RUS 60, RUS→EU 8, RUS→NONEU 13, RUS→OTHER 60. All 6 links mutual: r = 1;
    // ā = 6 / (4·3) = 1/2, ρ = (1 − 1/2) / (1 − 1/2) = 1; W = 164,
    // W↔ = 2·(min(9, 8) + min(14, 13) + min(60, 60)) = 162.
    let g = analysis.blocGraph
    #expect(g.nodes == 4 && g.links == 6 && g.binary == 1)
    #expect(approximatelyEqual(g.rho, 1))
    #expect(g.totalWeight == 164 && g.reciprocatedWeight == 162)
    #expect(approximatelyEqual(g.weighted, 162.0 / 164.0))
  }

  @Test func partition() throws {
    let analysis = try BlocAnalysis(Self.episode(), blocs: ["EU", "NONEU", "OTHER", "RUSSIA"])
    #expect(analysis.partition.status == .partition)
    #expect(analysis.partition.unassignedActors.isEmpty)
    // 11 + 14 + 60 + 81 = 166: the shares sum to 1.
    #expect(analysis.blocs.map(\.weight) == [11, 14, 60, 81])
    #expect(approximatelyEqual(analysis.partition.shareSum, 1, tolerance: 1e-12))
    #expect(analysis.matrix.weights.joined().reduce(0, +) == 166)
    #expect(analysis.matrix.weights[3] == [8, 13, 60, 0])
  }

  @Test func overlappingBlocs() throws {
    let analysis = try BlocAnalysis(Self.episode(), blocs: ["EU", "NATO"])
    // FRA and DEU are in both. NATO lists FRA twice: one member, not an overlap.
    #expect(analysis.partition.status == .overlapping)
    #expect(analysis.partition.overlappingActors == ["DEU", "FRA"])
    #expect(analysis.partition.unassignedActors == ["RUS", "UKR"])
    #expect(analysis.partition.unassignedWeight == 81 + 13)
    let nato = analysis.blocs[1]
    #expect(nato.members == ["FRA", "DEU", "USA", "NOR"])
    // NATO: FRA 6 + DEU 4 + USA 60 + NOR 1 = 71; FRA and DEU count in the EU's 11 as well.
    #expect(nato.weight == 71)
    #expect(approximatelyEqual(analysis.partition.shareSum, (11.0 + 71.0) / 166.0))
    // FRA→DEU lies in every cell: EU→EU, EU→NATO, NATO→EU, NATO→NATO.
    #expect(analysis.matrix.weights == [[2, 2], [2, 2]])
    // NATO: I = 2; E = out 4 + 4 + 60 + 1 + 0, in 4 + 4 + 60 = 137; EI = 135/139.
    #expect(nato.externalWeight == 137)
    #expect(approximatelyEqual(nato.eiIndex, 135.0 / 139.0))
    // Bloc graph: EU↔NATO (2, 2), EU↔RUS (9, 8), NATO↔RUS (69, 68), UKR↔RUS (13, 13) and
    // NATO→UKR (0): L = 9, L↔ = 8; W = 184; W↔ = 4 + 16 + 136 + 26 = 182.
    let g = analysis.blocGraph
    #expect(g.links == 9 && g.reciprocatedLinks == 8)
    #expect(g.totalWeight == 184 && g.reciprocatedWeight == 182)
  }

  @Test func allBlocsByDefaultAndUnknownBlocs() throws {
    let analysis = try BlocAnalysis(Self.episode())
    #expect(analysis.blocs.map(\.id) == ["EU", "NONEU", "OTHER", "NATO", "RUSSIA"])
    #expect(analysis.partition.status == .overlapping)
    #expect(throws: DiploGraphError.self) { try BlocAnalysis(Self.episode(), blocs: ["EU", "XX"]) }
  }

  @Test func emptySelectionAndNoBlocs() throws {
    let empty = try BlocAnalysis(
      Network(
        dataSet(Self.edges.map { Edge($0.0, $0.1, $0.2) }, blocs: Self.blocs),
        selection: Selection(kinds: ["none"])))
    #expect(empty.totalWeight == 0)
    #expect(empty.blocs.allSatisfy { $0.share == nil && $0.activeMembers.isEmpty })
    #expect(empty.blocs.allSatisfy { $0.eiIndex == nil && $0.meanPerActiveMember == nil })
    #expect(empty.partition.shareSum == nil)
    #expect(empty.blocGraph.binary == nil)
    // No blocs at all: every acting actor is unassigned.
    let none = try BlocAnalysis(network([("A", "B", 1), ("B", "B", 3)]))
    #expect(none.blocs.isEmpty)
    #expect(none.partition.status == .disjointIncomplete)
    #expect(none.partition.unassignedActors == ["A"])
    #expect(none.matrix.unassignedToUnassigned == 1)
    // The bloc graph is then the actor graph: A→B alone.
    #expect(none.blocGraph.links == 1 && none.blocGraph.binary == 0)
  }

  // MARK: Properties

  /// Edges among six actors, and each actor's bloc: 0…2, or 3 for none.
  static let input = zip(
    ReciprocityTests.edges, Gen.int(in: 0...3).array(of: 6))

  static func analyse(_ edges: [(Int, Int, Int?)], _ assignment: [Int], names: [String]? = nil)
    throws -> BlocAnalysis
  {
    let names = names ?? (0..<6).map { "A\($0)" }
    let blocs = (0..<3).map { b in
      ("B\(b)", names.indices.filter { assignment[$0] == b }.map { names[$0] })
    }
    let triples = randomTriples(edges, names: names)
    return try BlocAnalysis(Network(dataSet(triples.map { Edge($0.0, $0.1, $0.2) }, blocs: blocs)))
  }

  @Test func partitionSharesSumToOne() async {
    await propertyCheck(input: Self.input) { edges, assignment in
      // Every actor in one of the three blocs: a partition.
      let analysis = try Self.analyse(edges, assignment.map { $0 % 3 })
      #expect(analysis.partition.status == .partition)
      if analysis.totalWeight > 0 {
        #expect(approximatelyEqual(analysis.partition.shareSum, 1, tolerance: 1e-12))
        let sum = analysis.blocs.compactMap(\.share).reduce(0, +)
        #expect(abs(sum - 1) <= 1e-12)
      }
      #expect(analysis.matrix.weights.joined().reduce(0, +) == analysis.totalWeight)
      #expect(analysis.blocs.map(\.weight).reduce(0, +) == analysis.totalWeight)
    }
  }

  @Test func disjointBlocsAccountForEveryLink() async {
    await propertyCheck(input: Self.input) { edges, assignment in
      let analysis = try Self.analyse(edges, assignment)
      let m = analysis.matrix
      let total =
        m.weights.joined().reduce(0, +) + m.toUnassigned.reduce(0, +)
        + m.fromUnassigned.reduce(0, +) + m.unassignedToUnassigned
      #expect(total == analysis.totalWeight)
      #expect(analysis.partition.status != .overlapping)
      for bloc in analysis.blocs {
        if let ei = bloc.eiIndex { #expect(ei >= -1 && ei <= 1) }
        // I is the diagonal cell.
        let b = analysis.blocs.firstIndex { $0.id == bloc.id }!
        #expect(bloc.internalWeight == m.weights[b][b])
      }
      if let r = analysis.blocGraph.binary { #expect(r >= 0 && r <= 1) }
      if let r = analysis.blocGraph.weighted { #expect(r >= 0 && r <= 1) }
    }
  }

  @Test func relabellingChangesNothing() async {
    await propertyCheck(input: Self.input, Gen.shuffled(["P", "Q", "R", "S", "T", "U"])) {
      input, names in
      let (edges, assignment) = input
      let a = try Self.analyse(edges, assignment)
      let b = try Self.analyse(edges, assignment, names: names)
      #expect(a.blocs.map(\.weight) == b.blocs.map(\.weight))
      #expect(a.blocs.map(\.eiIndex) == b.blocs.map(\.eiIndex))
      #expect(a.matrix.weights == b.matrix.weights)
      #expect(a.blocGraph == b.blocGraph)
    }
  }
}
