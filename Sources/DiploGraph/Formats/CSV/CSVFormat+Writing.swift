extension CSVFormat {
  /// `actions.csv` for a data set: the header `actor,target,kind,count,date,source`, then
  /// `id`, `responds_to` and `note` when some action has one; one record per action in table
  /// order.
  ///
  /// RFC 4180 output: records end in CRLF (as the RFC and spreadsheets write them); a field is
  /// quoted when it holds a comma, a quote, a CR or LF, or begins or ends with a space or tab
  /// (spreadsheets trim those), with quotes inside doubled. The same data set always gives the
  /// same bytes. What CSV cannot carry (claims, figures, source details) is left out; see the
  /// list at the top of `CSVFormat.swift`.
  ///
  /// - Throws: ``DiploGraphError`` (`invalid`), located by data path, for what would read back
  ///   as something else: an empty actor, target or kind, an empty action id, a `;` in or an
  ///   empty source or answered id, a date outside the years 1–9999.
  /// - Complexity: O(n + total length of the distinct symbols).
  public static func writeActions(_ dataSet: DataSet) throws -> [UInt8] {
    let table = dataSet.actions
    let hasIDs = table.hasIDs
    let hasResponses = !table.responses.isEmpty
    let hasNotes = !table.notes.isEmpty

    func refuse(_ row: Int, _ field: String, item: Int? = nil, _ why: String) -> DiploGraphError {
      DiploGraphError(
        .invalid, "cannot write action \(row) as CSV: \(why)",
        at: SourceLocation(path: DataPath(.actions, row, field: field, item: item).jsonPath))
    }

    // Symbols are checked and encoded once each; a bad one is reported at the first row that
    // uses it (a symbol no row uses is never written).
    var endpoints = CSVFieldArena()
    for (i, id) in table.endpointSymbols.strings.enumerated() {
      endpoints.add(field: id)
      guard id.isEmpty else { continue }
      if let row = table.actorColumn.firstIndex(of: Int32(i)) {
        throw refuse(row, "actor", "an empty id reads back as a missing value")
      }
      if let row = table.targetColumn.firstIndex(of: Int32(i)) {
        throw refuse(row, "target", "an empty id reads back as a missing value")
      }
    }
    var kinds = CSVFieldArena()
    for (i, kind) in table.kindSymbols.strings.enumerated() {
      kinds.add(field: kind)
      if kind.isEmpty, let row = table.kindColumn.firstIndex(of: UInt16(i)) {
        throw refuse(row, "kind", "an empty kind reads back as a missing value")
      }
    }
    for (i, source) in table.sourceSymbols.strings.enumerated() {
      guard let why = CSVEncoding.listItemProblem(source) else { continue }
      for (s, set) in table.sourceSetTable.enumerated() where set.contains(Int32(i)) {
        if let row = table.sourceSetColumn.firstIndex(of: Int32(s)) {
          throw refuse(
            row, "sources", item: set.firstIndex(of: Int32(i)), "its source id \(why)")
        }
      }
    }
    var sourceSets = CSVFieldArena()
    for set in table.sourceSetTable {
      sourceSets.add(field: set.map { table.sourceSymbols[$0] }.joined(separator: ";"))
    }
    var ids = CSVFieldArena()
    for (i, id) in table.idSymbols.strings.enumerated() {
      ids.add(field: id)
      if id.isEmpty, let row = table.idColumn.firstIndex(of: Int32(i)) {
        throw refuse(row, "id", "an empty id reads back as no id")
      }
      if let why = CSVEncoding.listItemProblem(id),
        let k = table.responses.values.firstIndex(where: { $0.contains(Int32(i)) })
      {
        let item = table.responses.values[k].firstIndex(of: Int32(i))
        throw refuse(
          Int(table.responses.rows[k]), "respondsTo", item: item, "its answered id \(why)")
      }
    }
    var sparse = CSVFieldArena()  // responses, then notes, in row order
    for answered in table.responses.values {
      sparse.add(field: answered.map { table.idSymbols[$0] }.joined(separator: ";"))
    }
    for note in table.notes.values { sparse.add(field: note) }

    var header = "actor,target,kind,count,date,source"
    if hasIDs { header += ",id" }
    if hasResponses { header += ",responds_to" }
    if hasNotes { header += ",note" }
    header += "\r\n"

    // First pass: the exact size (and the dates' range); second: the bytes, written once.
    var size = header.utf8.count + table.count * (5 + 2)
    size += [hasIDs, hasResponses, hasNotes].filter { $0 }.count * table.count
    for row in 0..<table.count {
      size += endpoints.length(Int(table.actorColumn[row]))
      size += endpoints.length(Int(table.targetColumn[row]))
      size += kinds.length(Int(table.kindColumn[row]))
      size += sourceSets.length(Int(table.sourceSetColumn[row]))
      let count = table.countColumn[row]
      if count != ActionTable.noCount { size += CSVEncoding.decimalLength(count) }
      let day = table.dateColumn[row]
      if day != ActionTable.noDate {
        guard CSVEncoding.writableDays.contains(day) else {
          throw refuse(row, "date", "its date is outside the years 1–9999")
        }
        size += 10
      }
    }
    if hasIDs { for id in table.idColumn where id >= 0 { size += ids.length(Int(id)) } }
    for number in table.idNumbers where number >= 0 { size += CSVEncoding.decimalLength(number) }
    // Dates known to the month or year only, written as they were read (`2022-03`, `2022`).
    let partialRows = table.partialDates.rows
    let partialTexts = table.partialDates.values.map { Array($0.description.utf8) }
    for text in partialTexts { size += text.count }
    size += sparse.bytes.count

    return Array(unsafeUninitializedCapacity: size) { buffer, initialized in
      var out = CSVOutput(buffer.baseAddress!)
      out.write(Array(header.utf8))
      var nextResponse = 0
      var nextNote = 0
      var nextPartial = 0
      let responseRows = table.responses.rows
      let noteRows = table.notes.rows
      var lastDay = ActionTable.noDate
      var lastDayText: [UInt8] = []
      for row in 0..<table.count {
        out.write(endpoints, Int(table.actorColumn[row]))
        out.write(CSVScanner.comma)
        out.write(endpoints, Int(table.targetColumn[row]))
        out.write(CSVScanner.comma)
        out.write(kinds, Int(table.kindColumn[row]))
        out.write(CSVScanner.comma)
        let count = table.countColumn[row]
        if count != ActionTable.noCount { out.writeDecimal(count) }
        out.write(CSVScanner.comma)
        let day = table.dateColumn[row]
        if day != ActionTable.noDate {
          if day != lastDay {
            lastDay = day
            lastDayText = Array(Day(daysSinceEpoch: day).description.utf8)
          }
          out.write(lastDayText)
        } else if nextPartial < partialRows.count, Int(partialRows[nextPartial]) == row {
          out.write(partialTexts[nextPartial])
          nextPartial += 1
        }
        out.write(CSVScanner.comma)
        out.write(sourceSets, Int(table.sourceSetColumn[row]))
        if hasIDs {
          out.write(CSVScanner.comma)
          if !table.idColumn.isEmpty, table.idColumn[row] >= 0 {
            out.write(ids, Int(table.idColumn[row]))
          } else if !table.idNumbers.isEmpty, table.idNumbers[row] >= 0 {
            out.writeDecimal(table.idNumbers[row])
          }
        }
        if hasResponses {
          out.write(CSVScanner.comma)
          if nextResponse < responseRows.count, Int(responseRows[nextResponse]) == row {
            out.write(sparse, nextResponse)
            nextResponse += 1
          }
        }
        if hasNotes {
          out.write(CSVScanner.comma)
          if nextNote < noteRows.count, Int(noteRows[nextNote]) == row {
            out.write(sparse, responseRows.count + nextNote)
            nextNote += 1
          }
        }
        out.write(0x0D)
        out.write(0x0A)
      }
      precondition(out.written(since: buffer.baseAddress!) == size, "CSV size miscounted")
      initialized = size
    }
  }

  /// `actors.csv` for a data set: `id,name,kind,blocs`, one record per declared actor in
  /// order; `blocs` lists the blocs (in the data set's order) that have the actor as a member.
  ///
  /// Same quoting and line ends as ``writeActions(_:)``.
  ///
  /// - Throws: ``DiploGraphError`` (`invalid`) for an empty actor id, or a bloc id that is
  ///   empty or holds a `;`.
  /// - Complexity: O(K + total bloc membership).
  public static func writeActors(_ dataSet: DataSet) throws -> [UInt8] {
    var blocsOf: [ActorID: [Int]] = [:]
    for (b, bloc) in dataSet.blocs.enumerated() {
      if !bloc.members.isEmpty, let why = CSVEncoding.listItemProblem(bloc.id.rawValue) {
        throw DiploGraphError(
          .invalid, "cannot write bloc \(b) as CSV: its id \(why)",
          at: SourceLocation(path: DataPath(.blocs, b, field: "id").jsonPath))
      }
      for member in bloc.members where blocsOf[member]?.last != b {
        blocsOf[member, default: []].append(b)
      }
    }
    var out: [UInt8] = Array("id,name,kind,blocs".utf8) + CSVEncoding.lineEnd
    for (i, actor) in dataSet.actors.enumerated() {
      guard !actor.id.rawValue.isEmpty else {
        throw DiploGraphError(
          .invalid, "cannot write actor \(i) as CSV: an empty id reads back as a missing value",
          at: SourceLocation(path: DataPath(.actors, i, field: "id").jsonPath))
      }
      CSVEscaping.append(actor.id.rawValue, to: &out)
      out.append(CSVScanner.comma)
      CSVEscaping.append(actor.name, to: &out)
      out.append(CSVScanner.comma)
      out.append(contentsOf: actor.kind.rawValue.utf8)
      out.append(CSVScanner.comma)
      let blocs = (blocsOf[actor.id] ?? []).map { dataSet.blocs[$0].id.rawValue }
      CSVEscaping.append(blocs.joined(separator: ";"), to: &out)
      out.append(contentsOf: CSVEncoding.lineEnd)
    }
    return out
  }
}

/// Field encoding for the writers.
enum CSVEncoding {
  static let lineEnd: [UInt8] = [0x0D, 0x0A]

  /// Days of the years 1 through 9999, the range `YYYY-MM-DD` can spell.
  static let writableDays: ClosedRange<Int32> =
    Day(year: 1, month: 1, day: 1)!
    .daysSinceEpoch...Day(year: 9999, month: 12, day: 31)!
    .daysSinceEpoch

  /// Why an id cannot go in a `;`-separated list, or `nil` when it can.
  static func listItemProblem(_ id: String) -> String? {
    if id.isEmpty { return "is empty, which reads back as a missing value" }
    if id.utf8.contains(UInt8(ascii: ";")) {
      return "\(CSVScanner.quoted(text: id)) holds \";\", which separates ids in the list"
    }
    return nil
  }

  /// The number of decimal digits of `value` ≥ 0.
  static func decimalLength(_ value: Int64) -> Int {
    var n = 1
    var v = value
    while v >= 10 {
      v /= 10
      n += 1
    }
    return n
  }
}

/// Fields encoded once each, kept end to end in one buffer.
struct CSVFieldArena {
  private(set) var bytes: [UInt8] = []
  private var starts: [Int] = [0]

  /// Appends `text` as one CSV field (``CSVEscaping``).
  mutating func add(field text: String) {
    CSVEscaping.append(text, to: &bytes)
    starts.append(bytes.count)
  }

  func length(_ i: Int) -> Int { starts[i + 1] - starts[i] }

  func withField<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    bytes.withUnsafeBufferPointer { all in
      body(UnsafeBufferPointer(rebasing: all[starts[i]..<starts[i + 1]]))
    }
  }
}

/// A cursor writing into memory sized beforehand.
struct CSVOutput {
  private var cursor: UnsafeMutablePointer<UInt8>

  init(_ start: UnsafeMutablePointer<UInt8>) { cursor = start }

  @inline(__always)
  mutating func write(_ byte: UInt8) {
    cursor.initialize(to: byte)
    cursor += 1
  }

  mutating func write(_ bytes: [UInt8]) {
    for b in bytes { write(b) }
  }

  @inline(__always)
  mutating func write(_ arena: CSVFieldArena, _ i: Int) {
    arena.withField(i) { field in
      if let base = field.baseAddress {
        cursor.initialize(from: base, count: field.count)
        cursor += field.count
      }
    }
  }

  /// The decimal digits of `value` ≥ 0.
  @inline(__always)
  mutating func writeDecimal(_ value: Int64) {
    let n = CSVEncoding.decimalLength(value)
    var v = value
    for k in stride(from: n - 1, through: 0, by: -1) {
      cursor[k] = UInt8(truncatingIfNeeded: v % 10) &+ 48
      v /= 10
    }
    cursor += n
  }

  func written(since start: UnsafeMutablePointer<UInt8>) -> Int { cursor - start }
}
