import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploRender

/// Hostile text in every field of a data set: the DOT parses back through Graphviz, the SVG is
/// well-formed and shows the text, never markup; no such text reaches an attribute Graphviz
/// passes through raw or acts on.
@Suite struct EscapingTests {
  /// Elements Graphviz's SVG renderer writes; anything else would be injected markup.
  static let svgVocabulary: Set<String> = [
    "svg", "g", "title", "desc", "polygon", "polyline", "ellipse", "path", "text", "a", "defs",
    "linearGradient", "radialGradient", "stop",
  ]
  /// Attributes that Graphviz copies into the SVG without escaping or that make it read files
  /// or link elsewhere.
  static let rawAttributes: Set<String> = [
    "URL", "href", "image", "imagepath", "stylesheet", "fontpath", "fontnames", "labelURL",
    "edgeURL", "headURL", "tailURL", "labelhref", "edgehref", "headhref", "tailhref", "target",
    "id", "comment", "shapefile", "layout",
  ]

  private func check(_ text: String, index: Int, engine: LayoutEngine = .dot) throws {
    let dataSet = RenderFixtures.hostile(text, index: index)
    for mode in EdgeMode.allCases {
      var style = Style()
      style.edgeMode = mode
      style.clusters = true
      let document = try DOTWriter(style: style).document(for: Network(dataSet))
      let parsed = try Graphviz.parse(dot: document.text)

      // Both actors, distinct, and the id verbatim when it has nothing to escape.
      #expect(parsed.nodes.count == 2, "\(text.debugDescription)")
      let plain =
        !text.isEmpty && !text.hasPrefix("%")
        && !text.unicodeScalars.contains {
          $0 == "\\" || !XMLEscaping.isAllowed($0) || $0 == "\r" || $0 == "\n" || $0 == "\t"
        }
      if plain { #expect(parsed.nodes.contains { $0.name == text }) }

      // Fonts only from the style; no raw-passing attribute at all.
      for element in parsed.nodes + parsed.edges + parsed.subgraphs
        + [.init(name: parsed.name, attributes: parsed.attributes)]
      {
        #expect(Self.rawAttributes.isDisjoint(with: element.attributes.keys))
        if let font = element.attributes["fontname"] { #expect(font == style.font.rawValue) }
      }
      #expect(!document.text.contains("FACE="))

      let rendering = try Renderer().render(document, engine: engine)
      let svg = try #require(rendering.svg)
      let xml = ParsedXML(svg)
      try #require(xml.isWellFormed, "\(text.debugDescription): \(String(describing: xml.error))")
      #expect(xml.elements.allSatisfy { Self.svgVocabulary.contains($0.name) })
      #expect(xml.values(of: "href").isEmpty && xml.values(of: "xlink:href").isEmpty)
      #expect(Set(xml.values(of: "font-family")) == [style.font.rawValue])

      // The text itself is shown, line by line, and the tooltips carry it whole.
      let cleaned = DOTEscaping.cleaned(text)
      // Graphviz writes the second of two spaces as a no-break space, so they show.
      func spaces(_ s: String) -> String { s.replacingOccurrences(of: "\u{A0}", with: " ") }
      let shown = Set(xml.elements.filter { $0.name == "text" }.map { spaces($0.text) })
      for line in cleaned.split(separator: "\n") where !line.allSatisfy({ $0 == " " }) {
        #expect(shown.contains(String(line)), "\(text.debugDescription): \(line.debugDescription)")
      }
      let tooltips = xml.values(of: "xlink:title").map(spaces)
      if !cleaned.isEmpty {
        #expect(tooltips.contains { $0.hasSuffix("note: " + cleaned) }, "\(text.debugDescription)")
      }

      // Embedded twice with prefixes: still well-formed, ids apart.
      let embedded = try EmbeddableSVG.make(
        from: rendering.bytes, options: SVGEmbedding(idPrefix: "p"), title: text,
        description: text)
      #expect(ParsedXML(embedded).isWellFormed, "\(text.debugDescription)")
    }
  }

  @Test(arguments: RenderFixtures.hostile.indices)
  func hostileTextRoundTrips(index: Int) throws {
    try check(RenderFixtures.hostile[index], index: index)
  }

  @Test func randomTextsFromADangerousAlphabetRoundTrip() throws {
    let alphabet: [String] = [
      "\\", "\"", "'", "<", ">", "&", ";", "\n", "\r", "\t", "N", "G", "l", "n", "-", "]", "[",
      "{", "}", "=", "#", "%", "é", "ب", "🇷🇺", "\u{1}", "\u{7F}", "\u{200B}", " ", "x",
    ]
    var rng = SplitMix64(seed: 2018)
    for i in 0..<40 {
      let length = Int(rng.next() % 12) + 1
      let text = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        .joined()
      try check(text, index: 100 + i, engine: i % 2 == 0 ? .dot : .neato)
    }
  }

  @Test func quotedIDsAreInjective() {
    let ids = ["a\\", "a\\\\", "a\\x01", "a\u{1}", "a\"", "a\\\"", "a\n", "a\\n", "a"]
    let quoted = ids.map(DOTEscaping.quotedID)
    #expect(Set(quoted).count == ids.count)
    #expect(DOTEscaping.quotedID("GBR") == "GBR")
    #expect(DOTEscaping.quotedID("a\u{1}") == "a\\x01")
  }

  @Test func eachContextEscapesItsOwnWay() {
    #expect(DOTEscaping.escString(#"a\N "b""#) == #"a\\N \"b\""#)
    #expect(DOTEscaping.tooltip(#"a\N"#) == #"a\\\\N"#)
    #expect(DOTEscaping.escString("a&amp;b\n \n") == "a&amp;amp;b")
    #expect(DOTEscaping.htmlText("<b>&\\\n") == "&lt;b&gt;&amp;\\\\")
    #expect(DOTEscaping.htmlText("a\n \n\nb]") == "a<BR/>b&#93;")
    #expect(DOTEscaping.cleaned("a\r\nb\rc\u{0}d\te") == "a\nb\nc\u{FFFD}d e")
  }

  @Test func aStyleCannotSmuggleMarkupIntoFontsOrColours() {
    #expect(throws: DiploRenderError.self) { try FontName(#"Arial" onload="x"#) }
    #expect(throws: DiploRenderError.self) { try FontName("../../etc/passwd") }
    #expect(throws: DiploRenderError.self) { try FontName("") }
    #expect(throws: DiploRenderError.self) { try RGBColor(hex: "red") }
    #expect(throws: DiploRenderError.self) { try RGBColor(hex: "#12345") }
    #expect(throws: DiploRenderError.self) { try RGBColor(hex: "#-12345") }
    #expect((try? FontName("DejaVu Sans,sans-serif"))?.rawValue == "DejaVu Sans,sans-serif")
  }
}
