import DiploGraph

/// The one table model of everything the package prints: `stats` and `sources` write it as
/// aligned text, Markdown and CSV; the reports write it as HTML and Markdown. Each table is built
/// in one place (`Statistics+Tables.swift`, `SourceAnalysis+Tables.swift`) for an ``Audience``,
/// which decides its names, titles and columns; each output has one writer (`Table+Text.swift`,
/// `Table+CSV.swift`, `Table+Markdown.swift`, `Table+HTML.swift`).

/// Who reads a table. The same table, built by the same code, reads differently to each: the
/// difference is this value, not a second copy of the table.
enum Audience: Hashable, Sendable {
  /// `stats` and `sources`: ids, terse titles, every column, each with a stable CSV key.
  case analysts
  /// The reports: names, plain words, the columns a reader needs, with details (a date, a
  /// quote) and verdict marks.
  case readers

  /// `analysts` or `readers`, whichever this audience is.
  func pick<T>(_ analysts: T, _ readers: T) -> T { self == .analysts ? analysts : readers }
}

struct Table: Sendable {
  /// One cell: what it holds, which knows how to show itself to people and to programs, and
  /// what readers see beside it.
  struct Cell: Sendable {
    enum Content: Sendable {
      /// Text; people read `—` when it is empty.
      case text(String)
      /// Text people read as it is, even empty.
      case verbatim(String)
      /// A figure already in words ("about 24", "+50"): text, aligned as a number.
      case figure(String)
      case int(Int64)
      case optionalInt(Int64?)
      /// A ratio in [−1, 1] or so: three decimals for people.
      case ratio(Double?)
      /// A share of a whole: a percentage for people, the fraction for programs.
      case share(Double?)
      /// A mean: one decimal for people.
      case amount(Double?)
      case flag(Bool?)
    }

    /// A verdict shown beside the text (✓ or ✗).
    enum Mark: Sendable {
      case yes
      case no
    }

    var content: Content
    /// What programs read, where it is not the content's own value (a key beside a label, a
    /// raw value beside words).
    var programValue: String?
    /// A second line in small type (a date, a quote, a scope), for readers.
    var detail: String?
    var mark: Mark?

    init(
      _ content: Content, value: String? = nil, detail: String? = nil, mark: Mark? = nil
    ) {
      self.content = content
      self.programValue = value
      self.detail = detail
      self.mark = mark
    }

    /// The missing-value mark for people.
    static let none = "—"

    static func text(_ s: String, value: String? = nil, detail: String? = nil) -> Cell {
      Cell(.text(s), value: value, detail: detail)
    }
    static func int(_ n: Int64) -> Cell { Cell(.int(n)) }
    static func int(_ n: Int) -> Cell { Cell(.int(Int64(n))) }
    static func optional(_ n: Int?) -> Cell { Cell(.optionalInt(n.map(Int64.init))) }
    static func optional(_ n: Int64?) -> Cell { Cell(.optionalInt(n)) }
    static func optional(_ day: Day?) -> Cell { .text(day?.description ?? "") }
    static func ratio(_ x: Double?) -> Cell { Cell(.ratio(x)) }
    static func share(_ x: Double?) -> Cell { Cell(.share(x)) }
    static func amount(_ x: Double?) -> Cell { Cell(.amount(x)) }
    static func flag(_ b: Bool?) -> Cell { Cell(.flag(b)) }

    /// What people read.
    var text: String {
      switch content {
      case .text(let s): return s.isEmpty ? Self.none : s
      case .verbatim(let s), .figure(let s): return s
      case .int(let n): return NumberText.grouped(n)
      case .optionalInt(let n): return n.map(NumberText.grouped) ?? Self.none
      case .ratio(let x): return x.map { NumberText.fixed($0, decimals: 3) } ?? Self.none
      case .share(let x): return x.map(NumberText.percent) ?? Self.none
      case .amount(let x): return x.map { NumberText.fixed($0, decimals: 1) } ?? Self.none
      case .flag(let b): return b.map { $0 ? "yes" : "no" } ?? Self.none
      }
    }

    /// What programs read (CSV): plain numbers (six decimals at most), empty when undefined.
    var value: String {
      if let programValue { return programValue }
      switch content {
      case .text(let s), .verbatim(let s), .figure(let s): return s
      case .int(let n): return String(n)
      case .optionalInt(let n): return n.map { String($0) } ?? ""
      case .ratio(let x), .share(let x), .amount(let x):
        return x.map { NumberText.trimmed($0) } ?? ""
      case .flag(let b): return b.map { $0 ? "true" : "false" } ?? ""
      }
    }

    /// Whether it is a number: right-aligned, and never guarded against spreadsheet formulas.
    var isNumber: Bool {
      switch content {
      case .text, .verbatim, .flag: return false
      default: return true
      }
    }
  }

  struct Column: Sendable {
    /// The CSV header (snake_case, stable).
    var key: String
    /// The header people read.
    var title: String
    /// Whether people see it (text, Markdown, HTML).
    var forPeople = true
    /// Whether programs see it (CSV).
    var forPrograms = true
  }

  /// The table's stable name: its CSV section for analysts, its page id (after `table-`) for
  /// readers.
  var name: String
  /// The heading or caption people read.
  var title: String
  /// What the columns mean: lines under the heading (text, Markdown) or under the table (the
  /// reports); not in CSV.
  var notes: [String]
  var columns: [Column]
  /// Every row has a cell for every column, people's and programs' alike.
  var rows: [[Cell]]
  /// Rows left out when the table was built (see ``limited(to:)``).
  var omittedRows = 0
  /// Rows not listed at all because the statistics are a summary: people read how many, and
  /// CSV leaves the table out.
  var unlisted = 0
  /// Whether people see it when it has no rows (with "none").
  var showWhenEmpty = true
  /// Whether the text and Markdown statistics show it (the headline may already say it all);
  /// CSV always writes it.
  var shownToPeople = true
  /// Shown folded (`<details>`) in HTML.
  var folded = false
  /// On a phone, each row shown as a card (each cell under its column's name) instead of a
  /// table that scrolls sideways: for tables of text, where the numbers would be out of sight.
  var cardsOnPhones = false

  /// The table with at most `limit` rows (all of them without one), the others counted in
  /// ``omittedRows``.
  func limited(to limit: Int?) -> Table {
    guard let limit, rows.count > max(0, limit) else { return self }
    var copy = self
    copy.omittedRows += rows.count - max(0, limit)
    copy.rows = Array(rows.prefix(max(0, limit)))
    return copy
  }

  /// The columns people see, with their positions in each row.
  var peopleColumns: [(index: Int, column: Column)] {
    columns.enumerated().filter { $0.element.forPeople }.map { ($0.offset, $0.element) }
  }

  /// Whether column `index` is aligned as numbers in `rows`: some cell is a number and every
  /// other one is undefined (`—`).
  func isNumeric(_ index: Int, in rows: [[Cell]]) -> Bool {
    rows.contains { $0[index].isNumber }
      && rows.allSatisfy { $0[index].isNumber || $0[index].text == Cell.none }
  }
}
