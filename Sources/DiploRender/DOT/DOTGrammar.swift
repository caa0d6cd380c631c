// The DOT that DOTWriter writes, recognised exactly, and nothing else.
//
// Graphviz 2.42/2.43 has known memory-safety flaws in its DOT parser and layout code, and passes
// some attribute values into the SVG unescaped (fontname, URL, href, image, stylesheet, …). The
// writer never produces those, but the promise is only as good as its weakest path: so before
// Graphviz sees any text — in process, or in the layout child process, which reads the text from
// a pipe — the text is checked against the writer's own grammar:
//
//   graph      = "digraph" QUOTED "{" statement* "}"
//   statement  = ("graph" | "node" | "edge") attributes ";"
//              | cluster
//   cluster    = "subgraph" QUOTED "{" ("graph" attributes ";" | QUOTED attributes ";" | cluster)*
//                "}"                   (nested at most 16 deep)
//              | QUOTED attributes ";"
//              | QUOTED "->" QUOTED attributes ";"
//   attributes = "[" NAME "=" value ("," NAME "=" value)* "]"
//   value      = QUOTED | HTML            (HTML for `label` only)
//
// where NAME is one of the attributes the writer sets (``DOTAttribute``), a `fontname` must be a
// valid ``FontName``, a colour `#RRGGBB`, a subgraph is `cluster_<n>` or `cluster_<n>_<n>…`, QUOTED is a double-quoted
// string without raw control characters (a backslash always takes the next character with it,
// as Graphviz's lexer does), and HTML holds only the tags, attributes and entities the writer's
// ``HTMLLabel`` makes (no IMG, no HREF, no FACE). Whitespace is spaces, tabs and line feeds.
//
// Limits: the check is linear in the text and allocates nothing per token; it accepts some
// texts the writer would never write (any order of statements), none outside the grammar.

/// Checks that DOT text is in the subset ``DOTWriter`` writes.
enum DOTGrammar {
  /// Tags of HTML-like labels, and the attributes each may carry.
  static let htmlTags: [String: Set<String>] = [
    "TABLE": ["BORDER", "CELLBORDER", "CELLSPACING", "CELLPADDING"],
    "TR": [],
    "TD": ["BGCOLOR", "BORDER", "COLOR", "FIXEDSIZE", "WIDTH", "HEIGHT", "ALIGN"],
    "FONT": ["COLOR", "POINT-SIZE"],
    "B": [],
    "BR": [],
  ]

  static let attributeNames = Set(DOTAttribute.allCases.map(\.rawValue))

  /// - Throws: ``DiploRenderError`` with code `syntax`, naming the line and column of the
  ///   first thing outside the subset.
  /// - Complexity: O(n) for n bytes.
  static func check(_ text: String) throws {
    var copy = text
    try copy.withUTF8 { bytes in
      var scanner = Scanner(bytes: bytes)
      try scanner.graph()
    }
  }

  /// A recursive-descent recogniser over the text's bytes.
  private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    // MARK: Errors

    func failure(_ expected: String) -> DiploRenderError {
      var line = 1
      var column = 1
      for i in 0..<min(index, bytes.count) {
        if bytes[i] == 0x0A {
          line += 1
          column = 1
        } else if bytes[i] & 0xC0 != 0x80 {
          column += 1
        }
      }
      let found: String
      if index >= bytes.count {
        found = "the end of the text"
      } else {
        let end = min(bytes.count, index + 16)
        found = "\"" + String(decoding: bytes[index..<end], as: UTF8.self) + "\""
      }
      return DiploRenderError(
        .syntax,
        "DOT text outside what the writer makes, at line \(line), column \(column): expected "
          + "\(expected), found \(found); it is not handed to Graphviz")
    }

    // MARK: Tokens

    mutating func skipSpace() {
      while index < bytes.count,
        bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09
      {
        index += 1
      }
    }

    /// Whether the next token is `word` (a keyword or punctuation); consumes it if so.
    mutating func accept(_ word: String) -> Bool {
      skipSpace()
      let utf8 = Array(word.utf8)
      guard bytes.count - index >= utf8.count else { return false }
      for (k, b) in utf8.enumerated() where bytes[index + k] != b { return false }
      // A keyword must end where the word does.
      if let last = utf8.last, isNameByte(last), index + utf8.count < bytes.count,
        isNameByte(bytes[index + utf8.count])
      {
        return false
      }
      index += utf8.count
      return true
    }

    mutating func expect(_ word: String) throws {
      guard accept(word) else { throw failure("'\(word)'") }
    }

    func isNameByte(_ b: UInt8) -> Bool {
      (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || (b >= 0x30 && b <= 0x39)
    }

    /// An attribute name or keyword: ASCII letters, digits and `_`.
    mutating func name() throws -> String {
      skipSpace()
      let start = index
      while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
      guard index > start else { throw failure("an attribute name") }
      return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    var atQuote: Bool {
      mutating get {
        skipSpace()
        return index < bytes.count && bytes[index] == UInt8(ascii: "\"")
      }
    }

    /// A double-quoted string; returns its bytes between the quotes, escapes as written.
    mutating func quoted() throws -> Range<Int> {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw failure("a quoted string")
      }
      index += 1
      let start = index
      while index < bytes.count {
        let b = bytes[index]
        if b == UInt8(ascii: "\"") {
          let range = start..<index
          index += 1
          return range
        }
        if b < 0x20 || b == 0x7F { throw failure("no control character inside a quoted string") }
        if b == UInt8(ascii: "\\") {
          index += 1
          guard index < bytes.count, bytes[index] >= 0x20, bytes[index] != 0x7F else {
            throw failure("a character after the backslash")
          }
        }
        index += 1
      }
      throw failure("the closing quote")
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    // MARK: Structure

    mutating func graph() throws {
      try expect("digraph")
      _ = try quoted()
      try expect("{")
      while true {
        if accept("}") { break }
        try statement(inCluster: false)
      }
      skipSpace()
      guard index == bytes.count else { throw failure("the end of the text") }
    }

    mutating func statement(inCluster: Bool, depth: Int = 0) throws {
      if accept("graph") || (!inCluster && (accept("node") || accept("edge"))) {
        try attributes()
        try expect(";")
        return
      }
      if depth < 16 && accept("subgraph") {
        let name = text(try quoted())
        let parts = name.dropFirst(8).split(separator: "_", omittingEmptySubsequences: false)
        guard name.hasPrefix("cluster_"),
          parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { throw failure("a subgraph named cluster_<number>") }
        try expect("{")
        while !accept("}") { try statement(inCluster: true, depth: depth + 1) }
        return
      }
      guard atQuote else { throw failure("a statement") }
      _ = try quoted()
      if !inCluster && accept("->") { _ = try quoted() }
      try attributes()
      try expect(";")
    }

    mutating func attributes() throws {
      try expect("[")
      repeat {
        let key = try name()
        guard DOTGrammar.attributeNames.contains(key) else {
          throw failure("an attribute the writer sets, not '\(key)'")
        }
        try expect("=")
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "<") {
          guard key == "label" else { throw failure("a quoted value for '\(key)'") }
          try html()
        } else {
          let value = try quoted()
          try checkValue(of: key, text(value))
        }
      } while accept(",")
      try expect("]")
    }

    /// The values Graphviz acts on or passes through raw: only what the writer's types allow.
    func checkValue(of key: String, _ value: String) throws {
      switch key {
      case "fontname":
        guard (try? FontName(value)) != nil else { throw failure("a font name") }
      case "color", "fillcolor", "fontcolor":
        guard (try? RGBColor(hex: value)) != nil else { throw failure("a colour #RRGGBB") }
      default:
        break
      }
    }

    // MARK: HTML-like labels

    /// `<` markup `>`: tags from ``DOTGrammar/htmlTags`` with their attributes, text with
    /// entities.
    mutating func html() throws {
      index += 1  // the opening '<'
      var open: [String] = []
      while index < bytes.count {
        let b = bytes[index]
        if b == UInt8(ascii: ">") {
          guard open.isEmpty else { throw failure("</\(open[open.count - 1])>") }
          index += 1
          return
        }
        if b == UInt8(ascii: "<") {
          try tag(&open)
        } else if b == UInt8(ascii: "&") {
          try entity()
        } else if b < 0x20 || b == 0x7F {
          throw failure("no control character in an HTML label")
        } else {
          index += 1
        }
      }
      throw failure("'>' closing the HTML label")
    }

    mutating func tag(_ open: inout [String]) throws {
      index += 1  // '<'
      let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
      if closing { index += 1 }
      let start = index
      while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
      let tagName = text(start..<index)
      guard let allowed = DOTGrammar.htmlTags[tagName] else {
        throw failure("a tag the writer uses (TABLE, TR, TD, FONT, B, BR)")
      }
      if closing {
        guard open.last == tagName, index < bytes.count, bytes[index] == UInt8(ascii: ">") else {
          throw failure("a matching closing tag")
        }
        open.removeLast()
        index += 1
        return
      }
      while true {
        guard index < bytes.count else { throw failure("the end of the tag") }
        if bytes[index] == UInt8(ascii: " ") {
          index += 1
          let nameStart = index
          while index < bytes.count,
            isNameByte(bytes[index]) || bytes[index] == UInt8(ascii: "-")
          {
            index += 1
          }
          let attribute = text(nameStart..<index)
          guard allowed.contains(attribute) else {
            throw failure("an attribute the writer uses on <\(tagName)>, not '\(attribute)'")
          }
          guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "="),
            bytes[index + 1] == UInt8(ascii: "\"")
          else { throw failure("=\"…\"") }
          index += 2
          while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            let v = bytes[index]
            guard
              isNameByte(v) || v == UInt8(ascii: "#") || v == UInt8(ascii: ".")
                || v == UInt8(ascii: "-")
            else { throw failure("a plain attribute value") }
            index += 1
          }
          guard index < bytes.count else { throw failure("the closing quote") }
          index += 1
        } else if tagName == "BR", bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count,
          bytes[index + 1] == UInt8(ascii: ">")
        {
          index += 2
          return
        } else if tagName != "BR", bytes[index] == UInt8(ascii: ">") {
          open.append(tagName)
          index += 1
          return
        } else {
          throw failure("'>' ending <\(tagName)>")
        }
      }
    }

    /// `&name;`, `&#digits;` or `&#xhex;`.
    mutating func entity() throws {
      index += 1
      let start = index
      if index < bytes.count, bytes[index] == UInt8(ascii: "#") { index += 1 }
      while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
      guard index > start, index - start <= 10, index < bytes.count,
        bytes[index] == UInt8(ascii: ";")
      else { throw failure("an entity such as &amp;") }
      index += 1
    }
  }
}
