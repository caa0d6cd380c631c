import Foundation

extension EventReader {
  /// Joins the parts in file order into one data set.
  ///
  /// Each part's symbols are mapped to the joined tables once per distinct symbol, in order
  /// of first use, so the tables list their symbols as one sequential pass would: actors,
  /// kinds and sources as the part met them. Ids that are plain numbers stay numbers
  /// (``ActionTable/idNumbers``); others are interned as rows take them (when the first row
  /// that keeps one is appended, so an event merged into an earlier row adds no id), and then
  /// every id is a symbol. Sources are one column, an index per row; the rows that gather
  /// several (ICEWS's repeated events, `dedupe day`) keep their lists in a side table, and the
  /// one-source sets are interned once per source. Each part is let go once merged.
  ///
  /// - Throws: ``DiploGraphError`` `limit` for more kept events or actors than `options`
  ///   allow, or more kinds than a table can index.
  /// - Complexity: O(n) for n kept events, plus a `String` hash per distinct source, actor,
  ///   kind and id that is not a number, of each part.
  static func merge(
    _ parts: consuming [EventPart], input: CSVInput, file: String?, layout: EventLayout,
    options: EventData.ReadOptions, selection: EventSelection
  ) throws -> Result {
    let kept = parts.reduce(0) { $0 + $1.count }
    if kept > options.maxActions {
      throw DiploGraphError.tooMany(
        "events to keep", .init(.maxActions, options.maxActions), at: SourceLocation(file: file))
    }
    let summary = summary(parts, file: file, selection: selection)
    var table = ActionTable()
    var rows = EventRows(capacity: kept, mentions: layout.mentions != nil)
    var diagnostics: [Diagnostic] = []
    // With dedupe: the row of each (actor, target, kind, day).
    var firstRow: [DayKey: Int32] = [:]
    // With an (id, date) key (ICEWS): the ids as written that are not numbers (whatever row
    // they are on), the row of each key, which ids a row took already, and how many rows
    // repeated a key.
    var writtenIDs = SymbolTable()
    var keyRow: [KeyOfEvent: Int32] = [:]
    var usedIDs: Set<Int64> = []
    var repeated = 0
    table.sourceSymbols.reserveCapacity(parts.reduce(0) { $0 + $1.sourceStrings.count })
    var lineBase = layout.dataStartLine
    for index in parts.indices {
      let part = parts[index]
      parts[index] = EventPart()
      for problem in part.problems {
        var location = SourceLocation(file: file, line: lineBase + problem.line + 1)
        location.column = problem.character
        let row = "row \(lineBase - layout.dataStartLine + problem.line + 1)"
        location.path = problem.column.map { "\(row), column \"\(layout.names[$0])\"" } ?? row
        diagnostics.append(Diagnostic(.error, problem.message, at: location))
      }
      let actors = part.actorNames.strings.map { table.endpointSymbols.intern($0) }
      let kinds = part.kindNames.strings.map { table.kindSymbols.intern($0) }
      if table.kindSymbols.count > ActionTable.maxKinds {
        throw DiploGraphError(.limit, "found more than \(ActionTable.maxKinds) event codes")
      }
      let sources = part.sourceStrings.map { table.sourceSymbols.internLikelyNew($0) }
      // Part-local id that is not a number → joined id symbol (-1 until a row takes it), and
      // → the key's id as written (keyed).
      var idMap = [Int32](repeating: -1, count: part.idStrings.count)
      var writtenMap = layout.keyedByIDAndDate ? idMap : []
      for i in 0..<part.count {
        let number = part.id[i]  // ≥ 0: the id; else −1 − its part-local index
        let local = Int(-1 - number)
        let date = part.date[i]
        let source = part.source[i] < 0 ? -1 : sources[Int(part.source[i])]
        var eventKey: KeyOfEvent?
        if layout.keyedByIDAndDate {
          var written = number
          if number < 0 {
            if writtenMap[local] < 0 {
              writtenMap[local] = writtenIDs.intern(part.idStrings[local])
            }
            written = -1 - Int64(writtenMap[local])
          }
          let key = KeyOfEvent(id: written, date: date)
          if let row = keyRow[key] {
            rows.add(source, to: Int(row))
            repeated += 1
            continue
          }
          eventKey = key
        }
        let actor = actors[Int(part.actor[i])]
        let target = actors[Int(part.target[i])]
        let kind = UInt16(kinds[Int(part.kind[i])])
        if options.dedupe == .day {
          let key = DayKey(actor: actor, target: target, kind: kind, date: date)
          if let row = firstRow[key] {
            rows.add(source, to: Int(row))
            rows.mentions[Int(row)] &+= part.mentions[i]
            if let eventKey { keyRow[eventKey] = row }
            continue
          }
          firstRow[key] = Int32(rows.count)
        }
        // The row's id: the number, or −1 − its symbol.
        var id = number
        if let eventKey, !usedIDs.insert(eventKey.id).inserted {
          // An Event ID met again on another day is another event: its action id says the day.
          let written = number >= 0 ? String(number) : part.idStrings[local]
          id = -1 - Int64(table.idSymbols.intern(written + "@\(Day(daysSinceEpoch: date))"))
        } else if number < 0 {
          if idMap[local] < 0 {
            idMap[local] = table.idSymbols.internLikelyNew(part.idStrings[local])
          }
          id = -1 - Int64(idMap[local])
        }
        if let eventKey { keyRow[eventKey] = Int32(rows.count) }
        rows.append(
          actor: actor, target: target, kind: kind, date: date, id: id, source: source,
          mentions: part.mentions[i],
          line: Int32(truncatingIfNeeded: lineBase + Int(part.line[i]) + 1),
          offset: part.offset[i])
      }
      lineBase += part.lines
    }
    if table.endpointSymbols.count > options.maxActors {
      throw DiploGraphError.tooMany(
        "actors", .init(.maxActors, options.maxActors), at: SourceLocation(file: file))
    }
    diagnostics += summary
    if repeated > 0 {
      diagnostics.append(
        Diagnostic(
          .warning,
          "merged \(repeated) row(s) that repeat an event's \(layout.names[layout.id]) and "
            + "\(layout.names[layout.date]) into the event's first row (one event each)",
          at: SourceLocation(file: file)))
    }
    let (rowLines, rowOffsets) = rows.fill(&table)
    return Result(
      dataSet: dataSet(table, file: file, layout: layout, options: options, selection: selection),
      map: EventSourceMap(
        file: file, input: input, layout: layout, rowLines: rowLines, rowOffsets: rowOffsets),
      diagnostics: diagnostics)
  }

  /// The data set of the merged table: every actor declared (the reference's, and each
  /// spelling it does not know as written, warned about in the summary, so that the data set
  /// validates), every source titled by its spelling.
  private static func dataSet(
    _ table: ActionTable, file: String?, layout: EventLayout, options: EventData.ReadOptions,
    selection: EventSelection
  ) -> DataSet {
    let reference = ReferenceData.standard
    return DataSet(
      title: file.map { "\(layout.name) events from \(($0 as NSString).lastPathComponent)" }
        ?? "\(layout.name) events",
      notes: [
        "Read from \(layout.name) event data: events of \(selection) kept, "
          + "one action per event\(options.dedupe == .day ? " and per day" : "") "
          + "without a count of diplomats."
      ],
      actors: table.endpointSymbols.strings.map {
        reference.actor(ActorID($0))?.actor
          ?? Actor(id: ActorID($0), name: $0, note: "not in the reference data")
      },
      sources: table.sourceSymbols.strings.map {
        Source(id: SourceID($0), title: $0, url: $0.hasPrefix("http") ? $0 : nil)
      },
      actions: table)
  }

  /// An event's (id, date): the key of an ICEWS event, which may be repeated on several
  /// rows. The id is the number, or −1 − its symbol among the ids as written.
  private struct KeyOfEvent: Hashable {
    var id: Int64
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

/// The merged rows of an event-data file, as columns: one source per row, and the lists of
/// the rows that gathered more than one apart.
struct EventRows {
  var actor: [Int32] = []
  var target: [Int32] = []
  var kind: [UInt16] = []
  var date: [Int32] = []
  /// Each row's id: the number, or −1 − its symbol in the table's ids.
  var id: [Int64] = []
  /// Each row's first source symbol, or -1.
  var source: [Int32] = []
  var mentions: [Int32] = []
  var line: [Int32] = []
  var offset: [Int] = []
  /// The sources of the rows that have more than one, in order of first mention.
  var moreSources: [Int32: [Int32]] = [:]
  let keepsMentions: Bool

  init(capacity: Int, mentions: Bool) {
    keepsMentions = mentions
    for column in [\Self.actor, \.target, \.date, \.source, \.line] {
      self[keyPath: column].reserveCapacity(capacity)
    }
    id.reserveCapacity(capacity)
    kind.reserveCapacity(capacity)
    offset.reserveCapacity(capacity)
    self.mentions.reserveCapacity(capacity)
  }

  var count: Int { actor.count }

  mutating func append(
    actor: Int32, target: Int32, kind: UInt16, date: Int32, id: Int64, source: Int32,
    mentions: Int32, line: Int32, offset: Int
  ) {
    self.actor.append(actor)
    self.target.append(target)
    self.kind.append(kind)
    self.date.append(date)
    self.id.append(id)
    self.source.append(source)
    self.mentions.append(mentions)
    self.line.append(line)
    self.offset.append(offset)
  }

  /// Adds source symbol `s` (-1: none) to row `row`'s sources unless it is there.
  mutating func add(_ s: Int32, to row: Int) {
    guard s >= 0 else { return }
    let first = source[row]
    if first < 0 {
      source[row] = s
    } else if first != s {
      moreSources[Int32(row), default: [first]].appendIfAbsent(s)
    }
  }

  /// Moves the columns into `table` (its source sets interned in row order, a one-source set
  /// once per source; its ids numbers when every one is, else symbols interned in row order),
  /// and returns what the source map keeps: each row's line and offset.
  consuming func fill(_ table: inout ActionTable) -> ([Int32], [Int]) {
    var singleton = [Int32](repeating: -1, count: table.sourceSymbols.count)
    table.sourceSetTable.reserveCapacity(1 + singleton.count + moreSources.count)
    table.sourceSetIndex.reserveCapacity(1 + singleton.count + moreSources.count)
    var sets = [Int32](repeating: 0, count: count)
    for row in 0..<count {
      let s = source[row]
      if s < 0 { continue }
      if let list = moreSources[Int32(row)] {
        sets[row] = table.internSourceSet(list)
      } else {
        if singleton[Int(s)] < 0 { singleton[Int(s)] = table.internSourceSet([s]) }
        sets[row] = singleton[Int(s)]
      }
    }
    table.sourceSetColumn = sets
    table.actorColumn = actor
    table.targetColumn = target
    table.kindColumn = kind
    table.dateColumn = date
    table.countColumn = Array(repeating: ActionTable.noCount, count: count)
    if id.allSatisfy({ $0 >= 0 }) {
      table.idNumbers = id
    } else {
      var symbols = SymbolTable()
      symbols.reserveCapacity(count)
      table.idColumn = id.map { id in
        symbols.intern(id >= 0 ? String(id) : table.idSymbols[Int32(-1 - id)])
      }
      table.idSymbols = symbols
    }
    if keepsMentions { table.mentionsColumn = mentions }
    assert(table.checkInvariants())
    return (line, offset)
  }
}

extension Array where Element: Equatable {
  /// Appends `element` unless the array holds it.
  fileprivate mutating func appendIfAbsent(_ element: Element) {
    if !contains(element) { append(element) }
  }
}
