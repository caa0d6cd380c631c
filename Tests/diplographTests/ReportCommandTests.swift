import Foundation
import TestSupport
import Testing

/// `diplograph report`'s options and refusals, without a browser.
@Suite final class ReportCommandTests {
  let folder: URL

  init() throws {
    folder = try Fixtures.temporaryDirectory()
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  private var episode: String { Fixtures.graph("skripal-2018.json").path }

  private func diplograph(_ arguments: [String]) throws -> BuiltPrograms.Run {
    try BuiltPrograms.run(try BuiltPrograms.executable("diplograph"), arguments)
  }

  @Test func markdownToStandardOutputIsRefused() throws {
    let run = try diplograph(["report", episode, "--format", "markdown"])
    #expect(run.status == 2)
    #expect(run.standardError.contains("give -o REPORT.md"))
    #expect(run.standardOutput.isEmpty)
  }

  @Test func theFormatFollowsTheExtensionAndTheReportGoesToStandardOutput() throws {
    let run = try diplograph(["report", episode, "--no-diagram"])
    #expect(run.status == 0)
    #expect(run.standardOutput.hasPrefix("<!DOCTYPE html>"))
    #expect(!run.standardOutput.contains("id=\"diagram\""))
    let md = folder.appendingPathComponent("wave.md")
    let wave = try diplograph([
      "report", episode, "--kind", "expulsion", "--since", "2018-03-26", "--until", "2018-03-27",
      "--headline", "The wave of 26–27 March", "-o", md.path,
    ])
    #expect(wave.status == 0, "\(wave.standardError)")
    let text = try String(contentsOf: md, encoding: .utf8)
    #expect(text.hasPrefix("# The wave of 26–27 March\n"))
    // On this selection the bloc weights are the articles' own: 35, 22, 66 and NATO's 7.
    #expect(text.contains("| EU member states | 28 | 18 | 35 |"))
    #expect(text.contains("| Non-EU European states | 7 | 7 | 22 |"))
    #expect(text.contains("| Other countries | 3 | 3 | 66 |"))
    #expect(text.contains("| International organisations | 1 | 1 | 7 |"))
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("wave-blocs.svg").path))
  }

  @Test func aDiagramTooDenseToReadDrawsTheStrongestActors() throws {
    // 70 actors, every ordered pair: 4,830 links. Issue 14: the report always has a diagram,
    // of the strongest actors with the others merged, and its caption says so.
    var csv = "actor,target,kind,count,date,source\n"
    for a in 0..<70 {
      for b in 0..<70 where a != b {
        csv += "A\(a),A\(b),expulsion,1,2020-01-01,s\n"
      }
    }
    let input = folder.appendingPathComponent("dense.csv")
    try csv.write(to: input, atomically: true, encoding: .utf8)
    let output = folder.appendingPathComponent("dense.html")
    let run = try diplograph(["report", input.path, "-o", output.path])
    #expect(run.status == 0, "\(run.standardError)")
    let html = try String(contentsOf: output, encoding: .utf8)
    #expect(html.contains("id=\"diagram\""))
    // Every actor has the same strength (138): the first six in node order are kept, and the
    // six drawn plus one merged node make 6·5 + 2·6 = 42 edges, within the readable 80.
    #expect(run.standardError.contains("7 nodes and 42 edges"), "\(run.standardError)")
    #expect(html.contains("of 70 are drawn; the other 64 are merged into “64 others”."))
    #expect(html.contains("4,830 directed links"))
    // Long tables say what they leave out: 2,415 pairs, 500 shown.
    #expect(html.contains("1,915 more rows not shown"))
  }

  @Test func theReportNeverOverwritesItsInput() throws {
    let copy = folder.appendingPathComponent("data.json")
    try FileManager.default.copyItem(at: Fixtures.graph("skripal-2018.json"), to: copy)
    let before = try Data(contentsOf: copy)
    let run = try diplograph(["report", copy.path, "--no-diagram", "-o", copy.path])
    #expect(run.status != 0)
    #expect(try Data(contentsOf: copy) == before)
  }
}
