import Foundation
import TestSupport
import Testing

@_spi(Testing) @testable import DiploGraph

/// The POLECAT reader on files in POLECAT's published layout (``POLECATSamples``): PLOVER
/// types, modes and contexts, trailing tabs, Latin-1, with the statistics worked by hand.
@Suite struct POLECATReaderTests {
  typealias Event = POLECATSamples.Event

  /// The worked example (``POLECATSamples/worked``).
  static let events = POLECATSamples.worked

  static func read(
    _ bytes: [UInt8], format: EventData.Format? = nil, codes: String? = nil
  ) throws -> Document {
    var options = EventData.ReadOptions()
    if let codes {
      options.codes = EventCodeFilter(parsing: codes) ?? .diplomaticConflict
      options.plover = PLOVERFilter(parsing: codes)
    }
    return try EventData.read(bytes, format: format, file: "events.tsv", options: options)
  }

  static var file: [UInt8] { Array(POLECATSamples.file(events, trailingTabs: 3).utf8) }

  @Test func keepsDiplomaticExpulsionsByDefault() throws {
    let document = try Self.read(Self.file)
    let table = document.dataSet.actions
    #expect(table.map(\.id?.rawValue) == ["a1", "a2"])
    #expect(table.map(\.kind.rawValue) == ["plover:sanction/expel", "plover:sanction/withdraw"])
    #expect(table.map(\.actor.rawValue) == ["GBR", "RUS"])
    #expect(table.map(\.target.rawValue) == ["RUS", "GBR"])
    #expect(table.map { $0.date?.description } == ["2018-03-26", "2018-03-27"])
    #expect(table[0].sources.map(\.rawValue) == ["example-news"])
    #expect(!document.hasErrors)
    #expect(
      document.diagnostics.map(\.message) == [
        "skipped 1 event(s) of the PLOVER codes sanction/expel@diplomatic,"
          + "sanction/withdraw@diplomatic without both an actor and a target country"
      ])
  }

  @Test func codesChooseTypesModesAndContexts() throws {
    func kept(_ codes: String) throws -> [String] {
      try Self.read(Self.file, codes: codes).dataSet.actions.map { "\($0.id!):\($0.kind)" }
    }
    try #expect(
      kept("sanction") == [
        "a1:plover:sanction/expel", "a2:plover:sanction/withdraw", "a3:plover:sanction/expel",
        "a4:plover:sanction/discontinue",
      ])
    try #expect(kept("sanction/expel") == ["a1:plover:sanction/expel", "a3:plover:sanction/expel"])
    try #expect(kept("SANCTION@economic") == ["a3:plover:sanction/expel"])
    try #expect(
      kept("accuse, sanction/discontinue") == [
        "a4:plover:sanction/discontinue", "a5:plover:accuse/disapprove",
      ])
    try #expect(kept("all").count == 5)
    // 161, the CAMEO default, is the PLOVER default; other CAMEO codes are refused.
    try #expect(kept("161") == ["a1:plover:sanction/expel", "a2:plover:sanction/withdraw"])
    #expect(throws: DiploGraphError.self) { try Self.read(Self.file, codes: "16") }
  }

  @Test func filtersParseAndPrint() throws {
    let filter = try #require(PLOVERFilter(parsing: "Sanction/Expel@Diplomatic, threaten"))
    #expect(filter.description == "sanction/expel@diplomatic,threaten")
    #expect(PLOVERFilter(parsing: "ALL") == .all)
    #expect(PLOVERFilter(parsing: "sanctions") == nil)
    #expect(PLOVERFilter(parsing: "sanction/") == nil)
    #expect(PLOVERFilter(parsing: "sanction/expel@") == nil)
    #expect(PLOVERFilter(parsing: "") == nil)
    #expect(PLOVERFilter(parsing: "161") == nil)
    #expect(
      PLOVERFilter.diplomaticExpulsion.kind(
        type: "SANCTION", mode: "withdraw", contexts: "military, Diplomatic")
        == "plover:sanction/withdraw")
    #expect(
      PLOVERFilter.diplomaticExpulsion.kind(type: "SANCTION", mode: "", contexts: "diplomatic")
        == nil)
  }

  /// By hand with `--codes sanction`: links GBR→RUS, RUS→GBR, USA→RUS, FRA→RUS, 1 event
  /// each. Two of four links have a link back: r = 1/2; W = 4, Σ min = 2: r_w = 1/2. RUS
  /// sends 1 and receives 3.
  @Test func statisticsByHand() throws {
    let data = try Self.read(Self.file, codes: "sanction").dataSet
    let statistics = try Statistics(data)
    #expect(statistics.overview.weight == .events)
    #expect(statistics.reciprocity.binary == 0.5)
    #expect(statistics.reciprocity.totalWeight == 4)
    #expect(statistics.reciprocity.reciprocatedWeight == 2)
    let rw = try #require(statistics.reciprocity.weighted)
    #expect(abs(rw - 0.5) < 1e-12)
    let russia = try #require(statistics.actors.first { $0.actor == ActorID("RUS") })
    #expect((russia.outStrength, russia.inStrength) == (1, 3))
  }

  @Test func latin1IsReadAsLatin1() throws {
    let events = [
      Event("b1", "2021-04-19", "Côte d'Ivoire", "Russian Federation"),
      Event("b2", "2021-04-20", "Czech Republic", "RUS"),
    ]
    let text = POLECATSamples.file(events, trailingTabs: 1)
    let utf8 = try Self.read(Array(text.utf8))
    #expect(utf8.dataSet.actions.map { "\($0.actor)>\($0.target)" } == ["CIV>RUS", "CZE>RUS"])
    #expect(utf8.diagnostics.isEmpty)

    let latin = try #require(text.data(using: .isoLatin1))
    let bytes = [UInt8](latin)
    let invalid = try #require(bytes.firstIndex(of: 0xF4))  // "ô"
    let document = try Self.read(bytes)
    #expect(document.dataSet.actions.map { "\($0.actor)>\($0.target)" } == ["CIV>RUS", "CZE>RUS"])
    #expect(
      document.diagnostics.map(\.message) == [
        "read as Latin-1 (ISO 8859-1): the file is not UTF-8 (byte \(invalid + 1), line 2)"
      ])
    // Columns count characters, as in the UTF-8 file.
    let line = text.split(separator: "\n")[1]
    let location = document.map.location(of: DataPath(.actions, 0, field: "date"))
    #expect(location.column == EventDataTests.column(of: 1, in: String(line)))
    let after = document.map.location(of: DataPath(.actions, 0, field: "target"))
    #expect(after.column == EventDataTests.column(of: 16, in: String(line)))
  }

  @Test func badRecordsGetLocatedErrors() throws {
    var lines = POLECATSamples.file(Array(Self.events.prefix(3))).split(separator: "\n")
      .map(String.init)
    lines[1] = lines[1].replacingOccurrences(of: "\t2018-03-26\t", with: "\t2018-02-30\t")
    lines[2] = lines[2] + "\tnot empty"
    lines[3] = lines[3].replacingOccurrences(of: "\tSANCTION\t", with: "\t\t")
    let document = try Self.read(Array((lines.joined(separator: "\n") + "\n").utf8), codes: "all")
    #expect(
      document.diagnostics.filter { $0.severity == .error }.map(\.description) == [
        "events.tsv:2:4 (row 1, column \"Event Date\"): error: expected a day as YYYY-MM-DD, "
          + "found \"2018-02-30\"",
        "events.tsv:3:1 (row 2): error: expected 40 tab-separated fields (POLECAT), found 41",
        "events.tsv:4:\(EventDataTests.column(of: 2, in: lines[3])) (row 3, column \"Event "
          + "Type\"): error: expected an event type",
      ])
  }

  @Test func kindsHaveReadableNames() {
    #expect(
      PLOVERCodes.name(of: ActionKind("plover:sanction/expel"))
        == "sanction: expel (expel an entity from a group or country, diplomats included)")
    #expect(
      PLOVERCodes.name(of: ActionKind("plover:sanction")) == "sanction (reduce or break relations)")
    #expect(PLOVERCodes.name(of: ActionKind("plover:sanction/other")) == "sanction: other")
    #expect(PLOVERCodes.name(of: ActionKind("plover:nothing")) == nil)
    #expect(PLOVERCodes.name(of: ActionKind("cameo:161")) == nil)
    #expect(PLOVERCodes.types.count == 16)
    #expect(Set(PLOVERCodes.types.map(\.name)).count == 16)
    #expect(
      PLOVERCodes.typesByName["sanction"]?.modes.map(\.name) == [
        "convict", "expel", "withdraw", "discontinue",
      ])
  }
}
