/// Number and text formatting shared by the printers: fixed decimals without Foundation,
/// thousands separators, and the display width of text in a terminal.

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

  /// "1 self-loop", "2 self-loops", "1,204 actions".
  public static func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    grouped(n) + " " + (n == 1 ? singular : plural ?? singular + "s")
  }

  /// A share as a percentage with one decimal: 0.0663 → "6.6%".
  public static func percent(_ x: Double) -> String { fixed(x * 100, decimals: 1) + "%" }
}

@_spi(Testing) public enum TextWidth {
  /// The number of terminal columns `text` takes: East Asian wide and fullwidth characters
  /// and emoji count 2, combining marks and other zero-width characters 0, everything else 1
  /// (per extended grapheme cluster).
  public static func of(_ text: String) -> Int {
    var width = 0
    for character in text { width += of(character) }
    return width
  }

  public static func of(_ character: Character) -> Int {
    var sawVisible = false
    for scalar in character.unicodeScalars {
      let p = scalar.properties
      if p.isEmojiPresentation || isWide(scalar.value) { return 2 }
      switch p.generalCategory {
      case .nonspacingMark, .enclosingMark, .format, .control: continue
      default: sawVisible = true
      }
    }
    return sawVisible ? 1 : 0
  }

  /// East Asian Wide (W) and Fullwidth (F) ranges of Unicode's EastAsianWidth.txt, coarsely.
  public static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD,
      0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// `text` with every control character (tab, line break, escape…) turned into a space, so
  /// that a label cannot break a table's lines or drive the terminal.
  public static func printable(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
      return text
    }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      out.append(scalar.properties.generalCategory == .control ? " " : scalar)
    }
    return String(out)
  }

  /// `text` padded with spaces to `width` columns, on the left (`right == true`) or right.
  public static func pad(_ text: String, to width: Int, right: Bool) -> String {
    let fill = String(repeating: " ", count: max(0, width - of(text)))
    return right ? fill + text : text + fill
  }
}
