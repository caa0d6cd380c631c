import DiploGraph
import DiploRender
import Foundation

/// In-process rendering against the `dot -Tsvg` command on the same DOT text.
struct RenderResult: Codable {
  var dataSet: String
  var nodes: Int
  var edges: Int
  var dotBytes: Int
  /// The first in-process render (Graphviz loads its plugins then).
  var inProcessFirst: Double
  /// Median of the renders after the first.
  var inProcess: Double
  /// Median wall time of `dot -Tsvg file`.
  var subprocess: Double?
  /// Whether the two SVGs are the same bytes.
  var sameBytes: Bool?
  /// The policy's automatic choice on a generated graph, and its render time.
  var policyGraph: String?
  var policyChoice: String?
  var policySeconds: Double?
  /// What an explicit dot on that graph gave.
  var explicitDot: String?
}

func measureRender(
  dataSet path: String, runs: Int, dotCommand: String?, scratch: String, policyWorkload: Workload?
) throws -> RenderResult {
  let document = try DataSetFile.read(path)
  let network = try Network(document.dataSet)
  let dot = try DOTWriter().document(for: network)
  let renderer = Renderer()
  let (first, firstSeconds) = try Measure.time { try renderer.render(dot, engine: .dot) }
  var times: [Double] = []
  for _ in 0..<max(1, runs) {
    times.append(try Measure.time { try renderer.render(dot, engine: .dot) }.1)
  }
  var result = RenderResult(
    dataSet: path, nodes: dot.nodeCount, edges: dot.edgeCount, dotBytes: dot.text.utf8.count,
    inProcessFirst: firstSeconds, inProcess: Measure.median(times))
  if let dotCommand {
    let dotFile = scratch + ".dot"
    try Data(dot.text.utf8).write(to: URL(fileURLWithPath: dotFile))
    var wall: [Double] = []
    for _ in 0..<max(1, runs) {
      let child = try Measure.run([dotCommand, "-Tsvg", dotFile], stdoutPath: scratch)
      guard child.status == 0 else { throw BenchError("dot failed: \(child.standardError)") }
      wall.append(child.seconds)
    }
    result.subprocess = Measure.median(wall)
    let fromDot = try Data(contentsOf: URL(fileURLWithPath: scratch))
    result.sameBytes = fromDot == Data(first.bytes)
    try? FileManager.default.removeItem(atPath: dotFile)
    try? FileManager.default.removeItem(atPath: scratch)
  }
  if let policyWorkload {
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
