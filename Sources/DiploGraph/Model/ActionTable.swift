/// The actions of a data set, stored column by column.
///
/// Read it as a collection of ``Action`` values (`table[i]`, `for action in table`), or one
/// field at a time (``count(row:)``, ``date(row:)``, …); build it with ``append(_:)``.
/// Underneath, each field is a column of small integers over interned symbols, which keeps a
/// bulk export of millions of actions compact and lets the analytics scan plain arrays. Rare
/// fields (notes, claims, answers) are sparse columns that cost nothing when empty. The columns
/// are the package's own: the analytics read them through ``Network/actions``.
///
/// Row order is the order of the input and is preserved by every reader and writer.
public struct ActionTable: Hashable, Sendable, RandomAccessCollection {
  /// Actor and target ids, as spelled in the actions.
  package internal(set) var endpointSymbols = SymbolTable()
  package internal(set) var kindSymbols = SymbolTable()
  package internal(set) var sourceSymbols = SymbolTable()
  /// Action ids (each id once; uniqueness is checked by validation, not here).
  package internal(set) var idSymbols = SymbolTable()
  /// Distinct lists of source indices; the `sourceSets` column points into it.
  package internal(set) var sourceSetTable: [[Int32]] = [[]]
  var sourceSetIndex: [[Int32]: Int32] = [[]: 0]

  /// Endpoint symbol of the acting actor, per row.
  package internal(set) var actorColumn: [Int32] = []
  /// Endpoint symbol of the target, per row.
  package internal(set) var targetColumn: [Int32] = []
  /// Kind symbol, per row.
  package internal(set) var kindColumn: [UInt16] = []
  /// Count per row; ``noCount`` when the action has none.
  package internal(set) var countColumn: [Int64] = []
  /// Day number per row (see ``Day``); ``noDate`` when undated.
  package internal(set) var dateColumn: [Int32] = []
  /// Index into ``sourceSetTable``, per row.
  package internal(set) var sourceSetColumn: [Int32] = []
  /// Id symbol per row, or -1. Empty while no row has an id, or while the ids are numbers.
  package internal(set) var idColumn: [Int32] = []
  /// Id per row as a number, or -1, while every id of the table is a plain whole number
  /// (``plainNumber(_:)``) and no row answers another: event data's ids (GDELT's
  /// GLOBALEVENTID, ICEWS's Event ID), one per event, which as symbols would cost a string and
  /// a hash entry each. Spelled when read. Empty otherwise; never non-empty beside
  /// ``idColumn``: the first id that is not such a number, or the first answer, turns the
  /// numbers into symbols (``spellNumericIDs()``).
  package internal(set) var idNumbers: [Int64] = []

  /// Mentions per row: how often the news mentioned the event, for event data that says so
  /// (GDELT's NumMentions). Empty when the data has none; else as long as the other columns.
  package internal(set) var mentionsColumn: [Int32] = []

  /// Rows that answer other actions, with the id symbols they answer (ascending rows).
  package internal(set) var responses = SparseColumn<[Int32]>()
  package internal(set) var notes = SparseColumn<String>()
  /// Dates known to the month or year only, for rows without a day (``Action/partialDate``).
  package internal(set) var partialDates = SparseColumn<PartialDate>()
  package internal(set) var claimsColumn = SparseColumn<[Claim]>()

  public static let noCount: Int64 = -1
  public static let noDate: Int32 = .min
  /// Kinds are stored in 16 bits: no data set needs more distinct kinds than this.
  public static let maxKinds = Int(UInt16.max) + 1

  public init() {}

  public init(_ actions: some Sequence<Action>) {
    for a in actions { append(a) }
  }

  // MARK: Collection

  public var startIndex: Int { 0 }
  public var endIndex: Int { actorColumn.count }

  public subscript(row: Int) -> Action {
    Action(
      id: actionID(row: row), actor: actor(row: row), target: target(row: row),
      kind: kind(row: row), count: count(row: row), date: date(row: row),
      respondsTo: respondsTo(row: row), sources: sources(row: row), claims: claims(row: row),
      note: note(row: row), partialDate: partialDate(row: row))
  }

  // MARK: Field access without building an Action

  public func count(row: Int) -> Int? {
    let c = countColumn[row]
    return c == Self.noCount ? nil : Int(c)
  }

  public func date(row: Int) -> Day? {
    let d = dateColumn[row]
    return d == Self.noDate ? nil : Day(daysSinceEpoch: d)
  }

  public func actionID(row: Int) -> ActionID? {
    if !idNumbers.isEmpty {
      return idNumbers[row] < 0 ? nil : ActionID(String(idNumbers[row]))
    }
    guard !idColumn.isEmpty, idColumn[row] >= 0 else { return nil }
    return ActionID(idSymbols[idColumn[row]])
  }

  /// Whether the ids are kept as numbers (``idNumbers``).
  package var idsAreNumbers: Bool { !idNumbers.isEmpty }

  public func actor(row: Int) -> ActorID { ActorID(endpointSymbols[actorColumn[row]]) }
  public func target(row: Int) -> ActorID { ActorID(endpointSymbols[targetColumn[row]]) }
  public func kind(row: Int) -> ActionKind { ActionKind(kindSymbols[Int32(kindColumn[row])]) }

  /// The source ids of a row.
  public func sources(row: Int) -> [SourceID] {
    sourceSetTable[Int(sourceSetColumn[row])].map { SourceID(sourceSymbols[$0]) }
  }

  /// The ids of the actions a row answers.
  public func respondsTo(row: Int) -> [ActionID] {
    (responses[row] ?? []).map { ActionID(idSymbols[$0]) }
  }

  /// What sources say about a row's count.
  public func claims(row: Int) -> [Claim] { claimsColumn[row] ?? [] }

  /// A row's note.
  public func note(row: Int) -> String? { notes[row] }

  /// A row's date known to the month or year only; `nil` for a row with a day or no date.
  public func partialDate(row: Int) -> PartialDate? {
    partialDates.isEmpty ? nil : partialDates[row]
  }

  /// Whether any row carries claims (the CSV format has no column for them).
  public var hasClaims: Bool { !claimsColumn.isEmpty }

  /// Whether the rows carry mentions (event data that counts them: GDELT).
  public var hasMentions: Bool { !mentionsColumn.isEmpty }

  /// How often the news mentioned a row's event; `nil` when the data does not say.
  public func mentions(row: Int) -> Int? { mentionsColumn.isEmpty ? nil : Int(mentionsColumn[row]) }

  /// Whether any row carries an id (the CSV writer then writes an `id` column).
  public var hasIDs: Bool { idColumn.contains { $0 >= 0 } || idNumbers.contains { $0 >= 0 } }

  /// `spelling` as a number when it is a plain whole number: decimal digits without a sign or
  /// a leading zero (`0` alone excepted), at most 18 of them, so that the number spells back
  /// to the same text. `nil` otherwise.
  package static func plainNumber(_ spelling: String) -> Int64? {
    var spelling = spelling
    return spelling.withUTF8 { plainNumber($0.baseAddress, $0.count) }
  }

  /// The bytes at `start` as a plain whole number (see ``plainNumber(_:)``), or `nil`.
  package static func plainNumber(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int64? {
    guard let start, (1...18).contains(count), start[0] != 0x30 || count == 1 else { return nil }
    var value: Int64 = 0
    for i in 0..<count {
      let digit = start[i] &- 0x30
      guard digit < 10 else { return nil }
      value = value &* 10 &+ Int64(digit)
    }
    return value
  }

  // MARK: Building

  /// Appends one action.
  ///
  /// - Precondition: `count`, when present, is not negative (readers reject negative counts
  ///   with a located error before they get here); the data set uses fewer than 65,536 kinds.
  public mutating func append(_ action: Action) {
    let kind = kindSymbols.intern(action.kind.rawValue)
    precondition(Int(kind) < Self.maxKinds, "more than \(Self.maxKinds) action kinds")
    precondition((action.count ?? 0) >= 0, "negative count")
    // Ids stay numbers while every id is a plain number and nothing answers (``idNumbers``).
    let number = action.id.flatMap { Self.plainNumber($0.rawValue) }
    let numeric =
      action.respondsTo.isEmpty && responses.isEmpty && idColumn.isEmpty
      && (action.id == nil || number != nil)
    if !numeric { spellNumericIDs() }
    appendRow(
      actor: endpointSymbols.intern(action.actor.rawValue),
      target: endpointSymbols.intern(action.target.rawValue),
      kind: UInt16(kind),
      count: action.count.map(Int64.init) ?? Self.noCount,
      date: action.date?.daysSinceEpoch ?? Self.noDate,
      sourceSet: internSourceSet(action.sources.map { sourceSymbols.intern($0.rawValue) }),
      id: numeric ? nil : action.id.map { idSymbols.intern($0.rawValue) },
      idNumber: numeric ? number : nil
    )
    let row = endIndex - 1
    if !action.respondsTo.isEmpty {
      responses.append(row: row, action.respondsTo.map { idSymbols.intern($0.rawValue) })
    }
    if let note = action.note { notes.append(row: row, note) }
    if action.date == nil, let partial = action.partialDate {
      partialDates.append(row: row, partial)
    }
    if !action.claims.isEmpty { claimsColumn.append(row: row, action.claims) }
  }

  /// Turns ids kept as numbers into symbols, in row order (as ``append(_:)`` would have
  /// interned them); nothing when they are symbols already.
  mutating func spellNumericIDs() {
    guard !idNumbers.isEmpty else { return }
    idColumn = idNumbers.map { $0 < 0 ? -1 : idSymbols.intern(String($0)) }
    idNumbers = []
  }

  /// Appends a row of already-interned values: the bulk readers' path. `id` is a symbol (ids
  /// kept as numbers are spelled first); `idNumber`, given only while ``idColumn`` is empty, an
  /// id kept as a number.
  mutating func appendRow(
    actor: Int32, target: Int32, kind: UInt16, count: Int64, date: Int32, sourceSet: Int32,
    id: Int32? = nil, idNumber: Int64? = nil
  ) {
    actorColumn.append(actor)
    targetColumn.append(target)
    kindColumn.append(kind)
    countColumn.append(count)
    dateColumn.append(date)
    sourceSetColumn.append(sourceSet)
    if !mentionsColumn.isEmpty { mentionsColumn.append(0) }
    if id != nil { spellNumericIDs() }
    if let id {
      if idColumn.isEmpty { idColumn = Array(repeating: -1, count: actorColumn.count - 1) }
      idColumn.append(id)
    } else if !idColumn.isEmpty {
      idColumn.append(-1)
    } else if let idNumber {
      if idNumbers.isEmpty { idNumbers = Array(repeating: -1, count: actorColumn.count - 1) }
      idNumbers.append(idNumber)
    } else if !idNumbers.isEmpty {
      idNumbers.append(-1)
    }
  }

  /// The index of a list of source symbols in ``sourceSetTable``, adding it when new.
  mutating func internSourceSet(_ symbols: [Int32]) -> Int32 {
    if let i = sourceSetIndex[symbols] { return i }
    let i = Int32(sourceSetTable.count)
    sourceSetTable.append(symbols)
    sourceSetIndex[symbols] = i
    return i
  }

  /// Reserves room for `n` more rows.
  public mutating func reserveCapacity(_ n: Int) {
    let total = count + n
    actorColumn.reserveCapacity(total)
    targetColumn.reserveCapacity(total)
    kindColumn.reserveCapacity(total)
    countColumn.reserveCapacity(total)
    dateColumn.reserveCapacity(total)
    sourceSetColumn.reserveCapacity(total)
  }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.sameValues(as: rhs) }
  public func hash(into hasher: inout Hasher) { hashValues(into: &hasher) }
}

/// A column that holds values for a few rows only, appended in ascending row order.
package struct SparseColumn<Value: Hashable & Sendable>: Hashable, Sendable {
  package private(set) var rows: [Int32] = []
  package private(set) var values: [Value] = []

  package init() {}

  package var isEmpty: Bool { rows.isEmpty }

  /// Appends a value for `row`, which must be greater than every row already present.
  package mutating func append(row: Int, _ value: Value) {
    precondition(rows.last.map { Int($0) < row } ?? true, "sparse rows must ascend")
    rows.append(Int32(row))
    values.append(value)
  }

  /// The value at `row`, found by binary search.
  package subscript(row: Int) -> Value? {
    var lo = 0
    var hi = rows.count
    let key = Int32(truncatingIfNeeded: row)
    while lo < hi {
      let mid = (lo + hi) / 2
      if rows[mid] < key { lo = mid + 1 } else { hi = mid }
    }
    return lo < rows.count && rows[lo] == key ? values[lo] : nil
  }

  /// Present rows and their values, in row order.
  package var entries: Zip2Sequence<[Int32], [Value]> { zip(rows, values) }
}
