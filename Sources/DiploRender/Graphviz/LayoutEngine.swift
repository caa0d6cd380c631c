/// A Graphviz layout engine.
public enum LayoutEngine: String, Hashable, Sendable, CaseIterable {
  /// Hierarchical layers; the best picture for small directed graphs, slow on dense ones.
  case dot
  /// Spring model (stress majorisation).
  case neato
  /// Force-directed (Fruchterman–Reingold). Not reproducible within one process: see
  /// ``isReproducibleInProcess``.
  case fdp
  /// Multiscale force-directed; the engine for large graphs.
  case sfdp
  /// Circular.
  case circo
  /// Radial, around a centre node.
  case twopi

  /// The engine named `name` (case-insensitive).
  ///
  /// - Throws: ``DiploRenderError`` with code `unknownName`, listing the engines.
  public init(named name: String) throws { self = try Self.named(name, "layout engine") }

  /// Whether rendering the same DOT twice in one process gives the same bytes.
  ///
  /// True for every engine but `fdp`: Graphviz 2.43's fdp carries state from one layout to the
  /// next (measured: the first fdp render in a process equals the `dot -Kfdp` command's output,
  /// later ones differ, also with `start=` set, and the difference follows the state of the C
  /// heap, so it cannot be reset from outside). `sfdp` draws from the C library's `rand()`,
  /// which the renderer seeds as a fresh process does before each sfdp layout (saving and
  /// restoring the host's generator state), so it is reproducible.
  public var isReproducibleInProcess: Bool { self != .fdp }

  /// Whether the renderer draws this engine's edges as straight lines (`splines=line`),
  /// whatever the DOT asks: measured with Graphviz 2.43, the curved-edge router that circo,
  /// twopi and sfdp use keeps state across renders in one process, so their curved edges shift
  /// by hundredths of a point from one render to the next. dot, neato and fdp keep their
  /// splines.
  public var drawsStraightEdgesForReproducibility: Bool {
    self == .circo || self == .twopi || self == .sfdp
  }
}

/// What Graphviz draws into.
public enum RenderFormat: String, Hashable, Sendable, CaseIterable {
  /// Always available (Graphviz's core plugin).
  case svg
  /// Needs the cairo or gd plugin (Debian: libgvplugin-pango / libgvplugin-gd, part of
  /// `graphviz` and `libgraphviz-dev`'s usual installs).
  case png
  /// Needs the cairo plugin.
  case pdf

  /// The format named `name` (case-insensitive).
  ///
  /// - Throws: ``DiploRenderError`` with code `unknownName`, listing the formats.
  public init(named name: String) throws { self = try Self.named(name, "output format") }
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
  /// The case whose raw value is `name` in lower case, for names given by people.
  ///
  /// - Throws: ``DiploRenderError`` with code `unknownName`: `unknown <what> 'x': use one of …`.
  static func named(_ name: String, _ what: String) throws -> Self {
    guard let value = Self(rawValue: name.lowercased()) else {
      throw DiploRenderError(
        .unknownName,
        "unknown \(what) '\(name)': use one of "
          + allCases.map(\.rawValue).joined(separator: ", "))
    }
    return value
  }
}
