/// Refuses character references (`&#1;`, `&#x1;`) to characters XML cannot carry, before
/// Graphviz sees the text: Graphviz copies such a reference into the SVG as the raw character,
/// and the SVG is no longer well-formed XML.
///
/// Defence in depth: the ``DOTWriter`` never writes one (it escapes `&` in every label), and
/// ``DOTGrammar`` checks the rest of the text; this check runs in process and again in the
/// layout child, so that the child accepts nothing the writer could not have made.
enum CharacterReferences {
  /// Whether `value` is a character XML 1.0 allows: tab, line feed, carriage return,
  /// U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
  static func isXMLCharacter(_ value: UInt32) -> Bool {
    value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
      || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
  }

  /// Checks every `&#…;` of `dot`.
  ///
  /// - Throws: ``DiploRenderError`` with code `syntax` at the first reference to a character
  ///   XML cannot carry (or a number too long to be one).
  /// - Complexity: O(n) in the length of the text.
  static func check(_ dot: String) throws {
    let bytes = Array(dot.utf8)
    var i = 0
    while i + 2 < bytes.count {
      guard bytes[i] == UInt8(ascii: "&"), bytes[i + 1] == UInt8(ascii: "#") else {
        i += 1
        continue
      }
      var j = i + 2
      let hex = j < bytes.count && (bytes[j] == UInt8(ascii: "x") || bytes[j] == UInt8(ascii: "X"))
      if hex { j += 1 }
      var value: UInt32 = 0
      var digits = 0
      while j < bytes.count, let digit = Self.digit(bytes[j], hex: hex) {
        if digits < 8 { value = value * (hex ? 16 : 10) + digit }
        digits += 1
        j += 1
      }
      if digits > 0, j < bytes.count, bytes[j] == UInt8(ascii: ";"),
        digits > 7 || !isXMLCharacter(value)
      {
        let reference = String(decoding: bytes[i...min(j, i + 16)], as: UTF8.self)
        throw DiploRenderError(
          .syntax,
          "the DOT text holds the character reference \(reference), which XML cannot carry; "
            + "expected DOT made by the writer")
      }
      i = max(j, i + 1)
    }
  }

  private static func digit(_ byte: UInt8, hex: Bool) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f") where hex:
      return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F") where hex:
      return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }
}
