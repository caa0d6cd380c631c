/// Where each part of a data set read from canonical JSON is in its file.
///
/// Made by ``CanonicalJSON/read(_:file:limits:)``. It turns a ``DataPath`` (`actions[3].count`,
/// `blocs[0].members[2]`) into the file, line and column of that value; when the value is absent
/// (an action without `count`), into the place of the object that would hold it. Model indices
/// are mapped to the file's own indices, so an element skipped for an error does not shift the
/// places of the ones after it.
///
/// Fields of nested values are named with a dot or an index inside ``DataPath/field``:
/// `claims[1].source`, `scope.blocs`.
public struct JSONSourceMap: SourceMap {
  /// One value's place, and the places of its elements when it is an array.
  struct Field: Sendable {
    var name: String
    var position: JSONPosition
    var items: [JSONPosition]
  }

  /// One element of a collection: where its object starts, its index in the file's array, and
  /// its fields.
  struct Element: Sendable {
    var fileIndex: Int
    var position: JSONPosition
    var fields: [Field] = []

    /// Replaces the item positions of a field (when some items were skipped for errors).
    mutating func setItems(_ name: String, _ items: [JSONPosition]) {
      if let i = fields.firstIndex(where: { $0.name == name }) { fields[i].items = items }
    }
  }

  public let file: String?
  let root: JSONPosition
  var documentFields = Element(fileIndex: 0, position: JSONPosition(line: 1, column: 1))
  var collections: [DataPath.Collection: Element] = [:]
  var elements: [DataPath.Collection: ElementList] = [:]

  init(file: String?, root: JSONPosition) {
    self.file = file
    self.root = root
    documentFields.position = root
  }

  /// The location of `path`: the value's own place when the file has it, else the nearest
  /// enclosing value's (the object of an absent field, the array of an unknown index, the
  /// top-level object).
  ///
  /// - Complexity: O(f) for an element with f fields.
  public func location(of path: DataPath) -> SourceLocation {
    guard let collection = path.collection else {
      let position = path.field.map { resolve($0, item: path.item, in: documentFields) } ?? root
      return position.location(in: file, path: path.jsonPath)
    }
    guard let index = path.index, let list = elements[collection], list.indices.contains(index)
    else {
      let position = collections[collection]?.position ?? root
      return position.location(in: file, path: "$.\(collection.rawValue)")
    }
    let element = list[index]
    var jsonPath = "$.\(collection.rawValue)[\(element.fileIndex)]"
    if let field = path.field { jsonPath += ".\(field)" }
    if let item = path.item { jsonPath += "[\(item)]" }
    let position = path.field.map { resolve($0, item: path.item, in: element) } ?? element.position
    return position.location(in: file, path: jsonPath)
  }

  /// The place of `field` (and its `item`) in `element`, falling back to the enclosing value.
  private func resolve(_ field: String, item: Int?, in element: Element) -> JSONPosition {
    var name = Substring(field)
    var item = item
    while !name.isEmpty {
      if let found = element.fields.first(where: { $0.name == name }) {
        if let item, found.items.indices.contains(item) { return found.items[item] }
        return found.position
      }
      // `claims[1]` names item 1 of `claims`; `claims[1].source`, when absent, falls back to
      // `claims[1]`.
      if name.last == "]", let open = name.lastIndex(of: "["),
        let k = Int(name[name.index(after: open)..<name.index(before: name.endIndex)])
      {
        item = k
        name = name[..<open]
      } else if let dot = name.lastIndex(of: ".") {
        item = nil
        name = name[..<dot]
      } else {
        break
      }
    }
    return element.position
  }
}
