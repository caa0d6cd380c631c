/// Names read as bytes → their symbols in a ``SymbolTable``, so that a name seen before costs a
/// hash and a comparison of bytes, not a `String`: a `String` is made once per distinct name.
///
/// A cache in front of the table: a miss interns through the table itself (which may know the
/// name already, from another path), so the table stays the one truth. Open addressing with
/// linear probing, hashed with the standard library's seeded `Hasher` (no crafted input can
/// aim at collisions).
///
/// - Complexity: O(length of the name) expected per lookup.
struct ByteInterner {
  /// Entry index + 1 per slot, 0 when empty; a power of two long.
  private var slots = [Int32](repeating: 0, count: 64)
  private var hashes: [Int] = []
  private var starts: [Int] = []
  private var lengths: [Int] = []
  private var symbols: [Int32] = []
  /// The bytes of every name, one after another.
  private var arena: [UInt8] = []

  /// The symbol of `bytes[range]` in `table`, interning it there when new.
  mutating func symbol(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, in table: inout SymbolTable
  ) -> Int32 {
    let name = UnsafeBufferPointer(rebasing: bytes[range])
    let (hash, slot, entry) = probe(name)
    if let entry { return symbols[entry] }
    let symbol = table.intern(String(decoding: name, as: UTF8.self))
    hashes.append(hash)
    starts.append(arena.count)
    lengths.append(name.count)
    symbols.append(symbol)
    arena.append(contentsOf: name)
    slots[slot] = Int32(symbols.count)
    if symbols.count * 2 > slots.count { grow() }
    return symbol
  }

  /// Whether `bytes[range]` is a name this cache holds (without adding it).
  func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    probe(UnsafeBufferPointer(rebasing: bytes[range])).entry != nil
  }

  /// `name`'s hash, and the entry holding it or else the empty slot where it would go.
  private func probe(_ name: UnsafeBufferPointer<UInt8>) -> (hash: Int, slot: Int, entry: Int?) {
    var hasher = Hasher()
    hasher.combine(bytes: UnsafeRawBufferPointer(name))
    let hash = hasher.finalize()
    let mask = slots.count - 1
    var slot = hash & mask
    while slots[slot] != 0 {
      let entry = Int(slots[slot]) - 1
      if hashes[entry] == hash, lengths[entry] == name.count, equal(entry, name) {
        return (hash, slot, entry)
      }
      slot = (slot + 1) & mask
    }
    return (hash, slot, nil)
  }

  private func equal(_ entry: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[entry]
    for k in 0..<name.count where arena[start + k] != name[k] { return false }
    return true
  }

  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for entry in hashes.indices {
      var slot = hashes[entry] & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(entry + 1)
    }
  }
}
