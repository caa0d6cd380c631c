extension JSONSourceMap {
  /// The places of a collection's elements, kept flat: a few arrays of positions and small
  /// integers for the whole collection instead of an array of fields (each with its name as a
  /// `String`) per element, so that the places of 200,000 actions cost a handful of
  /// allocations. Field names are interned once per collection.
  ///
  /// Element `i`'s fields are `fieldEnds[i - 1]..<fieldEnds[i]` of the field arrays, field `k`'s
  /// items `itemEnds[k - 1]..<itemEnds[k]` of `items`.
  struct ElementList: Sendable {
    private var fileIndices: [Int] = []
    private var positions: [JSONPosition] = []
    private var fieldEnds: [Int] = []
    private var fieldNames: [Int32] = []
    private var fieldPositions: [JSONPosition] = []
    private var itemEnds: [Int] = []
    private var items: [JSONPosition] = []
    private var names: [String] = []
    private var nameCodes: [String: Int32] = [:]

    init() {}

    /// The number of elements.
    var count: Int { positions.count }
    /// `0..<count`.
    var indices: Range<Int> { positions.indices }

    /// The code of a field name, adding it when new.
    mutating func code(of name: String) -> Int32 {
      if let code = nameCodes[name] { return code }
      let code = Int32(names.count)
      names.append(name)
      nameCodes[name] = code
      return code
    }

    /// Element `i`, as the map's readers see it.
    ///
    /// - Complexity: O(fields and items of the element).
    subscript(i: Int) -> Element {
      var element = Element(fileIndex: fileIndices[i], position: positions[i])
      let first = i == 0 ? 0 : fieldEnds[i - 1]
      for k in first..<fieldEnds[i] {
        let firstItem = k == 0 ? 0 : itemEnds[k - 1]
        element.fields.append(
          Field(
            name: names[Int(fieldNames[k])], position: fieldPositions[k],
            items: Array(items[firstItem..<itemEnds[k]])))
      }
      return element
    }

    /// Appends an element built as a whole.
    mutating func append(_ element: Element) {
      startElement(fileIndex: element.fileIndex, position: element.position)
      for field in element.fields {
        appendField(code(of: field.name), at: field.position)
        for item in field.items { appendItem(item) }
      }
    }

    /// Starts an element with no fields.
    mutating func startElement(fileIndex: Int, position: JSONPosition) {
      fileIndices.append(fileIndex)
      positions.append(position)
      fieldEnds.append(fieldPositions.count)
    }

    /// Adds a field (named by its ``code(of:)``) with no items to the last element.
    mutating func appendField(_ name: Int32, at position: JSONPosition) {
      fieldNames.append(name)
      fieldPositions.append(position)
      itemEnds.append(items.count)
      fieldEnds[fieldEnds.count - 1] += 1
    }

    /// Adds an item to the last field.
    mutating func appendItem(_ position: JSONPosition) {
      items.append(position)
      itemEnds[itemEnds.count - 1] += 1
    }

    /// Reserves room for `n` more elements of about `fields` fields each.
    mutating func reserveCapacity(_ n: Int, fields: Int) {
      fileIndices.reserveCapacity(count + n)
      positions.reserveCapacity(count + n)
      fieldEnds.reserveCapacity(count + n)
      fieldNames.reserveCapacity(fieldNames.count + n * fields)
      fieldPositions.reserveCapacity(fieldPositions.count + n * fields)
      itemEnds.reserveCapacity(itemEnds.count + n * fields)
      items.reserveCapacity(items.count + n)
    }
  }
}
