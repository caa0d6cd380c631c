/// A hash table from byte strings to `Int32` values, keyed by bytes still in the read buffer:
/// the CSV reader looks every actor, kind and source field up here and makes a `String` only
/// the first time it meets a spelling.
///
/// Open addressing with linear probing over a power-of-two table kept at most a quarter full
/// (tables hold distinct spellings only, so they stay small, and a hit is then almost always
/// the first slot probed). An entry is 24 bytes: a key's first 16 bytes as two words — so the
/// usual short ids compare as two integers — its length and its value; a longer key is also
/// kept whole in an arena. Hashes are seeded per table, so no fixed input can be crafted to
/// make keys collide.
///
/// Keys passed in must have 16 readable bytes past their start and 8 past their end (the
/// block buffer's and the scratch buffer's padding guarantee it). Its memory is an
/// ``OwnedBuffer``'s: freed with the last copy of the table.
struct CSVInterner {
  /// What ``lookup(_:_:)`` returns for a key that is not in the table.
  static let absent = Int32.min

  private struct Entry {
    var w0: UInt64
    var w1: UInt64
    var length: Int32
    var value: Int32

    static let empty = Entry(w0: 0, w1: 0, length: -1, value: 0)
  }

  /// The slots, and for each slot holding a key longer than 16 bytes, the key's offset in
  /// `arena`.
  private var storage: (table: OwnedBuffer<Entry>, tails: OwnedBuffer<Int>)
  private var table: UnsafeMutablePointer<Entry>
  private var tails: UnsafeMutablePointer<Int>
  private var mask: Int
  private(set) var count = 0
  private var arena: ColumnBuffer<UInt8>
  private let seed: UInt64

  init(capacity: Int = 256) {
    var size = 16
    while size < capacity * 4 { size *= 2 }
    storage = Self.slots(size)
    table = storage.table.base
    tails = storage.tails.base
    mask = size - 1
    arena = ColumnBuffer(capacity: 256)
    seed = UInt64.random(in: .min ... .max) | 1
  }

  /// `size` empty slots.
  private static func slots(_ size: Int) -> (table: OwnedBuffer<Entry>, tails: OwnedBuffer<Int>) {
    (OwnedBuffer(repeating: .empty, count: size), OwnedBuffer(repeating: 0, count: size))
  }

  /// The value stored for the `n` bytes at `p`, or ``absent``.
  ///
  /// - Complexity: O(n) expected; for keys of up to 16 bytes, branch-free up to the probe.
  @inline(__always)
  func lookup(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32 {
    let (w0, w1) = Self.words(p, n)
    var i = Int(truncatingIfNeeded: hash(p, n, w0, w1)) & mask
    while true {
      let e = table[i]
      if (e.w0 ^ w0) | (e.w1 ^ w1) | UInt64(truncatingIfNeeded: Int(e.length) ^ n) == 0
        && (n <= 16 || tailEquals(p, n, tails[i]))
      {
        return e.value
      }
      if e.length < 0 { return Self.absent }
      i = (i &+ 1) & mask
    }
  }

  /// Stores `value` for the `n` bytes at `p`, which must not be in the table yet.
  ///
  /// A key of 2³¹ bytes or more is not stored (lookups will not find it): callers then make
  /// its value again each time, which is slow but right.
  mutating func insert(_ p: UnsafePointer<UInt8>, _ n: Int, value: Int32) {
    guard n < Int(Int32.max) else { return }
    if (count + 1) * 4 > mask + 1 { grow() }
    let (w0, w1) = Self.words(p, n)
    var tail = 0
    if n > 16 {
      tail = arena.count
      for k in 0..<n { arena.append(p[k]) }
      for _ in 0..<8 { arena.append(0) }  // hashing reads a word past the end
    }
    place(Entry(w0: w0, w1: w1, length: Int32(n), value: value), tail: tail)
    count += 1
  }

  private mutating func place(_ entry: Entry, tail: Int) {
    let n = Int(entry.length)
    let key = UnsafePointer(arena.base + tail)  // read only when n > 16
    var i = Int(truncatingIfNeeded: hash(key, n, entry.w0, entry.w1)) & mask
    while table[i].length >= 0 { i = (i + 1) & mask }
    table[i] = entry
    tails[i] = tail
  }

  private mutating func grow() {
    let old = storage
    let oldSize = mask + 1
    storage = Self.slots(oldSize * 2)
    table = storage.table.base
    tails = storage.tails.base
    mask = oldSize * 2 - 1
    for i in 0..<oldSize where old.table.base[i].length >= 0 {
      place(old.table.base[i], tail: old.tails.base[i])
    }
  }

  private func tailEquals(_ p: UnsafePointer<UInt8>, _ n: Int, _ tail: Int) -> Bool {
    let stored = arena.base + tail
    for k in 16..<n where p[k] != stored[k] { return false }
    return true
  }

  /// The first 16 bytes of a key as two little-endian words, zero past its end. Branch-free:
  /// always loads 16 bytes and masks.
  @inline(__always)
  private static func words(_ p: UnsafePointer<UInt8>, _ n: Int) -> (UInt64, UInt64) {
    let raw = UnsafeRawPointer(p)
    let a = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
    let b = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    let k0 = UInt64(truncatingIfNeeded: min(n, 8))
    let k1 = UInt64(truncatingIfNeeded: max(0, min(n - 8, 8)))
    return (a & lowBytes(k0), b & lowBytes(k1))
  }

  /// A mask of the low `k` bytes, 0 ≤ k ≤ 8, without a branch.
  @inline(__always)
  private static func lowBytes(_ k: UInt64) -> UInt64 {
    let shift = 64 &- 8 &* k
    return shift == 64 ? 0 : ~0 &>> shift
  }

  @inline(__always)
  private func hash(_ p: UnsafePointer<UInt8>, _ n: Int, _ w0: UInt64, _ w1: UInt64) -> UInt64 {
    var h =
      ((w0 ^ seed) &* 0x9E37_79B9_7F4A_7C15)
      ^ ((w1 &+ UInt64(truncatingIfNeeded: n))
        &* 0x9FB2_1C65_1E98_DF25)
    if n > 16 {
      let raw = UnsafeRawPointer(p)
      var k = 16
      while k < n {
        var w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
        if n - k < 8 { w &= Self.lowBytes(UInt64(n - k)) }
        h = (h ^ w) &* 0x9FB2_1C65_1E98_DF25
        h ^= h >> 29
        k += 8
      }
    }
    return h ^ (h >> 32)
  }
}
