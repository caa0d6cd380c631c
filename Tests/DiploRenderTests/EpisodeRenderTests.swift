import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploRender

/// Renders the approximate 2018 episode the way a user would. Set `DIPLOGRAPH_LOOK_DIR` to a
/// folder to also get the DOT, SVG and PNG files there, to look at.
@Suite struct EpisodeRenderTests {
  let network: Network
  let document: DOTDocument

  init() throws {
    network = try Network(RenderFixtures.approximate2018())
    document = try DOTWriter().document(for: network)
  }

  private func keep(_ bytes: [UInt8], as name: String) throws {
    guard let folder = ProcessInfo.processInfo.environment["DIPLOGRAPH_LOOK_DIR"] else { return }
    try Data(bytes).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
  }

  @Test func russiaIsTheLargestNodeAndEveryActorIsDrawn() throws {
    let parsed = try Graphviz.parse(dot: document.text)
    #expect(parsed.nodes.count == 32)  // GBR, RUS, 28 states, NATO, BGR
    let widths = parsed.nodes.map { ($0.name, Double($0.attributes["width"] ?? "") ?? 0) }
    let widest = try #require(widths.max { $0.1 < $1.1 })
    #expect(widest.0 == "RUS")
    #expect(widest.1 == 1.6)
    // The widest edges carry the largest count of one kind (kinds are never summed: Russia's
    // 23 + 50 to the United Kingdom are two edges).
    let pens = parsed.edges.map {
      ($0.attributes["label"], Double($0.attributes["penwidth"] ?? "") ?? 0)
    }
    let widestPens = Set(pens.filter { $0.1 == 6 }.compactMap(\.0))
    #expect(widestPens.count == 1)
    #expect(
      parsed.edges.compactMap { $0.attributes["label"] }.compactMap { Int($0) }.max().map(
        String.init) == widestPens.first)
    try keep(Array(document.text.utf8), as: "skripal-2018-approx.dot")
  }

  @Test(arguments: [LayoutEngine.dot, .neato])
  func rendersWithDotAndNeato(engine: LayoutEngine) throws {
    let rendering = try Renderer().render(document, engine: engine)
    let svg = try #require(rendering.svg)
    let xml = ParsedXML(svg)
    #expect(xml.isWellFormed)
    #expect(xml.elements.filter { $0.attributes["class"]?.hasPrefix("node") == true }.count == 32)
    #expect(rendering.warnings.isEmpty, "\(rendering.warnings)")
    try keep(rendering.bytes, as: "skripal-2018-approx-\(engine).svg")
    if try Renderer.availableFormats().contains(.png) {
      let png = try Renderer().render(document, engine: engine, format: .png)
      #expect(Array(png.bytes.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
      try keep(png.bytes, as: "skripal-2018-approx-\(engine).png")
    }
    let embedded = try Renderer().embeddableSVG(
      document, engine: engine, options: SVGEmbedding(idPrefix: "episode-\(engine)"))
    try keep(Array(embedded.svg.utf8), as: "skripal-2018-approx-\(engine)-embed.svg")
  }

  @Test func graphMLOfTheEpisode() throws {
    for mode in EdgeMode.allCases {
      let text = GraphMLWriter(edgeMode: mode).write(network)
      let xml = ParsedXML(text)
      #expect(xml.isWellFormed)
      #expect(xml.elements.filter { $0.name == "node" }.count == 32)
      #expect(xml.elements.filter { $0.name == "edge" }.count == (mode == .aggregated ? 56 : 57))
      try keep(Array(text.utf8), as: "skripal-2018-approx-\(mode.rawValue).graphml")
    }
  }
}
