/// Records in the exact layouts of GDELT's event exports, written from the published column
/// lists (GDELT Data Format Codebook 1.0; GDELT Event Codebook 2.0), with made-up values: no
/// row of GDELT's is copied.
///
/// The column list is written out here on its own, apart from the reader's, so a test that
/// reads these records checks the reader's column positions against an independent source.
public enum GDELTSamples {
  /// The 61 columns of a GDELT 2.0 export, in order.
  public static let columns2: [String] =
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + actor("Actor1") + actor("Actor2")
    + [
      "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
      "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    ]
    + geo("Actor1Geo") + geo("Actor2Geo") + geo("ActionGeo") + ["DATEADDED", "SOURCEURL"]

  private static func actor(_ p: String) -> [String] {
    [
      "\(p)Code", "\(p)Name", "\(p)CountryCode", "\(p)KnownGroupCode", "\(p)EthnicCode",
      "\(p)Religion1Code", "\(p)Religion2Code", "\(p)Type1Code", "\(p)Type2Code",
      "\(p)Type3Code",
    ]
  }

  private static func geo(_ p: String) -> [String] {
    [
      "\(p)_Type", "\(p)_FullName", "\(p)_CountryCode", "\(p)_ADM1Code", "\(p)_ADM2Code",
      "\(p)_Lat", "\(p)_Long", "\(p)_FeatureID",
    ]
  }

  /// The columns of a file of `count` columns: 61 (2.0), 58 (1.0 daily: no ADM2Code) or 57
  /// (1.0 before April 2013: no ADM2Code, no SOURCEURL).
  public static func columns(_ count: Int) -> [String] {
    precondition([57, 58, 61].contains(count))
    var names = columns2
    if count < 61 { names.removeAll { $0.hasSuffix("_ADM2Code") } }
    if count == 57 { names.removeLast() }
    return names
  }

  /// One event.
  public struct Event: Sendable {
    public var id: Int
    /// `YYYYMMDD`.
    public var date: String
    public var actor: String
    public var target: String
    public var code: String
    public var mentions: Int
    public var url: String?

    public init(
      _ id: Int, _ date: String, _ actor: String, _ target: String, _ code: String = "161",
      mentions: Int = 1, url: String? = nil
    ) {
      self.id = id
      self.date = date
      self.actor = actor
      self.target = target
      self.code = code
      self.mentions = mentions
      self.url = url
    }
  }

  /// One record of `columns` columns for `event`, every other field filled as GDELT fills it.
  public static func record(_ event: Event, columns count: Int = 61) -> String {
    let names = columns(count)
    var values: [String: String] = [
      "GLOBALEVENTID": String(event.id), "SQLDATE": event.date,
      "MonthYear": String(event.date.prefix(6)), "Year": String(event.date.prefix(4)),
      "FractionDate": "\(event.date.prefix(4)).2274",
      "Actor1Code": event.actor.isEmpty ? "" : event.actor + "GOV", "Actor1Name": "ACTOR ONE",
      "Actor1CountryCode": event.actor, "Actor1Type1Code": "GOV",
      "Actor2Code": event.target.isEmpty ? "" : event.target + "GOV",
      "Actor2Name": "ACTOR TWO", "Actor2CountryCode": event.target, "Actor2Type1Code": "GOV",
      "IsRootEvent": "1", "EventCode": event.code, "EventBaseCode": String(event.code.prefix(3)),
      "EventRootCode": String(event.code.prefix(2)), "QuadClass": "4", "GoldsteinScale": "-4.0",
      "NumMentions": String(event.mentions), "NumSources": "1",
      "NumArticles": String(event.mentions), "AvgTone": "-3.1",
      "ActionGeo_Type": "4", "ActionGeo_FullName": "London, London, City of, United Kingdom",
      "ActionGeo_CountryCode": "UK", "ActionGeo_Lat": "51.5", "ActionGeo_Long": "-0.117",
      "ActionGeo_FeatureID": "-2601889", "DATEADDED": event.date + "120000",
      "SOURCEURL": event.url ?? "https://news.example/\(event.id)",
    ]
    if count < 61 { values["DATEADDED"] = event.date }
    return names.map { values[$0] ?? "" }.joined(separator: "\t")
  }

  /// A file of records, each ended by a line feed.
  public static func file(_ events: [Event], columns count: Int = 61) -> String {
    events.map { record($0, columns: count) + "\n" }.joined()
  }
}
