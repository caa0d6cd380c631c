@_spi(Testing) import DiploGraph

/// The event readers (GDELT, ICEWS, POLECAT) on arbitrary bytes: read in one part and again in as many parts as
/// the input chooses (parts of a few bytes, so that every small file is split); both reads must
/// give exactly the same result or the same error, and a result must survive what every data
/// set read without errors survives (``Checks/afterReading(_:files:)``).
///
/// Input layout: byte 0 chooses the options (bit 0: every CAMEO code kept, else the default
/// 161, and for POLECAT every PLOVER event; bit 1: `--dedupe day`; bits 2–4: 2 to 9 parts;
/// bits 5–6: the format, GDELT, ICEWS, POLECAT or detected from the content); the rest is the
/// file: tab-separated records of 57, 58 or 61 fields, or ICEWS's or POLECAT's header and
/// records.
enum EventsFuzz {
  static let file = "events.tsv"

  /// Small limits, so that the limits' own paths are exercised too.
  static func options(_ flags: UInt8) -> EventData.ReadOptions {
    EventData.ReadOptions(
      codes: flags & 1 != 0 ? .all : .diplomaticConflict, dedupe: flags & 2 != 0 ? .day : .none,
      maxDiagnostics: 40, parallelism: 1, maxActions: 400, maxActors: 60, maxRecordBytes: 4096)
  }

  /// The format byte 0 chooses; `nil` for detection.
  static func format(_ flags: UInt8) -> EventData.Format? {
    [EventData.Format.gdelt, .icews, .polecat, nil][Int((flags >> 5) & 3)]
  }

  static func read(_ bytes: [UInt8], _ options: EventData.ReadOptions, _ flags: UInt8)
    -> Result<Document, any Error>
  {
    Result { try EventData.read(bytes, format: format(flags), file: file, options: options) }
  }

  static func check(_ bytes: [UInt8]) throws {
    guard let flags = bytes.first else { return }
    let text = Array(bytes.dropFirst())
    let sequential = read(text, options(flags), flags)
    var split = options(flags)
    split.parallelism = 2 + Int((flags >> 2) & 7)
    split.minimumPartBytes = 16
    let inParts = read(text, split, flags)

    switch (sequential, inParts) {
    case (.failure(let a), .failure(let b)):
      try Checks.readingError(a, files: [file], codes: [.syntax, .schema, .limit])
      guard "\(a)" == "\(b)" else {
        throw FuzzFinding("one-part and many-part reads fail differently: \(a) / \(b)")
      }
    case (.success(let a), .success(let b)):
      guard a.dataSet == b.dataSet else { throw FuzzFinding("many-part read: another data set") }
      guard a.diagnostics == b.diagnostics else {
        throw FuzzFinding(
          "many-part read: other diagnostics: \(a.diagnostics.prefix(3)) / "
            + "\(b.diagnostics.prefix(3))")
      }
      try Checks.afterReading(a, files: [file])
    case (.failure(let error), .success), (.success, .failure(let error)):
      throw FuzzFinding("only one of the one-part and many-part reads fails: \(error)")
    }
  }
}
