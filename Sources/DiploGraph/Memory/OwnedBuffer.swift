#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Memory for plain values that frees itself: the storage under the CSV reader's columns,
/// hash tables and byte buffers, and the response tally's counters.
///
/// The value types built on it (``ColumnBuffer``, ``PaddedBytes``, the reader's interner) keep
/// a reference to it, so the memory lives as long as one of them does and is freed once, by
/// `deinit`; they also keep `base` in a field of their own, so that their hot loops read a
/// pointer, not a class. Values are bitwise copyable: nothing is deinitialized, and growing
/// moves the bytes with `realloc`, which remaps the pages of a large block instead of copying
/// them.
final class OwnedBuffer<Element: BitwiseCopyable> {
  /// The first element; valid until the next ``resize(to:zeroingNew:)``.
  private(set) var base: UnsafeMutablePointer<Element>
  /// Elements the memory holds.
  private(set) var capacity: Int

  /// `capacity` elements, uninitialized, or zero bytes when `zeroed`.
  init(capacity: Int, zeroed: Bool = false) {
    self.capacity = max(capacity, 1)
    base = Self.reallocate(nil, capacity: self.capacity)
    if zeroed { Self.zero(base, count: self.capacity) }
  }

  /// `count` copies of `value`.
  convenience init(repeating value: Element, count: Int) {
    self.init(capacity: count)
    base.initialize(repeating: value, count: capacity)
  }

  deinit { free(base) }

  /// Grows (or shrinks) the memory to `capacity` elements, keeping the first ones; the new
  /// elements are zero bytes when `zeroingNew`, else uninitialized. Moves `base`.
  func resize(to capacity: Int, zeroingNew: Bool = false) {
    let capacity = max(capacity, 1)
    base = Self.reallocate(base, capacity: capacity)
    if zeroingNew && capacity > self.capacity {
      Self.zero(base + self.capacity, count: capacity - self.capacity)
    }
    self.capacity = capacity
  }

  /// The elements as a buffer.
  var buffer: UnsafeMutableBufferPointer<Element> {
    UnsafeMutableBufferPointer(start: base, count: capacity)
  }

  private static func reallocate(
    _ old: UnsafeMutablePointer<Element>?, capacity: Int
  ) -> UnsafeMutablePointer<Element> {
    guard let raw = realloc(old, capacity * MemoryLayout<Element>.stride) else {
      fatalError("out of memory growing a buffer to \(capacity) values")
    }
    return raw.bindMemory(to: Element.self, capacity: capacity)
  }

  private static func zero(_ p: UnsafeMutablePointer<Element>, count: Int) {
    UnsafeMutableRawPointer(p).initializeMemory(
      as: UInt8.self, repeating: 0, count: count * MemoryLayout<Element>.stride)
  }
}

/// A growable column of plain values: the CSV parser's per-part storage, appended to without
/// the uniqueness and exclusivity checks of `Array`.
///
/// A value type on purpose (the hot loop keeps it in a local variable) over an
/// ``OwnedBuffer``: copies share the memory, which is freed when the last one goes; only one
/// copy may append.
struct ColumnBuffer<Element: BitwiseCopyable> {
  private var storage: OwnedBuffer<Element>
  private(set) var base: UnsafeMutablePointer<Element>
  private(set) var count = 0
  private(set) var capacity: Int

  init(capacity: Int = 1024) {
    storage = OwnedBuffer(capacity: max(capacity, 16))
    base = storage.base
    self.capacity = storage.capacity
  }

  @inline(__always)
  mutating func append(_ value: Element) {
    if count == capacity { grow() }
    base[count] = value
    count += 1
  }

  /// Appends `value` until the column has `n` elements.
  mutating func pad(to n: Int, with value: Element) {
    while count < n { append(value) }
  }

  @inline(never)
  private mutating func grow() {
    storage.resize(to: capacity * 2)
    base = storage.base
    capacity = storage.capacity
  }

  var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }
}

/// A growable byte buffer with ``padding`` readable bytes past its capacity, zero until
/// written: what the CSV scanner reads through (a block of the file, or field text that had
/// to be unescaped), so that its loops may load a word past any byte without a bounds check.
///
/// A value type over an ``OwnedBuffer``, like ``ColumnBuffer``.
struct PaddedBytes {
  /// Readable bytes past the capacity.
  static let padding = 32

  private var storage: OwnedBuffer<UInt8>
  /// The bytes: `capacity + padding` of them may be read.
  private(set) var base: UnsafeMutablePointer<UInt8>
  /// Bytes that may be written.
  private(set) var capacity: Int

  init(capacity: Int) {
    storage = OwnedBuffer(capacity: max(capacity, 1) + Self.padding, zeroed: true)
    base = storage.base
    self.capacity = storage.capacity - Self.padding
  }

  /// Doubles the capacity, keeping the bytes.
  mutating func grow() {
    storage.resize(to: capacity * 2 + Self.padding, zeroingNew: true)
    base = storage.base
    capacity *= 2
  }
}
