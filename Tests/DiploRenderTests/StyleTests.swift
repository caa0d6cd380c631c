import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploRender

@Suite struct StyleTests {
  @Test func aStyleRoundTripsThroughJSON() throws {
    var style = Style()
    style.palette = [try RGBColor(hex: "#112233"), try RGBColor(hex: "abcdef")]
    style.colourBlocs = ["NATO", "EU"]
    style.penWidthScale = .linear
    style.edgeMode = .perAction
    style.actionLooks[ActionKind("trade_sanction")] = EdgeLook(color: .black, line: .dotted)
    style.title = "A title"
    style.font = try FontName("DejaVu Sans")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(style)
    let decoded = try JSONDecoder().decode(Style.self, from: data)
    #expect(decoded == style)
    // Same value, same bytes.
    #expect(try encoder.encode(decoded) == data)
  }

  @Test func everyKeyIsOptionalAndNamedKindsMergeWithTheDefaults() throws {
    let json = #"""
      {"penWidthScale": "linear", "edgeMode": "per-action", "clusters": true,
       "nodeWidth": [0.5, 2], "actionLooks": {"retaliation": {"color": "#000000", "line": "dotted"}}}
      """#
    let style = try JSONDecoder().decode(Style.self, from: Data(json.utf8))
    #expect(style.penWidthScale == .linear)
    #expect(style.edgeMode == .perAction)
    #expect(style.clusters)
    #expect(style.nodeWidth == 0.5...2)
    #expect(style.look(of: .retaliation) == EdgeLook(color: .black, line: .dotted))
    #expect(style.look(of: .expulsion) == Style.standardActionLooks[.expulsion])
    #expect(style.palette == Style.okabeIto)
    #expect(style.font == .sansSerif)
  }

  @Test func badValuesAreRefusedWithAReason() {
    let bad = [
      #"{"font": "Arial\"/><script>"}"#,
      ##"{"palette": ["#GGGGGG"]}"##,
      #"{"palette": []}"#,
      #"{"penWidth": [3, 1]}"#,
      #"{"penWidth": [0, 1000]}"#,
      #"{"fontSize": 1000}"#,
      #"{"leafRows": 0}"#,
      #"{"stateShape": "star; image=\"/etc/passwd\""}"#,
    ]
    for json in bad {
      #expect(throws: (any Error).self, "\(json)") {
        try JSONDecoder().decode(Style.self, from: Data(json.utf8))
      }
    }
  }

  @Test func penWidthScales() {
    let range = 1.0...5.0
    #expect(PenWidthScale.linear.width(for: 50, maximum: 100, range: range) == 3)
    // log: 1 + 4·ln(1 + 9)/ln(1 + 99) = 1 + 4·0.5 = 3.
    #expect(approximatelyEqual(PenWidthScale.log.width(for: 9, maximum: 99, range: range), 3))
    #expect(PenWidthScale.log.width(for: 0, maximum: 99, range: range) == 1)
    #expect(PenWidthScale.linear.width(for: 7, maximum: 0, range: range) == 1)
  }

  @Test func textColourFollowsWCAGContrast() throws {
    #expect(try RGBColor(hex: "#0072B2").readableTextColor == .white)
    #expect(try RGBColor(hex: "#F0E442").readableTextColor == .black)
    #expect(approximatelyEqual(RGBColor.white.relativeLuminance, 1))
    #expect(try RGBColor(hex: "#0072b2").hex == "#0072B2")
  }
}
