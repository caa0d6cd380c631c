internal import CGraphviz
import Foundation

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

  /// The messages Graphviz reported, one per line, without its "Error: "/"Warning: " prefixes.
  private static var messageList: [String] {
    // Graphviz reports a message in pieces (prefix, text); join them, then split on lines.
    collectedMessages.joined().split(separator: "\n").map { line -> String in
      var text = line.trimmingCharacters(in: .whitespaces)
      for prefix in ["Error: ", "Warning: "] where text.hasPrefix(prefix) {
        text.removeFirst(prefix.count)
      }
      return text
    }.filter { !$0.isEmpty }
  }

  private static var messages: String { messageList.joined(separator: "; ") }

  /// Reads DOT text: the graph, or a `syntax` error with Graphviz's message. The caller closes
  /// the graph. Input left after the first graph is read and dropped, so it never reaches the
  /// next call.
  private static func read(_ dot: String) throws -> UnsafeMutablePointer<Agraph_t> {
    let graph = agmemread(dot)
    while let rest = agmemread("") { agclose(rest) }
    guard !dot.isEmpty, let graph else {
      let detail = messages
      throw DiploRenderError(
        .syntax,
        "Graphviz could not read the DOT text"
          + (detail.isEmpty ? (dot.isEmpty ? ": it is empty" : "") : ": \(detail)"))
    }
    return graph
  }

  /// What one render gives back.
  struct Output {
    var bytes: [UInt8]
    /// Graphviz's warnings (an unknown colour, a font not found), in order.
    var warnings: [String]
  }

  /// Lays out DOT text with `engine` and draws it as `format`.
  ///
  /// Only DOT text made by this module's writer reaches this function from the public API.
  /// Before the layout the C library's `rand()` generator is given the state of a fresh process
  /// (sfdp draws from it before seeding itself), and the caller's state is put back after.
  static func render(dot: String, engine: LayoutEngine, format: RenderFormat) throws -> Output {
    try withGraphviz { gvc in
      let graph = try read(dot)
      defer { agclose(graph) }
      if engine.drawsStraightEdgesForReproducibility {
        set(graph, "splines", "line")
      }

      let layoutStatus = withFreshRandomState { gvLayout(gvc, graph, engine.rawValue) }
      guard layoutStatus == 0 else {
        throw DiploRenderError(
          .layout, "Graphviz could not lay out the graph with \(engine.rawValue): \(messages)")
      }
      defer { gvFreeLayout(gvc, graph) }

      var buffer: UnsafeMutablePointer<CChar>? = nil
      var length: UInt32 = 0
      let status = gvRenderData(gvc, graph, format.rawValue, &buffer, &length)
      defer { if let buffer { gvFreeRenderData(buffer) } }
      guard status == 0, let buffer else {
        let detail = messages
        if detail.contains("not recognized") {
          throw DiploRenderError(
            .unsupportedFormat,
            "this Graphviz has no plugin for \(format.rawValue) output (install the cairo"
              + " plugin: Debian package libgvplugin-pango, part of graphviz); SVG is always"
              + " available")
        }
        throw DiploRenderError(.render, "Graphviz could not draw \(format.rawValue): \(detail)")
      }
      let bytes = buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
        Array(UnsafeBufferPointer(start: $0, count: Int(length)))
      }
      return Output(bytes: bytes, warnings: messageList)
    }
  }

  /// Sets a graph attribute (cgraph copies the strings; its parameters lack `const`).
  private static func set(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String, _ value: String)
  {
    name.withCString { n in
      value.withCString { v in
        "".withCString { d in
          _ = agsafeset(
            UnsafeMutableRawPointer(graph), UnsafeMutablePointer(mutating: n),
            UnsafeMutablePointer(mutating: v), UnsafeMutablePointer(mutating: d))
        }
      }
    }
  }

  /// Runs `body` with `rand()` seeded as at process start (glibc: seed 1, a 128-byte state),
  /// restoring the caller's generator afterwards.
  private static func withFreshRandomState<T>(_ body: () -> T) -> T {
    let size = 128
    let state = UnsafeMutablePointer<CChar>.allocate(capacity: size)
    defer { state.deallocate() }
    state.initialize(repeating: 0, count: size)
    let previous = initstate(1, state, size)
    defer { if let previous { _ = setstate(previous) } }
    return body()
  }

  /// The output formats this Graphviz can draw (its device plugins).
  static func availableFormats() throws -> Set<RenderFormat> {
    try withGraphviz { gvc in
      var count: Int32 = 0
      guard let list = gvPluginList(gvc, "device", &count, nil) else { return [.svg] }
      defer {
        for i in 0..<Int(count) { free(list[i]) }
        free(list)
      }
      var names = Set<String>()
      for i in 0..<Int(count) {
        if let name = list[i] { names.insert(String(cString: name)) }
      }
      return Set(RenderFormat.allCases.filter { names.contains($0.rawValue) })
    }
  }

  /// Graphviz's version (`2.43.0`).
  static func version() throws -> String {
    try withGraphviz { gvc in gvcVersion(gvc).map { String(cString: $0) } ?? "unknown" }
  }

  /// A graph as Graphviz read it: names and every attribute value, for checking that DOT text
  /// means what the writer meant.
  struct ParsedGraph {
    struct Element {
      var name: String
      var attributes: [String: String]
    }
    var name: String
    var attributes: [String: String]
    var nodes: [Element]
    /// Named `tail -> head`.
    var edges: [Element]
    var subgraphs: [Element]
  }

  /// Reads DOT text and returns what Graphviz understood, without laying it out.
  static func parse(dot: String) throws -> ParsedGraph {
    try withGraphviz { _ in
      let graph = try read(dot)
      defer { agclose(graph) }
      func name(_ object: UnsafeMutableRawPointer) -> String {
        agnameof(object).map { String(cString: $0) } ?? ""
      }
      func attributes(_ object: UnsafeMutableRawPointer, kind: Int32) -> [String: String] {
        var result: [String: String] = [:]
        var symbol = agnxtattr(graph, kind, nil)
        while let s = symbol {
          if let value = agxget(object, s), let key = s.pointee.name {
            let v = String(cString: value)
            if !v.isEmpty { result[String(cString: key)] = v }
          }
          symbol = agnxtattr(graph, kind, s)
        }
        return result
      }
      var parsed = ParsedGraph(
        name: name(UnsafeMutableRawPointer(graph)),
        attributes: attributes(UnsafeMutableRawPointer(graph), kind: Int32(AGRAPH)),
        nodes: [], edges: [], subgraphs: [])
      var node = agfstnode(graph)
      while let n = node {
        let raw = UnsafeMutableRawPointer(n)
        parsed.nodes.append(
          .init(name: name(raw), attributes: attributes(raw, kind: Int32(AGNODE))))
        var edge = agfstout(graph, n)
        while let e = edge {
          // An out-edge's `node` is its head (cgraph's AGHEAD without the macro).
          let tail = name(UnsafeMutableRawPointer(n))
          let head = name(UnsafeMutableRawPointer(e.pointee.node))
          parsed.edges.append(
            .init(
              name: "\(tail) -> \(head)",
              attributes: attributes(UnsafeMutableRawPointer(e), kind: Int32(AGEDGE))))
          edge = agnxtout(graph, e)
        }
        node = agnxtnode(graph, n)
      }
      var sub = agfstsubg(graph)
      while let g = sub {
        let raw = UnsafeMutableRawPointer(g)
        parsed.subgraphs.append(
          .init(name: name(raw), attributes: attributes(raw, kind: Int32(AGRAPH))))
        sub = agnxtsubg(g)
      }
      return parsed
    }
  }
}
