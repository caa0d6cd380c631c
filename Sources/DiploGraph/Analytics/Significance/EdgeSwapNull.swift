/// The microcanonical null of binary reciprocity: random graphs with exactly the observed
/// out- and in-degree of every actor, drawn by degree-preserving link swaps.

/// The swap null's verdict on the number of reciprocated links L↔.
///
/// **The model**: every simple directed graph (no self-loops, at most one link per ordered
/// pair) on the same actors with the same out- and in-degree of each actor, equally likely.
/// Unlike the DBCM, which keeps the degrees on average, it keeps them exactly.
///
/// **The sampler**: each of the R samples is an independent Markov chain started from the
/// observed graph, run for `attemptsPerLink` × L attempted moves. An attempt is, with
/// probability ½ each,
/// - a *double swap* (Milo et al. 2003): two distinct links a→b, c→d drawn uniformly become
///   a→d, c→b;
/// - a *three-link move*: a link a→b drawn uniformly, then an out-link b→c of b and an out-link
///   c→d of c, each uniformly, become a→c, c→b, b→d (networkx's `directed_edge_swap`; with
///   d = a it reverses a directed triangle).
///
/// A move that would make a self-loop or a link that exists is rejected and the chain stays
/// where it is (the attempt still counts). Both moves are proposed with the same probability
/// as their reverse and keep every degree, so the chain's stationary distribution is uniform on
/// the graphs it can reach. Double swaps alone cannot reach every graph (they cannot reverse a
/// directed triangle: a→b→c→a and a→c→b→a have the same degrees and no double swap between
/// them); with the triangle reversals they can (Rao, Jana & Bandyopadhyay 1996; Erdős, Miklós &
/// Toroczkai 2010), so the chain is irreducible and its samples approach the uniform
/// distribution over all graphs with the degrees. The tests check this by enumeration on every
/// degree sequence of four actors.
///
/// **The statistics**: the sample mean and standard deviation of L↔, z = (L↔ − mean) / sd (`nil`
/// when sd = 0), and the one-sided empirical p-values p = (k + 1) / (R + 1) with k the number of
/// samples with at least (``pAtLeast``: more reciprocity than chance) or at most (``pAtMost``)
/// the observed L↔ — the observed graph counted as one more draw, so p is never 0 (Davison &
/// Hinkley 1997; North, Curtis & Sham 2002).
///
/// Sample s draws from its own random stream, determined by (seed, s) alone (xoshiro256**
/// seeded through SplitMix64), and the samples are spread over the threads in contiguous
/// blocks: the same seed gives the same result, bit for bit, on any number of cores.
///
/// - Complexity: O(R · attemptsPerLink · L) expected time (each attempt is a few hash-table
///   look-ups), spread over the cores; O(L) memory per thread.
///
/// References: R. Milo, N. Kashtan, S. Itzkovitz, M. E. J. Newman, U. Alon, "On the uniform
/// generation of random graphs with prescribed degree sequences", arXiv:cond-mat/0312028 (2003);
/// A. R. Rao, R. Jana, S. Bandyopadhyay, "A Markov chain Monte Carlo method for generating
/// random (0, 1)-matrices with given marginals", Sankhyā A 58(2), 225–242 (1996);
/// P. L. Erdős, I. Miklós, Z. Toroczkai, "A simple Havel–Hakimi type algorithm to realize
/// graphical degree sequences of directed graphs", Electronic Journal of Combinatorics 17,
/// R66 (2010), doi:10.37236/338; B. V. North, D. Curtis, P. C. Sham, "A note on the calculation
/// of empirical P values from Monte Carlo procedures", Am. J. Hum. Genet. 71(2), 439–441
/// (2002), doi:10.1086/341527.
public struct EdgeSwapTest: Hashable, Sendable, Codable {
  /// R: the number of random graphs.
  public var samples: Int
  /// The seed of the random streams.
  public var seed: UInt64
  /// Attempted moves per link in each sample.
  public var attemptsPerLink: Int
  /// The share of attempted moves that changed the graph, over all samples; `nil` when no move
  /// was attempted (no links).
  public var acceptance: Double?
  /// L↔ of the observed graph.
  public var observed: Int
  /// The mean of L↔ over the samples.
  public var mean: Double
  /// The standard deviation of L↔ over the samples (divisor R − 1; 0 when R = 1).
  public var standardDeviation: Double
  /// (observed − mean) / sd; `nil` when sd = 0.
  public var z: Double?
  /// (k + 1) / (R + 1), k = samples with L↔ ≥ observed: small when reciprocity is above chance.
  public var pAtLeast: Double
  /// (k + 1) / (R + 1), k = samples with L↔ ≤ observed: small when it is below.
  public var pAtMost: Double
}

/// A directed simple graph under swaps: the links in slots grouped by tail (so each actor's
/// out-degree stays in place), the set of links, and L↔ kept up to date.
struct SwapChain: Sendable {
  /// The tail of the link in each slot (never changes).
  let tail: [Int32]
  /// The head of the link in each slot.
  var head: [Int32]
  /// The slots of actor v are `outStart[v]..<outStart[v + 1]`.
  let outStart: [Int32]
  var links: LinkSet
  /// L↔.
  var reciprocated: Int

  /// The graph of links `tail[k]` → `head[k]`, sorted by tail, among `actors` actors.
  ///
  /// - Parameter bitMatrix: whether to keep the links as a bit matrix (else a hash table);
  ///   `nil` for the smaller of the two.
  init(actors: Int, tail: [Int32], head: [Int32], bitMatrix: Bool? = nil) {
    self.tail = tail
    self.head = head
    var start = [Int32](repeating: 0, count: actors + 1)
    for t in tail { start[Int(t) + 1] += 1 }
    for v in 0..<actors { start[v + 1] += start[v] }
    outStart = start
    links = LinkSet(capacity: tail.count, actors: actors, bitMatrix: bitMatrix)
    reciprocated = 0
    if links.isBitMatrix {
      links.withBits { bits in for k in tail.indices { bits.insert(tail[k], head[k]) } }
    } else {
      links.withTable { table in for k in tail.indices { table.insert(tail[k], head[k]) } }
    }
    reciprocated = countReciprocated()
  }

  /// L↔, counted afresh.
  func countReciprocated() -> Int {
    var links = self.links
    if links.isBitMatrix {
      return links.withBits { bits in tail.indices.filter { bits.contains(head[$0], tail[$0]) } }
        .count
    }
    return links.withTable { table in tail.indices.filter { table.contains(head[$0], tail[$0]) } }
      .count
  }

  /// Makes `attempts` attempted moves and returns how many changed the graph.
  mutating func run(attempts: Int, random: inout SeededRandom) -> Int {
    var head = self.head
    var links = self.links
    var mutual = reciprocated
    let accepted =
      links.isBitMatrix
      ? links.withBits { bits in
        Self.run(bits, attempts, &random, tail, outStart, &head, &mutual)
      }
      : links.withTable { table in
        Self.run(table, attempts, &random, tail, outStart, &head, &mutual)
      }
    self.head = head
    self.links = links
    reciprocated = mutual
    return accepted
  }

  /// The moves on borrowed storage, specialised for each kind of link set.
  private static func run<Links: LinkMembership>(
    _ links: Links, _ attempts: Int, _ random: inout SeededRandom, _ tail: [Int32],
    _ outStart: [Int32], _ head: inout [Int32], _ reciprocated: inout Int
  ) -> Int {
    tail.withUnsafeBufferPointer { tail in
      outStart.withUnsafeBufferPointer { outStart in
        head.withUnsafeMutableBufferPointer { head in
          var moves = SwapMoves(
            tail: tail, outStart: outStart, head: head, links: links,
            reciprocated: reciprocated)
          var accepted = 0
          for _ in 0..<attempts where moves.attempt(&random) { accepted += 1 }
          reciprocated = moves.reciprocated
          return accepted
        }
      }
    }
  }
}

/// The moves of the chain, on the chain's storage borrowed for one sample.
private struct SwapMoves<Links: LinkMembership> {
  let tail: UnsafeBufferPointer<Int32>
  let outStart: UnsafeBufferPointer<Int32>
  let head: UnsafeMutableBufferPointer<Int32>
  let links: Links
  var reciprocated: Int
  /// One attempted move (see ``EdgeSwapTest``); returns whether the graph changed.
  @inline(__always)
  mutating func attempt(_ random: inout SeededRandom) -> Bool {
    let count = tail.count
    guard count >= 2 else { return false }
    if random.coin() {
      let e1 = random.below(count)
      var e2 = random.below(count - 1)
      if e2 >= e1 { e2 += 1 }
      let (a, b, c, d) = (tail[e1], head[e1], tail[e2], head[e2])
      guard a != c, b != d, a != d, c != b, !links.contains(a, d), !links.contains(c, b) else {
        return false
      }
      // Only the pairs {a,b}, {c,d}, {a,d}, {c,b} change, and of their reverse links none is
      // moved: a→b and c→d were mutual when b→a and d→c exist, a→d and c→b will be when d→a
      // and b→c do.
      reciprocated += 2 * (has(d, a) + has(b, c) - has(b, a) - has(d, c))
      links.remove(a, b)
      links.remove(c, d)
      links.insert(a, d)
      links.insert(c, b)
      head[e1] = d
      head[e2] = b
      return true
    }
    let e1 = random.below(count)
    let (a, b) = (tail[e1], head[e1])
    let bOut = Int(outStart[Int(b) + 1] - outStart[Int(b)])
    guard bOut > 0 else { return false }
    let e2 = Int(outStart[Int(b)]) + random.below(bOut)
    let c = head[e2]
    let cOut = Int(outStart[Int(c) + 1] - outStart[Int(c)])
    guard cOut > 0 else { return false }
    let e3 = Int(outStart[Int(c)]) + random.below(cOut)
    let d = head[e3]
    guard a != c, b != d, !links.contains(a, c), !links.contains(c, b), !links.contains(b, d)
    else { return false }
    // The links a→b, b→c, c→d were mutual when b→a, c→b (absent) and d→c exist; a→c, c→b,
    // b→d will be when c→a, b→c (removed) and d→b do. With d ≠ a none of those reverses is
    // moved; with d = a (a triangle reversed) none of them exists before or after.
    if d != a { reciprocated += 2 * (has(c, a) + has(d, b) - has(b, a) - has(d, c)) }
    links.remove(a, b)
    links.remove(b, c)
    links.remove(c, d)
    links.insert(a, c)
    links.insert(c, b)
    links.insert(b, d)
    head[e1] = c
    head[e2] = d
    head[e3] = b
    return true
  }

  /// 1 when the link u→v exists, else 0.
  @inline(__always)
  func has(_ u: Int32, _ v: Int32) -> Int { links.contains(u, v) ? 1 : 0 }
}

/// What the moves ask of a set of links; the storage is borrowed, so nothing is mutating.
protocol LinkMembership {
  func contains(_ tail: Int32, _ head: Int32) -> Bool
  /// Inserts a link that is not in the set.
  func insert(_ tail: Int32, _ head: Int32)
  /// Removes a link that is in the set.
  func remove(_ tail: Int32, _ head: Int32)
}

/// A set of links among N actors: a bit matrix of N² bits, or an open-addressing hash table
/// of 64-bit keys (linear probing, at most half full, deletion by backward shift, no
/// tombstones) — whichever takes less memory, so that the moves' look-ups stay in the cache.
struct LinkSet: Sendable {
  private var storage: [UInt64]
  /// 64 − log₂(table size), for the hash table.
  private let shift: UInt64
  /// N for the bit matrix, 0 for the hash table.
  private let actors: Int

  /// A set for up to `capacity` links among `actors` actors.
  init(capacity: Int, actors: Int, bitMatrix: Bool?) {
    var bits: UInt64 = 4
    while 1 << bits < 2 * capacity { bits += 1 }
    let words = (actors * actors + 63) / 64
    if bitMatrix ?? (words <= 4 << bits) {
      storage = [UInt64](repeating: 0, count: max(1, words))
      shift = 0
      self.actors = max(1, actors)
    } else {
      storage = [UInt64](repeating: LinkSlots.empty, count: 1 << bits)
      shift = 64 - bits
      self.actors = 0
    }
  }

  var isBitMatrix: Bool { actors > 0 }

  /// Runs `body` on the hash table. - Precondition: not a bit matrix.
  mutating func withTable<R>(_ body: (LinkSlots) -> R) -> R {
    let shift = self.shift
    return storage.withUnsafeMutableBufferPointer { body(LinkSlots(slots: $0, shift: shift)) }
  }

  /// Runs `body` on the bit matrix. - Precondition: a bit matrix.
  mutating func withBits<R>(_ body: (LinkBits) -> R) -> R {
    let actors = self.actors
    return storage.withUnsafeMutableBufferPointer { body(LinkBits(words: $0, actors: actors)) }
  }
}

/// The bit matrix of ``LinkSet``: bit i·N + j is the link i→j.
struct LinkBits: LinkMembership {
  let words: UnsafeMutableBufferPointer<UInt64>
  let actors: Int

  @inline(__always)
  private func bit(_ tail: Int32, _ head: Int32) -> (Int, UInt64) {
    let k = Int(tail) * actors + Int(head)
    return (k >> 6, 1 << UInt64(k & 63))
  }

  @inline(__always)
  func contains(_ tail: Int32, _ head: Int32) -> Bool {
    let (word, mask) = bit(tail, head)
    return words[word] & mask != 0
  }

  @inline(__always)
  func insert(_ tail: Int32, _ head: Int32) {
    let (word, mask) = bit(tail, head)
    words[word] |= mask
  }

  @inline(__always)
  func remove(_ tail: Int32, _ head: Int32) {
    let (word, mask) = bit(tail, head)
    words[word] &= ~mask
  }
}

/// The hash table of ``LinkSet``.
struct LinkSlots: LinkMembership {
  static let empty = UInt64.max
  let slots: UnsafeMutableBufferPointer<UInt64>
  let shift: UInt64

  @inline(__always)
  private static func key(_ tail: Int32, _ head: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: tail)) << 32 | UInt64(UInt32(bitPattern: head))
  }

  /// Fibonacci hashing: the top bits of key × 2⁶⁴/φ.
  @inline(__always)
  private func home(_ key: UInt64) -> Int { Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

  @inline(__always)
  func contains(_ tail: Int32, _ head: Int32) -> Bool {
    let key = Self.key(tail, head)
    let mask = slots.count - 1
    var i = home(key)
    while true {
      let slot = slots[i]
      if slot == key { return true }
      if slot == Self.empty { return false }
      i = (i + 1) & mask
    }
  }

  @inline(__always)
  func insert(_ tail: Int32, _ head: Int32) {
    let key = Self.key(tail, head)
    let mask = slots.count - 1
    var i = home(key)
    while slots[i] != Self.empty { i = (i + 1) & mask }
    slots[i] = key
  }

  /// Removes the link, shifting back the run that follows it.
  @inline(__always)
  func remove(_ tail: Int32, _ head: Int32) {
    let key = Self.key(tail, head)
    let mask = slots.count - 1
    var hole = home(key)
    while slots[hole] != key { hole = (hole + 1) & mask }
    var j = hole
    while true {
      j = (j + 1) & mask
      let slot = slots[j]
      if slot == Self.empty { break }
      let k = home(slot)
      // The entry at j may move to the hole unless its home lies cyclically in (hole, j].
      let stays = hole <= j ? (hole < k && k <= j) : (hole < k || k <= j)
      if stays { continue }
      slots[hole] = slot
      hole = j
    }
    slots[hole] = Self.empty
  }
}

extension EdgeSwapTest {
  /// Runs the swap null on the graph of `chain` (its actors numbered 0..<N).
  init(
    chain: SwapChain, samples: Int, seed: UInt64, attemptsPerLink: Int, threads: Int
  ) {
    let attempts = attemptsPerLink * chain.tail.count
    let results = parallelSamples(samples, threads: threads) { s -> (Int, Int) in
      var random = SeededRandom(seed: seed, sample: s)
      var graph = chain
      let accepted = graph.run(attempts: attempts, random: &random)
      assert(graph.reciprocated == graph.countReciprocated(), "L↔ kept up to date")
      return (graph.reciprocated, accepted)
    }
    let values = results.map(\.0)
    let observed = chain.reciprocated
    let (mean, sd) = meanAndDeviation(values.map(Double.init))
    let accepted = results.map(\.1).reduce(0, +)
    self.init(
      samples: samples, seed: seed, attemptsPerLink: attemptsPerLink,
      acceptance: attempts * samples == 0 ? nil : Double(accepted) / Double(attempts * samples),
      observed: observed, mean: mean, standardDeviation: sd,
      z: sd > 0 ? (Double(observed) - mean) / sd : nil,
      pAtLeast: Double(values.filter { $0 >= observed }.count + 1) / Double(samples + 1),
      pAtMost: Double(values.filter { $0 <= observed }.count + 1) / Double(samples + 1))
  }
}
