import DiploGraph
import Foundation

/// Where a layout that may run long is done, so that it can be stopped: a child process.
///
/// A Graphviz layout cannot be interrupted in process (its engines have no cancellation and
/// hold the global lock), and dot or circo on a dense graph can run for hours. With an isolation
/// set, the ``Renderer`` hands every layout it does not know to be fast (see
/// ``EnginePolicy/isKnownFast(_:engine:)``), or every layout when ``always`` is set, to a child
/// process, and kills it (SIGKILL) when it outlives ``timeLimit``. A crash of Graphviz in the
/// child (its 2.43 parser and layouts have known memory-safety flaws) becomes an error of the
/// render, not of the caller's process.
///
/// The child is the package's own helper program, `diplograph-layout`, which
/// ``init(timeLimit:always:helper:)`` finds by itself (see ``helperPath(_:)``): any program
/// that uses the library gets time-limited layouts without serving anything itself. The child
/// receives DOT text made by ``DOTWriter`` and checks it against the writer's grammar before
/// Graphviz sees it, so the helper cannot be used to feed Graphviz other DOT.
///
/// The protocol (one request per process): standard input holds a line
/// `diplograph-layout 1 <engine> <format>` and then the DOT text; standard output holds one
/// line of JSON (`{"warnings":[…],"length":n}` or `{"code":"…","message":"…"}`) and then, on
/// success, the n bytes of the drawing.
public struct LayoutIsolation: Hashable, Sendable {
  /// The default ``timeLimit``: two minutes.
  public static let defaultTimeLimit = 120.0

  /// The program to run (an absolute path) and its arguments: the helper, or another program
  /// that speaks its protocol (a wrapper that runs the helper in a sandbox).
  public var executable: String
  public var arguments: [String]
  /// Seconds a layout in the child may take before it is stopped (a `limit` error).
  public var timeLimit: Double
  /// Run every layout in the child, also those known to be fast (set when the caller gave an
  /// explicit time limit).
  public var always: Bool

  public init(
    executable: String, arguments: [String], timeLimit: Double = LayoutIsolation.defaultTimeLimit,
    always: Bool = false
  ) {
    self.executable = executable
    self.arguments = arguments
    self.timeLimit = timeLimit
    self.always = always
  }

  /// An isolation that runs layouts in the package's helper program, found by
  /// ``helperPath(_:)``.
  ///
  /// - Parameter helper: the helper's path, when the caller knows it; `nil` to look for it.
  /// - Throws: ``DiploRenderError`` with code `isolation` when the helper is not found.
  public init(
    timeLimit: Double = LayoutIsolation.defaultTimeLimit, always: Bool = false,
    helper: String? = nil
  ) throws {
    self.init(
      executable: try Self.helperPath(helper), arguments: [], timeLimit: timeLimit, always: always)
  }

  // MARK: Finding the helper

  /// The name of the helper program, an executable product of this package.
  public static let helperName = "diplograph-layout"
  /// The environment variable that may name the helper's path.
  public static let helperVariable = "DIPLOGRAPH_LAYOUT"

  /// The helper's path: `explicit` when given, else the path in the environment variable
  /// `DIPLOGRAPH_LAYOUT`, else `diplograph-layout` beside the running executable.
  ///
  /// SwiftPM puts every executable a package builds in one folder, so a program whose target
  /// depends on the `diplograph-layout` product (as the command line, the examples and the tests
  /// do) finds it beside itself.
  ///
  /// - Throws: ``DiploRenderError`` with code `isolation` when the path given or named is not
  ///   an executable file, or when none is named and the helper is not beside the executable.
  public static func helperPath(_ explicit: String? = nil) throws -> String {
    try helperPath(
      explicit, named: ProcessInfo.processInfo.environment[helperVariable],
      program: currentExecutable())
  }

  /// ``helperPath(_:)`` with the variable's value and the running program given.
  static func helperPath(_ explicit: String?, named environment: String?, program: String) throws
    -> String
  {
    let (path, source): (String, String)
    if let explicit {
      (path, source) = (explicit, "the layout helper \(explicit)")
    } else if let environment, !environment.isEmpty {
      (path, source) = (environment, "\(helperVariable) names \(environment), which")
    } else {
      let beside = ((program as NSString).deletingLastPathComponent as NSString)
        .appendingPathComponent(helperName)
      guard FileManager.default.isExecutableFile(atPath: beside) else {
        throw DiploRenderError(
          .isolation,
          "the layout helper \(helperName) is not beside \(program) and \(helperVariable) is "
            + "not set; build the \(helperName) product with the program (a dependency of its "
            + "target) or set \(helperVariable) to its path")
      }
      return beside
    }
    guard FileManager.default.isExecutableFile(atPath: path) else {
      throw DiploRenderError(.isolation, "\(source) is not an executable file")
    }
    return path
  }

  /// The running program's path (Linux: /proc/self/exe, with links resolved).
  static func currentExecutable() -> String {
    #if os(Linux)
      if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        return path
      }
    #endif
    return Bundle.main.executablePath ?? CommandLine.arguments[0]
  }

  // MARK: Parent

  /// The first line of a request.
  static let requestMagic = "diplograph-layout 1"
  /// The largest request a child reads (DOT text of a huge graph is a few hundred MiB).
  static let maxRequestBytes = 1 << 31

  /// Lays out and draws `dot` (text made by ``DOTWriter``) in a child process.
  ///
  /// - Throws: ``DiploRenderError``: `limit` at the time limit (its remedies: a faster engine,
  ///   fewer actors, more time), `layout` when the child crashed or gave no answer, or the
  ///   child's own error.
  func render(dot: String, engine: LayoutEngine, format: RenderFormat) throws -> Graphviz.Output {
    var request = Array("\(Self.requestMagic) \(engine.rawValue) \(format.rawValue)\n".utf8)
    request.append(contentsOf: dot.utf8)
    let outcome = try ChildProcess.run(
      executable: executable, arguments: arguments, input: request, limit: timeLimit,
      environment: childEnvironment())
    switch outcome.ending {
    case .timedOut:
      var remedies: [DiploRenderError.Remedy] =
        engine == .sfdp ? [] : [.init(.otherEngine, "use a faster engine (sfdp)")]
      remedies.append(.init(.fewerActors, "draw fewer actors"))
      remedies.append(.init(.moreTime, "allow more time"))
      throw DiploRenderError(
        .limit,
        "the \(engine.rawValue) layout did not finish within the time limit of "
          + "\(Self.seconds(timeLimit)) and was stopped", remedies: remedies)
    case .signalled(let signal):
      throw DiploRenderError(
        .layout,
        "Graphviz stopped with \(ChildProcess.signalName(signal)) while laying out the graph "
          + "with \(engine.rawValue) (in a separate process; nothing else was affected); try "
          + "another engine (sfdp)" + Self.detail(outcome.errors))
    case .exited:
      break
    }
    guard let newline = outcome.output.firstIndex(of: 0x0A),
      let response = Response(line: outcome.output[..<newline])
    else {
      throw DiploRenderError(
        .layout,
        "the layout process \(executable) gave no answer" + Self.detail(outcome.errors))
    }
    let body = Array(outcome.output[(newline + 1)...])
    if let code = response.code {
      throw DiploRenderError(.init(rawValue: code), response.message ?? "the layout failed")
    }
    guard let length = response.length, length == body.count else {
      throw DiploRenderError(.layout, "the layout process's answer was cut short")
    }
    return Graphviz.Output(bytes: body, warnings: response.warnings ?? [])
  }

  /// `2 min`, `1.5 s`.
  static func seconds(_ value: Double) -> String {
    if value >= 60 && value.truncatingRemainder(dividingBy: 60) == 0 {
      return "\(Int(value / 60)) min"
    }
    if value == value.rounded() { return "\(Int(value)) s" }
    return "\(value) s"
  }

  /// The last lines the child wrote on its standard error, for a message.
  static func detail(_ errors: [UInt8]) -> String {
    let text = String(decoding: errors, as: UTF8.self)
      .split(separator: "\n").suffix(3).joined(separator: "; ")
    return text.isEmpty ? "" : " (it said: \(text.prefix(500)))"
  }
}
