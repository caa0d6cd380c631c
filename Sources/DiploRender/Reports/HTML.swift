/// Escaping of text for HTML and SVG: the one function every report, chart and example uses
/// for text that comes from a data set or a user.

/// Text made safe for HTML and XML (SVG) documents.
public enum HTML {
  /// `text` escaped for HTML or XML, in element content and in quoted attribute values alike:
  /// `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`, line ends become `\n`,
  /// tabs spaces, and every character XML 1.0 cannot carry (other control characters, DEL and
  /// the C1 controls, lone surrogates' replacements, U+FFFE, U+FFFF) becomes U+FFFD.
  ///
  /// The result never contains markup: `<script>` comes out as the text `&lt;script&gt;`. It is
  /// valid in a standalone SVG file as well as in HTML.
  ///
  /// - Complexity: O(n) in the length of `text`.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\r": out += "\n"
      case "\n": if !previousWasCR { out += "\n" }
      case "\t": out += " "
      default:
        out.unicodeScalars.append(DOTEscaping.isXMLSafe(scalar) ? scalar : "\u{FFFD}")
      }
    }
    return out
  }

  /// `url` when it is an absolute `http` or `https` URL that can be written in an attribute
  /// as it is (no space, quote, angle bracket, backslash or control character), `nil`
  /// otherwise: reports link only to web pages, never to `javascript:`, `data:` or files.
  public static func webURL(_ url: String) -> String? {
    let lower = url.lowercased()
    guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
    let refused: Set<Unicode.Scalar> = [" ", "\"", "'", "<", ">", "\\", "`"]
    guard url.count > 8,
      url.unicodeScalars.allSatisfy({
        $0.value > 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value)
          && !refused.contains($0)
      })
    else { return nil }
    return url
  }
}
