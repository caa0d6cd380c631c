/// Problems kept up to a limit: the first `limit` in order and, of the others, how many and
/// whether any of them is an error. How every reader keeps its list short on a bad file (a
/// million malformed rows still make a thousand messages and a count).
struct CappedDiagnostics<Problem: Severe> {
  let limit: Int
  /// The problems kept, in the order they came.
  private(set) var kept: [Problem] = []
  /// How many were left out.
  private(set) var dropped = 0
  /// Whether an error was left out.
  private(set) var droppedErrors = false

  init(limit: Int) { self.limit = limit }

  /// Keeps `problem`, or counts it when the list is full.
  mutating func append(_ problem: Problem) {
    if kept.count < limit {
      kept.append(problem)
    } else {
      dropped += 1
      droppedErrors = droppedErrors || problem.severity == .error
    }
  }

  /// Counts `n` problems of `severity` left out without making them (the list is full).
  mutating func count(_ severity: Diagnostic.Severity, times n: Int = 1) {
    dropped += n
    droppedErrors = droppedErrors || (severity == .error && n > 0)
  }

  /// Keeps or counts each problem of `problems`, in order.
  mutating func append(contentsOf problems: some Sequence<Problem>) {
    for problem in problems { append(problem) }
  }

  /// Keeps or counts what `other` kept, as `transform` makes it, and counts what it left out.
  mutating func append<Other>(_ other: CappedDiagnostics<Other>, _ transform: (Other) -> Problem) {
    for problem in other.kept { append(transform(problem)) }
    dropped += other.dropped
    droppedErrors = droppedErrors || other.droppedErrors
  }
}

extension CappedDiagnostics where Problem == Diagnostic {
  /// The problems kept and, when some were left out, one more that says how many (an error
  /// when one of them is), at `location`.
  func listed(at location: SourceLocation) -> [Diagnostic] {
    guard dropped > 0 else { return kept }
    var summary = Diagnostic(
      droppedErrors ? .error : .warning,
      "\(dropped) more problem\(dropped == 1 ? "" : "s") not listed (only the first \(limit) "
        + "are)", at: location)
    summary.unlisted = dropped
    return kept + [summary]
  }
}

/// The most diagnostics a reader or the validator lists; beyond, one more says how many were
/// left out. Memory stays proportional to the input, not to the number of its problems.
public let maxListedDiagnostics = 1000

/// A problem with a severity.
protocol Severe {
  var severity: Diagnostic.Severity { get }
}

extension Diagnostic: Severe {}
