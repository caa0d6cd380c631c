import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 17's findings, end to end (docs/robustness.md, the hostile-input table): option
/// ranges, outputs that protect what a run reads and write through to what is not a file,
/// capped diagnostics, a closed pipe, and the layout child that dies with its parent.
@Suite struct RobustnessRoundTwoTests {
  let folder: URL
  let skripal = Fixtures.graph("skripal-2018.json").path

  init() throws { folder = try Fixtures.temporaryDirectory() }

  func write(_ name: String, _ text: String) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }

  func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

  @Test func numericOptionsOutsideTheirRangesAreUsageErrorsBeforeAnyWork() throws {
    let gif = folder.appendingPathComponent("out.gif").path
    let cases: [([String], String)] = [
      (
        ["stats", skripal, "--window", "9223372036854775807"],
        "error: --window expects days from 0 to 3652058, found 9223372036854775807"
      ),
      (["report", skripal, "--window=-1"], "error: --window expects days from 0 to 3652058"),
      (
        ["render", skripal, "--embed", "--id-prefix", "1bad"],
        "error: --id-prefix: '1bad' is not an id prefix"
      ),
      (["render", skripal, "-o", gif], "error: -o \(gif): .gif is not a format render writes"),
      (["report", skripal, "-o", gif], "error: -o \(gif): .gif is not a format report writes"),
    ]
    for (arguments, message) in cases {
      let run = try CommandRunner.run(arguments)
      #expect(run.status == 2, "\(arguments)")
      #expect(run.stderr.hasPrefix(message), "\(arguments): \(run.stderr)")
      // Refused before the data set is read or a layout runs: no layout was reported.
      #expect(!run.stderr.contains("layout:"), "\(arguments)")
    }
    #expect(!FileManager.default.fileExists(atPath: gif))
    // Named, the format wins over the extension.
    #expect(try CommandRunner.run(["render", skripal, "--format", "svg", "-o", gif]).status == 0)
  }

  @Test func aStyleFileIsProtectedLikeTheInput() throws {
    let style = try write("s.json", "{}\n")
    let run = try CommandRunner.run([
      "render", skripal, "--style", style.path, "--format", "svg", "-o", style.path,
    ])
    #expect(run.status == 3)
    #expect(run.stderr.contains("refusing to overwrite the input file \(style.path)"))
    #expect(try read(style.path) == "{}\n")
  }

  @Test func devicesFIFOsAndDescriptorsAreWrittenThroughAndLinksKept() throws {
    // /dev/null stays the device (as an ordinary user the temporary file could not even be
    // made in /dev).
    #expect(try CommandRunner.run(["stats", skripal, "-o", "/dev/null"]).status == 0)
    var info = stat()
    #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    // A FIFO gets the bytes, and stays a FIFO.
    let fifo = folder.appendingPathComponent("fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/bin/cat")
    reader.arguments = [fifo]
    let pipe = Pipe()
    reader.standardOutput = pipe
    try reader.run()
    let run = try CommandRunner.run(["convert", skripal, "--to", "json", "-o", fifo])
    let received = pipe.fileHandleForReading.readDataToEndOfFile()
    reader.waitUntilExit()
    #expect(run.status == 0)
    #expect(String(decoding: received, as: UTF8.self).hasPrefix("{"))
    #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    // A symbolic link to a file: the file is replaced, the link stays a link.
    let real = try write("real.txt", "old\n")
    let link = folder.appendingPathComponent("link.txt").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real.path)
    #expect(try CommandRunner.run(["stats", skripal, "-o", link]).status == 0)
    #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
    #expect(try read(real.path).contains("Reciprocity") || read(real.path).count > 100)
  }

  @Test func aFolderInTheWayOfOneFileLeavesEveryOtherAsItWas() throws {
    let page = folder.appendingPathComponent("r.md").path
    #expect(try CommandRunner.run(["report", skripal, "-o", page]).status == 0)
    let pictures = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".svg") }.sorted()
    try #require(pictures.count >= 2)
    // The last picture becomes a folder; the others and the page get marks.
    let blocked = folder.appendingPathComponent(pictures.last!).path
    try FileManager.default.removeItem(atPath: blocked)
    try FileManager.default.createDirectory(atPath: blocked, withIntermediateDirectories: false)
    for name in pictures.dropLast() + ["r.md"] {
      _ = try write(name, "mark \(name)\n")
    }
    let run = try CommandRunner.run(["report", skripal, "-o", page])
    #expect(run.status == 3)
    #expect(run.stderr.contains("\(blocked): error: cannot replace it: Is a directory"))
    for name in pictures.dropLast() + ["r.md"] {
      #expect(try read(folder.appendingPathComponent(name).path) == "mark \(name)\n")
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
        $0.hasPrefix(".")
      } == [])
  }

  @Test func aClosedPipeIsAnIOErrorNotADeathBySIGPIPE() throws {
    let process = Process()
    process.executableURL = CommandRunner.executable
    process.arguments = ["convert", skripal, "--to", "json"]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    try output.fileHandleForReading.close()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 3)
    #expect(stderr == "error: cannot write to standard output: Broken pipe\n")
  }

  @Test func diagnosticsAreCappedWhateverTheirNumber() throws {
    // 5,000 empty actions: four errors each, 20,000 in all.
    let empty = Array(repeating: "{}", count: 5_000).joined(separator: ",")
    let json = try write(
      "empty.json", #"{"format": "diplograph", "version": 1, "actions": ["# + empty + "]}")
    let run = try CommandRunner.run(["validate", json.path])
    #expect(run.status == 1)
    let lines = run.output.split(separator: "\n")
    #expect(lines.count <= 1_003)
    #expect(run.output.contains("more problems not listed (only the first 1000 are)"))
    // 5,000 rows whose target is not declared.
    var csv = "actor,target,kind,count\n"
    for i in 0..<5_000 { csv += "A,T\(i),expulsion,1\n" }
    let actions = try write("actions.csv", csv)
    _ = try write("actors.csv", "id,name,kind\nA,A,state\n")
    let rows = try CommandRunner.run(["validate", actions.path])
    #expect(rows.status == 1)
    #expect(rows.output.split(separator: "\n").count <= 1_003)
    #expect(rows.output.contains("9000 more problems not listed (only the first 1000 are)"))
    #expect(rows.output.contains("and 9000 more problem(s) not listed;"))
    let stats = try CommandRunner.run(["stats", actions.path])
    #expect(stats.status == 1)
    #expect(stats.stderr.contains("found 500 error(s) and 9000 more problem(s) not listed"))
  }

  /// Killed while a time-limited layout runs, the command line takes its layout child with it
  /// (PR_SET_PDEATHSIG), long before the child's own deadline.
  @Test func theLayoutChildDiesWithItsParent() throws {
    var csv = "actor,target,kind,count\n"
    var rng = SplitMix64(seed: 7)
    for i in 0..<120 {
      for _ in 0..<3 { csv += "A\(i),A\(Int(rng.next() % 120)),expulsion,\(1 + rng.next() % 50)\n" }
    }
    let slow = try write("slow.csv", csv)
    let process = Process()
    process.executableURL = CommandRunner.executable
    process.arguments = [
      // Every actor drawn: dot takes about a minute on these 120 actors (drawing the default
      // 40 strongest takes a tenth of a second, too short to be seen reliably).
      "render", slow.path, "--layout", "dot", "--force", "--draw-actors", "0", "--timeout", "300",
      "-o",
      folder.appendingPathComponent("out.svg").path,
    ]
    process.standardError = FileHandle.nullDevice
    try process.run()
    let parent = process.processIdentifier
    var child: Int32? = nil
    // Reading and laying out take a moment, minutes on a machine loaded by parallel tests.
    for _ in 0..<3000 where child == nil && process.isRunning {
      child = Self.children(of: parent).first
      if child == nil { usleep(100_000) }
    }
    let layout = try #require(
      child, "no layout child appeared (the command \(process.isRunning ? "runs" : "ended"))")
    kill(parent, SIGKILL)
    process.waitUntilExit()
    var gone = false
    for _ in 0..<100 where !gone {
      gone = !Self.isRunning(layout)
      if !gone { usleep(100_000) }
    }
    #expect(gone, "the layout child \(layout) outlived its parent")
    if !gone { kill(layout, SIGKILL) }
  }

  /// The children of `pid`, from /proc.
  static func children(of pid: Int32) -> [Int32] {
    let tasks = "/proc/\(pid)/task"
    let threads = (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? []
    return threads.flatMap { thread in
      ((try? String(contentsOfFile: "\(tasks)/\(thread)/children", encoding: .utf8)) ?? "")
        .split(separator: " ").compactMap { Int32($0) }
    }
  }

  /// Whether `pid` runs (exists and is not a zombie).
  static func isRunning(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    let state = stat[stat.index(close, offsetBy: 2)]
    return state != "Z" && state != "X"
  }

  @Test func aControlCharacterInAnIdIsRefusedWithItsRowAndColumn() throws {
    let actions = try write("cc.csv", "actor,target,kind,count\nFra\u{1}nce,GBR,expulsion,2\n")
    let run = try CommandRunner.run(["validate", actions.path])
    #expect(run.status == 1)
    #expect(
      run.output.contains(
        "\(actions.path):2:1 (row 1, column \"actor\"): error: found the actor \"Fra\\u0001nce\", "
          + "which holds the control character U+0001"), "\(run.output)")
  }

  @Test func readErrorsAreSaidInTheSystemsWords() throws {
    let cli = CommandRunner.executable.path
    let cases: [([String], String)] = [
      (["stats", "/proc/self/mem"], "/proc/self/mem: error: cannot read: Input/output error"),
      (["stats", folder.path + "/none.json"], "cannot read: No such file or directory"),
      (["render", skripal, "--style", folder.path], "cannot read: Is a directory"),
    ]
    for (arguments, message) in cases {
      let run = try CommandRunner.run(arguments)
      #expect(run.status == 3, "\(arguments)")
      #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
    }
    // A closed standard input.
    let closed = try CommandRunner.run(
      executable: URL(fileURLWithPath: "/bin/sh"), ["-c", #"exec "$0" stats - <&-"#, cli])
    #expect(closed.status == 3)
    #expect(closed.stderr == "<stdin>: error: cannot read: Bad file descriptor\n")
  }
}
