import Foundation
import TestSupport
import Testing

@_spi(Testing) @testable import DiploGraph

/// The event reader gives the same data set, symbol tables, source sets, diagnostics and
/// locations for every number of parts (`--threads`), on generated GDELT and ICEWS files
/// with repeated and distinct ids and URLs, unknown spellings and bad rows; and the kept
/// rows are the generator's, checked one by one.
@Suite struct EventThreadsTests {
  /// A generated GDELT 2.0 file: `count` events of four codes among known and unknown
  /// country spellings (some empty), URLs from a few (some per event, some missing), and a
  /// bad row every 97 events. Also returns the events the reader keeps with the default codes.
  static func gdelt(count: Int, seed: UInt64) -> (text: String, kept: [GDELTSamples.Event]) {
    var rng = SplitMix64(seed: seed)
    let states = ["GBR", "RUS", "USA", "FRA", "ROM", "DEU", "XQZ", "QQA", ""]
    let codes = ["161", "161", "0211", "1661", "174"]
    var lines: [String] = []
    var kept: [GDELTSamples.Event] = []
    for i in 0..<count {
      if i % 97 == 50 {
        lines.append(["900", "2018031", "x"].joined(separator: "\t"))  // wrong field count
        continue
      }
      let url: String? =
        switch rng.next() % 4 {
        case 0: "https://news.example/\(rng.next() % 5)"
        case 1: ""
        default: nil  // one URL per event
        }
      let event = GDELTSamples.Event(
        1000 + i, "201803\(10 + Int(rng.next() % 19))", states[Int(rng.next() % 9)],
        states[Int(rng.next() % 9)], codes[Int(rng.next() % 5)], mentions: Int(rng.next() % 50),
        url: url)
      lines.append(GDELTSamples.record(event))
      if event.code == "161" && !event.actor.isEmpty && !event.target.isEmpty {
        kept.append(event)
      }
    }
    return (lines.map { $0 + "\n" }.joined(), kept)
  }

  /// A generated ICEWS file: ids repeated on the same day (one event) and on other days
  /// (another event), publishers from a few, `NA` countries, unknown names.
  static func icews(count: Int, seed: UInt64) -> String {
    var rng = SplitMix64(seed: seed)
    let names = [
      "United Kingdom", "Russian Federation", "United States", "France", "Atlantis", "NA",
    ]
    var events: [ICEWSSamples.Event] = []
    for _ in 0..<count {
      events.append(
        ICEWSSamples.Event(
          "\(rng.next() % UInt64(count / 3))", "2018-03-1\(rng.next() % 3)",
          names[Int(rng.next() % 6)], names[Int(rng.next() % 6)],
          rng.next() % 5 == 0 ? "0211" : "161",
          publisher: "Wire \(rng.next() % 6)"))
    }
    return ICEWSSamples.file(events)
  }

  /// Reads `text` with 1, 2, 3 and 8 parts and checks that every read is the first one.
  static func expectSameForEveryThreadCount(
    _ text: String, options: EventData.ReadOptions
  ) throws -> Document {
    var first: Document?
    for threads in [1, 2, 3, 8] {
      var options = options
      options.parallelism = threads
      options.minimumPartBytes = 64
      let document = try EventData.read(Array(text.utf8), file: "events.tsv", options: options)
      guard let first else {
        first = document
        continue
      }
      let a = document.dataSet.actions
      let b = first.dataSet.actions
      #expect(document.dataSet == first.dataSet, "threads \(threads)")
      #expect(a.endpointSymbols == b.endpointSymbols)
      #expect(a.kindSymbols == b.kindSymbols)
      #expect(a.sourceSymbols == b.sourceSymbols)
      #expect(a.idSymbols == b.idSymbols)
      #expect(a.idColumn == b.idColumn)
      #expect(a.idNumbers == b.idNumbers)
      #expect(a.sourceSetTable == b.sourceSetTable)
      #expect(a.sourceSetColumn == b.sourceSetColumn)
      #expect(a.mentionsColumn == b.mentionsColumn)
      #expect(document.diagnostics == first.diagnostics, "threads \(threads)")
      for row in stride(from: 0, to: a.count, by: 7) {
        for field in ["date", "sources", "actor"] {
          let path = DataPath(.actions, row, field: field)
          #expect(document.map.location(of: path) == first.map.location(of: path))
        }
      }
    }
    return first!
  }

  @Test func gdeltReadsTheSameForEveryThreadCount() throws {
    let (text, kept) = Self.gdelt(count: 1500, seed: 12)
    let document = try Self.expectSameForEveryThreadCount(text, options: .init())
    let actions = document.dataSet.actions
    #expect(actions.idsAreNumbers)  // GLOBALEVENTIDs: no string or symbol per event
    // The oracle: the generator's kept events, in order, with their ids, days and URLs.
    #expect(actions.count == kept.count)
    for (row, event) in kept.enumerated() where row < actions.count {
      #expect(actions.actionID(row: row)?.rawValue == String(event.id))
      #expect(actions.mentions(row: row) == event.mentions)
      let date = actions.date(row: row).map { "\($0)".replacingOccurrences(of: "-", with: "") }
      #expect(date == event.date)
      let url = event.url ?? "https://news.example/\(event.id)"
      #expect(actions.sources(row: row).map(\.rawValue) == (url.isEmpty ? [] : [url]))
    }
    let errors = document.diagnostics.filter { $0.severity == .error }
    #expect(errors.count == (0..<1500).filter { $0 % 97 == 50 }.count)
    #expect(errors.first?.location?.line == 51)
  }

  @Test func gdeltDedupeReadsTheSameForEveryThreadCount() throws {
    let (text, kept) = Self.gdelt(count: 1500, seed: 13)
    let document = try Self.expectSameForEveryThreadCount(text, options: .init(dedupe: .day))
    let actions = document.dataSet.actions
    // The oracle: one action per (actor, target, day), its mentions summed.
    var sums: [String: Int] = [:]
    for event in kept {
      sums["\(event.actor) \(event.target) \(event.date)", default: 0] += event.mentions
    }
    #expect(actions.count == sums.count)
    #expect(
      actions.indices.reduce(0) { $0 + actions.mentions(row: $1)! } == sums.values.reduce(0, +))
    #expect(actions.indices.contains { actions.sources(row: $0).count > 1 })
  }

  @Test(arguments: [EventData.Dedupe.none, .day])
  func icewsReadsTheSameForEveryThreadCount(dedupe: EventData.Dedupe) throws {
    let text = Self.icews(count: 900, seed: 7)
    let document = try Self.expectSameForEveryThreadCount(text, options: .init(dedupe: dedupe))
    let actions = document.dataSet.actions
    #expect(actions.indices.contains { actions.sources(row: $0).count > 1 })
    #expect(document.diagnostics.contains { $0.message.hasPrefix("merged ") })
    #expect(actions.indices.contains { actions.actionID(row: $0)?.rawValue.contains("@") == true })
    #expect(!actions.idsAreNumbers)  // "12@2018-03-11" is not a number
  }

  /// Ids that are not plain numbers (a leading zero, a word) make every id a symbol, spelled
  /// as written, the same for every thread count; the numbers around them are unchanged.
  @Test(arguments: ["0777", "evt-9"])
  func idsThatAreNotNumbersAreKeptAsWritten(id: String) throws {
    let (text, kept) = Self.gdelt(count: 600, seed: 14)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let row = try #require(lines.firstIndex { $0.hasPrefix("\(kept[40].id)\t") })
    lines[row] = id + lines[row].drop { $0 != "\t" }
    let document = try Self.expectSameForEveryThreadCount(
      lines.joined(separator: "\n"), options: .init())
    let actions = document.dataSet.actions
    #expect(!actions.idsAreNumbers)
    #expect(actions.count == kept.count)
    for (row, event) in kept.enumerated() where row < actions.count {
      #expect(actions.actionID(row: row)?.rawValue == (row == 40 ? id : String(event.id)))
    }
  }
}
