import DiploGraph
import Foundation
import TestSupport

/// One size of the benchmark: N actions among K actors, generated once into a folder.
struct Workload {
  var actions: Int
  var actors: Int
  var seed: UInt64
  var folder: String

  var actionsPath: String { folder + "/actions.csv" }
  var actorsPath: String { folder + "/actors.csv" }
  var name: String { "N = \(Format.grouped(actions)), K = \(Format.grouped(actors))" }

  init(actions: Int, actors: Int, seed: UInt64, root: String) {
    self.actions = actions
    self.actors = actors
    self.seed = seed
    folder = "\(root)/n\(actions)_k\(actors)_s\(seed)"
  }

  /// Writes the two files unless a complete earlier run left them; returns the seconds spent.
  func prepare() throws -> Double? {
    let marker = folder + "/.complete"
    if FileManager.default.fileExists(atPath: marker) { return nil }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let generator = SyntheticEvents(actions: actions, actors: actors, seed: seed)
    let (_, seconds) = try Measure.time {
      try Data(generator.actorsCSV()).write(to: URL(fileURLWithPath: actorsPath))
      _ = FileManager.default.createFile(atPath: actionsPath, contents: nil)
      guard let handle = FileHandle(forWritingAtPath: actionsPath) else {
        throw BenchError("cannot write \(actionsPath)")
      }
      defer { try? handle.close() }
      try generator.writeActions { chunk in try handle.write(contentsOf: Data(chunk)) }
    }
    try Data("\(actions) \(actors) \(seed)\n".utf8).write(to: URL(fileURLWithPath: marker))
    return seconds
  }

  var actionsFileBytes: Int {
    (try? FileManager.default.attributesOfItem(atPath: actionsPath)[.size] as? Int) ?? 0
  }
}
