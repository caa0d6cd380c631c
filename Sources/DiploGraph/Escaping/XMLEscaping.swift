/// Text made safe for XML 1.0 and HTML: the one escaper every writer of markup uses (GraphML,
/// GEXF, the embeddable SVG, the charts and the HTML report).
///
/// Two contexts, as the grammar has them:
/// - ``text(_:)`` for character data between tags: `&`, `<` and `>` become references, and a
///   carriage return `&#13;` (a parser would otherwise read it as a line feed).
/// - ``attribute(_:)`` for a value between double or single quotes: also `"` and `'`, and the
///   tab, line feed and carriage return as references (attribute-value normalisation would
///   otherwise turn them into spaces). It is also safe in character data, which is why the
///   HTML writers use it everywhere.
///
/// In both, a character that ``isAllowed(_:)`` refuses becomes U+FFFD, so the result is always
/// well-formed and never holds markup: `<script>` comes out as the text `&lt;script&gt;`.
///
/// Reference: Extensible Markup Language (XML) 1.0, Fifth Edition, §2.2 (Char), §2.4
/// (character data), §3.3.3 (attribute-value normalisation), https://www.w3.org/TR/xml/.
public enum XMLEscaping {
  /// Whether `scalar` may stand in an XML 1.0 document that is also read as HTML.
  ///
  /// XML 1.0's `Char` production without the characters it discourages that HTML treats as
  /// errors: allowed are tab, line feed, carriage return, U+0020–U+007E, U+00A0–U+D7FF,
  /// U+E000–U+FFFD and U+10000–U+10FFFF. Refused: the other C0 controls, DEL and the C1
  /// controls (U+007F–U+009F: HTML maps some of their references to Windows-1252 letters),
  /// surrogates, U+FFFE and U+FFFF.
  @inline(__always)
  public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
      return true
    default:
      return false
    }
  }

  /// `text` as XML character data.
  ///
  /// - Complexity: O(n) in the length of `text`.
  public static func text(_ text: String) -> String { escaped(text, inAttribute: false) }

  /// `text` as an attribute value between quotes (also safe as character data).
  ///
  /// - Complexity: O(n) in the length of `text`.
  public static func attribute(_ text: String) -> String { escaped(text, inAttribute: true) }

  private static func escaped(_ text: String, inAttribute: Bool) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\r": out += "&#13;"
      case "\"" where inAttribute: out += "&quot;"
      case "'" where inAttribute: out += "&#39;"
      case "\t" where inAttribute: out += "&#9;"
      case "\n" where inAttribute: out += "&#10;"
      default: out.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
      }
    }
    return out
  }
}
