/// One field of a CSV record (RFC 4180): the one escaper of the data set's CSV writer and of
/// the statistics' tables.
///
/// A field is written as it is unless it holds the delimiter, a quote, a carriage return or a
/// line feed, or begins or ends with a space or a tab (which some readers trim): then it is
/// quoted, its quotes doubled.
///
/// **Spreadsheet formulas.** A spreadsheet that opens a CSV file runs a field that begins with
/// `=`, `+`, `-` or `@` (and, in some, a tab or a carriage return) as a formula: a label such
/// as `=HYPERLINK("http://…")` becomes a live link, or worse. With `guardingFormulas`, such a
/// text field is made inert by a leading apostrophe (`'=HYPERLINK(…)`), which spreadsheets show
/// as text and programs read as one more character. The statistics' tables guard their text
/// cells (never their numbers: `-50` stays a number); the data set's own CSV does not, so
/// that it reads back to the same data (docs/csv.md says so).
///
/// Reference: RFC 4180, §2; OWASP, "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection.
public enum CSVEscaping {
  /// The characters that make a spreadsheet read a field as a formula.
  static let formulaStarts: Set<UInt8> = [
    UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
  ]

  /// Appends the field `text` to `out`.
  ///
  /// - Complexity: O(n) in the length of `text`.
  public static func append(
    _ text: String, to out: inout [UInt8], delimiter: UInt8 = UInt8(ascii: ","),
    guardingFormulas: Bool = false
  ) {
    let utf8 = text.utf8
    let guarded = guardingFormulas && utf8.first.map(formulaStarts.contains) == true
    let edge: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
    let quote = UInt8(ascii: "\"")
    let needsQuotes =
      utf8.contains { $0 == delimiter || $0 == quote || $0 == 0x0A || $0 == 0x0D }
      || (!guarded && utf8.first.map(edge) == true) || utf8.last.map(edge) == true
    guard needsQuotes else {
      if guarded { out.append(UInt8(ascii: "'")) }
      out.append(contentsOf: utf8)
      return
    }
    out.append(quote)
    if guarded { out.append(UInt8(ascii: "'")) }
    for b in utf8 {
      if b == quote { out.append(quote) }
      out.append(b)
    }
    out.append(quote)
  }

  /// The field `text`, as ``append(_:to:delimiter:guardingFormulas:)`` writes it.
  public static func field(
    _ text: String, delimiter: UInt8 = UInt8(ascii: ","), guardingFormulas: Bool = false
  ) -> String {
    var out: [UInt8] = []
    append(text, to: &out, delimiter: delimiter, guardingFormulas: guardingFormulas)
    return String(decoding: out, as: UTF8.self)
  }
}
