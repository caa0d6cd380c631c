import DiploGraph
import Foundation

/// Draws DOT documents with libgraphviz, in process.
///
/// Every call into Graphviz holds one process-wide lock (Graphviz is not thread-safe), so
/// renders from many threads or tasks run one at a time. The synchronous methods run on the
/// caller's thread; the `async` ones move the work to a dedicated thread so a long layout never
/// occupies Swift's cooperative pool. A layout cannot be interrupted in process: the
/// ``EnginePolicy`` refuses `dot` on graphs where it would take minutes, and with a
/// ``LayoutIsolation`` the layouts not known to be fast run in a child process that is stopped
/// at a time limit.
///
/// A layout that may crash Graphviz (``EnginePolicy/isCrashProne(_:engine:)``: a diagram with
/// clusters) never runs in the caller's process by default: it runs in the ``isolation``, or,
/// without one, in the package's helper program found by ``LayoutIsolation`` (with the default
/// time limit), and is refused (an `isolation` error) when the helper is missing.
///
/// Output is deterministic (same document, engine and format: same bytes) for every engine but
/// `fdp`, see ``LayoutEngine/isReproducibleInProcess``.
public struct Renderer: Sendable {
  public var policy: EnginePolicy
  /// Where layouts not known to be fast run, under a time limit; `nil`: every layout in
  /// process, without a limit (see ``LayoutIsolation``).
  public var isolation: LayoutIsolation?
  /// Whether a layout that may crash Graphviz runs in this process when there is no
  /// ``isolation``; `false` (the default): it runs in a child process all the same.
  public var allowsCrashProneLayoutsInProcess: Bool

  /// A renderer.
  ///
  /// - Parameters:
  ///   - policy: which engine, and which layouts are known to be fast or may crash.
  ///   - isolation: where layouts not known to be fast run; `nil`: in process (but see
  ///     `allowsCrashProneLayoutsInProcess`).
  ///   - allowsCrashProneLayoutsInProcess: let a layout that may crash Graphviz run in this
  ///     process (it may end the process) when there is no isolation.
  public init(
    policy: EnginePolicy = .standard, isolation: LayoutIsolation? = nil,
    allowsCrashProneLayoutsInProcess: Bool = false
  ) {
    self.policy = policy
    self.isolation = isolation
    self.allowsCrashProneLayoutsInProcess = allowsCrashProneLayoutsInProcess
  }

  /// Lays out and draws `document`.
  ///
  /// - Parameters:
  ///   - engine: the layout engine; `nil` lets ``policy`` choose (dot for small graphs, sfdp
  ///     beyond).
  ///   - format: SVG (always available), PNG or PDF (see ``availableFormats()``).
  ///   - force: run `dot` even on a graph beyond ``EnginePolicy/dotLimit``.
  /// The text is checked against the writer's grammar (``DOTGrammar``) before Graphviz sees
  /// it. With an ``isolation``, a layout not known to be fast (or any, when the isolation says
  /// `always`) runs in a child process and is stopped at the isolation's time limit.
  ///
  /// - Throws: ``DiploRenderError``: `limit` (dot refused, or the time limit reached),
  ///   `unsupportedFormat`, `layout` (also when Graphviz crashed in the child process),
  ///   `render`, `syntax` (with Graphviz's own message), `isolation` (a layout that may crash
  ///   Graphviz, no isolation and the helper program not found).
  /// - Complexity: that of the engine; see ``EnginePolicy`` for measured times.
  public func render(
    _ document: DOTDocument, engine: LayoutEngine? = nil, format: RenderFormat = .svg,
    force: Bool = false
  ) throws -> Rendering {
    let choice = try policy.choose(for: document, requested: engine, force: force)
    try DOTGrammar.check(document.text)
    try CharacterReferences.check(document.text)
    let output: Graphviz.Output
    var isolated = false
    let crashProne = policy.isCrashProne(document, engine: choice.engine)
    var isolation = self.isolation
    if isolation == nil && crashProne && !allowsCrashProneLayoutsInProcess {
      isolation = try Self.isolationForCrashProneLayouts()
    }
    if let isolation,
      isolation.always || crashProne || !policy.isKnownFast(document, engine: choice.engine)
    {
      output = try isolation.render(dot: document.text, engine: choice.engine, format: format)
      isolated = true
    } else {
      output = try Graphviz.render(dot: document.text, engine: choice.engine, format: format)
    }
    guard !output.bytes.isEmpty else {
      throw DiploRenderError(
        .render,
        "Graphviz drew nothing (an empty \(format.rawValue.uppercased())); expected a drawing"
          + Self.saying(output.warnings))
    }
    // Labels that Graphviz placed too close together are moved apart (``LabelSpacing``).
    return Rendering(
      bytes: format == .svg ? LabelSpacing.apply(output.bytes) : output.bytes, format: format,
      engine: choice, warnings: output.warnings,
      inChildProcess: isolated)
  }

  /// ``render(_:engine:format:force:)`` on a dedicated thread, off the cooperative pool.
  public func render(
    _ document: DOTDocument, engine: LayoutEngine? = nil, format: RenderFormat = .svg,
    force: Bool = false
  ) async throws -> Rendering {
    try await Self.offPool { try render(document, engine: engine, format: format, force: force) }
  }

  /// An SVG ready to be placed in a web page (see ``EmbeddableSVG``).
  public func embeddableSVG(
    _ document: DOTDocument, engine: LayoutEngine? = nil, options: SVGEmbedding, force: Bool = false
  ) throws -> EmbeddedSVG {
    let rendering = try render(document, engine: engine, format: .svg, force: force)
    let svg = try EmbeddableSVG.make(
      from: rendering.bytes, options: options, title: document.title,
      description: document.summary)
    return EmbeddedSVG(
      svg: svg, engine: rendering.engine, warnings: rendering.warnings,
      inChildProcess: rendering.inChildProcess)
  }

  /// ``embeddableSVG(_:engine:options:force:)`` on a dedicated thread, off the cooperative pool.
  public func embeddableSVG(
    _ document: DOTDocument, engine: LayoutEngine? = nil, options: SVGEmbedding, force: Bool = false
  ) async throws -> EmbeddedSVG {
    try await Self.offPool {
      try embeddableSVG(document, engine: engine, options: options, force: force)
    }
  }

  /// The formats this machine's Graphviz can draw; SVG always, PNG and PDF with the cairo
  /// plugin (or gd for PNG).
  public static func availableFormats() throws -> Set<RenderFormat> {
    try Graphviz.availableFormats()
  }

  /// The version of the linked Graphviz (`2.43.0`).
  public static func graphvizVersion() throws -> String { try Graphviz.version() }

  /// Renders raw DOT text: for tests and for this module only. Public callers pass a
  /// ``DOTDocument``, so data-set text reaches Graphviz only through the writer's escaping.
  func render(dot: String, engine: LayoutEngine = .dot, format: RenderFormat = .svg) throws
    -> [UInt8]
  {
    try Graphviz.render(dot: dot, engine: engine, format: format).bytes
  }

  /// `` (it said: …)`` with Graphviz's last warnings, or nothing.
  private static func saying(_ warnings: [String]) -> String {
    warnings.isEmpty ? "" : " (it said: \(warnings.suffix(3).joined(separator: "; ").prefix(300)))"
  }

  /// The isolation of a crash-prone layout when the renderer has none: the helper program with
  /// the default time limit.
  ///
  /// - Throws: ``DiploRenderError`` with code `isolation`, saying why the layout needs it.
  private static func isolationForCrashProneLayouts() throws -> LayoutIsolation {
    do {
      return try LayoutIsolation()
    } catch let error as DiploRenderError {
      throw DiploRenderError(
        .isolation,
        "a diagram with clusters is laid out only in a separate process (Graphviz 2.43 can "
          + "crash on it): \(error.message)")
    }
  }

  /// Runs `work` on a new thread and resumes the caller with its result.
  private static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T)
    async throws -> T
  {
    try await withCheckedThrowingContinuation { continuation in
      let thread = Thread {
        continuation.resume(with: Result { try work() })
      }
      // Graphviz's layouts recurse deeply on large graphs.
      thread.stackSize = 16 << 20
      thread.start()
    }
  }
}

/// What a render gives back.
public struct Rendering: Sendable {
  /// The drawing: SVG text (UTF-8) or PNG/PDF bytes.
  public var bytes: [UInt8]
  public var format: RenderFormat
  /// The engine used, and whether the policy chose it.
  public var engine: EngineChoice
  /// Graphviz's warnings (a font not found, …), in order.
  public var warnings: [String]
  /// Whether the layout ran in a child process (see ``LayoutIsolation``).
  public var inChildProcess = false

  /// The SVG text, when the format is SVG.
  public var svg: String? { format == .svg ? String(decoding: bytes, as: UTF8.self) : nil }
}

/// An embeddable SVG and how it was made.
public struct EmbeddedSVG: Sendable {
  public var svg: String
  public var engine: EngineChoice
  public var warnings: [String]
  /// Whether the layout ran in a child process (see ``LayoutIsolation``).
  public var inChildProcess = false
}
