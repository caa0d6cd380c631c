import Foundation

/// Reads a data set from a path, whatever its format: the one entry point the command line uses,
/// and the simplest one for library users.
///
/// - A `.json` file is the canonical format.
/// - A `.csv` file is an actions file; its actors come from `actors`, or else from an
///   `actors.csv` in the same folder when the file is named `actions.csv`.
/// - A folder holds `actions.csv` and optionally `actors.csv` and `sources.csv` (read too
///   beside a file named `actions.csv`).
/// - Event data (GDELT, ICEWS, POLECAT) is recognised by its content, whatever its name (GDELT
///   names its exports `….export.CSV`): see ``EventData``.
/// - Any of these compressed with gzip (`.gz`) or as the one file of a `.zip` archive (as
///   GDELT ships its exports) is recognised by its first bytes and decompressed into memory
///   first, within ``Limits/maxBytes``: see ``Decompression``.
/// - `-` is standard input: JSON unless `format` says otherwise.
public enum DataSetFile {
  /// The input formats.
  public enum Format: String, Hashable, Sendable, CaseIterable {
    case json
    case csv
    /// GDELT 1.0 or 2.0 event exports (``EventData``).
    case gdelt
    /// ICEWS coded event data (``EventData``).
    case icews
    /// POLECAT event data (``EventData``).
    case polecat

    /// The event-data format this is, if it is one.
    var eventFormat: EventData.Format? {
      switch self {
      case .gdelt: .gdelt
      case .icews: .icews
      case .polecat: .polecat
      case .json, .csv: nil
      }
    }
  }

  /// Bounds on what is read, so a hostile or mistaken input gets a clear refusal instead of
  /// exhausting memory.
  ///
  /// Every limit is checked while reading, so an input past one fails early with a `limit`
  /// error that names the limit and its value (``DiploGraphError/limit``).
  public struct Limits: Hashable, Sendable {
    /// The default of ``maxActions``: 100 million.
    public static let defaultMaxActions = 100_000_000
    /// The default of ``maxActors``: 10 million.
    public static let defaultMaxActors = 10_000_000
    /// The default of ``maxRecordBytes``: 64 MiB.
    public static let defaultMaxRecordBytes = 64 << 20
    /// The default of ``maxBytes``: 4 GiB.
    public static let defaultMaxBytes = 4 << 30

    /// The largest file read, in bytes (default 4 GiB).
    public var maxBytes: Int
    /// The most actions a data set may have (default 100 million; at most 2³¹ − 1).
    public var maxActions: Int
    /// The most distinct actors, declared or named by an action (default 10 million).
    public var maxActors: Int
    /// The longest CSV record, in bytes (default 64 MiB).
    public var maxRecordBytes: Int
    /// Limits of the JSON parser (nesting depth, number of values).
    public var json: JSON.Limits
    /// The threads a reader may use (1…1,024; `nil` for the cores online): not a bound on the
    /// data, but read with the limits by every reader; the data set is the same whatever it is.
    public var threads: Int?
    /// For CSV: the delimiter and headers of a spreadsheet in another layout (not a bound
    /// either; read with the limits by the CSV reader).
    public var sheet = CSVFormat.Sheet()

    public init(
      maxBytes: Int = Limits.defaultMaxBytes, maxActions: Int = Limits.defaultMaxActions,
      maxActors: Int = Limits.defaultMaxActors,
      maxRecordBytes: Int = Limits.defaultMaxRecordBytes, json: JSON.Limits = JSON.Limits(),
      threads: Int? = nil
    ) {
      self.threads = threads
      self.maxBytes = maxBytes
      self.maxActions = maxActions
      self.maxActors = maxActors
      self.maxRecordBytes = maxRecordBytes
      self.json = json
    }

    /// The options of the CSV reader under these limits.
    public var csv: CSVFormat.ReadOptions {
      var options = CSVFormat.ReadOptions(
        parallelism: threads, maxActions: maxActions, maxActors: maxActors,
        maxRecordBytes: maxRecordBytes, maxBytes: maxBytes)
      options.sheet = sheet
      return options
    }

    /// The options of the canonical JSON reader under these limits.
    public var canonicalJSON: CanonicalJSON.ReadOptions {
      CanonicalJSON.ReadOptions(json: json, maxActions: maxActions, maxActors: maxActors)
    }
  }

  /// What a path names, once folders and sibling `actors.csv` files are resolved.
  enum Resolved: Equatable {
    case json(String)
    case csv(actions: String, actors: String?)
    case events(String, EventData.Format?)
  }

  /// Resolves `path` the way ``read(_:actors:format:limits:)`` reads it.
  ///
  /// - Throws: ``DiploGraphError`` with code `io` for a folder without `actions.csv`.
  static func resolve(_ path: String, actors: String?, format: Format?) throws -> Resolved {
    let files = FileManager.default
    var isDirectory: ObjCBool = false
    if path != "-", files.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      let actions = (path as NSString).appendingPathComponent("actions.csv")
      let siblingActors = (path as NSString).appendingPathComponent("actors.csv")
      guard files.fileExists(atPath: actions) else {
        throw DiploGraphError(
          .io,
          "found a folder without actions.csv; expected a .json or .csv file, or a folder "
            + "holding actions.csv", at: SourceLocation(file: path))
      }
      return .csv(
        actions: actions,
        actors: actors ?? (files.fileExists(atPath: siblingActors) ? siblingActors : nil))
    }
    if let events = format?.eventFormat { return .events(path, events) }
    if format == nil, path != "-", let events = detectEvents(path) { return .events(path, events) }
    switch format ?? (path.lowercased().hasSuffix(".csv") ? .csv : .json) {
    case .json, .gdelt, .icews, .polecat:
      return .json(path)
    case .csv:
      var actorsPath = actors
      if actorsPath == nil, path != "-", (path as NSString).lastPathComponent == "actions.csv" {
        let sibling = ((path as NSString).deletingLastPathComponent as NSString)
          .appendingPathComponent("actors.csv")
        if files.fileExists(atPath: sibling) { actorsPath = sibling }
      }
      return .csv(actions: path, actors: actorsPath)
    }
  }

  /// The files a read of `path` takes data from (standard input left out): what no output of
  /// the same run may overwrite.
  public static func inputFiles(_ path: String, actors: String? = nil, format: Format? = nil)
    -> [String]
  {
    let named = [path, actors].compactMap { $0 }.filter { $0 != "-" }
    switch try? resolve(path, actors: actors, format: format) {
    case .json(let file), .events(let file, _):
      return Array(Set(named + [file]).subtracting(["-"])).sorted()
    case .csv(let actions, let actorsFile):
      let files = [actorsFile, siblingSources(of: actions)].compactMap { $0 }
      return Array(Set(named + [actions] + files).subtracting(["-"])).sorted()
    case nil: return named
    }
  }

  /// Reads the data set at `path` (see the type's documentation for what a path may be).
  ///
  /// - Throws: ``DiploGraphError``: `io` when a file cannot be read, `limit` when it is larger
  ///   than `limits.maxBytes` or holds more than the other limits allow, and the readers' own
  ///   errors for malformed input.
  ///
  /// - Parameter events: how event data is read (which codes are kept, dedupe); its limits are
  ///   taken from `limits`.
  public static func read(
    _ path: String, actors: String? = nil, format: Format? = nil, limits: Limits = Limits(),
    events: EventData.ReadOptions = EventData.ReadOptions()
  ) throws -> Document {
    if path == "-" {
      return try readStandardInput(actors: actors, format: format, limits: limits, events: events)
    }
    if let compressed = Decompression.Kind(ofFileAt: path) {
      return try readCompressed(
        path, compressed, actors: actors, format: format, limits: limits, events: events)
    }
    switch try resolve(path, actors: actors, format: format) {
    case .events(let file, let format):
      let options = eventOptions(events, limits: limits)
      if file == "-" {
        let bytes = try readBytes(file, limit: limits.maxBytes)
        return try EventData.read(bytes, format: format, file: displayName(file), options: options)
      }
      return try EventData.read(
        path: file, format: format, options: options, maxBytes: limits.maxBytes)
    case .json(let file):
      let bytes = try readBytes(file, limit: limits.maxBytes)
      return try CanonicalJSON.read(bytes, file: displayName(file), options: limits.canonicalJSON)
    case .csv(let actions, let actorsFile):
      return try readCSV(actions, actors: actorsFile, limits: limits)
    }
  }

  /// `events` with the limits of `limits`.
  static func eventOptions(_ events: EventData.ReadOptions, limits: Limits)
    -> EventData.ReadOptions
  {
    var options = events
    options.maxActions = limits.maxActions
    options.maxActors = limits.maxActors
    options.maxRecordBytes = limits.maxRecordBytes
    options.parallelism = limits.threads ?? options.parallelism
    return options
  }

  static func readCSV(_ actions: String, actors: String?, limits: Limits) throws -> Document {
    if actions == "-" {
      let actionBytes = try readBytes(actions, limit: limits.maxBytes)
      let actorBytes = try actors.map { try readBytes($0, limit: limits.maxBytes) }
      return try CSVFormat.read(
        actions: actionBytes, actors: actorBytes, actionsFile: displayName(actions),
        actorsFile: actors.map(displayName), options: limits.csv)
    }
    // From a path the reader streams the file in blocks: check the size, not the bytes.
    for path in [actions, actors].compactMap({ $0 }) {
      try checkSize(path, limit: limits.maxBytes)
    }
    return try CSVFormat.read(
      actionsPath: actions, actorsPath: actors, sourcesPath: siblingSources(of: actions),
      options: limits.csv)
  }

  /// The event-data format of the regular file at `path`, from its first 64 KiB; `nil` when it
  /// is none, or cannot be read (the reader that follows then says why).
  static func detectEvents(_ path: String) -> EventData.Format? {
    // Only a regular file: looking into a pipe would consume it.
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
      let input = try? CSVInput(path: path), let head = try? EventData.prefix(of: input)
    else { return nil }
    return EventData.detect(head)
  }

  /// Refuses a file larger than `limit` bytes before reading it.
  ///
  /// - Throws: ``DiploGraphError`` with code `io` and the system's reason (`No such file or
  ///   directory`) when it cannot be looked at, or a `limit` error.
  static func checkSize(_ path: String, limit: Int) throws {
    var info = stat()
    guard stat(path, &info) == 0 else { throw readError(path) }
    if info.st_mode & S_IFMT == S_IFREG && Int(info.st_size) > limit {
      throw tooLarge(path, limit: limit)
    }
  }

  /// `FILE: error: cannot read: <the system's reason for errno>`.
  static func readError(_ path: String) -> DiploGraphError {
    DiploGraphError(
      .io, "cannot read: \(String(cString: strerror(errno)))",
      at: SourceLocation(file: displayName(path)))
  }

  static func tooLarge(_ path: String, limit: Int) -> DiploGraphError {
    DiploGraphError(.init(.maxBytes, limit), at: SourceLocation(file: displayName(path))) {
      "found a file larger than \(limit) bytes; expected at most \(limit) bytes (\($0))"
    }
  }

  /// The name messages use for a path.
  static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

  /// The bytes of a file, or of standard input for `-`, refusing more than `limit` bytes.
  ///
  /// Read with `read(2)`: a failure (a folder, EIO, a closed standard input) is an `io` error
  /// in the system's words (`Is a directory`, `Input/output error`, `Bad file descriptor`).
  public static func readBytes(_ path: String, limit: Int) throws -> [UInt8] {
    let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw readError(path) }
    defer { if path != "-" { close(fd) } }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw readError(path)
      }
      if n == 0 { break }
      if bytes.count + n > limit { throw tooLarge(path, limit: limit) }
      bytes.append(contentsOf: buffer[0..<n])
    }
    return bytes
  }

  /// `read(2)`, named apart from this type's own `read`.
  private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int)
    -> Int
  {
    #if canImport(Darwin)
      return Darwin.read(fd, buffer, count)
    #elseif canImport(Musl)
      return Musl.read(fd, buffer, count)
    #else
      return Glibc.read(fd, buffer, count)
    #endif
  }
}
