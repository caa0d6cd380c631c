/// Everything the accepted parts produced, in whole-file terms, except the dense columns.
struct MergedParts {
  var rows: Int
  var rowOffsets: [Int]
  var endpointSymbols = SymbolTable()
  var kindSymbols = SymbolTable()
  var sourceSymbols = SymbolTable()
  var idSymbols = SymbolTable()
  var sourceSetTable: [[Int32]] = [[]]
  var endpointMaps: [[Int32]] = []
  var kindMaps: [[UInt16]] = []
  var setMaps: [[Int32]] = []
  var idColumn: [Int32] = []
  var responses = SparseColumn<[Int32]>()
  var notes = SparseColumn<String>()
  var partialDates = SparseColumn<PartialDate>()
  var sourceFirstRow: [Int] = []
  var checkpoints: [CSVCheckpoint] = []
  var diagnostics: CappedDiagnostics<Diagnostic>
}

extension CSVActionsReader {
  /// Joins the accepted parts, in file order: symbols interned part after part (so each
  /// table lists its symbols in order of first use across the file, as one sequential pass
  /// would), each part's symbol indices mapped to the joined tables, rows and lines offset,
  /// diagnostics kept up to the limit.
  ///
  /// - Throws: what ends reading, the first in file order: too many rows, actors or kinds; a
  ///   quote never closed or a record too long.
  static func mergeParts(
    _ parts: [CSVActionsPart], layout: CSVLayout, headerWarnings: [Diagnostic],
    input: CSVInput, configuration: Configuration
  ) throws -> MergedParts {
    var lineOffsets: [Int] = []
    var rowOffsets: [Int] = []
    var rows = 0
    var lines = layout.dataStartLineBreaks
    for part in parts {
      rowOffsets.append(rows)
      lineOffsets.append(lines)
      rows += part.rows
      lines += part.outcome.lineBreaks
    }
    var m = MergedParts(
      rows: rows, rowOffsets: rowOffsets,
      diagnostics: CappedDiagnostics(limit: configuration.maxDiagnostics))
    for (i, part) in parts.enumerated() {
      for c in part.checkpoints {
        m.checkpoints.append(
          CSVCheckpoint(
            row: rowOffsets[i] + c.row, offset: c.offset, lineBreaks: lineOffsets[i] + c.lineBreaks)
        )
      }
    }
    func location(row: Int, column: Int?) -> SourceLocation {
      CSVFileIndex(
        source: .input(input), layout: layout, checkpoints: m.checkpoints,
        blockSize: configuration.blockSize
      ).location(row: row, column: column)
    }
    // What ends reading is what comes first in the file, as in one sequential pass: a limit
    // crossed at some row (the parts read at least up to the first such row, wherever they
    // were split), else the record that ends the last part (too long, or a quote never closed).
    var firstLimit: (row: Int, error: DiploGraphError)?
    func stop(row: Int, column: Int? = nil, _ error: (SourceLocation) -> DiploGraphError) {
      if let first = firstLimit, first.row <= row { return }
      firstLimit = (row, error(location(row: row, column: column)))
    }
    let maxActions = min(configuration.maxActions, Int(Int32.max))
    if rows > maxActions {
      stop(row: maxActions) { .tooMany("actions", .init(.maxActions, maxActions), at: $0) }
    }

    var sourceSetIndex: [[Int32]: Int32] = [[]: 0]
    var idMaps: [[Int32]] = []
    var kindFolding = CSVKindFolding()
    for (i, part) in parts.enumerated() {
      var endpointMap: [Int32] = []
      endpointMap.reserveCapacity(part.endpoints.count)
      for (k, name) in part.endpoints.enumerated() {
        let known = m.endpointSymbols.count
        endpointMap.append(m.endpointSymbols.intern(name))
        if m.endpointSymbols.count > known && known == configuration.maxActors {
          stop(row: rowOffsets[i] + part.endpointFirstRow[k]) {
            .tooMany("distinct actors", .init(.maxActors, configuration.maxActors), at: $0)
          }
        }
      }
      m.endpointMaps.append(endpointMap)
      var kindMap: [UInt16] = []
      for (k, name) in part.kinds.enumerated() {
        let symbol = kindFolding.symbol(
          for: name, row: rowOffsets[i] + part.kindFirstRow[k], in: &m.kindSymbols)
        if Int(symbol) == ActionTable.maxKinds {
          stop(row: rowOffsets[i] + part.kindFirstRow[k], column: layout.columns[CSVColumns.kind]) {
            DiploGraphError(
              .limit, "expected at most \(ActionTable.maxKinds) different action kinds, found more",
              at: $0)
          }
        }
        kindMap.append(UInt16(truncatingIfNeeded: symbol))
      }
      m.kindMaps.append(kindMap)
      var sourceMap: [Int32] = []
      for (k, name) in part.sources.enumerated() {
        let known = m.sourceSymbols.count
        sourceMap.append(m.sourceSymbols.intern(name))
        if m.sourceSymbols.count > known {
          m.sourceFirstRow.append(rowOffsets[i] + part.sourceFirstRow[k])
        }
      }
      m.setMaps.append(
        part.sourceSets.map { set in
          let joined = set.map { sourceMap[Int($0)] }
          if let s = sourceSetIndex[joined] { return s }
          let s = Int32(m.sourceSetTable.count)
          m.sourceSetTable.append(joined)
          sourceSetIndex[joined] = s
          return s
        })
      idMaps.append(part.ids.map { m.idSymbols.intern($0) })
    }

    if let firstLimit { throw firstLimit.error }
    if let i = parts.indices.last, let open = parts[i].outcome.unterminatedQuote {
      throw DiploGraphError(
        .syntax, "expected a closing quote for the field opened here, found the end of the file",
        at: SourceLocation(
          file: layout.file, line: 1 + lineOffsets[i] + open.lineBreaks, column: open.column,
          path: layout.path(row: rowOffsets[i] + open.record, column: open.field)))
    }
    if let i = parts.indices.last, let tooLong = parts[i].outcome.recordTooLong {
      throw tooLong.error(file: layout.file, lineBreaksBefore: lineOffsets[i], row: rowOffsets[i])
    }

    if parts.contains(where: { $0.id != nil }) {
      m.idColumn.reserveCapacity(rows)
      for (i, part) in parts.enumerated() {
        if let column = part.id {
          let map = idMaps[i]
          for value in column.buffer { m.idColumn.append(value < 0 ? -1 : map[Int(value)]) }
        } else {
          m.idColumn.append(contentsOf: repeatElement(-1, count: part.rows))
        }
      }
    }
    for (i, part) in parts.enumerated() {
      for (row, ids) in part.responses {
        m.responses.append(row: rowOffsets[i] + row, ids.map { idMaps[i][Int($0)] })
      }
      for (row, note) in part.notes { m.notes.append(row: rowOffsets[i] + row, note) }
      for (row, date) in part.partialDates {
        m.partialDates.append(row: rowOffsets[i] + row, date)
      }
    }

    m.diagnostics.append(contentsOf: headerWarnings)
    for (i, part) in parts.enumerated() {
      m.diagnostics.append(part.diagnostics) { d in
        Diagnostic(
          d.severity, d.message,
          at: SourceLocation(
            file: layout.file, line: 1 + lineOffsets[i] + d.lineBreaks, column: d.column,
            path: layout.path(row: rowOffsets[i] + d.row, column: d.field)))
      }
    }
    for variant in kindFolding.variants {
      m.diagnostics.append(
        CSVKindFolding.warning(
          variant, at: location(row: variant.row, column: layout.columns[CSVColumns.kind])))
    }
    return m
  }

  /// Moves each part's rows down to follow the previous part's, remapping symbol indices on
  /// the way (part 0's maps are the identity: its rows stay where they are). Every region
  /// starts at or after the end of the rows before it, so copying forward never overwrites a
  /// row not yet moved.
  ///
  /// Within a column the parts move in order (a part may land where the one before it was);
  /// the six columns are independent, and move at once on up to `threads` threads, the widest
  /// first.
  ///
  /// - Precondition: no part overflowed its region.
  /// - Returns: the number of rows.
  static func compactColumns(
    _ parts: [CSVActionsPart], merged m: MergedParts, into columns: CSVColumnPointers,
    threads: Int
  ) -> Int {
    var destinations = [0]
    for part in parts { destinations.append(destinations[destinations.count - 1] + part.sink.rows) }
    // Unchecked: each column's run reads the parts and maps, and writes that column only.
    nonisolated(unsafe) let (parts, m, columns) = (parts, m, columns)
    let destination = destinations
    _ = concurrentMap(Array(0..<6), threads: threads) { column in
      for (i, part) in parts.enumerated() {
        let (n, from, to) = (part.sink.rows, part.sink.region, columns.advanced(by: destination[i]))
        switch column {
        case 0: move(from.count, to.count, n, map: nil)
        case 1: move(from.actor, to.actor, n, map: m.endpointMaps[i])
        case 2: move(from.target, to.target, n, map: m.endpointMaps[i])
        case 3: move(from.date, to.date, n, map: nil)
        case 4: move(from.sourceSet, to.sourceSet, n, map: m.setMaps[i])
        default: move(from.kind, to.kind, n, map: m.kindMaps[i])
        }
      }
    }
    return destinations[destinations.count - 1]
  }

  /// The columns as new arrays, gathered from the parts' regions and overflow: the way out
  /// when some estimate was short.
  static func copyColumns(_ parts: [CSVActionsPart], merged m: MergedParts) -> CSVColumnArrays {
    func gather<T: BinaryInteger & BitwiseCopyable>(
      _ region: (CSVColumnPointers) -> UnsafeMutablePointer<T>,
      _ overflow: (CSVOverflowColumns) -> ColumnBuffer<T>, maps: [[T]]?
    ) -> [T] {
      Array(unsafeUninitializedCapacity: m.rows) { buffer, initialized in
        var offset = 0
        for (i, part) in parts.enumerated() {
          let map = maps?[i]
          let inRegion = part.sink.regionRows
          move(region(part.sink.region), buffer.baseAddress! + offset, inRegion, map: map)
          offset += inRegion
          if let spilled = part.sink.overflow {
            let column = overflow(spilled)
            move(column.base, buffer.baseAddress! + offset, column.count, map: map)
            offset += column.count
          }
        }
        initialized = offset
      }
    }
    return CSVColumnArrays(
      actor: gather(\.actor, \.actor, maps: m.endpointMaps),
      target: gather(\.target, \.target, maps: m.endpointMaps),
      kind: gather(\.kind, \.kind, maps: m.kindMaps),
      count: gather(\.count, \.count, maps: nil),
      date: gather(\.date, \.date, maps: nil),
      sourceSet: gather(\.sourceSet, \.sourceSet, maps: m.setMaps))
  }

  /// Copies `n` values forward from `source` to `target` (≤ `source` when they overlap),
  /// through `map` unless it is `nil` or the identity.
  private static func move<T: BinaryInteger & BitwiseCopyable>(
    _ source: UnsafeMutablePointer<T>, _ target: UnsafeMutablePointer<T>, _ n: Int, map: [T]?
  ) {
    if let map, !map.enumerated().allSatisfy({ Int($0.element) == $0.offset }) {
      map.withUnsafeBufferPointer { m in
        for k in 0..<n { target[k] = m[Int(source[k])] }
      }
    } else if source != target && n > 0 {
      UnsafeMutableRawPointer(target).copyMemory(
        from: source, byteCount: n * MemoryLayout<T>.stride)  // memmove: overlap is fine
    }
  }

  static func makeResult(
    _ m: MergedParts, columns: CSVColumnArrays, layout: CSVLayout, partsAccepted: [Bool]
  ) -> Result {
    let table = ActionTable(
      endpointSymbols: m.endpointSymbols, kindSymbols: m.kindSymbols,
      sourceSymbols: m.sourceSymbols, idSymbols: m.idSymbols, sourceSetTable: m.sourceSetTable,
      actorColumn: columns.actor, targetColumn: columns.target, kindColumn: columns.kind,
      countColumn: columns.count, dateColumn: columns.date, sourceSetColumn: columns.sourceSet,
      idColumn: m.idColumn, responses: m.responses, notes: m.notes,
      partialDates: m.partialDates)
    return Result(
      table: table, layout: layout, diagnostics: m.diagnostics,
      checkpoints: m.checkpoints, sourceFirstRow: m.sourceFirstRow, partsAccepted: partsAccepted)
  }
}
