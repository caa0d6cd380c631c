@_spi(Testing) import DiploGraph

/// The CSV reader on arbitrary bytes: read in one sequential pass and again in parallel parts
/// split at offsets the input chooses, with tiny blocks and row regions; both reads must give
/// exactly the same result (or the same error).
///
/// Input layout: byte 0 chooses the options (bits 0–2: number of splits; bit 3: 16-byte
/// blocks, else 512; bit 4: one-row regions, so rows overflow them; bits 5–7: where the splits fall;
/// bit 7 also: both reads told the delimiter `;`, else it is taken from the header line);
/// the rest is `actions.csv`, then, after the first line `#actors`, `actors.csv`.
enum CSVFuzz {
  static let actionsFile = "actions.csv"
  static let actorsFile = "actors.csv"
  static let separator = Array("\n#actors\n".utf8)

  /// Small limits, so that the limits' own paths are exercised too, and 4 KiB blocks (the
  /// result must not depend on the block size; small blocks keep each run cheap under ASan).
  static func options() -> CSVFormat.ReadOptions {
    var options = CSVFormat.ReadOptions(
      maxDiagnostics: 40, parallelism: 1, maxActions: 400, maxActors: 60, maxRecordBytes: 4096)
    options.blockSize = 4096
    return options
  }

  /// The two files an input holds, and its option byte.
  static func split(_ bytes: [UInt8]) -> (options: UInt8, actions: [UInt8], actors: [UInt8]?) {
    guard let options = bytes.first else { return (0, [], nil) }
    let rest = Array(bytes.dropFirst())
    guard rest.count >= separator.count else { return (options, rest, nil) }
    for i in 0...(rest.count - separator.count)
    where rest[i] == separator[0] && Array(rest[i..<i + separator.count]) == separator {
      return (options, Array(rest[..<i]), Array(rest[(i + separator.count)...]))
    }
    return (options, rest, nil)
  }

  static func read(_ actions: [UInt8], _ actors: [UInt8]?, _ options: CSVFormat.ReadOptions)
    -> Result<Document, any Error>
  {
    Result {
      try CSVFormat.read(
        actions: actions, actors: actors, actionsFile: actionsFile, actorsFile: actorsFile,
        options: options)
    }
  }

  static func check(_ bytes: [UInt8]) throws {
    let (flags, actions, actors) = split(bytes)
    let files: Set<String> = [actionsFile, actorsFile]
    var sequentialOptions = options()
    if flags & 128 != 0 { sequentialOptions.sheet.delimiter = UInt8(ascii: ";") }
    let sequential = read(actions, actors, sequentialOptions)

    var parallel = sequentialOptions
    let splitCount = Int(flags & 7)
    var seed = UInt64(flags >> 5) &+ UInt64(actions.count) &* 0x9E37_79B9_7F4A_7C15
    parallel.splits = (0..<splitCount).map { _ in
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return actions.isEmpty ? 0 : Int((seed >> 33) % UInt64(actions.count))
    }
    parallel.blockSize = flags & 8 != 0 ? 16 : 512
    if flags & 16 != 0 { parallel.regionCapacity = 1 }
    let inParts = read(actions, actors, parallel)

    switch (sequential, inParts) {
    case (.failure(let a), .failure(let b)):
      try Checks.readingError(a, files: files, codes: [.syntax, .schema, .limit])
      guard "\(a)" == "\(b)" else {
        throw FuzzFinding("sequential and parallel reads fail differently: \(a) / \(b)")
      }
    case (.success(let a), .success(let b)):
      try same(a, b)
      guard try Checks.afterReading(a, files: files) else { return }
      try roundTrip(a.dataSet)
    case (.failure(let error), .success), (.success, .failure(let error)):
      throw FuzzFinding("only one of the sequential and parallel reads fails: \(error)")
    }
  }

  /// Everything the reader produces, down to the symbol tables' order and the raw columns.
  static func same(_ a: Document, _ b: Document) throws {
    let x = a.dataSet.actions
    let y = b.dataSet.actions
    guard a.dataSet == b.dataSet else { throw FuzzFinding("parallel read: another data set") }
    guard a.diagnostics == b.diagnostics else {
      throw FuzzFinding(
        "parallel read: other diagnostics: \(a.diagnostics.prefix(3)) / \(b.diagnostics.prefix(3))")
    }
    guard
      x.endpointSymbols == y.endpointSymbols && x.kindSymbols == y.kindSymbols
        && x.sourceSymbols == y.sourceSymbols && x.idSymbols == y.idSymbols
        && x.sourceSetTable == y.sourceSetTable && x.actorColumn == y.actorColumn
        && x.targetColumn == y.targetColumn && x.kindColumn == y.kindColumn
        && x.countColumn == y.countColumn && x.dateColumn == y.dateColumn
        && x.sourceSetColumn == y.sourceSetColumn && x.idColumn == y.idColumn
        && x.responses == y.responses && x.notes == y.notes
    else { throw FuzzFinding("parallel read: other columns or symbol tables") }
    // Locations read the file again (a block per lookup): the first and last rows suffice.
    for row in Set([0, x.count - 1]) where row >= 0 {
      for field in ["actor", "note"] {
        let path = DataPath(.actions, row, field: field)
        guard a.map.location(of: path) == b.map.location(of: path) else {
          throw FuzzFinding("parallel read: another location for \(path)")
        }
      }
    }
  }

  /// A data set read from CSV without errors writes as CSV and reads back equal.
  static func roundTrip(_ data: DataSet) throws {
    let actions: [UInt8]
    let actors: [UInt8]
    do {
      actions = try CSVFormat.writeActions(data)
      actors = try CSVFormat.writeActors(data)
    } catch {
      throw FuzzFinding("a data set read from CSV cannot be written as CSV: \(error)")
    }
    let again: Document
    do {
      again = try CSVFormat.read(
        actions: actions, actors: data.actors.isEmpty ? nil : actors, actionsFile: actionsFile,
        actorsFile: actorsFile)
    } catch {
      throw FuzzFinding("the CSV written does not read back: \(error)")
    }
    if let problem = again.diagnostics.first(where: { $0.severity == .error }) {
      throw FuzzFinding("the CSV written reads back with an error: \(problem)")
    }
    guard again.dataSet == data else {
      throw FuzzFinding("the CSV written reads back as another data set")
    }
  }
}
