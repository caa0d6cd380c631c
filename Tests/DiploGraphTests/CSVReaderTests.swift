import Foundation
import TestSupport
import Testing

@testable import DiploGraph

/// Reads CSV text with the fast reader, with the knobs tests turn: parts, split offsets, block
/// size, region capacity.
func readCSV(
  _ actions: String, actors: String? = nil, parts: Int = 1, splits: [Int]? = nil,
  blockSize: Int = CSVRecordDriver.defaultBlockSize, regionCapacity: Int? = nil,
  maxDiagnostics: Int = 1000
) throws -> Document {
  try readCSV(
    Array(actions.utf8), actors: actors.map { Array($0.utf8) }, parts: parts, splits: splits,
    blockSize: blockSize, regionCapacity: regionCapacity, maxDiagnostics: maxDiagnostics
  ).document
}

func readCSV(
  _ actions: [UInt8], actors: [UInt8]? = nil, parts: Int = 1, splits: [Int]? = nil,
  blockSize: Int = CSVRecordDriver.defaultBlockSize, regionCapacity: Int? = nil,
  maxDiagnostics: Int = 1000
) throws -> (document: Document, partsAccepted: [Bool]) {
  var configuration = CSVActionsReader.Configuration()
  configuration.parts = parts
  configuration.minimumPartBytes = 1
  configuration.splits = splits
  configuration.blockSize = blockSize
  configuration.regionCapacity = regionCapacity
  configuration.maxDiagnostics = maxDiagnostics
  return try CSVFormat.read(
    actions: CSVInput(bytes: actions), actionsSource: .bytes(actions), actionsFile: "actions.csv",
    actors: actors.map { (CSVInput(bytes: $0), .bytes($0)) }, actorsFile: "actors.csv",
    configuration: configuration)
}

/// The actions of a document, for comparing with a hand-written list.
func actions(_ document: Document) -> [Action] { Array(document.dataSet.actions) }

func day(_ text: String) -> Day { Day(iso: text)! }

@Suite struct CSVReaderTests {
  @Test func readsTheDesignHeaderAndBuildsTheDataSet() throws {
    let document = try readCSV(
      """
      actor,target,kind,count,date,source
      GBR,RUS,expulsion,23,2018-03-14,bbc;guardian
      RUS,GBR,retaliation,23,2018-03-17,bbc
      USA,RUS,consulate_closure,,,guardian

      """,
      actors: """
        id,name,kind,blocs
        GBR,United Kingdom,state,NATO;EU-former
        USA,United States,state,NATO
        NATO,North Atlantic Treaty Organization,organisation,
        """)
    #expect(document.diagnostics.isEmpty)
    #expect(
      actions(document) == [
        Action(
          actor: "GBR", target: "RUS", kind: .expulsion, count: 23, date: day("2018-03-14"),
          sources: ["bbc", "guardian"]),
        Action(
          actor: "RUS", target: "GBR", kind: .retaliation, count: 23, date: day("2018-03-17"),
          sources: ["bbc"]),
        Action(actor: "USA", target: "RUS", kind: .consulateClosure, sources: ["guardian"]),
      ])
    let data = document.dataSet
    #expect(
      data.sources == [Source(id: "bbc", title: "bbc"), Source(id: "guardian", title: "guardian")])
    #expect(
      data.actors == [
        Actor(id: "GBR", name: "United Kingdom"), Actor(id: "USA", name: "United States"),
        Actor(id: "NATO", name: "North Atlantic Treaty Organization", kind: .organisation),
      ])
    #expect(
      data.blocs == [
        Bloc(id: "NATO", name: "NATO", members: ["GBR", "USA"]),
        Bloc(id: "EU-former", name: "EU-former", members: ["GBR"]),
      ])
    #expect(data.title == "")
  }

  @Test func withoutActorsFileNoActorIsDeclared() throws {
    let document = try readCSV("actor,target,kind\nGBR,RUS,expulsion\n")
    #expect(document.dataSet.actors.isEmpty)
    #expect(document.dataSet.blocs.isEmpty)
    #expect(actions(document) == [Action(actor: "GBR", target: "RUS", kind: .expulsion)])
    let network = try Network(document.dataSet)
    #expect(network.actors.map(\.id) == ["GBR", "RUS"])
  }

  @Test func quotedFieldsWithEscapesCommasAndLineBreaks() throws {
    let document = try readCSV(
      "actor,target,kind,note\r\n"
        + "\"GBR\",RUS,expulsion,\"said \"\"no\"\", then left\"\r\n"
        + "RUS,GBR,retaliation,\"two\nlines, and\r\na CRLF\"\r\n"
        + "RUS,GBR,\"\",\"\"\r\n")
    #expect(
      actions(document).map(\.note) == [
        "said \"no\", then left", "two\nlines, and\r\na CRLF", nil,
      ])
    #expect(actions(document)[0].actor == "GBR")
    // The quoted empty kind is an empty field: reported, on line 6 (the note of row 2 spans
    // three lines).
    #expect(
      document.diagnostics.map(\.description) == [
        "actions.csv:6:9 (row 3, column \"kind\"): error: expected an action kind, found an "
          + "empty field"
      ])
  }

  @Test func byteOrderMarkAndLineEnds() throws {
    let lf = try readCSV([0xEF, 0xBB, 0xBF] + Array("actor,target,kind\nA,B,x\nC,D,y".utf8))
    let crlf = try readCSV(Array("actor,target,kind\r\nA,B,x\r\nC,D,y\r\n".utf8))
    let cr = try readCSV(Array("actor,target,kind\rA,B,x\rC,D,y\r".utf8))
    let expected = [
      Action(actor: "A", target: "B", kind: "x"), Action(actor: "C", target: "D", kind: "y"),
    ]
    for document in [lf.document, crlf.document, cr.document] {
      #expect(actions(document) == expected)
      #expect(document.diagnostics.isEmpty)
    }
    // The mark is not part of the first column's name, nor counted in its column.
    let bomOnly = try readCSV([0xEF, 0xBB, 0xBF] + Array("actor,target,kind,weight\n".utf8))
    #expect(
      bomOnly.document.diagnostics.map(\.description) == [
        "actions.csv:1:19 (column \"weight\"): warning: unknown column \"weight\" is ignored; the "
          + "columns read are actor, target, kind, count, date, source, id, responds_to, note"
      ])
  }

  @Test func blankLinesAreSkippedAndTheLastLineNeedsNoLineEnd() throws {
    let document = try readCSV("\n\nactor,target,kind\n\nA,B,x\n\r\n\nC,D,y\n\n\n")
    #expect(actions(document).map(\.actor) == ["A", "C"])
    #expect(document.diagnostics.isEmpty)
    let unterminated = try readCSV("actor,target,kind\nA,B,x\nC,D,\"y\"")
    #expect(actions(unterminated).map(\.kind) == ["x", "y"])
  }

  @Test func emptyFieldsAreAbsentValues() throws {
    let document = try readCSV(
      "actor,target,kind,count,date,source,id,responds_to,note\nA,B,x,,,,,,\n")
    #expect(actions(document) == [Action(actor: "A", target: "B", kind: "x")])
    #expect(document.dataSet.actions.idColumn.isEmpty)
    #expect(document.diagnostics.isEmpty)
  }

  @Test func columnsInAnyOrderWithOptionalAndUnknownColumns() throws {
    let document = try readCSV(
      """
      Note, SOURCE ,date,responds_to,weight,kind,id,count,target,actor
      first,s1;s2,2018-03-26,,heavy,expulsion,a1,60,RUS,USA
      ,s2,2018-03-29,a1;a0,light,expulsion,a2,60,USA,RUS
      """)
    #expect(
      actions(document) == [
        Action(
          id: "a1", actor: "USA", target: "RUS", kind: .expulsion, count: 60,
          date: day("2018-03-26"), sources: ["s1", "s2"], note: "first"),
        Action(
          id: "a2", actor: "RUS", target: "USA", kind: .expulsion, count: 60,
          date: day("2018-03-29"), respondsTo: ["a1", "a0"], sources: ["s2"]),
      ])
    #expect(
      document.diagnostics.map(\.description) == [
        "actions.csv:1:32 (column \"weight\"): warning: unknown column \"weight\" is ignored; the "
          + "columns read are actor, target, kind, count, date, source, id, responds_to, note"
      ])
    // Symbols are interned in order of first use: ids before the ids they answer.
    #expect(document.dataSet.actions.idSymbols.strings == ["a1", "a2", "a0"])
  }

  @Test func onlyTheRequiredColumns() throws {
    let document = try readCSV("kind,target,actor\nexpulsion,RUS,GBR\n")
    #expect(actions(document) == [Action(actor: "GBR", target: "RUS", kind: .expulsion)])
    #expect(document.dataSet.sources.isEmpty)
  }

  @Test func idsAreTakenAsSpelled() throws {
    let document = try readCSV(
      "actor,target,kind,source\n\" GBR\",RUS ,Expulsion,S1; S2\nGBR,RUS,expulsion,S1\n")
    #expect(
      actions(document) == [
        Action(actor: " GBR", target: "RUS ", kind: "Expulsion", sources: ["S1", " S2"]),
        // Kinds alone are matched without regard to case (issue 12), with a warning.
        Action(actor: "GBR", target: "RUS", kind: "Expulsion", sources: ["S1"]),
      ])
    #expect(document.dataSet.sources.map(\.id) == ["S1", " S2"])
  }

  @Test func unicodeTextIsKeptAndColumnsCountCharacters() throws {
    let document = try readCSV("actor,target,kind,count,note\nCÔTE,RUS,expulsion,x,naïve 😀\n")
    #expect(actions(document)[0].actor == "CÔTE")
    #expect(actions(document)[0].note == "naïve 😀")
    #expect(
      document.diagnostics.map(\.description) == [
        "actions.csv:2:20 (row 1, column \"count\"): error: expected a whole number of diplomats "
          + "≥ 0, found \"x\""
      ])
  }

  @Test func actorsFileDefaults() throws {
    let document = try readCSV(
      "actor,target,kind\nA,B,x\n",
      actors: "ID,blocs\nA,\"EU;NATO\"\nB,\nC,NATO;EU\n")
    #expect(
      document.dataSet.actors == [
        Actor(id: "A", name: "A"), Actor(id: "B", name: "B"), Actor(id: "C", name: "C"),
      ])
    #expect(
      document.dataSet.blocs == [
        Bloc(id: "EU", name: "EU", members: ["A", "C"]),
        Bloc(id: "NATO", name: "NATO", members: ["A", "C"]),
      ])
    let named = try readCSV(
      "actor,target,kind\nA,B,x\n", actors: "id,name,kind\nA,,\nB,Bee,organisation\n")
    #expect(
      named.dataSet.actors == [
        Actor(id: "A", name: "A"), Actor(id: "B", name: "Bee", kind: .organisation),
      ])
  }

  @Test func manyRowsWithCountsAndDates() throws {
    var text = "actor,target,kind,count,date,source\n"
    var expected: [Action] = []
    for i in 0..<3000 {
      let d = Day(daysSinceEpoch: Int32(17_000 + i / 7))
      text += "A\(i % 13),B\(i % 7),k\(i % 3),\(i * 37),\(d),s\(i % 5)\n"
      expected.append(
        Action(
          actor: ActorID("A\(i % 13)"), target: ActorID("B\(i % 7)"), kind: ActionKind("k\(i % 3)"),
          count: i * 37, date: d, sources: [SourceID("s\(i % 5)")]))
    }
    let document = try readCSV(text, blockSize: 100)
    #expect(actions(document) == expected)
    #expect(document.dataSet.actions.endpointSymbols.count == 20)
  }

  @Test func readsFilesFromDisk() throws {
    let folder = try Fixtures.temporaryDirectory()
    let actionsPath = folder.appendingPathComponent("actions.csv").path
    let actorsPath = folder.appendingPathComponent("actors.csv").path
    try Array("actor,target,kind,count\nGBR,RUS,expulsion,2.5\n".utf8).write(to: actionsPath)
    try Array("id,name\nGBR,United Kingdom\n".utf8).write(to: actorsPath)
    let document = try CSVFormat.read(actionsPath: actionsPath, actorsPath: actorsPath)
    #expect(document.dataSet.actors == [Actor(id: "GBR", name: "United Kingdom")])
    #expect(
      document.diagnostics.map(\.description) == [
        "\(actionsPath):2:19 (row 1, column \"count\"): error: expected a whole number of "
          + "diplomats ≥ 0, found \"2.5\""
      ])
    #expect(
      document.map.location(of: DataPath(.actors, 0, field: "name")).description
        == "\(actorsPath):2:5 (row 1, column \"name\")")
    #expect(throws: DiploGraphError.self) {
      try CSVFormat.read(actionsPath: folder.appendingPathComponent("missing.csv").path)
    }
    do {
      _ = try CSVFormat.read(actionsPath: folder.appendingPathComponent("missing.csv").path)
    } catch let error as DiploGraphError {
      #expect(error.code == .io)
      #expect(error.location?.file == "\(folder.path)/missing.csv")
      #expect(error.description.hasPrefix("\(folder.path)/missing.csv: error: cannot open: "))
    }
  }
}

@Suite struct CSVPipeTests {
  /// A named pipe (as a shell's `<(…)` gives) has no size to split by: it is read whole first.
  @Test func readsFromANamedPipe() throws {
    let folder = try Fixtures.temporaryDirectory()
    let path = folder.appendingPathComponent("actions.fifo").path
    #expect(mkfifo(path, 0o600) == 0)
    let writer = Thread {
      let handle = FileHandle(forWritingAtPath: path)!
      handle.write(Data("actor,target,kind,count\nGBR,RUS,expulsion,23\n".utf8))
      handle.closeFile()
    }
    writer.start()
    let document = try CSVFormat.read(actionsPath: path)
    #expect(actions(document) == [Action(actor: "GBR", target: "RUS", kind: .expulsion, count: 23)])
  }
}

extension Array where Element == UInt8 {
  /// Writes the bytes to a file (test helper).
  func write(to path: String) throws {
    try Data(self).write(to: URL(fileURLWithPath: path))
  }
}
