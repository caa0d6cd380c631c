import DiploRender
import Foundation
import Testing

@Suite struct GraphvizSmokeTests {
  @Test func rendersATinyDigraphToSVGInProcess() throws {
    let bytes = try Renderer().render(
      dot: #"digraph G { GBR -> RUS [label="23"]; RUS -> GBR [label="23"]; }"#)
    let svg = String(decoding: bytes, as: UTF8.self)
    #expect(svg.contains("<svg"))
    #expect(svg.contains("<title>GBR</title>"))
    #expect(svg.contains("<title>RUS</title>"))
    #expect(svg.contains("<title>GBR&#45;&gt;RUS</title>"))
    #expect(svg.contains(">23</text>"))
  }

  @Test func aSyntaxErrorIsASwiftErrorWithGraphvizsMessage() {
    #expect {
      _ = try Renderer().render(dot: "digraph { a -> }")
    } throws: { error in
      guard let error = error as? DiploRenderError else { return false }
      return error.code == .syntax && error.message.contains("syntax error")
    }
  }
}
