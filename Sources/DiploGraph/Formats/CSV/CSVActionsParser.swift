/// Turns the records of `actions.csv` into columns: the reader's hot loop.
///
/// Per record it does no allocation: fields are slices of the block, actor, target, kind and
/// source fields are looked up by their bytes in ``CSVInterner`` tables (a `String` is made
/// once per distinct spelling), counts and dates are parsed from bytes (the last date is
/// cached: files are usually sorted by date). Anything unusual — quotes to unescape, non-ASCII
/// bytes, empty or malformed values, a record of the wrong length — leaves the fast path for a
/// slow one that also writes the diagnostic.
struct CSVActionsParser: CSVRecordHandler {
  private let columns: [Int]
  private let columnCount: Int
  private let actorColumn: Int
  private let targetColumn: Int
  private let kindColumn: Int
  private let countColumn: Int
  private let dateColumn: Int
  private let sourceColumn: Int
  private let hasOptionalColumns: Bool
  private let maxActions: Int
  private let maxActors: Int

  private var endpointTable = CSVInterner()
  private var kindTable = CSVInterner(capacity: 16)
  private var sourceFieldTable = CSVInterner(capacity: 64)
  private var sourceItemTable = CSVInterner(capacity: 64)
  private var idTable = CSVInterner(capacity: 16)
  private var scratch = CSVScratch()

  private var endpoints: [String] = []
  /// For each endpoint symbol, the row that first names it.
  private var endpointFirstRow: [Int] = []
  /// Set when the part names more than `maxActors` actors: it stops after this row.
  private var actorLimitRow: Int?
  private var kinds: [String] = []
  private var kindFirstRow: [Int] = []
  private var sources: [String] = []
  private var sourceFirstRow: [Int] = []
  private var sourceSets: [[Int32]] = [[]]
  private var sourceSetIndex: [[Int32]: Int32] = [[]: 0]
  /// Source fields with a problem: the set read from them and the message.
  private var sourceFieldProblems: [(set: Int32, message: String)] = []
  private var ids: [String] = []

  private var sink: CSVRowSink
  private var id: ColumnBuffer<Int32>?
  private var responses: [(row: Int, ids: [Int32])] = []
  private var notes: [(row: Int, note: String)] = []
  private var partialDates: [(row: Int, date: PartialDate)] = []

  private var diagnostics: CappedDiagnostics<CSVPendingDiagnostic>
  private var recordDiagnostics: [(key: Int, diagnostic: CSVPendingDiagnostic)] = []
  private var checkpoints: [CSVCheckpoint] = []
  private var kindLimitRow: Int?

  private var lastDateWord: UInt64 = 0
  private var lastDateTail: UInt16 = 0
  private var lastDate: Int32 = ActionTable.noDate
  private var hasLastDate = false

  init(
    layout: CSVLayout, maxDiagnostics: Int, sink: CSVRowSink,
    maxActions: Int = DataSetFile.Limits.defaultMaxActions,
    maxActors: Int = DataSetFile.Limits.defaultMaxActors
  ) {
    columns = layout.columns
    columnCount = layout.columnCount
    actorColumn = layout.columns[CSVColumns.actor]
    targetColumn = layout.columns[CSVColumns.target]
    kindColumn = layout.columns[CSVColumns.kind]
    countColumn = layout.columns[CSVColumns.count]
    dateColumn = layout.columns[CSVColumns.date]
    sourceColumn = layout.columns[CSVColumns.source]
    hasOptionalColumns = [CSVColumns.id, CSVColumns.respondsTo, CSVColumns.note].contains {
      layout.columns[$0] >= 0
    }
    diagnostics = CappedDiagnostics(limit: maxDiagnostics)
    self.maxActions = maxActions
    self.maxActors = maxActors
    self.sink = sink
  }

  /// Hands over the columns and tables (the lookup tables are freed with the parser).
  func finish(start: Int, outcome: CSVRunOutcome) -> CSVActionsPart {
    var id = self.id
    id?.pad(to: sink.rows, with: -1)
    return CSVActionsPart(
      start: start, outcome: outcome, sink: sink, id: id, endpoints: endpoints,
      endpointFirstRow: endpointFirstRow, kinds: kinds,
      kindFirstRow: kindFirstRow, sources: sources, sourceFirstRow: sourceFirstRow,
      sourceSets: sourceSets, ids: ids, responses: responses, notes: notes,
      partialDates: partialDates, diagnostics: diagnostics, checkpoints: checkpoints,
      kindLimitRow: kindLimitRow)
  }

  // MARK: The record

  mutating func handle(_ r: CSVRecordView) -> Bool {
    let row = r.index
    if row & (CSVCheckpoint.interval - 1) == 0 {
      // Past the limit already: stop here (the merge throws the error, located).
      if row > maxActions { return false }
      checkpoints.append(
        CSVCheckpoint(row: row, offset: r.fileOffset, lineBreaks: r.lineBreaksBefore))
    }
    if r.fieldCount != columnCount || r.flags & CSVFieldFlags.syntaxProblems != 0 {
      checkShape(r)
    }
    let f = r.fields
    let p = r.bytes
    // Each value: the fast path (a plain field, a known spelling) or, when it declines, the
    // slow path that also reports problems.
    var a = Self.symbol(f[actorColumn], p, in: endpointTable)
    if a < 0 { a = endpointSlow(f[actorColumn], r, column: actorColumn) }
    var t = Self.symbol(f[targetColumn], p, in: endpointTable)
    if t < 0 { t = endpointSlow(f[targetColumn], r, column: targetColumn) }
    var k = Self.symbol(f[kindColumn], p, in: kindTable)
    if k < 0 {
      guard let slow = kindSlow(f[kindColumn], r) else { return false }
      k = Int32(slow)
    }
    var c = ActionTable.noCount
    if countColumn >= 0 {
      c = Self.count(f[countColumn], p)
      if c < ActionTable.noCount { c = countSlow(f[countColumn], r, column: countColumn) }
    }
    var d = ActionTable.noDate
    if dateColumn >= 0 {
      d = date(f[dateColumn], p)
      if d == Self.slowDate { d = dateSlow(f[dateColumn], r, column: dateColumn) }
    }
    var s: Int32 = 0
    if sourceColumn >= 0 {
      s = Self.sourceSet(f[sourceColumn], p, in: sourceFieldTable)
      if s < 0 { s = sourceSetSlow(f[sourceColumn], r, column: sourceColumn) }
    }
    sink.append(
      actor: a, target: t, kind: UInt16(truncatingIfNeeded: k), count: c, date: d, sourceSet: s)
    if hasOptionalColumns { optionalColumns(r) }
    if !recordDiagnostics.isEmpty { flushDiagnostics() }
    return actorLimitRow == nil
  }

  /// `id`, `responds_to` and `note`.
  private mutating func optionalColumns(_ r: CSVRecordView) {
    let idColumn = columns[CSVColumns.id]
    if idColumn >= 0 {
      let symbol = optionalSymbol(r.fields[idColumn], r, column: idColumn)
      if let symbol {
        if id == nil {
          id = ColumnBuffer(capacity: max(1024, sink.capacity))
          id!.pad(to: sink.rows - 1, with: -1)
        }
        id!.append(symbol)
      } else {
        id?.append(-1)
      }
    }
    let respondsColumn = columns[CSVColumns.respondsTo]
    if respondsColumn >= 0 { respondsTo(r.fields[respondsColumn], r, column: respondsColumn) }
    let noteColumn = columns[CSVColumns.note]
    if noteColumn >= 0 { note(r.fields[noteColumn], r, column: noteColumn) }
  }

  /// A record of the wrong length, or with quotes out of place.
  private mutating func checkShape(_ r: CSVRecordView) {
    for p in r.shapeProblems(columnCount: columnCount, scratch: &scratch) {
      report(p.severity, p.message, r, at: p.position, column: p.column, key: p.key)
    }
  }

  // MARK: Diagnostics

  private mutating func report(
    _ severity: Diagnostic.Severity, _ message: String, _ r: CSVRecordView, at position: Int,
    column: Int?, key: Int
  ) {
    let (lineBreaks, col) = r.lineAndColumn(of: position)
    recordDiagnostics.append(
      (
        key,
        CSVPendingDiagnostic(
          severity: severity, message: message, row: r.index, lineBreaks: lineBreaks,
          column: col, field: column)
      ))
  }

  /// A problem with the value of a field (after any syntax problem of the same field).
  private mutating func reportValue(
    _ message: String, _ field: CSVField, _ r: CSVRecordView, column: Int
  ) {
    report(.error, message, r, at: field.start, column: column, key: 2 * column + 1)
  }

  private mutating func flushDiagnostics() {
    recordDiagnostics.sort { $0.key < $1.key }
    diagnostics.append(contentsOf: recordDiagnostics.lazy.map(\.diagnostic))
    recordDiagnostics.removeAll(keepingCapacity: true)
  }

  // MARK: Field text

  /// The field's text, unescaped when it must be (then in the scratch buffer, valid until the
  /// next call).
  private mutating func text(_ field: CSVField, _ r: CSVRecordView) -> UnsafeBufferPointer<UInt8> {
    if let (p, n) = CSVScanner.plainText(of: field, in: r.bytes) {
      return UnsafeBufferPointer(start: p, count: n)
    }
    CSVScanner.decode(field, in: r.bytes, into: &scratch)
    return scratch.bytes
  }

  /// A `String` of valid UTF-8 text, or `nil`.
  private static func string(_ text: UnsafeBufferPointer<UInt8>, checked: Bool) -> String? {
    checked ? String(validating: text, as: UTF8.self) : String(decoding: text, as: UTF8.self)
  }

  private static func invalidUTF8(_ text: UnsafeBufferPointer<UInt8>) -> String {
    "expected UTF-8 text, found bytes that are not UTF-8: \(CSVScanner.quoted(text))"
  }

  // MARK: Symbols

  /// The symbol of a plain, non-empty field already in `table`; negative otherwise (absent,
  /// or a spelling known not to be UTF-8): then the slow path decides.
  @inline(__always)
  private static func symbol(
    _ field: CSVField, _ p: UnsafeMutablePointer<UInt8>, in table: CSVInterner
  ) -> Int32 {
    guard field.flags & ~CSVFieldFlags.quoted == 0 else { return -1 }
    let q = Int(field.flags)  // 1 when quoted
    let n = field.end &- field.start &- 2 &* q
    guard n > 0 else { return -1 }
    return table.lookup(p + field.start + q, n)
  }

  @inline(never)
  private mutating func endpointSlow(_ field: CSVField, _ r: CSVRecordView, column: Int) -> Int32 {
    let known = endpoints.count
    defer { noteNewEndpoints(since: known, row: r.index) }
    let text = text(field, r)
    let what = column == actorColumn ? "an actor id" : "a target actor id"
    if text.isEmpty {
      if field.flags & CSVFieldFlags.missing == 0 {
        reportValue("expected \(what), found an empty field", field, r, column: column)
      }
      return Self.intern(
        scratch.base, 0, table: &endpointTable, strings: &endpoints, checked: false)
    }
    let v = Self.intern(
      text.baseAddress!, text.count, table: &endpointTable, strings: &endpoints,
      checked: field.flags & CSVFieldFlags.nonASCII != 0)
    if v >= 0 { return v }
    reportValue(Self.invalidUTF8(text), field, r, column: column)
    return Self.intern(scratch.base, 0, table: &endpointTable, strings: &endpoints, checked: false)
  }

  /// Notes the row of each new endpoint, and stops the part once it names more than
  /// `maxActors` actors.
  private mutating func noteNewEndpoints(since known: Int, row: Int) {
    guard endpoints.count > known else { return }
    endpointFirstRow.append(row)
    if endpoints.count > maxActors && actorLimitRow == nil { actorLimitRow = row }
  }

  /// The index of the `n` bytes at `p` in `strings`, added when new; -1 when they are not UTF-8.
  private static func intern(
    _ p: UnsafePointer<UInt8>, _ n: Int, table: inout CSVInterner, strings: inout [String],
    checked: Bool
  ) -> Int32 {
    let v = table.lookup(p, n)
    if v != CSVInterner.absent { return v }
    guard let s = string(UnsafeBufferPointer(start: p, count: n), checked: checked) else {
      table.insert(p, n, value: -1)
      return -1
    }
    let index = Int32(strings.count)
    strings.append(s)
    table.insert(p, n, value: index)
    return index
  }

  /// The kind symbol, or `nil` when the part meets more kinds than a table can hold.
  @inline(never)
  private mutating func kindSlow(_ field: CSVField, _ r: CSVRecordView) -> UInt16? {
    let column = kindColumn
    let text = text(field, r)
    let known = kinds.count
    var v: Int32
    if text.isEmpty {
      if field.flags & CSVFieldFlags.missing == 0 {
        reportValue("expected an action kind, found an empty field", field, r, column: column)
      }
      v = Self.intern(scratch.base, 0, table: &kindTable, strings: &kinds, checked: false)
    } else {
      v = Self.intern(
        text.baseAddress!, text.count, table: &kindTable, strings: &kinds,
        checked: field.flags & CSVFieldFlags.nonASCII != 0)
      if v < 0 {
        reportValue(Self.invalidUTF8(text), field, r, column: column)
        v = Self.intern(scratch.base, 0, table: &kindTable, strings: &kinds, checked: false)
      }
    }
    if kinds.count > known { kindFirstRow.append(r.index) }
    guard Int(v) < ActionTable.maxKinds else {
      kindLimitRow = r.index
      return nil
    }
    return UInt16(v)
  }

  /// `id`: a symbol, or `nil` when empty or not UTF-8.
  private mutating func optionalSymbol(_ field: CSVField, _ r: CSVRecordView, column: Int)
    -> Int32?
  {
    let text = text(field, r)
    if text.isEmpty { return nil }
    let v = Self.intern(
      text.baseAddress!, text.count, table: &idTable, strings: &ids,
      checked: field.flags & CSVFieldFlags.nonASCII != 0)
    if v >= 0 { return v }
    reportValue(Self.invalidUTF8(text), field, r, column: column)
    return nil
  }

  // MARK: Lists

  /// The source set of a plain field whose text was met before without a problem; negative
  /// otherwise.
  @inline(__always)
  private static func sourceSet(
    _ field: CSVField, _ p: UnsafeMutablePointer<UInt8>, in table: CSVInterner
  ) -> Int32 {
    guard field.flags & ~CSVFieldFlags.quoted == 0 else { return -1 }
    let q = Int(field.flags)
    let n = field.end &- field.start &- 2 &* q
    guard n > 0 else { return 0 }
    return table.lookup(p + field.start + q, n)
  }

  /// Source fields are interned whole: a field's text maps to its source set (or, when the
  /// field has a problem, to a negative index into ``sourceFieldProblems``).
  @inline(never)
  private mutating func sourceSetSlow(_ field: CSVField, _ r: CSVRecordView, column: Int) -> Int32 {
    let text = text(field, r)
    if text.isEmpty { return 0 }
    var v = sourceFieldTable.lookup(text.baseAddress!, text.count)
    if v == CSVInterner.absent {
      v = newSourceField(text, checked: field.flags & CSVFieldFlags.nonASCII != 0, row: r.index)
      sourceFieldTable.insert(text.baseAddress!, text.count, value: v)
    }
    if v >= 0 { return v }
    let problem = sourceFieldProblems[Int(-v - 1)]
    reportValue(problem.message, field, r, column: column)
    return problem.set
  }

  private mutating func newSourceField(
    _ text: UnsafeBufferPointer<UInt8>, checked: Bool, row: Int
  ) -> Int32 {
    if checked && String(validating: text, as: UTF8.self) == nil {
      sourceFieldProblems.append((0, Self.invalidUTF8(text)))
      return -Int32(sourceFieldProblems.count)
    }
    var list: [Int32] = []
    var hasEmpty = false
    Self.forEachItem(of: text) { p, n in
      if n == 0 {
        hasEmpty = true
        return
      }
      let before = sources.count
      list.append(
        Self.intern(p, n, table: &sourceItemTable, strings: &sources, checked: false))
      if sources.count > before { sourceFirstRow.append(row) }
    }
    let set = internSourceSet(list)
    guard !hasEmpty else {
      sourceFieldProblems.append(
        (
          set,
          "expected source ids separated by \";\", found an empty id in "
            + CSVScanner.quoted(text)
        ))
      return -Int32(sourceFieldProblems.count)
    }
    return set
  }

  private mutating func internSourceSet(_ list: [Int32]) -> Int32 {
    if let i = sourceSetIndex[list] { return i }
    let i = Int32(sourceSets.count)
    sourceSets.append(list)
    sourceSetIndex[list] = i
    return i
  }

  /// Calls `body` with each `;`-separated item of `text` (empty items included).
  private static func forEachItem(
    of text: UnsafeBufferPointer<UInt8>, _ body: (UnsafePointer<UInt8>, Int) -> Void
  ) {
    let base = text.baseAddress!
    var start = 0
    for i in 0...text.count where i == text.count || base[i] == UInt8(ascii: ";") {
      body(base + start, i - start)
      start = i + 1
    }
  }

  private mutating func respondsTo(_ field: CSVField, _ r: CSVRecordView, column: Int) {
    let text = text(field, r)
    if text.isEmpty { return }
    if field.flags & CSVFieldFlags.nonASCII != 0 && String(validating: text, as: UTF8.self) == nil {
      reportValue(Self.invalidUTF8(text), field, r, column: column)
      return
    }
    var list: [Int32] = []
    var hasEmpty = false
    Self.forEachItem(of: text) { p, n in
      if n == 0 {
        hasEmpty = true
      } else {
        list.append(Self.intern(p, n, table: &idTable, strings: &ids, checked: false))
      }
    }
    if hasEmpty {
      reportValue(
        "expected action ids separated by \";\", found an empty id in \(CSVScanner.quoted(text))",
        field, r, column: column)
    }
    if !list.isEmpty { responses.append((r.index, list)) }
  }

  private mutating func note(_ field: CSVField, _ r: CSVRecordView, column: Int) {
    let text = text(field, r)
    if text.isEmpty { return }
    guard let s = Self.string(text, checked: field.flags & CSVFieldFlags.nonASCII != 0) else {
      reportValue(Self.invalidUTF8(text), field, r, column: column)
      return
    }
    notes.append((r.index, s))
  }

  // MARK: Numbers and dates

  /// The count of a plain field of up to 8 digits, ``ActionTable/noCount`` when empty, below
  /// that (the slow path decides) otherwise.
  @inline(__always)
  private static func count(_ field: CSVField, _ p: UnsafeMutablePointer<UInt8>) -> Int64 {
    guard field.flags & ~CSVFieldFlags.quoted == 0 else { return -2 }
    let q = Int(field.flags)  // 1 when quoted
    let n = field.end &- field.start &- 2 &* q
    if n == 0 { return ActionTable.noCount }
    guard n <= 8, let v = digits(p + field.start + q, n) else { return -2 }
    return v
  }

  /// The value of 1 to 8 ASCII digits at `p`, or `nil` when some byte is not a digit. SWAR:
  /// the digits are loaded as one word, padded on the left with `0`s, checked and combined
  /// pairwise in three multiplications, without a branch per digit.
  @inline(__always)
  static func digits(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
    let raw = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    let pad = UInt64(truncatingIfNeeded: 8 &- n) &* 8  // bits of left padding, 0...56
    let zeros: UInt64 = 0x3030_3030_3030_3030
    let word = (raw &<< pad) | (zeros & ((1 &<< pad) &- 1))  // first digit in the lowest byte
    let high = word & 0xF0F0_F0F0_F0F0_F0F0
    let low = word & 0x0F0F_0F0F_0F0F_0F0F
    guard high == zeros, (low &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0 == 0 else {
      return nil
    }
    var v = (low &* 10 &+ (low &>> 8)) & 0x00FF_00FF_00FF_00FF
    v = (v &* 100 &+ (v &>> 16)) & 0x0000_FFFF_0000_FFFF
    v = (v &* 10000 &+ (v &>> 32)) & 0xFFFF_FFFF
    return Int64(v)
  }

  @inline(never)
  private mutating func countSlow(_ field: CSVField, _ r: CSVRecordView, column: Int) -> Int64 {
    let text = text(field, r)
    if text.isEmpty { return ActionTable.noCount }
    var v: Int64 = 0
    var overflow = false
    for b in text {
      let d = b &- 48
      guard d <= 9 else {
        reportValue(
          "expected a whole number of diplomats ≥ 0, found \(CSVScanner.quoted(text))", field, r,
          column: column)
        return ActionTable.noCount
      }
      if !overflow {
        let (m, o1) = v.multipliedReportingOverflow(by: 10)
        let (s, o2) = m.addingReportingOverflow(Int64(d))
        overflow = o1 || o2
        v = s
      }
    }
    if overflow {
      reportValue(
        "expected a whole number of diplomats ≥ 0, found \(CSVScanner.quoted(text)), which is "
          + "larger than \(Int64.max)", field, r, column: column)
      return ActionTable.noCount
    }
    return v
  }

  /// What ``date(_:_:)`` returns when the slow path must decide.
  private static let slowDate = Int32.min + 1

  /// The day of a plain field equal to the last date read, ``ActionTable/noDate`` when
  /// empty, ``slowDate`` otherwise. Files are usually sorted by date: most rows hit.
  @inline(__always)
  private func date(_ field: CSVField, _ p: UnsafeMutablePointer<UInt8>) -> Int32 {
    guard field.flags & ~CSVFieldFlags.quoted == 0 else { return Self.slowDate }
    let q = Int(field.flags)
    let n = field.end &- field.start &- 2 &* q
    if n == 0 { return ActionTable.noDate }
    guard n == 10, hasLastDate else { return Self.slowDate }
    let raw = UnsafeRawPointer(p + field.start + q)
    let word = raw.loadUnaligned(as: UInt64.self)
    let tail = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
    return word == lastDateWord && tail == lastDateTail ? lastDate : Self.slowDate
  }

  @inline(never)
  private mutating func dateSlow(_ field: CSVField, _ r: CSVRecordView, column: Int) -> Int32 {
    let text = text(field, r)
    if text.isEmpty { return ActionTable.noDate }
    if let day = Day(isoBytes: text) {
      if text.count == 10 {
        let raw = UnsafeRawPointer(text.baseAddress!)
        lastDateWord = raw.loadUnaligned(as: UInt64.self)
        lastDateTail = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        lastDate = day.daysSinceEpoch
        hasLastDate = true
      }
      return day.daysSinceEpoch
    }
    if let partial = PartialDate(isoBytes: text) {
      partialDates.append((r.index, partial))
      return ActionTable.noDate
    }
    if let advice = Day.ambiguityAdvice(String(decoding: text, as: UTF8.self)) {
      reportValue(
        "expected a date as YYYY-MM-DD, found \(CSVScanner.quoted(text)): \(advice)", field, r,
        column: column)
      return ActionTable.noDate
    }
    let shaped =
      text.count == 10
      && text.indices.allSatisfy { i in
        i == 4 || i == 7 ? text[i] == UInt8(ascii: "-") : text[i] &- 48 <= 9
      }
    reportValue(
      shaped
        ? "expected a date as YYYY-MM-DD, found \(CSVScanner.quoted(text)), a day that does "
          + "not exist"
        : "expected a date as YYYY-MM-DD, found \(CSVScanner.quoted(text))", field, r,
      column: column)
    return ActionTable.noDate
  }
}
