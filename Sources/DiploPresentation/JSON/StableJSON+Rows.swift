import DiploGraph

/// The fast writer of the statistics' long arrays (actors, dyads, exchanges, cited actions,
/// omitted actors, lists of actor ids): the same bytes as their `Codable` encoding through
/// ``StableJSONEncoder``, written with the key prefixes made once per array instead of a keyed
/// container per object. A dyad list of a million links is then a few hundred milliseconds of
/// output instead of seconds.
///
/// A row's keys are its type's `CodingKeys`, the one description of its fields, which its
/// synthesized `Codable` conformance uses too: ``JSONRow/writeFields(to:)`` names each value's
/// key by its case, the prefixes are made from their names, and debug builds check that the
/// values come in the order of the keys, every one of them. Tests compare the bytes with the
/// `Codable` path's.

/// A value whose arrays the writer writes itself, faster than through `Encodable`, with the
/// same bytes.
protocol JSONArrayElement: Encodable {
  static func writeArray(_ items: [Self], to writer: JSONWriter)
}

/// A row of the statistics' long arrays: an object with the same keys in every row.
protocol JSONRow: JSONArrayElement {
  /// The row's coding keys: its fields, in the order they are written.
  associatedtype Field: CodingKey & CaseIterable & Equatable
  /// Writes every field's value under its key, in the order of `Field.allCases`.
  func writeFields(to fields: inout RowFields<Field>)
}

extension JSONRow {
  static func writeArray(_ items: [Self], to writer: JSONWriter) { writer.writeRows(items) }
}

extension ActorID: JSONArrayElement {
  static func writeArray(_ items: [ActorID], to writer: JSONWriter) {
    writer.writeStrings(items.lazy.map(\.rawValue))
  }
}

/// A value the writer writes fast when the encoder's fast paths are on, through `Encodable`
/// otherwise.
protocol FastJSON: JSONWritable, Encodable {
  func writeFast(to writer: JSONWriter)
}

extension FastJSON {
  func write(to writer: JSONWriter) throws {
    if writer.fastPaths {
      writeFast(to: writer)
    } else {
      try writer.encode { try encode(to: $0) }
    }
  }
}

// Each list calls the writer with its own type, so that the writer is compiled for it.
extension Array: JSONWritable, FastJSON where Element: JSONArrayElement {
  func writeFast(to writer: JSONWriter) { Element.writeArray(self, to: writer) }
}
extension DyadList: JSONWritable, FastJSON {
  func writeFast(to writer: JSONWriter) { writer.writeRows(self) }
}
extension ExchangeList: JSONWritable, FastJSON {
  func writeFast(to writer: JSONWriter) { writer.writeRows(self) }
}
extension ActionReferenceList: JSONWritable, FastJSON {
  func writeFast(to writer: JSONWriter) { writer.writeRows(self) }
}

extension ActorStrength: JSONRow {
  static func writeArray(_ items: [Self], to writer: JSONWriter) { writer.writeRows(items) }

  func writeFields(to o: inout RowFields<CodingKeys>) {
    o.string(.actor, actor.rawValue)
    o.string(.name, name)
    o.int(.outDegree, outDegree)
    o.int(.inDegree, inDegree)
    o.int(.reciprocatedDegree, reciprocatedDegree)
    o.int(.outStrength, outStrength)
    o.int(.inStrength, inStrength)
    o.int(.reciprocatedStrength, reciprocatedStrength)
    o.int(.nonReciprocatedOutStrength, nonReciprocatedOutStrength)
    o.int(.nonReciprocatedInStrength, nonReciprocatedInStrength)
    o.double(.reciprocatedShare, reciprocatedShare)
    o.int(.balance, balance)
    o.double(.linkReciprocity, linkReciprocity)
  }
}

extension Dyad: JSONRow {
  func writeFields(to o: inout RowFields<CodingKeys>) {
    o.string(.first, first.rawValue)
    o.string(.second, second.rawValue)
    o.int(.forward, forward)
    o.int(.backward, backward)
    o.int(.forwardActions, forwardActions)
    o.int(.backwardActions, backwardActions)
    o.int(.reciprocated, reciprocated)
    o.int(.balance, balance)
    o.bool(.isMutual, isMutual)
  }
}

extension ActionReference: JSONRow {
  func writeFields(to o: inout RowFields<CodingKeys>) {
    o.int(.row, row)
    o.string(.id, id?.rawValue)
    o.string(.actor, actor.rawValue)
    o.string(.target, target.rawValue)
    o.string(.kind, kind.rawValue)
    o.int(.count, count.map(Int64.init))
    o.string(.date, date?.description)
  }
}

extension Exchange: JSONRow {
  func writeFields(to o: inout RowFields<CodingKeys>) {
    o.string(.actor, actor.rawValue)
    o.string(.target, target.rawValue)
    o.rows(.originals, originals)
    o.rows(.answers, answers)
    o.int(.originalTotal, originalTotal)
    o.int(.answerTotal, answerTotal)
    o.double(.ratio, ratio)
    o.int(.lagDays, lagDays.map(Int64.init))
    o.string(.matching, matching?.rawValue)
    o.string(.outcome, outcome.rawValue)
    o.bool(.answerOutsideSelection, answerOutsideSelection)
  }
}

extension OmittedActor: JSONRow {
  static func writeArray(_ items: [Self], to writer: JSONWriter) { writer.writeRows(items) }

  func writeFields(to o: inout RowFields<CodingKeys>) {
    o.string(.actor, actor.rawValue)
    o.int(.actions, actions)
    o.int(.ofActions, ofActions)
    o.int(.weight, weight)
  }
}

extension JSONWriter {
  /// Writes `rows` as an array of objects, as the streaming encoder lays out an array of keyed
  /// containers at the current depth: each object on its own lines, one key per line. Each
  /// object goes through a scratch buffer that reaches the output once per object.
  ///
  /// With ``threads`` above 1 and many rows, the rows are written in pieces of
  /// ``rowsInPiece``, each into a buffer of its own on every thread, and the buffers reach the
  /// output in order (each handed to the sink as it is) while the next pieces are written: the
  /// same bytes, with memory for at most four pieces per thread waiting.
  func writeRows<C: Collection & SendableMetatype>(_ rows: C) where C.Element: JSONRow {
    open(array: true)
    let depth = stack.count
    guard !rows.isEmpty else { return close() }
    let layout = rowLayout(C.Element.self, depth: depth)
    if threads > 1 && rows.count > Self.rowsInPiece {
      writeRowsInPieces(rows, layout: layout)
    } else {
      writeRows(rows[...], layout: layout, first: true)
    }
    stack[depth - 1].count = rows.count
    close()
  }

  /// The layout of rows of type `Row` in an array at `depth`, made once per writer.
  func rowLayout<Row: JSONRow>(_ row: Row.Type, depth: Int) -> RowLayout {
    let key = RowLayoutKey(row: ObjectIdentifier(Row.self), depth: depth)
    if let made = state.pointee.rowLayouts[key] { return made }
    let made = RowLayout(Row.self, depth: depth)
    state.pointee.rowLayouts[key] = made
    return made
  }

  /// How many rows a piece of a parallel ``writeRows(_:)`` holds.
  static let rowsInPiece = 1024

  /// Writes `rows` to ``out`` (`first`: the first of their array), flushing as it goes.
  private func writeRows<S: Sequence>(_ rows: S, layout: RowLayout, first: Bool)
  where S.Element: JSONRow {
    let (firstOpen, nextOpen, closing) = (
      layout.firstOpen.elements, layout.nextOpen.elements, layout.closing.elements
    )
    var o = RowFields<S.Element.Field>(writer: self, layout: layout)
    var first = first
    for row in rows {
      if sink != nil && out.count >= Self.flushSize { flush() }
      o.raw(first ? firstOpen : nextOpen)
      first = false
      o.begin()
      row.writeFields(to: &o)
      o.end()
      o.raw(closing)
      o.spill()
    }
  }

  private func writeRowsInPieces<C: Collection & SendableMetatype>(_ rows: C, layout: RowLayout)
  where C.Element: JSONRow {
    let pieces = (rows.count + Self.rowsInPiece - 1) / Self.rowsInPiece
    // Unchecked: the pieces read the rows and the layout, and write writers of their own.
    nonisolated(unsafe) let (rows, layout) = (rows, layout)
    // A piece's writer stands where this one does: nested rows are laid out by its depth.
    let (listsResponses, fastPaths, stack) = (self.listsResponses, self.fastPaths, self.stack)
    orderedPieces(count: pieces, threads: threads, window: 4 * threads) { piece in
      let from = rows.index(rows.startIndex, offsetBy: piece * Self.rowsInPiece)
      let to = rows.index(from, offsetBy: Self.rowsInPiece, limitedBy: rows.endIndex)
      let writer = JSONWriter(listsResponses: listsResponses, fastPaths: fastPaths)
      writer.stack = stack
      writer.writeRows(rows[from..<(to ?? rows.endIndex)], layout: layout, first: piece == 0)
      return writer.out
    } consume: { text in
      if let sink {
        // Straight to the output, not copied into the buffer first.
        flush()
        text.withUnsafeBytes { sink($0) }
      } else {
        out.append(contentsOf: text)
      }
    }
  }

  /// An array of strings, on one line as arrays of scalars are.
  func writeStrings(_ strings: some Collection<String>) {
    open(array: true)
    let depth = stack.count
    for (n, s) in strings.enumerated() {
      if n > 0 { out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
      writeString(s)
    }
    stack[depth - 1].count = strings.count
    stack[depth - 1].inline = true
    close()
  }
}

/// The bytes of an array of rows at one depth, made once: an object's opening and closing, the
/// array's closing, and each key's prefix (`,\n    "key": `).
///
/// Each is raw storage the layout owns: copying a word into a row then takes no retain of an
/// array (a retain per row and word was a third of the CPU of writing a long list on two
/// threads, the threads taking turns at the same cache line).
final class RowLayout {
  let firstOpen: OwnedBuffer<UInt8>
  let nextOpen: OwnedBuffer<UInt8>
  let closing: OwnedBuffer<UInt8>
  let arrayClosing: OwnedBuffer<UInt8>
  /// The prefixes, one after the other; prefix n is `prefixBytes[start[n]..<start[n + 1]]`.
  let prefixBytes: OwnedBuffer<UInt8>
  let start: OwnedBuffer<Int>

  /// The layout of rows of type `Row` in an array whose elements sit at `depth`.
  init<Row: JSONRow>(_ row: Row.Type, depth: Int) {
    func indent(_ n: Int) -> [UInt8] { [UInt8(ascii: "\n")] + Array(repeating: 0x20, count: 2 * n) }
    let open = indent(depth) + [UInt8(ascii: "{")]
    firstOpen = OwnedBuffer(open)
    nextOpen = OwnedBuffer([UInt8(ascii: ",")] + open)
    closing = OwnedBuffer(indent(depth) + [UInt8(ascii: "}")])
    arrayClosing = OwnedBuffer(indent(depth - 1) + [UInt8(ascii: "]")])
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

  /// The elements, valid while this buffer lives.
  var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }
}

/// The values of a row's keys, gathered in a scratch buffer with raw stores: the key prefixes
/// are one block of bytes, numbers are written digit by digit in place. Each value comes with
/// its key, which debug builds check against the order of `Field.allCases`.
struct RowFields<Field: CodingKey & CaseIterable & Equatable> {
  let writer: JSONWriter
  /// Keeps the scratch buffer alive; `scratch` is its storage.
  private let scratchBuffer: OwnedBuffer<UInt8>
  private let scratch: UnsafeMutablePointer<UInt8>
  private let capacity: Int
  /// Keeps the layout alive; the prefixes are its storage.
  private let layout: RowLayout
  private let prefixBytes: UnsafeMutablePointer<UInt8>
  private let start: UnsafeMutablePointer<Int>
  private var used = 0
  /// The index of the next key.
  private var next = 0

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

  /// Before a row's first key.
  mutating func begin() { next = 0 }

  /// After a row's last key: debug builds check that every key was written.
  func end() {
    assert(next == Field.allCases.count, "\(Field.self): \(next) values for its keys")
  }

  /// Moves the scratch bytes to the output.
  mutating func spill() {
    writer.out.append(contentsOf: UnsafeBufferPointer(start: scratch, count: used))
    used = 0
  }

  @inline(__always)
  private mutating func copy(_ source: UnsafePointer<UInt8>, _ n: Int) {
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

  @inline(__always)
  mutating func raw(_ b: [UInt8]) {
    b.withUnsafeBufferPointer { copy($0.baseAddress!, $0.count) }
  }

  /// Bytes the caller keeps alive (a layout's words).
  @inline(__always)
  mutating func raw(_ b: UnsafeBufferPointer<UInt8>) { copy(b.baseAddress!, b.count) }

  /// A fixed word: its bytes are in the binary, so copying them retains nothing.
  @inline(__always)
  mutating func raw(_ word: StaticString) { copy(word.utf8Start, word.utf8CodeUnitCount) }

  /// The prefix of `field`, the next key.
  @inline(__always)
  private mutating func key(_ field: Field) {
    assert(
      Array(Field.allCases).indices.contains(next) && Array(Field.allCases)[next] == field,
      "\(Field.self).\(field.stringValue) is not key number \(next) of its CodingKeys")
    let from = start[next]
    copy(prefixBytes + from, start[next + 1] - from)
    next += 1
  }

  mutating func string(_ field: Field, _ s: String) {
    key(field)
    value(s)
  }

  @inline(__always)
  private mutating func value(_ s: String) {
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

  mutating func int(_ field: Field, _ n: Int64) {
    key(field)
    value(n)
  }

  @inline(__always)
  private mutating func value(_ n: Int64) {
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

  mutating func int(_ field: Field, _ n: Int) { int(field, Int64(n)) }

  mutating func bool(_ field: Field, _ b: Bool) {
    key(field)
    raw(b ? Bytes.trueBytes : Bytes.falseBytes)
  }

  /// A number, or `null` when absent or not finite, as the generic path writes doubles.
  mutating func double(_ field: Field, _ x: Double?) {
    key(field)
    if let x, x.isFinite {
      raw(Array(NumberText.json(x).utf8))
    } else {
      raw(Bytes.null)
    }
  }

  mutating func int(_ field: Field, _ n: Int64?) {
    key(field)
    if let n { value(n) } else { raw(Bytes.null) }
  }

  mutating func string(_ field: Field, _ s: String?) {
    key(field)
    if let s { value(s) } else { raw(Bytes.null) }
  }

  /// An array of rows as the value of `field`, two levels below these rows' keys.
  mutating func rows<C: Collection>(_ field: Field, _ items: C) where C.Element: JSONRow {
    key(field)
    guard !items.isEmpty else { return raw(Bytes.emptyArray) }
    let layout = writer.rowLayout(C.Element.self, depth: writer.stack.count + 2)
    raw(Bytes.openBracket)
    var inner = RowFields<C.Element.Field>(writer: writer, scratch: scratchBuffer, layout: layout)
    inner.used = used
    var first = true
    for item in items {
      inner.raw(first ? layout.firstOpen.elements : layout.nextOpen.elements)
      first = false
      inner.begin()
      item.writeFields(to: &inner)
      inner.end()
      inner.raw(layout.closing.elements)
    }
    used = inner.used
    raw(layout.arrayClosing.elements)
  }

}

/// The fixed words of the rows.
private enum Bytes {
  static let emptyArray: StaticString = "[]"
  static let openBracket: StaticString = "["
  static let trueBytes: StaticString = "true"
  static let falseBytes: StaticString = "false"
  static let null: StaticString = "null"
}
