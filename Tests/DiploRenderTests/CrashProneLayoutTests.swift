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
