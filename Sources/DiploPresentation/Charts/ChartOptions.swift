/// How a chart is written into a page or a file of its own.
public struct ChartOptions: Hashable, Sendable {
  /// The root's id, and the start of the ids of its title and description (`<prefix>-title`),
  /// so that several charts share one page. Letters, digits, `-` and `_`, starting with a
  /// letter, at most 64 characters.
  public let idPrefix: String
  /// Keep a fixed `width`/`height` in pixels (for a file of its own); by default only the
  /// `viewBox` and a `max-width`, so the chart scales with the page.
  public var fixedSize: Bool
  /// Replaces the chart's title in `<title>`.
  public var title: String?
  /// Replaces the chart's one-sentence summary in `<desc>`.
  public var description: String?

  /// `nil` when `idPrefix` is not a valid prefix.
  public init?(
    idPrefix: String, fixedSize: Bool = false, title: String? = nil, description: String? = nil
  ) {
    let scalars = Array(idPrefix.unicodeScalars)
    func isLetter(_ s: Unicode.Scalar) -> Bool {
      ("a"..."z").contains(s) || ("A"..."Z").contains(s)
    }
    guard let first = scalars.first, isLetter(first), scalars.count <= 64,
      scalars.allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" })
    else { return nil }
    self.init(trustedPrefix: idPrefix, fixedSize: fixedSize)
    self.title = title
    self.description = description
  }

  /// A prefix this module spells itself, known to be valid.
  init(trustedPrefix: String, fixedSize: Bool = false) {
    idPrefix = trustedPrefix
    self.fixedSize = fixedSize
  }
}
