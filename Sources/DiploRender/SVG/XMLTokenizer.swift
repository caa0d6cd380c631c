/// A streaming tokenizer for the XML Graphviz writes, enough to rewrite it safely: markup
/// declarations, processing instructions, comments, CDATA, start and end tags with their
/// attributes (values kept exactly as written, still escaped), and text (kept as written).
///
/// It does not check well-formedness beyond what it needs to find token boundaries; it throws
/// on input it cannot split (an unterminated tag, comment or attribute value), so a rewrite
/// never emits half a tag.
struct XMLTokenizer {
  enum Token: Equatable {
    /// `<?…?>`, `<!DOCTYPE …>` and other `<!…>` declarations (not comments).
    case declaration(String)
    case comment(String)
    case cdata(String)
    case startTag(name: String, attributes: [Attribute], selfClosing: Bool)
    case endTag(name: String)
    case text(String)
  }

  struct Attribute: Equatable {
    var name: String
    /// The value as written between the quotes (entities not decoded).
    var value: String
    var quote: Character
  }

  struct Failure: Error, CustomStringConvertible {
    var offset: Int
    var reason: String
    var description: String { "at byte \(offset): \(reason)" }
  }

  private let bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// All tokens, in order.
  static func tokens(_ bytes: [UInt8]) throws -> [Token] {
    var tokenizer = XMLTokenizer(bytes)
    var result: [Token] = []
    while let token = try tokenizer.next() { result.append(token) }
    return result
  }

  private func string(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  private func starts(with prefix: String, at i: Int) -> Bool {
    let p = Array(prefix.utf8)
    guard i + p.count <= bytes.count else { return false }
    for k in 0..<p.count where bytes[i + k] != p[k] { return false }
    return true
  }

  /// The index of the first occurrence of `terminator` at or after `i`.
  private func find(_ terminator: String, from i: Int) throws -> Int {
    let t = Array(terminator.utf8)
    var j = i
    while j + t.count <= bytes.count {
      if bytes[j] == t[0] && starts(with: terminator, at: j) { return j }
      j += 1
    }
    throw Failure(offset: i, reason: "'\(terminator)' expected before the end")
  }

  private static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
  }

  private static func isNameByte(_ b: UInt8) -> Bool {
    !(isSpace(b) || b == UInt8(ascii: "=") || b == UInt8(ascii: ">") || b == UInt8(ascii: "/")
      || b == UInt8(ascii: "<") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'"))
  }

  mutating func next() throws -> Token? {
    guard position < bytes.count else { return nil }
    let start = position
    guard bytes[start] == UInt8(ascii: "<") else {
      var end = start
      while end < bytes.count && bytes[end] != UInt8(ascii: "<") { end += 1 }
      position = end
      return .text(string(start..<end))
    }
    if starts(with: "<!--", at: start) {
      let end = try find("-->", from: start + 4)
      position = end + 3
      return .comment(string(start + 4..<end))
    }
    if starts(with: "<![CDATA[", at: start) {
      let end = try find("]]>", from: start + 9)
      position = end + 3
      return .cdata(string(start + 9..<end))
    }
    if starts(with: "<?", at: start) {
      let end = try find("?>", from: start + 2)
      position = end + 2
      return .declaration(string(start..<position))
    }
    if starts(with: "<!", at: start) {
      // A declaration: skip quoted literals and an internal subset in brackets.
      var i = start + 2
      var depth = 0
      while i < bytes.count {
        let b = bytes[i]
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
          guard let close = bytes[(i + 1)...].firstIndex(of: b) else {
            throw Failure(offset: i, reason: "unterminated literal in a declaration")
          }
          i = close + 1
          continue
        }
        if b == UInt8(ascii: "[") { depth += 1 }
        if b == UInt8(ascii: "]") { depth -= 1 }
        if b == UInt8(ascii: ">") && depth <= 0 {
          position = i + 1
          return .declaration(string(start..<position))
        }
        i += 1
      }
      throw Failure(offset: start, reason: "unterminated declaration")
    }
    if starts(with: "</", at: start) {
      let end = try find(">", from: start + 2)
      position = end + 1
      let name = string(start + 2..<end).trimmingSpaces
      guard !name.isEmpty else { throw Failure(offset: start, reason: "end tag without a name") }
      return .endTag(name: name)
    }
    // Start tag.
    var i = start + 1
    while i < bytes.count && Self.isNameByte(bytes[i]) { i += 1 }
    let name = string(start + 1..<i)
    guard !name.isEmpty else { throw Failure(offset: start, reason: "'<' not starting a tag") }
    var attributes: [Attribute] = []
    while true {
      while i < bytes.count && Self.isSpace(bytes[i]) { i += 1 }
      guard i < bytes.count else { throw Failure(offset: start, reason: "unterminated tag") }
      if bytes[i] == UInt8(ascii: ">") {
        position = i + 1
        return .startTag(name: name, attributes: attributes, selfClosing: false)
      }
      if starts(with: "/>", at: i) {
        position = i + 2
        return .startTag(name: name, attributes: attributes, selfClosing: true)
      }
      let nameStart = i
      while i < bytes.count && Self.isNameByte(bytes[i]) { i += 1 }
      let attributeName = string(nameStart..<i)
      guard !attributeName.isEmpty else {
        throw Failure(offset: i, reason: "unexpected character in tag <\(name)>")
      }
      while i < bytes.count && Self.isSpace(bytes[i]) { i += 1 }
      guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else {
        throw Failure(offset: i, reason: "'=' expected after attribute \(attributeName)")
      }
      i += 1
      while i < bytes.count && Self.isSpace(bytes[i]) { i += 1 }
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'")
      else {
        throw Failure(offset: i, reason: "quoted value expected for attribute \(attributeName)")
      }
      let quote = bytes[i]
      guard let close = bytes[(i + 1)...].firstIndex(of: quote) else {
        throw Failure(offset: i, reason: "unterminated value of attribute \(attributeName)")
      }
      attributes.append(
        Attribute(
          name: attributeName, value: string(i + 1..<close), quote: Character(Unicode.Scalar(quote))
        ))
      i = close + 1
    }
  }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
    return String(s)
  }
}
