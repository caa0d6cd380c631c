// Kinds matched without regard to case: a sheet that writes "Expulsion" in one row and
// "expulsion" in another means one kind, not two.

/// Interns the kinds of `actions.csv` so that spellings that differ only by case are one kind,
/// spelled as it was first written in the file, and notes every other spelling with the row
/// where it first appears (a warning each, not an error: the row is read).
///
/// Case is folded with `String.lowercased()` (Unicode's default case mapping), so
/// "EXPULSION", "Expulsion" and "expulsion" are one kind; nothing else is folded (spaces and
/// punctuation count).
///
/// - Complexity: O(length) per call, once per distinct spelling of each part.
struct CSVKindFolding {
  /// The kind symbol of each folded spelling.
  private var symbols: [String: Int32] = [:]
  /// Spellings already noted.
  private var noted: Set<String> = []
  /// Each spelling read as another, in order of first appearance: the spelling, the kind it
  /// is read as, and the 0-based row where it first appears.
  private(set) var variants: [(spelling: String, kind: String, row: Int)] = []

  /// The symbol of `name` in `table`: its own when it is there, else the one of the same
  /// spelling up to case (noting `name` and `row`), else a new one.
  mutating func symbol(for name: String, row: Int, in table: inout SymbolTable) -> Int32 {
    if let own = table.index(of: name) { return own }
    let key = name.lowercased()
    if let same = symbols[key] {
      if noted.insert(name).inserted {
        variants.append((name, table.strings[Int(same)], row))
      }
      return same
    }
    let symbol = table.intern(name)
    symbols[key] = symbol
    return symbol
  }

  /// The warning for one variant, at `location`.
  static func warning(
    _ variant: (spelling: String, kind: String, row: Int), at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      .warning,
      "the kind \(CSVScanner.quoted(text: variant.spelling)) is read as "
        + "\(CSVScanner.quoted(text: variant.kind)) (kinds are matched without regard to case; "
        + "the first spelling in the file is kept)", at: location)
  }
}
