import Foundation
import TestSupport
import Testing

@_spi(Testing) @testable import DiploGraph

/// Every reading limit stops the reader early with a `limit` error that says where, what was
/// found, what was expected and which option raises the limit; in CSV the same error whatever
/// the parts the file is split into.
@Suite struct ReadLimitsTests {
  /// The error `body` throws, which must be a ``DiploGraphError``.
  func error(_ body: () throws -> Void) -> DiploGraphError? {
    do {
      try body()
      return nil
    } catch let error as DiploGraphError {
      return error
    } catch {
      Issue.record("not a DiploGraphError: \(error)")
      return nil
    }
  }

  /// `rows` actions, the actor of row r being `A<r mod actors>`.
  func actionsCSV(rows: Int, actors: Int, note: Bool = false) -> String {
    var text = note ? "actor,target,kind,note\n" : "actor,target,kind\n"
    for r in 0..<rows { text += "A\(r % actors),T,expulsion" + (note ? ",n\(r)\n" : "\n") }
    return text
  }

  /// The error reading `text` (and `actors`) throws.
  func csvError(
    _ text: String, actors: String? = nil, options: CSVFormat.ReadOptions
  ) -> DiploGraphError? {
    error {
      _ = try CSVFormat.read(
        actions: Array(text.utf8), actors: actors.map { Array($0.utf8) },
        actionsFile: "actions.csv", actorsFile: "actors.csv", options: options)
    }
  }

  // MARK: CSV

  @Test func moreActionsThanTheLimitAreRefusedAtTheFirstRowPastIt() throws {
    var options = CSVFormat.ReadOptions(maxActions: 5)
    let text = actionsCSV(rows: 9, actors: 2)
    let e = try #require(csvError(text, options: options))
    #expect(e.code == .limit)
    #expect(
      e.description
        == "actions.csv:7:1 (row 6): error: found more than 5 actions; expected at most 5 "
        + "(raise the limit of 5 actions)")
    // The error names the limit; a program that sets it its own way says how in its place.
    #expect(e.limit == DiploGraphError.Limit(.maxActions, 5))
    #expect(
      e.message(advice: "raise the limit with --max-actions")
        == "found more than 5 actions; expected at most 5 (raise the limit with --max-actions)")
    // Exactly at the limit: read.
    options.maxActions = 9
    #expect(
      try CSVFormat.read(actions: Array(text.utf8), options: options).dataSet.actions.count == 9)
    // In parts, wherever the splits fall: the same error.
    let bytes = Array(text.utf8)
    for split in 1..<bytes.count {
      var parts = CSVFormat.ReadOptions(maxActions: 5)
      parts.splits = [split, min(bytes.count - 1, split + 7)]
      let inParts = error {
        _ = try CSVFormat.read(actions: bytes, actionsFile: "actions.csv", options: parts)
      }
      #expect(inParts == e, "split at \(split)")
    }
  }

  @Test func aBigFileStopsSoonAfterTheActionLimit() throws {
    // 200,000 rows, a limit of 3,000: the part stops at the next checkpoint (every 1,024
    // rows), not at the end of the file.
    let text = actionsCSV(rows: 200_000, actors: 50)
    var options = CSVFormat.ReadOptions(parallelism: 1, maxActions: 3000)
    let e = try #require(csvError(text, options: options))
    #expect(e.message.hasPrefix("found more than 3000 actions"))
    #expect(e.location?.line == 3002)
    options.maxActions = 200_000
    #expect(
      try CSVFormat.read(actions: Array(text.utf8), options: options).dataSet.actions.count
        == 200_000)
  }

  @Test func moreActorsThanTheLimitAreRefusedWhereTheFirstOnePastItIsNamed() throws {
    // Actors A0…A9 and one target T: the 5th distinct id is A3, in row 4 (line 5).
    let text = actionsCSV(rows: 30, actors: 10)
    let options = CSVFormat.ReadOptions(maxActors: 4)
    let e = try #require(csvError(text, options: options))
    #expect(
      e.description
        == "actions.csv:5:1 (row 4): error: found more than 4 distinct actors; expected at most 4 "
        + "(raise the limit of 4 actors)")
    #expect(e.limit == DiploGraphError.Limit(.maxActors, 4))
    let bytes = Array(text.utf8)
    for split in stride(from: 1, to: bytes.count, by: 3) {
      var parts = options
      parts.splits = [split]
      let inParts = error {
        _ = try CSVFormat.read(actions: bytes, actionsFile: "actions.csv", options: parts)
      }
      #expect(inParts == e, "split at \(split)")
    }
  }

  @Test func declaredActorsCountTooAndSoDoesTheirUnionWithTheNamedOnes() throws {
    let actors = "id,name\nA,a\nB,b\nC,c\nD,d\n"
    let declared = try #require(
      csvError(
        "actor,target,kind\nA,B,x\n", actors: actors, options: CSVFormat.ReadOptions(maxActors: 3)
      ))
    #expect(
      declared.description
        == "actors.csv:5:1 (row 4): error: found more than 3 actors; expected at most 3 (raise "
        + "the limit of 3 actors)")
    // Four declared and two more named by the actions: six in all.
    let union = try #require(
      csvError(
        "actor,target,kind\nA,X,x\nY,B,x\n", actors: actors,
        options: CSVFormat.ReadOptions(maxActors: 5)))
    #expect(
      union.description
        == "actions.csv: error: found 6 distinct actors (declared, or named by an action); "
        + "expected at most 5 (raise the limit of 5 actors)")
    // The same ids declared and named count once.
    _ = try CSVFormat.read(
      actions: Array("actor,target,kind\nA,B,x\nC,D,x\n".utf8), actors: Array(actors.utf8),
      options: CSVFormat.ReadOptions(maxActors: 4))
  }

  @Test func aRecordLongerThanTheLimitIsRefusedAtItsLine() throws {
    let long = String(repeating: "n", count: 5000)
    let text = "actor,target,kind,note\nA,B,x,short\nA,B,x,\(long)\nA,B,x,after\n"
    let options = CSVFormat.ReadOptions(maxRecordBytes: 1000)
    let e = try #require(csvError(text, options: options))
    #expect(
      e.description
        == "actions.csv:3:1 (row 2): error: found a record longer than 1000 bytes; expected at "
        + "most 1000 bytes per record (a quote never closed makes the rest of the file one "
        + "record; raise the limit of 1000 bytes per record)")
    #expect(e.limit == DiploGraphError.Limit(.maxRecordBytes, 1000))
    // Also with blocks smaller than the record, and in parts.
    let bytes = Array(text.utf8)
    for split in stride(from: 1, to: bytes.count, by: 97) {
      var parts = options
      parts.splits = [split]
      parts.blockSize = 64
      let inParts = error {
        _ = try CSVFormat.read(actions: bytes, actionsFile: "actions.csv", options: parts)
      }
      #expect(inParts == e, "split at \(split)")
    }
    // A quote never closed: the rest of the file is one record, refused once it passes the limit.
    let open = "actor,target,kind,note\nA,B,x,\"open\n" + actionsCSV(rows: 300, actors: 3)
    let quoteError = try #require(csvError(open, options: options))
    #expect(quoteError.location?.line == 2 && quoteError.code == .limit)
    // Below the limit, the same file gets the error of the quote itself.
    let shortOpen = "actor,target,kind,note\nA,B,x,\"open\nC,D,y,z\n"
    let unclosed = try #require(csvError(shortOpen, options: options))
    #expect(unclosed.code == .syntax && unclosed.message.hasPrefix("expected a closing quote"))
  }

  @Test func aHeaderLongerThanTheLimitOrWiderThan1024ColumnsIsRefused() throws {
    let long = try #require(
      csvError(
        "actor,target,kind," + String(repeating: "x", count: 200) + "\nA,B,x,y\n",
        options: CSVFormat.ReadOptions(maxRecordBytes: 100)))
    #expect(long.description.hasPrefix("actions.csv:1:1 (header): error: found a record longer"))
    let wide = try #require(
      csvError(
        "actor,target,kind" + String(repeating: ",", count: 2000) + "\n",
        options: CSVFormat.ReadOptions()))
    #expect(
      wide.description
        == "actions.csv:1:1 (header): error: found a header of 2003 columns; expected at most "
        + "1024 (the format has 9)")
  }

  /// Regression (make fuzz, csv target): a part that did not itself pass the actor limit read on
  /// to a quote never closed, and reported the quote where one sequential pass reports the
  /// limit. What ends reading is now what comes first in the file.
  @Test func theLimitBeforeAnOpenQuoteIsWhatIsReportedWhereverTheFileIsSplit() throws {
    var text = "actor,target,kind,note\n"
    for r in 0..<12 { text += "A\(r),T,x,n\n" }
    text += "A0,T,x,\"never closed\nA1,T,x,n\n"
    let bytes = Array(text.utf8)
    let options = CSVFormat.ReadOptions(maxActors: 6)
    let sequential = try #require(csvError(text, options: options))
    #expect(sequential.description.hasPrefix("actions.csv:7:1 (row 6): error: found more than 6"))
    for split in 1..<bytes.count {
      var parts = options
      parts.splits = [split]
      let inParts = error {
        _ = try CSVFormat.read(actions: bytes, actionsFile: "actions.csv", options: parts)
      }
      #expect(inParts == sequential, "split at \(split)")
    }
    // The corpus keeps the input the fuzzer found.
    let finding = Fixtures.packageRoot.appendingPathComponent(
      "Tests/Fuzz/Corpus/csv/finding-actor-limit-before-open-quote.bin")
    #expect(FileManager.default.fileExists(atPath: finding.path))
  }

  @Test func anEndlessPipeIsReadOnlyUpToTheSizeLimit() throws {
    // /dev/zero is not a regular file: it is read into memory, and refused at the limit.
    let csv = error {
      _ = try CSVFormat.read(
        actionsPath: "/dev/zero", options: CSVFormat.ReadOptions(maxBytes: 1 << 20))
    }
    #expect(csv?.code == .limit)
    #expect(
      csv?.description
        == "/dev/zero: error: found a file larger than 1048576 bytes; expected at most 1048576 "
        + "bytes (raise the limit of 1048576 bytes per input)")
    #expect(csv?.limit == DiploGraphError.Limit(.maxBytes, 1 << 20))
    let json = error {
      _ = try DataSetFile.read("/dev/zero", format: .json, limits: .init(maxBytes: 1 << 20))
    }
    #expect(json?.code == .limit)
  }

  // MARK: JSON

  @Test func aJSONTextOfMoreValuesThanTheLimitIsRefusedAtTheFirstOnePastIt() throws {
    // Five values: the array and its four numbers; the fifth, 4, is past the limit.
    let text = "[1, 2,\n 3, 4]"
    let e = try #require(
      error { _ = try JSON.parse(text, file: "v.json", limits: .init(maxValues: 4)) })
    #expect(
      e.description
        == "v.json:2:5: error: found more than 4 JSON values; expected at most 4 (raise the "
        + "limit of 4 JSON values; CSV is the format for bulk data)")
    #expect(e.limit == DiploGraphError.Limit(.maxJSONValues, 4))
    #expect((try? JSON.parse(text, limits: .init(maxValues: 5))) != nil)
  }

  func document(actors: Int, actions: [(String, String)]) -> String {
    let declared = (0..<actors).map { #"{"id": "D\#($0)", "name": "d", "kind": "state"}"# }
    let listed = actions.map {
      #"{"actor": "\#($0.0)", "target": "\#($0.1)", "kind": "expulsion", "sources": []}"#
    }
    return """
      {"format": "diplograph", "version": 1, "title": "t",
       "actors": [\(declared.joined(separator: ",\n"))],
       "actions": [\(listed.joined(separator: ",\n"))]}
      """
  }

  @Test func jsonActionsAndActorsPastTheLimitsAreRefusedWhereTheyStart() throws {
    let text = document(actors: 3, actions: [("D0", "D1"), ("D1", "D2"), ("X", "Y")])
    let actions = try #require(
      error {
        _ = try CanonicalJSON.read(Array(text.utf8), file: "d.json", options: .init(maxActions: 2))
      })
    #expect(
      actions.description
        == "d.json:7:1 ($.actions[2]): error: found 3 actions; expected at most 2 (raise the "
        + "limit of 2 actions)")
    let declared = try #require(
      error {
        _ = try CanonicalJSON.read(Array(text.utf8), file: "d.json", options: .init(maxActors: 2))
      })
    #expect(
      declared.description
        == "d.json:4:1 ($.actors[2]): error: found 3 actors; expected at most 2 (raise the limit "
        + "of 2 actors)")
    // Three declared, and X and Y named by the third action: five.
    let named = try #require(
      error {
        _ = try CanonicalJSON.read(Array(text.utf8), file: "d.json", options: .init(maxActors: 4))
      })
    #expect(
      named.description
        == "d.json:7:1 ($.actions[2]): error: found more than 4 distinct actors (declared, or "
        + "named by an action); expected at most 4 (raise the limit of 4 actors)")
    #expect(
      try CanonicalJSON.read(Array(text.utf8), options: .init(maxActions: 3, maxActors: 5)).dataSet
        .actions
        .count == 3)
  }
}
