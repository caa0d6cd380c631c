extension DataSetFile {
  /// Reads a gzip or single-file zip input: decompressed into memory within
  /// `limits.maxBytes`, then read by the reader its content or its inner name calls for
  /// (event data by content; `.csv` as an actions file; JSON otherwise), messages naming the
  /// compressed file (`events.zip:3:5 …`).
  ///
  /// - Throws: as ``read(_:actors:format:limits:events:)``, and ``Decompression``'s errors.
  static func readCompressed(
    _ path: String, _ kind: Decompression.Kind, actors: String?, format: Format?,
    limits: Limits, events: EventData.ReadOptions
  ) throws -> Document {
    try readDecompressed(
      try readBytes(path, limit: limits.maxBytes), kind, file: displayName(path), actors: actors,
      format: format, limits: limits, events: events)
  }

  /// Reads the input `compressed` (the bytes of `file`) of the given kind, as
  /// ``readCompressed(_:_:actors:format:limits:events:)`` describes.
  static func readDecompressed(
    _ compressed: [UInt8], _ kind: Decompression.Kind, file name: String, actors: String?,
    format: Format?, limits: Limits, events: EventData.ReadOptions
  ) throws -> Document {
    let entry = try Decompression.decompress(
      compressed, kind: kind, file: name, limit: limits.maxBytes)
    let eventFormat =
      format.map(\.eventFormat) ?? EventData.detect(entry.bytes.prefix(1 << 16))
    if let eventFormat {
      return try EventData.read(
        entry.bytes, format: eventFormat, file: name,
        options: eventOptions(events, limits: limits))
    }
    if format == .csv || (format == nil && entry.name.lowercased().hasSuffix(".csv")) {
      let actorBytes = try actors.map { try readBytes($0, limit: limits.maxBytes) }
      return try CSVFormat.read(
        actions: entry.bytes, actors: actorBytes, actionsFile: name,
        actorsFile: actors.map(displayName), options: limits.csv)
    }
    return try CanonicalJSON.read(entry.bytes, file: name, options: limits.canonicalJSON)
  }
}
