import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploRender

/// Layouts in a child process: the same bytes as in process, stopped at the time limit, and a
/// crash, a hang or nonsense from the child turned into a clear error.
@Suite struct LayoutIsolationTests {
  /// The package's layout helper, found as any program that uses the library finds it: beside
  /// the running executable (this test binary), where `swift build --build-tests` puts it.
  static func isolation(timeLimit: Double = 60, always: Bool = true) throws -> LayoutIsolation {
    try LayoutIsolation(timeLimit: timeLimit, always: always)
  }

  /// An isolation whose "layout process" is a shell script.
  static func script(_ script: String, timeLimit: Double = 10) -> LayoutIsolation {
    LayoutIsolation(
      executable: "/bin/sh", arguments: ["-c", script], timeLimit: timeLimit, always: true)
  }

  func renderError(_ body: () throws -> Void) -> DiploRenderError? {
    do {
      try body()
    } catch let error as DiploRenderError {
      return error
    } catch {
      Issue.record("not a DiploRenderError: \(error)")
    }
    return nil
  }

  @Test func aLayoutInTheChildGivesTheBytesOfOneInProcess() throws {
    let small = try DOTWriter().document(for: Network(RenderFixtures.small()))
    let episode = try DOTWriter().document(for: Network(RenderFixtures.approximate2018()))
    for document in [small, episode] {
      for engine in [LayoutEngine.dot, .neato, .sfdp] {
        let inProcess = try Renderer().render(document, engine: engine)
        let child = try Renderer(isolation: try Self.isolation()).render(document, engine: engine)
        #expect(child.inChildProcess && !inProcess.inChildProcess)
        #expect(child.bytes == inProcess.bytes, "\(engine)")
        #expect(child.warnings == inProcess.warnings)
      }
      let options = try SVGEmbedding(idPrefix: "x")
      #expect(
        try Renderer(isolation: try Self.isolation()).embeddableSVG(
          document, engine: .dot, options: options
        ).svg == Renderer().embeddableSVG(document, engine: .dot, options: options).svg)
    }
  }

  @Test func onlyLayoutsNotKnownToBeFastGoToTheChild() throws {
    let renderer = Renderer(isolation: try Self.isolation(always: false))
    let small = try DOTWriter().document(for: Network(RenderFixtures.small()))
    #expect(!(try renderer.render(small).inChildProcess))
    // 120 nodes: beyond what circo is known to lay out fast; sfdp, in process.
    let big = try DOTWriter(style: RenderFixtures.whole).document(
      for: Network(RenderFixtures.random(nodes: 120)))
    #expect(!EnginePolicy.standard.isKnownFast(big, engine: .circo))
    #expect(EnginePolicy.standard.isKnownFast(big, engine: .sfdp))
    #expect(!(try renderer.render(big, engine: .sfdp).inChildProcess))
    // A megabyte of label text: not known to be fast, whatever the engine.
    var data = RenderFixtures.small()
    data.actors[0].name = String(repeating: "long name ", count: 120_000)
    let long = try DOTWriter(style: RenderFixtures.whole).document(for: Network(data))
    #expect(!EnginePolicy.standard.isKnownFast(long, engine: .sfdp))
  }

  @Test func aRunawayLayoutIsStoppedAtTheLimit() throws {
    // dot on 120 nodes with 3 edges each takes about two minutes (see EnginePolicy).
    let document = try DOTWriter(style: RenderFixtures.whole).document(
      for: Network(RenderFixtures.random(nodes: 120)))
    let start = Date()
    let error = renderError {
      _ = try Renderer(isolation: try Self.isolation(timeLimit: 1)).render(
        document, engine: .dot, force: true)
    }
    let elapsed = Date().timeIntervalSince(start)
    #expect(error?.code == .limit)
    // In the library's terms; the ways out as data, for a host to say how its users take them.
    #expect(
      error?.message
        == "the dot layout did not finish within the time limit of 1 s and was stopped; use a "
        + "faster engine (sfdp), draw fewer actors, or allow more time")
    #expect(error?.remedies.map(\.kind) == [.otherEngine, .fewerActors, .moreTime])
    #expect(
      error?.message(how: { $0 == .moreTime ? "longer limit" : nil })
        .hasSuffix("draw fewer actors, or allow more time (longer limit)") == true)
    #expect(elapsed >= 1 && elapsed < 10, "stopped after \(elapsed) s")
  }

  @Test func aCrashingChildIsAnErrorOfTheRenderNotOfTheCaller() throws {
    let document = try DOTWriter().document(for: Network(RenderFixtures.small()))
    let crashed = renderError {
      _ = try Renderer(isolation: Self.script("echo oops >&2; kill -SEGV $$")).render(document)
    }
    #expect(crashed?.code == .layout)
    #expect(
      crashed?.message
        == "Graphviz stopped with SIGSEGV while laying out the graph with dot (in a separate "
        + "process; nothing else was affected); try another engine (sfdp) (it said: oops)")

    let nonsense = renderError {
      _ = try Renderer(isolation: Self.script("cat >/dev/null; echo not an answer")).render(
        document)
    }
    #expect(nonsense?.code == .layout)
    #expect(nonsense?.message.hasPrefix("the layout process /bin/sh gave no answer") == true)

    let short = renderError {
      _ = try Renderer(isolation: Self.script(#"cat >/dev/null; printf '{"length":99}\nabc'"#))
        .render(document)
    }
    #expect(short?.message == "the layout process's answer was cut short")

    let missing = renderError {
      _ = try Renderer(
        isolation: LayoutIsolation(executable: "/no/such/program", arguments: [], always: true)
      ).render(document)
    }
    #expect(
      missing?.message.hasPrefix("cannot start the layout process /no/such/program: ") == true)
  }

  @Test func aChildThatClosesItsOutputAndHangsIsStoppedToo() throws {
    let start = Date()
    let outcome = try ChildProcess.run(
      executable: "/bin/sh", arguments: ["-c", "exec >&- 2>&-; sleep 30"], input: [], limit: 1)
    #expect(outcome.ending == .timedOut)
    #expect(Date().timeIntervalSince(start) < 10)
  }

  @Test func aChildThatNeverReadsItsInputCannotBlockTheParent() throws {
    // 4 MB of input, far more than a pipe holds, to a child that closes its input and waits.
    let outcome = try ChildProcess.run(
      executable: "/bin/sh", arguments: ["-c", "exec 0<&-; sleep 0.2; echo done"],
      input: [UInt8](repeating: 0x41, count: 4 << 20), limit: 20)
    #expect(outcome.ending == .exited(0))
    #expect(String(decoding: outcome.output, as: UTF8.self) == "done\n")
    // A child that writes much before it reads.
    let chatty = try ChildProcess.run(
      executable: "/bin/sh",
      arguments: ["-c", "head -c 3000000 /dev/zero; head -c 100000 /dev/zero >&2; wc -c"],
      input: [UInt8](repeating: 0x41, count: 2 << 20), limit: 20)
    #expect(chatty.ending == .exited(0))
    #expect(chatty.output.count == 3_000_000 + "2097152\n".count)
    #expect(chatty.errors.count == 65536)  // kept up to 64 KiB
  }

  @Test func theChildRefusesDOTTheWriterDidNotMake() throws {
    let outcome = try ChildProcess.run(
      executable: try LayoutIsolation.helperPath(), arguments: [],
      input: Array("diplograph-layout 1 dot svg\ndigraph \"g\" { \"a\" [URL=\"x\"]; }\n".utf8),
      limit: 30)
    #expect(outcome.ending == .exited(0))
    let answer = String(decoding: outcome.output, as: UTF8.self)
    let lines = answer.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 2 && lines[1].isEmpty, "nothing but the one-line answer")
    let response = try #require(LayoutIsolation.Response(line: ArraySlice(lines[0].utf8)))
    #expect(response.code == "graphviz-syntax")
    #expect(
      response.message?.hasPrefix(
        "DOT text outside what the writer makes, at line 1, column 23: expected an attribute the "
          + "writer sets, not 'URL'") == true)
  }

  /// Many renders at once, in process and in child processes, of several documents with several
  /// engines, some failing: every output is the one a render alone gives, and every error the
  /// one its own input causes (Graphviz's messages do not cross between calls).
  @Test func aStressOfConcurrentRendersGivesEveryOutputRight() async throws {
    let documents = try [
      RenderFixtures.small(), RenderFixtures.approximate2018(),
      RenderFixtures.hostile(RenderFixtures.hostile[3], index: 3),
    ].map { try DOTWriter().document(for: Network($0)) }
    let engines: [LayoutEngine] = [.dot, .neato, .twopi]
    var expected: [[[UInt8]]] = []
    for document in documents {
      expected.append(try engines.map { try Renderer().render(document, engine: $0).bytes })
    }
    let frozen = expected
    let isolated = Renderer(isolation: try Self.isolation())
    let failures = try await withThrowingTaskGroup(of: String?.self) { group in
      for i in 0..<48 {
        group.addTask {
          let d = i % documents.count
          let e = (i / documents.count) % engines.count
          if i % 8 == 7 {
            // A failing call in the middle: its error, and only its error.
            do {
              _ = try Renderer().render(dot: "digraph { a -> }")
              return "\(i): a broken text rendered"
            } catch let error as DiploRenderError {
              return error.message.contains("syntax error in line 1") ? nil : "\(i): \(error)"
            }
          }
          let renderer = i % 3 == 0 ? isolated : Renderer()
          let rendering = try renderer.render(documents[d], engine: engines[e])
          return rendering.bytes == frozen[d][e] ? nil : "\(i): other bytes"
        }
      }
      var all: [String] = []
      for try await failure in group { if let failure { all.append(failure) } }
      return all
    }
    #expect(failures.isEmpty, "\(failures)")
  }
}
