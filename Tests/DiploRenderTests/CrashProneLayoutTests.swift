import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploRender

/// Layouts that may crash Graphviz 2.43 (diagrams with clusters) never run in the caller's
/// process unless it asks: the default renderer sends them to the layout helper.
@Suite struct CrashProneLayoutTests {
  /// 30 actors in 3 overlapping blocs: dot with clusters aborts in process ("triangulation
  /// failed", then "double free or corruption"; Tests/Hostile/random_blocs.py, seed 0).
  static func crashingDocument() throws -> DOTDocument {
    let url = Fixtures.packageRoot.appendingPathComponent("Tests/Hostile/clusters-crash.json")
    let data = try CanonicalJSON.read(Array(try Data(contentsOf: url)), file: url.path).dataSet
    var style = Style.standard
    style.clusters = true
    return try DOTWriter(style: style).document(for: Network(data))
  }

  @Test func aDiagramWithClustersIsCrashProneAndOneWithoutIsNot() throws {
    let policy = EnginePolicy.standard
    let clustered = try Self.crashingDocument()
    #expect(policy.isCrashProne(clustered, engine: .dot))
    let plain = try DOTWriter().document(for: Network(RenderFixtures.small()))
    #expect(!policy.isCrashProne(plain, engine: .dot))
    // A label that spells the cluster syntax is escaped: not taken for a cluster.
    var style = Style.standard
    style.title = #"subgraph "cluster_1" {"#
    let tricky = try DOTWriter(style: style).document(for: Network(RenderFixtures.small()))
    #expect(!policy.isCrashProne(tricky, engine: .dot))
  }

  /// The default renderer lays the crashing diagram out in the helper: the test process lives
  /// on, and the crash is an error of the render that says what Graphviz said.
  @Test func theDefaultRendererRunsACrashProneLayoutInTheHelper() throws {
    let document = try Self.crashingDocument()
    do {
      let rendering = try Renderer().render(document, engine: .dot)
      #expect(rendering.inChildProcess)
    } catch let error as DiploRenderError {
      #expect(error.code == .layout)
      #expect(error.message.contains("in a separate process"))
      #expect(error.message.contains("triangulation failed") || error.message.contains("free"))
    }
    // Without clusters, in process as before.
    let plain = try DOTWriter().document(for: Network(RenderFixtures.small()))
    #expect(!(try Renderer().render(plain).inChildProcess))
  }
}

/// Character references to characters XML cannot carry are refused before Graphviz sees them,
/// in process and in the layout child (Graphviz would write the raw character into the SVG).
@Suite struct CharacterReferenceTests {
  @Test func referencesXMLCannotCarryAreRefusedAndOthersPass() throws {
    for bad in [
      "&#1;", "&#x1;", "&#X1F;", "&#0;", "&#xD800;", "&#xFFFE;", "&#1114112;", "&#000000001;",
    ] {
      #expect(throws: DiploRenderError.self, "\(bad)") {
        try CharacterReferences.check("digraph { a [label=\"x\(bad)y\"]; }")
      }
    }
    for good in ["&#9;", "&#10;", "&#x20;", "&#233;", "&#xE9;", "&#x1F600;", "&#;", "&#1", "&amp;"]
    {
      try CharacterReferences.check("digraph { a [label=\"x\(good)y\"]; }")
    }
  }

  @Test func theLayoutChildRefusesThemToo() throws {
    let helper = try LayoutIsolation.helperPath()
    let request = "diplograph-layout 1 dot svg\ndigraph \"g\" {\n  \"a\" [label=\"x&#1;y\"];\n}\n"
    let run = try CommandRunner.run(
      executable: URL(fileURLWithPath: helper), [], stdin: Array(request.utf8))
    #expect(run.status == 0)
    #expect(!run.output.contains("<svg"))
    #expect(run.output.contains("graphviz-syntax"))
  }
}
