/// The selected actions of a ``Network``, read as typed values: the one loop every analytic,
/// the diagram model and the writers share for "the selected rows, self-loops left out".

/// One selected action of a network: where it is (its position among the selected actions and
/// its row in the table), its two ends as node indices, and its values.
///
/// A plain value, made on the fly from the table's columns by ``SelectedActions``: nothing is
/// allocated or retained, so that a loop over millions of them costs what a loop over the
/// columns does.
public struct SelectedAction: Hashable, Sendable {
  /// Index among the network's selected actions, self-loops included (see
  /// ``SelectedActions/positions``).
  public let position: Int
  /// Row in the network's `dataSet.actions`.
  public let row: Int
  /// Node index of the acting actor.
  public let actor: Int
  /// Node index of the target.
  public let target: Int
  /// The count as stored: ``ActionTable/noCount`` when the action has none.
  package let storedCount: Int64
  /// The day number as stored: ``ActionTable/noDate`` when the action is undated.
  package let storedDate: Int32
  /// The kind's symbol in the table's kinds.
  package let kindSymbol: Int
  /// The index of the action's list of sources in the table.
  package let sourceSet: Int

  /// The number of diplomats, when the action has one.
  public var count: Int? { storedCount == ActionTable.noCount ? nil : Int(storedCount) }

  /// The action's date, when it has one.
  public var date: Day? {
    storedDate == ActionTable.noDate ? nil : Day(daysSinceEpoch: storedDate)
  }

  /// The count, 0 when the action has none: what it adds to a link's weight.
  public var weight: Int64 { max(0, storedCount) }

  /// Whether the actor acts on itself (such an action is never a link).
  public var isSelfLoop: Bool { actor == target }
}

/// The selected actions of a network in row order, as ``SelectedAction`` values: a struct over
/// the table's columns (shared, not copied). Get it from ``Network/actions``.
///
/// Looping skips self-loops, which no analytic counts; ``includingSelfLoops`` loops over them
/// too (a diagram draws them). Any action is also reachable by its position, self-loop or not.
/// `forEachAction` is the fast loop (the columns read without bounds checks, each value a few
/// loads); `for … in` reads the same values one position at a time, each position checked.
///
/// - Complexity: a loop is O(n) for n selected actions; each element is O(1).
public struct SelectedActions: Sequence, Sendable {
  /// Selected rows, ascending.
  let rows: SelectedRows
  let nodeOfEndpoint: [Int32]
  let actorColumn: [Int32]
  let targetColumn: [Int32]
  let kindColumn: [UInt16]
  let countColumn: [Int64]
  let dateColumn: [Int32]
  let sourceSetColumn: [Int32]
  /// Whether looping yields self-loops.
  public private(set) var includesSelfLoops = false

  /// The selected `rows` (ascending) of `table`, whose endpoint symbols are nodes
  /// `nodeOfEndpoint`, each weighing what `weight` says: the one place an action's count is
  /// read for the analyses.
  init(
    _ table: ActionTable, rows: SelectedRows, nodeOfEndpoint: [Int32],
    weight: ActionWeight = .count
  ) {
    self.rows = rows
    self.nodeOfEndpoint = nodeOfEndpoint
    actorColumn = table.actorColumn
    targetColumn = table.targetColumn
    kindColumn = table.kindColumn
    countColumn = weight.column(of: table)
    dateColumn = table.dateColumn
    sourceSetColumn = table.sourceSetColumn
  }

  /// The same actions, self-loops included when looping.
  public var includingSelfLoops: SelectedActions {
    var copy = self
    copy.includesSelfLoops = true
    return copy
  }

  /// The positions of every selected action, self-loops included.
  public var positions: Range<Int> { 0..<rows.count }

  /// The table row of position `p`.
  @inline(__always)
  public func row(at p: Int) -> Int { Int(rows[p]) }

  /// The action at position `p`, self-loop or not.
  @inline(__always)
  public subscript(p: Int) -> SelectedAction {
    precondition(positions.contains(p), "position \(p) out of \(positions)")
    return withReader { $0[p] }
  }

  /// The day number stored for position `p` (``ActionTable/noDate`` when undated), without
  /// reading the other columns.
  @inline(__always)
  package func storedDate(at p: Int) -> Int32 { dateColumn[row(at: p)] }

  /// The count stored for position `p` (``ActionTable/noCount`` when none).
  @inline(__always)
  package func storedCount(at p: Int) -> Int64 { countColumn[row(at: p)] }

  /// Calls `body` with each action in order, self-loops left out unless included.
  @inline(__always)
  public func forEachAction(_ body: (SelectedAction) throws -> Void) rethrows {
    try forEachAction(at: positions, body)
  }

  /// Calls `body` with each action at `positions`, in order, self-loops left out unless
  /// included: what one part of a parallel pass reads.
  @inline(__always)
  package func forEachAction(at positions: Range<Int>, _ body: (SelectedAction) throws -> Void)
    rethrows
  {
    try withReader { reader in
      for p in positions {
        let r = reader.row(at: p)
        let i = reader.node(reader.actor[r])
        let j = reader.node(reader.target[r])
        if i == j && !includesSelfLoops { continue }
        try body(reader.action(p, r, i, j))
      }
    }
  }

  /// Calls `body` with each action whose actor is one of `nodes`, in order, self-loops left
  /// out: what one part of a parallel build reads (the target of another part's action is
  /// never read).
  @inline(__always)
  func forEachAction(actingFrom nodes: Range<Int>, _ body: (SelectedAction) throws -> Void) rethrows
  {
    try withReader { reader in
      for p in 0..<rows.count {
        let r = reader.row(at: p)
        let i = reader.node(reader.actor[r])
        guard nodes.contains(i) else { continue }
        let j = reader.node(reader.target[r])
        if i == j { continue }
        try body(reader.action(p, r, i, j))
      }
    }
  }

  /// Calls `body` with a ``Reader`` of the columns: for the loops that visit the actions in
  /// another order than the rows' (by date), as fast as ``forEachAction(_:)``.
  @inline(__always)
  package func withReader<R>(_ body: (Reader) throws -> R) rethrows -> R {
    try rows.list.withUnsafeBufferPointer { list in
      try nodeOfEndpoint.withUnsafeBufferPointer { nodes in
        try actorColumn.withUnsafeBufferPointer { actor in
          try targetColumn.withUnsafeBufferPointer { target in
            try kindColumn.withUnsafeBufferPointer { kind in
              try countColumn.withUnsafeBufferPointer { count in
                try dateColumn.withUnsafeBufferPointer { date in
                  try sourceSetColumn.withUnsafeBufferPointer { sourceSet in
                    try body(
                      Reader(
                        identity: rows.isEveryRow, list: list, positionCount: rows.count,
                        nodes: nodes, actor: actor,
                        target: target, kind: kind, count: count, date: date,
                        sourceSet: sourceSet))
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// The actions by position, read from the columns without bounds checks (the table's
  /// invariants, checked in debug builds when it is made, keep every index in range). Valid
  /// only inside ``withReader(_:)``: it holds no storage of its own.
  package struct Reader {
    /// Whether position p is row p: ``list`` is then empty.
    let identity: Bool
    let list: UnsafeBufferPointer<Int32>
    /// The number of positions.
    let positionCount: Int
    let nodes: UnsafeBufferPointer<Int32>
    let actor: UnsafeBufferPointer<Int32>
    let target: UnsafeBufferPointer<Int32>
    let kind: UnsafeBufferPointer<UInt16>
    let count: UnsafeBufferPointer<Int64>
    let date: UnsafeBufferPointer<Int32>
    let sourceSet: UnsafeBufferPointer<Int32>

    /// The positions of every selected action, self-loops included.
    package var positions: Range<Int> { 0..<positionCount }

    /// The table row of position `p`.
    @inline(__always)
    package func row(at p: Int) -> Int { identity ? p : Int(list[p]) }

    /// The action at position `p`, self-loop or not (the values not used are not read).
    @inline(__always)
    package subscript(p: Int) -> SelectedAction {
      let r = row(at: p)
      return action(p, r, node(actor[r]), node(target[r]))
    }

    /// The day number stored for position `p`.
    @inline(__always)
    package func storedDate(at p: Int) -> Int32 { date[row(at: p)] }

    /// The count stored for position `p`.
    @inline(__always)
    package func storedCount(at p: Int) -> Int64 { count[row(at: p)] }

    @inline(__always)
    func node(_ symbol: Int32) -> Int { Int(nodes[Int(symbol)]) }

    @inline(__always)
    func action(_ p: Int, _ r: Int, _ i: Int, _ j: Int) -> SelectedAction {
      SelectedAction(
        position: p, row: r, actor: i, target: j, storedCount: count[r], storedDate: date[r],
        kindSymbol: Int(kind[r]), sourceSet: Int(sourceSet[r]))
    }
  }

  public func makeIterator() -> Iterator { Iterator(self) }

  /// Walks the positions in order, skipping self-loops unless they are included.
  public struct Iterator: IteratorProtocol {
    private let actions: SelectedActions
    private var position = 0

    init(_ actions: SelectedActions) { self.actions = actions }

    public mutating func next() -> SelectedAction? {
      while position < actions.rows.count {
        let action = actions[position]
        position += 1
        if !action.isSelfLoop || actions.includesSelfLoops { return action }
      }
      return nil
    }
  }
}
