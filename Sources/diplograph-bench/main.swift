import DiploGraph
import Foundation

// diplograph-bench: generates synthetic event data once, then times each phase of
// `diplograph stats` in process (medians of several runs), the whole command end to end (wall
// time and peak memory), and the in-process renderer against the `dot` command.
// Build with `swift build -c release`; `make bench` runs it with its defaults.

let usage = """
  usage: diplograph-bench [options]
    --actions N,N,...   actions per workload (default 10000,1000000,10000000)
    --actors K,K,...    actors per workload (default 200,2000); every pair of N and K is run
    --runs R            runs per measurement, medians reported (default 5)
    --seed S            generator seed (default 42)
    --data DIR          where the generated files go (default .bench-data)
    --cli PATH          the diplograph binary for the end-to-end runs (default: beside this one)
    --render-data FILE  the data set rendered (default Graphs/skripal-2018.json)
    --skip LIST         leave out some of: phases, json, e2e, render, samples (the 1,000
                        Monte Carlo samples of the significance, run up to 100,000 links)
    --json FILE         also write the results as JSON
    --compare FILE      print ratios against the results of an earlier --json run
    --profile PHASE     load the first workload once and run only PHASE, --runs times (for
                        perf or callgrind): load, validate, network, reciprocity, dyads,
                        responses, blocs, sources, statistics, json, significance, samples
  """

struct Options {
  var actions = [10_000, 1_000_000, 10_000_000]
  var actors = [200, 2000]
  var runs = 5
  var seed: UInt64 = 42
  var data = ".bench-data"
  var cli: String?
  var renderData = "Graphs/skripal-2018.json"
  var skip: Set<String> = []
  var json: String?
  var compare: String?
  var profile: String?

  init(_ arguments: [String]) throws {
    var rest = arguments[...]
    func value(_ name: String) throws -> String {
      guard let v = rest.popFirst() else { throw BenchError("\(name) needs a value\n\(usage)") }
      return v
    }
    func integers(_ name: String) throws -> [Int] {
      let list = try value(name).split(separator: ",").map { Int($0.replacing("_", with: "")) }
      guard !list.isEmpty, list.allSatisfy({ ($0 ?? 0) > 0 }) else {
        throw BenchError("\(name) expects positive whole numbers separated by commas")
      }
      return list.map { $0! }
    }
    while let flag = rest.popFirst() {
      switch flag {
      case "--actions": actions = try integers(flag)
      case "--actors": actors = try integers(flag)
      case "--runs": runs = try integers(flag)[0]
      case "--seed": seed = UInt64(try integers(flag)[0])
      case "--data": data = try value(flag)
      case "--cli": cli = try value(flag)
      case "--render-data": renderData = try value(flag)
      case "--skip": skip = Set(try value(flag).split(separator: ",").map(String.init))
      case "--json": json = try value(flag)
      case "--compare": compare = try value(flag)
      case "--profile": profile = try value(flag)
      case "-h", "--help":
        print(usage)
        exit(0)
      default: throw BenchError("unknown option \(flag)\n\(usage)")
      }
    }
    if actors.contains(where: { $0 < 2 }) { throw BenchError("--actors must be 2 or more") }
  }
}

/// Everything one run of the benchmark measured.
struct Results {
  var machine: String
  var workloads: [WorkloadResult] = []
  var render: RenderResult?
}

func machineDescription() -> String {
  let cpu =
    (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
    .split(separator: "\n").first { $0.hasPrefix("model name") }
    .map { $0.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces) }
    ?? "unknown CPU"
  let memory = ProcessInfo.processInfo.physicalMemory
  return
    "\(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(memory >> 30) GiB; load \(loadAverage())"
}

func loadAverage() -> String {
  ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?")
    .split(separator: " ").prefix(3).joined(separator: " ")
}

func findExecutable(_ name: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  return path.split(separator: ":").map { "\($0)/\(name)" }
    .first { FileManager.default.isExecutableFile(atPath: $0) }
}

func report(_ r: WorkloadResult, previous: WorkloadResult?) {
  func line(_ label: String, _ seconds: Double?, _ before: Double?, _ extra: String = "") {
    guard let seconds else { return }
    var text = "  " + label.padding(toLength: 34, withPad: " ", startingAt: 0)
    text += Format.seconds(seconds).leftPadded(10)
    if let before, seconds > 0 {
      text += "   previous " + Format.seconds(before).leftPadded(9)
      text += String(format: "  (%.1fx)", before / seconds)
    }
    print(text + extra)
  }
  for phase in Phase.allCases {
    line(phase.rawValue, r.phases[phase.rawValue], previous?.phases[phase.rawValue])
  }
  if r.core > 0 { line("load + aggregation + analytics", r.core, previous?.core) }
  if let e2e = r.endToEnd {
    line(
      "stats --format json (process)", e2e, previous?.endToEnd,
      "   peak RSS \(Format.megabytes(r.endToEndPeakRSS ?? 0)), output "
        + Format.megabytes(r.endToEndOutputBytes ?? 0))
  }
  guard r.core > 0 else { return }
  print(
    "  links \(Format.grouped(r.links)), exchanges \(Format.grouped(r.exchanges)), "
      + String(
        format: "r = %.10f, r_w = %.10f", r.binaryReciprocity ?? .nan, r.weightedReciprocity ?? .nan
      )
      + ", bloc matrix sum \(Format.grouped(Int(r.blocMatrixSum)))")
}

extension String {
  func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}

func main() throws {
  let options = try Options(Array(CommandLine.arguments.dropFirst()))
  let cli =
    options.cli
    ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("diplograph").path
  var results = Results(machine: machineDescription())
  let previous = try options.compare.map { try ResultsFile.workloads(in: $0) }
  print("diplograph-bench on \(results.machine)")
  print("medians of \(options.runs) runs; data in \(options.data)\n")
  try FileManager.default.createDirectory(atPath: options.data, withIntermediateDirectories: true)
  let scratch = options.data + "/scratch-output"

  var workloads: [Workload] = []
  for k in options.actors {
    for n in options.actions {
      workloads.append(Workload(actions: n, actors: k, seed: options.seed, root: options.data))
    }
  }
  for workload in workloads {
    if let seconds = try workload.prepare() {
      print("generated \(workload.folder) in \(Format.seconds(seconds))")
    }
  }
  if let phase = options.profile {
    try profilePhase(phase, workloads[0], runs: options.runs)
    return
  }
  for workload in workloads where !(options.skip.contains("phases") && options.skip.contains("e2e"))
  {
    print(
      "\(workload.name): actions.csv \(Format.megabytes(workload.actionsFileBytes))"
        + " (load \(loadAverage()))")
    var result =
      options.skip.contains("phases")
      ? WorkloadResult(workload)
      : try measurePhases(workload, runs: options.runs, skip: options.skip)
    if !options.skip.contains("e2e") {
      guard FileManager.default.isExecutableFile(atPath: cli) else {
        throw BenchError("no diplograph binary at \(cli); build it or pass --cli")
      }
      let e2e = try measureEndToEnd(workload, cli: cli, runs: options.runs, scratch: scratch)
      result.endToEnd = e2e.seconds
      result.endToEndPeakRSS = e2e.peakRSS
      result.endToEndOutputBytes = e2e.outputBytes
    }
    let before = previous?.first {
      $0.actions == result.actions && $0.actors == result.actors
    }
    report(result, previous: before)
    results.workloads.append(result)
    print("")
  }
  printScaling(results.workloads)

  if !options.skip.contains("render") {
    let policyWorkload = workloads.min { $0.actions < $1.actions }
    let render = try measureRender(
      dataSet: options.renderData, runs: options.runs, dotCommand: findExecutable("dot"),
      scratch: scratch, policyWorkload: policyWorkload)
    print(
      "render \(render.dataSet) to SVG (\(render.nodes) nodes, \(render.edges) edges, DOT \(render.dotBytes) bytes):"
    )
    print(
      "  in process, first render          \(Format.seconds(render.times.inProcessFirst).leftPadded(10))"
    )
    print(
      "  in process, median after          \(Format.seconds(render.times.inProcess).leftPadded(10))"
    )
    if let sub = render.times.subprocess {
      print(
        "  dot -Tsvg subprocess               \(Format.seconds(sub).leftPadded(10))"
          + String(
            format: "   (in process %.1fx faster; first render %.1fx)",
            sub / render.times.inProcess,
            sub / render.times.inProcessFirst)
          + ", same SVG bytes: \(render.times.sameBytes == true ? "yes" : "no")")
    }
    if let graph = render.policyGraph, let choice = render.policyChoice {
      print("  engine policy on \(graph):")
      print("    \(choice), rendered in \(Format.seconds(render.policySeconds ?? 0))")
      print("    explicit dot: \(render.explicitDot ?? "?")")
    }
    var withGenerated = render
    withGenerated.generated = try measureGeneratedRenders(
      actorCounts: [200, 1_000], runs: min(options.runs, 5), dotCommand: findExecutable("dot"),
      scratch: scratch)
    for graph in withGenerated.generated {
      var line =
        "  generated, \(graph.actors) actors (\(graph.nodes) nodes, \(graph.edges) edges), "
        + "\(graph.engine): in process \(Format.seconds(graph.times.inProcess))"
        + " (first \(Format.seconds(graph.times.inProcessFirst)))"
      if let sub = graph.times.subprocess {
        line +=
          ", dot -K\(graph.engine) -Tsvg \(Format.seconds(sub))"
          + String(format: " (%.1fx)", sub / graph.times.inProcess)
          + ", same SVG bytes: \(graph.times.sameBytes == true ? "yes" : "no")"
      }
      print(line)
    }
    results.render = withGenerated
  }

  if let path = options.json {
    try Data(ResultsFile.json(results).utf8).write(to: URL(fileURLWithPath: path))
    print("\nresults written to \(path)")
  }
}

/// Time per action between consecutive sizes with the same K: linear growth keeps the ratio
/// of times near the ratio of sizes.
func printScaling(_ results: [WorkloadResult]) {
  let groups = Dictionary(grouping: results, by: \.actors)
  var lines: [String] = []
  for k in groups.keys.sorted() {
    let sorted = groups[k]!.sorted { $0.actions < $1.actions }
    for (a, b) in zip(sorted, sorted.dropFirst()) {
      let size = Double(b.actions) / Double(a.actions)
      var text =
        "  K = \(Format.grouped(k)): \(Format.grouped(a.actions)) → \(Format.grouped(b.actions)) actions (×\(Int(size))): "
      text += String(format: "load + analytics ×%.1f", b.core / a.core)
      if let x = a.endToEnd, let y = b.endToEnd {
        text += String(format: ", stats command ×%.1f", y / x)
      }
      lines.append(text)
    }
  }
  if !lines.isEmpty {
    print("scaling (time ratio between sizes):")
    for line in lines { print(line) }
    print("")
  }
}

do {
  try main()
} catch {
  FileHandle.standardError.write(Data("diplograph-bench: \(error)\n".utf8))
  exit(1)
}
