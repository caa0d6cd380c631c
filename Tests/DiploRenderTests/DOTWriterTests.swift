import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploRender

@Suite struct DOTWriterTests {
  private func parsed(_ style: Style = .standard, selection: Selection = .all) throws
    -> Graphviz.ParsedGraph
  {
    let network = try Network(RenderFixtures.small(), selection: selection)
    return try Graphviz.parse(dot: DOTWriter(style: style).document(for: network).text)
  }

  private func node(_ graph: Graphviz.ParsedGraph, _ name: String) throws -> [String: String] {
    try #require(graph.nodes.first { $0.name == name }).attributes
  }

  private func edges(_ graph: Graphviz.ParsedGraph, _ name: String) -> [[String: String]] {
    graph.edges.filter { $0.name == name }.map(\.attributes)
  }

  @Test func onlyActorsTakingPartInTheSelectionAreDrawn() throws {
    // JPN is declared but has no action; USA's only action is a consulate closure.
    let all = try parsed()
    #expect(sameMultiset(all.nodes.map(\.name), ["GBR", "RUS", "FRA", "DEU", "USA", "NATO"]))
    let expulsions = try parsed(selection: Selection(kinds: [.expulsion]))
    #expect(sameMultiset(expulsions.nodes.map(\.name), ["GBR", "RUS", "FRA", "DEU", "NATO"]))
  }

  @Test func shapeByKindFillByFirstColouringBlocTextColourByContrast() throws {
    let g = try parsed()
    #expect(try node(g, "NATO")["shape"] == "box")
    #expect(try node(g, "RUS")["shape"] == "ellipse")
    // EU is listed first: FRA and DEU take its colour (orange) although also NATO members.
    #expect(try node(g, "FRA")["fillcolor"] == "#E69F00")
    #expect(try node(g, "GBR")["fillcolor"] == "#56B4E9")
    #expect(try node(g, "RUS")["fillcolor"] == "#E0E0E0")
    #expect(try node(g, "FRA")["fontcolor"] == "#000000")
    var style = Style()
    style.colourBlocs = ["NATO_MEMBERS"]
    style.palette = [try RGBColor(hex: "#0072B2")]
    let blue = try parsed(style)
    #expect(try node(blue, "FRA")["fillcolor"] == "#0072B2")
    #expect(try node(blue, "FRA")["fontcolor"] == "#FFFFFF")
    #expect(try node(blue, "NATO")["fillcolor"] == "#E0E0E0")
  }

  @Test func nodeWidthGrowsWithTheSquareRootOfStrength() throws {
    // Strengths: RUS 38 in + 73 out = 111 (the maximum), GBR 23 + 73 = 96, FRA 4, USA 0.
    let g = try parsed()
    #expect(try node(g, "RUS")["width"] == "1.6")
    #expect(try node(g, "GBR")["width"] == "1.53")  // 0.6 + 1.0·√(96/111) = 1.52998
    #expect(try node(g, "FRA")["width"] == "0.79")  // 0.6 + √(4/111) = 0.78983
    #expect(try node(g, "USA")["width"] == "0.6")
  }

  @Test func aggregatedEdgesCarryTheSummedCountAndPenWidthByLogScale() throws {
    let g = try parsed()
    // One edge per pair and kind: Russia's retaliation and staff cut are two edges.
    #expect(g.edges.count == 7)
    let back = edges(g, "RUS -> GBR")
    let cut = try #require(back.first { $0["class"] == "action kind-staff_cut" })
    #expect(cut["label"] == "50")  // never 73 = 23 + 50
    #expect(cut["penwidth"] == "6")  // the largest weight of one kind
    #expect(cut["color"] == "#000000")
    #expect(cut["style"] == "dashed")
    let answer = try #require(back.first { $0["class"] == "action kind-retaliation" })
    #expect(answer["label"] == "23")
    #expect(answer["color"] == "#D55E00")
    // log: 0.8 + 5.2·ln(1 + 23)/ln(1 + 50) = 5.0031.
    #expect(answer["penwidth"] == "5")
    #expect(edges(g, "GBR -> RUS").first?["penwidth"] == "5")
    // 0.8 + 5.2·ln 5/ln 51 = 2.9286.
    #expect(edges(g, "FRA -> RUS").first?["penwidth"] == "2.93")
    // A consulate closure has no count: no label, the thinnest pen, its own look.
    let closure = try #require(edges(g, "USA -> RUS").first)
    #expect(closure["label"] == nil)
    #expect(closure["penwidth"] == "0.8")
    #expect(closure["style"] == "bold")
    #expect(closure["color"] == "#CC79A7")
  }

  @Test func perActionEdgesAndLinearPenWidth() throws {
    var style = Style()
    style.edgeMode = .perAction
    style.penWidthScale = .linear
    let g = try parsed(style)
    #expect(g.edges.count == 7)
    let back = edges(g, "RUS -> GBR")
    #expect(sameMultiset(back.compactMap { $0["label"] }, ["23", "50"]))
    let retaliation = try #require(back.first { $0["label"] == "23" })
    #expect(retaliation["style"] == "dashed")
    #expect(retaliation["color"] == "#D55E00")
    // linear: 0.8 + 5.2·23/50 = 3.192 (the largest weight is now the 50 staff cut).
    #expect(retaliation["penwidth"] == "3.19")
    #expect(back.first { $0["label"] == "50" }?["penwidth"] == "6")
  }

  @Test func cssClassesNameKindAndEveryBloc() throws {
    let g = try parsed()
    #expect(try node(g, "FRA")["class"] == "actor actor-state bloc-EU bloc-NATO_MEMBERS")
    #expect(try node(g, "NATO")["class"] == "actor actor-organisation")
    #expect(DOTEscaping.classToken("non-EU states") == "non-2D-EU-20-states")
    #expect(DOTEscaping.classToken("É") == "-C9-")
  }

  @Test func clustersOnePerColouringBlocWithMembers() throws {
    var style = Style()
    style.clusters = true
    let g = try parsed(style)
    let clusters = g.subgraphs.filter { $0.name.hasPrefix("cluster") }
    #expect(clusters.map(\.name).sorted() == ["cluster_0", "cluster_1"])
    #expect(clusters.first { $0.name == "cluster_0" }?.attributes["class"] == "bloc bloc-EU")
    #expect(clusters.first { $0.name == "cluster_0" }?.attributes["color"] == "#E69F00")
    let unclustered = try parsed()
    #expect(unclustered.subgraphs.isEmpty)
  }

  @Test func titleAndLegendAreTheGraphLabel() throws {
    let g = try parsed()
    let label = try #require(g.attributes["label"])
    #expect(label.contains("Small test episode"))
    #expect(label.contains("EU member states"))
    #expect(label.contains("NATO members"))
    #expect(label.contains("staff cut"))
    #expect(label.contains("consulate closure"))
    #expect(!label.contains("ambassador recall"))  // no such action here
    var style = Style()
    style.legend = false
    style.title = ""
    #expect(try parsed(style).attributes["label"] == nil)
    style.title = "Another title"
    let titled = try #require(try parsed(style).attributes["label"])
    #expect(titled.contains("Another title") && !titled.contains("EU member states"))
  }

  @Test func leavesOfAHubAreSpreadOverRowsForDot() throws {
    let network = try Network(RenderFixtures.approximate2018())
    let g = try Graphviz.parse(dot: DOTWriter().document(for: network).text)
    let lengths = g.edges.map { Int($0.attributes["minlen"] ?? "1") ?? 0 }
    #expect(Set(lengths) == [1, 2, 3])
    var flat = Style()
    flat.leafRows = 1
    let g1 = try Graphviz.parse(dot: DOTWriter(style: flat).document(for: network).text)
    #expect(
      g1.edges.allSatisfy { $0.attributes["minlen"] == nil || $0.attributes["minlen"] == "1" })
  }

  @Test func tooltipsCarryCountsAndSources() throws {
    let network = try Network(RenderFixtures.small())
    let document = try DOTWriter().document(for: network)
    let svg = try #require(try Renderer().render(document, engine: .dot).svg)
    let titles = ParsedXML(svg).values(of: "xlink:title")
    #expect(
      titles.contains(
        "Russia → United Kingdom: staff cut, 50 diplomats\n"
          + "sources: Which countries are expelling Russian diplomats? (Al Jazeera)"))
    #expect(
      titles.contains(
        "Russia → United Kingdom: retaliation, 23 diplomats, 2018-03-17\n"
          + "sources: Which countries are expelling Russian diplomats? (Al Jazeera);"
          + " Russia expels diplomats (BBC)"))
    #expect(
      titles.contains(
        "United Kingdom → Russia: expulsion, 23 diplomats, 2018-03-14\n"
          + "sources: Which countries are expelling Russian diplomats? (Al Jazeera)"))
    #expect(
      titles.contains(
        "France (FRA), state\nblocs: EU member states, NATO members\n"
          + "expelled 4 diplomats of others, lost 0"))
  }

  /// The whole text for the small data set, checked by hand once (counts, widths, pen widths
  /// and tooltips agree with the oracles of the tests above); any change to the writer's output
  /// shows here.
  @Test func goldenDOT() throws {
    let golden = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent(
        "Tests/Golden/render-small.dot"), encoding: .utf8)
    let text = try DOTWriter().document(for: Network(RenderFixtures.small())).text
    if ProcessInfo.processInfo.environment["DIPLOGRAPH_UPDATE_GOLDEN"] != nil {
      try text.write(
        to: Fixtures.packageRoot.appendingPathComponent("Tests/Golden/render-small.dot"),
        atomically: true, encoding: .utf8)
    }
    #expect(text == golden)
  }

  @Test func sameNetworkSameBytes() throws {
    let a = try DOTWriter().document(for: Network(RenderFixtures.approximate2018()))
    let b = try DOTWriter().document(for: Network(RenderFixtures.approximate2018()))
    #expect(a.text == b.text)
    #expect(a.nodeCount == 32)
    #expect(a.edgeCount == 57)
    #expect(a.summary.contains("Most involved: Russia (192 expelled, 153 lost)"))
  }

  @Test func numbersAreWrittenWithoutLocaleOrExponent() {
    #expect(DOTEscaping.number(1.5) == "1.5")
    #expect(DOTEscaping.number(0.005) == "0.01")
    #expect(DOTEscaping.number(2) == "2")
    #expect(DOTEscaping.number(-0.25) == "-0.25")
    #expect(DOTEscaping.number(1e-9) == "0")
    #expect(DOTEscaping.number(12345.678) == "12345.68")
    #expect(DOTEscaping.number(.nan) == "0")
  }
}
