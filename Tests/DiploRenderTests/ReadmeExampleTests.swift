import DiploGraph
import DiploRender
import Foundation
import TestSupport
import Testing

/// The library example of README.md, as written there, with what it prints checked.
@Suite struct ReadmeExampleTests {
  @Test func theReadmeLibraryExampleRunsAndGivesTheArticlesFigures() throws {
    let path = Fixtures.packageRoot.appendingPathComponent("Graphs/skripal-2018.json").path

    // The README's lines, the path aside.
    let document = try DataSetFile.read(path)
    let wave = Selection(
      kinds: [.expulsion], since: Day(iso: "2018-03-26"), until: Day(iso: "2018-03-27"))
    let network = try Network(document.dataSet, selection: wave)

    let reciprocity = try Reciprocity(network)
    let blocs = try BlocAnalysis(network, blocs: ["EU", "EUROPE_NON_EU", "OTHER", "ORGANISATIONS"])
    let printed = blocs.blocs.map { "\($0.id) \($0.weight)" }

    let dot = try DOTWriter(style: .standard).document(for: network)
    let svg = try Renderer().embeddableSVG(dot, options: SVGEmbedding(idPrefix: "wave"))

    // What the README says it gives.
    #expect(printed == ["EU 35", "EUROPE_NON_EU 22", "OTHER 66", "ORGANISATIONS 7"])
    // The wave is one-way (Russia answered later): no link has a link back.
    #expect(reciprocity.reciprocatedLinks == 0)
    #expect(reciprocity.binary == 0)
    #expect(svg.svg.hasPrefix("<svg"))
    #expect(svg.svg.contains("id=\"wave-"))

    // And the README still shows these lines.
    let readme = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    for line in [
      #"let wave = Selection(kinds: [.expulsion], since: Day(iso: "2018-03-26"), until: Day(iso: "2018-03-27"))"#,
      "let network = try Network(document.dataSet, selection: wave)",
      #"let blocs = try BlocAnalysis(network, blocs: ["EU", "EUROPE_NON_EU", "OTHER", "ORGANISATIONS"])"#,
      "print(blocs.blocs.map { \"\\($0.id) \\($0.weight)\" })  // EU 35, EUROPE_NON_EU 22, OTHER 66, ORGANISATIONS 7",
      "let dot = try DOTWriter(style: .standard).document(for: network)",
      #"let svg = try Renderer().embeddableSVG(dot, options: SVGEmbedding(idPrefix: "wave"))"#,
    ] {
      #expect(readme.contains(line), "README.md no longer shows: \(line)")
    }
  }
}
