import DiploGraph
import Testing

/// A canonical document with one element per line, so each test can point at its lines.
private func documentText(
  sources: [String] = [#"{"id": "s1", "title": "S"}"#],
  actors: [String] = [
    #"{"id": "GBR", "name": "UK", "kind": "state"}"#,
    #"{"id": "RUS", "name": "Russia", "kind": "state"}"#,
  ],
  blocs: [String] = [], actions: [String], figures: [String] = []
) -> String {
  func list(_ key: String, _ items: [String]) -> String {
    "\"\(key)\": [\n" + items.joined(separator: ",\n") + "\n]"
  }
  return "{\"format\": \"diplograph\", \"version\": 1, \"title\": \"t\",\n"
    + [
      list("sources", sources), list("actors", actors), list("blocs", blocs),
      list("actions", actions), list("figures", figures),
    ].joined(separator: ",\n") + "\n}\n"
}

/// Reads `text` (which must read without problems) and validates it.
private func validate(_ text: String) throws -> [Diagnostic] {
  let document = try CanonicalJSON.read(text, file: "v.json")
  #expect(document.diagnostics == [])
  return Validator.validate(document)
}

extension TextPlaces {
  /// The line holding `marker` (1-based).
  func line(_ marker: String) -> Int {
    guard let i = lines.firstIndex(where: { $0.contains(marker) }) else {
      preconditionFailure("no line holds \(marker)")
    }
    return i + 1
  }

  /// The place of `needle` on the line holding `marker`.
  func at(_ marker: String, _ needle: String, occurrence: Int = 1, path: String)
    -> DiploGraph.SourceLocation
  {
    at(line(marker), needle, occurrence: occurrence, path: path)
  }

  /// `line:column` of `needle` on the line holding `marker`, as messages cite places.
  func cite(_ marker: String, _ needle: String, occurrence: Int = 1) -> String {
    "\(line(marker)):\(column(line(marker), needle, occurrence: occurrence))"
  }
}

private let a1 =
  #"{"id": "a1", "actor": "GBR", "target": "RUS", "kind": "expulsion", "count": 23, "date": "2018-03-14", "sources": ["s1"]}"#

@Suite struct ValidatorTests {
  @Test func aCleanDataSetHasNoFindings() throws {
    let text = documentText(
      actors: [
        #"{"id": "GBR", "name": "UK", "kind": "state"}"#,
        #"{"id": "RUS", "name": "Russia", "kind": "state"}"#,
        #"{"id": "ISL", "name": "Iceland", "kind": "state"}"#,
      ],
      blocs: [#"{"id": "EU", "name": "EU", "members": ["GBR"]}"#],
      actions: [
        a1,
        #"{"id": "a2", "actor": "RUS", "target": "GBR", "kind": "retaliation", "count": 23, "date": "2018-03-17", "respondsTo": ["a1"], "sources": ["s1"], "claims": [{"source": "s1", "count": 23}]}"#,
      ],
      figures: [
        #"{"source": "s1", "label": "l", "measure": "diplomats", "value": 23, "scope": {"kinds": ["expulsion"], "blocs": ["EU"], "actors": ["GBR"]}}"#
      ])
    // ISL takes part in no action: not a problem.
    #expect(try validate(text) == [])
  }

  @Test(arguments: [
    ("sources", #"{"id": "s1", "title": "again"}"#, "source"),
    ("actors", #"{"id": "GBR", "name": "again", "kind": "state"}"#, "actor"),
    ("blocs", #"{"id": "EU", "name": "again", "members": []}"#, "bloc"),
  ])
  func duplicateIDs(collection: String, again: String, noun: String) throws {
    let id = noun == "source" ? "s1" : noun == "actor" ? "GBR" : "EU"
    var sources = [#"{"id": "s1", "title": "S"}"#]
    var actors = [
      #"{"id": "GBR", "name": "UK", "kind": "state"}"#,
      #"{"id": "RUS", "name": "Russia", "kind": "state"}"#,
    ]
    var blocs = [#"{"id": "EU", "name": "EU", "members": ["GBR"]}"#]
    switch collection {
    case "sources": sources.append(again)
    case "actors": actors.append(again)
    default: blocs.append(again)
    }
    let text = documentText(sources: sources, actors: actors, blocs: blocs, actions: [a1])
    let p = TextPlaces(text, file: "v.json")
    let firstLine = text.split(separator: "\n").firstIndex { $0.contains("\"id\": \"\(id)\"") }! + 1
    let first = "\(firstLine):\(p.column(firstLine, "\"\(id)\""))"
    let index = collection == "blocs" ? 1 : collection == "actors" ? 2 : 1
    #expect(
      try validate(text) == [
        Diagnostic(
          .error,
          "found the \(noun) id \"\(id)\" a second time (first at \(first)); expected each "
            + "\(noun) id once",
          at: p.at("again", "\"\(id)\"", path: "$.\(collection)[\(index)].id"))
      ])
  }

  @Test func duplicateActionIDs() throws {
    let text = documentText(actions: [
      a1,
      #"{"id": "a1", "actor": "RUS", "target": "GBR", "kind": "x", "sources": ["s1"], "note": "second"}"#,
    ])
    let p = TextPlaces(text, file: "v.json")
    #expect(
      try validate(text) == [
        Diagnostic(
          .error,
          "found the action id \"a1\" a second time (first at \(p.cite("2018-03-14", "\"a1\""))); "
            + "expected each action id once",
          at: p.at("second", "\"a1\"", path: "$.actions[1].id"))
      ])
  }

  @Test func unknownActors() throws {
    let text = documentText(actions: [
      #"{"actor": "GBR", "target": "FRA", "kind": "expulsion", "sources": ["s1"]}"#
    ])
    let p = TextPlaces(text, file: "v.json")
    #expect(
      try validate(text) == [
        Diagnostic(
          .error,
          "found the target \"FRA\", which the data set does not declare; expected the id of "
            + "an actor in \"actors\"", at: p.at("FRA", "\"FRA\"", path: "$.actions[0].target"))
      ])
  }

  @Test func withoutDeclaredActorsEveryActorIsImplied() throws {
    let text = documentText(
      actors: [], blocs: [#"{"id": "EU", "name": "EU", "members": ["FRA", "DEU"]}"#],
      actions: [#"{"actor": "FRA", "target": "RUS", "kind": "expulsion", "sources": ["s1"]}"#])
    let p = TextPlaces(text, file: "v.json")
    #expect(
      try validate(text) == [
        Diagnostic(
          .error,
          "found the member \"DEU\" in bloc \"EU\", which is not an actor of the data set; "
            + "expected an actor that some action names",
          at: p.at("DEU", "\"DEU\"", path: "$.blocs[0].members[1]"))
      ])
  }

  @Test func blocsNamingUnknownActors() throws {
    let text = documentText(
      blocs: [#"{"id": "EU", "name": "EU", "members": ["GBR", "FRA"]}"#], actions: [a1])
    let p = TextPlaces(text, file: "v.json")
    #expect(
      try validate(text) == [
        Diagnostic(
          .error,
          "found the member \"FRA\" in bloc \"EU\", which is not an actor of the data set; "
            + "expected the id of an actor in \"actors\"",
          at: p.at("FRA", "\"FRA\"", path: "$.blocs[0].members[1]"))
      ])
  }

  @Test func unknownSources() throws {
    let text = documentText(
      actions: [
        #"{"actor": "GBR", "target": "RUS", "kind": "expulsion", "sources": ["s1", "bbc"], "claims": [{"source": "cnn", "count": 3}]}"#
      ],
      figures: [#"{"source": "nyt", "label": "l", "measure": "diplomats", "value": 1}"#])
    let p = TextPlaces(text, file: "v.json")
    func message(_ id: String) -> String {
      "found the source \"\(id)\", which the data set does not declare; expected the id of a "
        + "source in \"sources\""
    }
    #expect(
      try validate(text) == [
        Diagnostic(
          .error, message("bbc"), at: p.at("bbc", "\"bbc\"", path: "$.actions[0].sources[1]")),
        Diagnostic(
          .error, message("cnn"),
          at: p.at("cnn", "\"cnn\"", path: "$.actions[0].claims[0].source")),
        Diagnostic(
          .error, message("nyt"), at: p.at("nyt", "\"nyt\"", path: "$.figures[0].source")),
      ])
  }

  @Test func figureScopesNamingUnknownThings() throws {
    let text = documentText(
      blocs: [#"{"id": "EU", "name": "EU", "members": ["GBR"]}"#], actions: [a1],
      figures: [
        #"{"source": "s1", "label": "l", "measure": "actors", "value": 1, "scope": {"kinds": ["expulsions"], "blocs": ["EU", "NATO"], "actors": ["FRA"]}}"#
      ])
    let p = TextPlaces(text, file: "v.json")
    #expect(
      try validate(text) == [
        Diagnostic(
          .warning,
          "found the kind \"expulsions\" in the figure's scope, which no action has; expected "
            + "one of the kinds the actions use, so the figure has something to count",
          at: p.at("NATO", "[\"expulsions\"", path: "$.figures[0].scope.kinds")),
        Diagnostic(
          .error,
          "found the bloc \"NATO\" in the figure's scope, which the data set does not declare; "
            + "expected the id of a bloc in \"blocs\"",
          at: p.at("NATO", "[\"EU\"", path: "$.figures[0].scope.blocs")),
        Diagnostic(
          .error,
          "found the actor \"FRA\" in the figure's scope, which is not an actor of the data set; "
            + "expected a declared actor or one that some action names",
          at: p.at("NATO", "[\"FRA\"", path: "$.figures[0].scope.actors")),
      ])
  }

  @Test func answersToNothingAndToItself() throws {
    let text = documentText(actions: [
      a1,
      #"{"id": "a2", "actor": "RUS", "target": "GBR", "kind": "x", "respondsTo": ["a1", "a9"], "sources": ["s1"]}"#,
      #"{"id": "a3", "actor": "RUS", "target": "GBR", "kind": "x", "respondsTo": ["a3"], "sources": ["s1"]}"#,
    ])
    let p = TextPlaces(text, file: "v.json")
    #expect(
      try validate(text) == [
        Diagnostic(
          .error,
          "found respondsTo \"a9\", which is the id of no action; expected the id of the action "
            + "this one answers", at: p.at("a9", "\"a9\"", path: "$.actions[1].respondsTo[1]")),
        Diagnostic(
          .error,
          "found the action answering itself (\"a3\" is its own id); expected the id of another "
            + "action",
          at: p.at("\"a3\"", "\"a3\"", occurrence: 2, path: "$.actions[2].respondsTo[0]")),
      ])
  }

  @Test func cyclesOfAnswers() throws {
    let text = documentText(actions: [
      #"{"id": "a1", "actor": "GBR", "target": "RUS", "kind": "x", "respondsTo": ["a4"], "sources": ["s1"]}"#,
      #"{"id": "a2", "actor": "RUS", "target": "GBR", "kind": "x", "respondsTo": ["a1"], "sources": ["s1"]}"#,
      #"{"id": "a3", "actor": "GBR", "target": "RUS", "kind": "x", "respondsTo": ["a2"], "sources": ["s1"]}"#,
      #"{"id": "a4", "actor": "RUS", "target": "GBR", "kind": "x", "respondsTo": ["a3"], "sources": ["s1"]}"#,
    ])
    let p = TextPlaces(text, file: "v.json")
    #expect(
      try validate(text) == [
        Diagnostic(
          .error,
          "found a cycle of answers: \"a1\" → \"a4\" → \"a3\" → \"a2\" → \"a1\"; expected "
            + "answers to lead back to a first action that answers none of them",
          at: p.at("\"a2\"", "\"a1\"", path: "$.actions[1].respondsTo[0]"))
      ])
  }

  @Test func selfLoopsAndActionsWithoutSources() throws {
    let text = documentText(actions: [
      #"{"actor": "GBR", "target": "GBR", "kind": "staff_cut", "sources": []}"#
    ])
    let p = TextPlaces(text, file: "v.json")
    #expect(
      try validate(text) == [
        Diagnostic(
          .warning,
          "found an action of GBR on itself; expected the target to differ from the actor",
          at: p.at("staff_cut", "\"GBR\"", occurrence: 2, path: "$.actions[0].target")),
        Diagnostic(
          .warning,
          "found an action with no source; expected at least one source id in \"sources\"",
          at: p.at("staff_cut", "[]", path: "$.actions[0].sources")),
      ])
  }

  @Test func claimsBySourcesTheActionDoesNotList() throws {
    let text = documentText(
      sources: [#"{"id": "s1", "title": "S"}"#, #"{"id": "s2", "title": "T"}"#],
      actions: [
        #"{"actor": "GBR", "target": "RUS", "kind": "expulsion", "count": 23, "sources": ["s1"], "claims": [{"source": "s2", "count": 24}]}"#
      ])
    let p = TextPlaces(text, file: "v.json")
    #expect(
      try validate(text) == [
        Diagnostic(
          .warning,
          "found a claim by \"s2\", which is not among the action's sources; expected it listed "
            + "in \"sources\" too",
          at: p.at("claims", "\"s2\"", path: "$.actions[0].claims[0].source"))
      ])
  }

  @Test func answersBeforeWhatTheyAnswerAndInTheWrongDirection() throws {
    let text = documentText(
      actors: [
        #"{"id": "GBR", "name": "UK", "kind": "state"}"#,
        #"{"id": "RUS", "name": "Russia", "kind": "state"}"#,
        #"{"id": "USA", "name": "US", "kind": "state"}"#,
      ],
      actions: [
        a1,
        #"{"actor": "RUS", "target": "USA", "kind": "retaliation", "date": "2018-03-13", "respondsTo": ["a1"], "sources": ["s1"]}"#,
      ])
    let p = TextPlaces(text, file: "v.json")
    #expect(
      try validate(text) == [
        Diagnostic(
          .warning,
          "found an answer dated 2018-03-13, before the action it answers (\"a1\", dated "
            + "2018-03-14); expected it on or after 2018-03-14",
          at: p.at("2018-03-13", "\"2018-03-13\"", path: "$.actions[1].date")),
        Diagnostic(
          .warning,
          "found an answer going RUS → USA to \"a1\", which goes GBR → RUS; expected the "
            + "reverse way, RUS → GBR",
          at: p.at("2018-03-13", "\"a1\"", path: "$.actions[1].respondsTo[0]")),
      ])
  }

  @Test func readingAndValidationFindingsComeInFileOrder() throws {
    let text = documentText(actions: [
      #"{"actor": "GBR", "target": "FRA", "kind": "expulsion", "sources": ["s1"]}"#,
      #"{"actor": "GBR", "target": "RUS", "kind": "expulsion", "count": -1, "sources": ["s1"]}"#,
      #"{"actor": "DEU", "target": "RUS", "kind": "expulsion", "sources": ["s1"]}"#,
    ])
    let document = try CanonicalJSON.read(text, file: "v.json")
    let found = Validator.validate(document)
    #expect(
      found.map { $0.location?.path } == [
        "$.actions[0].target", "$.actions[1].count", "$.actions[2].actor",
      ])
    let p = TextPlaces(text, file: "v.json")
    #expect(found.compactMap { $0.location?.line } == [p.line("FRA"), p.line("-1"), p.line("DEU")])
  }

  @Test func dataSetsBuiltInCodeAreLocatedByPath() {
    let data = DataSet(
      actors: [Actor(id: "GBR", name: "UK")], sources: [Source(id: "s", title: "S")],
      actions: ActionTable([
        Action(actor: "GBR", target: "FRA", kind: .expulsion, sources: ["s"]),
        Action(actor: "GBR", target: "GBR", kind: .expulsion, sources: ["t"]),
      ]))
    #expect(
      Validator.validate(data).map(\.description) == [
        "<input> ($.actions[0].target): error: found the target \"FRA\", which the data set "
          + "does not declare; expected the id of an actor in \"actors\"",
        "<input> ($.actions[1].target): warning: found an action of GBR on itself; expected the "
          + "target to differ from the actor",
        "<input> ($.actions[1].sources[0]): error: found the source \"t\", which the data set does "
          + "not declare; expected the id of a source in \"sources\"",
      ])
  }

  /// A chain of a million answers is checked without recursion; a closed chain is one cycle.
  @Test func longChainsOfAnswers() {
    let n = 1_000_000
    var table = ActionTable()
    table.reserveCapacity(n)
    for i in 0..<n {
      let forward = i % 2 == 0
      table.append(
        Action(
          id: ActionID("a\(i)"), actor: forward ? "GBR" : "RUS", target: forward ? "RUS" : "GBR",
          kind: .expulsion, respondsTo: i == 0 ? [] : [ActionID("a\(i - 1)")], sources: ["s"]))
    }
    let chain = DataSet(sources: [Source(id: "s", title: "S")], actions: table)
    #expect(Validator.validate(chain) == [])

    // Closed into one cycle (shorter, to keep the test quick; still far deeper than any call
    // stack could recurse).
    let m = 200_000
    var cycle = ActionTable()
    for i in 0..<m {
      let forward = i % 2 == 0
      cycle.append(
        Action(
          id: ActionID("a\(i)"), actor: forward ? "GBR" : "RUS", target: forward ? "RUS" : "GBR",
          kind: .expulsion, respondsTo: [ActionID("a\((i + m - 1) % m)")], sources: ["s"]))
    }
    let found = Validator.validate(DataSet(sources: [Source(id: "s", title: "S")], actions: cycle))
    #expect(found.count == 1)
    #expect(
      found.first?.message.hasPrefix("found a cycle of answers: \"a0\" → \"a199999\" → ") == true)
    #expect(found.first?.message.contains("… (200000 actions) → \"a0\"") == true)
  }
}
