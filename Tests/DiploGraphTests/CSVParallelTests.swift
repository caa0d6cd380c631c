import TestSupport
import Testing

@_spi(Testing) @testable import DiploGraph

/// The parallel reader must give exactly what one sequential pass gives, wherever the file is
/// split — in particular where a guessed split falls inside a quoted field that holds line
/// breaks.
@Suite struct CSVParallelTests {
  /// Everything a reader produces, down to the symbol tables' order and the raw columns.
  static func expectSame(
    _ a: Document, _ b: Document, _ comment: Comment? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let x = a.dataSet.actions
    let y = b.dataSet.actions
    #expect(a.dataSet == b.dataSet, comment, sourceLocation: sourceLocation)
    #expect(a.diagnostics == b.diagnostics, comment, sourceLocation: sourceLocation)
    #expect(
      x.endpointSymbols == y.endpointSymbols && x.kindSymbols == y.kindSymbols
        && x.sourceSymbols == y.sourceSymbols && x.idSymbols == y.idSymbols
        && x.sourceSetTable == y.sourceSetTable, comment, sourceLocation: sourceLocation)
    #expect(
      x.actorColumn == y.actorColumn && x.targetColumn == y.targetColumn
        && x.kindColumn == y.kindColumn && x.countColumn == y.countColumn
        && x.dateColumn == y.dateColumn && x.sourceSetColumn == y.sourceSetColumn
        && x.idColumn == y.idColumn && x.responses == y.responses && x.notes == y.notes,
      comment, sourceLocation: sourceLocation)
    for row in stride(from: 0, to: x.count, by: max(1, x.count / 7)) {
      let path = DataPath(.actions, row, field: "note")
      #expect(
        a.map.location(of: path) == b.map.location(of: path), comment,
        sourceLocation: sourceLocation)
    }
  }

  /// Parts for threads that take them as they free up shrink toward the end, none below the
  /// smallest size but the last, none beyond the cap; each starts a record, and the read gives
  /// what one sequential pass gives.
  @Test(arguments: [2, 3, 16])
  func guidedPartsShrinkTowardTheEnd(threads: Int) throws {
    var text = "actor,target,kind,count\n"
    for n in 0..<40_000 { text += "A\(n % 37),B\(n % 41),expulsion,\(n % 9 + 1)\n" }
    let bytes = Array(text.utf8)
    let input = CSVInput(bytes: bytes)
    var configuration = CSVActionsReader.Configuration()
    configuration.threads = threads
    configuration.parts = CSVActionsReader.partsPerThread * threads
    configuration.minimumPartBytes = 8_192
    let (layout, _) = try CSVLayout.read(
      input, file: nil, known: CSVColumns.actions, required: CSVColumns.actionsRequired)
    let splits = try CSVActionsReader.splitOffsets(
      input, layout: layout, configuration: configuration)
    let bounds = [layout.dataStart] + splits + [bytes.count]
    let sizes = (0..<bounds.count - 1).map { bounds[$0 + 1] - bounds[$0] }
    #expect(sizes.count > threads && sizes.count <= configuration.parts)
    #expect(sizes.dropLast().allSatisfy { $0 >= configuration.minimumPartBytes })
    // Each a (2 × threads)-th of what is left, to within a line.
    for (i, size) in sizes.dropLast().enumerated() {
      let left = bytes.count - bounds[i]
      let expected = max(configuration.minimumPartBytes, left / (2 * threads))
      #expect(size >= expected && size < expected + 40, "part \(i)")
    }
    #expect(splits.allSatisfy { bytes[$0 - 1] == UInt8(ascii: "\n") })
    var options = CSVFormat.ReadOptions(parallelism: threads)
    options.minimumPartBytes = 8_192
    let parallel = try CSVFormat.read(actions: bytes, actionsFile: "actions.csv", options: options)
    let sequential = try readCSV(bytes).document
    Self.expectSame(parallel, sequential, "\(threads) threads")
  }

  /// Rows whose notes hold line breaks (LF, CRLF, a lone CR), commas and quotes, and lines that
  /// look like records inside quotes.
  static let tricky: String = {
    var text = "actor,target,kind,count,note\n"
    for i in 0..<40 {
      switch i % 5 {
      case 0: text += "A\(i),B,x,\(i),\"line\nA9,B,x,1,\"\"not a record\"\"\nend\"\n"
      case 1: text += "A\(i),B,y,\(i),plain\r\n"
      case 2: text += "A\(i),B,x,\(i),\"\n\"\n"
      case 3: text += "A\(i),B,z,\(i),\"a,\r\"\"b\"\"\r\nc\"\n"
      default: text += "A\(i),B,x,\(i).5,\"\"\n"
      }
    }
    return text
  }()

  @Test func everySplitOffsetGivesTheSequentialResult() throws {
    let bytes = Array(Self.tricky.utf8)
    let sequential = try readCSV(bytes).document
    #expect(sequential.dataSet.actions.count == 40)
    var accepted = 0
    var rejected = 0
    for split in 1..<bytes.count {
      let (document, parts) = try readCSV(bytes, parts: 2, splits: [split], blockSize: 64)
      Self.expectSame(document, sequential, "split at \(split)")
      if parts.count == 2 {
        if parts[1] { accepted += 1 } else { rejected += 1 }
      }
    }
    // Both ways were taken: splits at record starts were kept, the others parsed again.
    #expect(accepted == 39)  // every record start after the first
    #expect(rejected > 100)
  }

  @Test func manyPartsWithSplitsInAndOutOfQuotes() throws {
    let bytes = Array(Self.tricky.utf8)
    let sequential = try readCSV(bytes).document
    for seed in 0..<60 {
      var rng = SplitMix64(seed: UInt64(seed))
      let splits = (0..<Int.random(in: 2...9, using: &rng)).map { _ in
        Int.random(in: 1..<bytes.count, using: &rng)
      }
      let result = try readCSV(
        bytes, parts: splits.count + 1, splits: splits,
        blockSize: Int.random(in: 4...200, using: &rng),
        regionCapacity: seed % 3 == 0 ? Int.random(in: 0...5, using: &rng) : nil)
      Self.expectSame(result.document, sequential, "splits \(splits.sorted())")
    }
  }

  @Test func guessedSplitsOnALargeFile() throws {
    var text = "actor,target,kind,count,date,source,id,responds_to,note\n"
    for i in 0..<40_000 {
      let note =
        i % 97 == 0
        ? "\"long\nnote \(i) with \"\"quotes\"\",\nand lines\"" : i % 11 == 0 ? "n\(i)" : ""
      let id = i % 5 == 0 ? "a\(i)" : ""
      let answer = i % 7 == 0 && i > 0 ? "a\(i - 5 - i % 5);a0" : ""
      text +=
        "P\(i % 61),Q\(i % 53),k\(i % 4),\(i % 90),2018-03-\(10 + i % 20),s\(i % 9);s\(i % 4),"
      text += "\(id),\(answer),\(note)\n"
    }
    let bytes = Array(text.utf8)
    let sequential = try readCSV(bytes).document
    #expect(sequential.diagnostics.isEmpty)
    for parts in [2, 3, 8] {
      let (document, accepted) = try readCSV(bytes, parts: parts)
      #expect(accepted.count == parts)
      Self.expectSame(document, sequential, "\(parts) parts")
    }
    // Estimates too short for every part: the overflow path.
    let (overflowed, _) = try readCSV(bytes, parts: 4, regionCapacity: 100)
    Self.expectSame(overflowed, sequential, "overflow")
  }

  @Test func theDiagnosticLimitCountsAcrossParts() throws {
    let bytes = Array(Self.tricky.utf8)
    let sequential = try readCSV(bytes, maxDiagnostics: 3).document
    #expect(
      sequential.diagnostics.last?.description
        == "actions.csv: error: 5 more problems not listed (only the first 3 are)")
    for splits in [[200], [300, 600, 900], [100, 150, 400, 450, 800]] {
      let (document, _) = try readCSV(
        bytes, parts: splits.count + 1, splits: splits, maxDiagnostics: 3)
      Self.expectSame(document, sequential, "splits \(splits)")
    }
  }

  /// Through the public API: a file over the 4 MiB threshold is read in parts by default, and
  /// gives what one part gives.
  @Test func publicOptionsAboveTheThreshold() throws {
    var text = "actor,target,kind,count,date,source,note\n"
    var i = 0
    while text.utf8.count < 5 << 20 {
      let note = i % 1000 == 0 ? "\"multi\nline, \"\"quoted\"\"\"" : ""
      text += "A\(i % 97),T\(i % 89),expulsion,\(i % 50),2018-03-\(10 + i % 19),S\(i % 7),\(note)\n"
      i += 1
    }
    let bytes = Array(text.utf8)
    let one = try CSVFormat.read(actions: bytes, options: CSVFormat.ReadOptions(parallelism: 1))
    let two = try CSVFormat.read(actions: bytes, options: CSVFormat.ReadOptions(parallelism: 2))
    let (_, accepted) = try readCSV(bytes, parts: 2)
    #expect(accepted.count == 2)
    #expect(one.dataSet.actions.count == i)
    Self.expectSame(two, one)
  }

  @Test func splitGuessesLookAtQuotes() throws {
    let text = "a,b\n1,\"x\ny\nz\"\n2,w\n"
    let input = CSVInput(bytes: Array(text.utf8))
    // Inside the quoted field (just after `x\n`): the first quote after it closes a field, so
    // the guess skips to the line after the closing quote.
    let inside = text.utf8.count - "y\nz\"\n2,w\n".utf8.count
    #expect(try CSVActionsReader.likelyRecordStart(in: input, near: inside) == text.utf8.count - 4)
    // Outside quotes: the next line.
    #expect(try CSVActionsReader.likelyRecordStart(in: input, near: 1) == 4)
    #expect(
      try CSVActionsReader.likelyRecordStart(in: input, near: text.utf8.count - 1)
        == text.utf8.count)
    #expect(try CSVActionsReader.likelyRecordStart(in: input, near: text.utf8.count) == nil)
  }

  @Test func tinyBlocksAndRecordsLongerThanABlock() throws {
    let long = String(repeating: "é,\"\"", count: 500)
    let text = "actor,target,kind,note\nA,B,x,\"\(long)\"\r\nC,D,y,\n"
    let sequential = try readCSV(Array(text.utf8)).document
    #expect(actions(sequential)[0].note == String(repeating: "é,\"", count: 500))
    for blockSize in [1, 2, 3, 7, 16, 33] {
      let (document, _) = try readCSV(Array(text.utf8), blockSize: blockSize)
      Self.expectSame(document, sequential, "block size \(blockSize)")
    }
  }
}
