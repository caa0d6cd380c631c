import ArgumentParser
import DiploGraph
import DiploPresentation

extension StatisticsFormat: ExpressibleByArgument {}
extension ResponseListing: ExpressibleByArgument {}

/// Options of the analyses, shared by `stats` and `report`.
struct AnalysisArguments: ParsableArguments {
  @Option(
    help:
      "Days within which a reverse action counts as the answer to an action that names no answer (default: \(ResponseOptions().windowDays))."
  )
  var window: Int?

  @Option(
    name: .customLong("answer-kind"),
    help: ArgumentHelp(
      "Kinds that are answers by nature: unmatched, they are not counted as unanswered (repeatable, or commas).",
      valueName: "kind"))
  var answerKinds: [String] = []

  @Option(
    name: .customLong("compare-blocs"),
    help: ArgumentHelp(
      "The blocs whose weights are compared, in this order (commas); default: every bloc.",
      valueName: "blocs"))
  var compareBlocs: String?

  @Option(
    name: .customLong("null-samples"),
    help: ArgumentHelp(
      "Random graphs of the swap null and shuffles of each bloc test (the significance section); 0: the analytic null models only. Default: the analytic models, up to 1,000 actors with a link.",
      valueName: "R"))
  var nullSamples: Int?

  @Option(
    help: ArgumentHelp(
      "The seed of the null models' random graphs: the same seed gives the same output.",
      valueName: "S"))
  var seed: UInt64 = SignificanceOptions.defaultSeed

  @OptionGroup var sources: SourceListingOptions

  /// The longest window: every day a date can span (0001-01-01 to 9999-12-31); a longer one
  /// means nothing more, and the analysis adds to it.
  static let maxWindowDays = 3_652_058
  /// The most random graphs a run draws: a million already gives p-values to 10⁻⁶.
  static let maxNullSamples = 1_000_000

  func validate() throws {
    if let window, !(0...Self.maxWindowDays).contains(window) {
      throw ValidationError(
        "--window expects days from 0 to \(Self.maxWindowDays), found \(window)")
    }
    if let nullSamples, !(0...Self.maxNullSamples).contains(nullSamples) {
      throw ValidationError(
        "--null-samples expects a number from 0 to \(Self.maxNullSamples), found \(nullSamples)")
    }
  }

  func options(for dataSet: DataSet) throws -> AnalysisOptions {
    var responses = ResponseOptions(windowDays: window ?? ResponseOptions().windowDays)
    let kinds = answerKinds.flatMap { $0.split(separator: ",") }.map { ActionKind(String($0)) }
    if !kinds.isEmpty { responses.answerKinds = Set(kinds) }
    var blocs: [BlocID]? = nil
    if let compareBlocs {
      let ids = compareBlocs.split(separator: ",").map { BlocID(String($0)) }
      try ReferenceOptions.checkBlocs(
        ids.map(\.rawValue), option: "--compare-blocs", in: dataSet)
      blocs = ids
    }
    return AnalysisOptions(
      responses: responses, blocs: blocs,
      significance: nullSamples.map { SignificanceOptions(samples: $0, seed: seed) },
      sources: sources.listing)
  }
}

/// How `stats` and `sources` print.
struct PrintingArguments: ParsableArguments {
  @Option(name: .shortAndLong, help: "Output format: table, json, csv or markdown.")
  var format: StatisticsFormat = .table

  @Option(help: "In table and markdown output, at most this many rows per table.")
  var rows: Int?

  func validate() throws {
    if let rows, rows < 0 { throw ValidationError("--rows expects a number ≥ 0, found \(rows)") }
  }
}

struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract:
      "Reciprocity, strengths, dyads, responses, bloc weights, source checks and null models.",
    discussion: """
      The table format is for people (a headline block, then aligned tables); json follows \
      docs/stats.schema.json; csv writes one tidy table per file into the folder -o names \
      (made when missing; all files or none), or the table --table names to standard output \
      (or to -o's file); markdown suits reports. See docs/analytics/ for every formula. The significance \
      section tests reciprocity against null models and counts dyads and triads; --null-samples \
      R adds R random graphs with the same degrees and R shuffles of the blocs, drawn from \
      --seed (the same seed, the same output). The exchanges, \
      answers without an original and unused respondsTo links are listed in full up to 10,000 \
      of them; beyond, only counted (--responses full lists them whatever their number).
      """
  )

  @OptionGroup var input: InputOptions
  @OptionGroup var selection: SelectionOptions
  @OptionGroup var analysis: AnalysisArguments
  @OptionGroup var output: OutputOptions
  @OptionGroup var printing: PrintingArguments
  @OptionGroup var threads: ThreadOptions

  @Option(
    help: ArgumentHelp(
      "List the exchanges (full), count them (summary), or list up to 10,000 (auto).",
      valueName: "listing"))
  var responses: ResponseListing = .automatic

  @Option(
    help: ArgumentHelp(
      "With --format csv: write this table alone, to standard output or -o's file.",
      valueName: "name"))
  var table: String?

  func validate() throws {
    if table != nil && printing.format != .csv {
      throw ValidationError("--table needs --format csv")
    }
    let skipped = try skipped
    if skipped.contains(.significance) && analysis.nullSamples != nil {
      throw ValidationError(
        "--null-samples asks for the significance section, which --skip leaves out")
    }
    if skipped.contains(.responses) && responses != .automatic {
      throw ValidationError("--responses lists the responses section, which --skip leaves out")
    }
    if skipped.contains(.responses) && (analysis.window != nil || !analysis.answerKinds.isEmpty) {
      throw ValidationError(
        "--window and --answer-kind set how the responses are matched, which --skip leaves out")
    }
    if skipped.contains(.sources) && analysis.sources.listing != .automatic {
      throw ValidationError("--sources lists the sources section, which --skip leaves out")
    }
    if skipped.isSuperset(of: [.blocs, .significance]) && analysis.compareBlocs != nil {
      throw ValidationError(
        "--compare-blocs chooses the blocs of the blocs and significance sections, which --skip "
          + "leaves out")
    }
    if let table,
      let section = StatisticsSection.allCases.first(where: {
        skipped.contains($0) && StatisticsPrinter.csvTableNames(of: $0).contains(table)
      })
    {
      throw ValidationError(
        "--table \(table): a table of the \(section.rawValue) section, which --skip leaves out")
    }
    if let table, !StatisticsPrinter.csvTableNames.contains(table) {
      throw ValidationError(
        "--table \(table): no such table (tables: "
          + StatisticsPrinter.csvTableNames.joined(separator: ", ") + ")")
    }
    if printing.format == .csv && table == nil && (output.output ?? "-") == "-" {
      throw ValidationError(
        "--format csv writes one file per table: give -o DIR for all of them, or --table NAME "
          + "for one on standard output (tables: "
          + StatisticsPrinter.csvTableNames.joined(separator: ", ") + ")")
    }
  }

  @Option(
    help: ArgumentHelp(
      "List every dyad (all, the default), none, or the N heaviest (top:N): 2 million dyads make 273 MB of JSON.",
      valueName: "none|all|top:N"))
  var dyads: DyadListing = .all

  @Option(
    help: ArgumentHelp(
      "Sections not to compute (repeatable, or commas): responses, blocs, sources, significance. They are null in JSON and absent from the other formats; on 10 million actions, leaving out the responses halves the analyses' time.",
      valueName: "sections"))
  var skip: [String] = []

  /// The sections `--skip` names.
  var skipped: Set<StatisticsSection> {
    get throws {
      var sections: Set<StatisticsSection> = []
      for name in skip.flatMap({ $0.split(separator: ",") }) {
        let trimmed = String(name.filter { !$0.isWhitespace })
        guard let section = StatisticsSection(rawValue: trimmed) else {
          throw ValidationError(
            "--skip \(trimmed): no such section (sections that can be left out: "
              + StatisticsSection.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        sections.insert(section)
      }
      return sections
    }
  }

  func run() throws {
    let document = try input.load(threads: threads.threads)
    let data = document.dataSet
    let network = try Network(
      data, selection: try selection.selection(in: data), threads: threads.threads)
    var options = try analysis.options(for: data)
    options.leftOut = try skipped
    options.dyadLimit = dyads.limit
    let statistics = try Statistics(network, options: threads.applied(to: options))
    if let sources = statistics.sources { analysis.sources.noteLeftOut(sources) }
    KeptUntilExit.keep((document, network, statistics))
    let listing = responses.resolved(for: statistics.responses)
    if responses == .automatic && listing == .summary, let answers = statistics.responses {
      printError(
        "responses: \(answers.exchanges.count) exchanges summarised, not listed"
          + " (over \(ResponseListing.automaticLimit)); --responses full lists them")
    }
    if printing.format == .csv {
      try writeCSV(statistics, listing: listing)
      return
    }
    try output.emit(protecting: input.protectedPaths) { sink in
      try StatisticsPrinter.write(
        statistics, as: printing.format, rowLimit: printing.rows, responses: listing,
        threads: threads.resolved, to: sink)
    }
  }
}

extension StatsCommand {
  /// `--format csv`: the table `--table` names to the output, or every table into -o's folder.
  func writeCSV(_ statistics: Statistics, listing: ResponseListing) throws {
    let csv = StatisticsPrinter.csvTables(statistics, responses: listing)
    guard let table else {
      try writeTableFolder(
        csv.tables.map { ($0.name, $0.text) }, to: output.output ?? ".",
        protecting: input.protectedPaths)
      return
    }
    if let found = csv.table(named: table) {
      try output.emit(found.text, protecting: input.protectedPaths)
    } else if csv.notListed.contains(table) {
      throw CommandFailure.usage(
        "--table \(table): a summary counts this table without listing it; "
          + "--responses full lists it")
    } else {
      throw CommandFailure.usage(
        "--table \(table): no such table (these statistics have: "
          + csv.tables.map(\.name).joined(separator: ", ") + ")")
    }
  }
}

struct SourcesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sources",
    abstract: "What each source reports, and every disagreement between sources.",
    discussion: """
      Lists, per source, the actions it reports and their totals; then the claims that \
      disagree, the actors a source leaves out, and each figure a source states checked \
      against the data (json: docs/sources.schema.json).
      """
  )

  @OptionGroup var input: InputOptions
  @OptionGroup var selection: SelectionOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var printing: PrintingArguments
  @OptionGroup var listing: SourceListingOptions

  func run() throws {
    let document = try input.load()
    let data = document.dataSet
    let chosen = try selection.selection(in: data)
    let analysis = try SourceAnalysis(
      try Network(data, selection: chosen), listing: listing.listing)
    listing.noteLeftOut(analysis)
    let text = StatisticsPrinter.render(
      analysis, title: data.title, selection: chosen, as: printing.format,
      rowLimit: printing.rows)
    try output.emit(text, protecting: input.protectedPaths)
  }
}
