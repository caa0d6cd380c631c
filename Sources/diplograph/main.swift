import ArgumentParser
import DiploGraph
import DiploRender

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct Diplograph: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diplograph",
    abstract: "Graphs of diplomatic expulsions: statistics, diagrams and reports.",
    discussion: """
      Every command reads a data set: a canonical .json file, an actions .csv file (with an \
      actors.csv beside it or given by --actors), a folder holding actions.csv, or - for \
      standard input. Output goes to standard output, or with -o to a file written atomically \
      (never over the input).

      Exit status: 0 ok, 1 data error (the input is malformed or invalid), 2 usage error, \
      3 input/output error, 4 rendering error (Graphviz failed, refused or timed out).
      """,
    version: "0.1.0",
    subcommands: [
      ValidateCommand.self, StatsCommand.self, SourcesCommand.self, RenderCommand.self,
      ReportCommand.self, ConvertCommand.self,
    ]
  )
}

/// Runs the command line and maps every error to its message and exit status, in one place.
enum Main {
  static func run() -> Never {
    do {
      var command = try Diplograph.parseAsRoot()
      try command.run()
      exit(0)
    } catch {
      exit(report(error))
    }
  }

  /// Prints `error` the way users see it and returns the exit status.
  static func report(_ error: Error) -> Int32 {
    switch error {
    case let error as DiploGraphError:
      printError(error.description)
      return error.code == .io ? ExitStatus.io : ExitStatus.data
    case let error as DiploRenderError:
      printError(error.description)
      return ExitStatus.render
    case let error as CommandFailure:
      if !error.message.isEmpty { printError(error.message) }
      return error.status
    default:
      let code = Diplograph.exitCode(for: error)
      let text = Diplograph.fullMessage(for: error)
      if code == .success {
        print(text)
        return 0
      }
      if !text.isEmpty { printError(text) }
      // The argument parser's own errors are usage errors.
      return code == .validationFailure ? ExitStatus.usage : code.rawValue
    }
  }
}

Main.run()
