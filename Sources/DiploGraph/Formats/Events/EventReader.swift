import Foundation

/// Reads an event-data file into an ``ActionTable``, in parallel parts for large files.
///
/// Event-data formats are tab-separated without quoting, so a line feed always ends a record:
/// the file is cut into parts at line starts, each part is read on its own core by an
/// ``EventPartReader`` (the code of each record is looked at first, so the events of other
/// codes cost a split and a look-up of the code's bytes; ids, URLs and countries are interned
/// by their bytes, a `String` made once per distinct spelling in the part), and the parts are
/// merged in file order, their symbols mapped once each in order of first use (``merge``).
/// The result is the same as a sequential read whatever the number of parts.
///
/// The parts are cut at line starts, not with the CSV reader's record-start guess: that
/// guess reads quotes, which mean nothing in these layouts (a name may hold one).
enum EventReader {
  /// What reading produced.
  struct Result {
    var dataSet: DataSet
    var map: EventSourceMap
    var diagnostics: [Diagnostic]
  }

  /// Reads the records of `input` laid out as `layout`.
  ///
  /// - Throws: ``DiploGraphError`` `limit` for more kept events or actors than `options`
  ///   allow, or a line longer than `options.maxRecordBytes`; `io` when reading fails.
  static func read(
    _ input: CSVInput, file: String?, layout: EventLayout, options: EventData.ReadOptions,
    selection: EventSelection
  ) throws -> Result {
    let ranges = try partRanges(input, from: layout.dataStart, options: options)
    let reader = EventPartReader(
      input: input, layout: layout, selection: selection, file: file,
      maxRecordBytes: options.maxRecordBytes, maxDiagnostics: options.maxDiagnostics,
      maxActions: options.maxActions, blockSize: min(options.maxRecordBytes, 1 << 20),
      reference: .standard)
    var results = concurrentMap(ranges, threads: ranges.count) { range in
      Swift.Result { try reader.read(range) }
    }
    var parts: [EventPart] = []
    for result in results {
      parts.append(try result.get())
      if parts[parts.count - 1].stopped { break }
    }
    results.removeAll()  // the merge lets each part go once merged
    return try merge(
      consume parts, input: input, file: file, layout: layout, options: options,
      selection: selection)
  }

  /// The byte ranges of the parts: near-equal shares of the records, each starting at a line
  /// start.
  static func partRanges(_ input: CSVInput, from start: Int, options: EventData.ReadOptions)
    throws -> [Range<Int>]
  {
    let bytes = input.size - start
    let parts = min(
      options.parallelism ?? Parallelism.cores, bytes / max(1, options.minimumPartBytes)
    )
    var bounds = [start]
    if parts > 1 {
      for k in 1..<parts {
        let near = max(start + bytes / parts * k, bounds[bounds.count - 1])
        if let next = try lineStart(in: input, atOrAfter: near), next < input.size,
          next > bounds[bounds.count - 1]
        {
          bounds.append(next)
        }
      }
    }
    bounds.append(input.size)
    return (0..<bounds.count - 1).map { bounds[$0]..<bounds[$0 + 1] }
  }

  /// The first line start at or after `offset` (the byte after a line feed), or `nil`.
  static func lineStart(in input: CSVInput, atOrAfter offset: Int) throws -> Int? {
    var from = max(0, offset - 1)
    let window = 1 << 16
    return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: window) { buffer in
      while from < input.size {
        let n = try input.read(at: from, into: buffer.baseAddress!, count: window)
        if n == 0 { return nil }
        if let i = buffer[..<n].firstIndex(of: 0x0A) { return from + i + 1 }
        from += n
      }
      return nil
    }
  }

  /// The warnings that say what was left out: events of kept codes without both countries,
  /// and spellings of countries that are not in the reference data.
  static func summary(
    _ parts: [EventPart], file: String?, selection: EventSelection
  ) -> [Diagnostic] {
    var result: [Diagnostic] = []
    let without = parts.reduce(0) { $0 + $1.withoutCountries }
    if without > 0 {
      result.append(
        Diagnostic(
          .warning,
          "skipped \(without) event(s) of \(selection) without both an actor "
            + "and a target country", at: SourceLocation(file: file)))
    }
    var unknown: [String: Int] = [:]
    for part in parts { unknown.merge(part.unrecognised, uniquingKeysWith: +) }
    if !unknown.isEmpty {
      let listed = unknown.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10)
        .map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
      result.append(
        Diagnostic(
          .warning,
          "kept \(unknown.count) country spelling(s) the reference data does not know as "
            + "written: \(listed)\(unknown.count > 10 ? ", …" : "")",
          at: SourceLocation(file: file)))
    }
    return result
  }
}
