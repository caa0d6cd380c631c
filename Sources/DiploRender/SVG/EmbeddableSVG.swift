import DiploGraph

/// How an SVG is prepared for a web page.
public struct SVGEmbedding: Hashable, Sendable {
  /// Put before every id (`<prefix>-node1`), so several diagrams share one page. Letters,
  /// digits, `-` and `_`, starting with a letter, at most 64 characters.
  public let idPrefix: String
  /// Keep Graphviz's fixed `width`/`height` (in points); by default only the `viewBox` is
  /// kept and the picture scales to its container.
  public var fixedSize: Bool
  /// Replaces the document's title in `<title>` (and `aria-labelledby`).
  public var title: String?
  /// Replaces the document's one-sentence summary in `<desc>`.
  public var description: String?

  /// - Throws: ``DiploRenderError`` with code `svg` when `idPrefix` is not a valid prefix.
  public init(
    idPrefix: String, fixedSize: Bool = false, title: String? = nil, description: String? = nil
  ) throws {
    let scalars = Array(idPrefix.unicodeScalars)
    func isLetter(_ s: Unicode.Scalar) -> Bool {
      ("a"..."z").contains(s) || ("A"..."Z").contains(s)
    }
    guard let first = scalars.first, isLetter(first), scalars.count <= 64,
      scalars.allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" })
    else {
      throw DiploRenderError(
        .svg,
        "'\(idPrefix)' is not an id prefix: use a letter, then letters, digits, '-' or '_'"
          + " (at most 64)")
    }
    self.idPrefix = idPrefix
    self.fixedSize = fixedSize
    self.title = title
    self.description = description
  }

  /// A prefix this module spells itself, known to be valid.
  init(trustedPrefix: StaticString, fixedSize: Bool = false) {
    idPrefix = "\(trustedPrefix)"
    self.fixedSize = fixedSize
  }
}

/// Turns Graphviz's standalone SVG into markup for a web page.
///
/// - Drops the XML declaration, the DOCTYPE and every comment (Graphviz's generator line and
///   the per-element comments that repeat node names).
/// - Keeps the `viewBox`, drops the fixed `width`/`height` (unless asked), so the picture
///   scales with the page.
/// - Prefixes every `id` with the caller's namespace, and every reference to one
///   (`href="#…"`, `xlink:href="#…"`, `url(#…)`); Graphviz's gradient ids (`l_N`, `r_N`,
///   numbered by a counter that runs across renders) are first renumbered from 0 in order of
///   appearance, so the output is also deterministic.
/// - Adds `role="img"`, `aria-labelledby`, a `<title>` and a `<desc>` as the first children,
///   and the class `diplograph` on the root. Graphviz's own classes stay (the writer's
///   `actor-…`, `bloc-…`, `kind-…`).
///
/// The rewrite works token by token on Graphviz's output and copies text and attribute values
/// exactly as Graphviz escaped them, so no label text can change the markup.
public enum EmbeddableSVG {
  /// The embeddable form of `svg` (UTF-8 bytes as Graphviz wrote them).
  ///
  /// - Throws: ``DiploRenderError`` with code `svg` when `svg` is not markup this function can
  ///   split into tokens or has no `<svg>` element.
  /// - Complexity: O(size of `svg`).
  public static func make(
    from svg: [UInt8], options: SVGEmbedding, title: String, description: String
  ) throws -> String {
    let tokens: [XMLTokenizer.Token]
    do {
      tokens = try XMLTokenizer.tokens(svg)
    } catch {
      throw DiploRenderError(.svg, "the SVG from Graphviz could not be read: \(error)")
    }
    let prefix = options.idPrefix
    var ids = IDMap(prefix: prefix)
    var out = ""
    out.reserveCapacity(svg.count + 512)
    var sawRoot = false
    var atStart = true
    for token in tokens {
      switch token {
      case .declaration, .comment:
        continue
      case .text(let text):
        // Whitespace between tags becomes one line break (none where the prolog and the
        // comments were); other text is copied as Graphviz escaped it.
        if atStart { continue }
        if text.allSatisfy({ $0 == "\n" || $0 == " " || $0 == "\r" || $0 == "\t" }) {
          if !out.hasSuffix("\n") { out += "\n" }
          continue
        }
        out += text
      case .cdata(let text):
        out += "<![CDATA[" + text + "]]>"
      case .endTag(let name):
        out += "</" + name + ">"
      case .startTag(let name, var attributes, let selfClosing):
        atStart = false
        let isRoot = !sawRoot && name == "svg"
        if isRoot {
          sawRoot = true
          if !options.fixedSize {
            attributes.removeAll { $0.name == "width" || $0.name == "height" }
          }
        }
        for i in attributes.indices {
          attributes[i].value = ids.rewrite(attribute: attributes[i].name, attributes[i].value)
        }
        if isRoot {
          attributes.append(.init(name: "id", value: prefix, quote: "\""))
          attributes.append(.init(name: "class", value: "diplograph", quote: "\""))
          attributes.append(.init(name: "role", value: "img", quote: "\""))
          attributes.append(
            .init(name: "aria-labelledby", value: "\(prefix)-title \(prefix)-desc", quote: "\""))
        }
        out += "<" + name
        for a in attributes { out += " \(a.name)=\(a.quote)\(a.value)\(a.quote)" }
        out += selfClosing ? "/>" : ">"
        if isRoot {
          let shownTitle = options.title ?? (title.isEmpty ? "Network diagram" : title)
          out += "\n<title id=\"\(prefix)-title\">\(XMLEscaping.text(shownTitle))</title>"
          out +=
            "\n<desc id=\"\(prefix)-desc\">\(XMLEscaping.text(options.description ?? description))</desc>"
        }
      }
    }
    guard sawRoot else {
      throw DiploRenderError(.svg, "the SVG from Graphviz has no <svg> element")
    }
    return out + "\n"
  }

  /// The renaming of ids, shared by definitions and references.
  struct IDMap {
    let prefix: String
    private var gradients: [String: String] = [:]
    private var gradientCount: [Character: Int] = [:]

    init(prefix: String) { self.prefix = prefix }

    /// `l_37` → `l_0` on first sight (then `l_1`, …), per letter; other ids unchanged.
    mutating func normalised(_ id: String) -> String {
      guard id.count > 2, let first = id.first, first == "l" || first == "r",
        id.dropFirst().first == "_", id.dropFirst(2).allSatisfy(\.isASCIIDigit)
      else { return id }
      if let known = gradients[id] { return known }
      let n = gradientCount[first, default: 0]
      gradientCount[first] = n + 1
      let renamed = "\(first)_\(n)"
      gradients[id] = renamed
      return renamed
    }

    mutating func reference(_ id: String) -> String { "\(prefix)-\(normalised(id))" }

    /// The value of attribute `name` with ids and references rewritten.
    mutating func rewrite(attribute name: String, _ value: String) -> String {
      if name == "id" { return reference(value) }
      if name == "href" || name == "xlink:href", value.hasPrefix("#") {
        return "#" + reference(String(value.dropFirst()))
      }
      guard value.contains("url(#") else { return value }
      // url(#id) in fill, stroke, clip-path, filter, mask, style …
      var out = ""
      var rest = Substring(value)
      while let range = rest.range(of: "url(#") {
        out += rest[..<range.upperBound]
        rest = rest[range.upperBound...]
        let end = rest.firstIndex(of: ")") ?? rest.endIndex
        out += reference(String(rest[..<end]))
        rest = rest[end...]
      }
      return out + rest
    }
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
