import DiploGraph
import Foundation
import TestSupport
import Testing

/// Event data through the command line: detection, `--codes`, `--weight`, located errors.
@Suite struct EventDataCommandTests {
  typealias Event = GDELTSamples.Event

  /// Three events of code 161 (GBR→RUS twice, RUS→GBR) and one of 0211.
  static let text = GDELTSamples.file([
    Event(1, "20180326", "GBR", "RUS", mentions: 5),
    Event(2, "20180329", "RUS", "GBR", mentions: 3),
    Event(3, "20180327", "GBR", "RUS", mentions: 2),
    Event(4, "20180327", "FRA", "RUS", "0211", mentions: 9),
  ])

  func withFile<R>(_ text: String, _ body: (String) throws -> R) throws -> R {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("20180326.export.CSV")
    try Data(text.utf8).write(to: file)
    return try body(file.path)
  }

  @Test func statsSaysWhichWeightItUsed() throws {
    try withFile(Self.text) { path in
      let byEvents = try CommandRunner.run(["stats", path])
      #expect(byEvents.status == 0)
      #expect(byEvents.output.contains("Total weight  3 events"))
      #expect(byEvents.output.contains("r_w = 0.667: 2 of 3 events are matched by weight"))

      let json = try CommandRunner.run(["stats", path, "--weight", "mentions", "--format", "json"])
      #expect(json.status == 0)
      let root = try JSON.parse(json.stdout)
      #expect(root["overview"]?["weight"]?.string == "mentions")
      #expect(Self.number(root["overview"]?["totalWeight"]) == "10")

      let all = try CommandRunner.run(["stats", path, "--codes", "all", "--format", "json"])
      let overview = try JSON.parse(all.stdout)["overview"]
      #expect(Self.number(overview?["actions"]) == "4")
    }
  }

  /// A JSON number's text.
  static func number(_ node: JSONNode?) -> String? {
    guard case .number(let n)? = node?.value else { return nil }
    return n.text
  }

  @Test func badInputIsLocatedAndWritesNothing() throws {
    let bad = Self.text.replacingOccurrences(of: "\t20180329\t", with: "\t2018-03-29\t")
    try withFile(bad) { path in
      let run = try CommandRunner.run(["stats", path])
      #expect(run.status == 1)
      #expect(run.stdout.isEmpty)
      #expect(
        run.stderr.contains(
          "\(path):2:3 (row 2, column \"SQLDATE\"): error: expected a day as YYYYMMDD, "
            + "found \"2018-03-29\""))
    }
    let usage = try CommandRunner.run(["stats", "Graphs/skripal-2018.json", "--codes", "16x"])
    #expect(usage.status == 2)
    #expect(usage.stderr.contains("--codes expects CAMEO codes"))
    let mentions = try CommandRunner.run([
      "stats", "Graphs/skripal-2018.json", "--weight", "mentions",
    ])
    #expect(mentions.status == 2)
    #expect(mentions.stderr.contains("--weight mentions: the data set has no mentions"))
  }
}
