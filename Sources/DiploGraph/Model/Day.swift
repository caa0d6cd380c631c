/// A calendar day (proleptic Gregorian), the precision of every date in a data set.
///
/// Stored as the number of days since 1970-01-01 so that comparing and subtracting days is
/// integer arithmetic. Years 1 through 9999 are representable; ISO 8601 `YYYY-MM-DD` is the only
/// text form read and written.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before).
  public let daysSinceEpoch: Int32

  public init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

  /// A day from its parts, or `nil` when the parts name no day (month 13, 30 February, year 0).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= Day.daysIn(month: month, year: year)
    else { return nil }
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    daysSinceEpoch = Int32(era * 146_097 + doe - 719_468)
  }

  /// Parses `YYYY-MM-DD` exactly (four-digit year, two-digit month and day).
  public init?(iso text: some StringProtocol) {
    let bytes = Array(text.utf8)
    guard let day = bytes.withUnsafeBufferPointer({ Day(isoBytes: $0) }) else { return nil }
    self = day
  }

  /// Parses `YYYY-MM-DD` from raw bytes; the fast path of the CSV reader.
  public init?(isoBytes b: UnsafeBufferPointer<UInt8>) {
    guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
    func digits(_ range: Range<Int>) -> Int? { ISOText.digits(b, range) }
    guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// Year, month and day of this day.
  public var parts: (year: Int, month: Int, day: Int) {
    let z = Int(daysSinceEpoch) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let (y, m, d) = parts
    func pad(_ v: Int, _ width: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  /// Whole days from `self` to `other` (positive when `other` is later).
  public func days(to other: Day) -> Int { Int(other.daysSinceEpoch) - Int(daysSinceEpoch) }

  /// The day `n` days later (earlier when negative).
  public func adding(days n: Int) -> Day { Day(daysSinceEpoch: Int32(Int(daysSinceEpoch) + n)) }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

/// A day is encoded as its `YYYY-MM-DD` text, the one form every format of the package uses.
extension Day: Codable {
  public init(from decoder: any Decoder) throws {
    self = try ISOText.decode(from: decoder, expected: "a day as YYYY-MM-DD") { Day(iso: $0) }
  }

  public func encode(to encoder: any Encoder) throws {
    try ISOText.encode(description, to: encoder)
  }
}

/// The text form of dates in every format, read and written once for ``Day`` and
/// ``PartialDate``.
enum ISOText {
  /// The value `parse` makes of the string `decoder` holds.
  ///
  /// - Throws: `DecodingError.dataCorrupted` naming what was `expected`, when `parse` fails.
  static func decode<T>(
    from decoder: any Decoder, expected: String, _ parse: (String) -> T?
  ) throws -> T {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let value = parse(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected \(expected), found \"\(text)\"")
    }
    return value
  }

  /// Encodes `text` as a single string.
  static func encode(_ text: String, to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(text)
  }

  /// The decimal number that the ASCII digits `b[range]` write; `nil` when one is no digit.
  @inline(__always)
  static func digits(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    var value = 0
    for i in range {
      let d = Int(b[i]) &- 48
      guard d >= 0 && d <= 9 else { return nil }
      value = value * 10 + d
    }
    return value
  }
}

/// A date known to the month (`2022-03`) or to the year (`2022`) only, as reports often give
/// it: kept as written, never widened to a made-up day.
///
/// The analytics that need a day (answer windows and lags, survival, frames, timelines, GEXF
/// spells) treat an action with a partial date as undated; `since`/`until` keep it when its
/// whole period is in the range (``Selection``); writers give it back as written. See
/// docs/spreadsheets.md.
public struct PartialDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year, 1 through 9999.
  public let year: Int
  /// The month (1 through 12), or `nil` for a date known to the year only.
  public let month: Int?

  /// A partial date from its parts, or `nil` when they name none (year 0, month 13).
  public init?(year: Int, month: Int? = nil) {
    guard (1...9999).contains(year), month.map({ (1...12).contains($0) }) ?? true else {
      return nil
    }
    self.year = year
    self.month = month
  }

  /// Parses `YYYY-MM` or `YYYY` exactly (four-digit year, two-digit month).
  public init?(iso text: some StringProtocol) {
    let bytes = Array(text.utf8)
    guard let date = bytes.withUnsafeBufferPointer({ PartialDate(isoBytes: $0) }) else {
      return nil
    }
    self = date
  }

  /// Parses `YYYY-MM` or `YYYY` from raw bytes (the CSV reader's path).
  public init?(isoBytes b: UnsafeBufferPointer<UInt8>) {
    func digits(_ range: Range<Int>) -> Int? { ISOText.digits(b, range) }
    switch b.count {
    case 4:
      guard let y = digits(0..<4) else { return nil }
      self.init(year: y)
    case 7:
      guard b[4] == UInt8(ascii: "-"), let y = digits(0..<4), let m = digits(5..<7) else {
        return nil
      }
      self.init(year: y, month: m)
    default: return nil
    }
  }

  /// The first day of the period.
  public var first: Day { Day(year: year, month: month ?? 1, day: 1)! }

  /// The last day of the period.
  public var last: Day {
    let m = month ?? 12
    return Day(year: year, month: m, day: Day.daysIn(month: m, year: year))!
  }

  /// `YYYY-MM` or `YYYY`, as written.
  public var description: String {
    let y = String(year)
    let padded = String(repeating: "0", count: max(0, 4 - y.count)) + y
    guard let month else { return padded }
    return padded + (month < 10 ? "-0\(month)" : "-\(month)")
  }

  /// Earlier periods first; a year before the months of the same year.
  public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
    (lhs.year, lhs.month ?? 0) < (rhs.year, rhs.month ?? 0)
  }
}

/// A partial date is encoded as its text, `YYYY-MM` or `YYYY`.
extension PartialDate: Codable {
  public init(from decoder: any Decoder) throws {
    self = try ISOText.decode(from: decoder, expected: "a date as YYYY-MM or YYYY") {
      PartialDate(iso: $0)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    try ISOText.encode(description, to: encoder)
  }
}

extension Day {
  /// A bound of a period written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the day itself, else the
  /// first day of the month or year (`end` false: a `since`) or its last day (`end` true: an
  /// `until`). `nil` for anything else.
  public init?(bound text: some StringProtocol, end: Bool) {
    if let day = Day(iso: text) {
      self = day
    } else if let partial = PartialDate(iso: text) {
      self = end ? partial.last : partial.first
    } else {
      return nil
    }
  }

  /// For a date written with slashes or dots in the order day/month/year or month/day/year
  /// (`17/04/2021`, `04.05.2021`): why it is refused and how to write it, naming both days
  /// when either order could be meant. `nil` for any other text.
  public static func ambiguityAdvice(_ text: some StringProtocol) -> String? {
    let parts = text.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "." }
    guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
      let a = Int(parts[0]), let b = Int(parts[1]), let y = Int(parts[2]),
      parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2
    else { return nil }
    let readings = [(a, b), (b, a)].compactMap { Day(year: y, month: $0.1, day: $0.0) }
    let written = Array(Set(readings.map(\.description))).sorted()
    guard !written.isEmpty else { return nil }
    return "ambiguous day/month order; write "
      + written.joined(separator: " or ")
  }
}
