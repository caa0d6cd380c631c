import Foundation

/// Where a layout that may run long is done, so that it can be stopped: a child process.
///
/// A Graphviz layout cannot be interrupted in process (its engines have no cancellation and
/// hold the global lock), and dot or circo on a dense graph can run for hours. With an isolation
/// set, the ``Renderer`` hands every layout it does not know to be fast (see
/// ``EnginePolicy/isKnownFast(_:engine:)``), or every layout when ``always`` is set, to a child
/// process of a program that serves ``serveChild()``, and kills it (SIGKILL) when it outlives
/// ``timeLimit``. A crash of Graphviz in the child (its 2.43 parser and layouts have known
/// memory-safety flaws) becomes an error of the render, not of the caller's process.
///
/// The command line runs itself: `diplograph` has a hidden command that calls ``serveChild()``.
/// The child receives DOT text made by ``DOTWriter`` and checks it against the writer's grammar
/// before Graphviz sees it, so the hidden command cannot be used to feed Graphviz other DOT.
///
/// The protocol (one request per process): standard input holds a line
/// `diplograph-layout 1 <engine> <format>` and then the DOT text; standard output holds one
/// line of JSON (`{"warnings":[…],"length":n}` or `{"code":"…","message":"…"}`) and then, on
/// success, the n bytes of the drawing.
public struct LayoutIsolation: Hashable, Sendable {
  /// The default ``timeLimit``: two minutes.
  public static let defaultTimeLimit = 120.0

  /// The program to run (an absolute path) and its arguments; it must call ``serveChild()``.
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

  /// The first line of a request.
  static let requestMagic = "diplograph-layout 1"
  /// The largest request a child reads (DOT text of a huge graph is a few hundred MiB).
  static let maxRequestBytes = 1 << 31

  struct Response: Codable {
    var warnings: [String]?
    var length: Int?
    var code: String?
    var message: String?
  }

  // MARK: Parent

  /// Lays out and draws `dot` (text made by ``DOTWriter``) in a child process.
  func render(dot: String, engine: LayoutEngine, format: RenderFormat) throws -> Graphviz.Output {
    var request = Array("\(Self.requestMagic) \(engine.rawValue) \(format.rawValue)\n".utf8)
    request.append(contentsOf: dot.utf8)
    let outcome = try ChildProcess.run(
      executable: executable, arguments: arguments, input: request, limit: timeLimit)
    switch outcome.ending {
    case .timedOut:
      var ways = engine == .sfdp ? [] : ["use a faster engine (sfdp)"]
      ways.append("draw fewer actors (select with --actor, --bloc, --kind, --since or --until)")
      ways.append("allow more time (--timeout)")
      throw DiploRenderError(
        .limit,
        "the \(engine.rawValue) layout did not finish within the time limit of "
          + "\(Self.seconds(timeLimit)) and was stopped; "
          + ways.dropLast().joined(separator: ", ") + ", or " + ways[ways.count - 1])
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
      let response = try? JSONDecoder().decode(
        Response.self, from: Data(outcome.output[..<newline]))
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

  // MARK: Child

  /// Serves one request on standard input and output: the body of the command line's hidden
  /// layout command. Returns the exit status (0 when an answer was written, even an error).
  public static func serveChild() -> Int32 {
    let input = FileHandle.standardInput
    var request: [UInt8] = []
    while true {
      guard let chunk = try? input.read(upToCount: 1 << 20), !chunk.isEmpty else { break }
      guard request.count + chunk.count <= maxRequestBytes else {
        return answer(
          Response(code: DiploRenderError.Code.limit.rawValue, message: "the request is too large"))
      }
      request.append(contentsOf: chunk)
    }
    let response: Response
    var body: [UInt8] = []
    do {
      guard let newline = request.firstIndex(of: 0x0A) else {
        throw DiploRenderError(.syntax, "not a layout request")
      }
      let header = String(decoding: request[..<newline], as: UTF8.self).split(separator: " ")
      guard header.count == 4, header[0...1].joined(separator: " ") == requestMagic,
        let engine = LayoutEngine(rawValue: String(header[2])),
        let format = RenderFormat(rawValue: String(header[3]))
      else { throw DiploRenderError(.syntax, "not a layout request") }
      let dot = String(decoding: request[(newline + 1)...], as: UTF8.self)
      try DOTGrammar.check(dot)
      let output = try Graphviz.render(dot: dot, engine: engine, format: format)
      body = output.bytes
      response = Response(warnings: output.warnings, length: body.count)
    } catch let error as DiploRenderError {
      response = Response(code: error.code.rawValue, message: error.message)
    } catch {
      response = Response(code: DiploRenderError.Code.layout.rawValue, message: "\(error)")
    }
    return answer(response, body: body)
  }

  private static func answer(_ response: Response, body: [UInt8] = []) -> Int32 {
    var out = (try? JSONEncoder().encode(response)).map { Array($0) } ?? Array("{}".utf8)
    out.append(0x0A)
    out.append(contentsOf: body)
    do {
      try FileHandle.standardOutput.write(contentsOf: Data(out))
      return 0
    } catch {
      return 3
    }
  }
}
