#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The events one part of an event-data file keeps, with part-local symbols: what one core
/// reads, before the parts are merged in file order.
struct EventPart {
  /// Part-local symbols: index → spelling as resolved (actors) or as written (kinds).
  var actorNames = SymbolTable()
  var kindNames = SymbolTable()

  // One entry per kept event.
  var actor: [Int32] = []
  var target: [Int32] = []
  var kind: [Int32] = []
  var date: [Int32] = []
  var mentions: [Int32] = []
  var ids: [String] = []
  var sources: [String?] = []
  /// The line of each kept event, counted from the part's first line (0-based).
  var line: [Int32] = []
  /// The byte offset of each kept event's line.
  var offset: [Int] = []

  /// Lines the part holds (line feeds counted, and a last line without one).
  var lines = 0
  /// Events of kept codes without both countries.
  var withoutCountries = 0
  /// Events of other codes.
  var otherCodes = 0
  /// Spellings of countries the reference does not know, with how often each was met.
  var unrecognised: [String: Int] = [:]
  /// Problems, with the part-local line each is on (fixed once the parts are merged).
  var problems: [EventProblem] = []
  /// Whether the part stopped early (too many problems, or a limit).
  var stopped = false
}

/// Reads the records of one byte range of an event-data file.
struct EventPartReader {
  let input: CSVInput
  let layout: EventLayout
  let selection: EventSelection
  let file: String?
  let maxRecordBytes: Int
  let maxDiagnostics: Int
  let maxActions: Int
  let blockSize: Int
  let reference: ReferenceData

  /// Reads the records that start in `range` (whose bounds are line starts).
  ///
  /// - Throws: ``DiploGraphError`` `limit` for a line longer than `maxRecordBytes`, `io` when
  ///   the input cannot be read.
  func read(_ range: Range<Int>) throws -> EventPart {
    var part = EventPart()
    var state = LineState(layout: layout)
    let capacity = max(blockSize, 1 << 12)
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { buffer.deallocate() }
    var filled = 0  // bytes in the buffer
    var bufferOffset = range.lowerBound  // file offset of buffer[0]
    var position = range.lowerBound  // file offset of the next byte to read
    var codeCache: [String: String] = [:]
    var resolved: [String: Int32] = [:]
    while true {
      let want = min(capacity - filled, range.upperBound - position)
      let n = want > 0 ? try input.read(at: position, into: buffer + filled, count: want) : 0
      filled += n
      position += n
      let atEnd = n == 0 || position >= range.upperBound
      var start = 0
      while start < filled {
        let remaining = filled - start
        guard let lf = memchr(buffer + start, 0x0A, remaining) else { break }
        let end = buffer.distance(to: lf.assumingMemoryBound(to: UInt8.self))
        try record(
          UnsafeBufferPointer(start: buffer + start, count: end - start),
          offset: bufferOffset + start, part: &part, state: &state, codes: &codeCache,
          resolved: &resolved)
        part.lines += 1
        start = end + 1
        if part.stopped { return part }
      }
      if atEnd {
        if start < filled {  // a last line without a line feed
          try record(
            UnsafeBufferPointer(start: buffer + start, count: filled - start),
            offset: bufferOffset + start, part: &part, state: &state, codes: &codeCache,
            resolved: &resolved)
          part.lines += 1
        }
        return part
      }
      if start == 0 && filled == capacity {
        throw DiploGraphError(
          .init(.maxRecordBytes, maxRecordBytes),
          at: SourceLocation(file: file, line: part.lines + 1)
        ) { "found a line longer than \(capacity) bytes; expected at most \(capacity) (\($0))" }
      }
      // Move the unfinished line to the front.
      if start > 0 {
        (buffer).update(from: buffer + start, count: filled - start)
        filled -= start
        bufferOffset += start
      }
    }
  }

  /// Field bounds of the line being read, reused from line to line.
  struct LineState {
    var starts: [Int]
    var ends: [Int]
    init(layout: EventLayout) {
      starts = Array(repeating: 0, count: layout.columnCount + 1)
      ends = starts
    }
  }

  /// Reads one line (without its line feed) at file offset `offset`.
  private func record(
    _ bytes: UnsafeBufferPointer<UInt8>, offset: Int, part: inout EventPart,
    state: inout LineState, codes: inout [String: String], resolved: inout [String: Int32]
  ) throws {
    var count = bytes.count
    if count > 0 && bytes[count - 1] == 0x0D { count -= 1 }  // CRLF
    guard count > 0 else { return }
    let line = part.lines
    // Split at tabs, keeping at most columnCount + 1 fields.
    let columns = layout.columnCount
    var fields = 0
    var fieldStart = 0
    var extraNonEmpty = false
    let base = bytes.baseAddress!
    while true {
      let rest = count - fieldStart
      let tab = rest > 0 ? memchr(base + fieldStart, 0x09, rest) : nil
      let end = tab.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
      if fields < columns {
        state.starts[fields] = fieldStart
        state.ends[fields] = end
      } else if end > fieldStart {
        extraNonEmpty = true
      }
      fields += 1
      if tab == nil { break }
      fieldStart = end + 1
    }
    if fields < columns || (fields > columns && (extraNonEmpty || !layout.allowsTrailingEmpty)) {
      problem(
        &part, line: line, bytes: bytes, column: nil,
        "expected \(columns) tab-separated fields (\(layout.name)), found \(fields)")
      return
    }
    func text(_ column: Int) -> String {
      String(
        decoding: UnsafeBufferPointer(
          rebasing: bytes[state.starts[column]..<state.ends[column]]), as: UTF8.self)
    }
    func value(_ column: Int) -> String? {
      let t = text(column)
      return t.isEmpty || layout.missing.contains(t) ? nil : t
    }
    // The code first: most events are of other codes and cost nothing more. The cache maps
    // a code (PLOVER: type, mode and contexts) to its kind, or "" when it is not kept.
    guard let code = value(layout.code) else {
      let what = layout.vocabulary == .plover ? "an event type" : "an event code"
      problem(&part, line: line, bytes: bytes, column: layout.code, "expected \(what)")
      return
    }
    let kindName: String
    switch selection {
    case .cameo(let filter):
      if let known = codes[code] {
        kindName = known
      } else {
        kindName = filter.keeps(code) ? layout.kindPrefix + code : ""
        codes[code] = kindName
      }
    case .plover(let filter):
      let mode = layout.mode.flatMap(value) ?? ""
      let contexts = layout.contexts.flatMap(value) ?? ""
      let key = code + "\t" + mode + "\t" + contexts
      if let known = codes[key] {
        kindName = known
      } else {
        kindName = filter.kind(type: code, mode: mode, contexts: contexts) ?? ""
        codes[key] = kindName
      }
    }
    guard !kindName.isEmpty else {
      part.otherCodes += 1
      return
    }
    guard let actorSpelling = value(layout.actor), let targetSpelling = value(layout.target)
    else {
      part.withoutCountries += 1
      return
    }
    guard let day = parseDay(bytes, state.starts[layout.date], state.ends[layout.date]) else {
      let format = layout.dateStyle == .compact ? "YYYYMMDD" : "YYYY-MM-DD"
      problem(
        &part, line: line, bytes: bytes, column: layout.date,
        "expected a day as \(format), found \"\(text(layout.date))\"")
      return
    }
    var mentions: Int32 = 0
    if let column = layout.mentions, let written = value(column) {
      guard let n = Int32(written), n >= 0 else {
        problem(
          &part, line: line, bytes: bytes, column: column,
          "expected a whole number of mentions ≥ 0, found \"\(written)\"")
        return
      }
      mentions = n
    }
    guard let id = value(layout.id) else {
      problem(&part, line: line, bytes: bytes, column: layout.id, "expected an event id")
      return
    }
    guard part.actor.count <= maxActions else {
      part.stopped = true
      return
    }
    func symbol(_ spelling: String) -> Int32 {
      if let s = resolved[spelling] {
        if !part.unrecognised.isEmpty, let n = part.unrecognised[spelling] {
          part.unrecognised[spelling] = n + 1
        }
        return s
      }
      let name: String
      if let match = reference.resolve(spelling) {
        name = match.id.rawValue
      } else {
        name = spelling
        part.unrecognised[spelling, default: 0] += 1
      }
      let s = part.actorNames.intern(name)
      resolved[spelling] = s
      return s
    }
    let kind = part.kindNames.intern(kindName)
    part.actor.append(symbol(actorSpelling))
    part.target.append(symbol(targetSpelling))
    part.kind.append(kind)
    part.date.append(day)
    part.mentions.append(mentions)
    part.ids.append(id)
    part.sources.append(layout.source.flatMap(value))
    part.line.append(Int32(truncatingIfNeeded: line))
    part.offset.append(offset)
  }

  /// The day written in `bytes[start..<end]` in the layout's style, as a day number.
  private func parseDay(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32? {
    func digits(_ from: Int, _ n: Int) -> Int? {
      var v = 0
      for i in from..<from + n {
        let d = Int(bytes[i]) - 48
        guard (0...9).contains(d) else { return nil }
        v = v * 10 + d
      }
      return v
    }
    switch layout.dateStyle {
    case .compact:
      guard end - start == 8, let y = digits(start, 4), let m = digits(start + 4, 2),
        let d = digits(start + 6, 2)
      else { return nil }
      return Day(year: y, month: m, day: d)?.daysSinceEpoch
    case .iso:
      guard end - start == 10 else { return nil }
      return Day(isoBytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))?.daysSinceEpoch
    }
  }

  /// Notes a problem with a line (or one of its fields), stopping the part past the cap.
  private func problem(
    _ part: inout EventPart, line: Int, bytes: UnsafeBufferPointer<UInt8>, column: Int?,
    _ message: String
  ) {
    guard part.problems.count < maxDiagnostics else {
      part.stopped = true
      return
    }
    var characters = 1
    if let column {
      // The field's column in characters: the UTF-8 lead bytes before it, plus one.
      var start = 0
      var tabs = 0
      while tabs < column, let i = bytes[start...].firstIndex(of: 0x09) {
        start = i + 1
        tabs += 1
      }
      characters = 1 + bytes[..<start].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
    part.problems.append(
      EventProblem(line: line, column: column, character: characters, message: message))
  }
}

/// A problem with one line of an event-data file, before its line number is known.
struct EventProblem {
  /// The line, counted from the part's first line (0-based).
  var line: Int
  /// The field (0-based), or `nil` for the whole record.
  var column: Int?
  /// The field's first character on the line (1-based).
  var character: Int
  var message: String
}
