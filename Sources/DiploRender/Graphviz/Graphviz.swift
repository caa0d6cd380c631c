internal import CGraphviz
import Foundation

/// A Graphviz layout engine.
public enum LayoutEngine: String, Hashable, Sendable, CaseIterable {
  /// Hierarchical layers; the best picture for small directed graphs, slow on dense ones.
  case dot
  /// Spring model (stress majorisation).
  case neato
  /// Force-directed (Fruchterman–Reingold).
  case fdp
  /// Multiscale force-directed; the engine for large graphs.
  case sfdp
  /// Circular.
  case circo
  /// Radial, around a centre node.
  case twopi
}

/// What Graphviz draws into.
public enum RenderFormat: String, Hashable, Sendable, CaseIterable {
  case svg
  case png
  case pdf
}

/// The one error type of the rendering module.
public struct DiploRenderError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A stable identifier of the kind of failure.
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// Graphviz could not read the DOT text.
    public static let syntax = Code(rawValue: "graphviz-syntax")
    /// Graphviz failed to lay out the graph.
    public static let layout = Code(rawValue: "graphviz-layout")
    /// Graphviz failed to draw the laid-out graph.
    public static let render = Code(rawValue: "graphviz-render")
    /// The format (PNG, PDF) needs a Graphviz plugin this machine does not have.
    public static let unsupportedFormat = Code(rawValue: "unsupported-format")
    /// A graph too large for the chosen engine, or a layout over its time limit.
    public static let limit = Code(rawValue: "limit")
    /// The SVG Graphviz produced could not be post-processed.
    public static let svg = Code(rawValue: "svg")
  }

  public var code: Code
  public var message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { "error: \(message)" }
}

/// The single door to libgraphviz.
///
/// Graphviz keeps global state and is not thread-safe, so every call goes through one
/// process-wide lock and runs synchronously on the caller's thread. Its error messages are
/// collected through `agseterrf` while the lock is held and come back as ``DiploRenderError``s;
/// nothing is printed to stderr.
enum Graphviz {
  /// Guards every call into libgraphviz and `collectedMessages`.
  private static let lock = NSLock()
  /// Messages Graphviz reported during the current call (written only under `lock`).
  nonisolated(unsafe) private static var collectedMessages: [String] = []
  /// Created once, reused for every render (the first use loads the plugin registry).
  nonisolated(unsafe) private static var context: OpaquePointer? = nil

  /// Runs `body` with the lock held, the context created and Graphviz's messages captured.
  private static func withGraphviz<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    if context == nil {
      _ = agseterrf { message in
        if let message { Graphviz.collectedMessages.append(String(cString: message)) }
        return 0
      }
      context = gvContext()
    }
    guard let gvc = context else {
      throw DiploRenderError(.layout, "Graphviz could not create its context")
    }
    collectedMessages = []
    return try body(gvc)
  }

  /// The messages Graphviz reported, joined, without its trailing newlines.
  private static var messages: String {
    collectedMessages.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      .filter { !$0.isEmpty }.joined(separator: "; ")
  }

  /// Lays out DOT text with `engine` and draws it as `format`.
  ///
  /// Only DOT text made by this module's writer is meant to reach this function.
  static func render(dot: String, engine: LayoutEngine, format: RenderFormat) throws -> [UInt8] {
    try withGraphviz { gvc in
      guard !dot.isEmpty, let graph = agmemread(dot) else {
        let detail = messages
        throw DiploRenderError(
          .syntax, "Graphviz could not read the DOT text" + (detail.isEmpty ? "" : ": \(detail)"))
      }
      defer { agclose(graph) }
      // agmemread keeps unread input for the next call: drain it so one render never sees
      // another's leftovers.
      while let rest = agmemread("") { agclose(rest) }

      guard gvLayout(gvc, graph, engine.rawValue) == 0 else {
        throw DiploRenderError(
          .layout, "Graphviz could not lay out the graph with \(engine.rawValue): \(messages)")
      }
      defer { gvFreeLayout(gvc, graph) }

      var buffer: UnsafeMutablePointer<CChar>? = nil
      var length: UInt32 = 0
      guard gvRenderData(gvc, graph, format.rawValue, &buffer, &length) == 0, let buffer else {
        let detail = messages
        if detail.contains("not recognized") {
          throw DiploRenderError(
            .unsupportedFormat,
            "this Graphviz has no plugin for \(format.rawValue) output (install the cairo plugin,"
              + " Debian package libgvplugin-cairo… or graphviz); SVG is always available")
        }
        throw DiploRenderError(.render, "Graphviz could not draw \(format.rawValue): \(detail)")
      }
      defer { gvFreeRenderData(buffer) }
      return buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
        Array(UnsafeBufferPointer(start: $0, count: Int(length)))
      }
    }
  }
}
