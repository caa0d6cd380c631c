import DiploGraph
import TestSupport
import Testing

/// A data set that declares no actor (a CSV without an actors file) declares, after the mapping
/// pass, every actor its actions name: with the reference's name and kind where the reference
/// knows the id (``DataSet/declareActionActors(using:)``).
@Suite struct ImpliedActorsTests {
  /// Names as a transcription writes them: two states, NATO, and one actor nobody knows.
  func names() -> DataSet {
    DataSet(
      actions: ActionTable([
        Action(actor: "United Kingdom", target: "Russia", kind: .expulsion, count: 23),
        Action(actor: "Russia", target: "UK", kind: .expulsion, count: 23),
        Action(actor: "Russia", target: "NATO", kind: .accreditationDenial, count: 7),
        Action(actor: "Wagner", target: "France", kind: .expulsion, count: 1),
      ]))
  }

  @Test func mappedActorsTakeTheReferenceNameAndKind() throws {
    var data = names()
    let mapping = data.mapActorSpellings()
    #expect(data.actors.map(\.id) == ["GBR", "RUS", "NATO", "Wagner", "FRA"])
    #expect(
      data.actors.map(\.name) == [
        "United Kingdom", "Russia", "North Atlantic Treaty Organization", "Wagner", "France",
      ])
    #expect(data.actors.map(\.kind) == [.state, .state, .organisation, .state, .state])
    #expect(data.actor("Wagner") == Actor(id: "Wagner", name: "Wagner"))
    #expect(mapping.declared.fromReference == 4 && mapping.declared.asWritten == 1)
    // The network's nodes keep the order of first appearance; the data set validates.
    #expect(try Network(data).actors.map(\.id) == data.actors.map(\.id))
    #expect(Validator.validate(data).filter { $0.severity == .error }.isEmpty)
  }

  @Test func aDataSetsOwnDeclarationsWin() throws {
    var data = names()
    data.actors = [
      Actor(id: "NATO", name: "The Alliance", kind: .state),
      Actor(id: "GBR", name: "Britain"), Actor(id: "RUS", name: "Russia"),
      Actor(id: "FRA", name: "France"), Actor(id: "Wagner", name: "Wagner Group"),
    ]
    let before = data.actors
    let mapping = data.mapActorSpellings()
    #expect(data.actors == before)
    #expect(mapping.declared == ImpliedActors())
  }

  /// Ids of the actions that differ only in case stay undeclared, so that validation warns at
  /// the rows that name them; so do ids with a control character.
  @Test func confusableOrControlIdsDeclareNothing() {
    var confusable = DataSet(
      actions: ActionTable([
        Action(actor: "Atlantis", target: "RUS", kind: .expulsion, count: 1),
        Action(actor: "atlantis", target: "RUS", kind: .expulsion, count: 1),
      ]))
    #expect(confusable.mapActorSpellings().declared == ImpliedActors())
    #expect(confusable.actors.isEmpty)
    var control = DataSet(
      actions: ActionTable([Action(actor: "Fra\u{1}nce", target: "RUS", kind: .expulsion)]))
    #expect(control.declareActionActors() == ImpliedActors())
    #expect(control.actors.isEmpty)
  }

  /// Without the mapping (`--keep-ids`), ids the reference has as ids still take its names.
  @Test func keptIdsAreDeclaredToo() {
    var data = DataSet(
      actions: ActionTable([
        Action(actor: "GBR", target: "RUS", kind: .expulsion, count: 23),
        Action(actor: "Russia", target: "GBR", kind: .expulsion, count: 23),
      ]))
    let implied = data.declareActionActors()
    #expect(data.actors.map(\.name) == ["United Kingdom", "Russia", "Russia"])
    #expect(data.actors.map(\.id) == ["GBR", "RUS", "Russia"])
    #expect(implied.fromReference == 2 && implied.asWritten == 1)
  }
}
