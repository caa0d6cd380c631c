/// Deterministic JSON for the analytics' results (RFC 8259).
///
/// An `Encoder` that keeps keys in the order the value encodes them (a synthesized `Codable`
/// conformance encodes in declaration order, which is the order `docs/stats.schema.json`
/// documents), writes `null` for every absent optional (so every key is always present), rounds
/// floating-point numbers to six decimals and writes them in plain decimal notation. The same
/// value gives the same bytes on every run and every platform, with no Foundation.

/// A JSON value with ordered object keys.
indirect enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  case uint(UInt64)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.uint(let a), .uint(let b)): return a == b
    case (.double(let a), .double(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  var isScalar: Bool {
    switch self {
    case .array, .object: return false
    default: return true
    }
  }

  /// The text: two-space indentation, one key per line, arrays of scalars on one line, a final
  /// newline.
  func rendered() -> String {
    var out = ""
    write(to: &out, indent: 0)
    out += "\n"
    return out
  }

  func write(to out: inout String, indent: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .uint(let u): out += String(u)
    case .double(let d): out += NumberText.json(d)
    case .string(let s): JSONValue.writeString(s, to: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
      } else if items.allSatisfy(\.isScalar) {
        out += "["
        for (n, item) in items.enumerated() {
          if n > 0 { out += ", " }
          item.write(to: &out, indent: indent)
        }
        out += "]"
      } else {
        let pad = String(repeating: "  ", count: indent + 1)
        out += "[\n"
        for (n, item) in items.enumerated() {
          out += pad
          item.write(to: &out, indent: indent + 1)
          out += n + 1 < items.count ? ",\n" : "\n"
        }
        out += String(repeating: "  ", count: indent) + "]"
      }
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      let pad = String(repeating: "  ", count: indent + 1)
      out += "{\n"
      for (n, (key, value)) in members.enumerated() {
        out += pad
        JSONValue.writeString(key, to: &out)
        out += ": "
        value.write(to: &out, indent: indent + 1)
        out += n + 1 < members.count ? ",\n" : "\n"
      }
      out += String(repeating: "  ", count: indent) + "}"
    }
  }

  /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, … or `\u00XX`,
  /// everything else as UTF-8.
  static func writeString(_ s: String, to out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}

/// Encodes any `Encodable` value as a ``JSONValue``.
struct StableJSONEncoder {
  func encode(_ value: some Encodable) throws -> JSONValue {
    let node = JSONNode()
    try node.encode(value, codingPath: [])
    return node.value
  }

  func render(_ value: some Encodable) throws -> String {
    try encode(value).rendered()
  }
}

/// A value being built by the encoder.
final class JSONNode {
  var single: JSONValue?
  var array: [JSONNode]?
  var object: [(String, JSONNode)]?

  var value: JSONValue {
    if let object { return .object(object.map { ($0.0, $0.1.value) }) }
    if let array { return .array(array.map(\.value)) }
    return single ?? .null
  }

  func encode(_ value: some Encodable, codingPath: [any CodingKey]) throws {
    switch value {
    case let v as Bool: single = .bool(v)
    case let v as String: single = .string(v)
    case let v as Double: single = v.isFinite ? .double(v) : .null
    case let v as Float: single = v.isFinite ? .double(Double(v)) : .null
    case let v as Int: single = .int(Int64(v))
    case let v as Int8: single = .int(Int64(v))
    case let v as Int16: single = .int(Int64(v))
    case let v as Int32: single = .int(Int64(v))
    case let v as Int64: single = .int(v)
    case let v as UInt: single = .uint(UInt64(v))
    case let v as UInt8: single = .uint(UInt64(v))
    case let v as UInt16: single = .uint(UInt64(v))
    case let v as UInt32: single = .uint(UInt64(v))
    case let v as UInt64: single = .uint(v)
    default: try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
    }
  }
}

private struct NodeEncoder: Encoder {
  let node: JSONNode
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if node.object == nil { node.object = [] }
    return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if node.array == nil { node.array = [] }
    return UnkeyedNodeContainer(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleNodeContainer(node: node, codingPath: codingPath)
  }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: JSONNode
  let codingPath: [any CodingKey]

  func child(_ key: Key) -> JSONNode {
    let child = JSONNode()
    node.object!.append((key.stringValue, child))
    return child
  }

  mutating func encodeNil(forKey key: Key) throws { child(key).single = .null }
  mutating func encode(_ value: Bool, forKey key: Key) throws { child(key).single = .bool(value) }
  mutating func encode(_ value: String, forKey key: Key) throws {
    child(key).single = .string(value)
  }
  mutating func encode(_ value: Double, forKey key: Key) throws {
    try child(key).encode(value, codingPath: codingPath + [key])
  }
  mutating func encode(_ value: Float, forKey key: Key) throws {
    try child(key).encode(value, codingPath: codingPath + [key])
  }
  mutating func encode(_ value: Int, forKey key: Key) throws {
    child(key).single = .int(Int64(value))
  }
  mutating func encode(_ value: Int8, forKey key: Key) throws {
    child(key).single = .int(Int64(value))
  }
  mutating func encode(_ value: Int16, forKey key: Key) throws {
    child(key).single = .int(Int64(value))
  }
  mutating func encode(_ value: Int32, forKey key: Key) throws {
    child(key).single = .int(Int64(value))
  }
  mutating func encode(_ value: Int64, forKey key: Key) throws { child(key).single = .int(value) }
  mutating func encode(_ value: UInt, forKey key: Key) throws {
    child(key).single = .uint(UInt64(value))
  }
  mutating func encode(_ value: UInt8, forKey key: Key) throws {
    child(key).single = .uint(UInt64(value))
  }
  mutating func encode(_ value: UInt16, forKey key: Key) throws {
    child(key).single = .uint(UInt64(value))
  }
  mutating func encode(_ value: UInt32, forKey key: Key) throws {
    child(key).single = .uint(UInt64(value))
  }
  mutating func encode(_ value: UInt64, forKey key: Key) throws {
    child(key).single = .uint(value)
  }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try child(key).encode(value, codingPath: codingPath + [key])
  }

  // Absent optionals are written as null, so that every documented key is always present.
  mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
    try encodeOrNull(value, key)
  }
  mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
    try encodeOrNull(value, key)
  }
  mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
    try encodeOrNull(value, key)
  }
  mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws {
    try encodeOrNull(value, key)
  }
  mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
    try encodeOrNull(value, key)
  }
  mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws {
    try encodeOrNull(value, key)
  }
  mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws {
    try encodeOrNull(value, key)
  }
  mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws {
    try encodeOrNull(value, key)
  }
  mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
    try encodeOrNull(value, key)
  }
  mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws {
    try encodeOrNull(value, key)
  }
  mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws {
    try encodeOrNull(value, key)
  }
  mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws {
    try encodeOrNull(value, key)
  }
  mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws {
    try encodeOrNull(value, key)
  }
  mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws {
    try encodeOrNull(value, key)
  }
  mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
    try encodeOrNull(value, key)
  }

  func encodeOrNull<T: Encodable>(_ value: T?, _ key: Key) throws {
    let node = child(key)
    if let value {
      try node.encode(value, codingPath: codingPath + [key])
    } else {
      node.single = .null
    }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let node = child(key)
    node.object = []
    return KeyedEncodingContainer(
      KeyedNodeContainer<NestedKey>(node: node, codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let node = child(key)
    node.array = []
    return UnkeyedNodeContainer(node: node, codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder {
    let node = JSONNode()
    self.node.object!.append(("super", node))
    return NodeEncoder(node: node, codingPath: codingPath)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    NodeEncoder(node: child(key), codingPath: codingPath + [key])
  }
}

private struct IndexKey: CodingKey {
  var stringValue: String { String(intValue!) }
  var intValue: Int?
  init(_ index: Int) { intValue = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
  let node: JSONNode
  let codingPath: [any CodingKey]
  var count: Int { node.array!.count }

  func next() -> JSONNode {
    let child = JSONNode()
    node.array!.append(child)
    return child
  }

  mutating func encodeNil() throws { next().single = .null }
  mutating func encode<T: Encodable>(_ value: T) throws {
    let key = IndexKey(count)
    try next().encode(value, codingPath: codingPath + [key])
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let key = IndexKey(count)
    let node = next()
    node.object = []
    return KeyedEncodingContainer(
      KeyedNodeContainer<NestedKey>(node: node, codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let key = IndexKey(count)
    let node = next()
    node.array = []
    return UnkeyedNodeContainer(node: node, codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder {
    let key = IndexKey(count)
    return NodeEncoder(node: next(), codingPath: codingPath + [key])
  }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
  let node: JSONNode
  let codingPath: [any CodingKey]

  mutating func encodeNil() throws { node.single = .null }
  mutating func encode<T: Encodable>(_ value: T) throws {
    try node.encode(value, codingPath: codingPath)
  }
}
