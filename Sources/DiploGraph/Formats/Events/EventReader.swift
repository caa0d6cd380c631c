import Foundation

/// Reads an event-data file into an ``ActionTable``, in parallel parts for large files.
///
/// Event-data formats are tab-separated without quoting, so a line feed always ends a record:
/// the file is cut into parts at line starts, each part is read on its own core by an
/// ``EventPartReader`` (the code of each record is looked at first, so the events of other
/// codes cost a split and a look-up), and the parts are merged in file order, interning their
/// symbols in order of first use. The result is the same as a sequential read whatever the
/// number of parts.
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
    let results = concurrentMap(ranges, threads: ranges.count) { range in
      Swift.Result { try reader.read(range) }
    }
    var parts: [EventPart] = []
    for result in results {
      parts.append(try result.get())
      if parts[parts.count - 1].stopped { break }
    }
    return try merge(
      parts, input: input, file: file, layout: layout, options: options, selection: selection)
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

  /// Joins the parts in file order into one data set.
  private static func merge(
    _ parts: [EventPart], input: CSVInput, file: String?, layout: EventLayout,
    options: EventData.ReadOptions, selection: EventSelection
  ) throws -> Result {
    let kept = parts.reduce(0) { $0 + $1.actor.count }
    if kept > options.maxActions {
      throw DiploGraphError.tooMany(
        "events to keep", .init(.maxActions, options.maxActions), at: SourceLocation(file: file))
    }
    var table = ActionTable()
    table.reserveCapacity(kept)
    var mentions: [Int32] = []
    var rowLines: [Int32] = []
    var rowOffsets: [Int] = []
    var diagnostics: [Diagnostic] = []
    // With dedupe: the row of each (actor, target, kind, day), and each row's sources.
    var firstRow: [DayKey: Int] = [:]
    var rowSources: [[Int32]] = []
    // With an (id, date) key (ICEWS): the row of each key, and how many rows repeated one.
    var keyRow: [KeyOfEvent: Int] = [:]
    var repeated = 0
    var usedIDs: Set<String> = []
    var lineBase = layout.dataStartLine
    var recordBase = 0
    for part in parts {
      for problem in part.problems {
        var location = SourceLocation(file: file, line: lineBase + problem.line + 1)
        location.column = problem.character
        let row = "row \(recordBase + problem.line + 1)"
        location.path = problem.column.map { "\(row), column \"\(layout.names[$0])\"" } ?? row
        diagnostics.append(Diagnostic(.error, problem.message, at: location))
      }
      let actors = part.actorNames.strings.map { table.endpointSymbols.intern($0) }
      let kinds = part.kindNames.strings.map { table.kindSymbols.intern($0) }
      if table.kindSymbols.count > ActionTable.maxKinds {
        throw DiploGraphError(.limit, "found more than \(ActionTable.maxKinds) event codes")
      }
      for i in part.actor.indices {
        let actor = actors[Int(part.actor[i])]
        let target = actors[Int(part.target[i])]
        let kind = UInt16(kinds[Int(part.kind[i])])
        let source = part.sources[i].map { table.sourceSymbols.intern($0) }
        var eventKey: KeyOfEvent?
        if layout.keyedByIDAndDate {
          let id = KeyOfEvent(id: part.ids[i], date: part.date[i])
          if let row = keyRow[id] {
            if let source, !rowSources[row].contains(source) { rowSources[row].append(source) }
            repeated += 1
            continue
          }
          eventKey = id
        }
        if options.dedupe == .day {
          let key = DayKey(actor: actor, target: target, kind: kind, date: part.date[i])
          if let row = firstRow[key] {
            if let source, !rowSources[row].contains(source) { rowSources[row].append(source) }
            mentions[row] &+= part.mentions[i]
            if let eventKey { keyRow[eventKey] = row }
            continue
          }
          firstRow[key] = table.count
        }
        var id = part.ids[i]
        if let eventKey {
          keyRow[eventKey] = table.count
          // An Event ID met again on another day is another event: its action id says the day.
          if !usedIDs.insert(id).inserted { id += "@\(Day(daysSinceEpoch: part.date[i]))" }
        }
        rowSources.append(source.map { [$0] } ?? [])
        table.appendRow(
          actor: actor, target: target, kind: kind, count: ActionTable.noCount,
          date: part.date[i], sourceSet: 0, id: table.idSymbols.intern(id))
        mentions.append(part.mentions[i])
        rowLines.append(Int32(truncatingIfNeeded: lineBase + Int(part.line[i]) + 1))
        rowOffsets.append(part.offset[i])
      }
      lineBase += part.lines
      recordBase += part.lines
    }
    for (row, sources) in rowSources.enumerated() where !sources.isEmpty {
      table.sourceSetColumn[row] = table.internSourceSet(sources)
    }
    if layout.mentions != nil { table.mentionsColumn = mentions }
    if table.endpointSymbols.count > options.maxActors {
      throw DiploGraphError.tooMany(
        "actors", .init(.maxActors, options.maxActors), at: SourceLocation(file: file))
    }
    diagnostics += summary(parts, file: file, selection: selection)
    if repeated > 0 {
      diagnostics.append(
        Diagnostic(
          .warning,
          "merged \(repeated) row(s) that repeat an event's \(layout.names[layout.id]) and "
            + "\(layout.names[layout.date]) into the event's first row (one event each)",
          at: SourceLocation(file: file)))
    }
    let reference = ReferenceData.standard
    let dataSet = DataSet(
      title: file.map { "\(layout.name) events from \(($0 as NSString).lastPathComponent)" }
        ?? "\(layout.name) events",
      notes: [
        "Read from \(layout.name) event data: events of \(selection) kept, "
          + "one action per event\(options.dedupe == .day ? " and per day" : "") "
          + "without a count of diplomats."
      ],
      // Every actor declared: the reference's, and each spelling it does not know as written
      // (warned about in the summary), so that the data set validates.
      actors: table.endpointSymbols.strings.map {
        reference.actor(ActorID($0))?.actor
          ?? Actor(id: ActorID($0), name: $0, note: "not in the reference data")
      },
      sources: table.sourceSymbols.strings.map {
        Source(id: SourceID($0), title: $0, url: $0.hasPrefix("http") ? $0 : nil)
      },
      actions: table)
    let map = EventSourceMap(
      file: file, input: input, layout: layout, rowLines: rowLines, rowOffsets: rowOffsets)
    return Result(dataSet: dataSet, map: map, diagnostics: diagnostics)
  }

  /// The warnings that say what was left out: events of kept codes without both countries,
  /// and spellings of countries that are not in the reference data.
  private static func summary(
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

  /// An event's (id, date): the key of an ICEWS event, which may be repeated on several rows.
  private struct KeyOfEvent: Hashable {
    var id: String
    var date: Int32
  }

  /// An event's (actor, target, kind, day): what `dedupe day` keeps one event of.
  private struct DayKey: Hashable {
    var actor: Int32
    var target: Int32
    var kind: UInt16
    var date: Int32
  }
}
