/// Text made literal in Markdown (CommonMark with GitHub's extensions): the one escaper of the
/// Markdown statistics and the Markdown report.
///
/// Two contexts, as the grammar has them:
/// - ``inline(_:)`` for text inside a line (a table cell, after a list marker or a heading's
///   `#`): the ASCII punctuation that CommonMark, GitHub's extensions or inline HTML read
///   anywhere (`\` `` ` `` `*` `_` `[` `]` `<` `>` `|` `~` `&`) is backslash-escaped.
/// - ``line(_:)`` for text that starts a line (a paragraph): also what would open a block
///   there: a heading's `#`s followed by a space, a bullet `-` or `+` followed by a space, a
///   line of only `-` or `=` (a thematic break or a setext underline), and the punctuation of
///   an ordered-list number ("1. ", "2) "). "-50", "#n" and "0.877" open nothing and are left
///   alone.
///
/// In both, line breaks and tabs become spaces (a cell or a line stays one line), and the
/// characters ``XMLEscaping/isAllowed(_:)`` refuses become U+FFFD (Markdown is HTML in the end).
///
/// Reference: CommonMark Spec 0.31.2, §2.4 (backslash escapes), https://spec.commonmark.org/;
/// GitHub Flavored Markdown Spec, §4.10 (tables), §6.5 (strikethrough), https://github.github.com/gfm/.
public enum MarkdownEscaping {
  static let special: Set<Unicode.Scalar> = [
    "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&",
  ]

  /// `text` literal inside a line.
  ///
  /// - Complexity: O(n) in the length of `text`.
  public static func inline(_ text: String) -> String { escaped(text, startsLine: false) }

  /// `text` literal at the start of a line.
  ///
  /// - Complexity: O(n) in the length of `text`.
  public static func line(_ text: String) -> String { escaped(text, startsLine: true) }

  private static func escaped(_ text: String, startsLine: Bool) -> String {
    var out = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    let marker = startsLine ? blockMarker(scalars) : nil
    for (i, scalar) in scalars.enumerated() {
      switch scalar {
      case "\n", "\r", "\t": out.append(" ")
      default:
        if special.contains(scalar) || i == marker { out.append("\\") }
        out.append(XMLEscaping.isAllowed(scalar) ? scalar : "\u{FFFD}")
      }
    }
    return String(out)
  }

  /// The index of the character that would open a block at the start of a line, if one would.
  private static func blockMarker(_ scalars: [Unicode.Scalar]) -> Int? {
    guard let first = scalars.first else { return nil }
    func isBlank(_ i: Int) -> Bool { i == scalars.count || scalars[i] == " " || scalars[i] == "\t" }
    switch first {
    case "#":
      // An ATX heading: one to six `#` and then a space or the end.
      let run = scalars.prefix { $0 == "#" }.count
      return run <= 6 && isBlank(run) ? 0 : nil
    case "-", "+", "=":
      // A bullet, or a line of one character only (a thematic break, a setext underline).
      let only = scalars.allSatisfy { $0 == first || $0 == " " || $0 == "\t" }
      return (first != "=" && isBlank(1)) || only ? 0 : nil
    case "0"..."9":
      // "1. " or "2) ": an ordered-list item ("0.877" is not).
      guard let end = scalars.firstIndex(where: { !("0"..."9").contains($0) }),
        scalars[end] == "." || scalars[end] == ")", isBlank(end + 1)
      else { return nil }
      return end
    default:
      return nil
    }
  }
}
