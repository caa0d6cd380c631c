// Reciprocity statistics of a data set, printed: what the library computes, read the way a
// script would read it.
//
//   swift run ReciprocityStatistics [data-set.json]
//
// The data set defaults to Graphs/skripal-2018.json (run from the package's folder).

import DiploGraph
import DiploPresentation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let path = CommandLine.arguments.dropFirst().first ?? "Graphs/skripal-2018.json"

func ratio(_ x: Double?) -> String { x.map { NumberText.fixed($0, decimals: 3) } ?? "undefined" }

do {
  // One loader for JSON, CSV and folders; it keeps what it could read and says what it could not.
  let document = try DataSetFile.read(path)
  if document.hasErrors {
    for diagnostic in document.diagnostics { print(diagnostic) }
    exit(1)
  }
  let data = document.dataSet

  // Every analytic of one selection (here: all actions), computed over one shared network.
  let statistics = try Statistics(data)
  let r = statistics.reciprocity
  print(data.title)
  print(
    "\(statistics.overview.actors) actors, \(statistics.overview.actions) actions, "
      + "\(r.totalWeight) diplomats")
  print("")
  print(
    "reciprocity           r   = \(ratio(r.binary))  (\(r.reciprocatedLinks) of \(r.links) links have a link back)"
  )
  print("beyond chance         ρ   = \(ratio(r.rho))  (density ā = \(ratio(r.density)))")
  print(
    "weighted reciprocity  r_w = \(ratio(r.weighted))  (\(r.reciprocatedWeight) of \(r.totalWeight) diplomats matched)"
  )

  // The answers: how many exchanges end in each outcome, and whose actions went unanswered
  // (computed unless the options leave them out: `AnalysisOptions(leftOut: [.responses])`).
  if let responses = statistics.responses {
    print("")
    for summary in responses.outcomes where summary.exchanges > 0 {
      let who = summary.actors.map { data.name(of: $0) }.joined(separator: ", ")
      print(
        "\(String(summary.outcome.rawValue.map { $0 == "_" ? " " : $0 })): \(summary.exchanges)  \(who)"
      )
    }
    let unansweredExpulsions = responses.exchanges.filter {
      $0.outcome == .unanswered && $0.originals[0].kind == .expulsion
    }
    print(
      "expulsions left unanswered: "
        + unansweredExpulsions.map { data.name(of: $0.actor) }.sorted().joined(separator: ", "))
  }

  // The most involved actor, from the per-actor strengths.
  if let top = statistics.actors.max(by: {
    $0.outStrength + $0.inStrength < $1.outStrength + $1.inStrength
  }) {
    print("")
    print("most involved: \(top.name) (expelled \(top.outStrength), lost \(top.inStrength))")
  }

  // The same analysis on a selection: expulsions and retaliations only.
  let exchanges = try Statistics(data, selection: Selection(kinds: [.expulsion, .retaliation]))
  print(
    "expulsions and retaliations only: r = \(ratio(exchanges.reciprocity.binary)), "
      + "r_w = \(ratio(exchanges.reciprocity.weighted))")
} catch {
  print("error: \(error)")
  exit(1)
}
