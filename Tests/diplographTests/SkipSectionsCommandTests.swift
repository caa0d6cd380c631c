import Foundation
import TestSupport
import Testing

/// `stats --skip`: the sections named are not computed (null in JSON, no table or file in the
/// other formats), the rest is what the whole command prints, and contradictory or unknown
/// names are refused with one line and exit status 2.
@Suite struct SkipSectionsCommandTests {
  let skripal = Fixtures.graph("skripal-2018.json").path

  func object(_ run: CommandRunner.Result) throws -> [String: Any] {
    #expect(run.status == 0, "\(run.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
  }

  @Test func skippedSectionsAreNullAndTheRestIsUnchanged() throws {
    let whole = try object(try CommandRunner.run(["stats", skripal, "--format", "json"]))
    for skip in [["responses"], ["blocs,sources"], ["responses", "significance"]] {
      let arguments = ["stats", skripal, "--format", "json"] + skip.flatMap { ["--skip", $0] }
      let part = try object(try CommandRunner.run(arguments))
      let skipped = Set(skip.flatMap { $0.split(separator: ",").map(String.init) })
      for (key, value) in whole {
        if skipped.contains(key) {
          #expect(part[key] is NSNull, "\(key)")
        } else {
          #expect((part[key] as? NSObject) == (value as? NSObject), "\(key), \(skip)")
        }
      }
    }
  }

  /// What only a skipped section reads is refused; what another section also reads is not.
  @Test func optionsOfTheSectionsLeftInStillWork() throws {
    let blocs = try object(
      try CommandRunner.run([
        "stats", skripal, "--format", "json", "--skip", "blocs", "--compare-blocs", "EU",
      ]))
    #expect(blocs["blocs"] is NSNull)
    let window = try object(
      try CommandRunner.run([
        "stats", skripal, "--format", "json", "--skip", "sources", "--window", "7",
      ]))
    #expect((window["responses"] as? [String: Any])?["windowDays"] as? Int == 7)
  }

  @Test func csvFolderHasNoFileOfASkippedSection() throws {
    let folder = try Fixtures.temporaryDirectory().appendingPathComponent("stats").path
    let run = try CommandRunner.run(
      ["stats", skripal, "--format", "csv", "-o", folder, "--skip", "blocs,responses"])
    #expect(run.status == 0, "\(run.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(files.contains("dyads.csv") && files.contains("sources.csv"))
    #expect(!files.contains { $0.hasPrefix("bloc") || $0 == "exchanges.csv" })
    #expect(!files.contains("time_to_answer.csv"))
  }

  @Test(arguments: [
    (["--skip", "chains"], "--skip chains: no such section"),
    (["--skip", "significance", "--null-samples", "5"], "--null-samples"),
    (["--skip", "responses", "--responses", "full"], "--responses"),
    (["--skip", "blocs", "--format", "csv", "--table", "bloc_matrix"], "blocs section"),
    (["--skip", "responses", "--window", "7"], "--window and --answer-kind"),
    (["--skip", "responses", "--answer-kind", "retaliation"], "--window and --answer-kind"),
    (["--skip", "sources", "--sources", "full"], "--sources lists"),
    (["--skip", "blocs,significance", "--compare-blocs", "EU"], "--compare-blocs"),
  ])
  func contradictionsAndUnknownNamesAreRefused(arguments: [String], message: String) throws {
    let run = try CommandRunner.run(["stats", skripal] + arguments)
    #expect(run.status == 2, "\(arguments)")
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("error: "), "\(run.stderr)")
    #expect(run.stderr.contains(message), "\(run.stderr)")
  }
}
