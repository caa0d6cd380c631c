/// Files in the exact layouts of ICEWS coded event data and of POLECAT, written from their
/// published column lists (ICEWS: the Dataverse files of doi:10.7910/DVN/28075; POLECAT: the
/// weekly files of doi:10.7910/DVN/AJGVIT) with made-up values: no row of either is copied
/// (POLECAT's licence forbids it).
///
/// The column lists are written out here apart from the reader's, so a test that reads these
/// files checks the reader's header matching against an independent source.
public enum ICEWSSamples {
  /// ICEWS's 20 columns, in the published order.
  public static let columns = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
  ]

  /// One event: a country is a name as ICEWS writes it, or `NA`.
  public struct Event: Sendable {
    public var id: String
    /// `YYYY-MM-DD`.
    public var date: String
    public var source: String
    public var target: String
    public var code: String
    public var publisher: String

    public init(
      _ id: String, _ date: String, _ source: String, _ target: String,
      _ code: String = "161", publisher: String = "Example Wire"
    ) {
      self.id = id
      self.date = date
      self.source = source
      self.target = target
      self.code = code
      self.publisher = publisher
    }
  }

  /// Eight rows of March 2018. Kept with the default codes (161): rows 1–4, 7 and 8. Row 2
  /// repeats row 1's (Event ID, Event Date): one event, with both publishers. Row 5 has `NA`
  /// for its source country (skipped, counted); row 6 is of code 0211 (passed over); row 8
  /// repeats Event ID 1 on another day: another event. "Atlantis" is no country the reference
  /// knows: kept as written, with a warning.
  public static let worked: [Event] = [
    Event("1", "2018-03-26", "United Kingdom", "Russian Federation", publisher: "Wire A"),
    Event("1", "2018-03-26", "United Kingdom", "Russian Federation", publisher: "Wire B"),
    Event("2", "2018-03-29", "Russian Federation", "United Kingdom"),
    Event("3", "2018-03-26", "United States", "Russian Federation"),
    Event("4", "2018-03-27", "NA", "Russian Federation"),
    Event("5", "2018-03-27", "France", "Russian Federation", "0211"),
    Event("6", "2018-03-30", "Russian Federation", "United States"),
    Event("1", "2018-03-28", "Atlantis", "Russian Federation"),
  ]

  /// One record of `event` in the order of `columns`, the other fields filled as ICEWS fills
  /// them (`NA` where it has nothing).
  public static func record(_ event: Event, columns: [String] = columns) -> String {
    let values: [String: String] = [
      "Event ID": event.id, "Event Date": event.date,
      "Source Name": event.source == "NA" ? "NA" : "Government (\(event.source))",
      "Source Sectors": "Government,Executive", "Source Country": event.source,
      "Event Text": "Reduce or break diplomatic relations", "CAMEO Code": event.code,
      "Intensity": "-4", "Target Name": event.target == "NA" ? "NA" : "Embassy (\(event.target))",
      "Target Sectors": "NA", "Target Country": event.target, "Story ID": "4400\(event.id)",
      "Sentence Number": "2", "Publisher": event.publisher, "City": "London", "District": "NA",
      "Province": "England", "Country": "United Kingdom", "Latitude": "51.5085",
      "Longitude": "-0.12574",
    ]
    return columns.map { values[$0] ?? "NA" }.joined(separator: "\t")
  }

  /// A file: the header, then one record per event, each line ended by a line feed.
  public static func file(_ events: [Event], columns: [String] = columns) -> String {
    ([columns.joined(separator: "\t")] + events.map { record($0, columns: columns) })
      .map { $0 + "\n" }.joined()
  }
}

/// Files in POLECAT's layout (see ``ICEWSSamples``).
public enum POLECATSamples {
  /// POLECAT's 40 columns, in the published order.
  public static let columns = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
  ]

  /// One event.
  public struct Event: Sendable {
    public var id: String
    public var date: String
    public var type: String
    public var mode: String
    public var contexts: String
    public var actor: String
    public var recipient: String

    public init(
      _ id: String, _ date: String, _ actor: String, _ recipient: String,
      type: String = "SANCTION", mode: String = "expel", contexts: String = "diplomatic"
    ) {
      self.id = id
      self.date = date
      self.actor = actor
      self.recipient = recipient
      self.type = type
      self.mode = mode
      self.contexts = contexts
    }
  }

  /// Six events. By default (SANCTION, mode expel or withdraw, diplomatic context) a1 and a2
  /// are kept; a3 is an expulsion in an economic context, a4 a discontinuation, a5 an
  /// accusation; a6 has no actor country (skipped, counted).
  public static let worked: [Event] = [
    Event("a1", "2018-03-26", "GBR", "RUS"),
    Event(
      "a2", "2018-03-27", "RUS", "GBR", type: "sanction", mode: "withdraw",
      contexts: "diplomatic;military"),
    Event("a3", "2018-03-27", "USA", "RUS", contexts: "economic"),
    Event("a4", "2018-03-28", "FRA", "RUS", mode: "discontinue"),
    Event("a5", "2018-03-28", "RUS", "FRA", type: "ACCUSE", mode: "disapprove"),
    Event("a6", "2018-03-29", "", "RUS"),
  ]

  /// One record of `event`, ended by `trailingTabs` empty fields.
  public static func record(_ event: Event, trailingTabs: Int = 0) -> String {
    let values: [String: String] = [
      "Event ID": event.id, "Event Date": event.date, "Event Type": event.type,
      "Event Mode": event.mode, "Event Intensity": "-5.0", "Quad Code": "MATERIAL CONFLICT",
      "Contexts": event.contexts, "Actor Name": "Ministry of Foreign Affairs",
      "Actor Country": event.actor, "Actor COW": "200", "Primary Actor Sector": "GOV",
      "Actor Sectors": "GOV", "Actor Name Raw": "the foreign ministry",
      "Recipient Name": "Embassy staff", "Recipient Country": event.recipient,
      "Recipient COW": "365", "Primary Recipient Sector": "GOV", "Recipient Sectors": "GOV",
      "Placename": "London", "City": "London", "Country": "GBR", "Latitude": "51.50853",
      "Longitude": "-0.12574", "GeoNames ID": "2643743", "Feature Type": "PPLC",
      "Source": "example-news", "Publication Date": event.date, "Language": "en",
      "Version": "v1.2",
    ]
    return columns.map { values[$0] ?? "" }.joined(separator: "\t")
      + String(repeating: "\t", count: trailingTabs)
  }

  /// A file: the header, then one record per event (every other one with trailing tabs).
  public static func file(_ events: [Event], trailingTabs: Int = 0) -> String {
    var lines = [columns.joined(separator: "\t")]
    for (i, event) in events.enumerated() {
      lines.append(record(event, trailingTabs: i % 2 == 1 ? trailingTabs : 0))
    }
    return lines.map { $0 + "\n" }.joined()
  }
}
