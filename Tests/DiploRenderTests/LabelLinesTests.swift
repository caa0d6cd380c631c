import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploRender

/// Issue 14, labels over lines: edge labels moved off other edges' lines where a clear place is
/// near. The crossings are counted by an oracle of its own (each edge's Bézier curves sampled
/// at 64 points per curve, a point within half the line's stroke width of a box counting, read
/// with Foundation's XMLParser), not by the pass's polylines.
@Suite struct LabelLinesTests {
  /// The edge texts of `svg` lying over another edge's curve: a sampled point of the curve
  /// inside the text's box (boxes as ``LabelSpacing/Text`` measures them).
  static func crossings(_ svg: String) -> [String] {
    let xml = ParsedXML(svg)
    var edgeAt: [Int: Int] = [:]
    var edges = 0
    var texts: [(edge: Int, box: LabelSpacing.Box, text: String)] = []
    var points: [(edge: Int, x: Double, y: Double, half: Double)] = []
    for element in xml.elements {
      if element.name == "g" {
        let kind = (element.attributes["class"] ?? "").split(separator: " ").first ?? ""
        if kind == "edge" {
          edgeAt[element.depth] = edges
          edges += 1
        } else if kind == "node" || kind == "cluster" || kind == "graph" {
          edgeAt[element.depth] = -1
        }
      }
      let edge = (0..<element.depth).reversed().lazy.compactMap { edgeAt[$0] }.first ?? -1
      guard edge >= 0 else { continue }
      if element.name == "path" {
        let half = (Double(element.attributes["stroke-width"] ?? "") ?? 1) / 2
        let n = LabelSpacing.numbers(element.attributes["d"] ?? "")
        var k = 2
        while k + 5 < n.count {
          for step in 0...64 {
            let t = Double(step) / 64
            let u = 1 - t
            let w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t]
            let x = (0..<4).reduce(0) { $0 + w[$1] * n[k - 2 + 2 * $1] }
            let y = (0..<4).reduce(0) { $0 + w[$1] * n[k - 1 + 2 * $1] }
            points.append((edge, x, y, half))
          }
          k += 6
        }
      }
      if element.name == "text", let x = Double(element.attributes["x"] ?? ""),
        let y = Double(element.attributes["y"] ?? "")
      {
        let text = LabelSpacing.Text(
          token: 0, x: x, y: y, anchor: element.attributes["text-anchor"] ?? "start",
          fontSize: Double(element.attributes["font-size"] ?? "") ?? 14,
          content: element.text, movable: true)
        texts.append((edge, text.box, element.text))
      }
    }
    return texts.filter { text in
      points.contains {
        $0.edge != text.edge && text.box.minX - $0.half < $0.x && $0.x < text.box.maxX + $0.half
          && text.box.minY - $0.half < $0.y && $0.y < text.box.maxY + $0.half
      }
    }.map(\.text)
  }

  @Test func aLabelOnAnotherEdgesLineIsMovedOff() throws {
    // Edge 1's label "12" at (100, 50); edge 2's straight line runs through it.
    let svg = """
      <svg><g class="graph"><g class="edge"><path d="M100,10C100,20 100,30 100,40"/>\
      <text text-anchor="middle" x="100" y="50" font-size="10">12</text></g>\
      <g class="edge"><path d="M60,47C80,47 120,47 140,47"/></g></g></svg>
      """
    #expect(Self.crossings(svg) == ["12"])
    #expect(LabelSpacing.lineCrossings(Array(svg.utf8)) == 1)
    let moved = String(decoding: LabelSpacing.apply(Array(svg.utf8)), as: UTF8.self)
    #expect(Self.crossings(moved).isEmpty, "\(moved)")
    #expect(LabelSpacing.lineCrossings(Array(moved.utf8)) == 0)
    // Within reach: 2.5 em of 10 points.
    let text = try #require(ParsedXML(moved).elements.first { $0.name == "text" })
    let dx = Double(text.attributes["x"] ?? "")! - 100
    let dy = Double(text.attributes["y"] ?? "")! - 50
    #expect((dx * dx + dy * dy).squareRoot() <= 25.01)
    // On its own line (a number struck through by its line), it is moved beside it: off the
    // line by a tenth of an em (the text's box spans y − 8 … y + 2 at 10 points).
    let own = """
      <svg><g class="graph"><g class="edge"><path d="M60,47C80,47 120,47 140,47"/>\
      <text text-anchor="middle" x="100" y="50" font-size="10">12</text></g></g></svg>
      """
    #expect(Self.crossings(own).isEmpty)
    #expect(LabelSpacing.lineCrossings(Array(own.utf8), ownToo: true) == 1)
    let beside = LabelSpacing.apply(Array(own.utf8))
    #expect(LabelSpacing.lineCrossings(beside, ownToo: true) == 0)
    let label = try #require(
      ParsedXML(String(decoding: beside, as: UTF8.self)).elements.first { $0.name == "text" })
    let y = Double(label.attributes["y"] ?? "")!
    #expect(y + 2 <= 47 - 0.5 - 1 || y - 8 >= 47 + 0.5 + 1, "y = \(y)")
    #expect(abs(y - 50) <= 25.01)
  }

  @Test func segmentsMeetBoxesAsDrawn() {
    let box = LabelSpacing.Box(minX: 0, minY: 0, maxX: 10, maxY: 10)
    #expect(LabelSpacing.segment((-5, 5), (15, 5), meets: box))
    #expect(LabelSpacing.segment((5, 5), (6, 6), meets: box))
    #expect(LabelSpacing.segment((-5, -5), (15, 15), meets: box))
    #expect(!LabelSpacing.segment((-5, 12), (15, 12), meets: box))
    #expect(!LabelSpacing.segment((11, -5), (30, 20), meets: box))
    #expect(!LabelSpacing.segment((-1, 5), (-1, 5), meets: box))
    let curve = LabelSpacing.flattened("M0,0C0,10 10,10 10,0")
    #expect(curve.count == 17)
    #expect(curve.last!.x == 10 && curve.last!.y == 0)
    #expect(abs(curve[8].y - 7.5) < 1e-9)
  }

  /// The crossings of Graphviz's own placement and after the pass, on every Graphs/ data
  /// set: never more after, labels still apart (``TruthfulDiagramTests/labelGaps(_:)``).
  @Test(arguments: TruthfulDiagramTests.dataSets)
  func fewerLabelsLieOverLinesOnEveryDataSet(_ name: String) throws {
    let data = try TruthfulDiagramTests.load(name)
    let document = try DOTWriter().document(for: Network(data))
    let rendering = try Renderer().render(document)
    let raw = try Graphviz.render(
      dot: document.text, engine: rendering.engine.engine, format: .svg
    ).bytes
    let before = Self.crossings(String(decoding: raw, as: UTF8.self))
    let after = Self.crossings(try #require(rendering.svg))
    let ownBefore = LabelSpacing.lineCrossings(raw, ownToo: true)
    let ownAfter = LabelSpacing.lineCrossings(rendering.bytes, ownToo: true)
    print(
      "label/line crossings \(name) (\(rendering.engine.engine.rawValue)): other edges' lines "
        + "\(before.count) before, \(after.count) after; any line, its own included, "
        + "\(ownBefore) before, \(ownAfter) after")
    #expect(ownAfter <= ownBefore)
    #expect(after.count <= before.count, "\(name): \(before) → \(after)")
    #expect(TruthfulDiagramTests.labelGaps(try #require(rendering.svg)).isEmpty)
  }

  @Test(arguments: [30, 300])
  func fewerLabelsLieOverLinesOnGeneratedEvents(actors: Int) throws {
    let data = try TruthfulDiagramTests.events(actors: actors, actions: actors * 4)
    let document = try DOTWriter().document(for: Network(data))
    let rendering = try Renderer().render(document)
    let raw = try Graphviz.render(
      dot: document.text, engine: rendering.engine.engine, format: .svg
    ).bytes
    let before = Self.crossings(String(decoding: raw, as: UTF8.self)).count
    let after = Self.crossings(try #require(rendering.svg)).count
    print("label/line crossings, \(actors) generated actors: \(before) before, \(after) after")
    #expect(after <= before)
    #expect(TruthfulDiagramTests.labelGaps(try #require(rendering.svg)).isEmpty)
  }
}
