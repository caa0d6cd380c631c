import DiploGraph
import Foundation
import TestSupport
import Testing

/// Issue 12's loose ends through the command line: a names-only data set reads its actors'
/// names and kinds from the reference, `--sources` bounds the sources listed, `convert --to
/// csv` writes sources.csv, and an unknown bloc is refused with the reference's blocs listed.
@Suite struct DataLooseEndsCommandTests {
  /// Country names only, no actors file: NATO denies accreditation to Russians and goes
  /// unanswered, Belgium expels one and goes unanswered, the UK and Russia exchange 23; Russia's
  /// expulsion of French diplomats in June closes the 30-day windows of March.
  static let names = """
    actor,target,kind,count,date,source
    United Kingdom,Russia,expulsion,23,2018-03-14,a
    Russia,United Kingdom,expulsion,23,2018-03-17,a;b
    NATO,Russia,accreditation_denial,3,2018-03-27,b
    Belgium,Russia,expulsion,1,2018-03-27,c
    Russia,France,expulsion,4,2018-06-01,a

    """

  func withFolder<R>(_ files: [String: String], _ body: (URL) throws -> R) throws -> R {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    for (name, text) in files {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }
    return try body(folder)
  }

  @Test func namesOnlyReportNamesCountriesAndNATOAsAnOrganisation() throws {
    try withFolder(["actions.csv": Self.names]) { folder in
      let md = folder.appendingPathComponent("report.md").path
      let path = folder.appendingPathComponent("actions.csv").path
      let run = try CommandRunner.run(["report", path, "-o", md, "--layout", "dot"])
      #expect(run.status == 0, "\(run.stderr)")
      let text = try String(contentsOfFile: md, encoding: .utf8)
      #expect(text.contains("4 states, 1 organisation"))
      #expect(text.contains("Expulsions left unanswered: one state (Belgium)"))
      #expect(
        text.contains("Accreditation denials left unanswered: North Atlantic Treaty Organization"))
      #expect(!text.contains("all states"))
      let validate = try CommandRunner.run(["validate", path])
      #expect(validate.output.contains("5 with the reference's name and kind, 0 as written"))
    }
  }

  @Test func aDataSetsOwnActorsStillWin() throws {
    let actors = """
      id,name,kind
      GBR,Britain,state
      RUS,Russia,state
      NATO,The Alliance,state
      BEL,Belgium,state
      FRA,France,state

      """
    try withFolder(["actions.csv": Self.names, "actors.csv": actors]) { folder in
      let md = folder.appendingPathComponent("report.md").path
      let run = try CommandRunner.run([
        "report", folder.appendingPathComponent("actions.csv").path, "-o", md, "--layout", "dot",
      ])
      #expect(run.status == 0, "\(run.stderr)")
      let text = try String(contentsOfFile: md, encoding: .utf8)
      #expect(text.contains("all states"))
      #expect(text.contains("Britain") && text.contains("The Alliance"))
    }
  }

  @Test func sourcesTopNListsTheSourcesThatReportTheMost() throws {
    try withFolder(["actions.csv": Self.names]) { folder in
      let path = folder.appendingPathComponent("actions.csv").path
      let run = try CommandRunner.run(["stats", path, "--format", "json", "--sources", "top:1"])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stderr.contains("sources: 1 of 3 listed"))
      #expect(run.stderr.contains("--sources full lists them all"))
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
      let sources = try #require(json["sources"] as? [String: Any])
      #expect(sources["unlistedSources"] as? Int == 2)
      let listed = try #require(sources["sources"] as? [[String: Any]])
      // a reports three actions, b two, c one.
      #expect(listed.map { $0["id"] as? String } == ["a"])
      let text = try CommandRunner.run(["sources", path, "--sources", "top:2"])
      #expect(text.output.contains("2 of 3 sources listed, those that report the most actions"))
      let full = try CommandRunner.run(["stats", path, "--format", "json"])
      #expect(!full.output.contains("unlistedSources") && full.stderr.isEmpty)
      // The CSV tables say it in the overview (a CSV file has no notes).
      let overview = try CommandRunner.run([
        "stats", path, "--format", "csv", "--table", "overview", "--sources", "top:1",
      ])
      #expect(overview.status == 0, "\(overview.stderr)")
      #expect(overview.output.contains("sources,3\nsources_listed,1\n"), "\(overview.output)")
      let bad = try CommandRunner.run(["stats", path, "--sources", "most"])
      #expect(bad.status != 0)
    }
  }

  @Test func convertToCSVWritesSourcesThatReadBack() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let original = Fixtures.packageRoot.appendingPathComponent("Graphs/skripal-2018.json").path
    let out = folder.appendingPathComponent("csv").path
    let run = try CommandRunner.run(["convert", original, "--to", "csv", "-o", out])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!run.stderr.contains("source titles"))
    let sources = try String(contentsOfFile: out + "/sources.csv", encoding: .utf8)
    #expect(sources.hasPrefix("id,title,publisher,date,url\r\n"))
    // Read back: every source with its title, publisher and date (notes have no column).
    let back = try CommandRunner.run(["convert", out + "/actions.csv", "--to", "json"])
    #expect(back.status == 0, "\(back.stderr)")
    func details(_ bytes: [UInt8]) throws -> [[String]] {
      let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
      let list = try #require(json["sources"] as? [[String: Any]])
      return list.map { s in
        ["id", "title", "publisher", "date", "url"].map { s[$0] as? String ?? "" }
      }
    }
    let before = try details(Array(try Data(contentsOf: URL(fileURLWithPath: original))))
    #expect(try details(back.stdout) == before)
    #expect(before.count == 3)
    // And CSV → CSV gives the same actions and sources (an actor's blocs may change order).
    let again = folder.appendingPathComponent("again").path
    _ = try CommandRunner.run(["convert", out + "/actions.csv", "--to", "csv", "-o", again])
    for name in ["actions.csv", "sources.csv"] {
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
          == Data(contentsOf: URL(fileURLWithPath: again + "/" + name)), "\(name)")
    }
  }

  @Test func anUnknownBlocListsTheReferenceBlocsToo() throws {
    try withFolder(["actions.csv": Self.names]) { folder in
      let path = folder.appendingPathComponent("actions.csv").path
      for arguments in [
        ["stats", path, "--bloc", "EUU"], ["stats", path, "--compare-blocs", "EU,EUU"],
        ["render", path, "--format", "dot", "--colour-blocs", "EUU"],
      ] {
        let run = try CommandRunner.run(arguments)
        #expect(run.status != 0)
        #expect(run.stderr.contains("EUU: no such bloc (the data set's: none; the reference's"))
        #expect(run.stderr.contains("EU") && run.stderr.contains("NATO"))
      }
      let known = try CommandRunner.run(["render", path, "--format", "dot", "--colour-blocs", "EU"])
      #expect(known.status == 0, "\(known.stderr)")
    }
  }

  /// `stats - < file.gz`: standard input sniffed for gzip's and zip's magic numbers, read as
  /// the compressed file (Python's gzip and zipfile write them), within --max-input-bytes.
  @Test func compressedStandardInputReadsAsTheFile() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let original = Fixtures.packageRoot.appendingPathComponent("Graphs/skripal-2018.json")
    let json = folder.appendingPathComponent("skripal.json").path
    try Data(contentsOf: original).write(to: URL(fileURLWithPath: json))
    _ = try PythonTools.run(
      """
      import gzip, sys, zipfile
      data = open(sys.argv[1], "rb").read()
      open(sys.argv[1] + ".gz", "wb").write(gzip.compress(data))
      with zipfile.ZipFile(sys.argv[1] + ".zip", "w", zipfile.ZIP_DEFLATED) as z:
          z.writestr("skripal.json", data)
      """, arguments: [json])
    let plain = try CommandRunner.run(["stats", json])
    #expect(plain.status == 0)
    for suffix in [".gz", ".zip"] {
      let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: json + suffix)))
      let run = try CommandRunner.run(["stats", "-"], stdin: bytes)
      #expect(run.status == 0, "\(suffix): \(run.stderr)")
      #expect(run.output == plain.output, "\(suffix)")
      // The limit holds for what the stream holds, not only for the compressed bytes.
      let limited = try CommandRunner.run(
        ["stats", "-", "--max-input-bytes", "\(bytes.count + 10)"], stdin: bytes)
      #expect(limited.status != 0 && limited.stderr.contains("<stdin>"), "\(suffix)")
      #expect(limited.output.isEmpty)
    }
    // Plain standard input still reads.
    let piped = try CommandRunner.run(
      ["stats", "-"], stdin: Array(try Data(contentsOf: original)))
    #expect(piped.output == plain.output)
  }

  /// A month or a year shows as written beside its action in the report; `--since` keeps the
  /// periods wholly inside, and warns about a period that straddles it.
  @Test func partialDatesShowAsWrittenAndStraddlersAreWarnedAbout() throws {
    let csv = """
      actor,target,kind,count,date
      GBR,RUS,expulsion,23,2018-03-14
      RUS,GBR,expulsion,23,2018-03
      FRA,RUS,expulsion,4,2018

      """
    try withFolder(["actions.csv": csv]) { folder in
      let path = folder.appendingPathComponent("actions.csv").path
      let md = folder.appendingPathComponent("report.md").path
      let run = try CommandRunner.run(["report", path, "-o", md, "--layout", "dot"])
      #expect(run.status == 0, "\(run.stderr)")
      let text = try String(contentsOfFile: md, encoding: .utf8)
      #expect(text.contains("Russia → United Kingdom · _2018-03_"))
      #expect(text.contains("France → Russia · _2018_"))
      let since = try CommandRunner.run(["stats", path, "--since", "2018-03", "--format", "json"])
      #expect(since.status == 0)
      #expect(
        since.stderr.contains(
          "warning: 1 action(s) dated to a month or year only straddle --since/--until and are "
            + "left out: 2018 (1)"))
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(since.stdout)) as? [String: Any])
      let overview = try #require(json["overview"] as? [String: Any])
      #expect(overview["actions"] as? Int == 2)
    }
  }
}
