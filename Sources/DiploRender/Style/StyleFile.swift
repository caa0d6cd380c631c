// Style files: a `Style` as one JSON object (RFC 8259), read with the core's strict, located
// parser, so that every error names the file, line and column, as the data-set readers do.
//
// Every key is optional and falls back to `Style.standard`; `null` is the same as an absent
// key. Colours are `"#RRGGBB"` strings, ranges `[low, high]` with low ≤ high, numbers any JSON
// number (`1e1` included), `actionLooks` an object from action kind to
// `{"color": "#RRGGBB", "line": "dashed"}` (the kinds it names replace their defaults, the others
// keep theirs). Refused, each with its place: a key the style does not have, a key given twice
// in one object (by the parser), a value of the wrong type, a value outside what
// `Style.validate()` allows. docs/rendering.md shows a file.

import DiploGraph

/// Reads and writes style files (see the file comment for the format).
public enum StyleFile {
  /// The largest style file worth reading (a style is a few hundred bytes).
  public static let maxBytes = 1 << 20

  /// The keys of a style file, in the order ``write(_:)`` writes them.
  public enum Key: String, CaseIterable, Sendable {
    case palette, unaffiliatedFill, colourBlocs, stateShape, organisationShape, nodeLabel
    case nodeWidth, penWidthScale, penWidth, actionLooks, otherActionLook, edgeMode, clusters
    case leafRows, legend, edgeLabels, title, font, fontSize
  }

  /// Reads a style from the bytes of a style file.
  ///
  /// - Parameter file: the file name errors carry.
  /// - Throws: ``DiploRenderError`` with code `style` and the place of the offending value (also
  ///   for malformed JSON and duplicate keys).
  /// - Complexity: O(n) in the length of the text.
  public static func read(_ bytes: [UInt8], file: String? = nil) throws -> Style {
    let root: JSONNode
    do {
      root = try JSON.parse(bytes, file: file, limits: JSON.Limits(maxDepth: 16))
    } catch let error as DiploGraphError {
      throw DiploRenderError(.style, error.message, at: error.location)
    }
    return try StyleReader(file: file).style(from: root)
  }

  /// A style as the text of a style file: every key, in ``Key`` order, one per line;
  /// ``read(_:file:)`` gives the same style back.
  public static func write(_ style: Style) -> String {
    func quoted(_ text: String) -> String { JSON.quoted(text) }
    func number(_ x: Double) -> String {
      x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
    func range(_ r: ClosedRange<Double>) -> String {
      "[\(number(r.lowerBound)), \(number(r.upperBound))]"
    }
    func look(_ look: EdgeLook) -> String {
      "{\"color\": \(quoted(look.color.hex)), \"line\": \(quoted(look.line.rawValue))}"
    }
    let looks = style.actionLooks.sorted { $0.key.rawValue < $1.key.rawValue }
      .map { "    \(quoted($0.key.rawValue)): \(look($0.value))" }
    var lines: [(Key, String?)] = [
      (.palette, "[" + style.palette.map { quoted($0.hex) }.joined(separator: ", ") + "]"),
      (.unaffiliatedFill, quoted(style.unaffiliatedFill.hex)),
      (
        .colourBlocs,
        style.colourBlocs.map { "[" + $0.map { quoted($0.rawValue) }.joined(separator: ", ") + "]" }
      ),
      (.stateShape, quoted(style.stateShape.rawValue)),
      (.organisationShape, quoted(style.organisationShape.rawValue)),
      (.nodeLabel, quoted(style.nodeLabel.rawValue)),
      (.nodeWidth, range(style.nodeWidth)),
      (.penWidthScale, quoted(style.penWidthScale.rawValue)),
      (.penWidth, range(style.penWidth)),
      (.actionLooks, looks.isEmpty ? "{}" : "{\n" + looks.joined(separator: ",\n") + "\n  }"),
      (.otherActionLook, look(style.otherActionLook)),
      (.edgeMode, quoted(style.edgeMode.rawValue)),
      (.clusters, String(style.clusters)),
      (.leafRows, String(style.leafRows)),
      (.legend, String(style.legend)),
      (.edgeLabels, String(style.edgeLabels)),
      (.title, style.title.map(quoted)),
      (.font, quoted(style.font.rawValue)),
      (.fontSize, number(style.fontSize)),
    ]
    lines.removeAll { $0.1 == nil }
    return "{\n" + lines.map { "  \(quoted($0.0.rawValue)): \($0.1!)" }.joined(separator: ",\n")
      + "\n}\n"
  }
}

/// Turns a parsed style file into a ``Style``, stopping at the first error with its place.
private struct StyleReader {
  let file: String?

  /// A value of the file and its JSON path (`$.palette[1]`), which messages name.
  struct Value {
    var node: JSONNode
    var path: String
    /// The path without its `$.`, as messages quote it: `palette[1]`.
    var name: String { String(path.dropFirst(2)) }

    func item(_ index: Int, _ node: JSONNode) -> Value {
      Value(node: node, path: "\(path)[\(index)]")
    }
    func member(_ key: String, _ node: JSONNode) -> Value {
      Value(node: node, path: "\(path).\(key)")
    }
  }

  func error(_ message: String, at node: JSONNode, path: String) -> DiploRenderError {
    DiploRenderError(.style, message, at: node.position.location(in: file, path: path))
  }

  /// `expected "name" to be <expected>, found <what is there>`.
  func mismatch(_ value: Value, _ expected: String) -> DiploRenderError {
    var found = value.node.kindDescription
    if let text = value.node.string {
      found = "the string " + JSON.quoted(text.count > 40 ? text.prefix(40) + "…" : text)
    }
    return error(
      "expected \"\(value.name)\" to be \(expected), found \(found)", at: value.node,
      path: value.path)
  }

  /// Runs `make`, placing a style error it throws without a place (a colour, a font name) at
  /// `value`.
  func located<T>(_ value: Value, _ make: () throws -> T) throws -> T {
    do {
      return try make()
    } catch let failure as DiploRenderError where failure.location == nil {
      throw error(failure.message, at: value.node, path: value.path)
    }
  }

  /// The members of an object, each key one of `keys`; `null` members are left out.
  func members(_ value: Value, _ what: String, keys: [String]?) throws -> [(String, Value)] {
    guard let members = value.node.members else { throw mismatch(value, what + " (an object)") }
    var result: [(String, Value)] = []
    for member in members {
      if let keys, !keys.contains(member.key) {
        throw DiploRenderError(
          .style,
          "found the unknown key \(JSON.quoted(member.key)) in \(what); expected one of "
            + keys.joined(separator: ", "),
          at: member.keyPosition.location(
            in: file, path: value.member(member.key, member.value).path))
      }
      if case .null = member.value.value { continue }
      result.append((member.key, value.member(member.key, member.value)))
    }
    return result
  }

  func items(_ value: Value, _ expected: String) throws -> [Value] {
    guard let elements = value.node.elements else { throw mismatch(value, expected) }
    return elements.enumerated().map { value.item($0.offset, $0.element) }
  }

  func string(_ value: Value) throws -> String {
    guard let text = value.node.string else { throw mismatch(value, "a string") }
    return text
  }

  func bool(_ value: Value) throws -> Bool {
    guard case .bool(let flag) = value.node.value else { throw mismatch(value, "true or false") }
    return flag
  }

  func number(_ value: Value) throws -> Double {
    guard case .number(let n) = value.node.value, let x = n.double, x.isFinite else {
      throw mismatch(value, "a number")
    }
    return x
  }

  /// A whole number, however written (`3`, `3.0`, `3e0`).
  func integer(_ value: Value) throws -> Int {
    guard case .number(let n) = value.node.value else { throw mismatch(value, "a whole number") }
    if let exact = n.int64, let i = Int(exactly: exact) { return i }
    guard let x = n.double, x == x.rounded(), abs(x) < 1e15 else {
      throw mismatch(value, "a whole number")
    }
    return Int(x)
  }

  func choice<T: RawRepresentable & CaseIterable>(_ value: Value) throws -> T
  where T.RawValue == String {
    let names = T.allCases.map(\.rawValue)
    let expected = "one of " + names.joined(separator: ", ")
    guard let text = value.node.string, let chosen = T(rawValue: text) else {
      throw mismatch(value, expected)
    }
    return chosen
  }

  func range(_ value: Value) throws -> ClosedRange<Double> {
    let expected = "[low, high] with low ≤ high"
    let pair = try items(value, expected)
    guard pair.count == 2 else { throw mismatch(value, expected) }
    let (low, high) = (try number(pair[0]), try number(pair[1]))
    guard low <= high else { throw mismatch(value, expected) }
    return low...high
  }

  func colour(_ value: Value) throws -> RGBColor {
    let text = try string(value)
    return try located(value) { try RGBColor(hex: text) }
  }

  func look(_ value: Value) throws -> EdgeLook {
    let fields = Dictionary(
      try members(value, "an edge look", keys: ["color", "line"]), uniquingKeysWith: { a, _ in a })
    for key in ["color", "line"] where fields[key] == nil {
      throw error(
        "expected the required key \"\(key)\" in an edge look, found no such key",
        at: value.node, path: value.path)
    }
    return EdgeLook(color: try colour(fields["color"]!), line: try choice(fields["line"]!))
  }

  func style(from root: JSONNode) throws -> Style {
    let top = Value(node: root, path: "$")
    var style = Style()
    var places: [StyleFile.Key: Value] = [:]
    let keys = StyleFile.Key.allCases.map(\.rawValue)
    for (name, value) in try members(top, "a style", keys: keys) {
      let key = StyleFile.Key(rawValue: name)!
      places[key] = value
      switch key {
      case .palette: style.palette = try items(value, "an array of colours").map(colour)
      case .unaffiliatedFill: style.unaffiliatedFill = try colour(value)
      case .colourBlocs:
        style.colourBlocs = try items(value, "an array of bloc ids").map { BlocID(try string($0)) }
      case .stateShape: style.stateShape = try choice(value)
      case .organisationShape: style.organisationShape = try choice(value)
      case .nodeLabel: style.nodeLabel = try choice(value)
      case .nodeWidth: style.nodeWidth = try range(value)
      case .penWidthScale: style.penWidthScale = try choice(value)
      case .penWidth: style.penWidth = try range(value)
      case .actionLooks:
        for (kind, look) in try members(value, "an object of action kinds", keys: nil) {
          style.actionLooks[ActionKind(kind)] = try self.look(look)
        }
      case .otherActionLook: style.otherActionLook = try look(value)
      case .edgeMode: style.edgeMode = try choice(value)
      case .clusters: style.clusters = try bool(value)
      case .leafRows: style.leafRows = try integer(value)
      case .legend: style.legend = try bool(value)
      case .edgeLabels: style.edgeLabels = try bool(value)
      case .title: style.title = try string(value)
      case .font:
        let name = try string(value)
        style.font = try located(value) { try FontName(name) }
      case .fontSize: style.fontSize = try number(value)
      }
    }
    if let problem = style.firstProblem() {
      let value = places[problem.key] ?? top
      throw error(problem.message, at: value.node, path: value.path)
    }
    return style
  }
}
