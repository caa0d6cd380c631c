import DiploGraph
import DiploRender
import Foundation
import TestSupport

/// In-process rendering against the `dot -Tsvg` command on the same DOT text.
struct RenderResult {
  var dataSet: String
  var nodes: Int
  var edges: Int
  var dotBytes: Int
  var times: RenderTimes
  /// The policy's automatic choice on a generated graph, and its render time.
  var policyGraph: String?
  var policyChoice: String?
  var policySeconds: Double?
  /// What an explicit dot on that graph gave.
  var explicitDot: String?
  /// Generated graphs of a few hundred and a thousand actors, drawn with the engine the policy
  /// chooses for them, in process and by the Graphviz command.
  var generated: [GeneratedRender] = []
}

/// One generated graph drawn in process and by the Graphviz command on the same DOT.
struct GeneratedRender {
  var actors: Int
  var actions: Int
  var nodes: Int
  var edges: Int
  var engine: String
  var times: RenderTimes
}

/// The times of one DOT text drawn in process and by the Graphviz command.
struct RenderTimes {
  /// The first in-process render (Graphviz loads its plugins then).
  var inProcessFirst: Double
  /// Median of the renders after the first.
  var inProcess: Double
  /// Median wall time of `dot -K engine -Tsvg file`.
  var subprocess: Double?
  /// Whether the two SVGs are the same bytes.
  var sameBytes: Bool?
}

/// Renders `dot` once with `engine` (the policy's choice when `nil`), then `runs` times with the
/// engine that first render used, and the Graphviz command as many times when there is one.
private func timeRenders(
  _ dot: DOTDocument, engine: LayoutEngine?, runs: Int, dotCommand: String?, scratch: String
) throws -> (times: RenderTimes, engine: LayoutEngine) {
  let renderer = Renderer()
  let (first, firstSeconds) = try Measure.time { try renderer.render(dot, engine: engine) }
  let used = first.engine.engine
  var medians: [Double] = []
  for _ in 0..<max(1, runs) {
    medians.append(try Measure.time { try renderer.render(dot, engine: used) }.1)
  }
  var times = RenderTimes(inProcessFirst: firstSeconds, inProcess: Measure.median(medians))
  if let dotCommand {
    let command = try measureCommand(
      dot, engine: used, runs: runs, dotCommand: dotCommand, scratch: scratch,
      inProcess: first.bytes)
    times.subprocess = command.seconds
    times.sameBytes = command.sameBytes
  }
  return (times, used)
}

/// Times `runs` renders of `dot` with `engine` by the Graphviz command (`dot -K engine -Tsvg`),
/// and says whether its SVG is `inProcess`, byte for byte.
private func measureCommand(
  _ dot: DOTDocument, engine: LayoutEngine, runs: Int, dotCommand: String, scratch: String,
  inProcess: [UInt8]
) throws -> (seconds: Double, sameBytes: Bool) {
  let dotFile = scratch + ".dot"
  try Data(dot.text.utf8).write(to: URL(fileURLWithPath: dotFile))
  defer {
    try? FileManager.default.removeItem(atPath: dotFile)
    try? FileManager.default.removeItem(atPath: scratch)
  }
  var wall: [Double] = []
  for _ in 0..<max(1, runs) {
    let child = try Measure.run(
      [dotCommand, "-K\(engine.rawValue)", "-Tsvg", dotFile], stdoutPath: scratch)
    guard child.status == 0 else { throw BenchError("dot failed: \(child.standardError)") }
    wall.append(child.seconds)
  }
  let fromCommand = try Data(contentsOf: URL(fileURLWithPath: scratch))
  return (Measure.median(wall), fromCommand == Data(inProcess))
}

/// Draws generated graphs of `actorCounts` actors and three actions per actor (a sparse graph,
/// as the engines' measured limits assume), with the engine the policy chooses, in process and
/// by the Graphviz command.
func measureGeneratedRenders(
  actorCounts: [Int], runs: Int, dotCommand: String?, scratch: String
) throws -> [GeneratedRender] {
  try actorCounts.map { actors in
    let events = SyntheticEvents(actions: 3 * actors, actors: actors)
    let data = try CSVFormat.read(actions: events.actionsCSV(), actors: events.actorsCSV())
      .dataSet
    let dot = try DOTWriter().document(for: try Network(data))
    let (times, engine) = try timeRenders(
      dot, engine: nil, runs: runs, dotCommand: dotCommand, scratch: scratch)
    return GeneratedRender(
      actors: actors, actions: events.actions, nodes: dot.nodeCount, edges: dot.edgeCount,
      engine: engine.rawValue, times: times)
  }
}

func measureRender(
  dataSet path: String, runs: Int, dotCommand: String?, scratch: String, policyWorkload: Workload?
) throws -> RenderResult {
  let document = try DataSetFile.read(path)
  let network = try Network(document.dataSet)
  let dot = try DOTWriter().document(for: network)
  var result = RenderResult(
    dataSet: path, nodes: dot.nodeCount, edges: dot.edgeCount, dotBytes: dot.text.utf8.count,
    times: try timeRenders(dot, engine: .dot, runs: runs, dotCommand: dotCommand, scratch: scratch)
      .times)
  if let policyWorkload {
    let renderer = Renderer()
    let generated = try CSVFormat.read(
      actionsPath: policyWorkload.actionsPath, actorsPath: policyWorkload.actorsPath)
    let big = try DOTWriter().document(for: try Network(generated.dataSet))
    let (rendering, seconds) = try Measure.time { try renderer.render(big) }
    result.policyGraph = "\(policyWorkload.name): \(big.nodeCount) nodes, \(big.edgeCount) edges"
    result.policyChoice = rendering.engine.description
    result.policySeconds = seconds
    do {
      _ = try renderer.render(big, engine: .dot)
      result.explicitDot = "ran (not refused)"
    } catch {
      result.explicitDot = "refused: \(error)"
    }
  }
  return result
}
