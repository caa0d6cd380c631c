import DiploGraph
import PropertyBased
import TestSupport
import Testing

/// The mapping pass (``DataSet/mapActorSpellings(using:)``): names and codes as written become
/// the reference's ids, once, after reading; the warnings on ids that differ only in case.
@Suite struct ActorMappingTests {
  func day(_ text: String) -> Day? { Day(iso: text) }

  /// Three spellings of Russia and three of the United Kingdom, as news transcriptions write
  /// them, without an actors file.
  func threeSpellings() -> DataSet {
    DataSet(
      actions: ActionTable([
        Action(actor: "Russia", target: "UK", kind: .expulsion, count: 23, date: day("2018-03-17")),
        Action(actor: "GBR", target: "RUS", kind: .expulsion, count: 23, date: day("2018-03-14")),
        Action(actor: "rus", target: "United Kingdom", kind: .expulsion, count: 1),
        Action(actor: "Foo", target: "Russian Federation", kind: .expulsion, count: 2),
      ]))
  }

  @Test func russiaRUSAndRusAreOneActor() throws {
    var data = threeSpellings()
    let mapping = data.mapActorSpellings()
    let network = try Network(data)
    #expect(network.actors.map(\.id) == ["RUS", "GBR", "Foo"])
    // Rows keep their order and every other field.
    #expect(data.actions.map(\.actor) == ["RUS", "GBR", "RUS", "Foo"])
    #expect(data.actions.map(\.target) == ["GBR", "RUS", "GBR", "RUS"])
    #expect(data.actions.map(\.count) == [23, 23, 1, 2])
    #expect(data.actions[2].date == nil)
    // By hand: RUS → GBR 23 + 1 = 24, GBR → RUS 23, Foo → RUS 2.
    #expect(network.links.weight(from: 0, to: 1) == 24)
    #expect(network.links.weight(from: 1, to: 0) == 23)
    #expect(mapping.idsBefore == 8)
    #expect(mapping.idsAfter == 3)
    #expect(mapping.unrecognised == ["Foo"])
    #expect(mapping.alreadyReference == ["GBR", "RUS"])
    let how = Dictionary(uniqueKeysWithValues: mapping.mapped.map { ($0.spelling, $0.how) })
    #expect(
      how == [
        "Russia": "name, exact", "UK": "alias, exact", "United Kingdom": "name, exact",
        "Russian Federation": "name, exact", "rus": "id, folded",
      ])
    #expect(mapping.mapped.map(\.spelling) == mapping.mapped.map(\.spelling).sorted())
  }

  @Test func keptIdsAreThreeActorsAndAWarning() throws {
    let data = threeSpellings()
    let network = try Network(data)
    #expect(Set(network.actors.map(\.id)).isSuperset(of: ["Russia", "RUS", "rus"]))
    let warnings = Validator.validate(data).filter { $0.message.contains("differ only in case") }
    #expect(warnings.count == 1)
    #expect(warnings.first?.severity == .warning)
    // "RUS" and "rus" share a key; "Russia" does not (its key is "russia").
    #expect(warnings.first?.message.contains(#""RUS" and "rus""#) == true)
    // Mapped, the same data set has nothing left to warn about.
    var mapped = data
    mapped.mapActorSpellings()
    #expect(Validator.validate(mapped).allSatisfy { !$0.message.contains("differ only") })
  }

  @Test func unrecognisedIdsThatDifferOnlyInCaseAreWarnedAboutEvenWhenMapped() {
    var data = DataSet(
      actions: ActionTable([
        Action(actor: "Wagner Group", target: "FRA", kind: .expulsion, count: 1),
        Action(actor: "wagner group", target: "FRA", kind: .expulsion, count: 1),
      ]))
    let mapping = data.mapActorSpellings()
    #expect(mapping.unrecognised == ["Wagner Group", "wagner group"])
    let warnings = Validator.validate(data).filter { $0.message.contains("differ only") }
    #expect(warnings.count == 1)
    #expect(warnings.first?.location?.path == "$.actions[1].actor")
  }

  /// An actors file's ids win: a declared "Russia" stays "Russia", and the undeclared spellings
  /// of Russia join it instead of becoming `RUS`.
  @Test func aDeclaredSpellingClaimsItsReferenceActor() throws {
    var data = DataSet(
      actors: [Actor(id: "Russia", name: "Russia"), Actor(id: "GBR", name: "United Kingdom")],
      actions: ActionTable([
        Action(actor: "Russia", target: "GBR", kind: .expulsion, count: 23),
        Action(actor: "GBR", target: "RUS", kind: .expulsion, count: 23),
        Action(actor: "UK", target: "rus", kind: .expulsion, count: 1),
      ]))
    let mapping = data.mapActorSpellings()
    #expect(data.actions.map(\.actor) == ["Russia", "GBR", "GBR"])
    #expect(data.actions.map(\.target) == ["GBR", "Russia", "Russia"])
    #expect(mapping.declaredClaims == ["Russia": "RUS"])
    #expect(Validator.validate(data).filter { $0.severity == .error }.isEmpty)
  }

  @Test func blocMembersAndFigureScopesAreRenamedToo() {
    var data = DataSet(
      blocs: [Bloc(id: "B", name: "B", members: ["Russia", "RUS", "France"])],
      actions: ActionTable([Action(actor: "France", target: "Russia", kind: .expulsion)]))
    data.mapActorSpellings()
    #expect(data.blocs[0].members == ["RUS", "FRA"])
  }

  @Test func aDataSetOfReferenceIdsIsLeftAsItIs() throws {
    let original = try Fixtures.skripal2018()
    var data = original
    let mapping = data.mapActorSpellings()
    #expect(data == original)
    #expect(mapping.mapped.isEmpty)
  }

  // MARK: Property

  /// The spellings of four actors, as a transcription might mix them.
  static let spellings: [[String]] = [
    ["RUS", "Russia", "rus", "Russian Federation", " russia "],
    ["GBR", "UK", "United Kingdom", "Britain", "gbr"],
    ["USA", "US", "United States", "U.S.", "United States of America"],
    ["CZE", "Czechia", "Czech Republic", "cze", "CZ"],
  ]

  static let actions = zip(
    Gen.int(in: 0...3), Gen.int(in: 0...3), Gen.int(in: 0...4), Gen.int(in: 0...4),
    Gen.int(in: 0...9).optional, Gen.int(in: 0...3)
  ).array(of: 0...25)

  /// Writing an actor under any of its spellings changes no statistic once mapped: the same
  /// data with every actor under its id gives the same ``Statistics``, bloc weights included.
  @Test func relabellingSpellingsChangesNoStatistic() async {
    await propertyCheck(input: Self.actions) { rows in
      var canonical = ActionTable()
      var spelt = ActionTable()
      for (a, t, sa, st, count, d) in rows {
        let date = Day(iso: "2018-03-2\(d)")
        let ids = (Self.spellings[a][0], Self.spellings[t][0])
        let written = (Self.spellings[a][sa], Self.spellings[t][st])
        canonical.append(
          Action(
            actor: ActorID(ids.0), target: ActorID(ids.1), kind: .expulsion, count: count,
            date: date))
        spelt.append(
          Action(
            actor: ActorID(written.0), target: ActorID(written.1), kind: .expulsion, count: count,
            date: date))
      }
      var mapped = DataSet(actions: spelt)
      mapped.mapActorSpellings()
      let options = AnalysisOptions(blocs: ["EU", "NATO"])
      // Read the same way: the mapping declares the actors of both.
      var ids = DataSet(actions: canonical)
      ids.mapActorSpellings()
      let expected = try Statistics(ids, options: options)
      #expect(try Statistics(mapped, options: options) == expected)
    }
  }
}
