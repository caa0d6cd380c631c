import DiploGraph
import TestSupport
import Testing

/// Finds places in a test document by searching its text (an oracle independent of the
/// parser's own line and column counting).
struct TextPlaces {
  let lines: [String]
  let file: String

  init(_ text: String, file: String) {
    self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    self.file = file
  }

  /// The column (1-based, in Unicode scalars) of the `occurrence`-th `needle` on `line`.
  func column(_ line: Int, _ needle: String, occurrence: Int = 1) -> Int {
    let text = lines[line - 1]
    var searchStart = text.startIndex
    var found = text.startIndex
    for _ in 0..<occurrence {
      guard let range = text.range(of: needle, range: searchStart..<text.endIndex) else {
        preconditionFailure("\(needle) not on line \(line)")
      }
      found = range.lowerBound
      searchStart = range.upperBound
    }
    return text.unicodeScalars[..<found].count + 1
  }

  func at(_ line: Int, _ needle: String, occurrence: Int = 1, path: String)
    -> DiploGraph.SourceLocation
  {
    DiploGraph.SourceLocation(
      file: file, line: line, column: column(line, needle, occurrence: occurrence), path: path)
  }
}

@Suite struct CanonicalJSONReadingTests {
  static let broken = """
    {
      "format": "diplograph",
      "version": 1,
      "title": "t",
      "sources": [
        {"id": "s1", "title": "S", "date": "2018-02-30"},
        {"title": "no id"}
      ],
      "actors": [
        {"id": "GBR", "name": "UK", "kind": "country"},
        {"id": "RUS", "name": "Россия", "kind": "state", "colour": "red"}
      ],
      "blocs": [
        {"id": "EU", "name": "EU", "members": ["GBR", 3]}
      ],
      "actions": [
        {"actor": "GBR", "kind": "expulsion", "sources": []},
        {"actor": "GBR", "target": "RUS", "kind": "expulsion", "date": "18/03/2018", "respondTo": ["a1"], "sources": ["s1"]},
        {"actor": "RUS", "target": "GBR", "kind": "retaliation", "sources": "s1", "claims": [{"count": 3}, {"source": "s1", "qualifier": "roughly"}]}
      ],
      "figures": [
        {"source": "s1", "label": "x", "measure": "people", "value": 1},
        {"source": "s1", "label": "y", "measure": "actors", "value": 2, "scope": {"blocs": ["EU", "EU"], "side": "left"}}
      ]
    }
    """

  @Test func everyProblemIsCollectedAndLocated() throws {
    let p = TextPlaces(Self.broken, file: "b.json")
    let document = try CanonicalJSON.read(Self.broken, file: "b.json")
    let qualifiers =
      "\"exact\", \"approximately\", \"at_least\", \"more_than\", \"at_most\", \"fewer_than\""
    let expected: [Diagnostic] = [
      Diagnostic(
        .error,
        "expected \"date\" to be a day of the calendar (years 0001–9999), found 2018-02-30, "
          + "which is no such day", at: p.at(6, "\"2018-02-30\"", path: "$.sources[0].date")),
      Diagnostic(
        .error, "expected the required key \"id\" in a source, found no such key",
        at: p.at(7, "{", path: "$.sources[1]")),
      Diagnostic(
        .error,
        "expected \"kind\" to be one of \"state\", \"organisation\", \"region\", found the string"
          + " \"country\"",
        at: p.at(10, "\"country\"", path: "$.actors[0].kind")),
      Diagnostic(
        .error,
        "found the unknown key \"colour\" in an actor; expected one of id, name, kind, note",
        at: p.at(11, "\"colour\"", path: "$.actors[1]")),
      Diagnostic(
        .error, "expected \"members\" to hold only strings, found the number 3",
        at: p.at(14, "3]", path: "$.blocs[0].members[1]")),
      Diagnostic(
        .error, "expected the required key \"target\" in an action, found no such key",
        at: p.at(17, "{", path: "$.actions[0]")),
      Diagnostic(
        .error,
        "expected \"date\" to be a date written YYYY-MM-DD, found the string \"18/03/2018\"",
        at: p.at(18, "\"18/03/2018\"", path: "$.actions[1].date")),
      Diagnostic(
        .error,
        "found the unknown key \"respondTo\" in an action; expected one of id, actor, target, "
          + "kind, count, date, respondsTo, sources, claims, note (did you mean \"respondsTo\"?)",
        at: p.at(18, "\"respondTo\"", path: "$.actions[1]")),
      Diagnostic(
        .error, "expected \"sources\" to be an array of ids, found the string \"s1\"",
        at: p.at(19, "\"s1\"", path: "$.actions[2].sources")),
      Diagnostic(
        .error, "expected the required key \"source\" in a claim, found no such key",
        at: p.at(19, "{\"count\"", path: "$.actions[2].claims[0]")),
      Diagnostic(
        .error, "expected \"qualifier\" to be one of \(qualifiers), found the string \"roughly\"",
        at: p.at(19, "\"roughly\"", path: "$.actions[2].claims[1].qualifier")),
      Diagnostic(
        .error,
        "expected \"measure\" to be one of \"diplomats\", \"actors\", \"actions\", found the "
          + "string \"people\"", at: p.at(22, "\"people\"", path: "$.figures[0].measure")),
      Diagnostic(
        .warning, "found \"EU\" twice in \"blocs\"; expected each id once (a set)",
        at: p.at(23, "\"EU\"", occurrence: 2, path: "$.figures[1].scope.blocs")),
      Diagnostic(
        .error,
        "expected \"side\" to be one of \"either\", \"actor\", \"target\", \"both\", found the "
          + "string \"left\"", at: p.at(23, "\"left\"", path: "$.figures[1].scope.side")),
    ]
    #expect(sameMultiset(document.diagnostics, expected))
    #expect(document.diagnostics.count == expected.count)
    // Validation lists them in file order.
    let listed = Validator.validate(document).filter { expected.contains($0) }
    #expect(listed == expected)

    // What could be read was read; the rest was left out.
    let data = document.dataSet
    #expect(data.sources == [Source(id: "s1", title: "S")])
    #expect(data.actors.map(\.kind) == [.state, .state])
    #expect(data.blocs.first?.members == ["GBR"])
    #expect(data.actions.count == 2)
    #expect(data.actions[0].date == nil)
    #expect(data.actions[1].sources == [])
    #expect(data.actions[1].claims == [Claim(source: "s1", count: nil)])
    #expect(data.figures.map(\.label) == ["y"])
    #expect(data.figures.first?.scope == Selection(blocs: ["EU"]))
  }

  @Test func sourceMapFollowsTheFile() throws {
    let p = TextPlaces(Self.broken, file: "b.json")
    let map = try CanonicalJSON.read(Self.broken, file: "b.json").map
    // Model action 0 is the file's action 1 (action 0 was skipped).
    #expect(map.location(of: DataPath(.actions, 0)) == p.at(18, "{", path: "$.actions[1]"))
    #expect(
      map.location(of: DataPath(.actions, 0, field: "target"))
        == p.at(18, "\"RUS\"", path: "$.actions[1].target"))
    #expect(
      map.location(of: DataPath(.actions, 0, field: "sources", item: 0))
        == p.at(18, "\"s1\"", path: "$.actions[1].sources[0]"))
    // An absent field: the object that would hold it.
    #expect(
      map.location(of: DataPath(.actions, 0, field: "count"))
        == p.at(18, "{", path: "$.actions[1].count"))
    // Claims are numbered as kept.
    #expect(
      map.location(of: DataPath(.actions, 1, field: "claims", item: 0))
        == p.at(19, "{\"source\"", path: "$.actions[2].claims[0]"))
    #expect(
      map.location(of: DataPath(.actions, 1, field: "claims[0].source"))
        == p.at(19, "\"s1\"", occurrence: 2, path: "$.actions[2].claims[0].source"))
    #expect(
      map.location(of: DataPath(.actions, 1, field: "claims[0].count"))
        == p.at(19, "{\"source\"", path: "$.actions[2].claims[0].count"))
    // Items left out for errors do not shift the others; an unknown item falls back to its array.
    #expect(
      map.location(of: DataPath(.blocs, 0, field: "members", item: 1))
        == p.at(14, "[", path: "$.blocs[0].members[1]"))
    #expect(
      map.location(of: DataPath(.figures, 0, field: "scope.blocs"))
        == p.at(23, "[\"EU\"", path: "$.figures[1].scope.blocs"))
    #expect(map.location(of: DataPath(field: "title")) == p.at(4, "\"t\"", path: "$.title"))
    #expect(map.location(of: DataPath(.actors, 7)) == p.at(9, "[", path: "$.actors"))
    #expect(map.location(of: DataPath(.actors, 1)).description == "b.json:11:5 ($.actors[1])")
  }

  @Test func topLevelMustBeAnObject() throws {
    #expect(
      throws: DiploGraphError(
        .schema,
        "expected a JSON object (a DiploGraph data set) at the top level, found an array",
        at: DiploGraph.SourceLocation(file: "x.json", line: 2, column: 1, path: "$"))
    ) {
      try CanonicalJSON.read("\n[]", file: "x.json")
    }
  }

  @Test func syntaxErrorsAreThrownWithTheFile() throws {
    #expect(
      throws: DiploGraphError(
        .syntax, "expected a value after ',', found ']' (trailing commas are not allowed)",
        at: DiploGraph.SourceLocation(file: "x.json", line: 1, column: 30))
    ) {
      try CanonicalJSON.read("{\"title\": \"t\", \"notes\": [\"a\",]}", file: "x.json")
    }
  }

  /// One document-level problem each, with its message and place.
  @Test(
    arguments: [
      (
        "{\"format\": \"other\", \"version\": 1, \"title\": \"t\"}", 1, 12,
        "expected \"format\" to be \"diplograph\", found the string \"other\""
      ),
      (
        "{\"format\": \"diplograph\", \"version\": 2, \"title\": \"t\"}", 1, 37,
        "expected \"version\" to be 1 (the version this library reads), found 2"
      ),
      (
        "{\"format\": \"diplograph\", \"title\": \"t\"}", 1, 1,
        "expected the required key \"version\" in the data set, found no such key"
      ),
      (
        "{\"format\": \"diplograph\", \"version\": 1, \"title\": null}", 1, 49,
        "expected the required key \"title\" in the data set to have a value, found null"
      ),
      (
        "{\"format\": \"diplograph\", \"version\": 1, \"title\": \"t\", \"actors\": {}}", 1, 64,
        "expected \"actors\" to be an array of objects, found an object"
      ),
      (
        "{\"format\": \"diplograph\", \"version\": 1, \"title\": \"t\", \"actors\": [3]}", 1, 65,
        "expected an actor (an object), found the number 3"
      ),
      (
        "{\"format\": \"diplograph\", \"version\": 1, \"title\": \"t\", \"notes\": [\"a\", null]}",
        1, 69, "expected \"notes\" to hold only strings, found null"
      ),
      (
        "{\"format\": \"diplograph\", \"version\": 1, \"title\": \"t\", \"actors\": "
          + "[{\"id\": \"\", \"name\": \"n\", \"kind\": \"state\"}]", 1, 72,
        "expected \"id\" to be a non-empty id, found an empty string"
      ),
      (
        "{\"format\": \"diplograph\", \"version\": 1, \"titel\": \"t\"}", 1, 1,
        "expected the required key \"title\" in the data set, found no such key"
      ),
    ] as [(String, Int, Int, String)])
  func documentProblems(text: String, line: Int, column: Int, message: String) throws {
    let document = try CanonicalJSON.read(text + (text.hasSuffix("}") ? "" : "}"))
    let found = document.diagnostics.first { $0.message == message }
    #expect(found?.location?.line == line)
    #expect(found?.location?.column == column)
    #expect(document.hasErrors)
  }

  @Test func nullMeansAbsentForOptionalKeys() throws {
    let document = try CanonicalJSON.read(
      """
      {"format": "diplograph", "version": 1, "title": "t", "description": null, "notes": null,
       "actions": [{"id": null, "actor": "A", "target": "B", "kind": "k", "count": null,
                    "date": null, "respondsTo": null, "sources": [], "claims": null, "note": null}],
       "figures": [{"source": "s", "label": "l", "measure": "actions", "value": 1, "scope": null}]}
      """)
    #expect(document.diagnostics == [])
    #expect(
      document.dataSet
        == DataSet(
          title: "t",
          actions: ActionTable([Action(actor: "A", target: "B", kind: "k")]),
          figures: [ReportedFigure(source: "s", label: "l", measure: .actions, value: 1)]))
  }

  @Test func anEmptyListInAScopeMatchesNothing() throws {
    let document = try CanonicalJSON.read(
      """
      {"format": "diplograph", "version": 1, "title": "t", "figures": [
        {"source": "s", "label": "l", "measure": "actions", "value": 0, "scope": {"kinds": []}}]}
      """)
    #expect(document.diagnostics == [])
    #expect(document.dataSet.figures.first?.scope.kinds == [])
  }
}

@Suite struct CanonicalJSONLimitTests {
  /// The action table holds 65,536 kinds; one more is reported, not a trap.
  @Test func tooManyKindsIsReportedNotATrap() throws {
    let limit = ActionTable.maxKinds
    var text = "{\"format\": \"diplograph\", \"version\": 1, \"title\": \"t\", \"actions\": [\n"
    text += (0...limit).map {
      "{\"actor\": \"A\", \"target\": \"B\", \"kind\": \"k\($0)\", \"sources\": []}"
    }.joined(separator: ",\n")
    text += "\n]}\n"
    let document = try CanonicalJSON.read(text, file: "k.json")
    #expect(document.dataSet.actions.count == limit)
    #expect(
      document.diagnostics == [
        Diagnostic(
          .error,
          "found a new action kind \"k65536\" after 65536 distinct kinds; expected at most 65536",
          at: DiploGraph.SourceLocation(
            file: "k.json", line: limit + 2, column: 39, path: "$.actions[65536].kind"))
      ])
  }
}
