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

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  @Flag(name: .shortAndLong, help: "Print only the problems, not the verdict.")
  var quiet = false

  func run() throws {
    var limits = DataSetFile.Limits()
    limits.maxBytes = input.maxInputBytes
    let document = try DataSetFile.read(
      input.file, actors: input.actors, format: input.inputFormat, limits: limits)
    let diagnostics = Validator.validate(document)
    for d in diagnostics { print(d.description) }
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    let name = input.file == "-" ? "<stdin>" : input.file
    let failed = errors > 0 || (strict && warnings > 0)
    if !quiet {
      let data = document.dataSet
      let counts =
        "\(data.actions.count) actions, \(data.actors.count) actors, \(data.blocs.count) blocs, "
        + "\(data.sources.count) sources, \(data.figures.count) reported figures"
      let verdict = failed ? "invalid" : "valid"
      print("\(name): \(verdict) — \(errors) error(s), \(warnings) warning(s); \(counts)")
    }
    if failed { throw CommandFailure(message: "", status: ExitStatus.data) }
  }
}
