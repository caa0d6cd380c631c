extension ActionTable {
  /// A table from columns built elsewhere: the bulk readers' way in, which skips the per-row
  /// ``append(_:)``.
  ///
  /// `sourceSetTable[0]` must be the empty list; `idColumn` is empty or as long as the other
  /// columns. The columns' agreement is checked in debug builds (``checkInvariants()``).
  init(
    endpointSymbols: SymbolTable, kindSymbols: SymbolTable, sourceSymbols: SymbolTable,
    idSymbols: SymbolTable, sourceSetTable: [[Int32]], actorColumn: [Int32],
    targetColumn: [Int32], kindColumn: [UInt16], countColumn: [Int64], dateColumn: [Int32],
    sourceSetColumn: [Int32], idColumn: [Int32], responses: SparseColumn<[Int32]>,
    notes: SparseColumn<String>, partialDates: SparseColumn<PartialDate> = SparseColumn()
  ) {
    self.init()
    self.endpointSymbols = endpointSymbols
    self.kindSymbols = kindSymbols
    self.sourceSymbols = sourceSymbols
    self.idSymbols = idSymbols
    self.sourceSetTable = sourceSetTable
    self.sourceSetIndex = Dictionary(
      sourceSetTable.enumerated().map { ($0.element, Int32($0.offset)) },
      uniquingKeysWith: { first, _ in first })
    self.actorColumn = actorColumn
    self.targetColumn = targetColumn
    self.kindColumn = kindColumn
    self.countColumn = countColumn
    self.dateColumn = dateColumn
    self.sourceSetColumn = sourceSetColumn
    self.idColumn = idColumn.contains { $0 >= 0 } ? idColumn : []
    self.responses = responses
    self.notes = notes
    self.partialDates = partialDates
    assert(checkInvariants())
  }

  /// Whether the columns agree: equal lengths, every symbol index inside its table, counts and
  /// source sets well formed, sparse rows inside the table. For `assert`.
  ///
  /// - Complexity: O(n + total length of the source sets).
  func checkInvariants() -> Bool {
    let n = actorColumn.count
    guard targetColumn.count == n, kindColumn.count == n, countColumn.count == n,
      dateColumn.count == n, sourceSetColumn.count == n, idColumn.isEmpty || idColumn.count == n,
      sourceSetTable.first == []
    else { return false }
    let endpoints = Int32(endpointSymbols.count)
    let ids = Int32(idSymbols.count)
    let sets = Int32(sourceSetTable.count)
    for i in 0..<n {
      guard (0..<endpoints).contains(actorColumn[i]), (0..<endpoints).contains(targetColumn[i]),
        Int(kindColumn[i]) < kindSymbols.count, countColumn[i] >= Self.noCount,
        (0..<sets).contains(sourceSetColumn[i])
      else { return false }
    }
    guard idColumn.allSatisfy({ $0 >= -1 && $0 < ids }) else { return false }
    guard idNumbers.isEmpty || (idNumbers.count == n && idColumn.isEmpty && responses.isEmpty)
    else { return false }
    let sources = Int32(sourceSymbols.count)
    guard sourceSetTable.allSatisfy({ $0.allSatisfy { (0..<sources).contains($0) } }) else {
      return false
    }
    guard responses.rows.allSatisfy({ Int($0) < n }), notes.rows.allSatisfy({ Int($0) < n }),
      responses.values.allSatisfy({ $0.allSatisfy { (0..<ids).contains($0) } })
    else { return false }
    return true
  }
}
