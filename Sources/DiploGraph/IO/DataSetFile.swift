import Foundation

/// Reads a data set from a path, whatever its format: the one entry point the command line uses,
/// and the simplest one for library users.
///
/// - A `.json` file is the canonical format.
/// - A `.csv` file is an actions file; its actors come from `actors`, or else from an
///   `actors.csv` in the same folder when the file is named `actions.csv`.
/// - A folder holds `actions.csv` and optionally `actors.csv`.
/// - `-` is standard input: JSON unless `format` says CSV.
public enum DataSetFile {
  /// The input formats.
  public enum Format: String, Hashable, Sendable, CaseIterable {
    case json
    case csv
  }

  /// Bounds on what is read, so a hostile or mistaken input gets a clear refusal instead of
  /// exhausting memory.
  public struct Limits: Hashable, Sendable {
    /// The largest file read, in bytes (default 4 GiB).
    public var maxBytes: Int
    /// Limits of the JSON parser (nesting depth).
    public var json: JSON.Limits

    public init(maxBytes: Int = 4 << 30, json: JSON.Limits = JSON.Limits()) {
      self.maxBytes = maxBytes
      self.json = json
    }
  }

  /// Reads the data set at `path` (see the type's documentation for what a path may be).
  ///
  /// - Throws: ``DiploGraphError``: `io` when a file cannot be read, `limit` when it is larger
  ///   than `limits.maxBytes`, and the readers' own errors for malformed input.
  public static func read(
    _ path: String, actors: String? = nil, format: Format? = nil, limits: Limits = Limits()
  ) throws -> Document {
    var isDirectory: ObjCBool = false
    if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      let actions = (path as NSString).appendingPathComponent("actions.csv")
      let siblingActors = (path as NSString).appendingPathComponent("actors.csv")
      guard FileManager.default.fileExists(atPath: actions) else {
        throw DiploGraphError(
          .io, "\(path) is a folder without actions.csv; give a .json or .csv file")
      }
      let actorsPath =
        actors ?? (FileManager.default.fileExists(atPath: siblingActors) ? siblingActors : nil)
      return try readCSV(actions, actors: actorsPath, limits: limits)
    }
    let chosen = format ?? (path.lowercased().hasSuffix(".csv") ? .csv : .json)
    switch chosen {
    case .json:
      let bytes = try readBytes(path, limit: limits.maxBytes)
      return try CanonicalJSON.read(bytes, file: displayName(path), limits: limits.json)
    case .csv:
      var actorsPath = actors
      if actorsPath == nil, path != "-", (path as NSString).lastPathComponent == "actions.csv" {
        let sibling = ((path as NSString).deletingLastPathComponent as NSString)
          .appendingPathComponent("actors.csv")
        if FileManager.default.fileExists(atPath: sibling) { actorsPath = sibling }
      }
      return try readCSV(path, actors: actorsPath, limits: limits)
    }
  }

  static func readCSV(_ actions: String, actors: String?, limits: Limits) throws -> Document {
    if actions == "-" {
      let actionBytes = try readBytes(actions, limit: limits.maxBytes)
      let actorBytes = try actors.map { try readBytes($0, limit: limits.maxBytes) }
      return try CSVFormat.read(
        actions: actionBytes, actors: actorBytes, actionsFile: displayName(actions),
        actorsFile: actors.map(displayName))
    }
    // From a path the reader streams the file in blocks: check the size, not the bytes.
    for path in [actions, actors].compactMap({ $0 }) {
      try checkSize(path, limit: limits.maxBytes)
    }
    return try CSVFormat.read(actionsPath: actions, actorsPath: actors)
  }

  /// Refuses a file larger than `limit` bytes before reading it.
  static func checkSize(_ path: String, limit: Int) throws {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
      let reason =
        FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
      throw DiploGraphError(.io, "cannot read \(path): \(reason)")
    }
    if let size = (attributes[.size] as? NSNumber)?.intValue, size > limit {
      throw tooLarge(path, limit: limit)
    }
  }

  static func tooLarge(_ path: String, limit: Int) -> DiploGraphError {
    DiploGraphError(
      .limit,
      "\(displayName(path)) is larger than the input limit of \(limit) bytes; raise it with --max-input-bytes",
      at: SourceLocation(file: displayName(path)))
  }

  /// The name messages use for a path.
  static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

  /// The bytes of a file, or of standard input for `-`, refusing more than `limit` bytes.
  public static func readBytes(_ path: String, limit: Int) throws -> [UInt8] {
    let handle: FileHandle
    if path == "-" {
      handle = FileHandle.standardInput
    } else {
      guard let opened = FileHandle(forReadingAtPath: path) else {
        let reason =
          FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
        throw DiploGraphError(.io, "cannot read \(path): \(reason)")
      }
      handle = opened
    }
    defer { if path != "-" { try? handle.close() } }
    var bytes: [UInt8] = []
    while true {
      let chunk: Data?
      do {
        chunk = try handle.read(upToCount: 1 << 22)
      } catch {
        throw DiploGraphError(
          .io, "cannot read \(displayName(path)): \(error.localizedDescription)")
      }
      guard let chunk, !chunk.isEmpty else { break }
      if bytes.count + chunk.count > limit { throw tooLarge(path, limit: limit) }
      bytes.append(contentsOf: chunk)
    }
    return bytes
  }
}
