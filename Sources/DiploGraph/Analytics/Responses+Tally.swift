/// The counting behind ``ResponseSummary``: outcome counts, the originals' actors per outcome,
/// mean and median lag.

/// Counts exchanges.
///
/// Lags go into a histogram over the response window when the window is not much longer than
/// the actions are many (every window match has a lag in [0, window]); the few lags outside it
/// (explicit answers) are kept apart. The median is then read from the histogram in O(window);
/// with a very long window the lags are kept and sorted instead.
///
/// A class over ``OwnedBuffer`` storage: counting is a few stores, with none of the uniqueness
/// checks a mutated array makes.
final class OutcomeTally {
  private let storage:
    (
      counts: OwnedBuffer<Int>, originals: OwnedBuffer<Int>, lags: OwnedBuffer<Int>,
      seen: OwnedBuffer<Bool>, histogram: OwnedBuffer<Int>
    )
  private let counts: UnsafeMutableBufferPointer<Int>
  /// Original actions per outcome.
  private let originals: UnsafeMutableBufferPointer<Int>
  /// The lags counted (0) and their sum (1).
  private let lags: UnsafeMutableBufferPointer<Int>
  /// Per outcome and node: whether an original of an exchange with that outcome has the node
  /// as its actor.
  private let seen: UnsafeMutableBufferPointer<Bool>
  private let nodes: Int
  /// Lags 0…histogram.count − 1, counted; empty when lags are kept in `otherLags` only.
  private let histogram: UnsafeMutableBufferPointer<Int>
  private var otherLags: [Int] = []

  /// - Parameters:
  ///   - nodes: the network's node count.
  ///   - windowDays: the response window.
  ///   - actions: the selected actions, which bounds the number of lags.
  init(nodes: Int, windowDays: Int, actions: Int) {
    let outcomes = Exchange.Outcome.allCases.count
    self.nodes = nodes
    let span = windowDays + 1
    let spans = span <= max(1 << 16, 4 * actions) ? span : 0
    storage = (
      OwnedBuffer(repeating: 0, count: outcomes),
      OwnedBuffer(repeating: 0, count: outcomes),
      OwnedBuffer(repeating: 0, count: 2),
      OwnedBuffer(repeating: false, count: outcomes * nodes),
      OwnedBuffer(repeating: 0, count: spans)
    )
    counts = UnsafeMutableBufferPointer(rebasing: storage.counts.buffer[..<outcomes])
    originals = UnsafeMutableBufferPointer(rebasing: storage.originals.buffer[..<outcomes])
    lags = UnsafeMutableBufferPointer(rebasing: storage.lags.buffer[..<2])
    seen = UnsafeMutableBufferPointer(rebasing: storage.seen.buffer[..<(outcomes * nodes)])
    histogram = UnsafeMutableBufferPointer(rebasing: storage.histogram.buffer[..<spans])
  }

  /// Counts an exchange of `originals` actions whose actor is node `actor`, with `lag` when
  /// it is answered and dated.
  @inline(__always)
  func add(_ outcome: Exchange.Outcome, actor: Int, lag: Int?, originals: Int = 1) {
    let c = outcome.ordinal
    counts[c] += 1
    self.originals[c] += originals
    seen[c * nodes + actor] = true
    guard let lag else { return }
    lags[0] += 1
    lags[1] += lag
    if lag >= 0 && lag < histogram.count {
      histogram[lag] += 1
    } else {
      otherLags.append(lag)
    }
  }

  /// Adds the counts of another tally of the same nodes and window.
  func add(_ other: OutcomeTally) {
    precondition(other.nodes == nodes && other.histogram.count == histogram.count)
    for c in counts.indices {
      counts[c] += other.counts[c]
      originals[c] += other.originals[c]
    }
    lags[0] += other.lags[0]
    lags[1] += other.lags[1]
    for i in seen.indices where other.seen[i] { seen[i] = true }
    for lag in histogram.indices { histogram[lag] += other.histogram[lag] }
    otherLags += other.otherLags
  }

  /// The outcome summaries and the mean and median lag.
  ///
  /// - Parameter actors: the actor id of each node.
  func finish(actors: [ActorID]) -> (outcomes: [OutcomeSummary], mean: Double?, median: Double?) {
    let cases = Exchange.Outcome.allCases
    let outcomes = cases.indices.map { c in
      OutcomeSummary(
        outcome: cases[c], exchanges: counts[c], originals: originals[c],
        actors: (0..<nodes).filter { seen[c * nodes + $0] }.map { actors[$0] }.sorted())
    }
    let lagCount = lags[0]
    guard lagCount > 0 else { return (outcomes, nil, nil) }
    // Lags are whole days: their sum is exact, and so is the mean's one division.
    let mean = Double(lags[1]) / Double(lagCount)
    // The lags at 0-based ranks ⌊c/2⌋ (and ⌊c/2⌋ − 1 when c is even): the ones kept apart
    // below the histogram, then the histogram, then the ones kept apart above it.
    let others = otherLags.sorted()
    let below = others.prefix { $0 < 0 }
    let above = others.dropFirst(below.count)
    func lag(rank: Int) -> Int {
      if rank < below.count { return below[below.startIndex + rank] }
      var rest = rank - below.count
      for (lag, n) in histogram.enumerated() {
        if rest < n { return lag }
        rest -= n
      }
      return above[above.startIndex + rest]
    }
    let mid = lagCount / 2
    let median =
      lagCount % 2 == 1
      ? Double(lag(rank: mid)) : (Double(lag(rank: mid - 1)) + Double(lag(rank: mid))) / 2
    return (outcomes, mean, median)
  }
}
