/// Fast writers for the long arrays of the statistics (actors, dyads, omitted actors, lists of
/// actor ids): the
/// same bytes as their `Codable` encoding through ``StableJSONEncoder``, written with the key
/// prefixes made once per array instead of a keyed container per object. A dyad list of a
/// million links is then a few hundred milliseconds of output instead of seconds.

extension JSONWriter {
  /// The fast writer of an array type that has one, found by metatype identity.
  static func fastWriter<T>(_ type: T.Type) -> ((JSONWriter, T) -> Void)? {
    if type == [Dyad].self {
      return { w, v in w.writeDyads(unsafeBitCast(v, to: [Dyad].self)) }
    }
    if type == DyadList.self {
      return { w, v in w.writeDyads(unsafeBitCast(v, to: DyadList.self)) }
    }
    if type == [ActorStrength].self {
      return { w, v in w.writeActorStrengths(unsafeBitCast(v, to: [ActorStrength].self)) }
    }
    if type == [OmittedActor].self {
      return { w, v in w.writeOmittedActors(unsafeBitCast(v, to: [OmittedActor].self)) }
    }
    if type == ExchangeList.self {
      return { w, v in w.writeExchanges(unsafeBitCast(v, to: ExchangeList.self)) }
    }
    if type == ActionReferenceList.self {
      return { w, v in w.writeReferences(unsafeBitCast(v, to: ActionReferenceList.self)) }
    }
    if type == [ActorID].self {
      return { w, v in w.writeStrings(unsafeBitCast(v, to: [ActorID].self).lazy.map(\.rawValue)) }
    }
    return nil
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

  func writeDyads(_ dyads: some Collection<Dyad>) {
    let keys = [
      "first", "second", "forward", "backward", "forwardActions", "backwardActions",
      "reciprocated", "balance", "isMutual",
    ]
    writeObjects(dyads, keys: keys) { d, o in
      o.string(d.first.rawValue)
      o.string(d.second.rawValue)
      o.int(d.forward)
      o.int(d.backward)
      o.int(Int64(d.forwardActions))
      o.int(Int64(d.backwardActions))
      o.int(d.reciprocated)
      o.int(d.balance)
      o.bool(d.isMutual)
    }
  }

  func writeActorStrengths(_ actors: [ActorStrength]) {
    let keys = [
      "actor", "name", "outDegree", "inDegree", "reciprocatedDegree", "outStrength", "inStrength",
      "reciprocatedStrength", "nonReciprocatedOutStrength", "nonReciprocatedInStrength",
      "reciprocatedShare", "balance", "linkReciprocity",
    ]
    writeObjects(actors, keys: keys) { a, o in
      o.string(a.actor.rawValue)
      o.string(a.name)
      o.int(Int64(a.outDegree))
      o.int(Int64(a.inDegree))
      o.int(Int64(a.reciprocatedDegree))
      o.int(a.outStrength)
      o.int(a.inStrength)
      o.int(a.reciprocatedStrength)
      o.int(a.nonReciprocatedOutStrength)
      o.int(a.nonReciprocatedInStrength)
      o.double(a.reciprocatedShare)
      o.int(a.balance)
      o.double(a.linkReciprocity)
    }
  }

  static let referenceKeys = ["row", "id", "actor", "target", "kind", "count", "date"]

  func writeReferences(_ references: some Collection<ActionReference>) {
    writeObjects(references, keys: Self.referenceKeys) { a, o in o.reference(a) }
  }

  func writeExchanges(_ exchanges: ExchangeList) {
    let keys = [
      "actor", "target", "originals", "answers", "originalTotal", "answerTotal", "ratio",
      "lagDays", "matching", "outcome",
    ]
    // The references of `originals` and `answers`, two levels below the exchanges' keys.
    let depth = stack.count + 1
    func indent(_ n: Int) -> [UInt8] { [UInt8(ascii: "\n")] + Array(repeating: 0x20, count: 2 * n) }
    let nested = NestedObjects(
      firstOpen: indent(depth + 2) + [UInt8(ascii: "{")],
      nextOpen: [UInt8(ascii: ",")] + indent(depth + 2) + [UInt8(ascii: "{")],
      closing: indent(depth + 2) + [UInt8(ascii: "}")],
      arrayClosing: indent(depth + 1) + [UInt8(ascii: "]")],
      prefixes: Self.referenceKeys.enumerated().map { n, key in
        (n == 0 ? [] : [UInt8(ascii: ",")]) + indent(depth + 3) + Array("\"\(key)\": ".utf8)
      })
    defer { nested.deallocate() }
    writeObjects(exchanges, keys: keys) { e, o in
      o.string(e.actor.rawValue)
      o.string(e.target.rawValue)
      o.objects(e.originals, nested) { a, o in o.reference(a) }
      o.objects(e.answers, nested) { a, o in o.reference(a) }
      o.int(e.originalTotal)
      o.int(e.answerTotal)
      o.double(e.ratio)
      o.int(e.lagDays.map(Int64.init))
      o.string(e.matching?.rawValue)
      o.string(e.outcome.rawValue)
    }
  }

  func writeOmittedActors(_ actors: [OmittedActor]) {
    writeObjects(actors, keys: ["actor", "actions", "ofActions", "weight"]) { a, o in
      o.string(a.actor.rawValue)
      o.int(Int64(a.actions))
      o.int(Int64(a.ofActions))
      o.int(a.weight)
    }
  }

  /// Writes `items` as an array of objects with `keys`, as the streaming encoder lays out an
  /// array of keyed containers at the current depth: each object on its own lines, one key
  /// per line. `fields` writes one value per key, in order, into a scratch buffer that goes to
  /// the output once per object.
  func writeObjects<C: Collection>(
    _ items: C, keys: [String], _ fieldValues: (C.Element, inout ObjectFields) -> Void
  ) {
    open(array: true)
    let depth = stack.count
    guard !items.isEmpty else { return close() }
    func indent(_ n: Int) -> [UInt8] { [UInt8(ascii: "\n")] + Array(repeating: 0x20, count: 2 * n) }
    let firstOpen = indent(depth) + [UInt8(ascii: "{")]
    let nextOpen = [UInt8(ascii: ",")] + firstOpen
    let closing = indent(depth) + [UInt8(ascii: "}")]
    let prefixes = keys.enumerated().map { n, key in
      (n == 0 ? [] : [UInt8(ascii: ",")]) + indent(depth + 1) + Array("\"\(key)\": ".utf8)
    }
    let fields = ObjectFields(writer: self, prefixes: prefixes)
    defer { fields.deallocate() }
    var o = fields
    var first = true
    for item in items {
      if sink != nil && out.count >= Self.flushSize { flush() }
      o.raw(first ? firstOpen : nextOpen)
      first = false
      o.next = 0
      fieldValues(item, &o)
      assert(o.next == keys.count, "one value per key")
      o.raw(closing)
      o.spill()
    }
    stack[depth - 1].count = items.count
    close()
  }

  /// The layout of an array of objects nested in a fast-written object, with its key prefixes
  /// made once.
  struct NestedObjects {
    var firstOpen: [UInt8]
    var nextOpen: [UInt8]
    var closing: [UInt8]
    var arrayClosing: [UInt8]
    let prefixBytes: UnsafeMutablePointer<UInt8>
    let start: UnsafeMutablePointer<Int>

    init(
      firstOpen: [UInt8], nextOpen: [UInt8], closing: [UInt8], arrayClosing: [UInt8],
      prefixes: [[UInt8]]
    ) {
      self.firstOpen = firstOpen
      self.nextOpen = nextOpen
      self.closing = closing
      self.arrayClosing = arrayClosing
      (prefixBytes, start) = ObjectFields.makePrefixes(prefixes)
    }

    func deallocate() {
      prefixBytes.deallocate()
      start.deallocate()
    }
  }

  /// The values of an object's keys, gathered in a scratch buffer with raw stores: the key
  /// prefixes are one block of bytes, numbers are written digit by digit in place.
  struct ObjectFields {
    let writer: JSONWriter
    let scratch: UnsafeMutablePointer<UInt8>
    let capacity = 1 << 12
    /// The prefixes, one after the other; prefix n is `prefixBytes[start[n]..<start[n + 1]]`.
    let prefixBytes: UnsafeMutablePointer<UInt8>
    let start: UnsafeMutablePointer<Int>
    var used = 0
    var next = 0

    init(writer: JSONWriter, prefixes: [[UInt8]]) {
      self.writer = writer
      scratch = .allocate(capacity: 1 << 12)
      (prefixBytes, start) = Self.makePrefixes(prefixes)
    }

    /// The prefixes one after the other, and where each starts (one more entry: the end).
    static func makePrefixes(_ prefixes: [[UInt8]]) -> (
      UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<Int>
    ) {
      let all = prefixes.flatMap { $0 }
      let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, all.count))
      bytes.initialize(from: all, count: all.count)
      let start = UnsafeMutablePointer<Int>.allocate(capacity: prefixes.count + 1)
      var offset = 0
      for (n, prefix) in prefixes.enumerated() {
        start[n] = offset
        offset += prefix.count
      }
      start[prefixes.count] = offset
      return (bytes, start)
    }

    func deallocate() {
      scratch.deallocate()
      releasePrefixes()
    }

    /// Fields of nested objects, written into the same scratch buffer after what `outer` has.
    init(sharing outer: ObjectFields, layout: NestedObjects) {
      writer = outer.writer
      scratch = outer.scratch
      prefixBytes = layout.prefixBytes
      start = layout.start
      used = outer.used
    }

    func releasePrefixes() {
      prefixBytes.deallocate()
      start.deallocate()
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

    @inline(__always)
    mutating func key() {
      let from = start[next]
      copy(prefixBytes + from, start[next + 1] - from)
      next += 1
    }

    mutating func string(_ s: String) {
      key()
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
      key()
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

    mutating func bool(_ b: Bool) {
      key()
      raw(b ? Self.trueBytes : Self.falseBytes)
    }

    /// A number, or `null` when absent or not finite, as the generic path writes doubles.
    mutating func double(_ x: Double?) {
      key()
      if let x, x.isFinite {
        raw(Array(NumberText.json(x).utf8))
      } else {
        raw(Self.nullBytes)
      }
    }

    mutating func int(_ n: Int64?) {
      if let n {
        int(n)
      } else {
        key()
        raw(Self.nullBytes)
      }
    }

    mutating func string(_ s: String?) {
      if let s {
        string(s)
      } else {
        key()
        raw(Self.nullBytes)
      }
    }

    /// An action reference's keys and values (the object's braces are the caller's).
    mutating func reference(_ a: ActionReference) {
      int(Int64(a.row))
      string(a.id?.rawValue)
      string(a.actor.rawValue)
      string(a.target.rawValue)
      string(a.kind.rawValue)
      int(a.count.map(Int64.init))
      string(a.date?.description)
    }

    /// An array of objects as the value of the current key, laid out as `layout` says.
    mutating func objects<C: Collection>(
      _ items: C, _ layout: NestedObjects, _ fields: (C.Element, inout ObjectFields) -> Void
    ) {
      key()
      guard !items.isEmpty else { return raw(Self.emptyArray) }
      raw(Self.openBracket)
      var inner = ObjectFields(sharing: self, layout: layout)
      var first = true
      for item in items {
        inner.raw(first ? layout.firstOpen : layout.nextOpen)
        first = false
        inner.next = 0
        fields(item, &inner)
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
}
