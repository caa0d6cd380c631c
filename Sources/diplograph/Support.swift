import ArgumentParser
import DiploGraph
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The exit statuses the command line documents.
enum ExitStatus {
  static let data: Int32 = 1
  static let usage: Int32 = 2
  static let io: Int32 = 3
  static let render: Int32 = 4
}

/// A failure the command itself detects (invalid data found by `validate`, a bad option value),
/// with the status to exit with. Its message is printed as is.
struct CommandFailure: Error {
  var message: String
  var status: Int32

  static func usage(_ message: String) -> CommandFailure {
    CommandFailure(message: "error: \(message)", status: ExitStatus.usage)
  }
}

/// Writes a line to standard error (a closed or full standard error is ignored: there is
/// nowhere left to say so).
func printError(_ text: String) {
  var line = text
  if !line.hasSuffix("\n") { line += "\n" }
  _ = Array(line.utf8).withUnsafeBytes { AtomicFile.writeAll(2, $0) }
}

/// Writes `bytes` to standard output.
///
/// - Throws: ``DiploGraphError`` with code `io` when it cannot (a full disk, a closed pipe when
///   SIGPIPE is ignored), instead of the trap of `FileHandle.write(_:)`.
func writeStandardOutput(_ bytes: [UInt8]) throws {
  try bytes.withUnsafeBytes { try writeStandardOutput($0) }
}

/// Writes `raw` to standard output, with the errors of ``writeStandardOutput(_:)-([UInt8])``.
func writeStandardOutput(_ raw: UnsafeRawBufferPointer) throws {
  if let failure = AtomicFile.writeAll(1, raw) {
    throw DiploGraphError(.io, "cannot write to standard output: \(failure)")
  }
}

/// The data set this run reads, as messages name it: ``Main/report(_:)`` puts it on errors of
/// the data that carry no place of their own (a sum of counts past 64 bits). Set once, by
/// ``InputOptions/read()``, before any such error can happen.
nonisolated(unsafe) var runInputName: String?

/// Where the data set comes from.
struct InputOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "The data set: a .json file, an actions .csv file, a folder holding actions.csv, a GDELT, ICEWS or POLECAT event file (any of them also .gz or a one-file .zip), or - for standard input.",
      valueName: "file"))
  var file: String

  @Option(
    help: ArgumentHelp(
      "For a CSV data set: its actors file (default: actors.csv beside actions.csv).",
      valueName: "file"))
  var actors: String?

  @Option(
    help:
      "The input's format when its name and content do not tell (json, csv, gdelt, icews or polecat; standard input is json unless told)."
  )
  var inputFormat: DataSetFile.Format?

  @Option(
    help: ArgumentHelp(
      "For event data: the CAMEO codes of the events kept, each with the codes under it (161,1313; 16 for a whole root; all), or for POLECAT PLOVER types and modes (sanction; sanction/expel@diplomatic). Default: 161, reduce or break diplomatic relations; POLECAT: sanction/expel and sanction/withdraw in a diplomatic context.",
      valueName: "codes"))
  var codes: String?

  @Option(
    help:
      "For event data: none, or day to keep one event per actor, target, code and day (with every source)."
  )
  var dedupe: EventData.Dedupe = .none

  @Option(
    help:
      "What an action weighs: count (diplomats), events (1 each) or mentions (event data's news mentions). Default: count where the data has counts, else events."
  )
  var weight: ActionWeight?

  @Option(help: ArgumentHelp("Refuse inputs larger than this many bytes.", valueName: "n"))
  var maxInputBytes: Int = DataSetFile.Limits.defaultMaxBytes

  @Option(help: ArgumentHelp("Refuse data sets of more actions than this.", valueName: "n"))
  var maxActions: Int = DataSetFile.Limits.defaultMaxActions

  @Option(
    help: ArgumentHelp(
      "Refuse data sets of more distinct actors (declared or named by an action) than this.",
      valueName: "n"))
  var maxActors: Int = DataSetFile.Limits.defaultMaxActors

  @Option(help: ArgumentHelp("Refuse CSV records longer than this many bytes.", valueName: "n"))
  var maxRecordBytes: Int = DataSetFile.Limits.defaultMaxRecordBytes

  @Option(
    help: ArgumentHelp(
      "Refuse JSON inputs of more values than this (the parse tree's memory).", valueName: "n"))
  var maxJsonValues: Int = JSON.Limits().maxValues

  @OptionGroup var reference: ReferenceOptions
  @OptionGroup var spreadsheet: SpreadsheetOptions

  /// The option that raises a reading limit, if one does.
  static func option(raising limit: DiploGraphError.Limit.Name) -> String? {
    switch limit {
    case .maxBytes: "--max-input-bytes"
    case .maxActions: "--max-actions"
    case .maxActors: "--max-actors"
    case .maxRecordBytes: "--max-record-bytes"
    case .maxJSONValues: "--max-json-values"
    case .maxJSONDepth: nil
    }
  }

  func validate() throws {
    for (limit, value) in [
      (DiploGraphError.Limit.Name.maxBytes, maxInputBytes), (.maxActions, maxActions),
      (.maxActors, maxActors), (.maxRecordBytes, maxRecordBytes), (.maxJSONValues, maxJsonValues),
    ] where value < 1 {
      throw ValidationError("\(Self.option(raising: limit)!) expects a number ≥ 1, found \(value)")
    }
    if maxActions > Int(Int32.max) {
      throw ValidationError("--max-actions expects at most \(Int32.max), found \(maxActions)")
    }
    if let codes, EventCodeFilter(parsing: codes) == nil, PLOVERFilter(parsing: codes) == nil {
      throw ValidationError(
        "--codes expects CAMEO codes of 2 to 4 digits separated by commas, PLOVER types and modes (sanction/expel@diplomatic), or all; found \"\(codes)\""
      )
    }
  }

  /// How event data is read: the codes kept and the dedupe the options choose.
  var eventOptions: EventData.ReadOptions {
    EventData.ReadOptions(
      codes: codes.flatMap(EventCodeFilter.init(parsing:)) ?? .diplomaticConflict,
      plover: codes.flatMap(PLOVERFilter.init(parsing:)), dedupe: dedupe)
  }

  /// The reading limits the options set.
  var limits: DataSetFile.Limits {
    var limits = DataSetFile.Limits(
      maxBytes: maxInputBytes, maxActions: maxActions, maxActors: maxActors,
      maxRecordBytes: maxRecordBytes, json: JSON.Limits(maxValues: maxJsonValues))
    limits.sheet = (try? spreadsheet.sheet()) ?? CSVFormat.Sheet()
    return limits
  }

  /// The files this run reads (a folder's `actions.csv` and `actors.csv`, an `actors.csv` found
  /// beside `actions.csv`), which no output may overwrite.
  var protectedPaths: [String] {
    DataSetFile.inputFiles(file, actors: actors, format: inputFormat)
  }

  /// Reads the data set, with every reading problem listed (for `validate`).
  ///
  /// - Parameter threads: the reader's threads (`--threads`); `nil` for the cores.
  func read(threads: Int? = nil) throws -> Document {
    runInputName = file == "-" ? "<stdin>" : file
    var threadLimits = limits
    threadLimits.threads = threads
    var document = try DataSetFile.read(
      file, actors: actors, format: inputFormat, limits: threadLimits, events: eventOptions)
    if weight == .mentions && !document.dataSet.actions.hasMentions {
      throw CommandFailure.usage(
        "--weight mentions: the data set has no mentions (event data such as GDELT has them)")
    }
    document.dataSet.weight = weight
    reference.apply(to: &document.dataSet)
    return document
  }

  /// Reads the data set and stops the command (exit 1, messages on stderr) when it has errors.
  func load(threads: Int? = nil) throws -> Document {
    let document = try read(threads: threads)
    let diagnostics = Validator.validate(document, threads: threads)
    let errors = diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty {
      for d in errors.prefix(20) { printError(d.description) }
      // The lists are capped: past the cap, a last diagnostic stands for the problems left out.
      let unlisted = diagnostics.reduce(0) { $0 + $1.unlisted }
      let listed = errors.filter { $0.unlisted == 0 }.count
      let found =
        unlisted > 0
        ? "\(listed) error(s) and \(unlisted) more problem(s) not listed"
        : "\(errors.count) error(s)"
      let more = listed > 20 ? " (\(listed - 20) more not shown)" : ""
      let name = file == "-" ? "<stdin>" : file
      throw CommandFailure(
        message:
          "\(name): error: found \(found) in the data set\(more); expected none "
          + "(`diplograph validate` lists \(unlisted > 0 ? "the first of them" : "them all"))",
        status: ExitStatus.data)
    }
    return document
  }
}

extension DataSetFile.Format: ExpressibleByArgument {}
extension EventData.Dedupe: ExpressibleByArgument {}
extension ActionWeight: ExpressibleByArgument {}
extension Selection.Side: ExpressibleByArgument {}

/// The selection options every command shares.
struct SelectionOptions: ParsableArguments {
  @Option(
    name: .customLong("kind"),
    help: ArgumentHelp(
      "Keep these kinds of action (repeat the option or separate with commas), e.g. expulsion,retaliation.",
      valueName: "kind"))
  var kinds: [String] = []

  @Option(
    help: ArgumentHelp(
      "Keep actions on or after this day (YYYY-MM-DD; YYYY-MM or YYYY: its first day).",
      valueName: "day"))
  var since: String?

  @Option(
    help: ArgumentHelp(
      "Keep actions on or before this day (YYYY-MM-DD; YYYY-MM or YYYY: its last day).",
      valueName: "day"))
  var until: String?

  @Option(
    name: .customLong("bloc"),
    help: ArgumentHelp(
      "Keep actions whose --side is in this bloc (repeatable, or commas).", valueName: "bloc"))
  var blocs: [String] = []

  @Option(
    name: .customLong("actor"),
    help: ArgumentHelp(
      "Keep actions whose --side is this actor (repeatable, or commas).", valueName: "actor"))
  var actors: [String] = []

  @Option(help: "Which end of an action --bloc and --actor look at: either, actor, target or both.")
  var side: Selection.Side = .either

  /// The selection, or a usage error naming the option that is wrong.
  func selection(in dataSet: DataSet) throws -> Selection {
    func list(_ values: [String]) -> [String] {
      values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
    }
    func day(_ text: String?, _ option: String) throws -> Day? {
      guard let text else { return nil }
      guard let day = Day(bound: text, end: option == "until") else {
        throw CommandFailure.usage(
          "--\(option) expects a day as YYYY-MM-DD (or a month YYYY-MM, a year YYYY), found "
            + "\"\(text)\"")
      }
      return day
    }
    var selection = Selection(side: side)
    let kindList = list(kinds)
    if !kindList.isEmpty { selection.kinds = try kindSelection(kindList, in: dataSet) }
    selection.since = try day(since, "since")
    selection.until = try day(until, "until")
    if let since = selection.since, let until = selection.until, since > until {
      throw CommandFailure.usage("--since \(since) is after --until \(until)")
    }
    let straddling = selection.straddling(in: dataSet)
    if !straddling.isEmpty {
      let total = straddling.reduce(0) { $0 + $1.actions }
      let periods = straddling.prefix(5).map { "\($0.period) (\($0.actions))" }
      printError(
        "warning: \(total) action(s) dated to a month or year only straddle --since/--until and "
          + "are left out: " + periods.joined(separator: ", ")
          + (straddling.count > 5 ? ", …" : "") + " (docs/spreadsheets.md)")
    }
    let blocList = list(blocs)
    if !blocList.isEmpty {
      try ReferenceOptions.checkBlocs(blocList, option: "--bloc", in: dataSet)
      selection.blocs = Set(blocList.map { BlocID($0) })
    }
    let actorList = list(actors)
    if !actorList.isEmpty { selection.actors = Set(actorList.map { ActorID($0) }) }
    return selection
  }
}

/// Where the output goes.
struct OutputOptions: ParsableArguments {
  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp(
      "Write to this file (atomically) instead of standard output.", valueName: "file"))
  var output: String?

  /// Writes `bytes` to the output file (atomically, never over an input), or to standard
  /// output.
  func emit(_ bytes: [UInt8], protecting inputs: [String]) throws {
    try emit(protecting: inputs) { sink in try bytes.withUnsafeBytes { try sink($0) } }
  }

  /// Writes what `contents` hands to its sink, piece by piece: to the output file (atomically:
  /// all or nothing) or to standard output as it comes.
  func emit(
    protecting inputs: [String],
    contents: @escaping ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
  ) throws {
    if let output, output != "-" {
      try AtomicFile.write(to: output, protecting: inputs, contents: contents)
    } else {
      try contents { try writeStandardOutput($0) }
    }
  }

  /// The extension of `path` when it has one that is not among `known` (compared without
  /// case); `nil` for a known one, none, or standard output (`-`).
  static func unknownExtension(of path: String, known: [String]) -> String? {
    guard path != "-" else { return nil }
    let ext = (path as NSString).pathExtension
    return ext.isEmpty || known.contains(ext.lowercased()) ? nil : ext
  }

  func emit(_ text: String, protecting inputs: [String]) throws {
    var text = text
    try emit(protecting: inputs) { sink in
      try text.withUTF8 { try sink(UnsafeRawBufferPointer($0)) }
    }
  }
}

/// Values the command keeps until the process exits, for the process to drop them whole.
///
/// A data set of ten million actions and its statistics are millions of allocations: freeing
/// them one by one when a command returns took a few tenths of a second after the output was
/// complete. The command line exits right after its command (``Main/run()``), so nothing is
/// gained by freeing them first.
enum KeptUntilExit {
  nonisolated(unsafe) private static var values: [Any] = []

  /// Keeps `value` (on the main thread, where commands run).
  static func keep(_ value: Any) { values.append(value) }
}
