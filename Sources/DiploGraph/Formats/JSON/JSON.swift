// JSON, as RFC 8259 defines it (https://www.rfc-editor.org/rfc/rfc8259), read strictly.
//
// What is accepted: exactly the RFC's grammar, in UTF-8, with one allowance the RFC permits
// (section 8.1): a leading UTF-8 byte order mark is skipped.
// What is rejected, each with the line and column where it happens and a message naming what
// was found and what was expected: trailing commas, comments, `NaN` and `Infinity`, numbers with
// leading zeros or `+` signs, lone surrogates in `\u` escapes, invalid UTF-8 (overlong forms,
// encoded surrogates, code points past U+10FFFF, truncated sequences), control characters
// inside strings, duplicate keys in one object (the message names both places), anything after
// the top-level value, nesting deeper than `Limits.maxDepth` (a `limit` error: the parser
// is iterative and never overflows the stack), and more than `Limits.maxValues` values (a
// `limit` error: the tree's memory is bounded).
//
// Limits: numbers are kept as their literal text (see `JSONNumber`), so no value is rounded or
// truncated by parsing; lines and columns are `Int`.

/// The strict JSON reader and the string escaping the writers share.
public enum JSON {
  /// Bounds on what the parser accepts.
  public struct Limits: Hashable, Sendable {
    /// The deepest nesting of arrays and objects accepted; the top-level container is depth 1.
    ///
    /// The parser itself has no depth limit of its own (its stack is on the heap), but Swift
    /// releases a value tree recursively: keep this in the thousands, not the hundreds of
    /// thousands. A data set needs 5 levels.
    public var maxDepth: Int
    /// The most values (of any kind, containers included) accepted in one text.
    ///
    /// The value tree takes up to about 45 bytes per value (a text of `[0,0,0,…]` has one value
    /// per two bytes), so this, not the size of the text, bounds the parser's memory: the
    /// default, 50 million, keeps it near 2 GiB, and a canonical data set needs about ten
    /// values per action.
    public var maxValues: Int

    public init(maxDepth: Int = 512, maxValues: Int = 50_000_000) {
      self.maxDepth = maxDepth
      self.maxValues = maxValues
    }
  }

  /// Parses one JSON text.
  ///
  /// - Parameters:
  ///   - bytes: the text, UTF-8 encoded.
  ///   - file: the file name errors carry.
  ///   - limits: the nesting limit.
  /// - Returns: the top-level value, every value carrying its position.
  /// - Throws: ``DiploGraphError`` with code `syntax` (malformed JSON or UTF-8) or `limit`
  ///   (nesting too deep, too many values), located at the offending character.
  /// - Complexity: O(n) time in the length of the text; O(n) memory for the tree, O(depth)
  ///   for the parser's own stack (which lives on the heap).
  public static func parse(
    _ bytes: [UInt8], file: String? = nil, limits: Limits = Limits()
  ) throws -> JSONNode {
    try bytes.withUnsafeBufferPointer { buffer in
      var parser = JSONParser(buffer, file: file, limits: limits)
      return try parser.parseDocument()
    }
  }

  /// Parses a JSON text held in a string.
  public static func parse(
    _ text: String, file: String? = nil, limits: Limits = Limits()
  ) throws -> JSONNode {
    try parse(Array(text.utf8), file: file, limits: limits)
  }

  /// Appends `string` as a JSON string literal with minimal escaping: `"` and `\` escaped,
  /// control characters as `\b \f \n \r \t` or `\u00XX` (lowercase hex), every other scalar
  /// (non-ASCII included) as its UTF-8 bytes.
  ///
  /// - Complexity: O(length of the string).
  public static func appendQuoted(_ string: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for byte in string.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
      case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
      case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0x00..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out.append(contentsOf: Array("\\u00".utf8))
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0xF)])
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  /// `string` as a JSON string literal (see ``appendQuoted(_:to:)``).
  public static func quoted(_ string: String) -> String {
    var out: [UInt8] = []
    appendQuoted(string, to: &out)
    return String(decoding: out, as: UTF8.self)
  }
}
