import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploRender

@Suite struct EmbeddableSVGTests {
  private func embedded(_ prefix: String, engine: LayoutEngine = .dot, fixedSize: Bool = false)
    throws -> String
  {
    let document = try DOTWriter().document(for: Network(RenderFixtures.small()))
    return try Renderer().embeddableSVG(
      document, engine: engine, options: SVGEmbedding(idPrefix: prefix, fixedSize: fixedSize)
    ).svg
  }

  /// Every id defined, and every id referenced by `href="#…"` or `url(#…)`.
  private func ids(_ svg: String) -> (defined: [String], referenced: [String]) {
    let xml = ParsedXML(svg)
    var referenced: [String] = []
    for element in xml.elements {
      for (name, value) in element.attributes {
        if name == "href" || name == "xlink:href", value.hasPrefix("#") {
          referenced.append(String(value.dropFirst()))
        }
        var rest = Substring(value)
        while let r = rest.range(of: "url(#") {
          rest = rest[r.upperBound...]
          let end = rest.firstIndex(of: ")") ?? rest.endIndex
          referenced.append(String(rest[..<end]))
        }
        if name == "aria-labelledby" { referenced += value.split(separator: " ").map(String.init) }
      }
    }
    return (xml.values(of: "id"), referenced)
  }

  @Test func noPrologDoctypeOrCommentsAndAResponsiveRoot() throws {
    let svg = try embedded("fig1")
    #expect(svg.hasPrefix("<svg "))
    #expect(!svg.contains("<?xml") && !svg.contains("<!DOCTYPE") && !svg.contains("<!--"))
    let xml = ParsedXML(svg)
    #expect(xml.isWellFormed)
    let root = try #require(xml.elements.first)
    #expect(root.name == "svg")
    #expect(root.attributes["viewBox"] != nil)
    #expect(root.attributes["width"] == nil && root.attributes["height"] == nil)
    #expect(root.attributes["role"] == "img")
    #expect(root.attributes["aria-labelledby"] == "fig1-title fig1-desc")
    #expect(root.attributes["class"] == "diplograph")
    // <title> and <desc> are the first children.
    #expect(xml.elements[1].name == "title" && xml.elements[1].text == "Small test episode")
    #expect(
      xml.elements[2].name == "desc"
        && xml.elements[2].text.hasPrefix("Small test episode: 6 actors"))
    let fixed = ParsedXML(try embedded("fig1", fixedSize: true)).elements.first
    #expect(fixed?.attributes["width"]?.hasSuffix("pt") == true)
  }

  @Test func everyIdIsPrefixedAndEveryReferenceResolves() throws {
    let svg = try embedded("fig1")
    let (defined, referenced) = ids(svg)
    #expect(!defined.isEmpty)
    #expect(defined.allSatisfy { $0 == "fig1" || $0.hasPrefix("fig1-") })
    #expect(Set(defined).count == defined.count)
    #expect(Set(referenced).isSubset(of: Set(defined)))
    #expect(referenced.contains("fig1-title"))
  }

  @Test func twoDiagramsOnOnePageShareNoId() throws {
    let a = ids(try embedded("a", engine: .dot)).defined
    let b = ids(try embedded("b", engine: .neato)).defined
    #expect(Set(a).isDisjoint(with: Set(b)))
  }

  @Test func classesByActorKindBlocAndActionKindReachTheSVG() throws {
    let xml = ParsedXML(try embedded("c"))
    let classes = xml.values(of: "class")
    #expect(classes.contains("node actor actor-organisation"))
    #expect(classes.contains("node actor actor-state bloc-EU bloc-NATO_MEMBERS"))
    #expect(classes.contains("edge action kind-staff_cut"))
    #expect(classes.contains("edge action kind-retaliation"))
  }

  @Test func gradientIdsAreRenumberedSoOutputIsDeterministic() throws {
    // Graphviz numbers gradients with a counter that runs across renders (l_0, then l_1 …).
    let dot =
      #"digraph G { a [style=filled, fillcolor="red:blue"]; b [style=radial, fillcolor="white:black"]; a -> b }"#
    let first = try Renderer().render(dot: dot)
    let second = try Renderer().render(dot: dot)
    let options = try SVGEmbedding(idPrefix: "g")
    let e1 = try EmbeddableSVG.make(from: first, options: options, title: "t", description: "d")
    let e2 = try EmbeddableSVG.make(from: second, options: options, title: "t", description: "d")
    let same = e1 == e2
    #expect(same)
    let (defined, referenced) = ids(e1)
    #expect(defined.contains("g-l_0") && defined.contains("g-r_0"))
    #expect(referenced.contains("g-l_0") && referenced.contains("g-r_0"))
    #expect(Set(referenced).isSubset(of: Set(defined)))
  }

  @Test func titleAndDescriptionAreEscaped() throws {
    let bytes = try Renderer().render(dot: "digraph { a }")
    let svg = try EmbeddableSVG.make(
      from: bytes,
      options: SVGEmbedding(idPrefix: "x", title: "<script>&\"</script>", description: "a\u{1}b"),
      title: "", description: "")
    let xml = ParsedXML(svg)
    #expect(xml.isWellFormed)
    #expect(xml.elements[1].text == "<script>&\"</script>")
    #expect(xml.elements[2].text == "a\u{FFFD}b")
  }

  @Test func prefixesAreChecked() {
    for bad in ["", "1a", "a b", "a\"", "é", String(repeating: "a", count: 65)] {
      #expect(throws: DiploRenderError.self) { try SVGEmbedding(idPrefix: bad) }
    }
    #expect((try? SVGEmbedding(idPrefix: "fig-2_b")) != nil)
  }

  @Test func tokenizerKeepsValuesAndTextAsWritten() throws {
    let input =
      #"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y>">]><!-- a -- b --><svg a='1>2' b="x&amp;y"><![CDATA[<no>]]>t &lt; u<g/></svg>"#
    let tokens = try XMLTokenizer.tokens(Array(input.utf8))
    #expect(tokens.count == 8)
    #expect(tokens[2] == .comment(" a -- b "))
    #expect(
      tokens[3]
        == .startTag(
          name: "svg",
          attributes: [
            .init(name: "a", value: "1>2", quote: "'"),
            .init(name: "b", value: "x&amp;y", quote: "\""),
          ], selfClosing: false))
    #expect(tokens[4] == .cdata("<no>"))
    #expect(tokens[5] == .text("t &lt; u"))
    #expect(tokens[6] == .startTag(name: "g", attributes: [], selfClosing: true))
    for broken in ["<svg a=\"1>", "<!-- x", "<svg a=1>", "<>", "<svg"] {
      #expect(throws: XMLTokenizer.Failure.self) { try XMLTokenizer.tokens(Array(broken.utf8)) }
    }
    #expect(throws: DiploRenderError.self) {
      try EmbeddableSVG.make(
        from: Array("<g></g>".utf8), options: SVGEmbedding(idPrefix: "p"), title: "",
        description: "")
    }
  }
}
