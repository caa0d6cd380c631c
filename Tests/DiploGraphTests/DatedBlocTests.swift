import DiploGraph
import Foundation
import TestSupport
import Testing

/// The reference's blocs on data sets that have no blocs of their own: membership at the date
/// of each action. Every figure is worked by hand (the 2018 one against Al Jazeera's list in
/// shared/seeds), with the EU and NATO of each date as the treaties and accessions have them.
@Suite struct DatedBlocTests {
  func day(_ text: String) -> Day? { Day(iso: text) }

  /// A Graphs/ data set without its blocs (its actors kept: they are ISO ids already).
  func withoutBlocs(_ name: String) throws -> DataSet {
    let url = Fixtures.graph(name)
    var data = try CanonicalJSON.read([UInt8](Data(contentsOf: url)), file: url.path).dataSet
    data.blocs = []
    return data
  }

  /// The 2018 data set as a transcription of the news writes it: country names in the actions
  /// ("Czech Republic", "Macedonia", "United States"), no actors file, no blocs.
  func skripalByName() throws -> (DataSet, ActorMapping) {
    let original = try Fixtures.skripal2018()
    var table = ActionTable()
    for var action in original.actions {
      action.actor = ActorID(original.name(of: action.actor))
      action.target = ActorID(original.name(of: action.target))
      table.append(action)
    }
    var data = DataSet(title: "names only", actions: table)
    let mapping = data.mapActorSpellings()
    return (data, mapping)
  }

  /// Al Jazeera's list ("Total: 35") for the EU member states on 26–27 March 2018: France,
  /// Poland, Germany 4 each; Lithuania, Czech Republic 3; Denmark, Italy, Spain, Netherlands 2;
  /// Estonia, Latvia, Sweden, Belgium, Finland, Romania, Croatia, Hungary, Ireland 1:
  /// 12 + 6 + 8 + 9 = 35. The United Kingdom's 23 were on 14 March, outside the wave.
  @Test func theWaveGivesEUMemberStates35FromCountryNamesAlone() throws {
    let (data, mapping) = try skripalByName()
    #expect(data.blocs.isEmpty)
    // "NATO" is a reference organisation; every name of the data set is recognised, and every
    // actor is declared with the reference's name and kind (no blocs of its own).
    #expect(mapping.unrecognised.isEmpty)
    #expect(mapping.declared.fromReference == data.actors.count && mapping.declared.asWritten == 0)
    #expect(data.actor("NATO")?.kind == .organisation && data.actor("MKD")?.kind == .state)
    let wave = try Network(
      data,
      selection: Selection(
        kinds: [.expulsion], since: day("2018-03-26"), until: day("2018-03-27")))
    let blocs = try BlocAnalysis(wave, blocs: ["EU", "NATO"])
    #expect(blocs.blocs[0].weight == 35)
    #expect(blocs.blocs[0].activeMembers.count == 18)
    #expect(blocs.blocs[0].name == "European Union (reference, dated)")
    // NATO members in the wave: the EU's NATO members (35 − Sweden, Finland, Ireland = 32)
    // + Albania 2, Norway 1, Montenegro 1 (NATO since 5 June 2017), United States 60,
    // Canada 4; not North Macedonia (2020), not the NATO organisation itself: 32 + 68 = 100.
    #expect(blocs.blocs[1].weight == 100)
    #expect(blocs.totalWeight == 130)  // 35 + 22 + 66 + 7, the articles' groups
    // The same figure from the data set's own bloc, as declared.
    let own = try BlocAnalysis(
      try Network(try Fixtures.skripal2018(), selection: wave.selection), blocs: ["EU"])
    #expect(own.blocs[0].weight == 35)
    #expect(own.blocs[0].name == "EU member states")
  }

  @Test func aSelectionOfTheEUByDateKeepsTheWaveAndTheUK() throws {
    let (data, _) = try skripalByName()
    let network = try Network(data, selection: Selection(blocs: ["EU"], side: .actor))
    let strengths = ActorStrength.table(of: network)
    // The UK's 23 of 14 March count: it was in the EU in 2018.
    #expect(strengths.first { $0.actor == "GBR" }?.outStrength == 23)
    #expect(strengths.filter { $0.outStrength > 0 }.count == 19)  // the 18 of the wave + the UK
  }

  /// The United Kingdom counts in the EU in 2018 and not in 2022; France in both.
  @Test func theUnitedKingdomLeftTheEUOn31January2020() throws {
    let data = DataSet(
      actions: ActionTable([
        Action(actor: "GBR", target: "RUS", kind: .expulsion, count: 23, date: day("2018-03-14")),
        Action(actor: "GBR", target: "RUS", kind: .expulsion, count: 5, date: day("2022-04-05")),
        Action(actor: "FRA", target: "RUS", kind: .expulsion, count: 2, date: day("2022-04-05")),
        Action(actor: "RUS", target: "GBR", kind: .expulsion, count: 23, date: day("2018-03-17")),
        Action(actor: "RUS", target: "GBR", kind: .expulsion, count: 4, date: day("2022-04-10")),
      ]))
    let blocs = try BlocAnalysis(try Network(data), blocs: ["EU"])
    let eu = blocs.blocs[0]
    #expect(eu.weight == 25)  // 23 (2018) + 2 (France); not the UK's 5 of 2022
    #expect(eu.activeMembers == ["FRA", "GBR"])
    // E: links with one end in the EU: GBR→RUS 23, FRA→RUS 2, RUS→GBR 23 (2018); not 2022's.
    #expect(eu.externalWeight == 48)
    #expect(eu.internalWeight == 0)
    #expect(blocs.partition.unassignedActors == ["GBR", "RUS"])
    #expect(blocs.partition.unassignedWeight == 5 + 23 + 4)
    let selected = try Network(data, selection: Selection(blocs: ["EU"], side: .actor))
    #expect(selected.actions.map(\.row) == [0, 2])
  }

  /// Finland is in NATO from 4 April 2023: an action of 3 April does not count, one of 5 April
  /// does; an undated one does not (Finland was not a member on every day of the span).
  @Test func finlandCountsInNATOFrom4April2023() throws {
    var data = DataSet(
      actions: ActionTable([
        Action(actor: "FIN", target: "RUS", kind: .expulsion, count: 1, date: day("2023-04-03")),
        Action(actor: "FIN", target: "RUS", kind: .expulsion, count: 2, date: day("2023-04-05")),
        Action(actor: "FIN", target: "RUS", kind: .expulsion, count: 4),
      ]))
    var nato = try BlocAnalysis(try Network(data), blocs: ["NATO"]).blocs[0]
    #expect(nato.weight == 2)
    // Later, the span lies within Finland's membership: the undated action counts too.
    data.actions = ActionTable([
      Action(actor: "FIN", target: "RUS", kind: .expulsion, count: 2, date: day("2023-04-05")),
      Action(actor: "FIN", target: "RUS", kind: .expulsion, count: 4),
    ])
    nato = try BlocAnalysis(try Network(data), blocs: ["NATO"]).blocs[0]
    #expect(nato.weight == 6)
  }

  @Test func anUnknownBlocIsRefused() throws {
    let data = DataSet(
      actions: ActionTable([Action(actor: "FIN", target: "RUS", kind: .expulsion)]))
    #expect(throws: DiploGraphError.self) { try BlocAnalysis(try Network(data), blocs: ["XYZ"]) }
  }

  /// The other Graphs/ data sets, their own blocs removed, every action with a count: the EU
  /// and NATO weights at each action's date, by hand from the data sets' actions (an
  /// independent count in Python over the JSON, with the EU-27 + the UK until 31 January 2020
  /// and NATO's 28 of 2016 + Montenegro from 5 June 2017 + North Macedonia from 27 March 2020).
  @Test(arguments: [
    ("skripal-2018.json", 348, 58, 123),
    ("ukraine-2022.json", 788, 424, 442),
    ("us-russia-2016.json", 790, 0, 35),
    ("vrbetice-2021.json", 119, 90, 90),
  ])
  func euAndNATOWeightsOfTheGraphsDataSets(name: String, total: Int, eu: Int, nato: Int) throws {
    let data = try withoutBlocs(name)
    let blocs = try BlocAnalysis(try Network(data), blocs: ["EU", "NATO"])
    #expect(blocs.totalWeight == Int64(total))
    #expect(blocs.blocs.map(\.weight) == [Int64(eu), Int64(nato)])
  }

  /// A data set's own bloc wins over the reference's of the same id.
  @Test func aDataSetsOwnBlocWins() throws {
    let data = DataSet(
      blocs: [Bloc(id: "EU", name: "my EU", members: ["RUS"])],
      actions: ActionTable([
        Action(actor: "RUS", target: "FRA", kind: .expulsion, count: 3, date: day("2018-01-01")),
        Action(actor: "FRA", target: "RUS", kind: .expulsion, count: 2, date: day("2018-01-02")),
      ]))
    let blocs = try BlocAnalysis(try Network(data), blocs: ["EU", "NATO"])
    #expect(
      blocs.blocs.map(\.name) == ["my EU", "North Atlantic Treaty Organization (reference, dated)"])
    #expect(blocs.blocs.map(\.weight) == [3, 2])
  }
}
