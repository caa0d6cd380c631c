import DiploGraph
import TestSupport
import Testing

@Suite struct SourceAnalysisTests {
  static let all: [String] = ["AJ", "AFP", "UNIAN"]

  /// Three sources that agree on most things, as the 2018 articles do.
  static let edges: [Edge] = [
    Edge("FRA", "RUS", 4, sources: all),  // 0
    Edge("DEU", "RUS", 4, sources: all),  // 1
    Edge("HUN", "RUS", 1, sources: all),  // 2
    Edge("BEL", "RUS", 1, sources: ["AJ"]),  // 3
    Edge("IRL", "RUS", 1, sources: ["AJ", "AFP"]),  // 4
    Edge(
      "GBR", "RUS", 23, sources: all,
      claims: [
        Claim(
          source: "UNIAN", count: 24, qualifier: .approximately, quote: "almost two dozen")
      ]),  // 5: "about 24" accepts 23 (slack max(1, 24/10) = 2)
    Edge(
      "USA", "RUS", 60, sources: all,
      claims: [Claim(source: "AFP", count: 60), Claim(source: "UNIAN", count: 48)]),  // 6
    Edge("UKR", "RUS", 13, sources: ["AJ", "AFP"]),  // 7
    Edge("RUS", "GBR", 23),  // 8: no source
    Edge("NOR", "RUS", nil, kind: .consulateClosure, sources: ["AJ"]),  // 9
    Edge("RUS", "RUS", 5, sources: ["AJ"]),  // 10: a self-loop, left out
    Edge(
      "LVA", "RUS", 1, sources: ["AJ"],
      claims: [Claim(source: "NEWS", count: 2, qualifier: .atLeast)]),  // 11
  ]
  static let eu = Selection(blocs: ["EU"], side: .actor)
  static let figures: [ReportedFigure] = [
    ReportedFigure(source: "AJ", label: "EU states", measure: .actors, value: 6, scope: eu),
    ReportedFigure(source: "AFP", label: "EU states", measure: .actors, value: 5, scope: eu),
    ReportedFigure(
      source: "UNIAN", label: "EU states", measure: .actors, value: 3, qualifier: .moreThan,
      scope: eu),
    ReportedFigure(source: "AJ", label: "diplomats", measure: .diplomats, value: 131),
    ReportedFigure(
      source: "UNIAN", label: "countries", measure: .actors, value: 25, qualifier: .atLeast),
    ReportedFigure(source: "AFP", label: "actions", measure: .actions, value: 11),
  ]

  static func analysis(_ selection: Selection = .all) throws -> SourceAnalysis {
    let data = dataSet(
      edges, blocs: [("EU", ["FRA", "DEU", "HUN", "BEL", "IRL", "LVA"])], sources: all,
      figures: figures)
    return try SourceAnalysis(Network(data, selection: selection))
  }

  @Test func perSource() throws {
    let a = try Self.analysis()
    #expect(a.sources.map(\.id) == ["AJ", "AFP", "UNIAN", "NEWS"])
    let aj = a.sources[0]
    // Rows 0–7, 9 and 11 (10 is a self-loop): 10 actions, one without a count;
    // 4 + 4 + 1 + 1 + 1 + 23 + 60 + 13 + 0 + 1 = 108 diplomats.
    #expect(aj.actions == 10 && aj.actionsWithoutCount == 1 && aj.diplomats == 108)
    #expect(aj.actors == ["BEL", "DEU", "FRA", "GBR", "HUN", "IRL", "LVA", "NOR", "UKR", "USA"])
    #expect(aj.title == "Title of AJ" && aj.declared && aj.figures == 2 && aj.claims == 0)
    let afp = a.sources[1]
    // Rows 0, 1, 2, 4, 5, 6, 7: 4 + 4 + 1 + 1 + 23 + 60 + 13 = 106.
    #expect(afp.actions == 7 && afp.diplomats == 106 && afp.claims == 1 && afp.figures == 2)
    let unian = a.sources[2]
    // Rows 0, 1, 2, 5, 6: 4 + 4 + 1 + 23 + 60 = 92.
    #expect(unian.actions == 5 && unian.diplomats == 92 && unian.claims == 2)
    let news = a.sources[3]
    #expect(!news.declared && news.title == nil && news.actions == 0 && news.claims == 1)
    #expect(a.unsourcedActions == 1)
  }

  @Test func omissions() throws {
    let a = try Self.analysis()
    // AJ lists every sourced action; AFP leaves out BEL, NOR and LVA; UNIAN five actors.
    #expect(a.omissions.map(\.source) == ["AFP", "UNIAN"])
    let afp = a.omissions[0]
    #expect(afp.actions == 3 && afp.weight == 1 + 0 + 1)
    #expect(afp.actors.map(\.actor) == ["BEL", "LVA", "NOR"])
    #expect(afp.actors.allSatisfy { $0.actions == 1 && $0.ofActions == 1 })
    let unian = a.omissions[1]
    // BEL 1, IRL 1, UKR 13, NOR 0, LVA 1 = 16.
    #expect(unian.actions == 5 && unian.weight == 16)
    #expect(unian.actors.map(\.actor) == ["BEL", "IRL", "LVA", "NOR", "UKR"])
  }

  @Test func claims() throws {
    let a = try Self.analysis()
    #expect(a.claimDisagreements.map(\.action.row) == [6, 11])
    let usa = a.claimDisagreements[0]
    #expect(usa.claims.map(\.agreesWithAction) == [true, false])
    #expect(usa.conflicts == [SourcePair(first: "AFP", second: "UNIAN")])
    let lva = a.claimDisagreements[1]
    // "at least 2" does not accept the 1 the data uses.
    #expect(lva.claims.map(\.agreesWithAction) == [false])
    #expect(lva.conflicts.isEmpty)
  }

  @Test func claimsThatMeetAreNoDisagreement() throws {
    let data = dataSet([
      Edge(
        "A", "B", 1,
        claims: [
          Claim(source: "S", count: 1, qualifier: .atMost),
          Claim(source: "T", count: 0, qualifier: .moreThan), Claim(source: "U", count: nil),
        ]),
      Edge(
        "A", "C", 23,
        claims: [
          Claim(source: "S", count: 23, qualifier: .approximately),
          Claim(source: "T", count: 30, qualifier: .fewerThan),
        ]),
      Edge(
        "A", "D", nil,
        claims: [
          Claim(source: "S", count: 20, qualifier: .approximately),
          Claim(source: "T", count: 23, qualifier: .atLeast),
        ]),
    ])
    let a = try SourceAnalysis(Network(data))
    // Row 0: (−∞, 1] and [1, ∞) meet at 1; row 1: [21, 25] and (−∞, 29] meet.
    // Row 2: the action has no count, so both figures disagree with it, and [18, 22] and
    // [23, ∞) do not meet.
    #expect(a.claimDisagreements.map(\.action.row) == [2])
    #expect(a.claimDisagreements[0].claims.map(\.agreesWithAction) == [false, false])
    #expect(a.claimDisagreements[0].conflicts == [SourcePair(first: "S", second: "T")])
  }

  @Test func figures() throws {
    let a = try Self.analysis()
    // EU states acting: FRA, DEU, HUN, BEL, IRL, LVA = 6.
    #expect(a.figures.map(\.computed) == [6, 6, 6, 131, 11, 11])
    // AJ 6 ✓, AFP 5 ✗, UNIAN "more than 3" ✓; 131 diplomats ✓ (the data's sum:
    // 4 + 4 + 1 + 1 + 1 + 23 + 60 + 13 + 23 + 0 + 1 = 131, the self-loop's 5 left out);
    // "at least 25" countries ✗ (11 acting actors); 11 actions ✓ (the self-loop is not one).
    #expect(a.figures.map(\.agrees) == [true, false, true, true, false, true])
    // AJ's 6, AFP's 5 and UNIAN's "more than 3" cannot all hold.
    #expect(a.figureConflicts.count == 1)
    #expect(a.figureConflicts[0].figures.map(\.source) == ["AJ", "AFP", "UNIAN"])
    #expect(a.figureConflicts[0].computed == 6 && a.figureConflicts[0].measure == .actors)
  }

  @Test func figuresIgnoreTheSelection() throws {
    let a = try Self.analysis(Selection(actors: ["USA"], side: .actor))
    #expect(a.figures.map(\.computed) == [6, 6, 6, 131, 11, 11])
    // The per-source view follows the selection: one action, the US 60.
    #expect(a.sources.map(\.actions) == [1, 1, 1, 0])
    #expect(a.omissions.isEmpty)
    #expect(a.claimDisagreements.map(\.action.row) == [6])
  }

  @Test func emptySelection() throws {
    let a = try Self.analysis(Selection(kinds: ["none"]))
    #expect(a.sources.allSatisfy { $0.actions == 0 && $0.actors.isEmpty && $0.diplomats == 0 })
    #expect(a.omissions.isEmpty && a.claimDisagreements.isEmpty && a.unsourcedActions == 0)
  }
}
