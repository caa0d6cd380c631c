/// Deterministic JSON for the analytics' results (RFC 8259).
///
/// An `Encoder` that streams straight into a byte buffer, keeping keys in the order the value
/// encodes them (a synthesized `Codable` conformance encodes in declaration order, which is the
/// order `docs/stats.schema.json` documents). It writes `null` for every absent optional (so
/// every key is always present), rounds floating-point numbers to six decimals in plain decimal
/// notation, indents by two spaces, puts arrays of scalars on one line and ends with a newline.
/// The same value gives the same bytes on every run and platform, with no Foundation.
///
/// Streaming relies on containers being used in nested order (a container is finished before
/// its parent writes its next value), which synthesized conformances and the package's own
/// `encode(to:)` implementations do. Coding paths are not tracked (every `codingPath` is
/// empty): they serve error messages, and encoding the analytics' results cannot fail.
///
/// Values reach the output through their own `Encodable` conformances: a scalar through the
/// single-value container its `encode(to:)` asks for. Two kinds of value are written by the
/// writer itself (``JSONWritable``): the long arrays of the statistics, by a fast writer that
/// gives the same bytes (`StableJSON+Rows.swift`), and the responses, listed or summarised as
/// the encoder is told.

import DiploGraph

/// Encodes any `Encodable` value as JSON text.
struct StableJSONEncoder {
  /// Whether the responses' exchanges, unmatched answers and unresolved references are written
  /// (`"listing": "full"`), or only counted (`"summary"`, the lists `null`).
  var listsResponses = true
  /// Whether the long arrays of the statistics are written by their fast writers (the same
  /// bytes as through `Codable`; tests turn it off to check that).
  var fastPaths = true
  /// The threads the long arrays of rows are written on (the same bytes for every number).
  var threads = 1

  func render(_ value: some Encodable) throws -> String {
    String(decoding: try bytes(value), as: UTF8.self)
  }

  func bytes(_ value: some Encodable) throws -> [UInt8] {
    let writer = JSONWriter(listsResponses: listsResponses, fastPaths: fastPaths, threads: threads)
    try writer.encodeValue(value)
    writer.out.append(UInt8(ascii: "\n"))
    return writer.out
  }

  /// Encodes `value`, handing the text to `sink` in pieces of about a megabyte, so that a large
  /// document is never whole in memory.
  func write(_ value: some Encodable, to sink: @escaping (UnsafeRawBufferPointer) -> Void) throws {
    let writer = JSONWriter(
      listsResponses: listsResponses, fastPaths: fastPaths, threads: threads, sink: sink)
    try writer.encodeValue(value)
    writer.out.append(UInt8(ascii: "\n"))
    writer.flush()
  }
}

/// The output buffer and the stack of open containers.
///
/// The state lives behind a pointer the writer owns: the containers share the writer, and
/// reaching the state through a `let` pointer spares every byte written a dynamic exclusivity
/// check.
final class JSONWriter {
  struct Frame {
    var isArray: Bool
    /// Values written so far.
    var count = 0
    /// For arrays: whether they hold scalars and stay on one line (decided by the first value).
    var inline = false
  }

  struct State {
    var out: [UInt8] = []
    var stack: [Frame] = []
    /// The key of the next value of the innermost object.
    var pendingKey: String?
    /// The layouts of the arrays of rows written, by row type and depth: made once, not per
    /// array (a chain's steps each hold an array of actions).
    var rowLayouts: [RowLayoutKey: RowLayout] = [:]
  }

  struct RowLayoutKey: Hashable {
    var row: ObjectIdentifier
    var depth: Int
  }

  let state: UnsafeMutablePointer<State>
  let listsResponses: Bool
  let fastPaths: Bool
  /// The threads the long arrays of rows are written on.
  let threads: Int
  /// Where full buffers go; `nil` keeps the whole text in `out`.
  let sink: ((UnsafeRawBufferPointer) -> Void)?
  /// The buffer size at which it is handed to `sink`.
  static let flushSize = 1 << 20

  init(
    listsResponses: Bool = true, fastPaths: Bool = true, threads: Int = 1,
    sink: ((UnsafeRawBufferPointer) -> Void)? = nil
  ) {
    self.listsResponses = listsResponses
    self.fastPaths = fastPaths
    self.threads = threads
    self.sink = sink
    state = .allocate(capacity: 1)
    state.initialize(to: State())
    state.pointee.out.reserveCapacity(1 << 16)
  }

  deinit {
    state.deinitialize(count: 1)
    state.deallocate()
  }

  var out: [UInt8] {
    get { state.pointee.out }
    _modify { yield &state.pointee.out }
  }

  var stack: [Frame] {
    get { state.pointee.stack }
    _modify { yield &state.pointee.stack }
  }

  var pendingKey: String? {
    get { state.pointee.pendingKey }
    _modify { yield &state.pointee.pendingKey }
  }

  func newline(indent: Int) {
    out.append(UInt8(ascii: "\n"))
    for _ in 0..<indent {
      out.append(UInt8(ascii: " "))
      out.append(UInt8(ascii: " "))
    }
  }

  /// Hands the buffer to the sink, if there is one.
  func flush() {
    guard let sink, !out.isEmpty else { return }
    out.withUnsafeBytes { sink($0) }
    out.removeAll(keepingCapacity: true)
  }

  /// Writes what comes before a value: a separator, indentation, the key.
  func beginValue(scalar: Bool) {
    if sink != nil && out.count >= Self.flushSize { flush() }
    guard !stack.isEmpty else { return }
    let depth = stack.count
    var frame = stack[depth - 1]
    if frame.isArray {
      if frame.count == 0 {
        frame.inline = scalar
        if !scalar { newline(indent: depth) }
      } else if frame.inline {
        out.append(UInt8(ascii: ","))
        out.append(UInt8(ascii: " "))
      } else {
        out.append(UInt8(ascii: ","))
        newline(indent: depth)
      }
    } else {
      if frame.count > 0 { out.append(UInt8(ascii: ",")) }
      newline(indent: depth)
      writeString(pendingKey ?? "")
      pendingKey = nil
      out.append(UInt8(ascii: ":"))
      out.append(UInt8(ascii: " "))
    }
    frame.count += 1
    stack[depth - 1] = frame
  }

  func open(array: Bool) {
    beginValue(scalar: false)
    out.append(UInt8(ascii: array ? "[" : "{"))
    stack.append(Frame(isArray: array))
  }

  func close() {
    let frame = stack.removeLast()
    if frame.count > 0 && !(frame.isArray && frame.inline) { newline(indent: stack.count) }
    out.append(UInt8(ascii: frame.isArray ? "]" : "}"))
  }

  /// Closes the containers opened above `depth`.
  func close(downTo depth: Int) {
    while stack.count > depth { close() }
  }

  // MARK: Scalars

  func writeNull() {
    beginValue(scalar: true)
    out.append(contentsOf: "null".utf8)
  }

  func write(_ b: Bool) {
    beginValue(scalar: true)
    out.append(contentsOf: (b ? "true" : "false").utf8)
  }

  func write(_ n: Int64) {
    beginValue(scalar: true)
    if n < 0 { out.append(UInt8(ascii: "-")) }
    writeDigits(n.magnitude)
  }

  func write(_ n: UInt64) {
    beginValue(scalar: true)
    writeDigits(n)
  }

  func writeDigits(_ n: UInt64) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      let end = JSONWriter.digits(n, into: digits.baseAddress!)
      out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[end...]))
    }
  }

  /// Writes the decimal digits of `n` at the end of the 20 bytes at `buffer`; returns where
  /// they start.
  @inline(__always)
  static func digits(_ n: UInt64, into buffer: UnsafeMutablePointer<UInt8>) -> Int {
    var i = 20
    var rest = n
    repeat {
      i -= 1
      buffer[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
      rest /= 10
    } while rest > 0
    return i
  }

  func write(_ x: Double) {
    guard x.isFinite else { return writeNull() }
    beginValue(scalar: true)
    out.append(contentsOf: NumberText.json(x).utf8)
  }

  func write(_ s: String) {
    beginValue(scalar: true)
    writeString(s)
  }

  /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, … or `\u00XX`,
  /// everything else as UTF-8.
  func writeString(_ s: String) {
    out.append(UInt8(ascii: "\""))
    let utf8 = s.utf8
    if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
    {
      out.append(contentsOf: utf8)
    } else {
      for byte in utf8 {
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
        case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
        case 0x0A: out.append(contentsOf: #"\n"#.utf8)
        case 0x0D: out.append(contentsOf: #"\r"#.utf8)
        case 0x09: out.append(contentsOf: #"\t"#.utf8)
        case 0x08: out.append(contentsOf: #"\b"#.utf8)
        case 0x0C: out.append(contentsOf: #"\f"#.utf8)
        case 0..<0x20:
          let hex = Array("0123456789ABCDEF".utf8)
          out.append(contentsOf: #"\u00"#.utf8)
          out.append(hex[Int(byte >> 4)])
          out.append(hex[Int(byte & 0xF)])
        default: out.append(byte)
        }
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  // MARK: Values

  /// Writes `value`: by itself when it is ``JSONWritable``, through its `Encodable`
  /// conformance otherwise.
  func encodeValue<T: Encodable>(_ value: T) throws {
    if let own = value as? any JSONWritable {
      try own.write(to: self)
    } else {
      try encode { try value.encode(to: $0) }
    }
  }

  /// Writes what `body` encodes into the encoder it is given; a value that encodes nothing is
  /// an empty object, as other encoders write it.
  func encode(_ body: (any Encoder) throws -> Void) throws {
    let depth = stack.count
    let written = stack.last?.count
    try body(StreamEncoder(writer: self, depth: depth))
    close(downTo: depth)
    if stack.count == depth && stack.last?.count == written && !(depth == 0 && !out.isEmpty) {
      open(array: false)
      close()
    }
  }
}

/// A value the writer writes itself rather than through its `Encodable` conformance: the
/// long arrays of the statistics (the same bytes, faster) and the responses (listed in full or
/// summarised, as the encoder is told).
protocol JSONWritable {
  func write(to writer: JSONWriter) throws
}

extension ResponseAnalysis: JSONWritable {
  func write(to writer: JSONWriter) throws {
    try writer.encode { try encode(to: $0, listingEntries: writer.listsResponses) }
  }
}

private struct StreamEncoder: Encoder {
  let writer: JSONWriter
  /// The stack depth when this value began: a container it opens sits at `depth`.
  let depth: Int
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if writer.stack.count == depth { writer.open(array: false) }
    return KeyedEncodingContainer(
      KeyedStreamContainer<Key>(writer: writer, depth: depth + 1))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if writer.stack.count == depth { writer.open(array: true) }
    return UnkeyedStreamContainer(writer: writer, depth: depth + 1)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleStreamContainer(writer: writer)
  }
}

private struct KeyedStreamContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let writer: JSONWriter
  /// The stack depth of this container.
  let depth: Int
  var codingPath: [any CodingKey] { [] }

  /// Closes whatever a previous value left open inside this container and names the next key.
  func key(_ key: Key) {
    writer.close(downTo: depth)
    writer.pendingKey = key.stringValue
  }

  mutating func encodeNil(forKey key: Key) throws {
    self.key(key)
    writer.writeNull()
  }

  // Every value, scalars included, goes through its own `encode(to:)`.
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    self.key(key)
    try writer.encodeValue(value)
  }

  // Absent optionals are written as null, so that every documented key is always present.
  // The protocol's own versions for the standard scalars leave the key out: each is replaced.
  mutating func encodeIfPresent(_ v: Bool?, forKey k: Key) throws { try orNull(v, k) }
  mutating func encodeIfPresent(_ v: String?, forKey k: Key) throws { try orNull(v, k) }
  mutating func encodeIfPresent(_ v: Double?, forKey k: Key) throws { try orNull(v, k) }
  mutating func encodeIfPresent(_ v: Float?, forKey k: Key) throws { try orNull(v, k) }
  mutating func encodeIfPresent(_ v: Int?, forKey k: Key) throws { try orNull(v, k) }
  mutating func encodeIfPresent(_ v: Int8?, forKey k: Key) throws { try orNull(v, k) }
  mutating func encodeIfPresent(_ v: Int16?, forKey k: Key) throws { try orNull(v, k) }
  mutating func encodeIfPresent(_ v: Int32?, forKey k: Key) throws { try orNull(v, k) }
  mutating func encodeIfPresent(_ v: Int64?, forKey k: Key) throws { try orNull(v, k) }
  mutating func encodeIfPresent(_ v: UInt?, forKey k: Key) throws { try orNull(v, k) }
  mutating func encodeIfPresent(_ v: UInt8?, forKey k: Key) throws { try orNull(v, k) }
  mutating func encodeIfPresent(_ v: UInt16?, forKey k: Key) throws { try orNull(v, k) }
  mutating func encodeIfPresent(_ v: UInt32?, forKey k: Key) throws { try orNull(v, k) }
  mutating func encodeIfPresent(_ v: UInt64?, forKey k: Key) throws { try orNull(v, k) }
  mutating func encodeIfPresent<T: Encodable>(_ v: T?, forKey k: Key) throws { try orNull(v, k) }

  func orNull<T: Encodable>(_ value: T?, _ key: Key) throws {
    self.key(key)
    if let value {
      try writer.encodeValue(value)
    } else {
      writer.writeNull()
    }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    self.key(key)
    writer.open(array: false)
    return KeyedEncodingContainer(KeyedStreamContainer<NestedKey>(writer: writer, depth: depth + 1))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    self.key(key)
    writer.open(array: true)
    return UnkeyedStreamContainer(writer: writer, depth: depth + 1)
  }

  mutating func superEncoder() -> any Encoder {
    writer.close(downTo: depth)
    writer.pendingKey = "super"
    return StreamEncoder(writer: writer, depth: depth)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    self.key(key)
    return StreamEncoder(writer: writer, depth: depth)
  }
}

private struct UnkeyedStreamContainer: UnkeyedEncodingContainer {
  let writer: JSONWriter
  /// The stack depth of this container.
  let depth: Int
  var codingPath: [any CodingKey] { [] }
  var count: Int { writer.stack.count >= depth ? writer.stack[depth - 1].count : 0 }

  mutating func encodeNil() throws {
    writer.close(downTo: depth)
    writer.writeNull()
  }

  mutating func encode<T: Encodable>(_ value: T) throws {
    writer.close(downTo: depth)
    try writer.encodeValue(value)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    writer.close(downTo: depth)
    writer.open(array: false)
    return KeyedEncodingContainer(KeyedStreamContainer<NestedKey>(writer: writer, depth: depth + 1))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    writer.close(downTo: depth)
    writer.open(array: true)
    return UnkeyedStreamContainer(writer: writer, depth: depth + 1)
  }

  mutating func superEncoder() -> any Encoder {
    writer.close(downTo: depth)
    return StreamEncoder(writer: writer, depth: depth)
  }
}

/// Where scalars end up: the standard library's numbers, strings and Booleans encode
/// themselves through this container.
private struct SingleStreamContainer: SingleValueEncodingContainer {
  let writer: JSONWriter
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil() throws { writer.writeNull() }
  mutating func encode(_ value: Bool) throws { writer.write(value) }
  mutating func encode(_ value: String) throws { writer.write(value) }
  mutating func encode(_ value: Double) throws { writer.write(value) }
  mutating func encode(_ value: Int64) throws { writer.write(value) }
  mutating func encode(_ value: Int) throws { writer.write(Int64(value)) }

  /// The other integers and floating-point numbers, and any value that encodes itself as
  /// another.
  mutating func encode<T: Encodable>(_ value: T) throws {
    if let n = value as? any BinaryInteger {
      if let signed = Int64(exactly: n) { writer.write(signed) } else { writer.write(UInt64(n)) }
    } else if let x = value as? any BinaryFloatingPoint {
      writer.write(Double(x))
    } else {
      try writer.encodeValue(value)
    }
  }
}
