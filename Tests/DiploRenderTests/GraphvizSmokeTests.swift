import DiploGraph
import Foundation
import Testing

@testable import DiploRender

@Suite struct GraphvizSmokeTests {
  @Test func rendersTheWritersDocumentToSVGInProcess() throws {
    let document = try DOTWriter().document(for: Network(RenderFixtures.small()))
    let rendering = try Renderer().render(document, engine: .dot)
    let svg = try #require(rendering.svg)
    #expect(svg.contains("<svg"))
    #expect(svg.contains("<title>GBR</title>"))
    #expect(svg.contains("<title>RUS</title>"))
    #expect(svg.contains("<title>GBR&#45;&gt;RUS</title>"))
    // Russia's 23 (retaliation) and 50 (staff cut) to the United Kingdom: two labels, no 73.
    #expect(svg.contains(">23</text>") && svg.contains(">50</text>"))
    #expect(!svg.contains(">73</text>"))
    #expect(
      rendering.engine == EngineChoice(engine: .dot, automatic: false, reason: "dot (chosen)"))
  }

  @Test func aSyntaxErrorInRawDOTIsASwiftErrorWithGraphvizsMessage() {
    // Raw DOT is reachable only from inside the module (and its tests).
    #expect {
      _ = try Renderer().render(dot: "digraph { a -> }")
    } throws: { error in
      guard let error = error as? DiploRenderError else { return false }
      return error.code == .syntax && error.message.contains("syntax error")
    }
  }
}
