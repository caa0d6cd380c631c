/// The rows of an action table a selection keeps, ascending: a list of them, or, when the
/// selection keeps every row, just their number. Most analyses select everything, and an
/// identity list of 10 million rows would cost 40 MB for nothing.
package struct SelectedRows: RandomAccessCollection, Hashable, Sendable {
  /// The rows, when the selection leaves some out; empty when it keeps them all.
  let list: [Int32]
  /// Whether position p is row p (every row of the table is kept): ``list`` is then empty.
  let isEveryRow: Bool
  package let endIndex: Int

  /// Every row of a table of `count` rows.
  init(everyRowOf count: Int) {
    list = []
    isEveryRow = true
    endIndex = count
  }

  /// These rows (ascending) of a table of `tableCount` rows: every row when they are all of
  /// them.
  init(_ rows: [Int32], tableCount: Int) {
    let isEveryRow = rows.count == tableCount
    list = isEveryRow ? [] : rows
    self.isEveryRow = isEveryRow
    endIndex = rows.count
  }

  package var startIndex: Int { 0 }

  @inline(__always)
  package subscript(position: Int) -> Int32 {
    isEveryRow ? Int32(position) : list[position]
  }
}
