/// The dyad and triad census of the binary graph of a selection.
///
/// The graph: the actors with at least one selected link (N of them, as in ``Reciprocity``), and
/// a_ij = 1 when there is a link i→j (self-loops excluded; weights ignored).

/// The dyad census (Holland & Leinhardt 1970): each of the C(N, 2) unordered pairs of actors is
/// mutual (links both ways), asymmetric (one way) or null (none).
///
/// M = L↔ / 2, A = L − L↔, and the null pairs are the rest: M + A + N₀ = C(N, 2).
///
/// Reference: P. W. Holland, S. Leinhardt, "A method for detecting structure in sociometric
/// data", American Journal of Sociology 76(3), 492–513 (1970), doi:10.1086/224954.
public struct DyadCensus: Hashable, Sendable, Codable {
  /// M: pairs linked both ways.
  public var mutual: Int
  /// A: pairs linked one way only.
  public var asymmetric: Int
  /// Pairs not linked at all.
  public var null: Int

  public init(mutual: Int, asymmetric: Int, null: Int) {
    self.mutual = mutual
    self.asymmetric = asymmetric
    self.null = null
  }
}

/// The 16 isomorphism classes of a directed triad, named M-A-N (mutual, asymmetric and null
/// dyads) with a letter for the orientation: D(own), U(p), C(yclic or chain), T(ransitive) —
/// the names of Holland & Leinhardt and of networkx's `triadic_census`.
public enum TriadType: String, Hashable, Sendable, Codable, CaseIterable {
  case t003 = "003"
  case t012 = "012"
  case t102 = "102"
  case t021D = "021D"
  case t021U = "021U"
  case t021C = "021C"
  case t111D = "111D"
  case t111U = "111U"
  case t030T = "030T"
  case t030C = "030C"
  case t201 = "201"
  case t120D = "120D"
  case t120U = "120U"
  case t120C = "120C"
  case t210 = "210"
  case t300 = "300"

  /// The type of the triad (v, u, w) whose links are given by the bits of `code`: v→u 1,
  /// u→v 2, v→w 4, w→v 8, u→w 16, w→u 32 (the coding of Batagelj & Mrvar and networkx).
  ///
  /// - 021D: one actor sends both asymmetric links (A←B→C); 021U: one receives both (A→B←C);
  ///   021C: a chain (A→B→C).
  /// - 111D: the asymmetric link points into the mutual pair (A↔B←C); 111U: out of it (A↔B→C).
  /// - 030T: transitive (A→B→C, A→C); 030C: a cycle.
  /// - 120D: the third actor sends to both members of the mutual pair; 120U: receives from
  ///   both; 120C: a chain through it.
  static func classify(_ code: Int) -> TriadType {
    // Arcs as (tail, head) among the actors 0 = v, 1 = u, 2 = w.
    let bits: [(Int, Int)] = [(0, 1), (1, 0), (0, 2), (2, 0), (1, 2), (2, 1)]
    var arc = [[Bool]](repeating: [false, false, false], count: 3)
    for (k, (x, y)) in bits.enumerated() where code >> k & 1 == 1 { arc[x][y] = true }
    var mutualPairs: [(Int, Int)] = []
    var asymmetricArcs: [(Int, Int)] = []
    for (x, y) in [(0, 1), (0, 2), (1, 2)] {
      if arc[x][y] && arc[y][x] {
        mutualPairs.append((x, y))
      } else if arc[x][y] {
        asymmetricArcs.append((x, y))
      } else if arc[y][x] {
        asymmetricArcs.append((y, x))
      }
    }
    let tails = asymmetricArcs.map(\.0)
    let heads = asymmetricArcs.map(\.1)
    switch (mutualPairs.count, asymmetricArcs.count) {
    case (0, 0): return .t003
    case (0, 1): return .t012
    case (1, 0): return .t102
    case (2, 0): return .t201
    case (2, 1): return .t210
    case (3, 0): return .t300
    case (0, 2):
      if tails[0] == tails[1] { return .t021D }
      return heads[0] == heads[1] ? .t021U : .t021C
    case (1, 1):
      let (p, q) = mutualPairs[0]
      return heads[0] == p || heads[0] == q ? .t111D : .t111U
    case (0, 3):
      return Set(tails).count == 3 ? .t030C : .t030T
    default:  // (1, 2)
      if tails[0] == tails[1] { return .t120D }
      return heads[0] == heads[1] ? .t120U : .t120C
    }
  }

  /// `classify` for every code, computed once.
  static let ofCode: [TriadType] = (0..<64).map(classify)

  /// For every code, the place of its type in ``allCases`` (the census's counts' index).
  static let countIndexOfCode: [Int] = ofCode.map { allCases.firstIndex(of: $0)! }
}

/// The triad census: how many of the C(N, 3) triples of actors are of each ``TriadType``.
///
/// Computed with Batagelj & Mrvar's algorithm: for each linked pair v < u, the triads that
/// contain it and a third actor w linked to v or u are typed one by one (each counted once, by
/// the rule "u < w, or v < w < u and w not linked to v"); the triads with the pair and an actor
/// linked to neither are counted together (012 or 102); 003 is what remains of C(N, 3).
/// Counts equal networkx's `triadic_census` on the `nx.DiGraph` of the links.
///
/// - Complexity: O(Σ_{linked pairs} (d_v + d_u)) ≤ O(m·Δ) time for m linked pairs and largest
///   (undirected) degree Δ, O(N + L) memory: subquadratic in N on sparse graphs (10,000 actors
///   and their links take milliseconds unless one actor is linked to nearly all).
///   On dense graphs of few actors the same rule runs on rows of bits
///   (``init(actors:bitsetsOf:_:)``, chosen by ``Method/quicker(actors:links:)``): O(m·⌈N/64⌉).
///
/// Reference: V. Batagelj, A. Mrvar, "A subquadratic triad census algorithm for large sparse
/// networks with small maximum degree", Social Networks 23(3), 237–243 (2001),
/// doi:10.1016/S0378-8733(01)00035-1.
public struct TriadCensus: Hashable, Sendable {
  /// Counts in ``TriadType/allCases`` order.
  public private(set) var counts: [Int]

  /// The number of triads of `type`.
  public subscript(type: TriadType) -> Int {
    counts[TriadType.allCases.firstIndex(of: type)!]
  }

  init(counts: [Int]) { self.counts = counts }

  /// How the census is taken: both give the same counts.
  enum Method: Sendable {
    /// Batagelj & Mrvar's merge of the two neighbourhoods of each linked pair.
    case merge
    /// The neighbourhoods as rows of bits, every third actor of a linked pair counted by
    /// population counts, 64 at a time.
    case bitsets

    /// The quicker method for `n` actors and `links` links: the merge reads d_v + d_u
    /// neighbours per linked pair, with a branch each; the bits read 4 words per 64 actors and
    /// count 15 masks of them, without a branch. The bits take 2 · n² bits, so never beyond
    /// 4,096 actors (4 MB).
    static func quicker(actors n: Int, links: Int) -> Method {
      guard n >= 3, n <= 4_096, links > 0 else { return .merge }
      let words = (n + 63) / 64
      // A pair's two neighbourhoods, each of about links / n actors (links one way or both).
      let averageDegree = 2 * links / n
      return 4 * words <= averageDegree ? .bitsets : .merge
    }
  }

  /// The census of the graph on `n` actors whose links are `tail[k] → head[k]` (no
  /// self-loops, no link twice), with rows of bits: for each linked pair v < u, the third
  /// actors w are those linked to v or u; per word of 64 of them, the masks of each of the 15
  /// (v–w, u–w) dyad states but "neither" are counted with their population count, for the w
  /// that Batagelj & Mrvar's rule counts with this pair (u < w, or v < w < u and w not linked
  /// to v). The same counts as ``init(actors:start:neighbour:direction:)``.
  ///
  /// - Complexity: O(m · ⌈n/64⌉) time for m linked pairs, 2 · n · ⌈n/64⌉ words of memory.
  init(actors n: Int, bitsetsOf tail: [Int32], _ head: [Int32]) {
    precondition(tail.count == head.count, "a head per tail")
    let words = (n + 63) >> 6
    // Row v of `out`: the actors v links to; of `into`: those linking to v.
    var out = [UInt64](repeating: 0, count: n * words)
    var into = [UInt64](repeating: 0, count: n * words)
    for k in tail.indices where tail[k] != head[k] {
      let (t, h) = (Int(tail[k]), Int(head[k]))
      out[t * words + h >> 6] |= 1 << UInt64(h & 63)
      into[h * words + t >> 6] |= 1 << UInt64(t & 63)
    }
    let typeIndex = TriadType.countIndexOfCode
    var counts = [Int](repeating: 0, count: 16)
    // Per linked pair: third actors by state, (v–w) | (u–w) << 2, each bit 1 "→ w", 2 "w →".
    // (A buffer, not an array: no uniqueness check per count.)
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 16) { byState in
      out.withUnsafeBufferPointer { out in
        into.withUnsafeBufferPointer { into in
          for v in 0..<n {
            let vRow = v * words
            for uWord in v >> 6..<words {
              var linked = out[vRow + uWord] | into[vRow + uWord]
              if uWord == v >> 6 { linked &= Self.above(v & 63) }
              while linked != 0 {
                let u = uWord << 6 | linked.trailingZeroBitCount
                linked &= linked - 1
                let uRow = u * words
                let vu =
                  Int(out[vRow + u >> 6] >> UInt64(u & 63) & 1)
                  | Int(into[vRow + u >> 6] >> UInt64(u & 63) & 1) << 1
                for s in 0..<16 { byState[s] = 0 }
                var union = 0
                for w in 0..<words {
                  let (a, b) = (out[vRow + w], into[vRow + w])
                  let (c, d) = (out[uRow + w], into[uRow + w])
                  let either = a | b | c | d
                  union += either.nonzeroBitCount
                  // The third actors this pair counts: past u whatever their links, and between
                  // v and u when not linked to v (both in `notToV` below).
                  let past = Self.mask(word: w, above: u)
                  let counted = either & past
                  let unlinkedBetween = either & ~(a | b) & Self.mask(word: w, above: v) & ~past
                  let notToV = counted & ~a & ~b | unlinkedBetween
                  let toU = (~c & ~d, c & ~d, ~c & d, c & d)
                  // By the state of (v, w): none, v → w, w → v, both.
                  Self.tally(notToV, toU, into: byState, state: 0)
                  Self.tally(counted & a & ~b, toU, into: byState, state: 1)
                  Self.tally(counted & ~a & b, toU, into: byState, state: 2)
                  Self.tally(counted & a & b, toU, into: byState, state: 3)
                }
                for s in 1..<16 where byState[s] > 0 {
                  counts[typeIndex[vu | (s & 3) << 2 | (s >> 2) << 4]] += byState[s]
                }
                // v and u are in each other's rows: `union` counts them.
                counts[vu == 3 ? 2 : 1] += n - union
              }
            }
          }
        }
      }
    }
    let total = n >= 3 ? n * (n - 1) / 2 * (n - 2) / 3 : 0
    counts[0] = total - counts.dropFirst().reduce(0, +)
    self.counts = counts
  }

  /// Adds to `byState[state | cu << 2]` the third actors of `towardV` (one state of their
  /// dyad with v) whose dyad with u is in state cu, for each cu (the masks of `toU`). State 0
  /// with u (linked to neither) never meets the third actors counted, so `byState[0]` stays 0.
  @inline(__always)
  private static func tally(
    _ towardV: UInt64, _ toU: (UInt64, UInt64, UInt64, UInt64),
    into byState: UnsafeMutableBufferPointer<Int>, state: Int
  ) {
    byState[state] += (towardV & toU.0).nonzeroBitCount
    byState[state | 4] += (towardV & toU.1).nonzeroBitCount
    byState[state | 8] += (towardV & toU.2).nonzeroBitCount
    byState[state | 12] += (towardV & toU.3).nonzeroBitCount
  }

  /// The bits above bit `b` of a word (b in 0..<64).
  @inline(__always)
  private static func above(_ b: Int) -> UInt64 { b == 63 ? 0 : ~0 << UInt64(b + 1) }

  /// The bits of word `w` for the actors above `x`.
  @inline(__always)
  private static func mask(word w: Int, above x: Int) -> UInt64 {
    let first = w << 6
    if x < first { return ~0 }
    if x >= first + 64 { return 0 }
    return above(x - first)
  }

  /// The census of the graph on `n` actors whose undirected neighbourhoods are given: for
  /// actor v, `neighbour[start[v]..<start[v+1]]` ascending, with `direction` 1 (v→u), 2 (u→v)
  /// or 3 (both).
  init(actors n: Int, start: [Int], neighbour: [Int32], direction: [UInt8]) {
    var counts = [Int](repeating: 0, count: 16)
    let typeIndex = TriadType.countIndexOfCode
    for v in 0..<n {
      for e in start[v]..<start[v + 1] where Int(neighbour[e]) > v {
        let u = Int(neighbour[e])
        let vu = Int(direction[e])  // bit 1: v→u, bit 2: u→v
        // Merge N(v) and N(u), each ascending, skipping v and u themselves.
        var a = start[v]
        var b = start[u]
        let (aEnd, bEnd) = (start[v + 1], start[u + 1])
        var union = 0
        while a < aEnd || b < bEnd {
          let wa = a < aEnd ? Int(neighbour[a]) : Int.max
          let wb = b < bEnd ? Int(neighbour[b]) : Int.max
          let w = min(wa, wb)
          let toV = wa == w ? Int(direction[a]) : 0  // bit 1: v→w, bit 2: w→v
          let toU = wb == w ? Int(direction[b]) : 0  // bit 1: u→w, bit 2: w→u
          if wa == w { a += 1 }
          if wb == w { b += 1 }
          if w == u || w == v { continue }
          union += 1
          if u < w || (v < w && w < u && toV == 0) {
            counts[typeIndex[vu | toV << 2 | toU << 4]] += 1
          }
        }
        counts[vu == 3 ? 2 : 1] += n - union - 2
      }
    }
    let total = n >= 3 ? n * (n - 1) / 2 * (n - 2) / 3 : 0
    counts[0] = total - counts.dropFirst().reduce(0, +)
    self.counts = counts
  }
}

extension TriadCensus: Codable {
  /// An object keyed by the type names, in ``TriadType/allCases`` order.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: TypeKey.self)
    for (type, count) in zip(TriadType.allCases, counts) {
      try container.encode(count, forKey: TypeKey(type))
    }
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: TypeKey.self)
    counts = try TriadType.allCases.map { try container.decode(Int.self, forKey: TypeKey($0)) }
  }

  private struct TypeKey: CodingKey {
    var stringValue: String
    init(_ type: TriadType) { stringValue = type.rawValue }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
  }
}
