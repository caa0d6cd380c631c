/// What the value-holding collections of the package share (``ActionTable``, ``ExchangeList``,
/// ``ActionReferenceList``, ``DyadList``): whatever their storage, they compare, hash and code
/// as the arrays of the values they hold.

extension Collection where Element: Hashable {
  /// Whether two collections hold equal values in the same order.
  func sameValues(as other: Self) -> Bool { count == other.count && elementsEqual(other) }

  /// Hashes the values, in order.
  func hashValues(into hasher: inout Hasher) {
    hasher.combine(count)
    for value in self { hasher.combine(value) }
  }
}

extension Collection where Element: Encodable {
  /// Encodes the values as an array, each made as it is written.
  func encodeValues(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    for value in self { try container.encode(value) }
  }
}
