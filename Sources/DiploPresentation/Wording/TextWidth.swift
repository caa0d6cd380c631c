/// The display width of text in a terminal, for the aligned tables of `stats` and `sources`.
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
