/// Reads rows of an action table into ``ActionReference`` values quickly: the typed ids of
/// actors and kinds are made once, so a reference costs a few array reads and no string work
/// (action ids, which may be as many as the rows, are made when read). A class, so that the
/// closures and values holding it share one copy of its columns. Making one costs O(A + k) for
/// A endpoint symbols and k kinds (the columns are shared, not copied, and not scanned).
final class ActionReader: Sendable {
  let actorIDs: [ActorID]
  let kinds: [ActionKind]
  let idSymbols: SymbolTable
  let actorColumn: [Int32]
  let targetColumn: [Int32]
  let kindColumn: [UInt16]
  let countColumn: [Int64]
  /// What each row weighs in the totals of exchanges and chains: the network's
  /// ``ActionWeight`` (the count column itself under ``ActionWeight/count``).
  let weightColumn: [Int64]
  let dateColumn: [Int32]
  let idColumn: [Int32]
  /// The ids kept as numbers (``ActionTable/idNumbers``), or empty.
  let idNumbers: [Int64]
  /// The kind symbol of `declined`, or −1 when the table has none.
  let declinedKind: Int

  /// - Parameter weight: what an action weighs in totals (``weight(_:)``); references keep the
  ///   action's own count whatever the weight.
  convenience init(_ table: ActionTable, weight: ActionWeight = .count) {
    self.init(table, weights: weight.column(of: table))
  }

  /// A reader whose totals use `weights`, one per row (``ActionWeight/column(of:)``): a
  /// network's selected actions hold that column already (``SelectedActions``), and sharing it
  /// spares a second column of 8 bytes per row under the weights `events` and `mentions`.
  init(_ table: ActionTable, weights: [Int64]) {
    precondition(weights.count == table.count, "one weight per row")
    actorIDs = table.endpointSymbols.strings.map { ActorID($0) }
    kinds = table.kindSymbols.strings.map { ActionKind($0) }
    idSymbols = table.idSymbols
    actorColumn = table.actorColumn
    targetColumn = table.targetColumn
    kindColumn = table.kindColumn
    countColumn = table.countColumn
    weightColumn = weights
    dateColumn = table.dateColumn
    idColumn = table.idColumn
    idNumbers = table.idNumbers
    declinedKind = kinds.firstIndex(of: .declined) ?? -1
  }

  /// Whether row `row` is of kind `declined`.
  @inline(__always)
  func isDeclined(_ row: Int) -> Bool { Int(kindColumn[row]) == declinedKind }

  func count(_ row: Int) -> Int64? {
    let c = countColumn[row]
    return c == ActionTable.noCount ? nil : c
  }

  /// What row `row` weighs in a total; `nil` for an action without a count under
  /// ``ActionWeight/count``.
  func weight(_ row: Int) -> Int64? {
    let w = weightColumn[row]
    return w == ActionTable.noCount ? nil : w
  }

  func date(_ row: Int) -> Day? {
    let d = dateColumn[row]
    return d == ActionTable.noDate ? nil : Day(daysSinceEpoch: d)
  }

  func id(_ row: Int) -> ActionID? {
    if !idNumbers.isEmpty { return idNumbers[row] < 0 ? nil : ActionID(String(idNumbers[row])) }
    return idColumn.isEmpty || idColumn[row] < 0 ? nil : ActionID(idSymbols[idColumn[row]])
  }

  func reference(_ row: Int) -> ActionReference {
    ActionReference(
      row: row, id: id(row), actor: actorIDs[Int(actorColumn[row])],
      target: actorIDs[Int(targetColumn[row])], kind: kinds[Int(kindColumn[row])],
      count: count(row).map { Int($0) }, date: date(row))
  }

  /// A key that orders rows by date (undated last), then by row.
  func orderKey(_ row: Int) -> UInt64 { Self.orderKey(day: dateColumn[row], row: row) }

  /// The order key of row `row` dated `day` (``ActionTable/noDate`` when undated).
  @inline(__always)
  static func orderKey(day d: Int32, row: Int) -> UInt64 {
    let day: UInt64 =
      d == ActionTable.noDate ? 0xFFFF_FFFF : UInt64(UInt32(bitPattern: d) ^ 0x8000_0000)
    return day << 32 | UInt64(UInt32(truncatingIfNeeded: row))
  }
}
