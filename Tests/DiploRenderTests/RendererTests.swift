import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploRender

@Suite struct RendererTests {
  private func document(_ dataSet: DataSet = RenderFixtures.small()) throws -> DOTDocument {
    try DOTWriter(style: RenderFixtures.whole).document(for: Network(dataSet))
  }

  @Test(arguments: LayoutEngine.allCases.filter(\.isReproducibleInProcess))
  func sameDocumentSameBytes(engine: LayoutEngine) throws {
    let doc = try document(RenderFixtures.random(nodes: 40, seed: 7))
    let renderer = Renderer()
    let first = try renderer.render(doc, engine: engine).bytes
    // Something else in between, to disturb any state Graphviz keeps.
    _ = try renderer.render(document(), engine: engine)
    let second = try renderer.render(doc, engine: engine).bytes
    let same = first == second
    #expect(same, "\(engine) gave different bytes")
  }

  @Test func fdpIsTheOneEngineNotReproducibleInProcess() {
    #expect(LayoutEngine.allCases.filter { !$0.isReproducibleInProcess } == [.fdp])
  }

  @Test func unknownEnginesAndFormatsAreClearErrors() throws {
    #expect(try LayoutEngine(named: "SFDP") == .sfdp)
    #expect(try RenderFormat(named: "png") == .png)
    #expect {
      _ = try LayoutEngine(named: "spring")
    } throws: { error in
      let e = error as? DiploRenderError
      return e?.code == .unknownName
        && e?.message
          == "unknown layout engine 'spring': use one of dot, neato, fdp, sfdp, circo, twopi"
    }
    #expect {
      _ = try RenderFormat(named: "gif")
    } throws: { error in
      let e = error as? DiploRenderError
      return e?.code == .unknownName
        && e?.message == "unknown output format 'gif': use one of svg, png, pdf"
    }
  }

  @Test func pngAndPdfWhenThePluginIsThereAClearErrorWhenNot() throws {
    let formats = try Renderer.availableFormats()
    #expect(formats.contains(.svg))
    let doc = try document()
    for (format, magic) in [
      (RenderFormat.png, [UInt8]([0x89, 0x50, 0x4E, 0x47])), (.pdf, Array("%PDF".utf8)),
    ] {
      if formats.contains(format) {
        let bytes = try Renderer().render(doc, engine: .dot, format: format).bytes
        #expect(Array(bytes.prefix(4)) == magic)
      } else {
        #expect(throws: DiploRenderError.self) { try Renderer().render(doc, format: format) }
      }
    }
  }

  @Test func graphvizErrorsAndWarningsComeBackAsValues() throws {
    #expect {
      _ = try Renderer().render(dot: "digraph { a -> }")
    } throws: { error in
      let e = error as? DiploRenderError
      return e?.code == .syntax
        && e?.message == "Graphviz could not read the DOT text: syntax error in line 1 near '}'"
    }
    #expect {
      _ = try Renderer().render(dot: "")
    } throws: { error in
      (error as? DiploRenderError)?.message == "Graphviz could not read the DOT text: it is empty"
    }
    // Input after the first graph is read and dropped: it never reaches the next call.
    let first = try Renderer().render(dot: "digraph { a -> b } digraph { c")
    #expect(String(decoding: first, as: UTF8.self).contains("<title>a&#45;&gt;b</title>"))
    let clean = try Renderer().render(dot: "digraph { x }")
    #expect(String(decoding: clean, as: UTF8.self).contains("<title>x</title>"))
    // Graphviz warns about a colour name once per process: this name is used nowhere else.
    let warned = try Graphviz.render(
      dot: #"digraph { a [color="nosuchcolour"] }"#, engine: .dot, format: .svg)
    #expect(warned.warnings == ["nosuchcolour is not a known color."])
  }

  @Test func anEmptySelectionStillRenders() throws {
    let network = try Network(RenderFixtures.small(), selection: Selection(kinds: ["none"]))
    let document = try DOTWriter().document(for: network)
    #expect(document.nodeCount == 0 && document.edgeCount == 0)
    for engine in LayoutEngine.allCases {
      let svg = try #require(try Renderer().render(document, engine: engine).svg)
      #expect(ParsedXML(svg).isWellFormed)
    }
  }

  @Test func graphvizPrintsNothingOnStandardError() throws {
    // Send fd 2 to a file while Graphviz fails and warns, then put it back.
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("diplograph-stderr-\(UUID().uuidString)").path
    let file = open(path, O_CREAT | O_RDWR | O_TRUNC, 0o600)
    try #require(file >= 0)
    let saved = dup(2)
    fflush(nil)
    dup2(file, 2)
    _ = try? Renderer().render(dot: "digraph { a -> }")
    _ = try? Renderer().render(dot: #"digraph G { a [color="anothermissingcolour"] }"#)
    _ = try? Graphviz.render(dot: "digraph G { a }", engine: .dot, format: .svg)
    fflush(nil)
    dup2(saved, 2)
    close(saved)
    close(file)
    let written = try String(contentsOfFile: path, encoding: .utf8)
    try? FileManager.default.removeItem(atPath: path)
    // Other tests run meanwhile and may write to fd 2 themselves: look for what Graphviz would
    // have said about these three inputs.
    for graphvizWords in ["syntax error", "anothermissingcolour", "Warning", "Error"] {
      #expect(!written.contains(graphvizWords), "\(written)")
    }
  }

  @Test func theEnginePolicyChoosesDotForSmallGraphsAndSfdpBeyond() throws {
    let policy = EnginePolicy()
    let small = try document()
    let choice = try policy.choose(for: small, requested: nil, force: false)
    #expect(choice.engine == .dot && choice.automatic)
    #expect(choice.reason == "dot (automatic: 6 nodes and 7 edges, within 50 nodes and 150 edges)")
    let medium = try document(RenderFixtures.random(nodes: 60))
    let auto = try policy.choose(for: medium, requested: nil, force: false)
    #expect(auto.engine == .sfdp && auto.automatic)
    #expect(auto.description.hasPrefix("layout: sfdp (automatic: 60 nodes and"))
    // Asking for dot on 60 nodes is allowed (seconds); on 150 it is refused unless forced.
    #expect(try policy.choose(for: medium, requested: .dot, force: false).engine == .dot)
    let large = try document(RenderFixtures.random(nodes: 150))
    #expect {
      _ = try Renderer().render(large, engine: .dot)
    } throws: { error in
      let e = error as? DiploRenderError
      return e?.code == .limit && e?.message.contains("use sfdp") == true
        && e?.message.contains("force") == true
    }
    #expect(try policy.choose(for: large, requested: .dot, force: true).engine == .dot)
    let automatic = try Renderer().render(large)
    #expect(automatic.engine.engine == .sfdp)
    #expect(ParsedXML(try #require(automatic.svg)).isWellFormed)
  }

  @Test func concurrentRendersFromManyTasksAreCorrect() async throws {
    let doc = try document()
    let expected = try await Renderer().render(doc, engine: .neato).bytes
    let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
      for _ in 0..<24 {
        group.addTask { try await Renderer().render(doc, engine: .neato).bytes }
      }
      var all: [[UInt8]] = []
      for try await bytes in group { all.append(bytes) }
      return all
    }
    #expect(results.count == 24)
    #expect(results.allSatisfy { $0 == expected })
  }

  @Test func concurrentSynchronousRendersFromManyThreadsAreCorrect() throws {
    let doc = try document()
    let expected = try Renderer().render(doc, engine: .dot).bytes
    let outputs = Outputs()
    DispatchQueue.concurrentPerform(iterations: 16) { i in
      let bytes = try? Renderer().render(doc, engine: .dot).bytes
      outputs.set(i, bytes)
    }
    #expect(outputs.all(count: 16).allSatisfy { $0 == expected })
  }
}

/// Results written from many threads.
private final class Outputs: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Int: [UInt8]] = [:]
  func set(_ i: Int, _ bytes: [UInt8]?) {
    lock.lock()
    defer { lock.unlock() }
    values[i] = bytes
  }
  func all(count: Int) -> [[UInt8]?] {
    lock.lock()
    defer { lock.unlock() }
    return (0..<count).map { values[$0] }
  }
}
