/// Whether a bloc keeps its weight inside more (or less) than any set of as many actors would:
/// the E-I index of each bloc against a permutation null.

/// One bloc's E-I index and its permutation test.
///
/// The statistic is ``BlocWeight/eiIndex``, the E-I index on weights (Krackhardt & Stern 1988):
/// EI = (E − I) / (E + I), with I the weight of the links inside the bloc and E the weight of
/// the links with one end in it.
///
/// **The null** (Krackhardt & Stern's randomisation, as UCINET's E-I permutation test): the bloc
/// labels are shuffled among the actors of the graph (those with a link), every actor keeping
/// its links and the blocs their sizes — each sample is a uniformly random permutation of the
/// actors, and each actor takes the bloc memberships of its image, so overlapping blocs keep
/// their overlaps too. A bloc's size here is its members that have a link: members absent from
/// the selection have no weight to place, and are not shuffled.
///
/// **The p-values** are one-sided, (k + 1) / (R′ + 1) over the R′ samples in which the shuffled
/// bloc's E-I is defined: ``pAtMost`` counts the samples with EI ≤ the observed one (small:
/// more inward-looking than chance — cohesion), ``pAtLeast`` those with EI ≥ it (small: more
/// outward-looking). A two-sided p-value is min(1, 2 · min(pAtMost, pAtLeast)).
///
/// Undefined (`nil`): everything when the observed E-I is (E + I = 0); mean, sd, z and the
/// p-values when no sample has a defined E-I; z when the samples' sd is 0 (a bloc of every
/// actor, or none, is the same under any shuffle).
///
/// - Complexity: O(R · (N + L·m²)) for R samples, N actors, L links and at most m blocs per
///   actor, spread over the cores.
///
/// Reference: D. Krackhardt, R. N. Stern, "Informal networks and organizational crises: an
/// experimental simulation", Social Psychology Quarterly 51(2), 123–140 (1988),
/// doi:10.2307/2786835.
public struct BlocCohesionTest: Hashable, Sendable, Codable {
  public var bloc: BlocID
  /// Members with at least one link: the labels that are shuffled.
  public var members: Int
  /// The observed E-I index on weights (``BlocWeight/eiIndex``).
  public var observed: Double?
  /// R′: samples in which the shuffled bloc's E-I is defined.
  public var definedSamples: Int
  /// The mean E-I over those samples.
  public var mean: Double?
  /// The sample standard deviation of E-I over them (divisor R′ − 1).
  public var standardDeviation: Double?
  /// (observed − mean) / sd.
  public var z: Double?
  /// (k + 1) / (R′ + 1), k = samples with EI ≤ observed: small when the bloc is cohesive.
  public var pAtMost: Double?
  /// (k + 1) / (R′ + 1), k = samples with EI ≥ observed.
  public var pAtLeast: Double?
}

/// The permutation tests of the chosen blocs.
///
/// - Parameters:
///   - analysis: the blocs (their members and observed E-I), as ``BlocAnalysis`` found them.
///   - actors: the network nodes of the graph's actors (those with a link), in order.
///   - tail, head, weight: the links, as positions in `actors`.
/// - Complexity: see ``BlocCohesionTest``.
func blocCohesionTests(
  _ analysis: BlocAnalysis, network: Network, actors: [Int], tail: [Int32], head: [Int32],
  weight: [Int64], samples: Int, seed: UInt64, threads: Int
) -> [BlocCohesionTest] {
  let n = actors.count
  let blocCount = analysis.blocs.count
  // The blocs of each actor (position in `actors`), as ranges of one array.
  var position = [Int](repeating: -1, count: network.nodeCount)
  for (p, node) in actors.enumerated() { position[node] = p }
  var blocsOf = [[Int32]](repeating: [], count: n)
  var sizes = [Int](repeating: 0, count: blocCount)
  for (b, bloc) in analysis.blocs.enumerated() {
    for id in bloc.members {
      guard let node = network.node(of: id), position[node] >= 0 else { continue }
      blocsOf[position[node]].append(Int32(b))
      sizes[b] += 1
    }
  }
  var offsets = [Int](repeating: 0, count: n + 1)
  for p in 0..<n { offsets[p + 1] = offsets[p] + blocsOf[p].count }
  let start = offsets
  let memberships = blocsOf.flatMap { $0 }

  /// (E, I) of every bloc when actor p carries the blocs of actor label[p].
  @Sendable func externalInternal(_ label: [Int]) -> [(Int64, Int64)] {
    var e = [Int64](repeating: 0, count: blocCount)
    var i = [Int64](repeating: 0, count: blocCount)
    for k in tail.indices {
      let w = weight[k]
      let from = label[Int(tail[k])]
      let to = label[Int(head[k])]
      let gi = memberships[start[from]..<start[from + 1]]
      let gj = memberships[start[to]..<start[to + 1]]
      // Partial sums of the checked total weight: they fit.
      for a in gi {
        if gj.contains(a) { i[Int(a)] &+= w } else { e[Int(a)] &+= w }
      }
      for c in gj where !gi.contains(c) { e[Int(c)] &+= w }
    }
    return (0..<blocCount).map { (e[$0], i[$0]) }
  }
  @Sendable func index(_ pair: (Int64, Int64)) -> Double? {
    pair.0 + pair.1 == 0 ? nil : (try? eiIndex(external: pair.0, internal: pair.1))
  }

  let identity = Array(0..<n)
  let observed = analysis.blocs.map(\.eiIndex)
  assert(externalInternal(identity).map(index) == observed, "E-I differs from BlocAnalysis")
  let null = parallelSamples(samples, threads: threads) { s -> [Double?] in
    var random = SeededRandom(seed: seed, sample: s)
    var label = identity
    for p in stride(from: n - 1, to: 0, by: -1) { label.swapAt(p, random.below(p + 1)) }
    return externalInternal(label).map(index)
  }
  return analysis.blocs.indices.map { b in
    let values = null.compactMap { $0[b] }
    var test = BlocCohesionTest(
      bloc: analysis.blocs[b].id, members: sizes[b], observed: observed[b],
      definedSamples: values.count)
    guard let ei = observed[b], !values.isEmpty else { return test }
    let (mean, sd) = meanAndDeviation(values)
    test.mean = mean
    test.standardDeviation = sd
    test.z = sd > 0 ? (ei - mean) / sd : nil
    let r = Double(values.count + 1)
    test.pAtMost = Double(values.filter { $0 <= ei }.count + 1) / r
    test.pAtLeast = Double(values.filter { $0 >= ei }.count + 1) / r
    return test
  }
}
