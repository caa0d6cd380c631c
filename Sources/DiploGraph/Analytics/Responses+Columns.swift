/// What the summaries and the chains of ``ResponseAnalysis`` read of each exchange, read from
/// the rows by each pass in its own order.

/// Reads what the passes after the matching want of an exchange from the rows, one exchange
/// at a time and in each pass's own order (the summary's parts, the chains' groups): no column
/// of every exchange is kept (at 10M actions one would take 120 MB, written once and read
/// once).
///
/// Its arrays are held once, here: the passes call it from several threads at once, and a
/// value copied out per exchange (the list's rules, a column) costs a retain and a release of
/// storage the threads share, each an atomic write to one cache line they fight over.
struct ExchangeGatherer: Sendable {
  let list: ExchangeList
  let reader: ActionReader
  let rules: ExchangeRules
  let nodeOfEndpoint: [Int32]
  let original: [Int32]
  let answer: [Int32]
  let dates: [Int32]
  let actors: [Int32]
  let targets: [Int32]
  let kinds: [UInt16]
  let weights: [Int64]

  init(list: ExchangeList, reader: ActionReader, nodeOfEndpoint: [Int32]) {
    self.list = list
    self.reader = reader
    rules = list.rules
    self.nodeOfEndpoint = nodeOfEndpoint
    original = list.original
    answer = list.answer
    dates = reader.dateColumn
    actors = reader.actorColumn
    targets = reader.targetColumn
    kinds = reader.kindColumn
    weights = reader.weightColumn
  }

  /// The nodes of exchange x's first original's actor and target.
  @inline(__always)
  func pair(_ x: Int) -> (actor: Int32, target: Int32) {
    var o = Int(original[x])
    if o < 0 { o = list.materialized[-1 - o].originals[0].row }
    return (nodeOfEndpoint[Int(actors[o])], nodeOfEndpoint[Int(targets[o])])
  }

  /// The outcome of the exchange of one original, row o, answered by row a (−1: none), and
  /// the answer's date when it is not declined (else ``ActionTable/noDate``).
  @inline(__always)
  func outcome(original o: Int, answer a: Int) -> (Exchange.Outcome, answerDay: Int32) {
    if a < 0 {
      return (
        rules.unansweredOutcome(latestOriginal: dates[o], target: targets[o]),
        ActionTable.noDate
      )
    }
    if reader.isDeclined(a) { return (.declined, ActionTable.noDate) }
    return (.of(answer: weights[a], original: weights[o]), dates[a])
  }

  /// For the exchange of one original, row o, answered by row a: 1 + the ordinal of how the
  /// chain of those two steps ends; 0 when it has no answer (a = −1).
  @inline(__always)
  func twoStepEnding(original o: Int, answer a: Int) -> UInt8 {
    guard a >= 0 else { return 0 }
    let ending = ResponseChains.ending(original: o, answer: a, reader: reader, rules: rules)
    return UInt8(1 + ending.ordinal)
  }
}

/// Where the items of a parallel counting sort go, from each part's count per group: each
/// group's start (`start[g]..<start[g + 1]`), and where each part's items of each group start
/// within it (after those of the parts before it, so that the sort keeps the items' order).
func partGroupStarts(_ counts: [[Int]], groups: Int) -> (start: [Int], partStart: [[Int]]) {
  var start = [Int](repeating: 0, count: groups + 1)
  var partStart = [[Int]](repeating: [], count: counts.count)
  for g in 0..<groups {
    var at = start[g]
    for part in counts.indices {
      partStart[part].append(at)
      at += counts[part][g]
    }
    start[g + 1] = at
  }
  return (start, partStart)
}
