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
    let reader = StyleReader(file: file)
    let top = StyleReader.Value(node: root, path: "$")
    let fields = Self.fields
    var style = Style()
    var places: [String: StyleReader.Value] = [:]
    for (key, value) in try reader.members(top, "a style", keys: fields.map(\.key)) {
      places[key] = value
      try fields.first { $0.key == key }!.read(reader, value, &style)
    }
    if let problem = style.firstProblem() {
      throw reader.error(problem.message, at: places[problem.key] ?? top)
    }
    return style
  }

  /// A style as the text of a style file: every key, in the order of the list below, one per line;
  /// ``read(_:file:)`` gives the same style back.
  public static func write(_ style: Style) -> String {
    let lines = fields.compactMap { field in
      field.write(style).map { "  \(JSON.quoted(field.key)): \($0)" }
    }
    return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
  }

  /// Every key, how it is read into a style and written from one: the one description of the
  /// format.
  private static var fields: [StyleField] {
    [
      StyleField("palette", \.palette, .list(.colour, "an array of colours")),
      StyleField("unaffiliatedFill", \.unaffiliatedFill, .colour),
      StyleField(optional: "colourBlocs", \.colourBlocs, .list(.bloc, "an array of bloc ids")),
      StyleField("stateShape", \.stateShape, .choice),
      StyleField("organisationShape", \.organisationShape, .choice),
      StyleField("nodeLabel", \.nodeLabel, .choice),
      StyleField("nodeWidth", \.nodeWidth, .range),
      StyleField("penWidthScale", \.penWidthScale, .choice),
      StyleField("penWidth", \.penWidth, .range),
      StyleField(merging: "actionLooks", \.actionLooks),
      StyleField("otherActionLook", \.otherActionLook, .look),
      StyleField("edgeMode", \.edgeMode, .choice),
      StyleField("clusters", \.clusters, .flag),
      StyleField("leafRows", \.leafRows, .integer),
      StyleField("legend", \.legend, .flag),
      StyleField("edgeLabels", \.edgeLabels, .flag),
      StyleField(optional: "title", \.title, .string),
      StyleField("font", \.font, .font),
      StyleField("fontSize", \.fontSize, .number),
    ]
  }
}

/// One key of a style file: how its value is read into a ``Style`` and written from one
/// (`nil`: the key is left out).
private struct StyleField {
  var key: String
  var read: (StyleReader, StyleReader.Value, inout Style) throws -> Void
  var write: (Style) -> String?

  init<T>(_ key: String, _ path: WritableKeyPath<Style, T>, _ codec: StyleCodec<T>) {
    self.key = key
    read = { reader, value, style in style[keyPath: path] = try codec.read(reader, value) }
    write = { codec.write($0[keyPath: path]) }
  }

  /// A key of an optional property: absent when the property is `nil`.
  init<T>(optional key: String, _ path: WritableKeyPath<Style, T?>, _ codec: StyleCodec<T>) {
    self.key = key
    read = { reader, value, style in style[keyPath: path] = try codec.read(reader, value) }
    write = { $0[keyPath: path].map(codec.write) }
  }

  /// An object from action kind to look whose kinds replace their defaults one by one.
  init(merging key: String, _ path: WritableKeyPath<Style, [ActionKind: EdgeLook]>) {
    self.key = key
    read = { reader, value, style in
      for (kind, look) in try reader.members(value, "an object of action kinds", keys: nil) {
        style[keyPath: path][ActionKind(kind)] = try StyleCodec.look.read(reader, look)
      }
    }
    write = { style in
      let looks = style[keyPath: path].sorted { $0.key.rawValue < $1.key.rawValue }
        .map { "    \(JSON.quoted($0.key.rawValue)): \(StyleCodec.look.write($0.value))" }
      return looks.isEmpty ? "{}" : "{\n" + looks.joined(separator: ",\n") + "\n  }"
    }
  }
}

/// How one kind of value is read from a style file and written to one.
private struct StyleCodec<T> {
  var read: (StyleReader, StyleReader.Value) throws -> T
  var write: (T) -> String

  /// An array of values of `element`.
  static func list<E>(_ element: StyleCodec<E>, _ expected: String) -> StyleCodec<[E]> {
    StyleCodec<[E]>(
      read: { reader, value in
        try reader.items(value, expected).map { try element.read(reader, $0) }
      },
      write: { "[" + $0.map(element.write).joined(separator: ", ") + "]" })
  }
}

extension StyleCodec where T == Bool {
  static var flag: Self { Self(read: { try $0.bool($1) }, write: { String($0) }) }
}

extension StyleCodec where T == Int {
  static var integer: Self { Self(read: { try $0.integer($1) }, write: { String($0) }) }
}

extension StyleCodec where T == Double {
  /// Whole numbers without a fraction (`12`), others as Swift writes them (`0.6`, `1e-05`).
  static var number: Self {
    Self(
      read: { try $0.number($1) },
      write: { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : String($0) })
  }
}

extension StyleCodec where T == ClosedRange<Double> {
  static var range: Self {
    Self(
      read: { try $0.range($1) },
      write: {
        "["
          + [$0.lowerBound, $0.upperBound].map(StyleCodec<Double>.number.write)
          .joined(separator: ", ") + "]"
      })
  }
}

extension StyleCodec where T == String {
  static var string: Self { Self(read: { try $0.string($1) }, write: JSON.quoted) }
}

extension StyleCodec where T: RawRepresentable & CaseIterable, T.RawValue == String {
  static var choice: Self { Self(read: { try $0.choice($1) }, write: { JSON.quoted($0.rawValue) }) }
}

extension StyleCodec where T == RGBColor {
  static var colour: Self { Self(read: { try $0.colour($1) }, write: { JSON.quoted($0.hex) }) }
}

extension StyleCodec where T == BlocID {
  static var bloc: Self {
    Self(read: { BlocID(try $0.string($1)) }, write: { JSON.quoted($0.rawValue) })
  }
}

extension StyleCodec where T == FontName {
  static var font: Self {
    Self(read: { try $0.font($1) }, write: { JSON.quoted($0.rawValue) })
  }
}

extension StyleCodec where T == EdgeLook {
  static var look: Self {
    Self(
      read: { try $0.look($1) },
      write: {
        "{\"color\": \(JSON.quoted($0.color.hex)), \"line\": \(JSON.quoted($0.line.rawValue))}"
      })
  }
}

/// Reads the values of a parsed style file, stopping at the first error with its place.
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

  func error(_ message: String, at value: Value) -> DiploRenderError {
    DiploRenderError(.style, message, at: value.node.position.location(in: file, path: value.path))
  }

  /// `expected "name" to be <expected>, found <what is there>`.
  func mismatch(_ value: Value, _ expected: String) -> DiploRenderError {
    var found = value.node.kindDescription
    if let text = value.node.string {
      found = "the string " + JSON.quoted(text.count > 40 ? text.prefix(40) + "…" : text)
    }
    return error("expected \"\(value.name)\" to be \(expected), found \(found)", at: value)
  }

  /// Runs `make`, placing a style error it throws without a place (a colour, a font name) at
  /// `value`.
  func located<T>(_ value: Value, _ make: () throws -> T) throws -> T {
    do {
      return try make()
    } catch let failure as DiploRenderError where failure.location == nil {
      throw error(failure.message, at: value)
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

  func font(_ value: Value) throws -> FontName {
    let name = try string(value)
    return try located(value) { try FontName(name) }
  }

  func look(_ value: Value) throws -> EdgeLook {
    let fields = Dictionary(
      try members(value, "an edge look", keys: ["color", "line"]), uniquingKeysWith: { a, _ in a })
    for key in ["color", "line"] where fields[key] == nil {
      throw error(
        "expected the required key \"\(key)\" in an edge look, found no such key", at: value)
    }
    return EdgeLook(color: try colour(fields["color"]!), line: try choice(fields["line"]!))
  }
}
