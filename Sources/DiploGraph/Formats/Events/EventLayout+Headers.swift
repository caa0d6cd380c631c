// The event-data layouts with a header line: ICEWS and POLECAT. Their fields are found by the
// header's names, so a release that reorders or adds columns still reads.
//
// ICEWS coded event data (Boschee et al. 2015, Harvard Dataverse, doi:10.7910/DVN/28075):
// tab-separated, a header, no quoting, `NA` for a missing value, 20 columns: Event ID, Event
// Date (YYYY-MM-DD), Source Name, Source Sectors, Source Country, Event Text, CAMEO Code,
// Intensity, Target Name, Target Sectors, Target Country, Story ID, Sentence Number,
// Publisher, City, District, Province, Country, Latitude, Longitude. Countries are names
// ("Russian Federation"); one event may be repeated on several rows with the same Event ID and
// Event Date.
//
// POLECAT weekly data (Scarborough et al. 2023, Harvard Dataverse, doi:10.7910/DVN/AJGVIT),
// coded in PLOVER: tab-separated, a header, 40 columns: Event ID, Event Date, Event Type, Event
// Mode, Event Intensity, Quad Code, Contexts, Actor Name, Actor Country, Actor COW, Primary
// Actor Sector, Actor Sectors, Actor Title, Actor Name Raw, Wikipedia Actor ID, Recipient Name,
// Recipient Country, Recipient COW, Primary Recipient Sector, Recipient Sectors, Recipient
// Title, Recipient Name Raw, Wikipedia Recipient ID, Placename, City, District, Province,
// Country, Latitude, Longitude, GeoNames ID, Raw Placename, Feature Type, Source, Publication
// Date, Story People, Story Organizations, Story Locations, Language, Version. Records may end
// in empty fields (trailing tabs); files are UTF-8 or Latin-1.

extension EventLayout {
  /// ICEWS's columns, in the order of the published files.
  static let icewsColumns = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
  ]

  /// POLECAT's columns, in the order of the published files.
  static let polecatColumns = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
  ]

  /// The columns a reader needs, per headed format.
  static let icewsRequired = [
    "Event ID", "Event Date", "Source Country", "CAMEO Code", "Target Country",
  ]
  static let polecatRequired = [
    "Event ID", "Event Date", "Event Type", "Actor Country", "Recipient Country",
  ]

  /// A header's names compared without regard to case, spaces and underscores (`Event ID`,
  /// `event_id`, `EventID`).
  static func headerKey(_ name: some StringProtocol) -> String {
    String(name.lowercased().unicodeScalars.filter { $0 != " " && $0 != "_" })
  }

  /// The names of a header line (the BOM and trailing empty names left out).
  static func headerNames(_ line: ArraySlice<UInt8>) -> [String] {
    var names = line.split(separator: 0x09, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self).trimmingSpaces
    }
    if let first = names.first, first.hasPrefix("\u{FEFF}") {
      names[0] = String(first.dropFirst())
    }
    while names.count > 1, names.last?.isEmpty == true { names.removeLast() }
    return names
  }

  /// The headed format a header's names are, when exactly one fits: ICEWS has `CAMEO Code`
  /// and `Source Country`, POLECAT `Event Type` and `Recipient Country`.
  static func headedFormat(_ names: [String]) -> EventData.Format? {
    let keys = Set(names.map(headerKey))
    let icews = icewsRequired.allSatisfy { keys.contains(headerKey($0)) }
    let polecat = polecatRequired.allSatisfy { keys.contains(headerKey($0)) }
    switch (icews, polecat) {
    case (true, false): return .icews
    case (false, true): return .polecat
    default: return nil
    }
  }

  /// The ICEWS or POLECAT layout of a file whose header line is `line` and whose records start
  /// at byte `dataStart`.
  ///
  /// - Throws: ``DiploGraphError`` `syntax` naming the columns the header lacks.
  static func headed(
    _ format: EventData.Format, header line: ArraySlice<UInt8>, dataStart: Int, file: String?
  ) throws -> EventLayout {
    let names = headerNames(line)
    var index: [String: Int] = [:]
    for (i, name) in names.enumerated() where index[headerKey(name)] == nil {
      index[headerKey(name)] = i
    }
    let required = format == .icews ? icewsRequired : polecatRequired
    let missing = required.filter { index[headerKey($0)] == nil }
    guard missing.isEmpty else {
      let listed = missing.map { "\"\($0)\"" }.joined(separator: ", ")
      throw DiploGraphError(
        .syntax,
        "found a header without the column\(missing.count == 1 ? "" : "s") \(listed); "
          + "expected \(format == .icews ? "ICEWS" : "POLECAT")'s tab-separated header ("
          + required.joined(separator: ", ") + ", …)", at: SourceLocation(file: file, line: 1))
    }
    func column(_ name: String) -> Int? { index[headerKey(name)] }
    switch format {
    case .icews:
      return EventLayout(
        name: "ICEWS", names: names, allowsTrailingEmpty: true, id: column("Event ID")!,
        date: column("Event Date")!, dateStyle: .iso, actor: column("Source Country")!,
        target: column("Target Country")!, code: column("CAMEO Code")!, mentions: nil,
        source: column("Publisher"), missing: ["NA"], kindPrefix: EventCodes.cameoPrefix,
        dataStart: dataStart, dataStartLine: 1, keyedByIDAndDate: true)
    case .polecat, .gdelt:
      return EventLayout(
        name: "POLECAT", names: names, allowsTrailingEmpty: true, id: column("Event ID")!,
        date: column("Event Date")!, dateStyle: .iso, actor: column("Actor Country")!,
        target: column("Recipient Country")!, code: column("Event Type")!, mentions: nil,
        source: column("Source"), missing: ["NA", "None"], kindPrefix: PLOVERCodes.prefix,
        dataStart: dataStart, dataStartLine: 1, vocabulary: .plover, mode: column("Event Mode"),
        contexts: column("Contexts"))
    }
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and carriage returns.
  fileprivate var trimmingSpaces: String {
    var s = self[...]
    while let c = s.first, c == " " || c == "\r" { s = s.dropFirst() }
    while let c = s.last, c == " " || c == "\r" { s = s.dropLast() }
    return String(s)
  }
}
