/// Interned strings: each distinct string gets a dense `Int32` index, once.
///
/// The action columns store these indices instead of strings, so ten million actions among two
/// thousand actors cost ten million small integers, not ten million strings.
package struct SymbolTable: Hashable, Sendable {
  /// The strings, in the order they were first interned.
  package private(set) var strings: [String] = []
  private var indices: [String: Int32] = [:]

  package init() {}

  package init(_ strings: [String]) {
    for s in strings { _ = intern(s) }
  }

  package var count: Int { strings.count }

  /// The index of `string`, adding it when new.
  package mutating func intern(_ string: String) -> Int32 {
    if let i = indices[string] { return i }
    precondition(strings.count < Int32.max, "symbol table full")
    let i = Int32(strings.count)
    strings.append(string)
    indices[string] = i
    return i
  }

  /// The index of `string`, adding it when new, like ``intern(_:)`` but with one hash of a
  /// new string instead of two: for strings that are nearly always new (event ids and URLs).
  package mutating func internLikelyNew(_ string: String) -> Int32 {
    precondition(strings.count < Int32.max, "symbol table full")
    let i = Int32(strings.count)
    if let known = indices.updateValue(i, forKey: string) {
      indices[string] = known
      return known
    }
    strings.append(string)
    return i
  }

  /// Makes room for `n` symbols in all, so that interning up to that many resizes nothing.
  package mutating func reserveCapacity(_ n: Int) {
    strings.reserveCapacity(n)
    indices.reserveCapacity(n)
  }

  /// The index of `string`, or `nil` when it was never interned.
  package func index(of string: String) -> Int32? { indices[string] }

  package subscript(index: Int32) -> String { strings[Int(index)] }

  package static func == (lhs: Self, rhs: Self) -> Bool { lhs.strings == rhs.strings }
  package func hash(into hasher: inout Hasher) { hasher.combine(strings) }
}
