import DiploGraph
import DiploPresentation
import Foundation

/// The in-process phases, in the order `diplograph stats` runs them.
enum Phase: String, CaseIterable {
  case load = "csv load (actions + actors)"
  case validate = "validation"
  case network = "aggregation (Network)"
  case reciprocity = "reciprocity + strengths"
  case dyads = "dyads"
  case responses = "responses"
  case blocs = "bloc weights + matrix"
  case sources = "sources"
  case statistics = "Statistics (every analytic)"
  case json = "stats JSON printing"
  case significance = "significance (fits + censuses)"
  case nullSamples = "significance, 1,000 samples"

  /// The phases of the target "CSV load + aggregation + all analytics".
  static let core: [Phase] = [.load, .network, .reciprocity, .responses, .blocs]

  /// The Monte Carlo samples of the `nullSamples` phase (swap null and bloc tests).
  static let nullSampleCount = 1_000
  /// The most links a workload may have for the significance phases to run: the samples' cost
  /// grows as samples × attempts per link × links (10¹⁰ attempts for a million links), the
  /// triad census's as links × degrees.
  static let nullSampleLinkLimit = 100_000
}

/// The medians of one workload.
struct WorkloadResult {
  var actions: Int
  var actors: Int
  var actionsFileBytes: Int
  var runs: Int
  /// Median seconds per phase (by `Phase.rawValue`).
  var phases: [String: Double]
  /// Median of the per-run sums of `Phase.core`.
  var core: Double
  /// `diplograph stats --format json`, end to end.
  var endToEnd: Double?
  var endToEndPeakRSS: Int?
  var endToEndOutputBytes: Int?
  var exchanges: Int
  var links: Int
  var binaryReciprocity: Double?
  var weightedReciprocity: Double?
  var blocMatrixSum: Int64
}

extension WorkloadResult {
  /// A result without in-process figures (only the end-to-end run measured).
  init(_ workload: Workload) {
    self.init(
      actions: workload.actions, actors: workload.actors,
      actionsFileBytes: workload.actionsFileBytes, runs: 0, phases: [:], core: 0, exchanges: 0,
      links: 0, blocMatrixSum: 0)
  }
}

/// Prints the statistics as `diplograph stats --format json` does (in pieces, with the default
/// listing), into a sink that only counts the bytes; returns the count.
@discardableResult
func printJSON(_ statistics: Statistics) throws -> Int {
  var bytes = 0
  try StatisticsPrinter.write(statistics, as: .json) { bytes += $0.count }
  return bytes
}

/// Runs the in-process phases `runs` times on a workload.
func measurePhases(_ workload: Workload, runs: Int, skip: Set<String>) throws -> WorkloadResult {
  var samples: [Phase: [Double]] = [:]
  var core: [Double] = []
  var last: Statistics?
  var links = 0
  for _ in 0..<runs {
    var times: [Phase: Double] = [:]
    let (document, load) = try Measure.time {
      try CSVFormat.read(actionsPath: workload.actionsPath, actorsPath: workload.actorsPath)
    }
    times[.load] = load
    let (diagnostics, validate) = Measure.time { Validator.validate(document) }
    times[.validate] = validate
    if let error = (document.diagnostics + diagnostics).first(where: { $0.severity == .error }) {
      throw BenchError("the generated data has an error: \(error)")
    }
    let (network, build) = try Measure.time { try Network(document.dataSet) }
    times[.network] = build
    links = network.links.count
    times[.reciprocity] = try Measure.time {
      let reverse = network.links.reverseLinks()
      let r = try Reciprocity(network, reverse: reverse)
      let a = ActorStrength.table(of: network, reverse: reverse)
      return (r, a)
    }.1
    times[.dyads] = Measure.time { Dyad.table(of: network) }.1
    times[.responses] = try Measure.time { try ResponseAnalysis(network) }.1
    times[.blocs] = try Measure.time { try BlocAnalysis(network) }.1
    times[.sources] = try Measure.time { try SourceAnalysis(network) }.1
    if links <= Phase.nullSampleLinkLimit {
      times[.significance] = try Measure.time { try Significance(network) }.1
    }
    if !skip.contains("samples") && links <= Phase.nullSampleLinkLimit {
      let options = SignificanceOptions(samples: Phase.nullSampleCount)
      times[.nullSamples] = try Measure.time { try Significance(network, options: options) }.1
    }
    let (statistics, all) = try Measure.time { try Statistics(network) }
    times[.statistics] = all
    if !skip.contains("json") {
      times[.json] = try Measure.time { try printJSON(statistics) }.1
    }
    last = statistics
    core.append(Phase.core.reduce(0) { $0 + times[$1]! })
    for (phase, t) in times { samples[phase, default: []].append(t) }
  }
  let statistics = last!
  return WorkloadResult(
    actions: workload.actions, actors: workload.actors,
    actionsFileBytes: workload.actionsFileBytes, runs: runs,
    phases: Dictionary(
      uniqueKeysWithValues: samples.map { ($0.key.rawValue, Measure.median($0.value)) }),
    core: Measure.median(core), exchanges: statistics.responses?.exchanges.count ?? 0, links: links,
    binaryReciprocity: statistics.reciprocity.binary,
    weightedReciprocity: statistics.reciprocity.weighted,
    blocMatrixSum: statistics.blocs?.matrix.weights.joined().reduce(0, +) ?? 0)
}

/// Runs `diplograph stats --format json` on a workload `runs` times; the medians of wall time
/// and of peak memory.
func measureEndToEnd(_ workload: Workload, cli: String, runs: Int, scratch: String) throws
  -> (seconds: Double, peakRSS: Int, outputBytes: Int)
{
  var seconds: [Double] = []
  var peaks: [Double] = []
  var bytes = 0
  for _ in 0..<runs {
    let child = try Measure.run(
      [cli, "stats", "--format", "json", workload.folder], stdoutPath: scratch)
    guard child.status == 0 else {
      throw BenchError("diplograph stats exited with \(child.status): \(child.standardError)")
    }
    seconds.append(child.seconds)
    peaks.append(Double(child.peakRSS))
    bytes = child.outputBytes
  }
  try? FileManager.default.removeItem(atPath: scratch)
  return (Measure.median(seconds), Int(Measure.median(peaks)), bytes)
}

/// Loads a workload once, then runs one phase `runs` times: for profilers (`perf record`,
/// `valgrind --tool=callgrind`), which then see that phase alone after the load.
func profilePhase(_ name: String, _ workload: Workload, runs: Int) throws {
  let document = try CSVFormat.read(
    actionsPath: workload.actionsPath, actorsPath: workload.actorsPath)
  let network = try Network(document.dataSet)
  let statistics = try Statistics(network)
  let work: () throws -> Void
  switch name {
  case "load":
    work = {
      _ = try CSVFormat.read(actionsPath: workload.actionsPath, actorsPath: workload.actorsPath)
    }
  case "validate": work = { _ = Validator.validate(document) }
  case "network": work = { _ = try Network(document.dataSet) }
  case "reciprocity":
    work = {
      let reverse = network.links.reverseLinks()
      _ = try Reciprocity(network, reverse: reverse)
      _ = ActorStrength.table(of: network, reverse: reverse)
    }
  case "dyads": work = { _ = Dyad.table(of: network) }
  case "responses": work = { _ = try ResponseAnalysis(network) }
  case "blocs": work = { _ = try BlocAnalysis(network) }
  case "sources": work = { _ = try SourceAnalysis(network) }
  case "statistics": work = { _ = try Statistics(network) }
  case "significance": work = { _ = try Significance(network) }
  case "samples":
    let options = SignificanceOptions(samples: Phase.nullSampleCount)
    work = { _ = try Significance(network, options: options) }
  case "json": work = { _ = try printJSON(statistics) }
  default:
    throw BenchError(
      "--profile: no phase \(name) (load, validate, network, reciprocity, dyads, responses,"
        + " blocs, sources, statistics, json, significance, samples)")
  }
  var times: [Double] = []
  var cpu: [Double] = []
  for _ in 0..<runs {
    let before = Measure.cpuSeconds()
    times.append(try Measure.time(work).1)
    cpu.append(Measure.cpuSeconds() - before)
  }
  print(
    "\(name) on \(workload.name): median \(Format.seconds(Measure.median(times))) wall, "
      + "\(Format.seconds(Measure.median(cpu))) CPU (all threads), of \(runs) runs")
}
