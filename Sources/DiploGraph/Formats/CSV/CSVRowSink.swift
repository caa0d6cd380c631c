/// Pointers to the six dense columns of an action table, at some row.
struct CSVColumnPointers {
  var actor: UnsafeMutablePointer<Int32>
  var target: UnsafeMutablePointer<Int32>
  var kind: UnsafeMutablePointer<UInt16>
  var count: UnsafeMutablePointer<Int64>
  var date: UnsafeMutablePointer<Int32>
  var sourceSet: UnsafeMutablePointer<Int32>

  /// The same columns, `rows` further on.
  func advanced(by rows: Int) -> CSVColumnPointers {
    CSVColumnPointers(
      actor: actor + rows, target: target + rows, kind: kind + rows, count: count + rows,
      date: date + rows, sourceSet: sourceSet + rows)
  }
}

/// The six dense columns as arrays.
struct CSVColumnArrays {
  var actor: [Int32] = []
  var target: [Int32] = []
  var kind: [UInt16] = []
  var count: [Int64] = []
  var date: [Int32] = []
  var sourceSet: [Int32] = []

  /// Six arrays of `capacity` uninitialised rows, filled by `body`, which returns how many rows
  /// it wrote (at most `capacity`).
  ///
  /// This is how the reader writes rows straight into the table's final storage: memory that
  /// is touched once, where a copy would touch it twice (on this kind of machine, faulting in
  /// fresh pages costs more than parsing the bytes).
  static func make(capacity: Int, _ body: (CSVColumnPointers) throws -> Int) rethrows -> Self {
    var result = CSVColumnArrays()
    var rows = 0
    result.actor = try Array(unsafeUninitializedCapacity: capacity) { actor, actorCount in
      result.target = try Array(unsafeUninitializedCapacity: capacity) { target, targetCount in
        result.kind = try Array(unsafeUninitializedCapacity: capacity) { kind, kindCount in
          result.count = try Array(unsafeUninitializedCapacity: capacity) { count, countCount in
            result.date = try Array(unsafeUninitializedCapacity: capacity) { date, dateCount in
              result.sourceSet = try Array(unsafeUninitializedCapacity: capacity) { set, setCount in
                rows = try body(
                  CSVColumnPointers(
                    actor: actor.baseAddress!, target: target.baseAddress!,
                    kind: kind.baseAddress!, count: count.baseAddress!, date: date.baseAddress!,
                    sourceSet: set.baseAddress!))
                precondition(rows <= capacity, "wrote past the columns")
                // The estimate's spare rows were written to before the rows moved to the
                // front: their pages go back.
                releaseUnusedPages(of: actor, after: rows)
                releaseUnusedPages(of: target, after: rows)
                releaseUnusedPages(of: kind, after: rows)
                releaseUnusedPages(of: count, after: rows)
                releaseUnusedPages(of: date, after: rows)
                releaseUnusedPages(of: set, after: rows)
                setCount = rows
              }
              dateCount = rows
            }
            countCount = rows
          }
          kindCount = rows
        }
        targetCount = rows
      }
      actorCount = rows
    }
    return result
  }
}

/// Where one part of the file puts its rows: a region of the final columns sized from an
/// estimate, then, if the estimate was short, growable overflow columns.
struct CSVRowSink {
  let region: CSVColumnPointers
  let capacity: Int
  private(set) var rows = 0
  private(set) var overflow: CSVOverflowColumns?

  init(region: CSVColumnPointers, capacity: Int) {
    self.region = region
    self.capacity = capacity
  }

  @inline(__always)
  mutating func append(
    actor: Int32, target: Int32, kind: UInt16, count: Int64, date: Int32, sourceSet: Int32
  ) {
    if rows < capacity {
      region.actor[rows] = actor
      region.target[rows] = target
      region.kind[rows] = kind
      region.count[rows] = count
      region.date[rows] = date
      region.sourceSet[rows] = sourceSet
    } else {
      appendOverflow(actor, target, kind, count, date, sourceSet)
    }
    rows += 1
  }

  @inline(never)
  private mutating func appendOverflow(
    _ actor: Int32, _ target: Int32, _ kind: UInt16, _ count: Int64, _ date: Int32,
    _ sourceSet: Int32
  ) {
    if overflow == nil { overflow = CSVOverflowColumns() }
    overflow!.actor.append(actor)
    overflow!.target.append(target)
    overflow!.kind.append(kind)
    overflow!.count.append(count)
    overflow!.date.append(date)
    overflow!.sourceSet.append(sourceSet)
  }

  /// Rows in the region (the rest are in `overflow`).
  var regionRows: Int { min(rows, capacity) }
}

/// Rows past a region's estimated capacity.
struct CSVOverflowColumns {
  var actor = ColumnBuffer<Int32>()
  var target = ColumnBuffer<Int32>()
  var kind = ColumnBuffer<UInt16>()
  var count = ColumnBuffer<Int64>()
  var date = ColumnBuffer<Int32>()
  var sourceSet = ColumnBuffer<Int32>()
}
