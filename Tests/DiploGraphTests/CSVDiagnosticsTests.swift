import Testing

@testable import DiploGraph

/// Every problem the reader reports, with its exact place: file, line and column of the field
/// (1-based), row and column name.
@Suite struct CSVDiagnosticsTests {
  static let header = "actor,target,kind,count,date,source,id,responds_to,note\n"

  /// The messages for one bad row (row 1, line 2), and the action read from it.
  func problems(_ row: String) throws -> (messages: [String], action: Action) {
    let document = try readCSV(Self.header + row + "\n")
    #expect(document.hasErrors == document.diagnostics.contains { $0.severity == .error })
    return (document.diagnostics.map(\.description), actions(document)[0])
  }

  @Test func theExampleOfTheBrief() throws {
    let rows = (1...12).map { "GBR,RUS,expulsion,\($0),2018-03-14,s1,,," }
    let document = try readCSV(
      Self.header + rows.joined(separator: "\n") + "\nGBR,NATO,retaliation,2.5,,s1,,,\n")
    #expect(
      document.diagnostics.map(\.description) == [
        "actions.csv:14:22 (row 13, column \"count\"): error: expected a whole number of "
          + "diplomats ≥ 0, found \"2.5\""
      ])
    // The field is left absent; the rest of the row, and the rows around it, are read.
    let last = actions(document)[12]
    #expect(last == Action(actor: "GBR", target: "NATO", kind: .retaliation, sources: ["s1"]))
    #expect(actions(document).count == 13)
  }

  @Test func counts() throws {
    let negative = try problems("A,B,x,-3,,,,,")
    #expect(
      negative.messages == [
        "actions.csv:2:7 (row 1, column \"count\"): error: expected a whole number of diplomats "
          + "≥ 0, found \"-3\""
      ])
    #expect(negative.action.count == nil)
    let huge = try problems("A,B,x,99999999999999999999,,,,,")
    #expect(
      huge.messages == [
        "actions.csv:2:7 (row 1, column \"count\"): error: expected a whole number of diplomats "
          + "≥ 0, found \"99999999999999999999\", which is larger than 9223372036854775807"
      ])
    let largest = try problems("A,B,x,9223372036854775807,,,,,")
    #expect(largest.messages.isEmpty)
    #expect(largest.action.count == Int.max)
    let padded = try problems("A,B,x,\"007\",,,,,")
    #expect(padded.messages.isEmpty)
    #expect(padded.action.count == 7)
    let spaced = try problems("A,B,x, 5,,,,,")
    #expect(
      spaced.messages == [
        "actions.csv:2:7 (row 1, column \"count\"): error: expected a whole number of diplomats "
          + "≥ 0, found \" 5\""
      ])
  }

  @Test func dates() throws {
    let malformed = try problems("A,B,x,1,2018/03/04,,,,")
    #expect(
      malformed.messages == [
        "actions.csv:2:9 (row 1, column \"date\"): error: expected a date as YYYY-MM-DD, found "
          + "\"2018/03/04\""
      ])
    #expect(malformed.action.date == nil)
    #expect(malformed.action.count == 1)
    let impossible = try problems("A,B,x,1,2018-02-30,,,,")
    #expect(
      impossible.messages == [
        "actions.csv:2:9 (row 1, column \"date\"): error: expected a date as YYYY-MM-DD, found "
          + "\"2018-02-30\", a day that does not exist"
      ])
    let short = try problems("A,B,x,1,2018-3-4,,,,")
    #expect(
      short.messages == [
        "actions.csv:2:9 (row 1, column \"date\"): error: expected a date as YYYY-MM-DD, found "
          + "\"2018-3-4\""
      ])
  }

  @Test func emptyRequiredFields() throws {
    let result = try problems(",,,1,,,,,")
    #expect(
      result.messages == [
        "actions.csv:2:1 (row 1, column \"actor\"): error: expected an actor id, found an empty "
          + "field",
        "actions.csv:2:2 (row 1, column \"target\"): error: expected a target actor id, found an "
          + "empty field",
        "actions.csv:2:3 (row 1, column \"kind\"): error: expected an action kind, found an empty "
          + "field",
      ])
    #expect(result.action == Action(actor: "", target: "", kind: "", count: 1))
  }

  @Test func wrongNumberOfFields() throws {
    let few = try problems("A,B,x,4")
    #expect(
      few.messages == [
        "actions.csv:2:8 (row 1): error: expected 9 fields, found 4 (the missing fields are read "
          + "as empty)"
      ])
    #expect(few.action == Action(actor: "A", target: "B", kind: "x", count: 4))
    let tooFew = try problems("A")
    #expect(
      tooFew.messages == [
        "actions.csv:2:2 (row 1): error: expected 9 fields, found 1 (the missing fields are read "
          + "as empty)"
      ])
    #expect(tooFew.action == Action(actor: "A", target: "", kind: ""))
    let many = try problems("A,B,x,4,,,,,,extra,more")
    #expect(
      many.messages == [
        "actions.csv:2:14 (row 1, field 10): error: expected 9 fields, found 11 (the extra fields "
          + "are ignored)"
      ])
    #expect(many.action == Action(actor: "A", target: "B", kind: "x", count: 4))
  }

  @Test func quotesOutOfPlace() throws {
    let stray = try problems("A,B,x,,,,,,5\" screen")
    #expect(
      stray.messages == [
        "actions.csv:2:12 (row 1, column \"note\"): warning: a quote inside an unquoted field is "
          + "kept as a character; to quote a field, start it with a quote and double the quotes "
          + "inside"
      ])
    #expect(stray.action.note == "5\" screen")
    let after = try problems("A,\"B\"C,x,,,,,,")
    #expect(
      after.messages == [
        "actions.csv:2:3 (row 1, column \"target\"): error: expected a comma or the end of the "
          + "line after the closing quote, found more text (the field is read as \"BC\")"
      ])
    #expect(after.action.target == "BC")
  }

  @Test func lists() throws {
    let sources = try problems("A,B,x,,,s1;;s2,,a;,")
    #expect(
      sources.messages == [
        "actions.csv:2:9 (row 1, column \"source\"): error: expected source ids separated by "
          + "\";\", found an empty id in \"s1;;s2\"",
        "actions.csv:2:17 (row 1, column \"responds_to\"): error: expected action ids separated "
          + "by \";\", found an empty id in \"a;\"",
      ])
    #expect(sources.action.sources == ["s1", "s2"])
    #expect(sources.action.respondsTo == ["a"])
  }

  @Test func invalidUTF8() throws {
    var bytes = Array(Self.header.utf8)
    bytes += Array("A".utf8) + [0xFF] + Array(",B,x,,,s".utf8) + [0xC3] + Array(",,,n".utf8)
    bytes += [0xE2, 0x82] + Array("\n".utf8)
    let document = try readCSV(bytes).document
    #expect(
      document.diagnostics.map(\.description) == [
        "actions.csv:2:1 (row 1, column \"actor\"): error: expected UTF-8 text, found bytes that "
          + "are not UTF-8: \"A\u{FFFD}\"",
        "actions.csv:2:10 (row 1, column \"source\"): error: expected UTF-8 text, found bytes "
          + "that are not UTF-8: \"s\u{FFFD}\"",
        "actions.csv:2:15 (row 1, column \"note\"): error: expected UTF-8 text, found bytes that "
          + "are not UTF-8: \"n\u{FFFD}\"",
      ])
    #expect(actions(document) == [Action(actor: "", target: "B", kind: "x")])
  }

  @Test func everyRowWithTheSameBadSymbolIsReported() throws {
    // Symbols are looked up once per spelling; the problems must still be reported per row.
    let document = try readCSV(
      Self.header + "A,B,x,,,s1;,,,\nA,B,x,,,s1;,,,\n,B,x,,,,,,\n,B,x,,,,,,\n")
    #expect(
      document.diagnostics.map { $0.location!.line! } == [2, 3, 4, 5])
  }

  @Test func headerProblemsThrow() throws {
    func error(_ text: String) -> String {
      do {
        _ = try readCSV(text)
        return "no error"
      } catch {
        return "\(error)"
      }
    }
    #expect(
      error("actor,kind,count\nA,x,1\n")
        == "actions.csv:1:1 (header): error: expected a header with the columns actor, target, "
        + "kind (and optionally count, date, source, id, responds_to, note), found no \"target\" "
        + "column in the header \"actor\", \"kind\", \"count\"")
    #expect(
      error("\n\nsource\n")
        == "actions.csv:3:1 (header): error: expected a header with the columns actor, target, "
        + "kind (and optionally count, date, source, id, responds_to, note), found no \"actor\", "
        + "\"target\", \"kind\" columns in the header \"source\"")
    #expect(
      error("actor,target,kind,Count,count\n")
        == "actions.csv:1:25 (column \"count\"): error: expected each column once, found "
        + "\"count\" twice (columns 4 and 5)")
    #expect(
      error("")
        == "actions.csv: error: expected a header line (actor,target,kind,count,date,source,id,"
        + "responds_to,note), found an empty file")
    #expect(error("\u{FEFF}\r\n\n") == error(""))
    #expect(
      error("actor,target,\"kind\n")
        == "actions.csv:1:14 (header): error: expected a closing quote for the header field "
        + "opened here, found the end of the file")
  }

  @Test func anUnbalancedQuoteThrows() throws {
    do {
      _ = try readCSV(Self.header + "A,B,x,,,,,,ok\nA,B,x,,,,,,\"never closed\nA,B,x,,,,,,\n")
      Issue.record("expected an error")
    } catch let error as DiploGraphError {
      #expect(error.code == .syntax)
      #expect(
        error.description
          == "actions.csv:3:12 (row 2, column \"note\"): error: expected a closing quote for the "
          + "field opened here, found the end of the file")
    }
  }

  @Test func diagnosticsAreCappedAndCounted() throws {
    let rows = (0..<7).map { "A,B,x,\($0).5,,,,," }.joined(separator: "\n")
    let document = try readCSV(Self.header + rows + "\n", maxDiagnostics: 3)
    let messages = document.diagnostics.map(\.description)
    #expect(messages.count == 4)
    #expect(messages[2].hasPrefix("actions.csv:4:7 (row 3, column \"count\"): error"))
    #expect(messages[3] == "actions.csv: error: 4 more problems not listed (only the first 3 are)")
    let warnings = try readCSV(
      "actor,target,kind,a,b,c\nA,B,x,,,\n", actors: "id,d,e\nA,,\n", maxDiagnostics: 2)
    #expect(
      warnings.diagnostics.last?.description
        == "actions.csv: warning: 3 more problems not listed (only the first 2 are)")
  }

  @Test func actorFileProblems() throws {
    let document = try readCSV(
      "actor,target,kind\nA,B,x\n",
      actors: "id,name,kind,blocs,colour\n,Nobody,state,,red\nB,Bee,country,EU;,\nC\n")
    #expect(
      document.diagnostics.map(\.description) == [
        "actors.csv:1:20 (column \"colour\"): warning: unknown column \"colour\" is ignored; the "
          + "columns read are id, name, kind, blocs",
        "actors.csv:2:1 (row 1, column \"id\"): error: expected an actor id, found an empty field",
        "actors.csv:3:7 (row 2, column \"kind\"): error: expected one of \"state\", "
          + "\"organisation\", \"region\", found \"country\"",
        "actors.csv:3:15 (row 2, column \"blocs\"): error: expected bloc ids separated by \";\", "
          + "found an empty id in \"EU;\"",
        "actors.csv:4:2 (row 3): error: expected 5 fields, found 1 (the missing fields are read "
          + "as empty)",
      ])
    #expect(
      document.dataSet.actors == [
        Actor(id: "", name: "Nobody"), Actor(id: "B", name: "Bee"), Actor(id: "C", name: "C"),
      ])
    #expect(document.dataSet.blocs == [Bloc(id: "EU", name: "EU", members: ["B"])])
    #expect(throws: DiploGraphError.self) {
      try readCSV("actor,target,kind\n", actors: "name,kind\nA,state\n")
    }
  }

  @Test func tooManyKindsThrow() throws {
    var text = "actor,target,kind\n"
    for i in 0...ActionTable.maxKinds { text += "A,B,k\(i)\n" }
    do {
      _ = try readCSV(text)
      Issue.record("expected an error")
    } catch let error as DiploGraphError {
      #expect(error.code == .limit)
      #expect(
        error.description
          == "actions.csv:65538:5 (row 65537, column \"kind\"): error: expected at most 65536 "
          + "different action kinds, found more")
    }
  }
}

/// Where the source map puts data paths.
@Suite struct CSVSourceMapTests {
  @Test func mapsEveryKindOfPath() throws {
    let document = try readCSV(
      "actor,target,kind,count,date,source,note\n"
        + "GBR,RUS,expulsion,23,2018-03-14,bbc,\"two\nlines\"\n"
        + "RUS,GBR,retaliation,23,2018-03-17,guardian;bbc,\n",
      actors: "id,name,kind,blocs\nGBR,UK,state,NATO;EU\nUSA,US,state,NATO\n")
    func at(_ path: DataPath) -> String { document.map.location(of: path).description }
    #expect(
      at(DataPath(.actions, 0, field: "count")) == "actions.csv:2:19 (row 1, column \"count\")")
    #expect(at(DataPath(.actions, 1, field: "kind")) == "actions.csv:4:9 (row 2, column \"kind\")")
    #expect(at(DataPath(.actions, 1)) == "actions.csv:4:1 (row 2)")
    #expect(at(DataPath(.actions, 1, field: "claims")) == "actions.csv:4:1 (row 2)")
    #expect(at(DataPath(.actions, 1, field: "respondsTo")) == "actions.csv:4:1 (row 2)")
    #expect(
      at(DataPath(.actions, 1, field: "sources", item: 1))
        == "actions.csv:4:44 (row 2, column \"source\")")
    #expect(
      at(DataPath(.actions, 1, field: "source", item: 0))
        == "actions.csv:4:35 (row 2, column \"source\")")
    #expect(at(DataPath(.actions, 7, field: "count")) == "actions.csv (row 8, column \"count\")")
    #expect(at(DataPath(.actors, 1, field: "name")) == "actors.csv:3:5 (row 2, column \"name\")")
    #expect(
      at(DataPath(.blocs, 0, field: "members", item: 1))
        == "actors.csv:3:14 (row 2, column \"blocs\")")
    #expect(at(DataPath(.blocs, 1)) == "actors.csv:2:14 (row 1, column \"blocs\")")
    #expect(at(DataPath(.sources, 1)) == "actions.csv:4:35 (row 2, column \"source\")")
    #expect(at(DataPath(.figures, 0)) == "actions.csv ($.figures[0])")
    #expect(at(DataPath(field: "title")) == "actions.csv ($.title)")
  }

  @Test func findsRowsFarIntoTheFileFromCheckpoints() throws {
    var text = "actor,target,kind,note\n"
    var line = 2
    var lines: [Int] = []
    for i in 0..<5000 {
      lines.append(line)
      if i % 3 == 0 {
        text += "A,B,x,\"a\nb\"\n"
        line += 2
      } else {
        text += "A,B,x,\n"
        line += 1
      }
    }
    for parts in [1, 3] {
      let document = try readCSV(
        text, parts: parts, splits: parts == 1 ? nil : [20_000, 40_000], blockSize: 512)
      for row in [0, 1023, 1024, 1025, 2048, 3333, 4999] {
        #expect(
          document.map.location(of: DataPath(.actions, row, field: "kind")).description
            == "actions.csv:\(lines[row]):5 (row \(row + 1), column \"kind\")")
      }
    }
  }
}
