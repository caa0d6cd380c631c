/// Which URLs a report writes as links (the text itself goes through ``XMLEscaping``).
public enum HTML {
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
