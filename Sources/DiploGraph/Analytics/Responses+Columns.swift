/// What the summaries and the chains of ``ResponseAnalysis`` read of each exchange: gathered
/// once in the list's order for the summary's passes, so that each reads one array in order
/// instead of the rows of the whole action table; read again, one exchange at a time, by the
/// chains' grouping, which copies it in its own order once the summary's column is freed.

/// One exchange of an ``ExchangeList`` as the passes after the matching read it: 20 bytes.
struct GatheredExchange: Hashable, Sendable {
  /// The date of its first original, ``ActionTable/noDate`` when undated.
  var day: Int32
  /// For an exchange of one original answered by an action that is not `declined`: the
  /// answer's date; else ``ActionTable/noDate``.
  var answerDay: Int32
  /// The network nodes of its first original's actor and target.
  var actor: Int32
  var target: Int32
  /// The kind symbol of its first original.
  var kind: UInt16
  /// Its outcome's ``Exchange/Outcome/ordinal``.
  var outcome: UInt8
  /// For an exchange of one original and one answer: 1 + the ordinal of how the chain of
  /// those two steps ends (``ResponseChains/ending(original:answer:reader:rules:)``); else 0.
  var twoStepEnding: UInt8
}

extension ExchangeList {
  /// Each exchange's ``GatheredExchange``, in list order, read on up to `threads` threads (the
  /// list cut into parts of at least `minimumPart` exchanges, each part's rows read by one
  /// thread into its own range).
  ///
  /// - Parameters:
  ///   - reader: the rows' reader (the list's own, or one for its table when it has none).
  ///   - nodeOfEndpoint: the node of each endpoint symbol (``Network``'s).
  /// - Complexity: O(e) for e exchanges (O(m) more for an explicit exchange of m actions);
  ///   20 bytes per exchange.
  func gathered(
    reader: ActionReader, nodeOfEndpoint: [Int32], threads: Int, minimumPart: Int = 4096
  ) -> [GatheredExchange] {
    let n = count
    let empty = GatheredExchange(
      day: 0, answerDay: 0, actor: 0, target: 0, kind: 0, outcome: 0, twoStepEnding: 0)
    var result = [GatheredExchange](repeating: empty, count: n)
    let gatherer = ExchangeGatherer(list: self, reader: reader, nodeOfEndpoint: nodeOfEndpoint)
    result.withUnsafeMutableBufferPointer { buffer in
      // Unchecked: each part writes its own range of the buffer, which outlives the parts.
      nonisolated(unsafe) let out = buffer
      forEachPart(of: n, threads: threads, minimumPart: minimumPart) { range in
        for x in range { out[x] = gatherer.exchange(x) }
      }
    }
    return result
  }
}

/// Reads one exchange's ``GatheredExchange`` from the rows, for the passes that want it once
/// and in their own order (the chains' grouping) rather than a column of every exchange.
struct ExchangeGatherer: Sendable {
  let list: ExchangeList
  let reader: ActionReader
  let nodeOfEndpoint: [Int32]
  private let dates: [Int32]
  private let actors: [Int32]
  private let targets: [Int32]

  init(list: ExchangeList, reader: ActionReader, nodeOfEndpoint: [Int32]) {
    self.list = list
    self.reader = reader
    self.nodeOfEndpoint = nodeOfEndpoint
    dates = reader.dateColumn
    actors = reader.actorColumn
    targets = reader.targetColumn
  }

  /// The nodes of exchange x's first original's actor and target.
  @inline(__always)
  func pair(_ x: Int) -> (actor: Int32, target: Int32) {
    var o = Int(list.original[x])
    if o < 0 { o = list.materialized[-1 - o].originals[0].row }
    return (nodeOfEndpoint[Int(actors[o])], nodeOfEndpoint[Int(targets[o])])
  }

  /// Exchange x's ``GatheredExchange``.
  @inline(__always)
  func exchange(_ x: Int) -> GatheredExchange {
    let o = Int(list.original[x])
    if o < 0 {
      let e = list.materialized[-1 - o]
      let f = e.originals[0].row
      return GatheredExchange(
        day: dates[f], answerDay: ActionTable.noDate,
        actor: nodeOfEndpoint[Int(actors[f])], target: nodeOfEndpoint[Int(targets[f])],
        kind: reader.kindColumn[f], outcome: UInt8(e.outcome.ordinal), twoStepEnding: 0)
    }
    let rules = list.rules
    let a = Int(list.answer[x])
    var answerDay = ActionTable.noDate
    let outcome: Exchange.Outcome
    var ending: UInt8 = 0
    if a < 0 {
      outcome = rules.unansweredOutcome(latestOriginal: dates[o], target: targets[o])
    } else {
      if reader.isDeclined(a) {
        outcome = .declined
      } else {
        outcome = .of(answer: reader.weightColumn[a], original: reader.weightColumn[o])
        answerDay = dates[a]
      }
      let two = ResponseChains.ending(original: o, answer: a, reader: reader, rules: rules)
      ending = UInt8(1 + two.ordinal)
    }
    return GatheredExchange(
      day: dates[o], answerDay: answerDay, actor: nodeOfEndpoint[Int(actors[o])],
      target: nodeOfEndpoint[Int(targets[o])], kind: reader.kindColumn[o],
      outcome: UInt8(outcome.ordinal), twoStepEnding: ending)
  }
}

extension Exchange.Outcome {
  /// The outcome of an ordinal (``ordinal``).
  static func of(ordinal: UInt8) -> Self { ordered[Int(ordinal)] }

  /// ``allCases`` as an array made once.
  private static let ordered = Array(allCases)
}

/// Calls `body` with consecutive ranges that cover 0..<count, on up to `threads` threads at
/// once: four ranges per thread, so that a slow range does not hold the others up, none
/// shorter than `minimumPart` (tests lower it); one range on the calling thread when
/// `threads` is 1 or `count` is small.
func forEachPart(
  of count: Int, threads: Int, minimumPart: Int = 4096, _ body: @Sendable (Range<Int>) -> Void
) {
  let ranges = partRanges(of: count, threads: threads, minimumPart: minimumPart)
  if ranges.count == 1 {
    body(ranges[0])
    return
  }
  _ = concurrentMap(ranges, threads: threads, body)
}

/// Consecutive ranges that cover 0..<count: `perThread` per thread, none shorter than
/// `minimumPart`; one when `threads` is 1 or `count` is small.
func partRanges(of count: Int, threads: Int, minimumPart: Int = 4096, perThread: Int = 4)
  -> [Range<Int>]
{
  let parts = threads <= 1 ? 1 : min(perThread * threads, count / max(1, minimumPart))
  if parts <= 1 { return [0..<count] }
  return (0..<parts).map { i in (count * i / parts)..<(count * (i + 1) / parts) }
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
