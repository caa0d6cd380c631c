import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploRender

/// The legend: one grid of swatches and line samples, four entries a row.
@Suite struct LegendTests {
  private func legend(_ style: Style = .standard) throws -> String {
    let document = try DOTWriter(style: style).document(for: Network(RenderFixtures.small()))
    return try #require(try Graphviz.parse(dot: document.text).attributes["label"])
  }

  @Test func blocsAndKindsShareOneGridOfFourEntriesARow() throws {
    let label = try legend()
    // One nested table: the title's, then the grid, then the note.
    #expect(label.matches(of: /<TABLE/).count == 2)
    let grid = try #require(
      label.split(separator: "<TABLE").last?.split(separator: "</TABLE>").first)
    let rows = grid.split(separator: "<TR>").dropFirst().map(String.init)
    // Blocs: EU, NATO members, in no bloc (one row); kinds: expulsion, retaliation, staff
    // cut, consulate closure (one row of four).
    #expect(rows.count == 2)
    #expect(rows[0].matches(of: /FIXEDSIZE="TRUE"/).count == 3)
    #expect(rows[1].matches(of: /<TD ALIGN="RIGHT">/).count == 4)
    #expect(rows[1].contains("expulsion&#160;&#160;&#160;</FONT>"))
    #expect(label.contains("ellipse: state, box: organisation"))
  }

  @Test func theShapesAreNotExplainedWhenStatesAndOrganisationsLookAlike() throws {
    var style = Style()
    style.stateShape = .box
    let label = try legend(style)
    #expect(!label.contains("box: state"))
    #expect(label.contains("node size: diplomats expelled + lost"))
  }
}
