#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The events one part of an event-data file keeps, with part-local symbols: what one core
/// reads, before the parts are merged in file order.
///
/// Nothing per event is a `String` or an array: ids that are plain whole numbers (GDELT's,
/// ICEWS's) are kept as numbers; other ids and sources are interned by their bytes
/// (``CSVInterner``), and a `String` is made once per distinct spelling in the part. Kept per
/// event: an id, six `Int32` columns and a byte offset (40 bytes).
struct EventPart {
  /// Part-local symbols: index → spelling as resolved (actors) or as written (kinds).
  var actorNames = SymbolTable()
  var kindNames = SymbolTable()
  /// Part-local ids that are not plain numbers, and sources, as written, in order of first
  /// use: index → spelling.
  var idStrings: [String] = []
  var sourceStrings: [String] = []

  // One entry per kept event.
  var actor: [Int32] = []
  var target: [Int32] = []
  var kind: [Int32] = []
  var date: [Int32] = []
  var mentions: [Int32] = []
  /// The id as a number (``ActionTable/plainNumber(_:)``), or −1 − its index in
  /// ``idStrings``.
  var id: [Int64] = []
  /// Index into ``sourceStrings``, or -1 for an event without a source.
  var source: [Int32] = []
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

  /// Events kept.
  var count: Int { actor.count }
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

  /// Bytes readable past the end of the buffer's data: ``CSVInterner`` reads up to 16 bytes
  /// from a key's start, the tab scan a word at a time.
  static let padding = 32

  /// Reads the records that start in `range` (whose bounds are line starts).
  ///
  /// - Throws: ``DiploGraphError`` `limit` for a line longer than `maxRecordBytes`, `io` when
  ///   the input cannot be read.
  /// - Complexity: O(n) for n bytes; one hash of a field's bytes per id, source, code and
  ///   country, a `String` per distinct one.
  func read(_ range: Range<Int>) throws -> EventPart {
    var part = EventPart()
    let capacity = max(blockSize, 1 << 12)
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + Self.padding)
    buffer.initialize(repeating: 0, count: capacity + Self.padding)
    defer { buffer.deallocate() }
    var state = EventLineState(layout: layout, scratchCapacity: capacity + Self.padding)
    defer { state.deallocate() }
    var filled = 0  // bytes in the buffer
    var bufferOffset = range.lowerBound  // file offset of buffer[0]
    var position = range.lowerBound  // file offset of the next byte to read
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
          offset: bufferOffset + start, part: &part, state: &state)
        part.lines += 1
        start = end + 1
        if part.stopped { return part.finished(state) }
      }
      if atEnd {
        if start < filled {  // a last line without a line feed
          try record(
            UnsafeBufferPointer(start: buffer + start, count: filled - start),
            offset: bufferOffset + start, part: &part, state: &state)
          part.lines += 1
        }
        return part.finished(state)
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

  /// Notes a problem with a line (or one of its fields), stopping the part past the cap.
  func problem(
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

extension EventPart {
  /// The part with what only its reading state knew: the unknown spellings and their counts.
  fileprivate consuming func finished(_ state: EventLineState) -> EventPart {
    for (k, n) in state.spellingUnknown.enumerated() where n > 0 {
      unrecognised[state.spellings[k], default: 0] += n
    }
    return self
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
