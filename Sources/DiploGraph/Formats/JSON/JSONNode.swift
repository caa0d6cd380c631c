/// The value tree the JSON parser produces: every value remembers where it starts.

/// A place in a JSON text: 1-based line, and 1-based column counted in Unicode scalars of the
/// line (so `"é": 1` puts the `1` in column 6, however many bytes `é` takes).
public struct JSONPosition: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// `line:column`.
  public var description: String { "\(line):\(column)" }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }

  /// This position in `file`, as the location type every message carries.
  public func location(in file: String?, path: String? = nil) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column, path: path)
  }
}

/// A JSON number, kept as the literal text of the input so that no precision is lost and no
/// conversion can trap; convert it with the checked accessors.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
  /// The literal as written, e.g. `-12`, `2.5`, `1e3`. It always matches RFC 8259's grammar.
  public let text: String

  public init(text: String) { self.text = text }

  public var description: String { text }

  /// Whether the literal is written as a whole number: no fraction, no exponent
  /// (`12` and `-3` are, `2.0` and `1e3` are not).
  public var isIntegerLiteral: Bool {
    !text.utf8.contains {
      $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E")
    }
  }

  /// Whether the literal starts with a minus sign (`-0` included).
  public var isNegative: Bool { text.utf8.first == UInt8(ascii: "-") }

  /// The value as a 64-bit integer, or `nil` when the literal is not an integer literal or does
  /// not fit in `Int64`. `-0` is 0.
  public var int64: Int64? {
    guard isIntegerLiteral else { return nil }
    return Int64(text, radix: 10)
  }

  /// The value as the nearest `Double` (infinite when beyond its range).
  public var double: Double? { Double(text) }
}

/// One JSON value and the position of its first character.
public struct JSONNode: Sendable {
  /// The value itself. Objects keep their members in input order; the parser has already
  /// rejected duplicate keys.
  public enum Value: Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])
  }

  public var value: Value
  public var position: JSONPosition

  public init(_ value: Value, at position: JSONPosition) {
    self.value = value
    self.position = position
  }

  /// The kind of value, as messages name it: `an object`, `a string`, `null`.
  public var kindDescription: String {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return "the number \(n.text)"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  /// The members when this is an object.
  public var members: [JSONMember]? {
    if case .object(let m) = value { return m }
    return nil
  }

  /// The elements when this is an array.
  public var elements: [JSONNode]? {
    if case .array(let e) = value { return e }
    return nil
  }

  /// The text when this is a string.
  public var string: String? {
    if case .string(let s) = value { return s }
    return nil
  }

  /// The member value named `key` when this is an object.
  ///
  /// - Complexity: O(m) for m members.
  public subscript(key: String) -> JSONNode? {
    members?.first { $0.key == key }?.value
  }
}

/// A member of a JSON object: its key, where the key starts, and its value.
public struct JSONMember: Sendable {
  public var key: String
  public var keyPosition: JSONPosition
  public var value: JSONNode

  public init(key: String, keyPosition: JSONPosition, value: JSONNode) {
    self.key = key
    self.keyPosition = keyPosition
    self.value = value
  }
}
