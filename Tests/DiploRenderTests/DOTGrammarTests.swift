import DiploGraph
import Testing

@testable import DiploRender

/// Only DOT in the writer's grammar reaches Graphviz: everything the writer makes is accepted,
/// and what would reach an attribute Graphviz acts on or copies raw into the SVG is refused.
@Suite struct DOTGrammarTests {
  static var styles: [Style] {
    var all: [Style] = []
    for mode in EdgeMode.allCases {
      for label in [NodeLabel.name, .id, .nameAndID] {
        var style = Style()
        style.edgeMode = mode
        style.nodeLabel = label
        style.clusters = mode == .perAction
        style.legend = label != .id
        all.append(style)
      }
    }
    return all
  }

  @Test func everythingTheWriterMakesIsAccepted() throws {
    var dataSets = [RenderFixtures.small(), RenderFixtures.approximate2018()]
    dataSets += RenderFixtures.hostile.indices.map {
      RenderFixtures.hostile(RenderFixtures.hostile[$0], index: $0)
    }
    for data in dataSets {
      for style in Self.styles {
        let text = try DOTWriter(style: style).document(for: Network(data)).text
        #expect(throws: Never.self) { try DOTGrammar.check(text) }
      }
    }
  }

  static let refused: [(String, String)] = [
    (#"digraph "g" { "a" [URL="https://example.org"]; }"#, "URL"),
    (#"digraph "g" { "a" [href="x"]; }"#, "href"),
    (#"digraph "g" { "a" [image="/etc/passwd"]; }"#, "image"),
    (#"digraph "g" { graph [stylesheet="x.css"]; }"#, "stylesheet"),
    (#"digraph "g" { "a" [id="x"]; }"#, "id"),
    (#"digraph "g" { "a" [fontname="Arial\" onload=\"x"]; }"#, "a font name"),
    (#"digraph "g" { "a" [fontname="../../etc/passwd"]; }"#, "a font name"),
    (#"digraph "g" { "a" [color="red"]; }"#, "a colour"),
    (#"digraph "g" { "a" [label=<<IMG SRC="x.png"/>>]; }"#, "a tag the writer uses"),
    (#"digraph "g" { "a" [label=<<FONT FACE="x">t</FONT>>]; }"#, "not 'FACE'"),
    (#"digraph "g" { "a" [label=<<TABLE><TR><TD HREF="x">t</TD></TR></TABLE>>]; }"#, "not 'HREF'"),
    (#"digraph "g" { "a" [label=<<script>x</script>>]; }"#, "a tag the writer uses"),
    (#"digraph "g" { "a" [label=<a &foo b>]; }"#, "an entity"),
    (#"digraph "g" { "a" [label=<<B>open>]; }"#, "</B>"),
    (#"digraph "g" { "a" [tooltip=<x>]; }"#, "a quoted value"),
    ("digraph \"g\" { \"a\nb\" [label=\"x\"]; }", "no control character"),
    (#"digraph "g" { "a" [label="x"]; } digraph "h" { }"#, "the end of the text"),
    (#"strict digraph "g" { }"#, "'digraph'"),
    (#"graph "g" { }"#, "'digraph'"),
    (#"digraph g { }"#, "a quoted string"),
    (#"digraph "g" { /* comment */ }"#, "a statement"),
    (#"digraph "g" { "a" -- "b" [label="x"]; }"#, "'['"),
    (#"digraph "g" { subgraph "x" { } }"#, "cluster_"),
    (#"digraph "g" { "a" [label="x]; }"#, "the closing quote"),
    ("digraph \"g\" { \"a\\", "a character after the backslash"),
    (#"digraph "g" { "a" [label="x"] }"#, "';'"),
    ("", "'digraph'"),
  ]

  @Test(arguments: refused.indices)
  func dotOutsideTheGrammarIsRefused(index: Int) {
    let (text, expected) = Self.refused[index]
    do {
      try DOTGrammar.check(text)
      Issue.record("accepted: \(text)")
    } catch let error as DiploRenderError {
      #expect(error.code == .syntax)
      #expect(error.message.contains(expected), "\(error.message)")
      #expect(error.message.hasPrefix("DOT text outside what the writer makes, at line "))
    } catch {
      Issue.record("\(error)")
    }
  }

  /// The checker splits quoted strings where Graphviz's lexer does, so no text it accepts as
  /// one value can be read by Graphviz as more: a backslash takes the next character with it.
  @Test func quotedStringsEndWhereGraphvizEndsThem() throws {
    let crafted = #"""
      digraph "g" {
        "x\" [URL=\"evil\"]; \"y" [label="z"];
        "a\\" [label="b"];
        "c" [label="\\"];
      }
      """#
    try DOTGrammar.check(crafted)
    let parsed = try Graphviz.parse(dot: crafted)
    #expect(Set(parsed.nodes.map(\.name)) == [#"x" [URL="evil"]; "y"#, #"a\\"#, "c"])
    for node in parsed.nodes { #expect(node.attributes["URL"] == nil) }
  }

  @Test func theRendererChecksBeforeGraphvizSeesTheText() throws {
    // A document made by the writer renders; the same API has no way to take other text.
    let document = try DOTWriter().document(for: Network(RenderFixtures.small()))
    #expect(try Renderer().render(document).svg?.contains("<svg") == true)
  }
}
