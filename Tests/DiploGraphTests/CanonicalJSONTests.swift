import DiploGraph
import PropertyBased
import Testing

@Suite struct CanonicalJSONTests {
  @Test func writesTheDocumentedLayout() {
    #expect(CanonicalJSON.string(CanonicalSamples.small) == CanonicalSamples.smallText)
  }

  @Test func readsTheDocumentedLayout() throws {
    let document = try CanonicalJSON.read(CanonicalSamples.smallText, file: "small.json")
    #expect(document.diagnostics == [])
    #expect(document.dataSet == CanonicalSamples.small)
  }

  @Test func everyFieldRoundTrips() throws {
    let data = CanonicalSamples.full
    let first = CanonicalJSON.write(data)
    let document = try CanonicalJSON.read(first)
    #expect(document.diagnostics == [])
    #expect(document.dataSet == data)
    #expect(CanonicalJSON.write(document.dataSet) == first)
    let text = String(decoding: first, as: UTF8.self)
    // Minimal escaping: non-ASCII stays UTF-8, controls are escaped, `/` is not.
    #expect(text.contains(#""title": "Expulsions \"after\" Salisbury — 2018 🇬🇧","#))
    #expect(
      text.contains(
        #""description": "Line one\nline two\twith a tab, a back\\slash and a / slash","#))
    #expect(text.contains("a quote \\\" and a control \\u0001\",\n    \"\"\n  ],"))
    #expect(text.contains(#""count": 9223372036854775807,"#))
    #expect(text.contains(#""kinds": ["expulsion", "retaliation"],"#))
    #expect(text.contains(#""blocs": ["EU", "NATO_MEMBERS"],"#))
    #expect(text.contains(#""kinds": [],"#))
    #expect(text.hasSuffix("}\n"))
  }

  @Test func emptyDataSet() throws {
    let text = CanonicalJSON.string(DataSet(title: ""))
    #expect(text == "{\n  \"format\": \"diplograph\",\n  \"version\": 1,\n  \"title\": \"\"\n}\n")
    #expect(try CanonicalJSON.read(text).dataSet == DataSet(title: ""))
  }

  @Test func randomDataSetsRoundTrip() async {
    await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
      let data = RandomDataSet.make(seed: UInt64(seed))
      let first = CanonicalJSON.write(data)
      do {
        let document = try CanonicalJSON.read(first)
        #expect(document.diagnostics == [])
        #expect(document.dataSet == data)
        #expect(CanonicalJSON.write(document.dataSet) == first)
        // Random ids make unknown references, duplicates and cycles: validation lists them
        // the same way every time.
        #expect(Validator.validate(document) == Validator.validate(document))
      } catch {
        Issue.record("seed \(seed): \(error)")
      }
    }
  }

  /// A valid document with a few bytes changed reads (with diagnostics) or throws a located
  /// error; it never traps, and validation of what was read never traps either.
  @Test func damagedDocumentsNeverTrap() async {
    let original = CanonicalJSON.write(CanonicalSamples.full)
    let replacements: [UInt8] =
      Array("{}[],:\"\\ -0123456789.eEnul".utf8) + [0x00, 0x0A, 0xC3, 0xFF]
    let edits = Gen.int(in: 0..<original.count).array(of: 1...4)
    await propertyCheck(count: 500, input: edits, Gen.int(in: 0..<replacements.count)) {
      positions, pick in
      var bytes = original
      for (k, position) in positions.enumerated() {
        bytes[position] = replacements[(pick + k) % replacements.count]
      }
      do {
        let document = try CanonicalJSON.read(bytes, file: "d.json")
        _ = Validator.validate(document)
      } catch let error as DiploGraphError {
        #expect([.syntax, .schema, .limit].contains(error.code))
        #expect(error.location?.file == "d.json")
        #expect((error.location?.line ?? 0) >= 1)
      } catch {
        Issue.record("unexpected error \(error)")
      }
    }
  }

  // MARK: Counts

  /// Reads an action whose `count` member is `literal`; returns the count and the messages.
  private func readCount(_ literal: String) throws -> (Int?, [Diagnostic]) {
    let text = """
      {"format": "diplograph", "version": 1, "title": "t", "actions": [
      {"actor": "GBR", "target": "RUS", "kind": "expulsion", "count": \(literal), "sources": []}
      ]}
      """
    let document = try CanonicalJSON.read(text, file: "c.json")
    return (document.dataSet.actions.first?.count, document.diagnostics)
  }

  @Test func countsThatRead() throws {
    #expect(try readCount("0") == (0, []))
    #expect(try readCount("23") == (23, []))
    #expect(try readCount("9223372036854775807") == (Int(Int64.max), []))
    #expect(try readCount("null") == (nil, []))
    // `-0` is refused (issue 17; as in CSV): see ReaderMessageTests.minusZeroIsNotACount.
    #expect(try readCount("-0").0 == nil)
  }

  @Test(
    arguments: [
      ("2.5", "expected \"count\" to be a non-negative whole number, found 2.5"),
      ("2.0", "expected \"count\" to be a non-negative whole number, found 2.0"),
      (
        "1e3",
        "expected \"count\" to be a non-negative whole number, found 1e3 (write whole numbers without an exponent)"
      ),
      ("-1", "expected \"count\" to be a non-negative whole number, found -1"),
      (
        "9223372036854775808",
        "expected \"count\" to be at most 9223372036854775807, found 9223372036854775808"
      ),
      (
        "-99999999999999999999",
        "expected \"count\" to be a non-negative whole number, found -99999999999999999999"
      ),
      (
        "123456789012345678901234567890",
        "expected \"count\" to be at most 9223372036854775807, found 123456789012345678901234567890"
      ),
      ("\"5\"", "expected \"count\" to be a non-negative whole number, found the string \"5\""),
      ("true", "expected \"count\" to be a non-negative whole number, found true"),
      ("[]", "expected \"count\" to be a non-negative whole number, found an array"),
    ])
  func countsThatDoNot(literal: String, message: String) throws {
    let (count, diagnostics) = try readCount(literal)
    #expect(count == nil)
    #expect(
      diagnostics == [
        Diagnostic(
          .error, message,
          at: DiploGraph.SourceLocation(
            file: "c.json", line: 2, column: 65, path: "$.actions[0].count"))
      ])
  }

  @Test func absentCountStaysAbsent() throws {
    let document = try CanonicalJSON.read(
      """
      {"format": "diplograph", "version": 1, "title": "t", "actions": [
        {"actor": "USA", "target": "RUS", "kind": "consulate_closure", "sources": []}
      ]}
      """)
    #expect(document.diagnostics == [])
    #expect(document.dataSet.actions.first?.count == nil)
    #expect(document.dataSet.actions.countColumn == [ActionTable.noCount])
  }
}

@Suite struct StringArrayLayoutTests {
  @Test func shortArraysStayOnOneLineLongOnesTakeALineEach() {
    var data = DataSet(title: "t")
    data.blocs = [Bloc(id: "B", name: "b", members: ["AAA", "BBB"])]
    data.notes = [String(repeating: "x", count: 60), String(repeating: "y", count: 60)]
    let text = CanonicalJSON.string(data)
    #expect(text.contains(#""members": ["AAA", "BBB"]"#))
    // 2 + 9 + 2 × 62 + 3 columns would exceed 100: one note per line.
    #expect(text.contains("\"notes\": [\n    \"\(String(repeating: "x", count: 60))\",\n"))
  }
}
