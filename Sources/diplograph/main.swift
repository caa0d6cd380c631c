import ArgumentParser
import CMalloc
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
    // A closed pipe on standard output is an error of the write (EPIPE, exit 3), not a death
    // by SIGPIPE (exit 141).
    signal(SIGPIPE, SIG_IGN)
    // SIGTERM, SIGINT, SIGHUP: no temporary file of an output left behind.
    AtomicFile.removeTemporaryFilesOnSignals()
    // Columns of millions of values go back to the system when they are freed, so that the
    // peak memory is what is in use, not what the threads happened to free in which order
    // (10M actions: 790 MB every run, instead of 800 to 850 MB).
    diplograph_return_large_frees()
    // Every command that reads a data set names its actors through the reference tables:
    // they are built on the other core while the arguments are parsed.
    ReferenceData.prepareInBackground()
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
    case var error as DiploGraphError:
      if error.location == nil, error.code != .io, let name = runInputName {
        error.location = SourceLocation(file: name)
      }
      if let limit = error.limit, let option = InputOptions.option(raising: limit.name) {
        error.message = error.message(advice: "raise the limit with \(option)")
      }
      printError(error.description)
      return error.code == .io ? ExitStatus.io : ExitStatus.data
    case let error as DiploRenderError:
      printError(error.description(how: optionTaking))
      // A name or a style value given on the command line that is not one is a usage error.
      return error.code == .unknownName || error.code == .style
        ? ExitStatus.usage : ExitStatus.render
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
      printError(usageMessage(error, fullText: text))
      // The argument parser's own errors are usage errors.
      return code == .validationFailure ? ExitStatus.usage : code.rawValue
    }
  }
}

extension Main {
  /// The options by which a user takes a remedy of a rendering error, as its message names them.
  static func optionTaking(_ remedy: DiploRenderError.Remedy.Kind) -> String? {
    switch remedy {
    case .otherEngine: return nil
    case .fewerActors: return "select with --actor, --bloc, --kind, --since or --until"
    case .moreTime: return "--timeout"
    case .force: return "--force; the command line stops a layout after --timeout seconds"
    }
  }

  /// The argument parser's error in the shape of every other message, `error: what`, followed
  /// by its own usage lines.
  static func usageMessage(_ error: any Error, fullText: String) -> String {
    let message = Diplograph.message(for: error)
    var lines = fullText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // Its first line is `Error: <message>`; the rest, the usage and where to find help.
    if let first = lines.first, first.hasPrefix("Error: ") { lines.removeFirst() }
    let head = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
    let text = "error: " + head.prefix(1).lowercased() + head.dropFirst()
    return ([text] + lines.filter { !$0.isEmpty }).joined(separator: "\n")
  }
}

Main.run()
