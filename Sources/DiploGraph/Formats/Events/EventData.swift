// Event data: machine-coded events from the news, read as actions.
//
// GDELT 1.0 and 2.0 event exports (layouts in EventLayout.swift). Each kept event becomes one
// action: actor and target from the two actors' country codes (CAMEO codes, resolved to ISO
// 3166-1 alpha-3 through ReferenceData: `ROM` → `ROU`; regional codes such as `EUR` stay
// region actors; a code the reference does not know is kept as written, with a warning), kind
// `cameo:<EventCode>` (the code as text: `0211` keeps its zero), date from SQLDATE, the event's
// id (GLOBALEVENTID), its source (SOURCEURL, when the file has one) and its mentions
// (NumMentions). Events carry no count of diplomats.
//
// Events of codes the filter does not keep are passed over. Events of kept codes without both
// an actor and a target country are skipped and counted (one warning). A record with the wrong
// number of fields, or a kept event with a malformed date, mentions or no id, is an error
// located at its line and field (`events.tsv:14:88 (row 14, column "SQLDATE"): error: …`);
// the rest of the file is still read, so every such problem is listed.

/// Reads event data (GDELT, ICEWS, POLECAT) into a ``DataSet``: see the format notes at the top of
/// `EventData.swift` and `docs/event-data.md`.
public enum EventData {
  /// The event-data formats.
  public enum Format: String, Hashable, Sendable, CaseIterable {
    /// GDELT 1.0 (57 or 58 columns) and 2.0 (61 columns) event exports.
    case gdelt
    /// ICEWS coded event data: a header, CAMEO codes, country names.
    case icews
    /// POLECAT: a header, PLOVER types and modes (``PLOVERFilter``).
    case polecat
  }

  /// Whether events that say the same thing are merged.
  public enum Dedupe: String, Hashable, Sendable, CaseIterable {
    /// Every event is an action.
    case none
    /// One action per (actor, target, code, day): the first event's id, every event's source,
    /// the mentions summed (GDELT repeats one event under many URLs).
    case day
  }

  /// How to read.
  public struct ReadOptions: Hashable, Sendable {
    /// Which events are kept (default: CAMEO 161, ``EventCodeFilter/diplomaticConflict``).
    public var codes: EventCodeFilter
    /// Which POLECAT events are kept; `nil` for ``PLOVERFilter/diplomaticExpulsion`` when
    /// ``codes`` is the default, for every event when it is ``EventCodeFilter/all`` (any other
    /// CAMEO codes are refused for POLECAT).
    public var plover: PLOVERFilter?
    public var dedupe: Dedupe
    /// The most problems listed; past it, reading stops.
    public var maxDiagnostics: Int
    /// Parts read at once (`--threads`); `nil` for the number of cores. Files under 4 MiB are
    /// read in one part.
    public var parallelism: Int?
    /// The most events kept.
    public var maxActions: Int
    /// The most distinct actors.
    public var maxActors: Int
    /// The longest line, in bytes.
    public var maxRecordBytes: Int
    /// The smallest part worth a core of its own (tests and the fuzz target make it small to
    /// split small files).
    @_spi(Testing) public var minimumPartBytes = 1 << 21

    public init(
      codes: EventCodeFilter = .diplomaticConflict, plover: PLOVERFilter? = nil,
      dedupe: Dedupe = .none,
      maxDiagnostics: Int = 1000, parallelism: Int? = nil,
      maxActions: Int = DataSetFile.Limits.defaultMaxActions,
      maxActors: Int = DataSetFile.Limits.defaultMaxActors,
      maxRecordBytes: Int = DataSetFile.Limits.defaultMaxRecordBytes
    ) {
      self.codes = codes
      self.plover = plover
      self.dedupe = dedupe
      self.maxDiagnostics = max(1, maxDiagnostics)
      self.parallelism = parallelism
      self.maxActions = max(0, min(maxActions, Int(Int32.max)))
      self.maxActors = max(0, min(maxActors, Int(Int32.max)))
      self.maxRecordBytes = max(1, maxRecordBytes)
    }
  }

  /// Reads event data from bytes in memory.
  ///
  /// - Parameters:
  ///   - format: the format, or `nil` to detect it from the bytes (``detect(_:)``).
  ///   - file: the name messages give the input.
  /// - Throws: ``DiploGraphError``: `syntax` when the format is not given and cannot be
  ///   detected; `limit` for more kept events or actors than `options` allow, or a line longer
  ///   than `options.maxRecordBytes`.
  /// - Complexity: O(n) for n bytes, on all cores for large inputs.
  public static func read(
    _ bytes: [UInt8], format: Format? = nil, file: String? = nil,
    options: ReadOptions = ReadOptions()
  ) throws -> Document {
    try read(CSVInput(bytes: bytes), format: format, file: file, options: options)
  }

  /// Reads event data from a file, in blocks (never the whole file at once).
  ///
  /// - Throws: as ``read(_:format:file:options:)``, and `io` when the file cannot be read,
  ///   `limit` when it holds more than `maxBytes` bytes.
  public static func read(
    path: String, format: Format? = nil, options: ReadOptions = ReadOptions(),
    maxBytes: Int = DataSetFile.Limits.defaultMaxBytes
  ) throws -> Document {
    let input = try CSVInput(path: path, maxBytes: maxBytes)
    return try read(input, format: format, file: path, options: options)
  }

  static func read(_ input: CSVInput, format: Format?, file: String?, options: ReadOptions)
    throws -> Document
  {
    let head = try prefix(of: input)
    guard var layout = try layout(head, format: format, file: file) else {
      let what = format.map { "a \($0.rawValue) file" } ?? "event data"
      throw DiploGraphError(
        .syntax,
        "found \(describe(head)); expected \(what): tab-separated records of 57, 58 or 61 "
          + "fields (GDELT), or a header of ICEWS's or POLECAT's columns",
        at: SourceLocation(file: file, line: 1))
    }
    var input = input
    var diagnostics: [Diagnostic] = []
    if layout.dataStartLine > 0, let invalid = try Latin1.firstInvalidUTF8(input) {
      // ICEWS and POLECAT files come in UTF-8 or Latin-1: bytes that are not UTF-8 are
      // Latin-1, each turned into the character of the same number.
      input = CSVInput(bytes: try Latin1.utf8(from: input))
      layout.latin1 = true
      diagnostics.append(
        Diagnostic(
          .warning,
          "read as Latin-1 (ISO 8859-1): the file is not UTF-8 (byte \(invalid.offset + 1), "
            + "line \(invalid.line))", at: SourceLocation(file: file)))
    }
    let selection = try selection(layout, options: options, file: file)
    let result = try EventReader.read(
      input, file: file, layout: layout, options: options, selection: selection)
    return Document(
      dataSet: result.dataSet, map: result.map, diagnostics: diagnostics + result.diagnostics)
  }

  /// The events a read keeps, in the layout's vocabulary.
  ///
  /// - Throws: ``DiploGraphError`` `syntax` for CAMEO codes other than the default or `all`
  ///   asked of PLOVER-coded data, or PLOVER terms asked of CAMEO-coded data.
  static func selection(_ layout: EventLayout, options: ReadOptions, file: String?) throws
    -> EventSelection
  {
    switch layout.vocabulary {
    case .cameo:
      if let plover = options.plover, plover != .all,
        options.codes == .diplomaticConflict
      {
        throw DiploGraphError(
          .syntax,
          "found PLOVER codes (\(plover)) for \(layout.name) data; expected CAMEO codes such "
            + "as 161 (\(layout.name) codes its events in CAMEO)", at: SourceLocation(file: file))
      }
      return .cameo(options.codes)
    case .plover:
      if let plover = options.plover { return .plover(plover) }
      if options.codes == .all { return .plover(.all) }
      guard options.codes == .diplomaticConflict else {
        throw DiploGraphError(
          .syntax,
          "found CAMEO codes (\(options.codes)) for POLECAT data; expected PLOVER types and "
            + "modes such as sanction/expel (POLECAT codes its events in PLOVER)",
          at: SourceLocation(file: file))
      }
      return .plover(.diplomaticExpulsion)
    }
  }

  /// The format of an input from its first bytes: GDELT when the first line has 57, 58 or 61
  /// tab-separated fields and a numeric first field; ICEWS or POLECAT when it is a header
  /// with the columns of exactly one of them (``EventLayout/headedFormat(_:)``); `nil` when
  /// no event-data format fits.
  public static func detect(_ head: some Collection<UInt8>) -> Format? {
    let bytes = Array(head)
    let names = EventLayout.headerNames(firstLine(bytes))
    if let headed = EventLayout.headedFormat(names) { return headed }
    return (try? layout(bytes, format: .gdelt, file: nil)).flatMap { $0 }.map { _ in .gdelt }
  }

  /// The layout of a file whose first bytes are `head`; `nil` when none fits.
  ///
  /// - Throws: ``DiploGraphError`` `syntax` for an ICEWS or POLECAT header without a column
  ///   the reader needs.
  static func layout(_ head: [UInt8], format: Format?, file: String?) throws -> EventLayout? {
    let line = firstLine(head)
    let names = EventLayout.headerNames(line)
    let headed = format == .gdelt ? nil : (format ?? EventLayout.headedFormat(names))
    if let headed {
      // A header without a line end, at the very end of the input, holds no records.
      let end = head.firstIndex(of: 0x0A).map { $0 + 1 } ?? head.count
      if end == head.count, head.count == (1 << 16) {
        throw DiploGraphError(
          .syntax, "found a header line longer than 64 KiB; expected a header of columns",
          at: SourceLocation(file: file, line: 1))
      }
      return try EventLayout.headed(headed, header: line, dataStart: end, file: file)
    }
    let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
    guard let first = fields.first, !first.isEmpty, first.allSatisfy({ (48...57).contains($0) })
    else { return nil }
    return EventLayout.gdelt(columns: fields.count)
  }

  /// The first line of `head`, without its line end.
  static func firstLine(_ head: [UInt8]) -> ArraySlice<UInt8> {
    var line = head[...]
    if let lf = line.firstIndex(of: 0x0A) { line = line[..<lf] }
    if line.last == 0x0D { line = line.dropLast() }
    return line
  }

  /// What the first line looks like, for a message.
  private static func describe(_ head: [UInt8]) -> String {
    let line = firstLine(head)
    if line.isEmpty { return "an empty first line" }
    let fields = line.split(separator: 0x09, omittingEmptySubsequences: false).count
    return "a first line of \(fields) tab-separated field\(fields == 1 ? "" : "s")"
  }

  /// Up to 64 KiB from the start of `input`.
  static func prefix(of input: CSVInput) throws -> [UInt8] {
    let n = min(input.size, 1 << 16)
    return try [UInt8](unsafeUninitializedCapacity: n) { buffer, count in
      count = try input.read(at: 0, into: buffer.baseAddress!, count: n)
    }
  }
}
