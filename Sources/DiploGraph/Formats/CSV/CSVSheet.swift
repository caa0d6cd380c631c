// Any spreadsheet: another delimiter than the comma, and other headers than the format's own.
//
// A sheet exported by a spreadsheet in a locale that writes decimal commas separates its
// fields with `;`; a sheet kept by a newsroom names its columns in its own words ("Expelling
// state", "Datum"). ``CSVFormat/Sheet`` tells the reader both; the file is then read exactly
// as an `actions.csv` of the format, with the same located diagnostics.

extension CSVFormat {
  /// How a spreadsheet that is not in the format's own layout is read: the byte between its
  /// fields and the header that holds each field.
  public struct Sheet: Hashable, Sendable {
    /// The byte between fields, or `nil` to take it from the header line: `;` when that line
    /// holds a `;` and no comma, a tab when it holds a tab and neither, else the comma.
    /// Never a quote, CR or LF, never above 0x7F (``delimiter(parsing:)`` refuses those).
    public var delimiter: UInt8?
    /// For some fields of ``CSVFormat/actionFields``, the header that holds the field in
    /// `actions.csv` (matched as the format's own names are: ignoring ASCII case and
    /// surrounding spaces). A field not named here is found under its own name.
    public var columns: [String: String]

    /// A sheet read with `delimiter` (`nil`: taken from the header line) and `columns`.
    public init(delimiter: UInt8? = nil, columns: [String: String] = [:]) {
      self.delimiter = delimiter
      self.columns = columns
    }

    /// The delimiter a user wrote: `;`, `,`, `|`, `tab` or `\t` (the two characters) for a
    /// tab, or any other single ASCII byte; `nil` for anything else (a quote, CR, LF or NUL,
    /// more than one character, a byte above 0x7F).
    public static func delimiter(parsing text: String) -> UInt8? {
      switch text.lowercased() {
      case "tab", "\\t": return 0x09
      default:
        let bytes = Array(text.utf8)
        guard bytes.count == 1, let b = bytes.first, isDelimiter(b) else { return nil }
        return b
      }
    }

    /// Whether `byte` can separate fields: any ASCII byte but NUL, a quote, CR and LF.
    public static func isDelimiter(_ byte: UInt8) -> Bool {
      byte != 0 && byte < 0x80 && byte != CSVScanner.quote && byte != CSVScanner.lineFeed
        && byte != CSVScanner.carriageReturn
    }

    /// `FIELD=HEADER` as a user wrote it, split at the first `=`: the field (lowercased,
    /// trimmed) and the header (as written).
    ///
    /// - Throws: ``DiploGraphError`` (`invalid`) for text without `=`, an empty header, or a
    ///   field that is not one of ``CSVFormat/actionFields``, with a message that lists them.
    public static func column(parsing text: String) throws -> (field: String, header: String) {
      guard let equals = text.firstIndex(of: "=") else {
        throw DiploGraphError(
          .invalid, "expected FIELD=HEADER, found \"\(text)\"; the fields are \(fieldList)")
      }
      let field = CSVLayout.normalized(String(text[..<equals]))
      let header = String(text[text.index(after: equals)...])
      guard CSVColumns.actions.contains(field) else {
        throw DiploGraphError(
          .invalid,
          "found an unknown field \"\(field)\" in \"\(text)\"; the fields are \(fieldList)")
      }
      guard !CSVLayout.normalized(header).isEmpty else {
        throw DiploGraphError(.invalid, "expected a header after \"\(field)=\", found none")
      }
      return (field, header)
    }

    static var fieldList: String { CSVColumns.actions.joined(separator: ", ") }
  }

  /// The fields of `actions.csv`, in the format's order: actor, target, kind, count, date,
  /// source, id, responds_to, note.
  public static var actionFields: [String] { CSVColumns.actions }
}

extension CSVLayout {
  /// Refuses `headers` (field → header) naming a field that is not `known`, two fields with one
  /// header, or a header the file does not have; each message lists what there is.
  static func checkHeaders(
    _ headers: [String: String], targets: [String], found: [String], file: String?,
    known: [String]
  ) throws {
    guard !headers.isEmpty else { return }
    let at = SourceLocation(file: file, line: 1, column: 1, path: "header")
    let present = Set(found.map(normalized))
    let list = found.map { CSVScanner.quoted(text: $0) }.joined(separator: ", ")
    for (field, header) in headers.sorted(by: { $0.key < $1.key }) {
      guard let k = known.firstIndex(of: field) else {
        throw DiploGraphError(
          .invalid,
          "found an unknown field \"\(field)\"; the fields are \(known.joined(separator: ", "))",
          at: at)
      }
      if let other = targets.indices.first(where: { $0 != k && targets[$0] == targets[k] }) {
        throw DiploGraphError(
          .schema,
          "expected one field per header, found \(CSVScanner.quoted(text: header)) given to "
            + "both \(known[min(k, other)]) and \(known[max(k, other)])", at: at)
      }
      guard present.contains(targets[k]) else {
        throw DiploGraphError(
          .schema,
          "expected a column \(CSVScanner.quoted(text: header)) for the field \(field), found "
            + "none; the header has \(list)", at: at)
      }
    }
  }

  /// The delimiter of the header line of `input`: `;` when the line (outside quotes) holds a
  /// `;` and no comma, a tab when it holds a tab and neither, else the comma. Looks at the
  /// first 64 KiB at most, after a byte-order mark and blank lines.
  static func detectDelimiter(_ input: CSVInput) throws -> UInt8 {
    let window = 1 << 16
    return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: window) { buffer in
      let n = try input.read(at: 0, into: buffer.baseAddress!, count: window)
      var i = n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
      while i < n && (buffer[i] == CSVScanner.lineFeed || buffer[i] == CSVScanner.carriageReturn) {
        i += 1
      }
      var inside = false
      var seen: (comma: Bool, semicolon: Bool, tab: Bool) = (false, false, false)
      while i < n {
        let b = buffer[i]
        if b == CSVScanner.quote {
          inside.toggle()
        } else if !inside {
          if b == CSVScanner.lineFeed || b == CSVScanner.carriageReturn { break }
          if b == CSVScanner.comma { seen.comma = true }
          if b == UInt8(ascii: ";") { seen.semicolon = true }
          if b == 0x09 { seen.tab = true }
        }
        i += 1
      }
      if seen.comma { return CSVScanner.comma }
      if seen.semicolon { return UInt8(ascii: ";") }
      return seen.tab ? 0x09 : CSVScanner.comma
    }
  }
}

extension CSVInput {
  /// This input read with `sheet`'s delimiter, or with the one its header line shows.
  func reading(_ sheet: CSVFormat.Sheet) throws -> CSVInput {
    let delimiter = try sheet.delimiter ?? CSVLayout.detectDelimiter(self)
    return delimiter == self.delimiter ? self : try CSVInput(self, delimiter: delimiter)
  }
}
