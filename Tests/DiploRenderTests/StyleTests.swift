import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploRender

@Suite struct StyleTests {
  func read(_ json: String) throws -> Style {
    try StyleFile.read(Array(json.utf8), file: "style.json")
  }

  /// The message a style file gets, `file:line:column (path): error: …`.
  func failure(_ json: String) -> String? {
    do {
      _ = try read(json)
    } catch let error as DiploRenderError {
      #expect(error.code == .style)
      return error.description
    } catch {
      Issue.record("not a DiploRenderError: \(error)")
    }
    return nil
  }

  @Test func aStyleRoundTripsThroughItsFile() throws {
    var style = Style()
    style.palette = [try RGBColor(hex: "#112233"), try RGBColor(hex: "abcdef")]
    style.colourBlocs = ["NATO", "EU"]
    style.penWidthScale = .linear
    style.penWidth = 0.25...4.5
    style.edgeMode = .perAction
    style.actionLooks[ActionKind("trade_sanction")] = EdgeLook(color: .black, line: .dotted)
    style.title = "A \"title\"\n<b>é</b>"
    style.font = try FontName("DejaVu Sans")
    style.fontSize = 10.5
    for original in [style, Style.standard] {
      let text = StyleFile.write(original)
      let decoded = try read(text)
      #expect(decoded == original)
      // Same value, same bytes.
      #expect(StyleFile.write(decoded) == text)
    }
    #expect(StyleFile.write(style).contains(#""fontSize": 10.5"#))
  }

  @Test func everyKeyIsOptionalAndNamedKindsMergeWithTheDefaults() throws {
    let json = #"""
      {"penWidthScale": "linear", "edgeMode": "per-action", "clusters": true,
       "nodeWidth": [0.5, 2], "actionLooks": {"retaliation": {"color": "#000000", "line": "dotted"}}}
      """#
    let style = try read(json)
    #expect(style.penWidthScale == .linear)
    #expect(style.edgeMode == .perAction)
    #expect(style.clusters)
    #expect(style.nodeWidth == 0.5...2)
    #expect(style.look(of: .retaliation) == EdgeLook(color: .black, line: .dotted))
    #expect(style.look(of: .expulsion) == Style.standardActionLooks[.expulsion])
    #expect(style.palette == Style.okabeIto)
    #expect(style.font == .sansSerif)
    #expect(try read("{}") == Style.standard)
    // null is an absent key.
    #expect(try read(#"{"title": null, "palette": null, "legend": null}"#) == Style.standard)
  }

  @Test func theStyleFileInTheDocsReads() throws {
    let page = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/rendering.md"), encoding: .utf8)
    let block = try #require(page.firstMatch(of: /```json\n([\s\S]*?)```/)).1
    let style = try read(String(block))
    #expect(style.nodeLabel == .nameAndID && style.colourBlocs == ["EU", "NATO"])
  }

  @Test func numbersAreNumbersHoweverWritten() throws {
    let style = try read(#"{"fontSize": 1e1, "leafRows": 2.0, "nodeWidth": [5E-1, 0.2e1]}"#)
    #expect(style.fontSize == 10)
    #expect(style.leafRows == 2)
    #expect(style.nodeWidth == 0.5...2)
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
      #"{"leafRows": 2.5}"#,
      #"{"stateShape": "star; image=\"/etc/passwd\""}"#,
      ##"{"otherActionLook": {"color": "#000000"}}"##,
      #"{"fontSize": 1e999}"#,
      #"[]"#,
    ]
    for json in bad {
      #expect(failure(json) != nil, "\(json)")
    }
  }

  @Test func aStyleFilesErrorsNameTheLineAndColumn() {
    let file = """
      {
        "palette": ["#112233",
                    "#GGGGGG"],
        "fontSize": 12
      }
      """
    #expect(
      failure(file)
        == "style.json:3:15 ($.palette[1]): error: '#GGGGGG' is not a colour: expected #RRGGBB, "
        + "e.g. #0072B2")
    #expect(
      failure("{\n  \"clusters\": \"yes\"\n}")
        == "style.json:2:15 ($.clusters): error: expected \"clusters\" to be true or false, found "
        + "the string \"yes\"")
    #expect(
      failure(#"{"fontSize": 1000}"#)
        == "style.json:1:14 ($.fontSize): error: fontSize must lie within 4…72 points")
    #expect(
      failure(#"{"stateShape": "star"}"#)
        == "style.json:1:16 ($.stateShape): error: expected \"stateShape\" to be one of ellipse, "
        + "circle, box, hexagon, octagon, diamond, house, note, tab, cylinder, found the string "
        + "\"star\"")
    #expect(
      failure(##"{"actionLooks": {"expulsion": {"color": "#000000", "line": "wavy"}}}"##)?
        .hasPrefix("style.json:1:60 ($.actionLooks.expulsion.line): error: expected") == true)
    // Malformed JSON: the parser's own message, as a style error.
    #expect(
      failure("{\"legend\": true,}")
        == "style.json:1:17: error: expected a string key after ',', found '}' (trailing commas "
        + "are not allowed)")
  }

  @Test func unknownAndDuplicateKeysAreRefused() {
    #expect(
      failure("{\n  \"legend\": true,\n  \"colour\": 1\n}")
        == "style.json:3:3 ($.colour): error: found the unknown key \"colour\" in a style; "
        + "expected one of palette, unaffiliatedFill, colourBlocs, stateShape, organisationShape, "
        + "nodeLabel, nodeWidth, penWidthScale, penWidth, actionLooks, otherActionLook, edgeMode, "
        + "clusters, leafRows, legend, edgeLabels, title, font, fontSize")
    #expect(
      failure(##"{"otherActionLook": {"color": "#000000", "line": "solid", "width": 2}}"##)?
        .contains("found the unknown key \"width\" in an edge look") == true)
    #expect(
      failure("{\"legend\": true,\n \"legend\": false}")?
        .hasPrefix("style.json:2:2: error: found the key \"legend\" a second time") == true)
    #expect(
      failure(#"{"actionLooks": {"x": null, "x": null}}"#)?.contains("a second time") == true)
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
