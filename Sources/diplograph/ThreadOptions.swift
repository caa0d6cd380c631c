import ArgumentParser
import DiploGraph

/// `--threads N`: the threads of the parallel stages (reading, summing the links, the
/// statistics sections, the null models' samples), for the commands where work is parallel.
struct ThreadOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Threads for the parallel work (reading, links, statistics, null models), 1 to 1024; default: the machine's cores. The output is the same for every number.",
      valueName: "n"))
  var threads: Int?

  func validate() throws {
    if let threads, !(1...Parallelism.maxThreads).contains(threads) {
      throw ValidationError(
        "--threads expects a number from 1 to \(Parallelism.maxThreads), found \(threads)")
    }
  }

  /// The threads asked for, or the machine's cores.
  var resolved: Int { threads ?? Parallelism.cores }

  /// `options` with these threads.
  func applied(to options: AnalysisOptions) -> AnalysisOptions {
    var options = options
    options.threads = threads
    return options
  }
}
