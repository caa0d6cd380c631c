import DiploGraph

/// The canonical JSON reader on arbitrary bytes.
enum JSONFuzz {
  static let file = "fuzz.json"
  /// Small limits, so that the limits' own paths are exercised too.
  static let options = CanonicalJSON.ReadOptions(
    json: JSON.Limits(maxDepth: 32, maxValues: 20_000), maxActions: 500, maxActors: 100)

  static func check(_ bytes: [UInt8]) throws {
    let document: Document
    do {
      document = try CanonicalJSON.read(bytes, file: file, options: options)
    } catch {
      try Checks.readingError(error, files: [file], codes: [.syntax, .schema, .limit])
      return
    }
    try Checks.afterReading(document, files: [file])
  }
}
