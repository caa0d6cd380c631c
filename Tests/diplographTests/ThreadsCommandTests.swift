import Foundation
import TestSupport
import Testing

/// `--threads N` and `stats --dyads`: the same bytes for every N, whole processes, on a file
/// large enough that the reader, the links and the statistics all run in parts.
@Suite final class ThreadsCommandTests {
  let folder: URL

  init() throws {
    folder = try Fixtures.temporaryDirectory()
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  private var episode: String { Fixtures.graph("skripal-2018.json").path }

  private func diplograph(_ arguments: [String]) throws -> BuiltPrograms.Run {
    try BuiltPrograms.run(try BuiltPrograms.executable("diplograph"), arguments, timeout: 300)
  }

  /// A generated data set of `actions` rows in `name/`, with a problem every 1,009th row when
  /// `errors` is set (a fractional count, then an impossible date).
  private func generated(_ name: String, actions: Int, errors: Bool) throws -> String {
    let events = SyntheticEvents(actions: actions, actors: 300, seed: 5)
    let data = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    var csv = events.actionsCSV()
    if errors {
      var lines = String(decoding: csv, as: UTF8.self).split(separator: "\n").map(String.init)
      for n in stride(from: 1009, to: lines.count, by: 1009) {
        var fields = lines[n].split(separator: ",").map(String.init)
        if n % 2 == 0 { fields[3] = "2.5" } else { fields[4] = "2018-02-30" }
        lines[n] = fields.joined(separator: ",")
      }
      csv = Array((lines.joined(separator: "\n") + "\n").utf8)
    }
    try Data(csv).write(to: data.appendingPathComponent("actions.csv"))
    try Data(events.actorsCSV()).write(to: data.appendingPathComponent("actors.csv"))
    return data.path
  }

  @Test func statsAndValidatePrintTheSameBytesForEveryThreadCount() throws {
    // 300,000 rows: 13 MB of CSV (parts of 2 MiB or more), over 2^18 actions to sum in parts.
    let clean = try generated("clean", actions: 300_000, errors: false)
    let one = try diplograph(["stats", "--format", "json", "--threads", "1", clean])
    #expect(one.status == 0, "\(one.standardError)")
    #expect(one.standardOutput.contains("\"dyads\""))
    let faulty = try generated("faulty", actions: 300_000, errors: true)
    let checked = try diplograph(["validate", "--threads", "1", faulty])
    #expect(checked.status == 1)
    #expect(checked.standardOutput.contains("2018-02-30"))
    #expect(checked.standardOutput.contains("\"2.5\""))
    for threads in ["2", "3", "8", "16"] {
      let run = try diplograph(["stats", "--format", "json", "--threads", threads, clean])
      #expect(run.status == 0)
      #expect(run.standardOutput == one.standardOutput, "--threads \(threads)")
      let again = try diplograph(["validate", "--threads", threads, faulty])
      #expect(again.status == 1)
      #expect(again.standardOutput == checked.standardOutput, "--threads \(threads)")
    }
  }

  @Test(arguments: ["0", "1025", "-3", "two"])
  func threadCountsOutsideTheRangeAreUsageErrors(threads: String) throws {
    for command in ["stats", "validate", "render", "convert", "report"] {
      var arguments = [command, episode, "--threads", threads]
      if command == "convert" { arguments += ["--to", "json"] }
      let run = try diplograph(arguments)
      #expect(run.status == 2, "\(command) --threads \(threads)")
      #expect(run.standardError.contains("--threads"), "\(run.standardError)")
      #expect(run.standardOutput.isEmpty)
    }
  }

  @Test func dyadsNoneTopAndAll() throws {
    func dyads(_ listing: [String]) throws -> [[String: Any]] {
      let run = try diplograph(["stats", "--format", "json", episode] + listing)
      #expect(run.status == 0, "\(run.standardError)")
      let object = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8))
      return try #require((object as? [String: Any])?["dyads"] as? [[String: Any]])
    }
    let all = try dyads([])
    #expect(all.count > 10)
    #expect(try dyads(["--dyads", "all"]).count == all.count)
    #expect(try dyads(["--dyads", "none"]).isEmpty)
    let top = try dyads(["--dyads", "top:3"])
    #expect(top.map { $0["first"] as? String } == all.prefix(3).map { $0["first"] as? String })
    #expect(top.map { $0["second"] as? String } == all.prefix(3).map { $0["second"] as? String })
    #expect(try dyads(["--dyads", "top 5"]).count == 5)
    #expect(try dyads(["--dyads", "top:100000"]).count == all.count)
    let wrong = try diplograph(["stats", episode, "--dyads", "some"])
    #expect(wrong.status == 2)
    #expect(wrong.standardError.contains("--dyads"))
  }
}
