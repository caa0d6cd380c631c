import Foundation
import TestSupport
import Testing

/// What the command line writes: whole files or nothing, never over an input, standard output
/// errors reported rather than trapped, and every error in one shape with its documented status.
@Suite struct OutputSafetyTests {
  let folder: URL
  let skripal = Fixtures.graph("skripal-2018.json").path

  init() throws { folder = try Fixtures.temporaryDirectory() }

  func write(_ name: String, _ text: String) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }

  func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

  @Test func aFailedRunLeavesTheEarlierOutputAsItWas() throws {
    let out = try write("stats.txt", "earlier output\n")
    let bad = try write("bad.json", #"{"format": "diplograph", "version": 1, "title": ["#)
    for arguments in [
      ["stats", bad.path], ["render", bad.path], ["convert", bad.path, "--to", "json"],
      ["stats", skripal, "--since", "March"], ["render", skripal, "--layout", "nosuch"],
    ] {
      let run = try CommandRunner.run(arguments + ["-o", out.path])
      #expect(run.status != 0)
      #expect(try read(out) == "earlier output\n", "\(arguments)")
    }
    // A run stopped at the layout's time limit writes nothing either.
    var csv = "actor,target,kind,count\n"
    var rng = SplitMix64(seed: 7)
    for i in 0..<120 {
      for _ in 0..<3 { csv += "A\(i),A\(Int(rng.next() % 120)),expulsion,\(1 + rng.next() % 50)\n" }
    }
    let slow = try write("slow.csv", csv)
    let run = try CommandRunner.run([
      "render", slow.path, "--layout", "dot", "--force", "--timeout", "1", "--format", "svg",
      "--draw-actors", "0",
      "-o", out.path,
    ])
    #expect(run.status == 4)
    #expect(try read(out) == "earlier output\n")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
        "bad.json", "slow.csv", "stats.txt",
      ])
  }

  @Test func noInputIsOverwrittenThroughAnyName() throws {
    let input = try write("in.json", try read(Fixtures.graph("skripal-2018.json")))
    let before = try read(input)
    let hard = folder.appendingPathComponent("hard.json")
    try FileManager.default.linkItem(at: input, to: hard)
    let dotted = folder.path + "/./in.json"
    for target in [input.path, hard.path, dotted] {
      let run = try CommandRunner.run(["convert", input.path, "--to", "json", "-o", target])
      #expect(run.status == 3)
      #expect(
        run.stderr
          == "\(target): error: refusing to overwrite the input file \(input.path) (the same "
          + "file); expected another output path\n")
    }
    #expect(try read(input) == before)
  }

  @Test func aCSVFolderIsNeverOverwrittenWithItself() throws {
    let data = folder.appendingPathComponent("data")
    let convert = try CommandRunner.run(["convert", skripal, "--to", "csv", "-o", data.path])
    #expect(convert.status == 0)
    let actions = try read(data.appendingPathComponent("actions.csv"))
    let actors = try read(data.appendingPathComponent("actors.csv"))
    // Read from the folder, or from its actions.csv (actors.csv found beside it): both files
    // are inputs.
    for input in [data.path, data.appendingPathComponent("actions.csv").path] {
      let run = try CommandRunner.run(["convert", input, "--to", "csv", "-o", data.path])
      #expect(run.status == 3)
      #expect(run.stderr.contains("error: refusing to overwrite the input file"))
    }
    #expect(try read(data.appendingPathComponent("actions.csv")) == actions)
    #expect(try read(data.appendingPathComponent("actors.csv")) == actors)
  }

  @Test func aCSVFolderGetsBothFilesEvenWithoutActors() throws {
    let out = folder.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    // An older actors.csv that the new output must not leave behind.
    try Data("id,name\nOLD,old\n".utf8).write(to: out.appendingPathComponent("actors.csv"))
    let input = try write("plain.csv", "actor,target,kind\nA,B,expulsion\n")
    let run = try CommandRunner.run(["convert", input.path, "--to", "csv", "-o", out.path])
    #expect(run.status == 0)
    // The actors the actions name are declared when read (neither is in the reference data).
    #expect(
      try read(out.appendingPathComponent("actors.csv"))
        == "id,name,kind,blocs\r\nA,A,state,\r\nB,B,state,\r\n")
    #expect(
      try read(out.appendingPathComponent("sources.csv")) == "id,title,publisher,date,url\r\n")
    #expect(!run.stderr.contains("notes on actors"))
    let back = try CommandRunner.run(["validate", out.path])
    #expect(back.output.hasSuffix("1 actions, 2 actors, 0 blocs, 0 sources, 0 reported figures\n"))
  }

  @Test func aFullDiskOnStandardOutputIsAnIOErrorNotACrash() throws {
    let process = Process()
    process.executableURL = CommandRunner.executable
    process.arguments = ["stats", skripal]
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 3)
    #expect(stderr == "error: cannot write to standard output: No space left on device\n")
  }

  /// Exit statuses as documented: 0 ok, 1 data, 2 usage (the argument parser's too), 3 I/O,
  /// 4 rendering; every error line `FILE:LINE:COLUMN (path): error: …`, `FILE: error: …` or
  /// `error: …`, saying what was found and what was expected.
  @Test func everyErrorHasItsStatusAndTheOneShape() throws {
    let bad = try write("bad.json", "{\n  \"format\": 1,\n}\n")
    let style = try write("style.json", #"{"palette": ["red"]}"#)
    let cases: [([String], Int32, String)] = [
      (["validate", skripal], 0, ""),
      (["stats", bad.path], 1, "\(bad.path):3:1: error: expected a string key after ','"),
      (["stats", skripal, "--rows=-1"], 2, "error: --rows expects a number ≥ 0, found -1"),
      (["stats"], 2, "error: missing expected argument '<file>'"),
      (["stats", skripal, "--bogus"], 2, "error: unknown option '--bogus'"),
      (["frobnicate"], 2, "error: unexpected argument 'frobnicate'"),
      (["stats", skripal, "--since", "March"], 2, "error: --since expects a day as YYYY-MM-DD"),
      (["render", skripal, "--timeout", "0"], 2, "error: --timeout expects seconds between 0"),
      (["stats", skripal, "--max-actions", "0"], 2, "error: --max-actions expects a number ≥ 1"),
      (["stats", folder.path + "/none.json"], 3, "\(folder.path)/none.json: error: cannot read:"),
      (["stats", folder.path], 3, "\(folder.path): error: found a folder without actions.csv"),
      (["render", skripal, "--layout", "nosuch"], 2, "error: unknown layout engine 'nosuch'"),
      (
        ["render", skripal, "--style", style.path], 2,
        "\(style.path):1:14 ($.palette[0]): error: 'red' is not a colour"
      ),
      (
        ["render", skripal, "--layout", "dot", "--actor", "RUS", "--max-actors", "10"], 1,
        "\(skripal):"
      ),
    ]
    for (arguments, status, start) in cases {
      let run = try CommandRunner.run(arguments)
      #expect(run.status == status, "\(arguments): \(run.stderr)")
      if !start.isEmpty {
        #expect(run.stderr.hasPrefix(start), "\(arguments): \(run.stderr)")
        let first = run.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.contains("error: "), "\(arguments)")
      }
    }
  }

  /// The library's rendering errors give their ways out as data; the command line names the
  /// option that takes each.
  @Test func renderingErrorsNameTheOptionsThatTakeTheirRemedies() throws {
    var csv = "actor,target,kind,count\n"
    for i in 0..<120 {
      for k in 1...3 { csv += "A\(i),A\((i + k) % 120),expulsion,1\n" }
    }
    let big = try write("big.csv", csv)
    // Every actor drawn (--draw-actors 0): the reduction to the strongest would avoid it.
    let run = try CommandRunner.run(["render", big.path, "--layout", "dot", "--draw-actors", "0"])
    #expect(run.status == 4)
    #expect(
      run.stderr
        == "error: the graph has 120 nodes and 360 edges, too large for the dot engine (over 100 "
        + "nodes or 300 edges, its layout can take minutes); use sfdp (or neato), or force dot "
        + "(--force; the command line stops a layout after --timeout seconds)\n")
  }

  @Test func theLayoutHelperHandsGraphvizOnlyTheWritersDOT() throws {
    let helper = CommandRunner.executable.deletingLastPathComponent()
      .appendingPathComponent("diplograph-layout")
    let run = try CommandRunner.run(
      executable: helper, [],
      stdin: Array(
        "diplograph-layout 1 dot svg\ndigraph \"g\" {\n  \"a\" [image=\"/etc/passwd\"];\n}\n".utf8))
    #expect(run.status == 0)
    #expect(run.output.contains("not 'image'"))
    #expect(!run.output.contains("<svg"))
    // The command line has no hidden command for it.
    #expect(try CommandRunner.run(["_layout"]).status == 2)
  }
}
