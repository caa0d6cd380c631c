/// The strict, iterative RFC 8259 parser behind `JSON.parse`.
///
/// It walks the bytes once, keeping the line and the column (in Unicode scalars) as it goes,
/// and builds containers on an explicit heap stack, so that neither deep nesting nor hostile
/// bytes can overflow the call stack or trap. Every index is checked against the buffer's end
/// before it is read.
struct JSONParser {
  let bytes: UnsafeBufferPointer<UInt8>
  let file: String?
  let limits: JSON.Limits
  var index = 0
  /// Values begun so far (checked against `limits.maxValues`).
  var values = 0
  var line = 1
  var column = 1
  /// The nesting depth of the containers around the value being parsed, when the parser is
  /// asked for one value inside a document walked by someone else (the streaming reader).
  var depthBase = 0
  /// Reused buffer for strings with escapes.
  private var scratch: [UInt8] = []

  /// A container under construction.
  private struct Frame {
    var position: JSONPosition
    var isObject: Bool
    var elements: [JSONNode] = []
    var members: [JSONMember] = []
    /// The key of the member whose value is being parsed.
    var key = ""
    var keyPosition = JSONPosition(line: 0, column: 0)
    /// Key → member index, built once an object grows past a few members.
    var keyIndex: [String: Int]?
  }

  /// What came before the value being parsed, for messages.
  enum ValueContext {
    case top, afterOpenBracket, afterComma, afterColon
  }

  init(_ bytes: UnsafeBufferPointer<UInt8>, file: String?, limits: JSON.Limits) {
    self.bytes = bytes
    self.file = file
    self.limits = limits
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
  }

  var position: JSONPosition { JSONPosition(line: line, column: column) }

  var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

  /// Steps over `n` ASCII bytes on the current line.
  mutating func advance(_ n: Int = 1) {
    index += n
    column += n
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09:
        advance()
      case 0x0A:
        index += 1
        line += 1
        column = 1
      case 0x0D:
        index += 1
        if index < bytes.count && bytes[index] == 0x0A { index += 1 }
        line += 1
        column = 1
      default:
        return
      }
    }
  }

  // MARK: Errors

  func error(
    _ message: String, at position: JSONPosition? = nil, code: DiploGraphError.Code = .syntax
  ) -> DiploGraphError {
    DiploGraphError(code, message, at: (position ?? self.position).location(in: file))
  }

  /// How messages name what is at the current index.
  var found: String { JSONParser.describe(bytes, at: index) }

  static func describe(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> String {
    guard index < bytes.count else { return "the end of the input" }
    let byte = bytes[index]
    switch byte {
    case 0x0A, 0x0D: return "a line break"
    case 0x09: return "a tab"
    case 0x00..<0x20, 0x7F: return "the control character \(scalarName(UInt32(byte)))"
    case 0x80...:
      if let length = utf8SequenceLength(bytes, at: index) {
        let text = String(decoding: bytes[index..<index + length], as: UTF8.self)
        let value = text.unicodeScalars.first?.value ?? 0xFFFD
        return "'\(text)' (\(scalarName(value)))"
      }
      return "the byte \(hex(byte)), which is not valid UTF-8 here"
    default:
      // A word (`NaN`, `Infinity`, `tru`) is shown whole; punctuation one character at a time.
      var end = index
      while end < bytes.count, end - index < 20, isWordByte(bytes[end]) { end += 1 }
      if end == index { end = index + 1 }
      return "'\(String(decoding: bytes[index..<end], as: UTF8.self))'"
    }
  }

  private static func isWordByte(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."),
      UInt8(ascii: "+"), UInt8(ascii: "-"):
      return true
    default: return false
    }
  }

  static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
  }

  static func scalarName(_ value: UInt32) -> String {
    var digits = String(value, radix: 16, uppercase: true)
    while digits.count < 4 { digits = "0" + digits }
    return "U+\(digits)"
  }

  /// A hint for common non-JSON habits, appended to "expected … found …" messages.
  var hint: String {
    guard let byte = peek else { return "" }
    switch byte {
    case UInt8(ascii: "/"), UInt8(ascii: "#"): return " (JSON has no comments)"
    case UInt8(ascii: "'"): return " (JSON strings take double quotes)"
    case UInt8(ascii: "+"): return " (JSON numbers take no '+' sign)"
    case UInt8(ascii: "N") where matches("NaN"), UInt8(ascii: "I") where matches("Infinity"):
      return " (JSON has no NaN or Infinity)"
    default: return ""
    }
  }

  func expectedValue(_ context: ValueContext) -> DiploGraphError {
    switch context {
    case .top:
      return error("expected a JSON value, found \(found)\(hint)")
    case .afterOpenBracket:
      return error("expected a value or ']' after '[', found \(found)\(hint)")
    case .afterColon:
      return error("expected a value after ':', found \(found)\(hint)")
    case .afterComma:
      let trailing = peek == UInt8(ascii: "]") ? " (trailing commas are not allowed)" : hint
      return error("expected a value after ',', found \(found)\(trailing)")
    }
  }

  // MARK: Document

  /// Parses the whole input: one value, then nothing but whitespace.
  mutating func parseDocument() throws -> JSONNode {
    try parseValue(.top, whole: true)
  }

  /// Counts one more value, refusing one past `limits.maxValues` (at the current position).
  mutating func countValue() throws {
    values += 1
    if values > limits.maxValues {
      throw DiploGraphError(
        .init(.maxJSONValues, limits.maxValues), at: position.location(in: file)
      ) {
        "found more than \(limits.maxValues) JSON values; expected at most \(limits.maxValues) "
          + "(\($0); CSV is the format for bulk data)"
      }
    }
  }

  /// Parses one value (after whitespace) that `context` introduces; with `whole`, the value
  /// must be the whole input, else parsing stops after it (and the whitespace after it).
  mutating func parseValue(_ context: ValueContext, whole: Bool = false) throws -> JSONNode {
    var stack: [Frame] = []
    var context = context
    parsing: while true {
      skipWhitespace()
      let start = position
      guard let byte = peek else { throw expectedValue(context) }
      try countValue()
      var node: JSONNode
      switch byte {
      case UInt8(ascii: "{"):
        try push(Frame(position: start, isObject: true), onto: &stack)
        advance()
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
          advance()
          stack.removeLast()
          node = JSONNode(.object([]), at: start)
        } else {
          try readKey(into: &stack, afterComma: false)
          context = .afterColon
          continue parsing
        }
      case UInt8(ascii: "["):
        try push(Frame(position: start, isObject: false), onto: &stack)
        advance()
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
          advance()
          stack.removeLast()
          node = JSONNode(.array([]), at: start)
        } else {
          context = .afterOpenBracket
          continue parsing
        }
      case UInt8(ascii: "\""):
        node = JSONNode(.string(try readString()), at: start)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        node = JSONNode(.number(try readNumber()), at: start)
      case UInt8(ascii: "t") where matches("true"):
        advance(4)
        node = JSONNode(.bool(true), at: start)
      case UInt8(ascii: "f") where matches("false"):
        advance(5)
        node = JSONNode(.bool(false), at: start)
      case UInt8(ascii: "n") where matches("null"):
        advance(4)
        node = JSONNode(.null, at: start)
      default:
        throw expectedValue(context)
      }

      // Hand the finished value to its container; close containers as far as they end here.
      while true {
        skipWhitespace()
        guard let top = stack.indices.last else {
          guard !whole || index == bytes.count else {
            throw error("expected the end of the input after the top-level value, found \(found)")
          }
          return node
        }
        if stack[top].isObject {
          let key = stack[top].key
          let keyPosition = stack[top].keyPosition
          stack[top].members.append(JSONMember(key: key, keyPosition: keyPosition, value: node))
          let memberCount = stack[top].members.count
          if memberCount > 8 {
            if stack[top].keyIndex == nil {
              var keyIndex: [String: Int] = [:]
              for (i, m) in stack[top].members.enumerated() { keyIndex[m.key] = i }
              stack[top].keyIndex = keyIndex
            } else {
              stack[top].keyIndex?[key] = memberCount - 1
            }
          }
          if peek == UInt8(ascii: ",") {
            advance()
            try readKey(into: &stack, afterComma: true)
            context = .afterColon
            continue parsing
          }
          guard peek == UInt8(ascii: "}") else {
            throw error("expected ',' or '}' after a member, found \(found)\(hint)")
          }
          advance()
          let frame = stack.removeLast()
          node = JSONNode(.object(frame.members), at: frame.position)
        } else {
          stack[top].elements.append(node)
          if peek == UInt8(ascii: ",") {
            advance()
            context = .afterComma
            continue parsing
          }
          guard peek == UInt8(ascii: "]") else {
            throw error("expected ',' or ']' after an array element, found \(found)\(hint)")
          }
          advance()
          let frame = stack.removeLast()
          node = JSONNode(.array(frame.elements), at: frame.position)
        }
      }
    }
  }

  private func push(_ frame: Frame, onto stack: inout [Frame]) throws {
    try checkDepth(stack.count)
    stack.append(frame)
  }

  /// Refuses a container opened inside `open` others (and `depthBase` more) past the limit.
  func checkDepth(_ open: Int) throws {
    let depth = open + depthBase
    guard depth < limits.maxDepth else {
      var error = error(
        "found an array or object nested \(depth + 1) levels deep; "
          + "expected at most \(limits.maxDepth) levels", code: .limit)
      error.limit = .init(.maxJSONDepth, limits.maxDepth)
      throw error
    }
  }

  func matches(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard bytes.count - index >= count else { return false }
    let text = literal.utf8Start
    for k in 0..<count where bytes[index + k] != text[k] { return false }
    return true
  }

  /// Reads `"key" :` for the object on top of the stack, rejecting a key it already has.
  private mutating func readKey(into stack: inout [Frame], afterComma: Bool) throws {
    let top = stack.count - 1
    let frame = stack[top]
    let (key, keyPosition) = try readMemberKey(afterComma: afterComma) { key in
      let earlier: Int?
      if let keyIndex = frame.keyIndex {
        earlier = keyIndex[key]
      } else {
        earlier = frame.members.firstIndex { $0.key == key }
      }
      return earlier.map { frame.members[$0].keyPosition }
    }
    stack[top].key = key
    stack[top].keyPosition = keyPosition
  }

  /// Reads `"key" :` (after whitespace) of an object's member, rejecting a key that `earlier`
  /// places before (the message names both places).
  mutating func readMemberKey(
    afterComma: Bool, earlier: (String) -> JSONPosition?
  ) throws -> (key: String, position: JSONPosition) {
    skipWhitespace()
    guard peek == UInt8(ascii: "\"") else {
      if afterComma {
        let trailing = peek == UInt8(ascii: "}") ? " (trailing commas are not allowed)" : hint
        throw error("expected a string key after ',', found \(found)\(trailing)")
      }
      let quotes = peek.map(JSONParser.isWordByte) == true ? " (keys take double quotes)" : hint
      throw error("expected a string key or '}' after '{', found \(found)\(quotes)")
    }
    let keyPosition = position
    let key = try readString()
    if let first = earlier(key) {
      throw error(
        "found the key \(JSON.quoted(key)) a second time in one object (first at \(first)); "
          + "expected each key once", at: keyPosition)
    }
    skipWhitespace()
    guard peek == UInt8(ascii: ":") else {
      throw error("expected ':' after the key \(JSON.quoted(key)), found \(found)")
    }
    advance()
    return (key, keyPosition)
  }

  // MARK: Numbers

  mutating func readNumber() throws -> JSONNumber {
    let start = index
    let startPosition = position
    func isDigit(_ b: UInt8?) -> Bool {
      guard let b else { return false }
      return b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
    }
    if peek == UInt8(ascii: "-") {
      advance()
      guard isDigit(peek) else {
        throw error("expected a digit after '-', found \(found)\(hint)")
      }
    }
    if peek == UInt8(ascii: "0") {
      advance()
      if isDigit(peek) {
        while isDigit(peek) { advance() }
        let literal = String(decoding: bytes[start..<index], as: UTF8.self)
        throw error(
          "found the number \(literal) with a leading zero; expected no leading zeros",
          at: startPosition)
      }
    } else {
      while isDigit(peek) { advance() }
    }
    if peek == UInt8(ascii: ".") {
      advance()
      guard isDigit(peek) else {
        throw error("expected a digit after the decimal point, found \(found)")
      }
      while isDigit(peek) { advance() }
    }
    if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
      advance()
      if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { advance() }
      guard isDigit(peek) else {
        throw error("expected a digit in the exponent, found \(found)")
      }
      while isDigit(peek) { advance() }
    }
    return JSONNumber(text: String(decoding: bytes[start..<index], as: UTF8.self))
  }

  // MARK: Strings

  /// Reads a string literal starting at the opening quote.
  mutating func readString() throws -> String {
    let open = position
    advance()
    var segmentStart = index
    var escaped = false
    while true {
      guard index < bytes.count else {
        throw error("expected '\"' to close the string that starts at \(open), found \(found)")
      }
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        let text: String
        if escaped {
          scratch.append(contentsOf: bytes[segmentStart..<index])
          text = String(decoding: scratch, as: UTF8.self)
        } else {
          text = String(decoding: bytes[segmentStart..<index], as: UTF8.self)
        }
        advance()
        return text
      case UInt8(ascii: "\\"):
        if !escaped {
          scratch.removeAll(keepingCapacity: true)
          escaped = true
        }
        scratch.append(contentsOf: bytes[segmentStart..<index])
        try readEscape()
        segmentStart = index
      case 0x00..<0x20:
        throw error(
          "found \(found) inside a string; expected '\"' to close it first, "
            + "or an escape such as \\n or \\u00XX")
      case 0x80...:
        guard let length = JSONParser.utf8SequenceLength(bytes, at: index) else {
          throw error("invalid UTF-8 in a string: found \(invalidUTF8Description())")
        }
        index += length
        column += 1
      default:
        advance()
      }
    }
  }

  /// Names the malformed UTF-8 sequence at the current index.
  private func invalidUTF8Description() -> String {
    let lead = bytes[index]
    guard let (length, low, high) = JSONParser.utf8Lead(lead), length > 1 else {
      return "the byte \(JSONParser.hex(lead)), which cannot start a UTF-8 sequence"
    }
    var shown = [JSONParser.hex(lead)]
    for k in 1..<length {
      guard index + k < bytes.count else {
        return "the bytes \(shown.joined(separator: " ")) and then the end of the input "
          + "(a truncated UTF-8 sequence)"
      }
      let b = bytes[index + k]
      shown.append(JSONParser.hex(b))
      let (lo, hi) = k == 1 ? (low, high) : (0x80, 0xBF)
      if b < lo || b > hi { break }
    }
    return "the bytes \(shown.joined(separator: " ")), which are not a valid UTF-8 sequence"
  }

  /// For a lead byte: the length of its sequence and the range its second byte must be in
  /// (Unicode 15, table 3-7); `nil` for a byte that cannot start a sequence.
  static func utf8Lead(_ lead: UInt8) -> (length: Int, low: UInt8, high: UInt8)? {
    switch lead {
    case 0x00...0x7F: return (1, 0x80, 0xBF)
    case 0xC2...0xDF: return (2, 0x80, 0xBF)
    case 0xE0: return (3, 0xA0, 0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: return (3, 0x80, 0xBF)
    case 0xED: return (3, 0x80, 0x9F)
    case 0xF0: return (4, 0x90, 0xBF)
    case 0xF1...0xF3: return (4, 0x80, 0xBF)
    case 0xF4: return (4, 0x80, 0x8F)
    default: return nil
    }
  }

  /// The length of the valid UTF-8 sequence at `start`, or `nil` when the bytes there are not
  /// one (overlong forms, encoded surrogates, code points past U+10FFFF, truncation).
  static func utf8SequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
    guard let (length, low, high) = utf8Lead(bytes[start]), start + length <= bytes.count else {
      return nil
    }
    for k in 1..<length {
      let b = bytes[start + k]
      let (lo, hi) = k == 1 ? (low, high) : (0x80, 0xBF)
      guard b >= lo && b <= hi else { return nil }
    }
    return length
  }

  /// Reads one escape (the index is at the backslash) and appends what it stands for.
  private mutating func readEscape() throws {
    let escapePosition = position
    advance()
    guard let byte = peek else {
      throw error("expected an escape character after '\\', found the end of the input")
    }
    let simple: UInt8?
    switch byte {
    case UInt8(ascii: "\""): simple = 0x22
    case UInt8(ascii: "\\"): simple = 0x5C
    case UInt8(ascii: "/"): simple = 0x2F
    case UInt8(ascii: "b"): simple = 0x08
    case UInt8(ascii: "f"): simple = 0x0C
    case UInt8(ascii: "n"): simple = 0x0A
    case UInt8(ascii: "r"): simple = 0x0D
    case UInt8(ascii: "t"): simple = 0x09
    case UInt8(ascii: "u"): simple = nil
    default:
      throw error(
        "expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX, found '\\' followed by \(found)",
        at: escapePosition)
    }
    advance()
    if let simple {
      scratch.append(simple)
      return
    }
    let unit = try readHex4()
    var scalar = UInt32(unit)
    switch unit {
    case 0xD800...0xDBFF:
      let lowPosition = position
      guard matches("\\u") else {
        throw error(
          "found the high surrogate \\u\(hex4(unit)) alone; expected a low surrogate "
            + "\\uDC00–\\uDFFF right after it", at: escapePosition)
      }
      advance(2)
      let low = try readHex4()
      guard (0xDC00...0xDFFF).contains(low) else {
        throw error(
          "found \\u\(hex4(low)) after the high surrogate \\u\(hex4(unit)); expected a low "
            + "surrogate \\uDC00–\\uDFFF", at: lowPosition)
      }
      scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
    case 0xDC00...0xDFFF:
      throw error(
        "found the low surrogate \\u\(hex4(unit)) alone; expected it right after a high "
          + "surrogate \\uD800–\\uDBFF", at: escapePosition)
    default:
      break
    }
    // Every value here is a valid scalar: surrogates were paired or rejected above.
    if let value = Unicode.Scalar(scalar) {
      scratch.append(contentsOf: value.utf8)
    }
  }

  private func hex4(_ unit: UInt16) -> String {
    String(JSONParser.scalarName(UInt32(unit)).dropFirst(2))
  }

  private mutating func readHex4() throws -> UInt16 {
    var value: UInt16 = 0
    for _ in 0..<4 {
      guard let byte = peek else {
        throw error("expected four hex digits after \\u, found the end of the input")
      }
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("expected four hex digits after \\u, found \(found)")
      }
      value = value << 4 | UInt16(digit)
      advance()
    }
    return value
  }
}
