// The layouts of the event-data files DiploGraph reads: which tab-separated field holds what.
//
// GDELT: the GDELT 1.0 and 2.0 event exports, tab-separated, no header, no quoting
// (http://data.gdeltproject.org/documentation/GDELT-Data_Format_Codebook.pdf and
// GDELT-Event_Codebook-V2.0.pdf). The columns in order: GLOBALEVENTID, SQLDATE, MonthYear,
// Year, FractionDate; for Actor1 then Actor2: Code, Name, CountryCode, KnownGroupCode,
// EthnicCode, Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code; IsRootEvent,
// EventCode, EventBaseCode, EventRootCode, QuadClass, GoldsteinScale, NumMentions, NumSources,
// NumArticles, AvgTone; for Actor1Geo, Actor2Geo and ActionGeo: Type, FullName, CountryCode,
// ADM1Code, (ADM2Code: 2.0 only), Lat, Long, FeatureID; DATEADDED; SOURCEURL (not in the 1.0
// files before April 2013). So 57 columns (1.0 historical), 58 (1.0 daily), 61 (2.0).

/// Where the fields an event-data reader needs are, in one format's records.
struct EventLayout: Sendable {
  /// How dates are written.
  enum DateStyle: Sendable {
    /// `YYYYMMDD` (GDELT's SQLDATE).
    case compact
    /// `YYYY-MM-DD`.
    case iso
  }

  /// The code vocabulary of a layout's events.
  enum Vocabulary: Sendable {
    /// CAMEO codes in one field (GDELT, ICEWS).
    case cameo
    /// PLOVER type, mode and contexts in three fields (POLECAT).
    case plover
  }

  /// The format's name in messages (`GDELT 2.0`).
  var name: String
  /// The column names, for messages.
  var names: [String]
  /// Whether a record may have more fields than ``names`` when the extra ones are empty
  /// (trailing tabs).
  var allowsTrailingEmpty = false
  var id: Int
  var date: Int
  var dateStyle: DateStyle
  var actor: Int
  var target: Int
  var code: Int
  var mentions: Int?
  var source: Int?
  /// Spellings that mean "no value" besides the empty field (`NA`).
  var missing: [String] = []
  /// What kinds start with (`cameo:`).
  var kindPrefix: String
  /// The byte offset where records begin (after a header), and the lines before it.
  var dataStart = 0
  var dataStartLine = 0
  /// How events are coded; with `.plover`, `code` is the event type's field.
  var vocabulary = Vocabulary.cameo
  /// PLOVER's mode and contexts fields.
  var mode: Int?
  var contexts: Int?
  /// Whether rows that repeat an (id, date) are one event (ICEWS).
  var keyedByIDAndDate = false
  /// Whether the bytes were read as Latin-1 (and turned into UTF-8 before reading).
  var latin1 = false

  var columnCount: Int { names.count }

  /// The GDELT column names for a file of `columns` columns (57, 58 or 61); `nil` for any other
  /// count.
  static func gdeltNames(columns: Int) -> [String]? {
    guard [57, 58, 61].contains(columns) else { return nil }
    func actor(_ n: Int) -> [String] {
      [
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
      ].map { "Actor\(n)\($0)" }
    }
    func geo(_ prefix: String) -> [String] {
      (["Type", "FullName", "CountryCode", "ADM1Code"] + (columns == 61 ? ["ADM2Code"] : [])
        + ["Lat", "Long", "FeatureID"]).map { "\(prefix)Geo_\($0)" }
    }
    let event = [
      "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
      "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    ]
    return ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"] + actor(1)
      + actor(2) + event + geo("Actor1") + geo("Actor2") + geo("Action") + ["DATEADDED"]
      + (columns == 57 ? [] : ["SOURCEURL"])
  }

  /// The GDELT layout for a file of `columns` columns; `nil` for a count no GDELT file has.
  static func gdelt(columns: Int) -> EventLayout? {
    guard let names = gdeltNames(columns: columns) else { return nil }
    let version =
      switch columns {
      case 57: "GDELT 1.0 (historical)"
      case 58: "GDELT 1.0 (daily)"
      default: "GDELT 2.0"
      }
    return EventLayout(
      name: version, names: names, id: 0, date: 1, dateStyle: .compact, actor: 7, target: 17,
      code: 26, mentions: 31, source: columns == 57 ? nil : columns - 1,
      kindPrefix: EventCodes.cameoPrefix)
  }
}
