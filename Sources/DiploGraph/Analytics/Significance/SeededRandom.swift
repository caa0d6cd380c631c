/// The random streams of the Monte Carlo analyses: reproducible bit for bit on every platform
/// and at any number of threads.

/// xoshiro256** (Blackman & Vigna), one independent stream per Monte Carlo sample.
///
/// Sample `s` of a run seeded with `seed` draws from the stream whose 256-bit state is four
/// successive outputs of SplitMix64 started at `mix(seed) ⊕ mix(s + 1)`: the streams depend only
/// on (seed, s), never on which thread runs the sample or in what order, so a run gives the same
/// result whatever the number of cores.
///
/// References: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators", ACM
/// Transactions on Mathematical Software 47(4), 36 (2021), doi:10.1145/3460772; G. L. Steele,
/// D. Lea, C. H. Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014,
/// doi:10.1145/2660193.2660195 (SplitMix64); D. Lemire, "Fast random integer generation in an
/// interval", ACM TOMACS 29(1), 3 (2019), doi:10.1145/3230636 (bounded integers).
struct SeededRandom {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// The stream of sample `sample` in a run seeded with `seed`.
  init(seed: UInt64, sample: Int) {
    var splitMix = Self.mix(seed) ^ Self.mix(UInt64(truncatingIfNeeded: sample) &+ 1)
    func next() -> UInt64 {
      splitMix &+= 0x9E37_79B9_7F4A_7C15
      return Self.mix(splitMix)
    }
    (s0, s1, s2, s3) = (next(), next(), next(), next())
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // the one state xoshiro cannot leave
  }

  /// The SplitMix64 finaliser: a bijection of 64-bit words that spreads every input bit.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The next 64 random bits.
  @inline(__always)
  mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = s3 << 45 | s3 >> 19
    return result
  }

  /// A uniform integer in 0..<bound, without bias (Lemire's multiply-and-reject).
  ///
  /// - Precondition: `bound` > 0.
  @inline(__always)
  mutating func below(_ bound: Int) -> Int {
    let n = UInt64(bound)
    var product = next().multipliedFullWidth(by: n)
    if product.low < n {
      let threshold = (0 &- n) % n
      while product.low < threshold { product = next().multipliedFullWidth(by: n) }
    }
    return Int(product.high)
  }

  /// A fair coin.
  @inline(__always)
  mutating func coin() -> Bool { next() >> 63 == 1 }
}
