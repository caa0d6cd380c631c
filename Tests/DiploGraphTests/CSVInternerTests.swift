import TestSupport
import Testing

@testable import DiploGraph

/// The byte-keyed symbol table under the reader: keys of every length, long keys that share
/// their first 16 bytes, growth, and keys that are prefixes of each other.
@Suite struct CSVInternerTests {
  /// `text` in a buffer with the padding the table may read past the key.
  func withKey<R>(_ text: [UInt8], _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
    let padded = text + [UInt8](repeating: 0xAA, count: 32)
    return padded.withUnsafeBufferPointer { body($0.baseAddress!, text.count) }
  }

  @Test func findsWhatWasStoredAndNothingElse() {
    var table = CSVInterner(capacity: 4)
    var rng = SplitMix64(seed: 7)
    var keys: [[UInt8]] = [[]]
    let prefix = Array("0123456789abcdef".utf8)
    for n in 0..<3000 {
      switch n % 3 {
      case 0: keys.append(Array("k\(n)".utf8))
      case 1: keys.append(prefix + Array("\(n)".utf8))  // differs after byte 16 only
      default:
        keys.append(
          (0..<Int.random(in: 1...40, using: &rng)).map { _ in
            UInt8.random(in: 0...255, using: &rng)
          })
      }
    }
    var stored: [[UInt8]: Int32] = [:]
    for key in keys where stored[key] == nil {
      let value = Int32(stored.count)
      #expect(withKey(key) { table.lookup($0, $1) } == CSVInterner.absent)
      withKey(key) { table.insert($0, $1, value: value) }
      stored[key] = value
    }
    #expect(table.count == stored.count)
    for (key, value) in stored {
      #expect(withKey(key) { table.lookup($0, $1) } == value)
      // A key one byte shorter or longer is another key.
      if !key.isEmpty, stored[Array(key.dropLast())] == nil {
        #expect(withKey(Array(key.dropLast())) { table.lookup($0, $1) } == CSVInterner.absent)
      }
      if stored[key + [0]] == nil {
        #expect(withKey(key + [0]) { table.lookup($0, $1) } == CSVInterner.absent)
      }
    }
  }
}
