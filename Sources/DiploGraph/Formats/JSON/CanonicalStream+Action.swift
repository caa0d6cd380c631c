/// The fast path of the streaming read: one action of the usual shape scanned straight from the
/// bytes into the action table.
///
/// The usual shape: an object of known keys, each once, with no `null`; ids, actor, target and
/// kind non-empty strings; `count` digits only (at most 18: no overflow to check); `date` a
/// valid `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `sources` and `respondsTo` arrays of non-empty
/// strings; `note` a string; strings without escapes (valid UTF-8 otherwise); no `claims`.
/// Anything else, or a value past the parser's limits, and the scan gives up: the parser is put
/// back at the element's first byte and the element is read through the tree, which reports
/// exactly what the tree read reports. So the fast path decides only what is surely valid.
extension CanonicalStream {
  /// The keys of an action, as bytes, in ``CanonicalJSON/ObjectKeys/action`` order.
  static let actionKeys = CanonicalJSON.ObjectKeys.action.keys.map { Array($0.utf8) }
  private static let idKey = 0
  private static let actorKey = 1
  private static let targetKey = 2
  private static let kindKey = 3
  private static let countKey = 4
  private static let dateKey = 5
  private static let respondsToKey = 6
  private static let sourcesKey = 7
  private static let noteKey = 9
  /// The keys an action must have (actor, target, kind, sources), as bits.
  private static let requiredKeys: UInt16 = 1 << 1 | 1 << 2 | 1 << 3 | 1 << 7

  /// Reads element `index` of the actions (the parser at its first byte) into `result` when it
  /// has the usual shape, and says whether it did; when not, nothing has changed.
  mutating func readAction(_ index: Int, into result: inout StreamedActions) -> Bool {
    let mark = (parser.index, parser.line, parser.column, parser.values)
    let position = parser.position
    guard scanAction(result.table.kindSymbols.count) else {
      (parser.index, parser.line, parser.column, parser.values) = mark
      return false
    }
    commit(index, at: position, into: &result)
    return true
  }

  /// Scans an action into `scratch`; `false` as soon as it is not of the usual shape.
  private mutating func scanAction(_ kindCount: Int) -> Bool {
    guard parser.peek == UInt8(ascii: "{"), parser.limits.maxDepth > 3, countValue() else {
      return false
    }
    scratch.reset()
    parser.advance()
    parser.skipWhitespace()
    var seen: UInt16 = 0
    while true {
      guard let keyRange = scanString(), let key = Self.keyCode(parser.bytes, keyRange),
        seen & (1 << key) == 0
      else { return false }
      seen |= 1 << key
      parser.skipWhitespace()
      guard parser.peek == UInt8(ascii: ":") else { return false }
      parser.advance()
      parser.skipWhitespace()
      scratch.fields.append((key, parser.position, 0))
      guard countValue(), scanValue(key), let more = scanSeparator(closing: UInt8(ascii: "}"))
      else { return false }
      if !more { break }
    }
    guard seen & Self.requiredKeys == Self.requiredKeys, let kind = scratch.kind else {
      return false
    }
    // A new kind past the table's limit is reported by the tree path.
    return kindCount < ActionTable.maxKinds || kindNames.contains(parser.bytes, kind)
  }

  /// Scans the value of `key`.
  private mutating func scanValue(_ key: Int) -> Bool {
    switch key {
    case Self.idKey, Self.actorKey, Self.targetKey, Self.kindKey:
      guard let range = scanString(), !range.isEmpty else { return false }
      switch key {
      case Self.idKey: scratch.id = range
      case Self.actorKey: scratch.actor = range
      case Self.targetKey: scratch.target = range
      default: scratch.kind = range
      }
      return true
    case Self.countKey:
      guard let count = scanCount() else { return false }
      scratch.count = count
      return true
    case Self.dateKey:
      guard let range = scanString() else { return false }
      let text = UnsafeBufferPointer(rebasing: parser.bytes[range])
      if range.count == 10, let day = Day(isoBytes: text) {
        scratch.date = day.daysSinceEpoch
      } else if let partial = PartialDate(isoBytes: text) {
        scratch.partialDate = partial
      } else {
        return false
      }
      return true
    case Self.sourcesKey: return scanIDs(sources: true)
    case Self.respondsToKey: return scanIDs(sources: false)
    case Self.noteKey:
      guard let range = scanString() else { return false }
      scratch.note = range
      return true
    default: return false
    }
  }

  /// Counts a value as the parser does; `false` past its limit.
  private mutating func countValue() -> Bool {
    parser.values += 1
    return parser.values <= parser.limits.maxValues
  }

  /// The content of a string without escapes or control characters, in valid UTF-8, at the
  /// parser's index; the parser steps over it.
  private mutating func scanString() -> Range<Int>? {
    let bytes = parser.bytes
    guard parser.peek == UInt8(ascii: "\"") else { return nil }
    let start = parser.index + 1
    var i = start
    var column = parser.column + 1
    while i < bytes.count {
      let byte = bytes[i]
      if byte == UInt8(ascii: "\"") {
        parser.index = i + 1
        parser.column = column + 1
        return start..<i
      }
      if byte < 0x20 || byte == UInt8(ascii: "\\") { return nil }
      if byte < 0x80 {
        i += 1
      } else {
        guard let length = JSONParser.utf8SequenceLength(bytes, at: i) else { return nil }
        i += length
      }
      column += 1
    }
    return nil
  }

  /// A count of at most 18 digits, without a leading zero, fraction or exponent.
  private mutating func scanCount() -> Int64? {
    let bytes = parser.bytes
    let start = parser.index
    var i = start
    var value: Int64 = 0
    while i < bytes.count, bytes[i] &- UInt8(ascii: "0") < 10, i - start < 18 {
      value = value * 10 + Int64(bytes[i] &- UInt8(ascii: "0"))
      i += 1
    }
    let length = i - start
    guard length > 0, length <= 18, length == 1 || bytes[start] != UInt8(ascii: "0") else {
      return nil
    }
    if i < bytes.count {
      let next = bytes[i]
      guard next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E"),
        next &- UInt8(ascii: "0") >= 10
      else { return nil }
    }
    parser.index = i
    parser.column += length
    return value
  }

  /// An array of non-empty strings without escapes, into `scratch.sources` (or
  /// `respondsTo`); their places go to the last field.
  private mutating func scanIDs(sources: Bool) -> Bool {
    guard parser.peek == UInt8(ascii: "[") else { return false }
    parser.advance()
    parser.skipWhitespace()
    if parser.peek == UInt8(ascii: "]") {
      parser.advance()
      return true
    }
    while true {
      let position = parser.position
      guard countValue(), let range = scanString(), !range.isEmpty else { return false }
      if sources { scratch.sources.append(range) } else { scratch.respondsTo.append(range) }
      scratch.items.append(position)
      scratch.fields[scratch.fields.count - 1].items += 1
      guard let more = scanSeparator(closing: UInt8(ascii: "]")) else { return false }
      if !more { return true }
    }
  }

  /// After a member or an element: `true` past a ',' (and the whitespace after it), `false`
  /// past `closing`, `nil` at anything else (not of the usual shape).
  private mutating func scanSeparator(closing: UInt8) -> Bool? {
    parser.skipWhitespace()
    if parser.peek == UInt8(ascii: ",") {
      parser.advance()
      parser.skipWhitespace()
      return true
    }
    guard parser.peek == closing else { return nil }
    parser.advance()
    return false
  }

  /// The index of `bytes[range]` in ``actionKeys``.
  private static func keyCode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    keys: for (code, key) in actionKeys.enumerated() where key.count == range.count {
      for k in 0..<key.count where bytes[range.lowerBound + k] != key[k] { continue keys }
      return code
    }
    return nil
  }

  /// Appends the scanned action to the table (interning in the order `ActionTable.append`
  /// does) and its places to the source map.
  private mutating func commit(
    _ index: Int, at position: JSONPosition, into result: inout StreamedActions
  ) {
    let bytes = parser.bytes
    func text(_ range: Range<Int>) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
    let kindsBefore = result.table.kindSymbols.count
    let kind = kindNames.symbol(bytes, scratch.kind!, in: &result.table.kindSymbols)
    if result.table.kindSymbols.count > kindsBefore {
      reader.kinds.insert(result.table.kindSymbols[kind])
    }
    let actor = endpointNames.symbol(bytes, scratch.actor!, in: &result.table.endpointSymbols)
    let target = endpointNames.symbol(bytes, scratch.target!, in: &result.table.endpointSymbols)
    scratch.symbols.removeAll(keepingCapacity: true)
    for source in scratch.sources {
      scratch.symbols.append(sourceNames.symbol(bytes, source, in: &result.table.sourceSymbols))
    }
    let sourceSet = result.table.internSourceSet(scratch.symbols)
    let id = scratch.id.map { result.table.idSymbols.intern(text($0)) }
    result.table.appendRow(
      actor: actor, target: target, kind: UInt16(kind), count: scratch.count,
      date: scratch.date, sourceSet: sourceSet, id: id)
    let row = result.table.endIndex - 1
    if !scratch.respondsTo.isEmpty {
      let answered = scratch.respondsTo.map { result.table.idSymbols.intern(text($0)) }
      result.table.responses.append(row: row, answered)
    }
    if let note = scratch.note { result.table.notes.append(row: row, text(note)) }
    if scratch.date == ActionTable.noDate, let partial = scratch.partialDate {
      result.table.partialDates.append(row: row, partial)
    }
    if keyCodes.isEmpty {
      keyCodes = CanonicalJSON.ObjectKeys.action.keys.map { result.elements.code(of: $0) }
    }
    result.elements.startElement(fileIndex: index, position: position)
    var item = 0
    for field in scratch.fields {
      result.elements.appendField(keyCodes[field.key], at: field.position)
      for _ in 0..<field.items {
        result.elements.appendItem(scratch.items[item])
        item += 1
      }
    }
  }
}

/// One action as the fast path scanned it: byte ranges of the input, not strings.
struct ActionScratch {
  var id: Range<Int>?
  var actor: Range<Int>?
  var target: Range<Int>?
  var kind: Range<Int>?
  var count = ActionTable.noCount
  var date = ActionTable.noDate
  var partialDate: PartialDate?
  var note: Range<Int>?
  var sources: [Range<Int>] = []
  var respondsTo: [Range<Int>] = []
  /// The fields in input order: key, where the value starts, how many items it has.
  var fields: [(key: Int, position: JSONPosition, items: Int)] = []
  /// The places of the array items, field after field.
  var items: [JSONPosition] = []
  /// Reused for the source symbols.
  var symbols: [Int32] = []

  /// Forgets the last action, keeping the buffers.
  mutating func reset() {
    id = nil
    actor = nil
    target = nil
    kind = nil
    count = ActionTable.noCount
    date = ActionTable.noDate
    partialDate = nil
    note = nil
    sources.removeAll(keepingCapacity: true)
    respondsTo.removeAll(keepingCapacity: true)
    fields.removeAll(keepingCapacity: true)
    items.removeAll(keepingCapacity: true)
  }
}
