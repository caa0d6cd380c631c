extension EnginePolicy {
  /// Whether laying out `document` may crash Graphviz, so that it must not run in the caller's
  /// process: a diagram with clusters (the style's `clusters`), whatever the engine.
  ///
  /// Graphviz 2.43's cluster layouts are not memory-safe: on valid diagrams of about 30 actors
  /// in 3 overlapping blocs, `dot` fails in its edge router ("libpath/shortest.c:324:
  /// triangulation failed") and then frees memory twice (glibc: "double free or corruption",
  /// SIGABRT) or touches freed memory (SIGSEGV). Measured on 150 random data sets (30 actors, 3
  /// overlapping blocs, 30 to 90 actions; docs/robustness.md): see the hostile-input table.
  /// Without clusters no crash was found on the same data sets with any engine.
  ///
  /// A ``Renderer`` runs such a layout in a child process (its ``Renderer/isolation``, else the
  /// helper found by ``LayoutIsolation/init(timeLimit:always:helper:)``), unless the caller
  /// allows it in process (``Renderer/allowsCrashProneLayoutsInProcess``).
  ///
  /// The writer names every cluster `subgraph "cluster_<n>"`, and its escaping puts a backslash
  /// before any quote inside a string, so this text appears in no label.
  ///
  /// - Complexity: O(n) in the length of the DOT text.
  public func isCrashProne(_ document: DOTDocument, engine: LayoutEngine) -> Bool {
    document.text.contains("subgraph \"cluster_")
  }
}
