/// A problem found in one part of `actions.csv`, located relative to the part's start until the
/// parts are merged.
struct CSVPendingDiagnostic: Severe {
  var severity: Diagnostic.Severity
  var message: String
  /// Record index within the part.
  var row: Int
  /// Line breaks between the part's start and the place.
  var lineBreaks: Int
  var column: Int
  /// The column of the field, or `nil` when the problem is the record's.
  var field: Int?
}

/// A place to resume a walk of a CSV file from: record `row` starts at `offset`, after
/// `lineBreaks` line breaks. The readers keep one every ``interval`` rows.
struct CSVCheckpoint: Hashable, Sendable {
  static let interval = 1024

  var row: Int
  var offset: Int
  var lineBreaks: Int
}

/// What parsing one byte range of `actions.csv` produced: columns of part-local symbol
/// indices, the part-local symbol tables, and the problems found.
///
/// Its overflow and id columns free themselves when the part is let go.
struct CSVActionsPart {
  var start: Int
  var outcome: CSVRunOutcome
  /// The six dense columns.
  var sink: CSVRowSink
  /// Present once some row of the part has an id.
  var id: ColumnBuffer<Int32>?
  var endpoints: [String]
  /// For each endpoint, the row (within the part) that first names it.
  var endpointFirstRow: [Int]
  var kinds: [String]
  var kindFirstRow: [Int]
  var sources: [String]
  var sourceFirstRow: [Int]
  var sourceSets: [[Int32]]
  var ids: [String]
  var responses: [(row: Int, ids: [Int32])]
  var notes: [(row: Int, note: String)]
  /// Dates known to the month or year only.
  var partialDates: [(row: Int, date: PartialDate)]
  var diagnostics: CappedDiagnostics<CSVPendingDiagnostic>
  var checkpoints: [CSVCheckpoint]
  /// Set when the part stopped because it met more kinds than a table can index.
  var kindLimitRow: Int?

  var rows: Int { sink.rows }
}
