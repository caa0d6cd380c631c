import Foundation
import TestSupport
import Testing

@_spi(Testing) @testable import DiploGraph

/// The ICEWS reader on files in ICEWS's published layout (``ICEWSSamples``): `NA`, country
/// names, repeated Event IDs, reordered columns, with the statistics of a small file worked by
/// hand.
@Suite struct ICEWSReaderTests {
  typealias Event = ICEWSSamples.Event

  /// The worked example (``ICEWSSamples/worked``).
  static let events = ICEWSSamples.worked

  static func read(
    _ text: String, format: EventData.Format? = nil,
    options: EventData.ReadOptions = EventData.ReadOptions()
  ) throws -> Document {
    try EventData.read(Array(text.utf8), format: format, file: "events.tsv", options: options)
  }

  @Test func readsThePublishedLayout() throws {
    let document = try Self.read(ICEWSSamples.file(Self.events))
    let table = document.dataSet.actions
    // Event ID 1 on another day is another event, whose action id says the day.
    #expect(table.map(\.id?.rawValue) == ["1", "2", "3", "6", "1@2018-03-28"])
    #expect(table.map(\.actor.rawValue) == ["GBR", "RUS", "USA", "RUS", "Atlantis"])
    #expect(table.map(\.target.rawValue) == ["RUS", "GBR", "RUS", "USA", "RUS"])
    #expect(Set(table.map(\.kind.rawValue)) == ["cameo:161"])
    #expect(
      table.map { $0.date?.description } == [
        "2018-03-26", "2018-03-29", "2018-03-26", "2018-03-30", "2018-03-28",
      ])
    #expect(table.allSatisfy { $0.count == nil })
    #expect(table[0].sources.map(\.rawValue) == ["Wire A", "Wire B"])
    #expect(table[1].sources.map(\.rawValue) == ["Example Wire"])
    #expect(!document.hasErrors)
    #expect(
      document.diagnostics.map(\.description) == [
        "events.tsv: warning: skipped 1 event(s) of the codes 161 without both an actor and a "
          + "target country",
        "events.tsv: warning: kept 1 country spelling(s) the reference data does not know as "
          + "written: Atlantis (1)",
        "events.tsv: warning: merged 1 row(s) that repeat an event's Event ID and Event Date "
          + "into the event's first row (one event each)",
      ])
    #expect(document.dataSet.title == "ICEWS events from events.tsv")
  }

  /// Columns are found by their names: any order reads to the same data set.
  @Test func columnsInAnyOrder() throws {
    let published = try Self.read(ICEWSSamples.file(Self.events))
    for columns in [
      Array(ICEWSSamples.columns.reversed()),
      ICEWSSamples.columns.filter { $0 != "Event Text" && $0 != "Latitude" } + ["Extra"],
    ] {
      let reordered = try Self.read(ICEWSSamples.file(Self.events, columns: columns))
      #expect(reordered.dataSet == published.dataSet)
      #expect(reordered.diagnostics == published.diagnostics)
    }
  }

  /// By hand, weight events: links GBR→RUS, RUS→GBR, USA→RUS, RUS→USA, Atlantis→RUS, 1 each.
  /// Four of five links have a link back: r = 4/5; W = 5, Σ min(w_ij, w_ji) = 4: r_w = 4/5.
  /// RUS sends 2 and receives 3; GBR sends 1 and receives 1.
  @Test func statisticsByHand() throws {
    let data = try Self.read(ICEWSSamples.file(Self.events)).dataSet
    #expect(data.resolvedWeight == .events)
    let statistics = try Statistics(data)
    #expect(statistics.overview.weight == .events)
    #expect(statistics.reciprocity.binary == 0.8)
    #expect(statistics.reciprocity.totalWeight == 5)
    #expect(statistics.reciprocity.reciprocatedWeight == 4)
    let rw = try #require(statistics.reciprocity.weighted)
    #expect(abs(rw - 0.8) < 1e-12)
    let russia = try #require(statistics.actors.first { $0.actor == ActorID("RUS") })
    #expect((russia.outStrength, russia.inStrength) == (2, 3))
    let britain = try #require(statistics.actors.first { $0.actor == ActorID("GBR") })
    #expect((britain.outStrength, britain.inStrength) == (1, 1))
  }

  @Test func codesSelectAsForGDELT() throws {
    let text = ICEWSSamples.file(Self.events)
    let all = try Self.read(text, options: .init(codes: .all))
    #expect(all.dataSet.actions.map(\.kind.rawValue).contains("cameo:0211"))
    #expect(all.dataSet.actions.count == 6)
    let roots = try Self.read(text, options: .init(codes: try #require(.init(parsing: "02"))))
    #expect(roots.dataSet.actions.map(\.id?.rawValue) == ["5"])
    // PLOVER terms are not CAMEO codes.
    #expect(throws: DiploGraphError.self) {
      try Self.read(text, options: .init(plover: PLOVERFilter(parsing: "sanction")))
    }
  }

  @Test func badRecordsGetLocatedErrors() throws {
    var lines = ICEWSSamples.file(Array(Self.events.prefix(4))).split(separator: "\n")
      .map(String.init)
    lines[2] = lines[2].replacingOccurrences(of: "\t2018-03-26\t", with: "\t26/03/2018\t")
    lines[3] = lines[3].split(separator: "\t").prefix(5).joined(separator: "\t")
    lines[4] = lines[4].replacingOccurrences(of: "\t161\t", with: "\tNA\t")
    let document = try Self.read(lines.joined(separator: "\n") + "\n")
    let idColumn = 1 + "1".count + 1
    let codeColumn = EventDataTests.column(of: 6, in: lines[4])
    #expect(
      document.diagnostics.filter { $0.severity == .error }.map(\.description) == [
        "events.tsv:3:\(idColumn) (row 2, column \"Event Date\"): error: expected a day as "
          + "YYYY-MM-DD, found \"26/03/2018\"",
        "events.tsv:4:1 (row 3): error: expected 20 tab-separated fields (ICEWS), found 5",
        "events.tsv:5:\(codeColumn) (row 4, column \"CAMEO Code\"): error: expected an event "
          + "code",
      ])
    // The source map names the row and the column of a kept action's field.
    let location = document.map.location(of: DataPath(.actions, 0, field: "target"))
    #expect(location.line == 2)
    #expect(location.path == "row 1, column \"Target Country\"")
    #expect(location.column == EventDataTests.column(of: 10, in: lines[1]))
  }

  @Test func aHeaderWithoutAColumnIsRefused() throws {
    let columns = ICEWSSamples.columns.filter { $0 != "Target Country" }
    let text = ICEWSSamples.file(Self.events, columns: columns)
    #expect(EventData.detect(Array(text.utf8)) == nil)
    do {
      _ = try Self.read(text, format: .icews)
      Issue.record("read a header without Target Country")
    } catch let error as DiploGraphError {
      #expect(
        error.description
          == "events.tsv:1: error: found a header without the column \"Target Country\"; "
          + "expected ICEWS's tab-separated header (Event ID, Event Date, Source Country, "
          + "CAMEO Code, Target Country, …)")
    }
  }

  @Test func detection() throws {
    let text = ICEWSSamples.file(Self.events)
    #expect(EventData.detect(Array(text.utf8)) == .icews)
    #expect(EventData.detect(Array(POLECATSamples.file([]).utf8)) == .polecat)
    #expect(
      EventData.detect(Array(GDELTSamples.file([.init(1, "20180101", "A", "B")]).utf8)) == .gdelt)
    // A header naming both formats' columns is ambiguous: not detected.
    let both = ICEWSSamples.columns + ["Event Type", "Actor Country", "Recipient Country"]
    #expect(EventData.detect(Array(both.joined(separator: "\t").utf8)) == nil)
    // Through DataSetFile, by content, whatever the name.
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("events.2018.tab").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    #expect(try DataSetFile.read(path).dataSet.actions.count == 5)
    #expect(try DataSetFile.read(path, format: .icews).dataSet.actions.count == 5)
    #expect(throws: DiploGraphError.self) { try DataSetFile.read(path, format: .polecat) }
  }
}
