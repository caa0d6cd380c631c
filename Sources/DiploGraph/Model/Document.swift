/// A data set as read from a file: the value, where each part of it came from, and the
/// problems found while reading that did not stop the reading (a malformed date, a negative
/// count: the field is left empty and the problem reported here).
public struct Document: Sendable {
  public var dataSet: DataSet
  public var map: any SourceMap
  public var diagnostics: [Diagnostic]

  public init(dataSet: DataSet, map: any SourceMap, diagnostics: [Diagnostic] = []) {
    self.dataSet = dataSet
    self.map = map
    self.diagnostics = diagnostics
  }

  /// Whether reading found any error (as opposed to warnings).
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
