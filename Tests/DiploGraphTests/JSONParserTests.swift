import DiploGraph
import PropertyBased
import Testing

/// The error `JSON.parse` throws for `bytes`, or `nil` when it parses.
private func parseError(_ bytes: [UInt8], limits: JSON.Limits = JSON.Limits()) -> DiploGraphError? {
  do {
    _ = try JSON.parse(bytes, file: "t.json", limits: limits)
    return nil
  } catch let error as DiploGraphError {
    return error
  } catch {
    return nil
  }
}

private func parseError(_ text: String) -> DiploGraphError? { parseError(Array(text.utf8)) }

@Suite struct JSONParserTests {
  @Test func valuesAndTheirPositions() throws {
    let text = "{\n  \"a\": [1, \"é\", {\"b\": null}],\r\n  \"c\": true\n}"
    let root = try JSON.parse(text)
    #expect(root.position == JSONPosition(line: 1, column: 1))
    let members = try #require(root.members)
    #expect(members.map(\.key) == ["a", "c"])
    #expect(members[0].keyPosition == JSONPosition(line: 2, column: 3))
    let a = try #require(members[0].value.elements)
    #expect(members[0].value.position == JSONPosition(line: 2, column: 8))
    #expect(
      a.map(\.position) == [
        JSONPosition(line: 2, column: 9), JSONPosition(line: 2, column: 12),
        JSONPosition(line: 2, column: 17),
      ])
    #expect(a[1].string == "é")
    // CRLF ends one line.
    #expect(members[1].keyPosition == JSONPosition(line: 3, column: 3))
    guard case .bool(true) = members[1].value.value else {
      Issue.record("expected true")
      return
    }
  }

  @Test func columnsCountUnicodeScalars() throws {
    let root = try JSON.parse("{\"é😀\": 1}")
    #expect(root["é😀"]?.position == JSONPosition(line: 1, column: 8))
  }

  @Test func escapesDecode() throws {
    let root = try JSON.parse(#"["\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\u0000"]"#)
    #expect(root.elements?.first?.string == "\"\\/\u{8}\u{C}\n\r\té😀\u{0}")
  }

  @Test func numbersKeepTheirText() throws {
    let root = try JSON.parse("[123456789012345678901234567890, -0, 1.5e-3, 9223372036854775807]")
    let numbers = try #require(root.elements).map { node -> JSONNumber? in
      if case .number(let n) = node.value { return n }
      return nil
    }
    #expect(
      numbers.map { $0?.text } == [
        "123456789012345678901234567890", "-0", "1.5e-3", "9223372036854775807",
      ])
    #expect(numbers[0]?.int64 == nil)
    #expect(numbers[1]?.int64 == 0)
    #expect(numbers[2]?.isIntegerLiteral == false)
    #expect(numbers[3]?.int64 == Int64.max)
  }

  @Test func byteOrderMarkIsSkipped() throws {
    let root = try JSON.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8))
    #expect(root["a"]?.position == JSONPosition(line: 1, column: 7))
    let error = parseError([0xEF, 0xBB, 0xBF] + Array("x".utf8))
    #expect(error?.location?.column == 1)
  }

  /// Every malformed input with the place and the message it must get.
  @Test(
    arguments: [
      ("[1, 2,]", 1, 7, "expected a value after ',', found ']' (trailing commas are not allowed)"),
      (
        "{\"a\": 1,}", 1, 9,
        "expected a string key after ',', found '}' (trailing commas are not allowed)"
      ),
      ("// note\n{}", 1, 1, "expected a JSON value, found '/' (JSON has no comments)"),
      (
        "{\"a\": 1 /* x */}", 1, 9,
        "expected ',' or '}' after a member, found '/' (JSON has no comments)"
      ),
      ("# note\n{}", 1, 1, "expected a JSON value, found '#' (JSON has no comments)"),
      (
        "[NaN]", 1, 2,
        "expected a value or ']' after '[', found 'NaN' (JSON has no NaN or Infinity)"
      ),
      (
        "{\"a\": Infinity}", 1, 7,
        "expected a value after ':', found 'Infinity' (JSON has no NaN or Infinity)"
      ),
      (
        "[-Infinity]", 1, 3,
        "expected a digit after '-', found 'Infinity' (JSON has no NaN or Infinity)"
      ),
      ("[01]", 1, 2, "found the number 01 with a leading zero; expected no leading zeros"),
      ("[1, -007]", 1, 5, "found the number -007 with a leading zero; expected no leading zeros"),
      ("[1.]", 1, 4, "expected a digit after the decimal point, found ']'"),
      ("[1e]", 1, 4, "expected a digit in the exponent, found ']'"),
      (
        "[+1]", 1, 2,
        "expected a value or ']' after '[', found '+1' (JSON numbers take no '+' sign)"
      ),
      ("[.5]", 1, 2, "expected a value or ']' after '[', found '.5'"),
      (
        #"["\uD83D"]"#, 1, 3,
        "found the high surrogate \\uD83D alone; expected a low surrogate \\uDC00–\\uDFFF right after it"
      ),
      (
        #"["\uDE00"]"#, 1, 3,
        "found the low surrogate \\uDE00 alone; expected it right after a high surrogate \\uD800–\\uDBFF"
      ),
      (
        #"["\ud83d\u0041"]"#, 1, 9,
        "found \\u0041 after the high surrogate \\uD83D; expected a low surrogate \\uDC00–\\uDFFF"
      ),
      (
        #"["\x"]"#, 1, 3,
        "expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX, found '\\' followed by 'x'"
      ),
      (#"["\u12G4"]"#, 1, 7, "expected four hex digits after \\u, found 'G4'"),
      (
        "{\n  \"a\": 1,\n  \"a\": 2\n}", 3, 3,
        "found the key \"a\" a second time in one object (first at 2:3); expected each key once"
      ),
      (
        "[\"a\nb\"]", 1, 4,
        "found a line break inside a string; expected '\"' to close it first, or an escape such as \\n or \\u00XX"
      ),
      (
        "[\"a\tb\"]", 1, 4,
        "found a tab inside a string; expected '\"' to close it first, or an escape such as \\n or \\u00XX"
      ),
      (
        "[\"a\u{1}\"]", 1, 4,
        "found the control character U+0001 inside a string; expected '\"' to close it first, or an escape such as \\n or \\u00XX"
      ),
      ("{} x", 1, 4, "expected the end of the input after the top-level value, found 'x'"),
      ("{}{}", 1, 3, "expected the end of the input after the top-level value, found '{'"),
      ("", 1, 1, "expected a JSON value, found the end of the input"),
      ("  \n ", 2, 2, "expected a JSON value, found the end of the input"),
      (
        "[\"abc", 1, 6,
        "expected '\"' to close the string that starts at 1:2, found the end of the input"
      ),
      (
        "{a: 1}", 1, 2,
        "expected a string key or '}' after '{', found 'a' (keys take double quotes)"
      ),
      (
        "{'a': 1}", 1, 2,
        "expected a string key or '}' after '{', found ''' (JSON strings take double quotes)"
      ),
      ("{\"a\" 1}", 1, 6, "expected ':' after the key \"a\", found '1'"),
      ("tru", 1, 1, "expected a JSON value, found 'tru'"),
      ("[true false]", 1, 7, "expected ',' or ']' after an array element, found 'false'"),
      ("[1 2]", 1, 4, "expected ',' or ']' after an array element, found '2'"),
      ("{\"é\": x}", 1, 7, "expected a value after ':', found 'x'"),
      (
        "[1,\r\n  ]", 2, 3,
        "expected a value after ',', found ']' (trailing commas are not allowed)"
      ),
      (
        "[1]\u{7F}", 1, 4,
        "expected the end of the input after the top-level value, found the control character U+007F"
      ),
      (
        "[1] é", 1, 5, "expected the end of the input after the top-level value, found 'é' (U+00E9)"
      ),
    ] as [(String, Int, Int, String)])
  func malformedInputIsLocated(text: String, line: Int, column: Int, message: String) throws {
    let error = try #require(parseError(text))
    #expect(error.code == .syntax)
    #expect(error.message == message)
    #expect(error.location == DiploGraph.SourceLocation(file: "t.json", line: line, column: column))
  }

  @Test func duplicateKeysInLargeObjects() throws {
    let members = (0..<20).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
    let error = try #require(parseError("{\(members), \"k3\": 0}"))
    #expect(
      error.message.hasPrefix("found the key \"k3\" a second time in one object (first at 1:"))
    #expect(try JSON.parse("{\(members)}").members?.count == 20)
  }

  /// Malformed UTF-8, each located at its first byte.
  @Test(
    arguments: [
      (
        [0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D], 1, 4,
        "the byte 0xFF, which cannot start a UTF-8 sequence"
      ),
      (
        [0x5B, 0x22, 0xC0, 0x80, 0x22, 0x5D], 1, 3,
        "the byte 0xC0, which cannot start a UTF-8 sequence"
      ),
      (
        [0x5B, 0x22, 0xE0, 0x80, 0x80, 0x22, 0x5D], 1, 3,
        "the bytes 0xE0 0x80, which are not a valid UTF-8 sequence"
      ),
      (
        [0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D], 1, 3,
        "the bytes 0xED 0xA0, which are not a valid UTF-8 sequence"
      ),
      (
        [0x5B, 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22, 0x5D], 1, 3,
        "the bytes 0xF4 0x90, which are not a valid UTF-8 sequence"
      ),
      (
        [0x5B, 0x22, 0xC3, 0xA9, 0xE2, 0x28, 0xA1, 0x22, 0x5D], 1, 4,
        "the bytes 0xE2 0x28, which are not a valid UTF-8 sequence"
      ),
      (
        [0x5B, 0x0A, 0x22, 0xE2, 0x82], 2, 2,
        "the bytes 0xE2 0x82 and then the end of the input (a truncated UTF-8 sequence)"
      ),
      ([0x5B, 0x22, 0x80, 0x22, 0x5D], 1, 3, "the byte 0x80, which cannot start a UTF-8 sequence"),
    ] as [([UInt8], Int, Int, String)])
  func invalidUTF8IsLocated(bytes: [UInt8], line: Int, column: Int, found: String) throws {
    let error = try #require(parseError(bytes))
    #expect(error.code == .syntax)
    #expect(error.message == "invalid UTF-8 in a string: found \(found)")
    #expect(error.location?.line == line)
    #expect(error.location?.column == column)
  }

  @Test func invalidUTF8OutsideStrings() throws {
    let error = try #require(parseError([0x5B, 0x31, 0x2C, 0xFE, 0x5D]))
    #expect(
      error.message
        == "expected a value after ',', found the byte 0xFE, which is not valid UTF-8 here")
    #expect(error.location?.column == 4)
  }

  @Test func nestingLimit() throws {
    let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    #expect(try JSON.parse(ok).elements?.count == 1)
    let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
    let error = try #require(parseError(deep))
    #expect(error.code == .limit)
    #expect(
      error.message
        == "found an array or object nested 513 levels deep; expected at most 512 levels")
    #expect(error.location?.column == 513)
    // A configured limit, counted across arrays and objects.
    let small = parseError(Array("[{\"a\": [[]]}]".utf8), limits: JSON.Limits(maxDepth: 3))
    #expect(small?.code == .limit)
    #expect(small?.location?.column == 9)
  }

  @Test func hostileDepthNeitherOverflowsNorTraps() throws {
    let million = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
    #expect(parseError(million)?.code == .limit)
    // A raised limit is honoured by the iterative parser.
    let depth = 20_000
    let deep = Array(
      (String(repeating: "{\"a\":[", count: depth) + "0" + String(repeating: "]}", count: depth))
        .utf8)
    var node = try JSON.parse(deep, limits: JSON.Limits(maxDepth: 2 * depth))
    var levels = 0
    while let inner = node["a"]?.elements?.first {
      node = inner
      levels += 1
    }
    #expect(levels == depth)
  }

  /// Whatever the bytes, parsing returns or throws a located syntax or limit error.
  @Test func arbitraryBytesNeverTrap() async {
    let alphabet: [UInt8] =
      Array("{}[],:\"\\ -0123456789.eE+tfnrulsaD8\n\r\t".utf8) + [
        0x00, 0x80, 0xBF, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xFF,
      ]
    await propertyCheck(count: 2_000, input: Gen.int(in: 0..<alphabet.count).array(of: 0...40)) {
      picks in
      let bytes = picks.map { alphabet[$0] }
      do {
        _ = try JSON.parse(bytes)
      } catch let error as DiploGraphError {
        #expect(error.code == .syntax || error.code == .limit)
        #expect((error.location?.line ?? 0) >= 1)
        #expect((error.location?.column ?? 0) >= 1)
      } catch {
        Issue.record("unexpected error \(error)")
      }
    }
  }

  @Test func quotingIsMinimal() {
    #expect(JSON.quoted("a\"b\\c\nd\u{1}é😀/") == "\"a\\\"b\\\\c\\nd\\u0001é😀/\"")
    #expect(JSON.quoted("\u{8}\u{C}\r\t\u{1F}") == "\"\\b\\f\\r\\t\\u001f\"")
  }
}
