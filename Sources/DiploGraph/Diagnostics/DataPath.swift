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
