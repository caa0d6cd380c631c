import DiploGraph

/// The fast writer of the statistics' long arrays (actors, dyads, exchanges, cited actions,
/// omitted actors): the same bytes as their `Codable` encoding through ``StableJSONEncoder``,
/// written with the key prefixes made once per array instead of a keyed container per object.
/// A dyad list of a million links is then a few hundred milliseconds of output instead of
/// seconds.
///
/// A row's keys are its type's `CodingKeys`, in their order: the one description of its
/// fields, which its synthesized `Codable` conformance uses too. ``JSONRow/write(_:to:)`` gives
/// the value of each key, by an exhaustive switch, so a field cannot be left out or written
/// under another name.

/// A row of the statistics' long arrays.
protocol JSONRow: Encodable {
  /// The row's coding keys: its fields, in the order they are written.
  associatedtype Field: CodingKey & CaseIterable
  /// Writes the value of `field` (its key is already written).
  func write(_ field: Field, to fields: inout ObjectFields)
}

/// An array of rows, written by the fast writer when the encoder's fast paths are on.
protocol JSONRows: JSONWritable, Collection, Encodable where Element: JSONRow {}

extension JSONRows {
  func write(to writer: JSONWriter) throws {
    if writer.fastPaths {
      writer.writeRows(self)
    } else {
      try writer.encode { try encode(to: $0) }
    }
  }
}

extension Array: JSONWritable, JSONRows where Element: JSONRow {}
extension DyadList: JSONWritable, JSONRows {}
extension ExchangeList: JSONWritable, JSONRows {}
extension ActionReferenceList: JSONWritable, JSONRows {}

extension ActorStrength: JSONRow {
  func write(_ field: CodingKeys, to o: inout ObjectFields) {
    switch field {
    case .actor: o.string(actor.rawValue)
    case .name: o.string(name)
    case .outDegree: o.int(outDegree)
    case .inDegree: o.int(inDegree)
    case .reciprocatedDegree: o.int(reciprocatedDegree)
    case .outStrength: o.int(outStrength)
    case .inStrength: o.int(inStrength)
    case .reciprocatedStrength: o.int(reciprocatedStrength)
    case .nonReciprocatedOutStrength: o.int(nonReciprocatedOutStrength)
    case .nonReciprocatedInStrength: o.int(nonReciprocatedInStrength)
    case .reciprocatedShare: o.double(reciprocatedShare)
    case .balance: o.int(balance)
    case .linkReciprocity: o.double(linkReciprocity)
    }
  }
}

extension Dyad: JSONRow {
  func write(_ field: CodingKeys, to o: inout ObjectFields) {
    switch field {
    case .first: o.string(first.rawValue)
    case .second: o.string(second.rawValue)
    case .forward: o.int(forward)
    case .backward: o.int(backward)
    case .forwardActions: o.int(forwardActions)
    case .backwardActions: o.int(backwardActions)
    case .reciprocated: o.int(reciprocated)
    case .balance: o.int(balance)
    case .isMutual: o.bool(isMutual)
    }
  }
}

extension ActionReference: JSONRow {
  func write(_ field: CodingKeys, to o: inout ObjectFields) {
    switch field {
    case .row: o.int(row)
    case .id: o.string(id?.rawValue)
    case .actor: o.string(actor.rawValue)
    case .target: o.string(target.rawValue)
    case .kind: o.string(kind.rawValue)
    case .count: o.int(count.map(Int64.init))
    case .date: o.string(date?.description)
    }
  }
}

extension Exchange: JSONRow {
  func write(_ field: CodingKeys, to o: inout ObjectFields) {
    switch field {
    case .actor: o.string(actor.rawValue)
    case .target: o.string(target.rawValue)
    case .originals: o.rows(originals)
    case .answers: o.rows(answers)
    case .originalTotal: o.int(originalTotal)
    case .answerTotal: o.int(answerTotal)
    case .ratio: o.double(ratio)
    case .lagDays: o.int(lagDays.map(Int64.init))
    case .matching: o.string(matching?.rawValue)
    case .outcome: o.string(outcome.rawValue)
    }
  }
}

extension OmittedActor: JSONRow {
  func write(_ field: CodingKeys, to o: inout ObjectFields) {
    switch field {
    case .actor: o.string(actor.rawValue)
    case .actions: o.int(actions)
    case .ofActions: o.int(ofActions)
    case .weight: o.int(weight)
    }
  }
}

extension JSONWriter {
  /// Writes `rows` as an array of objects, as the streaming encoder lays out an array of keyed
  /// containers at the current depth: each object on its own lines, one key per line. Each
  /// object goes through a scratch buffer that reaches the output once per object.
  func writeRows<C: Collection>(_ rows: C) where C.Element: JSONRow {
    open(array: true)
    let depth = stack.count
    guard !rows.isEmpty else { return close() }
    let layout = RowLayout(C.Element.self, depth: depth)
    let fields = Array(C.Element.Field.allCases)
    var o = ObjectFields(writer: self, layout: layout)
    var first = true
    for row in rows {
      if sink != nil && out.count >= Self.flushSize { flush() }
      o.raw(first ? layout.firstOpen : layout.nextOpen)
      first = false
      o.next = 0
      for field in fields {
        o.key()
        row.write(field, to: &o)
      }
      o.raw(layout.closing)
      o.spill()
    }
    stack[depth - 1].count = rows.count
    close()
  }
}

/// The bytes of an array of rows at one depth, made once: an object's opening and closing, the
/// array's closing, and each key's prefix (`,\n    "key": `).
final class RowLayout {
  let firstOpen: [UInt8]
  let nextOpen: [UInt8]
  let closing: [UInt8]
  let arrayClosing: [UInt8]
  /// The prefixes, one after the other; prefix n is `prefixBytes[start[n]..<start[n + 1]]`.
  let prefixBytes: OwnedBuffer<UInt8>
  let start: OwnedBuffer<Int>

  /// The layout of rows of type `Row` in an array whose elements sit at `depth`.
  init<Row: JSONRow>(_ row: Row.Type, depth: Int) {
    func indent(_ n: Int) -> [UInt8] { [UInt8(ascii: "\n")] + Array(repeating: 0x20, count: 2 * n) }
    firstOpen = indent(depth) + [UInt8(ascii: "{")]
    nextOpen = [UInt8(ascii: ",")] + firstOpen
    closing = indent(depth) + [UInt8(ascii: "}")]
    arrayClosing = indent(depth - 1) + [UInt8(ascii: "]")]
    let prefixes = Row.Field.allCases.enumerated().map { n, key in
      (n == 0 ? [] : [UInt8(ascii: ",")]) + indent(depth + 1)
        + Array("\"\(key.stringValue)\": ".utf8)
    }
    prefixBytes = OwnedBuffer(prefixes.flatMap { $0 })
    var offsets = [0]
    for prefix in prefixes { offsets.append(offsets.last! + prefix.count) }
    start = OwnedBuffer(offsets)
  }
}

/// A buffer of trivial values that frees itself: the raw storage the fast writer reads without
/// bounds checks or exclusivity checks, owned by the object that holds it.
final class OwnedBuffer<Element: BitwiseCopyable> {
  let base: UnsafeMutablePointer<Element>
  let count: Int

  /// `count` uninitialised elements.
  init(count: Int) {
    self.count = count
    base = .allocate(capacity: max(1, count))
  }

  /// A copy of `elements`.
  convenience init(_ elements: [Element]) {
    self.init(count: elements.count)
    base.initialize(from: elements, count: elements.count)
  }

  deinit { base.deallocate() }
}

/// The values of an object's keys, gathered in a scratch buffer with raw stores: the key
/// prefixes are one block of bytes, numbers are written digit by digit in place.
struct ObjectFields {
  let writer: JSONWriter
  /// Keeps the scratch buffer alive; `scratch` is its storage.
  private let scratchBuffer: OwnedBuffer<UInt8>
  private let scratch: UnsafeMutablePointer<UInt8>
  private let capacity: Int
  /// Keeps the layout alive; the prefixes are its storage.
  private let layout: RowLayout
  private let prefixBytes: UnsafeMutablePointer<UInt8>
  private let start: UnsafeMutablePointer<Int>
  /// The layouts of rows nested in these rows, made on first use.
  private var nested: [ObjectIdentifier: RowLayout] = [:]
  private var used = 0
  var next = 0

  init(writer: JSONWriter, layout: RowLayout) {
    self.init(writer: writer, scratch: OwnedBuffer(count: 1 << 12), layout: layout)
  }

  private init(writer: JSONWriter, scratch: OwnedBuffer<UInt8>, layout: RowLayout) {
    self.writer = writer
    scratchBuffer = scratch
    self.scratch = scratch.base
    capacity = scratch.count
    self.layout = layout
    prefixBytes = layout.prefixBytes.base
    start = layout.start.base
  }

  /// Moves the scratch bytes to the output.
  mutating func spill() {
    writer.out.append(contentsOf: UnsafeBufferPointer(start: scratch, count: used))
    used = 0
  }

  @inline(__always)
  mutating func copy(_ source: UnsafePointer<UInt8>, _ n: Int) {
    if used + n > capacity {
      spill()
      if n > capacity {
        writer.out.append(contentsOf: UnsafeBufferPointer(start: source, count: n))
        return
      }
    }
    (scratch + used).update(from: source, count: n)
    used += n
  }

  mutating func raw(_ b: [UInt8]) {
    b.withUnsafeBufferPointer { copy($0.baseAddress!, $0.count) }
  }

  /// The next key's prefix.
  @inline(__always)
  mutating func key() {
    let from = start[next]
    copy(prefixBytes + from, start[next + 1] - from)
    next += 1
  }

  mutating func string(_ s: String) {
    var s = s
    let plain = s.withUTF8 { utf8 -> Bool in
      for byte in utf8
      where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        return false
      }
      if used + utf8.count + 2 > capacity { spill() }
      guard utf8.count + 2 <= capacity else { return false }
      scratch[used] = UInt8(ascii: "\"")
      (scratch + used + 1).update(from: utf8.baseAddress!, count: utf8.count)
      scratch[used + 1 + utf8.count] = UInt8(ascii: "\"")
      used += utf8.count + 2
      return true
    }
    if !plain {
      spill()
      writer.writeString(s)
    }
  }

  mutating func int(_ n: Int64) {
    if used + 21 > capacity { spill() }
    if n < 0 {
      scratch[used] = UInt8(ascii: "-")
      used += 1
    }
    var value = n.magnitude
    var width = 1
    var limit: UInt64 = 10
    while width < 20 && value >= limit {
      width += 1
      limit &*= 10
    }
    var i = used + width
    repeat {
      i -= 1
      scratch[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
      value /= 10
    } while value > 0
    used += width
  }

  mutating func int(_ n: Int) { int(Int64(n)) }

  mutating func bool(_ b: Bool) { raw(b ? Self.trueBytes : Self.falseBytes) }

  /// A number, or `null` when absent or not finite, as the generic path writes doubles.
  mutating func double(_ x: Double?) {
    if let x, x.isFinite {
      raw(Array(NumberText.json(x).utf8))
    } else {
      raw(Self.nullBytes)
    }
  }

  mutating func int(_ n: Int64?) {
    if let n { int(n) } else { raw(Self.nullBytes) }
  }

  mutating func string(_ s: String?) {
    if let s { string(s) } else { raw(Self.nullBytes) }
  }

  /// An array of rows as the value of the current key, two levels below these rows' keys.
  mutating func rows<C: Collection>(_ items: C) where C.Element: JSONRow {
    guard !items.isEmpty else { return raw(Self.emptyArray) }
    let id = ObjectIdentifier(C.Element.self)
    let layout =
      nested[id] ?? RowLayout(C.Element.self, depth: writer.stack.count + 2)
    nested[id] = layout
    raw(Self.openBracket)
    var inner = ObjectFields(writer: writer, scratch: scratchBuffer, layout: layout)
    inner.used = used
    let fields = Array(C.Element.Field.allCases)
    var first = true
    for item in items {
      inner.raw(first ? layout.firstOpen : layout.nextOpen)
      first = false
      inner.next = 0
      for field in fields {
        inner.key()
        item.write(field, to: &inner)
      }
      inner.raw(layout.closing)
    }
    used = inner.used
    raw(layout.arrayClosing)
  }

  static let emptyArray = Array("[]".utf8)
  static let openBracket = [UInt8(ascii: "[")]
  static let trueBytes = Array("true".utf8)
  static let falseBytes = Array("false".utf8)
  static let nullBytes = Array("null".utf8)
}
