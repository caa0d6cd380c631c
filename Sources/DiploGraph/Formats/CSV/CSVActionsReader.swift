import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads `actions.csv` into an ``ActionTable``, in parallel parts for large files.
///
/// **Splitting.** After the header, the file is cut into parts at byte offsets that are
/// probably record starts (``likelyRecordStart(in:near:)``), and each part is parsed on its own
/// core from its first offset, as if a record started there, until the first record that starts
/// at or after the next part's offset. A guess can be wrong: a line feed inside a quoted field
/// looks like a record end. So no guess is trusted: the parts are accepted in file order, and
/// part *k* is accepted only when the accepted parse before it ended exactly at part *k*'s
/// first offset. Because the records before that offset were read by the sequential rule from
/// the start of the data, that offset *is* a record start, and parsing from a record start
/// does not depend on anything before it. When the check fails, the range is parsed again
/// from where the previous part really ended. The result is therefore always the sequential
/// parse; only the speed depends on the guesses.
///
/// **Merging.** Each part interns symbols in its own tables in order of first use; merging
/// interns part 1's symbols after part 0's, and so on, and remaps the columns, which gives the
/// same tables, in the same order, as one sequential pass.
enum CSVActionsReader {
  /// How to read; the defaults are what ``CSVFormat`` uses.
  struct Configuration {
    /// Parts to parse (the number of cores by default).
    var parts = Parallelism.cores
    /// Threads that parse the parts, each taking the next part not yet taken (`nil`: one per
    /// part).
    var threads: Int?
    /// Smallest part worth a thread of its own.
    var minimumPartBytes = 1 << 21
    var blockSize = CSVRecordDriver.defaultBlockSize
    var maxDiagnostics = 1000
    /// Rows to make room for per part instead of an estimate (tests use it to force overflow).
    var regionCapacity: Int?
    /// Split offsets to use instead of guessed ones (tests use it to put splits in bad places).
    var splits: [Int]?
    /// Limits: actions, distinct actors, bytes in one record.
    var maxActions = DataSetFile.Limits.defaultMaxActions
    var maxActors = DataSetFile.Limits.defaultMaxActors
    var maxRecordBytes = DataSetFile.Limits.defaultMaxRecordBytes
    /// The header of each renamed field (``CSVFormat/Sheet/columns``).
    var headers: [String: String] = [:]
  }

  /// The most parts per thread when reading on several threads (``guidedSplits``): a thread
  /// slowed by other work (or a part slower to parse) then takes fewer parts, instead of the
  /// others waiting for it at the end of the read.
  static let partsPerThread = 8

  /// What reading produced.
  struct Result {
    var table: ActionTable
    var layout: CSVLayout
    var diagnostics: CappedDiagnostics<Diagnostic>
    var checkpoints: [CSVCheckpoint]
    /// For each source symbol, the row that first names it.
    var sourceFirstRow: [Int]
    /// For each part parsed in parallel: whether its parse was accepted.
    var partsAccepted: [Bool]
  }

  static func read(_ input: CSVInput, file: String?, configuration: Configuration) throws -> Result
  {
    let (layout, headerWarnings) = try CSVLayout.read(
      input, file: file, known: CSVColumns.actions, required: CSVColumns.actionsRequired,
      headers: configuration.headers, blockSize: configuration.blockSize,
      maxRecordBytes: configuration.maxRecordBytes)
    let splits = try splitOffsets(input, layout: layout, configuration: configuration)
    let bounds = [layout.dataStart] + splits + [input.size]
    let ranges = (0..<bounds.count - 1).map { bounds[$0]..<bounds[$0 + 1] }
    // Each part writes into its own region of the final columns, sized from a sample.
    let capacities = try ranges.map {
      try configuration.regionCapacity ?? estimatedRows(in: input, range: $0)
    }
    var bases = [0]
    for c in capacities { bases.append(bases[bases.count - 1] + c) }

    var merged: MergedParts?
    var copied: CSVColumnArrays?
    var partsAccepted: [Bool] = []
    var columns = try CSVColumnArrays.make(capacity: bases[bases.count - 1]) { pointers in
      let sinks = ranges.indices.map {
        CSVRowSink(region: pointers.advanced(by: bases[$0]), capacity: capacities[$0])
      }
      let (parts, accepted) = try parseParts(
        input, layout: layout, ranges: ranges, sinks: sinks, configuration: configuration)
      partsAccepted = accepted
      let result = try mergeParts(
        parts, layout: layout, headerWarnings: headerWarnings, input: input,
        configuration: configuration)
      merged = result
      if parts.allSatisfy({ $0.sink.overflow == nil }) {
        return compactColumns(
          parts, merged: result, into: pointers,
          threads: configuration.threads ?? configuration.parts)
      }
      copied = copyColumns(parts, merged: result)
      return 0
    }
    if let copied { columns = copied }
    return makeResult(
      merged!, columns: columns, layout: layout, partsAccepted: partsAccepted)
  }

  /// Parses the ranges at once, then accepts them in file order, parsing again from where
  /// the previous part really ended wherever a guessed split was not a record start.
  ///
  /// - Returns: the accepted parts in order, and for each range
  ///   whether its parallel parse was accepted.
  private static func parseParts(
    _ input: CSVInput, layout: CSVLayout, ranges: [Range<Int>], sinks: [CSVRowSink],
    configuration: Configuration
  ) throws -> ([CSVActionsPart], [Bool]) {
    var results: [Swift.Result<CSVActionsPart, any Error>?] = concurrentMap(
      Array(zip(ranges, sinks)), threads: configuration.threads ?? ranges.count
    ) { range, sink in
      Swift.Result {
        try parsePart(input, layout: layout, range: range, sink: sink, configuration: configuration)
      }
    }
    var accepted: [CSVActionsPart] = []
    var partsAccepted: [Bool] = []
    var position = ranges[0].lowerBound
    for (i, range) in ranges.enumerated() {
      // Each part's result is let go once looked at: its columns are freed with it.
      let result = results[i]!
      results[i] = nil
      if position == range.lowerBound {
        accepted.append(try result.get())
        partsAccepted.append(true)
      } else {
        partsAccepted.append(false)
        guard position < range.upperBound else { continue }
        // The region of the rejected part is free: the new parse of its range writes there.
        accepted.append(
          try parsePart(
            input, layout: layout, range: position..<range.upperBound, sink: sinks[i],
            configuration: configuration))
      }
      // A part that ended before its range did (a limit, a quote never closed, a record too
      // long) ends the reading: the merge says why.
      let last = accepted[accepted.count - 1]
      position = last.outcome.end
      if last.outcome.unterminatedQuote != nil || last.outcome.recordTooLong != nil
        || last.outcome.stopped
      {
        break
      }
    }
    return (accepted, partsAccepted)
  }

  private static func parsePart(
    _ input: CSVInput, layout: CSVLayout, range: Range<Int>, sink: CSVRowSink,
    configuration: Configuration
  ) throws -> CSVActionsPart {
    var parser = CSVActionsParser(
      layout: layout, maxDiagnostics: configuration.maxDiagnostics, sink: sink,
      maxActions: configuration.maxActions, maxActors: configuration.maxActors)
    let outcome = try CSVRecordDriver.run(
      input, from: range.lowerBound, until: range.upperBound,
      blockSize: configuration.blockSize, fieldCapacity: layout.columnCount + 1,
      maxRecordBytes: configuration.maxRecordBytes, handler: &parser)
    return parser.finish(start: range.lowerBound, outcome: outcome)
  }

  /// Rows to make room for in a range: its size over the mean record length of a 64 KiB
  /// sample at its start, plus 12.5% and 1,024 rows. A short estimate costs a copy, not a
  /// wrong result; an excessive one costs address space, not memory (untouched pages are
  /// never backed).
  static func estimatedRows(in input: CSVInput, range: Range<Int>) throws -> Int {
    let window = min(range.count, 1 << 16)
    guard window > 0 else { return 0 }
    let (n, lines) = try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: window) {
      buffer in
      let n = try input.read(at: range.lowerBound, into: buffer.baseAddress!, count: window)
      return (n, buffer[..<n].reduce(0) { $0 + ($1 == CSVScanner.lineFeed ? 1 : 0) })
    }
    let meanLength = Double(n) / Double(max(1, lines))
    let rows = Double(range.count) / max(meanLength, 1) * 1.125
    return min(Int(rows) + 1024, range.count + 1)
  }

  // MARK: Splitting

  /// The offsets where parts after the first begin: given ones, or guessed near equal shares.
  static func splitOffsets(_ input: CSVInput, layout: CSVLayout, configuration: Configuration)
    throws -> [Int]
  {
    let start = layout.dataStart
    if let given = configuration.splits {
      return Array(Set(given.filter { $0 > start && $0 < input.size })).sorted()
    }
    let bytes = input.size - start
    let parts = min(configuration.parts, bytes / max(1, configuration.minimumPartBytes))
    guard parts > 1 else { return [] }
    if let threads = configuration.threads, threads > 1 {
      return try guidedSplits(input, from: start, threads: threads, parts: parts, configuration)
    }
    var splits: [Int] = []
    for k in 1..<parts {
      let near = start + bytes / parts * k
      if let split = try likelyRecordStart(in: input, near: near),
        split > (splits.last ?? start), split < input.size
      {
        splits.append(split)
      }
    }
    return splits
  }

  /// Splits for `threads` threads taking parts as they free up: each part a (2 × threads)-th
  /// of the bytes left, no smaller than ``Configuration/minimumPartBytes``, at most `parts` of
  /// them. The parts shrink toward the end of the file, so that the threads run out of work at
  /// about the same time: the last parts taken are short.
  static func guidedSplits(
    _ input: CSVInput, from start: Int, threads: Int, parts: Int, _ configuration: Configuration
  ) throws -> [Int] {
    let smallest = max(1, configuration.minimumPartBytes)
    var splits: [Int] = []
    var at = start
    while splits.count + 1 < parts {
      let left = input.size - at
      let size = max(smallest, left / (2 * threads))
      guard left - size >= smallest,
        let split = try likelyRecordStart(in: input, near: at + size),
        split > at, split < input.size
      else { break }
      splits.append(split)
      at = split
    }
    return splits
  }

  /// A guess at the first record start at or after `near`: the byte after the first line feed
  /// that is outside quotes, where "outside" is guessed from the first quote after `near` — a
  /// quote followed by a comma or line end and not preceded by one closes a field, so `near`
  /// was inside quotes; anything else, outside. `nil` when no line feed is within 64 KiB.
  ///
  /// Only a guess: ``read(_:file:configuration:)`` checks it.
  static func likelyRecordStart(in input: CSVInput, near: Int) throws -> Int? {
    let from = max(0, near - 1)
    let window = 1 << 16
    return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: window) { buffer in
      let n = try input.read(at: from, into: buffer.baseAddress!, count: window)
      return likelyRecordStart(
        in: UnsafeBufferPointer(rebasing: buffer[..<n]), at: from, near: near,
        delimiter: input.delimiter)
    }
  }

  /// ``likelyRecordStart(in:near:)`` in `buffer`, the bytes of the file from offset `from`.
  private static func likelyRecordStart(
    in buffer: UnsafeBufferPointer<UInt8>, at from: Int, near: Int, delimiter: UInt8
  ) -> Int? {
    let n = buffer.count
    let origin = near - from  // index of `near` in the buffer
    guard n > origin else { return nil }
    func isBoundary(_ b: UInt8) -> Bool {
      b == delimiter || b == CSVScanner.lineFeed || b == CSVScanner.carriageReturn
    }
    var inside = false
    if let q = (origin..<n).first(where: { buffer[$0] == CSVScanner.quote }) {
      let before: UInt8? = q > 0 ? buffer[q - 1] : nil
      let after: UInt8? = q + 1 < n ? buffer[q + 1] : nil
      let closesBefore = after.map(isBoundary) ?? true
      let opensAfter = before.map(isBoundary) ?? true
      inside = closesBefore && !opensAfter
    }
    for i in origin..<n {
      let b = buffer[i]
      if b == CSVScanner.quote {
        inside.toggle()
      } else if b == CSVScanner.lineFeed && !inside {
        return from + i + 1
      }
    }
    return nil
  }
}
