import DiploGraph

/// The canonical JSON reader on arbitrary bytes.
enum JSONFuzz {
  static let file = "fuzz.json"
  /// Small limits, so that the limits' own paths are exercised too.
  static let options = CanonicalJSON.ReadOptions(
    json: JSON.Limits(maxDepth: 32, maxValues: 20_000), maxActions: 500, maxActors: 100)

  /// The streaming read (what `CanonicalJSON.read` does) must read as the tree read it
  /// replaced: the same data set and messages, or the same error.
  static func check(_ bytes: [UInt8]) throws {
    let document: Document
    let tree = Result { try CanonicalJSON.readThroughTree(bytes, file: file, options: options) }
    do {
      document = try CanonicalJSON.read(bytes, file: file, options: options)
    } catch {
      guard case .failure(let expected) = tree,
        expected as? DiploGraphError == error as? DiploGraphError
      else { throw FuzzFinding("the streaming read threw \(error), the tree read \(tree)") }
      try Checks.readingError(error, files: [file], codes: [.syntax, .schema, .limit])
      return
    }
    guard case .success(let expected) = tree, expected.dataSet == document.dataSet,
      expected.diagnostics == document.diagnostics
    else { throw FuzzFinding("the streaming read differs from the tree read: \(tree)") }
    try Checks.afterReading(document, files: [file])
  }
}
