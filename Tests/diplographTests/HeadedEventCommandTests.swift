import DiploGraph
import Foundation
import TestSupport
import Testing

/// ICEWS, POLECAT and compressed inputs through the command line: detection, `--input-format`,
/// `--codes` for PLOVER, located one-line errors that write nothing.
@Suite struct HeadedEventCommandTests {
  func inFolder<R>(_ body: (URL) throws -> R) throws -> R {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
  }

  func write(_ text: String, _ name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  @Test func icewsIsDetectedAndWeighedByEvents() throws {
    try inFolder { folder in
      let path = try write(ICEWSSamples.file(ICEWSSamples.worked), "events.tab", in: folder)
      let run = try CommandRunner.run(["stats", path, "--format", "json"])
      #expect(run.status == 0)
      let overview = try JSON.parse(run.stdout)["overview"]
      #expect(overview?["weight"]?.string == "events")
      #expect(Self.number(overview?["actions"]) == "5")
      let told = try CommandRunner.run(["stats", path, "--input-format", "icews"])
      #expect(told.status == 0)
      #expect(told.output.contains("r_w = 0.8"))
      let wrong = try CommandRunner.run(["stats", path, "--input-format", "polecat"])
      #expect(wrong.status != 0)
      #expect(wrong.stderr.contains("found a header without the columns"))
    }
  }

  @Test func polecatCodesArePLOVERTerms() throws {
    try inFolder { folder in
      let path = try write(
        POLECATSamples.file(POLECATSamples.worked, trailingTabs: 2), "polecat.txt",
        in: folder)
      func actions(_ extra: [String]) throws -> String? {
        let run = try CommandRunner.run(["stats", path, "--format", "json"] + extra)
        return Self.number(try JSON.parse(run.stdout)["overview"]?["actions"])
      }
      #expect(try actions([]) == "2")
      #expect(try actions(["--codes", "sanction"]) == "4")
      #expect(try actions(["--codes", "all"]) == "5")
      let cameo = try CommandRunner.run(["stats", path, "--codes", "16"])
      #expect(cameo.status != 0)
      #expect(cameo.stdout.isEmpty)
      #expect(cameo.stderr.contains("found CAMEO codes (16) for POLECAT data"))
      let typo = try CommandRunner.run(["stats", path, "--codes", "sanctions"])
      #expect(typo.status == 2)
      #expect(typo.stderr.contains("PLOVER types and modes"))
    }
  }

  @Test func aZipWithABadRecordIsLocatedAndWritesNothing() throws {
    try inFolder { folder in
      let bad = ICEWSSamples.file(ICEWSSamples.worked)
        .replacingOccurrences(of: "\t2018-03-29\t", with: "\t2018-13-29\t")
      let path = try write(bad, "events.tab", in: folder)
      _ = try PythonTools.run(
        "import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1] + '.zip', 'w', "
          + "zipfile.ZIP_DEFLATED) as z: z.write(sys.argv[1], 'events.tab')",
        arguments: [path])
      let out = folder.appendingPathComponent("out.json").path
      let run = try CommandRunner.run(["stats", path + ".zip", "-o", out])
      #expect(run.status == 1)
      #expect(!FileManager.default.fileExists(atPath: out))
      #expect(
        run.stderr.contains(
          "\(path).zip:4:3 (row 3, column \"Event Date\"): error: expected a day as "
            + "YYYY-MM-DD, found \"2018-13-29\""))
      let limit = try CommandRunner.run(["stats", path + ".zip", "--max-input-bytes", "100"])
      #expect(limit.status != 0)
      #expect(limit.stderr.contains("--max-input-bytes"))
    }
  }

  /// A JSON number's text.
  static func number(_ node: JSONNode?) -> String? {
    guard case .number(let n)? = node?.value else { return nil }
    return n.text
  }
}
