/// The place of a value inside a data set, independent of the file format it came from:
/// "the `count` of action 3", "member 2 of bloc 0".
///
/// Validation speaks in data paths; a ``SourceMap`` made by the reader turns them into a file,
/// line and column (JSON) or a record and column (CSV).
public struct DataPath: Hashable, Sendable, CustomStringConvertible {
  /// The top-level collections of a data set.
  public enum Collection: String, Hashable, Sendable {
    case sources, actors, blocs, actions, figures
  }

  /// `nil` for a top-level field of the document (`title`, `version`).
  public var collection: Collection?
  /// The element's index in its collection (for actions: the row).
  public var index: Int?
  /// The field of the element (`count`, `respondsTo`), or of the document.
  public var field: String?
  /// The index inside an array field (`members[2]`).
  public var item: Int?

  public init(
    _ collection: Collection? = nil, _ index: Int? = nil, field: String? = nil, item: Int? = nil
  ) {
    self.collection = collection
    self.index = index
    self.field = field
    self.item = item
  }

  /// The same place written as a JSON path: `$.actions[3].respondsTo[0]`.
  public var jsonPath: String {
    var s = "$"
    if let collection {
      s += ".\(collection.rawValue)"
      if let index { s += "[\(index)]" }
    }
    if let field { s += ".\(field)" }
    if let item { s += "[\(item)]" }
    return s
  }

  public var description: String { jsonPath }
}

/// Turns data paths into places in the files a data set was read from.
public protocol SourceMap: Sendable {
  /// The location of `path`; at least the file, when nothing finer is known.
  func location(of path: DataPath) -> SourceLocation
}

/// The map of a data set built in code: locations carry the JSON path only.
public struct NoSourceMap: SourceMap {
  public var file: String?
  public init(file: String? = nil) { self.file = file }
  public func location(of path: DataPath) -> SourceLocation {
    SourceLocation(file: file, path: path.jsonPath)
  }
}

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
