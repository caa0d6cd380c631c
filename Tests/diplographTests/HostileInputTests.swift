import Foundation
import TestSupport
import Testing

/// The hostile inputs of docs/robustness.md, each through the built command line: what it
/// prints, with which exit status, and that no output file appears.
@Suite struct HostileInputTests {
  let folder: URL

  init() throws { folder = try Fixtures.temporaryDirectory() }

  /// Writes `bytes` to a file of the test's folder; returns its path.
  func file(_ name: String, _ bytes: [UInt8]) throws -> String {
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }

  /// Runs a command that must fail before writing anything: with `-o` (but for `validate`,
  /// which writes no file), no file appears.
  func failing(_ arguments: [String], stdin: [UInt8] = []) throws -> CommandRunner.Result {
    let out = folder.appendingPathComponent("out-\(UUID().uuidString)").path
    let output = arguments.first == "validate" ? [] : ["-o", out]
    let run = try CommandRunner.run(arguments + output, stdin: stdin)
    #expect(!FileManager.default.fileExists(atPath: out), "\(arguments): an output appeared")
    #expect(run.stdout.isEmpty)
    return run
  }

  /// The one error line of a run, which must be all it printed.
  func onlyLine(_ run: CommandRunner.Result) -> String {
    let lines = run.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 1, "\(run.stderr)")
    return lines.first ?? ""
  }

  @Test func truncatedJSON() throws {
    let whole = try String(contentsOf: Fixtures.graph("skripal-2018.json"), encoding: .utf8)
    let cut = String(whole.prefix(900))
    // Where the text ends: its last line, one column (counted in Unicode scalars) past its end.
    let lines = cut.split(separator: "\n", omittingEmptySubsequences: false)
    let line = lines.count
    let column = lines[lines.count - 1].unicodeScalars.count + 1
    let path = try file("truncated.json", cut)
    for command in ["validate", "stats", "render"] {
      let run = try failing([command, path])
      #expect(run.status == 1)
      #expect(onlyLine(run).hasPrefix("\(path):\(line):\(column): error: expected "))
      #expect(onlyLine(run).hasSuffix("found the end of the input"))
    }
  }

  @Test func wrongTypes() throws {
    let path = try file(
      "types.json",
      """
      {"format": "diplograph", "version": "1", "title": 3,
       "actions": [{"actor": 1, "target": "B", "kind": "expulsion", "count": "3", "sources": "s"}]}
      """)
    let validate = try CommandRunner.run(["validate", path])
    #expect(validate.status == 1)
    #expect(
      validate.output.split(separator: "\n").map(String.init) == [
        "\(path):1:37 ($.version): error: expected \"version\" to be a non-negative whole number, "
          + "found the string \"1\"",
        "\(path):1:51 ($.title): error: expected \"title\" to be a string, found the number 3",
        "\(path):2:24 ($.actions[0].actor): error: expected \"actor\" to be a string, found the "
          + "number 1",
        "\(path):2:72 ($.actions[0].count): error: expected \"count\" to be a non-negative whole "
          + "number, found the string \"3\"",
        "\(path):2:88 ($.actions[0].sources): error: expected \"sources\" to be an array of ids, "
          + "found the string \"s\"",
        "\(path): invalid — 5 error(s), 0 warning(s); 0 actions, 0 actors, 0 blocs, 0 sources, "
          + "0 reported figures",
      ])
    let stats = try failing(["stats", path])
    #expect(stats.status == 1)
    let lines = stats.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 6)
    #expect(
      lines.last
        == "\(path): error: found 5 error(s) in the data set; expected none (`diplograph "
        + "validate` lists them all)")
  }

  /// 10⁷ actors is refused by the default limit (measured: docs/robustness.md); here the same
  /// mechanism with a limit of 1,000, so the test runs in a second.
  @Test func tooManyActors() throws {
    var text = "actor,target,kind\n"
    for i in 0...1000 { text += "A\(i),T,expulsion\n" }
    let path = try file("actors.csv", text)
    // T and A0 … A998 are 1,000 actors; A999, in row 1,000, is one too many.
    let run = try failing(["stats", path, "--max-actors", "1000"])
    #expect(run.status == 1)
    #expect(
      onlyLine(run)
        == "\(path):1001:1 (row 1000): error: found more than 1000 distinct actors; expected at "
        + "most 1000 (raise the limit with --max-actors)")
    #expect(try CommandRunner.run(["validate", path, "--max-actors", "1002"]).status == 0)
    let json = try file(
      "actors.json",
      #"{"format": "diplograph", "version": 1, "title": "t", "actors": ["#
        + (0..<3).map { #"{"id": "A\#($0)", "name": "a", "kind": "state"}"# }
        .joined(separator: ", ") + "]}")
    let refused = try failing(["validate", json, "--max-actors", "2"])
    #expect(
      onlyLine(refused)
        == "\(json):1:153 ($.actors[2]): error: found 3 actors; expected at most 2 (raise the "
        + "limit with --max-actors)")
  }

  @Test func countsOf2To63() throws {
    // One count past Int64.max: refused where it is written.
    let json = try file(
      "big.json",
      #"{"format": "diplograph", "version": 1, "title": "t", "actions": ["#
        + #"{"actor": "A", "target": "B", "kind": "expulsion", "count": 9223372036854775808, "#
        + #""sources": []}]}"#)
    let validate = try CommandRunner.run(["validate", json])
    #expect(validate.status == 1)
    #expect(
      validate.output.hasPrefix(
        "\(json):1:126 ($.actions[0].count): error: expected \"count\" to be at most "
          + "9223372036854775807, found 9223372036854775808\n"))
    let csv = try file("big.csv", "actor,target,kind,count\nA,B,expulsion,9223372036854775808\n")
    let csvRun = try CommandRunner.run(["validate", csv])
    #expect(csvRun.status == 1)
    #expect(
      csvRun.output.contains(
        "\n\(csv):2:15 (row 1, column \"count\"): error: expected a whole number of diplomats "
          + "≥ 0, found \"9223372036854775808\", which is larger than 9223372036854775807\n"))

    // Counts that fit but whose sum does not: refused when summed, naming the pair.
    let sum = try file(
      "sum.csv", "actor,target,kind,count\nA,B,expulsion,9223372036854775807\nA,B,expulsion,1\n")
    for command in ["stats", "render", "sources"] {
      let run = try failing([command, sum])
      #expect(run.status == 1)
      #expect(
        onlyLine(run)
          == "\(sum): error: the summed count of the actions of A on B exceeds "
          + "9,223,372,036,854,775,807 (2⁶³ − 1, the largest sum of counts); expected counts "
          + "whose sums fit")
    }
    // Self-loops are left out of the analyses, but drawn: their sum is checked by the writer.
    let loops = try file(
      "loops.csv",
      "actor,target,kind,count\nA,A,expulsion,9223372036854775807\nA,A,expulsion,1\nA,B,x,1\n")
    #expect(try CommandRunner.run(["stats", loops]).status == 0)
    let render = try failing(["render", loops])
    #expect(render.status == 1)
    #expect(
      onlyLine(render).hasPrefix("\(loops): error: the summed count of the actions of A on A"))
  }

  /// A gigabyte on one line, as a sparse file (no disk used): CSV stops at the record limit
  /// after reading 64 MiB; JSON reads the file (within the 4 GiB input limit) and stops at the
  /// first byte that is not JSON.
  @Test func aGigabyteLine() throws {
    let csv = folder.appendingPathComponent("line.csv")
    try Data("actor,target,kind\nA".utf8).write(to: csv)
    let handle = try FileHandle(forWritingTo: csv)
    try handle.truncate(atOffset: 1 << 30)
    try handle.close()
    let run = try failing(["validate", csv.path])
    #expect(run.status == 1)
    #expect(
      onlyLine(run)
        == "\(csv.path):2:1 (row 1): error: found a record longer than 67108864 bytes; expected "
        + "at most 67108864 bytes per record (a quote never closed makes the rest of the file one "
        + "record; raise the limit with --max-record-bytes)")

    let json = folder.appendingPathComponent("line.json")
    let head = #"{"format": "diplograph", "version": 1, "title": ""#
    try Data(head.utf8).write(to: json)
    let jsonHandle = try FileHandle(forWritingTo: json)
    try jsonHandle.truncate(atOffset: 1 << 30)
    try jsonHandle.close()
    let parsed = try failing(["validate", json.path])
    #expect(parsed.status == 1)
    #expect(
      onlyLine(parsed)
        == "\(json.path):1:50: error: found the control character U+0000 inside a string; "
        + "expected '\"' to close it first, or an escape such as \\n or \\u00XX")
    let limited = try failing(["validate", json.path, "--max-input-bytes", "1000000"])
    #expect(
      onlyLine(limited)
        == "\(json.path): error: found a file larger than 1000000 bytes; expected at most 1000000 "
        + "bytes (raise the limit with --max-input-bytes)")
  }

  @Test func binaryGarbage() throws {
    let bytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    let path = try file("garbage.bin", bytes)
    let json = try failing(["stats", path])
    #expect(json.status == 1)
    #expect(
      onlyLine(json)
        == "\(path):1:1: error: expected a JSON value, found the control character U+000B")
    let csv = try failing(["stats", path, "--input-format", "csv"])
    #expect(csv.status == 1)
    #expect(
      onlyLine(csv).hasPrefix("\(path):1:1 (header): error: expected a header with the columns"))
    // On standard input too.
    let piped = try failing(["validate", "-"], stdin: bytes)
    #expect(onlyLine(piped).hasPrefix("<stdin>:1:1: error: expected a JSON value"))
  }

  @Test func invalidUTF8() throws {
    let json = try file(
      "bad.json",
      Array(#"{"format": "diplograph", "version": 1, "title": "caf"#.utf8) + [0xE9]
        + Array("\"}\n".utf8))
    #expect(
      onlyLine(try failing(["stats", json]))
        == "\(json):1:53: error: invalid UTF-8 in a string: found the bytes 0xE9 0x22, which are "
        + "not a valid UTF-8 sequence")
    let csv = try file(
      "bad.csv",
      Array("actor,target,kind\nGBR,RUS,expulsion\nC".utf8) + [0xF4]
        + Array("te,RUS,expulsion\n".utf8))
    let run = try CommandRunner.run(["validate", csv])
    #expect(run.status == 1)
    #expect(
      run.output.contains(
        "\n\(csv):3:1 (row 2, column \"actor\"): error: expected UTF-8 text, found bytes that "
          + "are not UTF-8: \"C\u{FFFD}te\"\n"))
  }

  @Test func csvWithUnbalancedQuotes() throws {
    let path = try file(
      "quotes.csv", "actor,target,kind,note\nGBR,RUS,expulsion,\"a note\nRUS,GBR,retaliation,ok\n")
    let run = try failing(["stats", path])
    #expect(run.status == 1)
    #expect(
      onlyLine(run)
        == "\(path):2:19 (row 1, column \"note\"): error: expected a closing quote for the field "
        + "opened here, found the end of the file")
  }

  @Test func aLabelOfOneMegabyte() throws {
    let name = "<b>" + String(repeating: "L", count: 1 << 20) + "</b>"
    let path = try file(
      "label.json",
      #"{"format": "diplograph", "version": 1, "title": "label", "sources": [{"id": "s", "title": "s"}], "#
        + #""actors": [{"id": "GBR", "name": ""# + name + #"", "kind": "state"}, "#
        + #"{"id": "RUS", "name": "Russia", "kind": "state"}], "#
        + #""actions": [{"actor": "GBR", "target": "RUS", "kind": "expulsion", "count": 23, "#
        + #""sources": ["s"]}]}"#)
    let out = folder.appendingPathComponent("label.svg").path
    let run = try CommandRunner.run(["render", path, "-o", out])
    #expect(run.status == 0)
    #expect(
      run.stderr == "layout: dot (automatic: 2 nodes and 1 edge, within 50 nodes and 150 edges)\n")
    let svg = try String(contentsOfFile: out, encoding: .utf8)
    // Drawn and in the tooltip, escaped: the markup is text.
    #expect(svg.contains("&lt;b&gt;LLLL"))
    #expect(!svg.contains("<b>"))
    #expect(svg.utf8.count > 2 << 20)
  }

  @Test func aCycleOfAnswers() throws {
    let path = try file(
      "cycle.json",
      """
      {"format": "diplograph", "version": 1, "title": "cycle", "sources": [{"id": "s", "title": "s"}],
       "actions": [
        {"id": "a", "actor": "GBR", "target": "RUS", "kind": "expulsion", "respondsTo": ["b"], "sources": ["s"]},
        {"id": "b", "actor": "RUS", "target": "GBR", "kind": "expulsion", "respondsTo": ["a"], "sources": ["s"]}]}
      """)
    let validate = try CommandRunner.run(["validate", path])
    #expect(validate.status == 1)
    #expect(
      validate.output.hasPrefix(
        "\(path):4:84 ($.actions[1].respondsTo[0]): error: found a cycle of answers: \"a\" → "
          + "\"b\" → \"a\"; expected answers to lead back to a first action that answers none of "
          + "them\n"))
    let stats = try failing(["stats", path])
    #expect(stats.status == 1)
  }

  @Test func tenThousandParallelActionsOnOnePair() throws {
    var text = "actor,target,kind,count,date\n"
    for _ in 0..<10_000 { text += "GBR,RUS,expulsion,1,2018-03-14\n" }
    let path = try file("parallel.csv", text)
    let stats = try CommandRunner.run(["stats", path, "--format", "csv", "--table", "dyads"])
    #expect(stats.status == 0)
    #expect(stats.output.contains("\nGBR,RUS,10000,0,"))
    // Drawn as one edge: fast, in process.
    let out = folder.appendingPathComponent("parallel.svg").path
    let render = try CommandRunner.run(["render", path, "-o", out])
    #expect(render.status == 0)
    #expect(try String(contentsOfFile: out, encoding: .utf8).contains(">10000</text>"))
    // One edge per action: 10,000 edges between two nodes, a layout sfdp does not finish in
    // minutes; stopped at the time limit (the status and message say it was; how long writing
    // 10,000 edges takes is the benchmark's business, not this test's).
    let perAction = try failing(["render", path, "--per-action", "--timeout", "3"])
    #expect(perAction.status == 4)
    #expect(
      perAction.stderr.hasSuffix(
        "error: the sfdp layout did not finish within the time limit of 3 s and was stopped; "
          + "draw fewer actors (select with --actor, --bloc, --kind, --since or --until), or "
          + "allow more time (--timeout)\n"))
  }
}
