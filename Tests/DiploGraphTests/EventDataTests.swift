import Foundation
import TestSupport
import Testing

@_spi(Testing) @testable import DiploGraph

/// The GDELT reader on files in GDELT's published layouts (``GDELTSamples``), with the
/// statistics of a small file worked by hand.
@Suite struct EventDataTests {
  typealias Event = GDELTSamples.Event

  /// Eight events of March 2018. Kept with the default codes (161): 1, 2, 3, 4, 7, 8; event 5
  /// has no actor country (skipped, counted), event 6 is of code 0211 (passed over). Event 4's
  /// actor is CAMEO's `ROM`, ISO's `ROU`.
  static let events: [Event] = [
    Event(1, "20180326", "GBR", "RUS", mentions: 10),
    Event(2, "20180329", "RUS", "GBR", mentions: 6),
    Event(3, "20180326", "USA", "RUS", mentions: 4),
    Event(4, "20180326", "ROM", "RUS", mentions: 2),
    Event(5, "20180327", "", "RUS"),
    Event(6, "20180327", "FRA", "RUS", "0211"),
    Event(7, "20180330", "RUS", "USA", mentions: 8),
    Event(8, "20180326", "GBR", "RUS", mentions: 1, url: "https://news.example/other"),
  ]

  static func read(
    _ text: String, options: EventData.ReadOptions = EventData.ReadOptions()
  ) throws -> Document {
    try EventData.read(Array(text.utf8), file: "events.tsv", options: options)
  }

  @Test(arguments: [57, 58, 61]) func readsEveryLayout(columns: Int) throws {
    let document = try Self.read(GDELTSamples.file(Self.events, columns: columns))
    let table = document.dataSet.actions
    #expect(table.map(\.id?.rawValue) == ["1", "2", "3", "4", "7", "8"])
    #expect(table.map(\.actor.rawValue) == ["GBR", "RUS", "USA", "ROU", "RUS", "GBR"])
    #expect(table.map(\.target.rawValue) == ["RUS", "GBR", "RUS", "RUS", "USA", "RUS"])
    #expect(Set(table.map(\.kind.rawValue)) == ["cameo:161"])
    #expect(
      table.map { $0.date?.description } == [
        "2018-03-26", "2018-03-29", "2018-03-26", "2018-03-26", "2018-03-30", "2018-03-26",
      ])
    #expect(table.allSatisfy { action in action.count == nil })
    #expect(table.indices.map { table.mentions(row: $0) } == [10, 6, 4, 2, 8, 1])
    let urls = table.map { $0.sources.map(\.rawValue) }
    if columns == 57 {
      #expect(urls.allSatisfy { $0.isEmpty })
    } else {
      #expect(urls[0] == ["https://news.example/1"])
      #expect(urls[5] == ["https://news.example/other"])
    }
    #expect(!document.hasErrors)
    #expect(
      document.diagnostics.map(\.description) == [
        "events.tsv: warning: skipped 1 event(s) of the codes 161 without both an actor and a "
          + "target country"
      ])
    // The actors are declared with the reference's names.
    #expect(document.dataSet.actor(ActorID("ROU"))?.name == "Romania")
  }

  @Test func codesAreTextWithTheirLeadingZeros() throws {
    let text = GDELTSamples.file([
      Event(1, "20180101", "FRA", "DEU", "0211"), Event(2, "20180101", "FRA", "DEU", "010"),
      Event(3, "20180101", "FRA", "DEU", "10"), Event(4, "20180101", "FRA", "DEU", "1011"),
      Event(5, "20180101", "FRA", "DEU", "1313"), Event(6, "20180101", "FRA", "DEU", "166"),
      Event(7, "20180101", "FRA", "DEU", "1661"), Event(8, "20180101", "FRA", "DEU", "161"),
    ])
    func kinds(_ codes: String) throws -> [String] {
      let filter = try #require(EventCodeFilter(parsing: codes))
      return try Self.read(text, options: .init(codes: filter)).dataSet.actions
        .map(\.kind.rawValue)
    }
    try #expect(kinds("02") == ["cameo:0211"])
    try #expect(kinds("0211, 010") == ["cameo:0211", "cameo:010"])
    try #expect(kinds("10") == ["cameo:10", "cameo:1011"])
    try #expect(kinds("16") == ["cameo:166", "cameo:1661", "cameo:161"])
    try #expect(kinds("161,1313") == ["cameo:1313", "cameo:161"])
    try #expect(kinds("all").count == 8)
    try #expect(Self.read(text).dataSet.actions.map(\.kind.rawValue) == ["cameo:161"])
    #expect(EventCodeFilter(parsing: "16a") == nil)
    #expect(EventCodeFilter(parsing: "") == nil)
    #expect(EventCodeFilter(parsing: "1") == nil)
  }

  /// By hand: links GBR→RUS (events 1 and 8: 2 events, 11 mentions), RUS→GBR (1; 6),
  /// USA→RUS (1; 4), RUS→USA (1; 8), ROU→RUS (1; 2). Four of five links have a link back:
  /// r = 4/5. By events, W = 6 and Σ min(w_ij, w_ji) = 1 + 1 + 1 + 1 = 4: r_w = 2/3. By
  /// mentions, W = 31 and Σ min = 6 + 6 + 4 + 4 = 20: r_w = 20/31. RUS sends 2 events (14
  /// mentions) and receives 4 (17 mentions).
  @Test func statisticsByHandWithEachWeight() throws {
    var data = try Self.read(GDELTSamples.file(Self.events)).dataSet
    #expect(data.resolvedWeight == .events)

    let byEvents = try Statistics(data)
    #expect(byEvents.overview.weight == .events)
    #expect(byEvents.reciprocity.binary == 0.8)
    #expect(byEvents.reciprocity.totalWeight == 6)
    #expect(byEvents.reciprocity.reciprocatedWeight == 4)
    let rwEvents = try #require(byEvents.reciprocity.weighted)
    #expect(abs(rwEvents - 2.0 / 3.0) < 1e-12)
    let russia = try #require(byEvents.actors.first { $0.actor == ActorID("RUS") })
    #expect((russia.outStrength, russia.inStrength) == (2, 4))

    data.weight = .mentions
    let byMentions = try Statistics(data)
    #expect(byMentions.overview.weight == .mentions)
    #expect(byMentions.reciprocity.totalWeight == 31)
    #expect(byMentions.reciprocity.reciprocatedWeight == 20)
    let rwMentions = try #require(byMentions.reciprocity.weighted)
    #expect(abs(rwMentions - 20.0 / 31.0) < 1e-12)
    let russiaM = try #require(byMentions.actors.first { $0.actor == ActorID("RUS") })
    #expect((russiaM.outStrength, russiaM.inStrength) == (14, 17))

    data.weight = .count
    let byCount = try Statistics(data)
    #expect(byCount.reciprocity.totalWeight == 0)
    #expect(byCount.reciprocity.weighted == nil)
  }

  @Test func dedupeKeepsOneEventPerDayWithEverySource() throws {
    let document = try Self.read(
      GDELTSamples.file(Self.events), options: .init(dedupe: .day))
    let table = document.dataSet.actions
    // Events 1 and 8 (GBR→RUS, 26 March) become one, with both URLs and 11 mentions.
    #expect(table.map(\.id?.rawValue) == ["1", "2", "3", "4", "7"])
    #expect(
      table[0].sources.map(\.rawValue) == ["https://news.example/1", "https://news.example/other"])
    #expect(table.mentions(row: 0) == 11)
  }

  @Test func countryCodesResolveThroughTheReference() throws {
    let text = GDELTSamples.file([
      Event(1, "20180101", "ROM", "EUR"), Event(2, "20180101", "XYZ", "RUS"),
      Event(3, "20180101", "XYZ", "NATO"),
    ])
    let document = try Self.read(text)
    #expect(
      document.dataSet.actions.map { "\($0.actor)>\($0.target)" } == [
        "ROU>EUR", "XYZ>RUS", "XYZ>NATO",
      ])
    #expect(document.dataSet.actor(ActorID("EUR"))?.kind == .region)
    #expect(
      document.diagnostics.map(\.message) == [
        "kept 1 country spelling(s) the reference data does not know as written: XYZ (2)"
      ])
  }

  @Test func badRecordsGetLocatedErrors() throws {
    var lines = GDELTSamples.file(Array(Self.events.prefix(3))).split(separator: "\n")
      .map(String.init)
    // Line 2: a day that does not exist; line 3: 12 fields.
    lines[1] = lines[1].replacingOccurrences(of: "\t20180329\t", with: "\t20180230\t")
    lines[2] = lines[2].split(separator: "\t").prefix(12).joined(separator: "\t")
    lines.append(
      GDELTSamples.record(Event(9, "20180101", "FRA", "DEU", mentions: 1))
        .replacingOccurrences(of: "\t1\t1\t1\t", with: "\tmany\t1\t1\t"))
    let document = try Self.read(lines.joined(separator: "\n") + "\n")
    #expect(
      document.diagnostics.filter { $0.severity == .error }.map(\.description) == [
        "events.tsv:2:3 (row 2, column \"SQLDATE\"): error: expected a day as YYYYMMDD, "
          + "found \"20180230\"",
        "events.tsv:3:1 (row 3): error: expected 61 tab-separated fields (GDELT 2.0), found 12",
        "events.tsv:4:\(Self.column(of: 31, in: lines[3])) (row 4, column \"NumMentions\"): "
          + "error: expected a whole number of mentions ≥ 0, found \"many\"",
      ])
    #expect(document.dataSet.actions.count == 1)
  }

  /// The 1-based character column where field `field` of `line` starts.
  static func column(of field: Int, in line: String) -> Int {
    line.split(separator: "\t", omittingEmptySubsequences: false).prefix(field)
      .reduce(1) { $0 + $1.count + 1 }
  }

  @Test func theSourceMapPointsAtTheField() throws {
    let text = GDELTSamples.file(Self.events)
    let document = try Self.read(text)
    let lines = text.split(separator: "\n").map(String.init)
    // Action 4 is event 7, on line 7.
    let location = document.map.location(of: DataPath(.actions, 4, field: "target"))
    #expect(location.line == 7)
    #expect(location.column == Self.column(of: 17, in: lines[6]))
    #expect(location.path == "row 7, column \"Actor2CountryCode\"")
  }

  @Test func detectionByContent() throws {
    #expect(EventData.detect(Array(GDELTSamples.file(Self.events).utf8)) == .gdelt)
    #expect(EventData.detect(Array(GDELTSamples.file(Self.events, columns: 57).utf8)) == .gdelt)
    #expect(EventData.detect(Array("actor,target,kind\nA,B,x\n".utf8)) == nil)
    #expect(EventData.detect(Array("{\"title\": \"x\"}".utf8)) == nil)
    let notNumeric = GDELTSamples.file(Self.events).replacingOccurrences(
      of: "1\t2018", with: "x\t2018")
    #expect(EventData.detect(Array(notNumeric.utf8)) == nil)
    // A file named as GDELT names its exports is read as events, whatever its suffix.
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("20180326000000.export.CSV").path
    try Data(GDELTSamples.file(Self.events).utf8).write(to: URL(fileURLWithPath: path))
    let document = try DataSetFile.read(path)
    #expect(document.dataSet.actions.count == 6)
    #expect(DataSetFile.inputFiles(path) == [path])
  }

  @Test func everySplitGivesTheSequentialResult() throws {
    var events: [Event] = []
    let codes = ["161", "0211", "1661", "161", "174"]
    let states = ["GBR", "RUS", "USA", "FRA", "ROM", "DEU"]
    for i in 0..<60 {
      events.append(
        Event(
          100 + i, "201803\(10 + i % 19)", states[i % 6], states[(i * 5 + 1) % 6],
          codes[i % 5], mentions: i))
    }
    let text = GDELTSamples.file(events)
    let sequential = try Self.read(text, options: .init(codes: .all, parallelism: 1))
    for parts in [2, 3, 7] {
      var options = EventData.ReadOptions(codes: .all, parallelism: parts)
      options.minimumPartBytes = 64
      let parallel = try Self.read(text, options: options)
      #expect(parallel.dataSet == sequential.dataSet)
      #expect(parallel.dataSet.actions.mentionsColumn == sequential.dataSet.actions.mentionsColumn)
      #expect(
        parallel.dataSet.actions.endpointSymbols == sequential.dataSet.actions.endpointSymbols)
      #expect(parallel.diagnostics == sequential.diagnostics)
      let path = DataPath(.actions, 41, field: "date")
      #expect(parallel.map.location(of: path) == sequential.map.location(of: path))
    }
    #expect(sequential.dataSet.actions.count == 60)
  }

  @Test func theCAMEOTableIsComplete() {
    let codes = EventCodes.cameo.map(\.code)
    #expect(codes.count == 311)
    #expect(Set(codes).count == codes.count)
    let roots = codes.filter { $0.count == 2 }
    #expect(roots == (1...20).map { $0 < 10 ? "0\($0)" : "\($0)" })
    #expect(codes.allSatisfy { EventCodes.cameoNames[String($0.prefix(2))] != nil })
    #expect(
      codes.filter { $0.count == 4 }.allSatisfy {
        EventCodes.cameoNames[String($0.prefix(3))] != nil
      })
    #expect(EventCodes.name(of: ActionKind("cameo:161")) == "reduce or break diplomatic relations")
    #expect(EventCodes.name(of: ActionKind("cameo:0211")) == "appeal for economic cooperation")
    #expect(EventCodes.name(of: ActionKind("expulsion")) == nil)
  }
}
