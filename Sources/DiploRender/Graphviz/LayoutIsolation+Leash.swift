internal import CGraphviz
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// The layout child's own leash: it dies with the program that started it, and at its own
// deadline, whatever happens to the parent (killed with SIGKILL, it cannot stop the child).

extension LayoutIsolation {
  /// The environment variable that gives the child its parent's process id.
  static let parentVariable = "DIPLOGRAPH_LAYOUT_PARENT"
  /// The environment variable that gives the child its time limit, in seconds.
  static let deadlineVariable = "DIPLOGRAPH_LAYOUT_SECONDS"
  /// Seconds the child's own deadline leaves after the parent's, so that the parent, which
  /// stops the child at its limit and says so, normally acts first.
  static let deadlineGrace = 2.0

  /// The variables the parent adds to the child's environment: its process id, the time
  /// limit, and Swift's backtracer turned off.
  func childEnvironment() -> [String: String] {
    [
      Self.parentVariable: String(getpid()), Self.deadlineVariable: String(timeLimit),
      // A crash's message is glibc's and Graphviz's last lines, not Swift's backtrace.
      "SWIFT_BACKTRACE": "enable=no",
    ]
  }

  /// Ties the child to its parent, first thing in the child.
  ///
  /// - On Linux, `PR_SET_PDEATHSIG`: the kernel sends SIGKILL to the child when the thread
  ///   that started it ends, the parent's death included. When the parent died before this
  ///   call (it is no longer alive), the child ends at once.
  /// - Everywhere, an alarm (`alarm(2)`) at the time limit plus ``deadlineGrace``: SIGALRM,
  ///   whose default action ends the process, stops a layout that outlives it.
  ///
  /// Without the variables (the helper run by hand), neither applies.
  static func leashChild(environment: [String: String]) {
    if let parent = environment[parentVariable].flatMap({ Int32($0) }), parent > 1 {
      #if os(Linux)
        _ = diplograph_die_with_parent(SIGKILL)
      #endif
      if kill(parent, 0) != 0 && errno == ESRCH { _exit(70) }
    }
    if let seconds = environment[deadlineVariable].flatMap({ Double($0) }), seconds > 0,
      seconds <= 1e6
    {
      signal(SIGALRM, SIG_DFL)
      alarm(UInt32((seconds + deadlineGrace).rounded(.up)))
    }
  }
}
