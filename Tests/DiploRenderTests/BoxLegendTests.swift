import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploRender

/// Issue 14, phones: a bloc that is only boxed (`--clusters`) and fills no node is shown in the
/// legend as a box outline of its colour, not as a filled square.
@Suite struct BoxLegendTests {
  /// On every Graphs/ data set with boxes: an entry is box-only exactly when no node of the DOT
  /// is filled with its colour, and the picture's legend draws it as an outline.
  @Test func boxOnlyBlocsAreOutlinesInTheLegend() throws {
    var boxOnly = 0
    for name in TruthfulDiagramTests.dataSets {
      var style = Style.standard
      style.clusters = true
      let network = try Network(TruthfulDiagramTests.load(name))
      let document = try DOTWriter(style: style).document(for: network)
      let fills = Set(
        document.text.matches(of: /fillcolor="(#[0-9A-Fa-f]{6})"/).map { String($0.1).uppercased() }
      )
      for entry in document.legend.blocs where entry.name != "in no bloc" {
        let filled = fills.contains(entry.colour.hex.uppercased())
        #expect(entry.boxOnly == !filled, "\(name): \(entry.name)")
        let hex = entry.colour.hex
        if entry.boxOnly {
          boxOnly += 1
          #expect(document.text.contains("BORDER=\"2\" COLOR=\"\(hex)\" FIXEDSIZE=\"TRUE\""))
        } else {
          #expect(document.text.contains("BGCOLOR=\"\(hex)\" BORDER=\"1\" FIXEDSIZE=\"TRUE\""))
        }
      }
      // Graphviz takes the label.
      _ = try Graphviz.parse(dot: document.text)
    }
    #expect(boxOnly > 0)
  }

  @Test func withoutBoxesNoEntryIsBoxOnly() throws {
    for name in TruthfulDiagramTests.dataSets {
      let document = try DOTWriter().document(for: Network(TruthfulDiagramTests.load(name)))
      #expect(!document.legend.blocs.contains { $0.boxOnly })
    }
  }
}
