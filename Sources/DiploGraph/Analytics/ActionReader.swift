/// Reads rows of an action table into ``ActionReference`` values quickly: the typed ids of
/// every symbol are made once, so a reference costs a few array reads and no string work. A
/// class, so that the closures and values holding it share one copy of its columns.
final class ActionReader: Sendable {
  let actorIDs: [ActorID]
  let kinds: [ActionKind]
  let ids: [ActionID]
  let actorColumn: [Int32]
  let targetColumn: [Int32]
  let kindColumn: [UInt16]
  let countColumn: [Int64]
  let dateColumn: [Int32]
  let idColumn: [Int32]

  init(_ table: ActionTable) {
    actorIDs = table.endpointSymbols.strings.map { ActorID($0) }
    kinds = table.kindSymbols.strings.map { ActionKind($0) }
    ids = table.idSymbols.strings.map { ActionID($0) }
    actorColumn = table.actorColumn
    targetColumn = table.targetColumn
    kindColumn = table.kindColumn
    countColumn = table.countColumn
    dateColumn = table.dateColumn
    idColumn = table.idColumn
  }

  func count(_ row: Int) -> Int64? {
    let c = countColumn[row]
    return c == ActionTable.noCount ? nil : c
  }

  func date(_ row: Int) -> Day? {
    let d = dateColumn[row]
    return d == ActionTable.noDate ? nil : Day(daysSinceEpoch: d)
  }

  func reference(_ row: Int) -> ActionReference {
    let id = idColumn.isEmpty || idColumn[row] < 0 ? nil : ids[Int(idColumn[row])]
    return ActionReference(
      row: row, id: id, actor: actorIDs[Int(actorColumn[row])],
      target: actorIDs[Int(targetColumn[row])], kind: kinds[Int(kindColumn[row])],
      count: count(row).map { Int($0) }, date: date(row))
  }

  /// A key that orders rows by date (undated last), then by row.
  func orderKey(_ row: Int) -> UInt64 {
    let d = dateColumn[row]
    let day: UInt64 =
      d == ActionTable.noDate ? 0xFFFF_FFFF : UInt64(UInt32(bitPattern: d) ^ 0x8000_0000)
    return day << 32 | UInt64(UInt32(truncatingIfNeeded: row))
  }
}
