import DiploGraph
import TestSupport
import Testing

/// The 2018 data set against the articles' own figures (../shared/seeds: Al Jazeera, AFP,
/// UNIAN) and against reciprocity worked out by hand.
@Suite struct Skripal2018Tests {
  let data: DataSet

  init() throws { data = try Fixtures.skripal2018() }

  /// The coordinated wave of 26–27 March 2018: expulsions only.
  static let wave = Selection(
    kinds: [.expulsion], since: Day(iso: "2018-03-26"), until: Day(iso: "2018-03-27"))

  /// Al Jazeera's list, country by country.
  static let alJazeeraCounts: [ActorID: Int] = [
    "FRA": 4, "POL": 4, "DEU": 4, "LTU": 3, "CZE": 3, "DNK": 2, "ITA": 2, "ESP": 2, "NLD": 2,
    "EST": 1, "LVA": 1, "SWE": 1, "BEL": 1, "FIN": 1, "ROU": 1, "HRV": 1, "HUN": 1, "IRL": 1,
    "UKR": 13, "MDA": 3, "ALB": 2, "NOR": 1, "MKD": 1, "GEO": 1, "MNE": 1,
    "USA": 60, "CAN": 4, "AUS": 2, "NATO": 7,
  ]

  @Test func perCountryCountsAreTheArticles() throws {
    let network = try Network(data, selection: Self.wave)
    let strengths = ActorStrength.table(of: network)
    var expelled: [ActorID: Int] = [:]
    for s in strengths where s.outStrength > 0 { expelled[s.actor] = Int(s.outStrength) }
    #expect(expelled == Self.alJazeeraCounts)
    // The US's 60 is two announcements (UNIAN): 48 from its missions and 12 at the UN.
    let us = data.actions.filter { $0.actor == "USA" && $0.kind == .expulsion }.map(\.count)
    #expect(sameMultiset(us, [48, 12]))
  }

  @Test func groupTotalsAre35And22And66And123WithNATO7Apart() throws {
    let network = try Network(data, selection: Self.wave)
    let blocs = try BlocAnalysis(
      network, blocs: ["EU", "EUROPE_NON_EU", "OTHER", "ORGANISATIONS"])
    let weight = Dictionary(uniqueKeysWithValues: blocs.blocs.map { ($0.id, $0.weight) })
    #expect(weight["EU"] == 35)
    #expect(weight["EUROPE_NON_EU"] == 22)
    #expect(weight["OTHER"] == 66)
    #expect(weight["ORGANISATIONS"] == 7)
    // 35 + 22 + 66 = 123 by states; with NATO's 7 the wave is 130.
    #expect(weight["EU"]! + weight["EUROPE_NON_EU"]! + weight["OTHER"]! == 123)
    #expect(blocs.totalWeight == 130)
    // The four groups split the acting actors exactly: shares sum to one.
    #expect(blocs.partition.status == .partition)
    #expect(approximatelyEqual(blocs.partition.shareSum, 1, tolerance: 1e-12))
    #expect(approximatelyEqual(blocs.blocs[0].share, 35.0 / 130.0))
    // 18 EU states and 7 others took part (Al Jazeera: "18 EU states, and seven non-EU states").
    #expect(blocs.blocs[0].activeMembers.count == 18)
    #expect(blocs.blocs[1].activeMembers.count == 7)
  }

  @Test func theFourStatesRussiaDidNotAnswer() throws {
    // The states as the articles group them, expulsions and the answers to them.
    let states = Selection(
      kinds: [.expulsion, .retaliation], blocs: ["EU", "EUROPE_NON_EU", "OTHER"])
    let responses = try ResponseAnalysis(try Network(data, selection: states))
    #expect(Set(responses.summary(.unanswered).actors) == ["BEL", "HUN", "GEO", "MNE"])
    #expect(responses.summary(.unanswered).exchanges == 4)
    // Everyone else was answered in kind: 16 EU states, 5 others, the US, Canada and
    // Australia (the US's 48 + 12 answered together by 60). The UK's answers are looked for in
    // the whole data set: 23 expelled and the staff cut of 50, outside the selection: more.
    #expect(responses.summary(.inKind).exchanges == 16 + 5 + 3)
    #expect(responses.summary(.more).exchanges == 1)
    let uk = try #require(responses.exchanges.first { $0.actor == "GBR" })
    #expect(uk.answerTotal == 73 && uk.answerOutsideSelection)
    #expect(responses.answersOutsideSelection == 1)
    #expect(responses.summary(.less).exchanges == 0)
    let us = try #require(responses.exchanges.first { $0.actor == "USA" })
    #expect(us.originalTotal == 60 && us.answerTotal == 60 && us.lagDays == 3)
  }

  @Test func withTheStaffCutTheUKIsAnsweredWithMore() throws {
    let responses = try ResponseAnalysis(try Network(data))
    let uk = try #require(responses.exchanges.first { $0.actor == "GBR" })
    // 23 expelled; answered by 23 expelled (17 March) and a staff cut of 50 (30 March).
    #expect(uk.originalTotal == 23 && uk.answerTotal == 73 && uk.outcome == .more)
    #expect(approximatelyEqual(uk.ratio, 73.0 / 23.0))
    #expect(uk.lagDays == 3)
  }

  @Test func reciprocityWorkedOutByHand() throws {
    let r = try Reciprocity(try Network(data))
    // Links to Russia: the UK, 18 EU states, 7 others in Europe, the US, Canada, Australia,
    // NATO, and the two recalls (Bulgaria, Luxembourg): 1 + 18 + 7 + 3 + 1 + 2 = 32.
    // Links from Russia: the UK, 16 EU states, 5 others, the US, Canada, Australia: 25.
    #expect(r.links == 57)
    // Every link from Russia has one back: 25 mutual pairs, 50 reciprocated links.
    #expect(r.reciprocatedLinks == 50)
    #expect(approximatelyEqual(r.binary, 50.0 / 57.0))
    // N = 33 actors with a link; ā = 57 / (33 × 32); ρ = (r − ā) / (1 − ā).
    #expect(r.nodes == 33)
    let density = 57.0 / (33.0 * 32.0)
    #expect(approximatelyEqual(r.density, density))
    #expect(approximatelyEqual(r.rho, (50.0 / 57.0 - density) / (1 - density)))
    // W: to Russia 23 + 35 + 22 + 60 + 4 + 2 + NATO (7 + 3) = 156; from Russia
    // 73 (UK: 23 + 50) + 33 + 20 + 60 + 4 + 2 = 192; W = 348.
    #expect(r.totalWeight == 348)
    // Σ min(w_ij, w_ji), each mutual pair twice: UK 2 × 23, EU 2 × 33, others in Europe
    // 2 × 20, US 2 × 60, Canada 2 × 4, Australia 2 × 2 = 284.
    #expect(r.reciprocatedWeight == 284)
    #expect(approximatelyEqual(r.weighted, 284.0 / 348.0))
  }

  @Test func whichSourceReportsWhichCountry() throws {
    func actors(reportedBy source: SourceID) -> Set<ActorID> {
      Set(data.actions.filter { $0.kind == .expulsion && $0.sources.contains(source) }.map(\.actor))
    }
    let everyone = Set(Self.alJazeeraCounts.keys).union(["GBR"])
    #expect(actors(reportedBy: "aljazeera") == everyone)
    // AFP: 17 EU states (no Belgium) and 4 outside the EU (no Moldova, Georgia, Montenegro).
    #expect(actors(reportedBy: "afp") == everyone.subtracting(["BEL", "MDA", "GEO", "MNE"]))
    // UNIAN: 16 EU states (no Belgium, Ireland), Ukraine, the US, NATO and the UK.
    let unian = actors(reportedBy: "unian")
    #expect(unian.count == 20)
    #expect(
      unian.isDisjoint(with: ["BEL", "IRL", "MDA", "ALB", "NOR", "MKD", "GEO", "MNE", "CAN", "AUS"])
    )
    // Only AFP reports NATO's accreditation denial and the Seattle consulate closure.
    let afpOnly = data.actions.filter { $0.sources == ["afp"] }.map(\.kind)
    #expect(sameMultiset(afpOnly, [.accreditationDenial, .consulateClosure]))
  }

  @Test func theSourcesOwnTotalsCheckedAgainstTheData() throws {
    let analysis = try SourceAnalysis(try Network(data))
    let failing = analysis.figures.filter { !$0.agrees }.map {
      "\($0.source):\($0.value)→\($0.computed)"
    }
    // AFP's "seventeen EU states" (it has no Belgium) and Tusk's 14 of Monday (16 in the data).
    #expect(Set(failing) == ["afp:17→18", "unian:14→16"])
    let agreeing = analysis.figures.filter(\.agrees).map(\.value)
    #expect(sameMultiset(agreeing, [18, 7, 25, 35, 22, 66, 123, 60, 7, 60, 7, 25, 100, 60, 7]))
    // Al Jazeera's 18 and AFP's 17 EU states count the same actions: they cannot both hold.
    let conflict = try #require(analysis.figureConflicts.first)
    #expect(analysis.figureConflicts.count == 1)
    #expect(Set(conflict.figures.map(\.value)) == [18, 17] && conflict.computed == 18)
  }
}
