/// What a part reader keeps from line to line: the field bounds of the line being read, and
/// the part's byte-keyed tables of codes, country spellings, ids and sources.
///
/// Each table is a ``CSVInterner``: a field is hashed as bytes where it lies in the read
/// buffer, and a `String` is made only the first time the part meets a spelling.
struct EventLineState {
  /// The bounds of the first `columnCount` fields of the line being read.
  let starts: UnsafeMutablePointer<Int>
  let ends: UnsafeMutablePointer<Int>
  /// Where a POLECAT code's key (type, mode, contexts) is put together, zero-padded.
  let scratch: UnsafeMutablePointer<UInt8>
  /// The layout's spellings of "no value", as bytes.
  let missing: [[UInt8]]

  /// Codes (or PLOVER keys) → entry; per entry the kind's name ("" when the code is not
  /// kept) and its part-local kind symbol (-1 until an event of it is kept).
  var codes = CSVInterner(capacity: 64)
  var codeKinds: [String] = []
  var codeSymbols: [Int32] = []
  /// Country spellings → entry; per entry the spelling, its actor symbol, and how often it
  /// was met when the reference does not know it (0 when it does).
  var spellingTable = CSVInterner(capacity: 256)
  var spellings: [String] = []
  var spellingSymbol: [Int32] = []
  var spellingUnknown: [Int] = []
  var ids = CSVInterner(capacity: 1024)
  var sources = CSVInterner(capacity: 64)

  init(layout: EventLayout, scratchCapacity: Int) {
    starts = .allocate(capacity: layout.columnCount + 1)
    ends = .allocate(capacity: layout.columnCount + 1)
    scratch = .allocate(capacity: scratchCapacity)
    scratch.initialize(repeating: 0, count: scratchCapacity)
    missing = layout.missing.map { Array($0.utf8) }
  }

  func deallocate() {
    starts.deallocate()
    ends.deallocate()
    scratch.deallocate()
  }

  /// Splits the `count` bytes at `base` at tabs: the bounds of the first `columns` fields go
  /// to ``starts`` and ``ends``. Eight bytes at a time: a word's tabs are its zero bytes once
  /// XORed with `0x09…`, found exactly (no carry between bytes) and taken lowest first.
  ///
  /// - Returns: the number of fields, and whether a field past the first `columns` holds
  ///   something.
  func split(_ base: UnsafePointer<UInt8>, _ count: Int, columns: Int) -> (Int, Bool) {
    var fields = 0
    var fieldStart = 0
    var extraNonEmpty = false
    @inline(__always) func tab(at j: Int) {
      if fields < columns {
        starts[fields] = fieldStart
        ends[fields] = j
      } else if j > fieldStart {
        extraNonEmpty = true
      }
      fields &+= 1
      fieldStart = j &+ 1
    }
    let raw = UnsafeRawPointer(base)
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    var i = 0
    while i &+ 8 <= count {
      let x =
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        ^ 0x0909_0909_0909_0909
      var zeros = ~(((x & low) &+ low) | x | low)
      while zeros != 0 {
        tab(at: i &+ (zeros.trailingZeroBitCount &>> 3))
        zeros &= zeros &- 1
      }
      i &+= 8
    }
    while i < count {
      if base[i] == 0x09 { tab(at: i) }
      i &+= 1
    }
    tab(at: count)
    return (fields, extraNonEmpty)
  }

  /// Whether the `n` bytes at `p` are empty or one of the `missing` spellings of "no value".
  @inline(__always)
  static func isMissing(_ p: UnsafePointer<UInt8>, _ n: Int, _ missing: [[UInt8]]) -> Bool {
    if n == 0 { return true }
    if missing.isEmpty { return false }
    let field = UnsafeBufferPointer(start: p, count: n)
    return missing.contains { $0.elementsEqual(field) }
  }

  /// The entry of the `n` bytes at `p` in `table`, adding it (with `make()`) when new.
  @inline(__always)
  static func entry(
    _ p: UnsafePointer<UInt8>, _ n: Int, in table: inout CSVInterner, _ strings: inout [String],
    make: () -> String
  ) -> Int32 {
    let v = table.lookup(p, n)
    if v != CSVInterner.absent { return v }
    let k = Int32(strings.count)
    strings.append(make())
    table.insert(p, n, value: k)
    return k
  }
}

extension EventPartReader {
  /// Reads one line (without its line feed) at file offset `offset`.
  func record(
    _ bytes: UnsafeBufferPointer<UInt8>, offset: Int, part: inout EventPart,
    state: inout EventLineState
  ) throws {
    var count = bytes.count
    if count > 0 && bytes[count - 1] == 0x0D { count -= 1 }  // CRLF
    guard count > 0 else { return }
    let line = part.lines
    let base = bytes.baseAddress!
    let columns = layout.columnCount
    let (fields, extraNonEmpty) = state.split(base, count, columns: columns)
    if fields < columns || (fields > columns && (extraNonEmpty || !layout.allowsTrailingEmpty)) {
      problem(
        &part, line: line, bytes: bytes, column: nil,
        "expected \(columns) tab-separated fields (\(layout.name)), found \(fields)")
      return
    }
    let starts = state.starts
    let ends = state.ends
    let missing = state.missing
    func isMissing(_ column: Int) -> Bool {
      EventLineState.isMissing(base + starts[column], ends[column] - starts[column], missing)
    }
    func text(_ column: Int) -> String {
      String(
        decoding: UnsafeBufferPointer(
          start: base + starts[column], count: ends[column] - starts[column]),
        as: UTF8.self)
    }
    func value(_ column: Int) -> String? { isMissing(column) ? nil : text(column) }
    // The code first: most events are of other codes and cost a hash of their code's bytes.
    guard !isMissing(layout.code) else {
      let what = layout.vocabulary == .plover ? "an event type" : "an event code"
      problem(&part, line: line, bytes: bytes, column: layout.code, "expected \(what)")
      return
    }
    let code: Int
    switch selection {
    case .cameo(let filter):
      code = Int(
        EventLineState.entry(
          base + starts[layout.code], ends[layout.code] - starts[layout.code],
          in: &state.codes, &state.codeKinds
        ) {
          let written = text(layout.code)
          return filter.keeps(written) ? layout.kindPrefix + written : ""
        })
    case .plover(let filter):
      // The key: type, mode and contexts as written (a missing one empty), tab-separated.
      var n = 0
      for (k, column) in [layout.code, layout.mode, layout.contexts].enumerated() {
        if k > 0 {
          state.scratch[n] = 0x09
          n += 1
        }
        guard let column, !isMissing(column) else { continue }
        let length = ends[column] - starts[column]
        (state.scratch + n).update(from: base + starts[column], count: length)
        n += length
      }
      code = Int(
        EventLineState.entry(state.scratch, n, in: &state.codes, &state.codeKinds) {
          filter.kind(
            type: text(layout.code), mode: layout.mode.flatMap(value) ?? "",
            contexts: layout.contexts.flatMap(value) ?? "") ?? ""
        })
      // What lies past the key must stay zero for the table's word reads.
      (state.scratch).update(repeating: 0, count: n)
    }
    if state.codeSymbols.count < state.codeKinds.count { state.codeSymbols.append(-1) }
    guard !state.codeKinds[code].isEmpty else {
      part.otherCodes += 1
      return
    }
    guard !isMissing(layout.actor), !isMissing(layout.target) else {
      part.withoutCountries += 1
      return
    }
    guard let day = parseDay(bytes, starts[layout.date], ends[layout.date]) else {
      let format = layout.dateStyle == .compact ? "YYYYMMDD" : "YYYY-MM-DD"
      problem(
        &part, line: line, bytes: bytes, column: layout.date,
        "expected a day as \(format), found \"\(text(layout.date))\"")
      return
    }
    var mentions: Int32 = 0
    if let column = layout.mentions, !isMissing(column) {
      guard let n = Self.wholeNumber(base + starts[column], ends[column] - starts[column])
      else {
        problem(
          &part, line: line, bytes: bytes, column: column,
          "expected a whole number of mentions ≥ 0, found \"\(text(column))\"")
        return
      }
      mentions = n
    }
    guard !isMissing(layout.id) else {
      problem(&part, line: line, bytes: bytes, column: layout.id, "expected an event id")
      return
    }
    guard part.actor.count <= maxActions else {
      part.stopped = true
      return
    }
    if state.codeSymbols[code] < 0 {
      state.codeSymbols[code] = part.kindNames.intern(state.codeKinds[code])
    }
    part.kind.append(state.codeSymbols[code])
    let actor = actorSymbol(layout.actor, base, part: &part, state: &state)
    let target = actorSymbol(layout.target, base, part: &part, state: &state)
    part.actor.append(actor)
    part.target.append(target)
    part.date.append(day)
    part.mentions.append(mentions)
    let idStart = base + starts[layout.id]
    let idLength = ends[layout.id] - starts[layout.id]
    if let number = ActionTable.plainNumber(idStart, idLength) {
      part.id.append(number)
    } else {
      let local = EventLineState.entry(idStart, idLength, in: &state.ids, &part.idStrings) {
        text(layout.id)
      }
      part.id.append(-1 - Int64(local))
    }
    var source: Int32 = -1
    if let column = layout.source, !isMissing(column) {
      source = EventLineState.entry(
        base + starts[column], ends[column] - starts[column], in: &state.sources,
        &part.sourceStrings
      ) { text(column) }
    }
    part.source.append(source)
    part.line.append(Int32(truncatingIfNeeded: line))
    part.offset.append(offset)
  }

  /// The part-local actor symbol of the country spelled in field `column`: the reference's
  /// id when it knows the spelling, else the spelling as written (counted).
  private func actorSymbol(
    _ column: Int, _ base: UnsafePointer<UInt8>, part: inout EventPart,
    state: inout EventLineState
  ) -> Int32 {
    let p = base + state.starts[column]
    let n = state.ends[column] - state.starts[column]
    let v = state.spellingTable.lookup(p, n)
    if v != CSVInterner.absent {
      let k = Int(v)
      if state.spellingUnknown[k] > 0 { state.spellingUnknown[k] += 1 }
      return state.spellingSymbol[k]
    }
    let spelling = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    let match = reference.resolve(spelling)
    let symbol = part.actorNames.intern(match?.id.rawValue ?? spelling)
    state.spellingTable.insert(p, n, value: Int32(state.spellings.count))
    state.spellings.append(spelling)
    state.spellingSymbol.append(symbol)
    state.spellingUnknown.append(match == nil ? 1 : 0)
    return symbol
  }

  /// The whole number ≥ 0 written in the `n` bytes at `p`, as `Int32`'s parser reads it
  /// (digits, or a sign and digits); `nil` for anything else or a negative number.
  private static func wholeNumber(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32? {
    if n > 0 && n <= 9 {
      var v: Int32 = 0
      var k = 0
      while k < n {
        let d = Int32(p[k]) &- 48
        guard d >= 0 && d <= 9 else { break }
        v = v &* 10 &+ d
        k += 1
      }
      if k == n { return v }
    }
    guard let v = Int32(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)),
      v >= 0
    else { return nil }
    return v
  }

  /// The day written in `bytes[start..<end]` in the layout's style, as a day number.
  func parseDay(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32? {
    func digits(_ from: Int, _ n: Int) -> Int? {
      var v = 0
      for i in from..<from + n {
        let d = Int(bytes[i]) - 48
        guard (0...9).contains(d) else { return nil }
        v = v * 10 + d
      }
      return v
    }
    switch layout.dateStyle {
    case .compact:
      guard end - start == 8, let y = digits(start, 4), let m = digits(start + 4, 2),
        let d = digits(start + 6, 2)
      else { return nil }
      return Day(year: y, month: m, day: d)?.daysSinceEpoch
    case .iso:
      guard end - start == 10 else { return nil }
      return Day(isoBytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))?.daysSinceEpoch
    }
  }
}
