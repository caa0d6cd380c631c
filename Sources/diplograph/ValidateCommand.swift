import ArgumentParser
import DiploGraph

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check a data set and list every problem with its place.",
    discussion: """
      Prints each error and warning as FILE:LINE:COLUMN: severity: message (CSV: the record \
      and column too), then a one-line verdict. Exits 1 when there is an error (or, with \
      --strict, a warning).
      """
  )

  @OptionGroup var input: InputOptions
  @OptionGroup var threads: ThreadOptions

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  @Flag(name: .shortAndLong, help: "Print only the problems, not the verdict.")
  var quiet = false

  func run() throws {
    let document = try input.read(threads: threads.threads)
    let diagnostics = Validator.validate(document, threads: threads.threads)
    var text = ""
    for d in diagnostics { text += d.description + "\n" }
    // A capped list ends with a diagnostic that stands for the problems left out.
    let unlisted = diagnostics.reduce(0) { $0 + $1.unlisted }
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    let name = input.file == "-" ? "<stdin>" : input.file
    let failed = errors > 0 || (strict && warnings > 0)
    if !quiet {
      text += ReferenceOptions.report(
        runActorMapping, limit: max(0, maxListedDiagnostics - diagnostics.count))
      let data = document.dataSet
      let counts =
        "\(data.actions.count) actions, \(data.actors.count) actors, \(data.blocs.count) blocs, "
        + "\(data.sources.count) sources, \(data.figures.count) reported figures"
      let verdict = failed ? "invalid" : "valid"
      let more = unlisted > 0 ? " and \(unlisted) more problem(s) not listed" : ""
      text +=
        "\(name): \(verdict) — \(errors) error(s), \(warnings) warning(s)\(more); \(counts)\n"
    }
    try writeStandardOutput(Array(text.utf8))
    if failed { throw CommandFailure(message: "", status: ExitStatus.data) }
  }
}
