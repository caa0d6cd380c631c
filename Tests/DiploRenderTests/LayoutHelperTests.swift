import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploRender

/// The layout helper a program gets without serving anything itself: found beside the program,
/// by an environment variable or at a given path, and the one-line answer it gives.
@Suite struct LayoutHelperTests {
  /// This test binary uses the library as any program does: it implements nothing, and its
  /// layouts not known to be fast run in the helper beside it, under the time limit.
  @Test func aProgramThatUsesTheLibraryGetsTimeLimitedLayoutsAsItIs() throws {
    let program = LayoutIsolation.currentExecutable()
    let helper = try LayoutIsolation.helperPath()
    #expect(
      helper
        == ((program as NSString).deletingLastPathComponent as NSString)
        .appendingPathComponent("diplograph-layout"))
    let renderer = Renderer(isolation: try LayoutIsolation(timeLimit: 1))
    // Small: known to be fast, in process.
    let small = try DOTWriter().document(for: Network(RenderFixtures.small()))
    #expect(!(try renderer.render(small).inChildProcess))
    // dot on 120 nodes takes about two minutes: in the helper, stopped after a second.
    let big = try DOTWriter(style: RenderFixtures.whole).document(
      for: Network(RenderFixtures.random(nodes: 120)))
    let start = Date()
    #expect {
      _ = try renderer.render(big, engine: .dot, force: true)
    } throws: { error in
      (error as? DiploRenderError)?.code == .limit
    }
    #expect(Date().timeIntervalSince(start) < 10)
    // The same drawing as in process, when it finishes.
    let neato = try renderer.render(small, engine: .neato)
    let child = try Renderer(isolation: try LayoutIsolation(always: true)).render(
      small, engine: .neato)
    #expect(child.inChildProcess && child.bytes == neato.bytes)
  }

  @Test func theHelperIsFoundByAPathGivenOrNamedOrElseAClearError() throws {
    let helper = try LayoutIsolation.helperPath()
    // An explicit path comes first, then the environment variable, then the program's folder.
    #expect(try LayoutIsolation.helperPath(helper, named: "/no/such", program: "/x/y") == helper)
    #expect(try LayoutIsolation.helperPath(nil, named: helper, program: "/x/y") == helper)
    #expect(try LayoutIsolation(helper: helper).executable == helper)

    func failure(_ body: () throws -> Any) -> DiploRenderError? {
      do { _ = try body() } catch let error as DiploRenderError { return error } catch {}
      return nil
    }
    let named = failure { try LayoutIsolation.helperPath(nil, named: "/no/such", program: "/x/y") }
    #expect(named?.code == .isolation)
    #expect(named?.message == "DIPLOGRAPH_LAYOUT names /no/such, which is not an executable file")
    let given = failure { try LayoutIsolation(helper: "/no/such") }
    #expect(given?.message == "the layout helper /no/such is not an executable file")
    let missing = failure { try LayoutIsolation.helperPath(nil, named: nil, program: "/x/y") }
    #expect(missing?.code == .isolation)
    #expect(
      missing?.message
        == "the layout helper diplograph-layout is not beside /x/y and DIPLOGRAPH_LAYOUT is not "
        + "set; build the diplograph-layout product with the program (a dependency of its "
        + "target) or set DIPLOGRAPH_LAYOUT to its path")
  }

  @Test func theAnswerIsOneLineOfJSONThatReadsBack() throws {
    typealias Response = LayoutIsolation.Response
    let answers = [
      Response(warnings: ["font \"Arial\" not found", "é\n\\"], length: 1234),
      Response(warnings: [], length: 0),
      Response(code: "graphviz-syntax", message: "line 1: \u{1} <bad>"),
    ]
    for answer in answers {
      let line = answer.line
      #expect(!line.contains(0x0A))
      #expect(Response(line: line[...]) == answer)
    }
    #expect(
      String(decoding: answers[1].line, as: UTF8.self) == #"{"warnings":[],"length":0}"#)
    // `null` is an absent key; anything else that is not an answer is refused.
    #expect(Response(line: ArraySlice(#"{"length":3,"code":null}"#.utf8)) == Response(length: 3))
    for bad in [
      "not an answer", "[]", #"{"length":-1}"#, #"{"length":1.5}"#, #"{"warnings":[1]}"#,
      #"{"code":3}"#, #"{"other":1}"#, #"{"length":1,"length":2}"#,
    ] {
      #expect(Response(line: ArraySlice(bad.utf8)) == nil, "\(bad)")
    }
  }
}
