import DiploGraph
import Testing

/// Issue 17's findings in the JSON reader and the validator: `-0` refused, long values quoted
/// as short excerpts, the lists of problems capped.
@Suite struct ReaderMessageTests {
  func problems(_ json: String) throws -> [Diagnostic] {
    Validator.validate(try CanonicalJSON.read(Array(json.utf8), file: "d.json"))
  }

  func action(_ members: String) -> String {
    #"{"format": "diplograph", "version": 1, "title": "t", "actions": [{"id": "a", "actor": "X", "#
      + #""target": "Y", "kind": "expulsion", "sources": [], "# + members + "}]}"
  }

  @Test func minusZeroIsNotACount() throws {
    let found = try problems(action(#""count": -0"#)).filter { $0.severity == .error }
    #expect(
      found.map(\.message) == [
        #"expected "count" to be a non-negative whole number, found -0"#
      ])
    #expect(try problems(action(#""count": 0"#)).filter { $0.severity == .error } == [])
  }

  @Test func aLongValueIsQuotedAsAShortExcerpt() throws {
    let digits = String(repeating: "9", count: 100_000)
    let key = String(repeating: "k", count: 100_000)
    for members in [#""count": \#(digits)"#, #""count": -\#(digits)"#, #""\#(key)": 1"#] {
      let found = try problems(action(members)).filter { $0.severity == .error }
      #expect(found.count == 1)
      #expect(found.allSatisfy { $0.message.count < 200 }, "\(found.map(\.message.count))")
      #expect(found.allSatisfy { $0.message.contains("…") })
    }
  }

  @Test func theReaderAndTheValidatorListAThousandProblemsAndCountTheRest() throws {
    // 2,000 empty actions: four problems each in the reader.
    let empty = Array(repeating: "{}", count: 2_000).joined(separator: ",")
    let found = try problems(
      #"{"format": "diplograph", "version": 1, "title": "t", "actions": ["# + empty + "]}")
    #expect(found.count == maxListedDiagnostics + 1)
    #expect(found.last?.unlisted == 8_000 - maxListedDiagnostics)
    #expect(found.last?.message == "7000 more problems not listed (only the first 1000 are)")
    #expect(found.last?.severity == .error)
    // 3,000 actions on an undeclared target: one error each in the validator.
    var table = ActionTable()
    for i in 0..<3_000 {
      table.append(
        Action(
          id: ActionID("a\(i)"), actor: "X", target: ActorID("T\(i)"), kind: .expulsion,
          sources: ["s"]))
    }
    let data = DataSet(
      actors: [Actor(id: "X", name: "X", kind: .state)],
      sources: [Source(id: "s", title: "S")], actions: table)
    let findings = Validator.validate(data)
    #expect(findings.count == maxListedDiagnostics + 1)
    #expect(findings.last?.unlisted == 2_000)
    #expect(findings.dropLast().allSatisfy { $0.unlisted == 0 })
  }

  @Test func controlCharactersInIdsAreRefusedOnceAtTheirFirstPlace() throws {
    var table = ActionTable()
    for i in 0..<3 {
      table.append(
        Action(
          id: ActionID("a\(i)"), actor: "Fra\u{0}nce", target: i == 2 ? "B\u{7F}" : "GBR",
          kind: .expulsion, sources: ["s"]))
    }
    let data = DataSet(
      actors: [], blocs: [Bloc(id: "EU\u{1B}", name: "EU", members: [])],
      sources: [Source(id: "s", title: "S")], actions: table)
    let found = Validator.validate(data).filter { $0.severity == .error }
    #expect(
      found.map { "\($0.location?.path ?? "") \($0.message.contains("the control character")) " }
        == ["$.blocs[0].id true ", "$.actions[0].actor true ", "$.actions[2].target true "])
    #expect(found.map { $0.message.suffix(60) }.allSatisfy { $0.hasSuffix("control characters") })
    #expect(found[0].message.contains("U+001B"))
    #expect(found[1].message.contains("U+0000") && found[1].message.hasPrefix("found the actor "))
    #expect(found[2].message.contains("U+007F") && found[2].message.hasPrefix("found the target "))
  }
}
