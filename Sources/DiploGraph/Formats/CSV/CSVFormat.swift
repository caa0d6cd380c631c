// The CSV format: DESIGN.md's spreadsheet and bulk format, read and written.
//
// Spec: RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180), as spreadsheets export it: fields
// separated by commas; a field holding a comma, a quote or a line break is quoted, quotes
// inside doubled (`"say ""no"""`); records end in CRLF, LF or CR; UTF-8, with or without a
// byte-order mark; the last record with or without a line end; lines without any byte skipped
// (so trailing blank lines are ignored). Columns are found by their header name, in any order
// (names compared ignoring ASCII case and surrounding spaces).
//
//   actions.csv   actor,target,kind,count,date,source   (required: actor, target, kind)
//                 optional extra columns: id,responds_to,note
//   actors.csv    id,name,kind,blocs                    (optional file; required: id)
//   sources.csv   id,title,publisher,date,url           (optional file; required: id;
//                 read beside actions.csv, joined to the actions' source ids)
//
// `count` is a whole number ≥ 0, `date` is YYYY-MM-DD (or YYYY-MM, YYYY: a partial date, kept
// as written); either may be empty (absent). `source`
// and `responds_to` list ids separated by `;` (`S1;S2`), as does `blocs`. An empty field is an
// absent value: no count, no date, no sources, no id, no note, no bloc; for an actor, a name
// equal to its id and the kind `state`. Ids are taken exactly as spelled (no trimming).
//
// The data set read: actions in file order; sources implied by the ids the actions use, in
// order of first use (each titled with its id, or with what sources.csv says of it), then the
// sources of sources.csv that no action names; actors from actors.csv in file order (without
// it, none are declared and a Network treats every actor as implied); blocs named in
// actors.csv's `blocs` column, in order of first appearance, their name their id, members in
// file order.
//
// What CSV cannot carry, and is lost when a data set is written as CSV: the title,
// description and notes of the data set; claims (each source's own figure) and reported
// figures; sources' titles, publishers, dates, URLs and notes (the writer writes no
// sources.csv: a source is just an id); notes
// on actors and blocs; bloc names other than the id, blocs without declared members, members
// that are not declared actors, and a member listed twice; the difference between an absent
// note and an empty one (and between an empty actor name and none: both read back as the id).
// Writing refuses, rather than changes, what would read back as something else: an empty
// actor, target or kind, an empty id, a `;` inside an id that goes in a `;`-separated list, a
// date outside the years 1–9999.

/// Reads and writes a ``DataSet`` as the two CSV files of the format: `actions.csv` and an
/// optional `actors.csv` (see the format's description at the top of `CSVFormat.swift`, and
/// `docs/csv.md`).
///
/// Reading is built for bulk data: the file is read in blocks (never whole, never as a
/// `String`), bytes are parsed directly, each distinct actor, kind and source spelling becomes
/// a `String` once, and large files are parsed on all cores in parts that are merged into one
/// ``ActionTable``. The result is always the same as a sequential read.
///
/// Problems with a value (a count of `2.5`, a date of `2018-02-30`, an empty actor, a record
/// with too few fields, bytes that are not UTF-8) do not stop reading: the value is left
/// absent and the problem is listed in ``Document/diagnostics`` with its file, line, column,
/// row and column name — `actions.csv:14:22 (row 13, column "count"): error: expected a whole
/// number of diplomats ≥ 0, found "2.5"`. Problems with the file itself (no header, a required
/// column missing, a quote never closed) throw ``DiploGraphError``.
public enum CSVFormat {
  /// How to read.
  public struct ReadOptions: Hashable, Sendable {
    /// The most diagnostics listed; beyond, one more says how many were left out.
    public var maxDiagnostics: Int
    /// Parts of `actions.csv` parsed at once (1…1,024); `nil` for the number of cores. A part
    /// is at least 2 MiB, so files under 4 MiB are read in one part whatever this says. The
    /// document is the same whatever the number (see ``Parallelism``); outside 1…1,024, reading
    /// throws a `limit` error.
    public var parallelism: Int?
    /// The most actions (records of `actions.csv`) read; beyond, reading stops with a `limit`
    /// error. At most `Int32.max`, the action table's own bound.
    public var maxActions: Int
    /// The most distinct actors: declared in `actors.csv` or named by an action (as actor or
    /// target); beyond, reading stops with a `limit` error.
    public var maxActors: Int
    /// The longest record (header included) in bytes; a longer one stops reading with a
    /// `limit` error as soon as that many of its bytes are read, so a file without line ends
    /// (or with a quote never closed) costs at most this much memory.
    public var maxRecordBytes: Int
    /// The largest file read from a path, in bytes (a pipe is read up to this many bytes and
    /// then refused).
    public var maxBytes: Int
    /// Offsets where parts after the first begin, instead of guessed ones, whatever the file's
    /// size (tests and fuzzing: the result must not depend on them).
    @_spi(Testing) public var splits: [Int]?
    /// Rows to make room for per part instead of an estimate (tests and fuzzing: forces the
    /// overflow path).
    @_spi(Testing) public var regionCapacity: Int?
    /// Bytes read at a time (tests and fuzzing: small blocks exercise records across blocks).
    @_spi(Testing) public var blockSize: Int?
    /// The smallest part worth a thread of its own instead of 2 MiB (tests: small files read in
    /// parts).
    @_spi(Testing) public var minimumPartBytes: Int?
    /// The delimiter and the headers of a spreadsheet in another layout than the format's
    /// (``Sheet``); by default, the format's own names and the delimiter of the header line.
    public var sheet = Sheet()

    public init(
      maxDiagnostics: Int = 1000, parallelism: Int? = nil,
      maxActions: Int = DataSetFile.Limits.defaultMaxActions,
      maxActors: Int = DataSetFile.Limits.defaultMaxActors,
      maxRecordBytes: Int = DataSetFile.Limits.defaultMaxRecordBytes,
      maxBytes: Int = DataSetFile.Limits.defaultMaxBytes
    ) {
      self.maxBytes = maxBytes
      self.maxDiagnostics = max(0, maxDiagnostics)
      self.parallelism = parallelism
      self.maxActions = max(0, min(maxActions, Int(Int32.max)))
      self.maxActors = max(0, min(maxActors, Int(Int32.max)))
      self.maxRecordBytes = max(1, maxRecordBytes)
    }
  }

  /// Reads a data set from the bytes of `actions.csv` and, optionally, `actors.csv`.
  ///
  /// - Parameters:
  ///   - actionsFile, actorsFile: the names messages give the two inputs.
  /// - Returns: the data set, a ``CSVSourceMap`` for it, and the problems found. The map keeps
  ///   a reference to `actions` and `actors` (arrays are shared, not copied) to find locations
  ///   when asked.
  /// - Throws: ``DiploGraphError``: `syntax` for an empty file or a quote never closed,
  ///   `schema` for a header without a required column or with a column twice, `limit` for
  ///   more than 65,536 action kinds, more actions or actors than `options` allow, a record
  ///   longer than `options.maxRecordBytes` or a header of more than 1,024 columns.
  /// - Complexity: O(n) for n bytes, on all cores for large inputs.
  public static func read(
    actions: [UInt8], actors: [UInt8]? = nil, actionsFile: String? = nil,
    actorsFile: String? = nil, options: ReadOptions = ReadOptions()
  ) throws -> Document {
    try read(
      actions: actions, actors: actors, sources: nil, actionsFile: actionsFile,
      actorsFile: actorsFile, sourcesFile: nil, options: options)
  }

  /// ``read(actions:actors:actionsFile:actorsFile:options:)`` with the bytes of an optional
  /// `sources.csv` (`id,title,publisher,date,url`), joined to the actions' source ids:
  /// docs/spreadsheets.md.
  public static func read(
    actions: [UInt8], actors: [UInt8]? = nil, sources: [UInt8]?,
    actionsFile: String? = nil, actorsFile: String? = nil, sourcesFile: String? = nil,
    options: ReadOptions = ReadOptions()
  ) throws -> Document {
    try read(
      actions: CSVInput(bytes: actions).reading(options.sheet), actionsSource: .bytes(actions),
      actionsFile: actionsFile,
      actors: try actors.map { (try CSVInput(bytes: $0).reading(options.sheet), .bytes($0)) },
      actorsFile: actorsFile,
      sources: try sources.map { (try CSVInput(bytes: $0).reading(options.sheet), sourcesFile) },
      configuration: try configuration(options)
    ).document
  }

  /// Reads a data set from files: `actionsPath` and, optionally, `actorsPath`.
  ///
  /// Messages name the files as given. The source map reads the files again when asked for a
  /// location (see ``CSVSourceMap``).
  ///
  /// - Throws: as ``read(actions:actors:actionsFile:actorsFile:options:)``, and `io` when a
  ///   file cannot be read, `limit` when it is larger than `options.maxBytes`.
  public static func read(
    actionsPath: String, actorsPath: String? = nil, options: ReadOptions = ReadOptions()
  ) throws -> Document {
    try read(actionsPath: actionsPath, actorsPath: actorsPath, sourcesPath: nil, options: options)
  }

  /// ``read(actionsPath:actorsPath:options:)`` with an optional `sources.csv` at
  /// `sourcesPath`.
  public static func read(
    actionsPath: String, actorsPath: String? = nil, sourcesPath: String?,
    options: ReadOptions = ReadOptions()
  ) throws -> Document {
    let actions = try CSVInput(path: actionsPath, maxBytes: options.maxBytes)
      .reading(options.sheet)
    let actors = try actorsPath.map {
      try CSVInput(path: $0, maxBytes: options.maxBytes).reading(options.sheet)
    }
    let sources = try sourcesPath.map {
      (try CSVInput(path: $0, maxBytes: options.maxBytes).reading(options.sheet), $0)
    }
    return try read(
      actions: actions, actionsSource: .path(actionsPath), actionsFile: actionsPath,
      actors: zip(actors, actorsPath).map { ($0, .path($1)) }, actorsFile: actorsPath,
      sources: sources, configuration: try configuration(options)
    ).document
  }

  static func configuration(_ options: ReadOptions) throws -> CSVActionsReader.Configuration {
    var configuration = CSVActionsReader.Configuration()
    configuration.maxDiagnostics = options.maxDiagnostics
    let threads = try Parallelism.threads(options.parallelism)
    configuration.threads = threads
    configuration.parts = threads == 1 ? 1 : CSVActionsReader.partsPerThread * threads
    configuration.maxActions = options.maxActions
    configuration.maxActors = options.maxActors
    configuration.maxRecordBytes = options.maxRecordBytes
    configuration.headers = options.sheet.columns
    if let splits = options.splits {
      configuration.splits = splits
      configuration.parts = splits.count + 1
      configuration.minimumPartBytes = 1
    }
    configuration.regionCapacity = options.regionCapacity
    if let blockSize = options.blockSize { configuration.blockSize = max(1, blockSize) }
    if let bytes = options.minimumPartBytes { configuration.minimumPartBytes = max(1, bytes) }
    return configuration
  }

  /// The reading itself, with the actions reader's statistics (for tests).
  static func read(
    actions: CSVInput, actionsSource: CSVFileIndex.Source, actionsFile: String?,
    actors: (CSVInput, CSVFileIndex.Source)?, actorsFile: String?,
    sources: (CSVInput, String?)? = nil, configuration: CSVActionsReader.Configuration
  ) throws -> (document: Document, partsAccepted: [Bool]) {
    let result = try CSVActionsReader.read(
      actions, file: actionsFile, configuration: configuration)
    let actorsResult = try actors.map {
      try CSVActorsReader.read(
        $0.0, file: actorsFile, maxDiagnostics: configuration.maxDiagnostics,
        blockSize: configuration.blockSize, maxActors: configuration.maxActors,
        maxRecordBytes: configuration.maxRecordBytes)
    }
    if let actorsResult {
      try checkActorCount(
        declared: actorsResult.actors, named: result.table.endpointSymbols,
        limit: configuration.maxActors, file: actionsFile)
    }

    let sourcesResult = try sources.map {
      try CSVSourcesReader.read(
        $0.0, file: $0.1, maxDiagnostics: configuration.maxDiagnostics,
        blockSize: configuration.blockSize, maxRecordBytes: configuration.maxRecordBytes)
    }

    var capped = result.diagnostics
    if let actorsResult { capped.append(actorsResult.diagnostics) { $0 } }
    var diagnostics = capped.listed(at: SourceLocation(file: actionsFile))
    if let sourcesResult { diagnostics += sourcesResult.diagnostics }

    let table = result.table
    let dataSet = DataSet(
      actors: actorsResult?.actors ?? [], blocs: actorsResult?.blocs ?? [],
      sources: CSVSourcesReader.join(
        named: table.sourceSymbols.strings, declared: sourcesResult?.sources ?? []),
      actions: table)
    let map = CSVSourceMap(
      actions: CSVFileIndex(
        source: actionsSource, layout: result.layout, checkpoints: result.checkpoints,
        blockSize: configuration.blockSize),
      actors: zip(actorsResult, actors).map { actorsResult, actors in
        CSVFileIndex(
          source: actors.1, layout: actorsResult.layout, checkpoints: actorsResult.checkpoints,
          blockSize: configuration.blockSize)
      },
      sourceFirstRow: result.sourceFirstRow, blocFirstRow: actorsResult?.blocFirstRow ?? [],
      blocMemberRows: actorsResult?.blocMemberRows ?? [])
    return (Document(dataSet: dataSet, map: map, diagnostics: diagnostics), result.partsAccepted)
  }
}

extension CSVFormat {
  /// Refuses a data set whose declared actors and the actors its actions name are, together,
  /// more than `limit` distinct ids (each alone was checked while reading).
  static func checkActorCount(
    declared: [Actor], named: SymbolTable, limit: Int, file: String?
  ) throws {
    guard declared.count + named.count > limit else { return }
    let ids = Set(declared.map(\.id.rawValue))
    var total = ids.count
    for name in named.strings where !ids.contains(name) { total += 1 }
    guard total > limit else { return }
    throw DiploGraphError(.init(.maxActors, limit), at: SourceLocation(file: file)) {
      "found \(total) distinct actors (declared, or named by an action); expected at most "
        + "\(limit) (\($0))"
    }
  }
}

/// Both values, or `nil`.
private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
  guard let a, let b else { return nil }
  return (a, b)
}
