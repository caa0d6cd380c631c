import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Each example program, built by `swift build`, run as a user would run it.
@Suite final class ExamplesTests {
  let folder: URL

  init() throws {
    folder = try Fixtures.temporaryDirectory()
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  private var episode: String { Fixtures.graph("skripal-2018.json").path }

  private func run(_ name: String, _ arguments: [String]) throws -> String {
    let run = try BuiltPrograms.run(try BuiltPrograms.executable(name), arguments, in: folder)
    #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
    return run.standardOutput
  }

  /// The elements of an XML (SVG) file, or `nil` when it is not well-formed.
  private func isWellFormedXML(_ url: URL) throws -> Bool {
    let parser = XMLParser(data: try Data(contentsOf: url))
    parser.shouldResolveExternalEntities = false
    return parser.parse()
  }

  @Test func reciprocityStatisticsPrintsTheEpisodesFigures() throws {
    let lines = try run("ReciprocityStatistics", [episode]).split(separator: "\n").map(String.init)
    #expect(
      lines.first == "Expulsions of Russian diplomats after the Salisbury poisoning, March 2018")
    #expect(lines.contains("33 actors, 61 actions, 348 diplomats"))
    #expect(lines.contains("reciprocity           r   = 0.877  (50 of 57 links have a link back)"))
    #expect(lines.contains("beyond chance         ρ   = 0.870  (density ā = 0.054)"))
    #expect(lines.contains("weighted reciprocity  r_w = 0.816  (284 of 348 diplomats matched)"))
    #expect(lines.contains("more: 1  United Kingdom"))
    #expect(
      lines.contains("expulsions left unanswered: Belgium, Georgia, Hungary, Montenegro, NATO"))
    #expect(lines.contains("most involved: Russia (expelled 192, lost 156)"))
  }

  @Test func reciprocityStatisticsSaysWhatIsWrongWithABadFile() throws {
    let bad = folder.appendingPathComponent("bad.json")
    try Data("{\"format\": \"diplograph\", \"version\": 1,".utf8).write(to: bad)
    let run = try BuiltPrograms.run(
      try BuiltPrograms.executable("ReciprocityStatistics"), [bad.path], in: folder)
    #expect(run.status == 1)
    #expect(run.standardOutput.contains("bad.json"))
  }

  @Test func customStyleDiagramDrawsWithItsOwnColours() throws {
    let svg = folder.appendingPathComponent("custom.svg")
    let output = try run("CustomStyleDiagram", [episode, svg.path])
    #expect(output.contains("30 actors, 53 edges; layout: neato (chosen)"))
    // The library found its layout helper beside the example, which implements nothing for it.
    #expect(output.contains("laid out in a separate process"))
    #expect(try isWellFormedXML(svg))
    let text = try String(contentsOf: svg, encoding: .utf8).lowercased()
    #expect(text.contains("#1b9e77"))  // the custom palette
    #expect(text.contains("#666666"))  // the custom retaliation colour
    #expect(text.contains("the wave of 26–30 march 2018"))
    #expect(text.contains(">rus</text>"))  // name and id labels
  }

  @Test func embedDiagramsPutsTwoDiagramsAndAChartOnOnePageWithoutDuplicateIds() throws {
    let out = folder.appendingPathComponent("embed")
    let printed = try run("EmbedDiagrams", [episode, out.path])
    #expect(printed.contains("page.html") && printed.contains("page.md"))
    let html = try String(contentsOf: out.appendingPathComponent("page.html"), encoding: .utf8)
    let ids = html.matches(of: /\sid="([^"]+)"/).map { String($0.1) }
    #expect(ids.count > 50)
    let repeated = Dictionary(grouping: ids) { $0 }.filter { $0.value.count > 1 }.keys.sorted()
    #expect(repeated.isEmpty, "\(repeated)")
    #expect(ids.contains("episode") && ids.contains("wave") && ids.contains("wave-blocs"))
    #expect(
      ids.contains { $0.hasPrefix("episode-node") } && ids.contains { $0.hasPrefix("wave-node") })
    #expect(html.matches(of: /<svg\s/).count == 3)
    #expect(!html.lowercased().contains("<script"))
    let markdown = try String(contentsOf: out.appendingPathComponent("page.md"), encoding: .utf8)
    #expect(markdown.contains("](wave.svg)") && markdown.contains("](wave-blocs.svg)"))
    #expect(try isWellFormedXML(out.appendingPathComponent("wave.svg")))
    #expect(try isWellFormedXML(out.appendingPathComponent("wave-blocs.svg")))
  }
}
