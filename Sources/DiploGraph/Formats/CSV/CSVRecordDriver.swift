/// A record as the driver hands it to a handler: its fields, in the block they were read into.
/// Valid only during the call.
struct CSVRecordView {
  let bytes: UnsafeMutablePointer<UInt8>
  let fields: UnsafeMutablePointer<CSVField>
  /// Fields in the record (may exceed the fields stored, which are at most the capacity given).
  let fieldCount: Int
  /// Index in `bytes` of the record's first byte, and of the byte after its last field.
  let start: Int
  let end: Int
  /// File offset of `start`.
  let fileOffset: Int
  /// Line breaks before this record since the run began.
  let lineBreaksBefore: Int
  /// This record's index among the records of the run (blank lines are not records).
  let index: Int
  /// All fields' flags, or-ed.
  let flags: UInt8

  /// Line breaks before `position` since the run began, and the 1-based column of `position`.
  func lineAndColumn(of position: Int) -> (lineBreaks: Int, column: Int) {
    let (lines, column) = CSVScanner.lineAndColumn(of: position, recordStart: start, in: bytes)
    return (lineBreaksBefore + lines, column)
  }
}

/// Receives the records of a run, in order.
protocol CSVRecordHandler {
  /// Handles one record; returns `false` to end the run after it.
  mutating func handle(_ record: CSVRecordView) -> Bool
}

/// How a run ended.
struct CSVRunOutcome {
  /// File offset where the next record would start (the end of the input, when it was reached).
  var end: Int
  /// Physical line breaks consumed.
  var lineBreaks: Int
  /// Records handled.
  var records: Int
  /// Set when the input ends inside a quoted field: where that field opens (line breaks since
  /// the run began, 1-based column), and the index the record would have had.
  var unterminatedQuote: (lineBreaks: Int, column: Int, record: Int, field: Int)?
  /// Set when a record is longer than the run's limit: the run ends before it.
  var recordTooLong: CSVRecordTooLong?
  /// Whether the handler ended the run.
  var stopped = false
}

/// A record longer than a run's limit, which ends the run; located relative to the run's start,
/// for the caller to turn into a ``DiploGraphError`` naming the file, line and row.
struct CSVRecordTooLong {
  var limit: Int
  /// Line breaks before the record since the run began.
  var lineBreaks: Int
  /// The index the record has among the records of the run.
  var record: Int

  /// The error users see, for a run whose first record is row `firstRow` (0-based) of `layout`
  /// and starts after `lineBreaksBefore` line breaks of the file.
  func error(file: String?, lineBreaksBefore: Int, row: Int?) -> DiploGraphError {
    DiploGraphError(
      .init(.maxRecordBytes, limit),
      at: SourceLocation(
        file: file, line: 1 + lineBreaksBefore + lineBreaks, column: 1,
        path: row.map { "row \($0 + record + 1)" } ?? "header")
    ) {
      "found a record longer than \(limit) bytes; expected at most \(limit) bytes per record "
        + "(a quote never closed makes the rest of the file one record; \($0))"
    }
  }
}

/// Walks the records of a file range through a reusable block buffer.
enum CSVRecordDriver {
  /// Default block size: large enough that system calls and the carrying-over of a partial
  /// record at each block's end cost nothing measurable, small enough that the block stays in
  /// the core's L2 cache between `pread` copying it in and the scanner reading it (1 MiB
  /// blocks read 3 to 4 times slower here).
  static let defaultBlockSize = 1 << 17

  /// Hands every record that starts in `start..<limit` (a record starting before `limit` is
  /// read to its end, wherever that is) to `handler`.
  ///
  /// `start` must be the start of a record, as far as the caller knows.
  ///
  /// A record (blank lines before it not counted) longer than `maxRecordBytes` ends the run as
  /// soon as that many of its bytes are read, noted in ``CSVRunOutcome/recordTooLong``.
  ///
  /// - Throws: what `input` throws.
  /// - Complexity: O(bytes read); memory O(block size + longest record), at most
  ///   O(block size + `maxRecordBytes`).
  static func run<Handler: CSVRecordHandler>(
    _ input: CSVInput, from start: Int, until limit: Int, blockSize: Int = defaultBlockSize,
    fieldCapacity: Int, maxRecordBytes: Int = .max, handler: inout Handler
  ) throws -> CSVRunOutcome {
    try withUnsafeTemporaryAllocation(of: CSVField.self, capacity: max(fieldCapacity, 1)) {
      try run(
        input, from: start, until: limit, blockSize: blockSize, fields: $0.baseAddress!,
        fieldCapacity: fieldCapacity, maxRecordBytes: maxRecordBytes, handler: &handler)
    }
  }

  /// ``run(_:from:until:blockSize:fieldCapacity:maxRecordBytes:handler:)`` with room for
  /// `fieldCapacity` fields at `fields`.
  private static func run<Handler: CSVRecordHandler>(
    _ input: CSVInput, from start: Int, until limit: Int, blockSize: Int,
    fields: UnsafeMutablePointer<CSVField>, fieldCapacity: Int, maxRecordBytes: Int,
    handler: inout Handler
  ) throws -> CSVRunOutcome {
    var block = CSVBlock(capacity: blockSize, fileOffset: start)
    try block.advance(keepingFrom: 0, input: input)

    var position = 0
    var lineBreaks = 0
    var records = 0
    var outcome = CSVRunOutcome(end: start, lineBreaks: 0, records: 0)
    scanning: while block.fileOffset + position < limit {
      let scan = CSVScanner.scanRecord(
        block.base, from: position, count: block.count, atEnd: block.atEnd, fields: fields,
        capacity: fieldCapacity, delimiter: input.delimiter)
      switch scan.status {
      case .needMore:
        if block.count - position > maxRecordBytes {
          outcome.recordTooLong = CSVRecordTooLong(
            limit: maxRecordBytes, lineBreaks: lineBreaks, record: records)
          break scanning
        }
        try block.advance(keepingFrom: position, input: input)
        position = 0
      case .endOfInput:
        break scanning
      case .blank:
        lineBreaks += scan.lineBreaks
        position = scan.next
      case .unterminated:
        // A quote never closed makes the rest of the input one record: past the limit, that is
        // what is reported, as it is when the rest does not fit in one block.
        if block.count - position > maxRecordBytes {
          outcome.recordTooLong = CSVRecordTooLong(
            limit: maxRecordBytes, lineBreaks: lineBreaks, record: records)
          break scanning
        }
        let (lines, column) = CSVScanner.lineAndColumn(
          of: scan.end, recordStart: position, in: block.base)
        outcome.unterminatedQuote = (lineBreaks + lines, column, records, scan.fieldCount)
        position = block.count
        break scanning
      case .record:
        if scan.end - position > maxRecordBytes {
          outcome.recordTooLong = CSVRecordTooLong(
            limit: maxRecordBytes, lineBreaks: lineBreaks, record: records)
          break scanning
        }
        let view = CSVRecordView(
          bytes: block.base, fields: fields, fieldCount: scan.fieldCount, start: position,
          end: scan.end, fileOffset: block.fileOffset + position, lineBreaksBefore: lineBreaks,
          index: records, flags: scan.flags)
        records += 1
        lineBreaks += scan.lineBreaks
        position = scan.next
        if !handler.handle(view) {
          outcome.stopped = true
          break scanning
        }
      }
    }
    outcome.end = block.fileOffset + position
    outcome.lineBreaks = lineBreaks
    outcome.records = records
    return outcome
  }

}

/// A problem with the shape of a record rather than with a value: quotes out of place, or a
/// field count that is not the header's.
struct CSVShapeProblem {
  var severity: Diagnostic.Severity
  var message: String
  /// Where it is (an index in the record's block).
  var position: Int
  /// The field's column, or `nil` for the record's.
  var column: Int?
  /// Order among the record's diagnostics: `2 × column` for a field's syntax,
  /// `2 × column + 1` for its value, `Int.max` for the record's length.
  var key: Int
}

extension CSVRecordView {
  /// The shape problems of a record read against a header of `columnCount` columns, in field
  /// order. Fields missing from a short record are filled in as empty ``CSVFieldFlags/missing``
  /// fields, so that readers can treat every column as present; `fields` must have room for
  /// `columnCount` of them.
  func shapeProblems(columnCount: Int, scratch: inout CSVScratch) -> [CSVShapeProblem] {
    var problems: [CSVShapeProblem] = []
    for k in 0..<min(fieldCount, columnCount) {
      let field = fields[k]
      if field.flags & CSVFieldFlags.textAfterQuote != 0 {
        CSVScanner.decode(field, in: bytes, into: &scratch)
        problems.append(
          CSVShapeProblem(
            severity: .error,
            message:
              "expected a comma or the end of the line after the closing quote, found more text "
              + "(the field is read as \(CSVScanner.quoted(scratch.bytes)))",
            position: field.start, column: k, key: 2 * k))
      } else if field.flags & CSVFieldFlags.strayQuote != 0 {
        problems.append(
          CSVShapeProblem(
            severity: .warning,
            message:
              "a quote inside an unquoted field is kept as a character; to quote a field, start "
              + "it with a quote and double the quotes inside",
            position: field.start, column: k, key: 2 * k))
      }
    }
    if fieldCount < columnCount {
      for k in fieldCount..<columnCount {
        fields[k] = CSVField(start: end, end: end, flags: CSVFieldFlags.missing)
      }
      problems.append(
        CSVShapeProblem(
          severity: .error,
          message:
            "expected \(columnCount) fields, found \(fieldCount) (the missing fields are read as "
            + "empty)", position: end, column: nil, key: .max))
    } else if fieldCount > columnCount {
      problems.append(
        CSVShapeProblem(
          severity: .error,
          message:
            "expected \(columnCount) fields, found \(fieldCount) (the extra fields are ignored)",
          position: fields[columnCount].start, column: columnCount, key: .max))
    }
    return problems
  }
}
