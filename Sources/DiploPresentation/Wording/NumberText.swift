/// The number formats every printer and the reports share, so a figure reads the same in a
/// terminal table, a Markdown file and an HTML report.
public enum NumberText {
  /// `x` rounded to `decimals` places in plain decimal notation ("0.400", "-1.000").
  /// Magnitudes beyond 2^53 / 10^decimals, where a `Double` no longer holds every integer,
  /// fall back to Swift's shortest representation.
  public static func fixed(_ x: Double, decimals: Int) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(x) * scale).rounded()
    guard scaled < 9.0e15 else { return x.description }
    let n = Int64(scaled)
    let whole = n / Int64(scale)
    var text = (x < 0 && n != 0 ? "-" : "") + String(whole)
    if decimals > 0 {
      let fraction = String(n % Int64(scale))
      text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
    return text
  }

  /// `x` with at most `decimals` places, trailing zeros (and a bare point) removed:
  /// 0.4 → "0.4", 1 → "1", 2/3 → "0.666667".
  public static func trimmed(_ x: Double, decimals: Int = 6) -> String {
    var text = fixed(x, decimals: decimals)
    // Byte searches: the text is ASCII, and they spare the per-number cost of a generic
    // string search.
    guard text.utf8.contains(UInt8(ascii: ".")), !text.utf8.contains(UInt8(ascii: "e")) else {
      return text
    }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }

  /// A JSON number: six decimals at most, plain notation.
  public static func json(_ x: Double) -> String { trimmed(x, decimals: 6) }

  /// An integer with thousands separators: 1234567 → "1,234,567".
  public static func grouped(_ n: Int64) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }

  public static func grouped(_ n: Int) -> String { grouped(Int64(n)) }

  /// An unsigned integer with thousands separators (beyond `Int64.max`, without them).
  static func grouped(_ n: UInt64) -> String {
    n <= UInt64(Int64.max) ? grouped(Int64(n)) : String(n)
  }

  /// "1 self-loop", "2 self-loops", "1,204 actions".
  public static func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    grouped(n) + " " + (n == 1 ? singular : plural ?? singular + "s")
  }

  /// A share as a percentage with one decimal: 0.0663 → "6.6%".
  public static func percent(_ x: Double) -> String { fixed(x * 100, decimals: 1) + "%" }
}
