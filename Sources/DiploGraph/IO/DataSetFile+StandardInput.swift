extension DataSetFile {
  /// Reads standard input (`-`) once, within `limits.maxBytes` (of the compressed bytes, and
  /// again of what they hold): a gzip stream or a single-file zip archive when the bytes begin
  /// with its magic numbers, as a compressed file is (`diplograph stats - < events.csv.gz`);
  /// otherwise as `format` says, canonical JSON by default. Event data from standard input is
  /// recognised by its content only when compressed (plain, it needs `format`), as before.
  ///
  /// - Throws: as ``read(_:actors:format:limits:events:)``: `limit` when the input holds more
  ///   than `limits.maxBytes` bytes, compressed or not.
  static func readStandardInput(
    actors: String?, format: Format?, limits: Limits, events: EventData.ReadOptions
  ) throws -> Document {
    let name = displayName("-")
    let bytes = try readBytes("-", limit: limits.maxBytes)
    if let kind = Decompression.Kind(magic: bytes) {
      return try readDecompressed(
        bytes, kind, file: name, actors: actors, format: format, limits: limits, events: events)
    }
    switch try resolve("-", actors: actors, format: format) {
    case .events(_, let eventFormat):
      return try EventData.read(
        bytes, format: eventFormat, file: name, options: eventOptions(events, limits: limits))
    case .json:
      return try CanonicalJSON.read(bytes, file: name, options: limits.canonicalJSON)
    case .csv(_, let actorsFile):
      let actorBytes = try actorsFile.map { try readBytes($0, limit: limits.maxBytes) }
      return try CSVFormat.read(
        actions: bytes, actors: actorBytes, actionsFile: name,
        actorsFile: actorsFile.map(displayName), options: limits.csv)
    }
  }
}
