/// Chains of answers to answers: tit for tat, step by step.

/// One step of a chain: the actions one side took in one move.
public struct ChainStep: Hashable, Sendable, Codable {
  /// How a step answers the one before.
  public enum Link: String, Hashable, Sendable, Codable, CaseIterable {
    /// Through `respondsTo`.
    case explicit
    /// Within the response window.
    case window
  }

  /// Who moved.
  public var actor: ActorID
  /// Against whom.
  public var target: ActorID
  /// The step's actions, by date then row.
  public var actions: [ActionReference]
  /// Σ weights (the network's weight: counts by default); `nil` when an action has none.
  public var total: Int64?
  /// The step's total / the previous step's (count ratio: > 1 escalation, < 1
  /// de-escalation); `nil` for the first step or when a total is unknown or 0.
  public var ratio: Double?
  /// How it answers the previous step; `nil` for the first.
  public var link: Link?
}

/// A chain: an original, its answer, the answer to that answer, and so on.
public struct ResponseChain: Hashable, Sendable, Codable {
  /// How a chain ended.
  public enum Ending: String, Hashable, Sendable, Codable, CaseIterable {
    /// The last step matched the one before.
    case inKind = "in_kind"
    /// The last step was larger than the one before.
    case escalated
    /// The last step was smaller.
    case deescalated
    /// A step has no weight (no count, under the weight `count`).
    case notComparable = "not_comparable"
    /// The last step is a `declined` record.
    case declined
    /// The last step's window is still open at the data's last date: it may yet be answered.
    case open
  }

  /// The steps, alternating sides.
  public var steps: [ChainStep]
  /// Last step's first date − first step's first date; `nil` when a step is undated.
  public var durationDays: Int?
  /// The actor of the last step.
  public var lastMover: ActorID
  /// How it ended.
  public var ending: Ending

  /// The number of steps.
  public var length: Int { steps.count }
}

/// The chains of one pair of actors.
public struct PairChains: Hashable, Sendable, Codable {
  /// The pair, the lower id first.
  public var actors: [ActorID]
  /// Chains of the pair.
  public var chains: Int
  /// Steps of its longest chain.
  public var longest: Int
}

/// Every chain of answers to answers, summarised.
///
/// A chain starts at an exchange that answers nothing (its originals are first moves) and has
/// an answer or a `declined` record: step 1 its originals, step 2 its answers (its `declined`
/// records when it has no other). Step 3 is made of the exchanges that answer step 2: those
/// whose originals name an action of step 2 in `respondsTo` (counter-answers), or else the
/// first exchange the other way whose first original comes after step 2's first answer and at
/// most the window later (and continues no other chain); a `declined` record that names an
/// action of step 2 is a last step of its own. Step 4 is their answers, and so on. Each step's
/// count ratio is its total over the previous step's. A chain ends `declined` when its last
/// step is a `declined` record, `open` when its last step's latest date + window > T (the data's
/// last date), else by its last step against the one before: `inKind`, `escalated`,
/// `deescalated` or `notComparable`.
///
/// - Complexity: O(e + K log K) for e exchanges among K actors, plus O(r) dictionary work for
///   r counter links: one pass groups the exchanges by pair of actors (``ExchangesByPair``: the
///   next step of a chain goes the way of the exchange's own originals, so each answered
///   exchange looks for it by binary search among its own direction's exchanges), one walks the
///   chains (a chain of two steps, the most of them, read from the columns without building
///   anything), one counts them per pair; 12 bytes per exchange while grouping, and the ten
///   longest chains kept whole.
public struct ResponseChains: Hashable, Sendable, Codable {
  /// Chains of two steps or more.
  public var count: Int
  /// Chains of three steps or more (an answer was answered).
  public var longerThanTwo: Int
  /// Chains per ending, in the order of ``ResponseChain/Ending/allCases``.
  public var endings: [Int]
  /// The chains per pair of actors, most chains first, then by the pair.
  public var pairs: [PairChains]
  /// The longest chains (at most ten), longest first, then by date.
  public var longest: [ResponseChain]

  /// A value with every field given.
  public init(
    count: Int, longerThanTwo: Int, endings: [Int], pairs: [PairChains],
    longest: [ResponseChain]
  ) {
    self.count = count
    self.longerThanTwo = longerThanTwo
    self.endings = endings
    self.pairs = pairs
    self.longest = longest
  }

  /// How many longest chains are kept.
  public static let kept = 10

  init(_ list: ExchangeList, counterLinks: [(answer: Int32, answered: Int32)], network: Network) {
    let n = list.count
    let rules = list.rules
    let table = network.dataSet.actions
    let dates = table.dateColumn
    let reader = list.reader ?? ActionReader(table, weight: network.weight)
    /// The rows of exchange x: originals, answers that are not declined, declined ones.
    func rows(_ x: Int) -> (originals: [Int32], answers: [Int32], declined: [Int32]) {
      let o = Int(list.original[x])
      if o >= 0 {
        let a = list.answer[x]
        if a < 0 { return ([Int32(o)], [], []) }
        return reader.isDeclined(Int(a)) ? ([Int32(o)], [], [a]) : ([Int32(o)], [a], [])
      }
      let e = list.materialized[-1 - o]
      let answers = e.answers.map { Int32($0.row) }
      return (
        e.originals.map { Int32($0.row) }, answers.filter { !reader.isDeclined(Int($0)) },
        answers.filter { reader.isDeclined(Int($0)) }
      )
    }
    /// The row of exchange x's first original.
    func firstRow(_ x: Int) -> Int {
      let o = Int(list.original[x])
      return o >= 0 ? o : list.materialized[-1 - o].originals[0].row
    }
    var predecessor = [Int32](repeating: -1, count: n)
    var link = [ChainStep.Link?](repeating: nil, count: n)
    var hasSuccessor = [Bool](repeating: false, count: n)
    var declinedAfter: [Int: [Int32]] = [:]
    // Explicit: the exchanges of the rows the counter links name.
    if !counterLinks.isEmpty {
      let wanted = Set(counterLinks.flatMap { [$0.answer, $0.answered] })
      var asOriginal: [Int32: Int] = [:]
      var asAnswer: [Int32: Int] = [:]
      for x in 0..<n {
        let o = list.original[x]
        if o >= 0 {
          // One original and at most one answer, read from the columns.
          let a = list.answer[x]
          if wanted.contains(o) { asOriginal[o] = x }
          if a >= 0 && wanted.contains(a) { asAnswer[a] = x }
          continue
        }
        let r = rows(x)
        for row in r.originals where wanted.contains(row) { asOriginal[row] = x }
        for row in r.answers + r.declined where wanted.contains(row) { asAnswer[row] = x }
      }
      for (b, a) in counterLinks {
        guard let x = asAnswer[a] else { continue }
        if let y = asOriginal[b] {
          guard predecessor[y] < 0 && y != x else { continue }
          predecessor[y] = Int32(x)
          link[y] = .explicit
          hasSuccessor[x] = true
        } else if reader.isDeclined(Int(b)) {
          declinedAfter[x, default: []].append(b)
          hasSuccessor[x] = true
        }
      }
    }
    /// The first dated answer of exchange x (not declined), read from the columns for an
    /// exchange of one original (the most of them: no array is made).
    func firstAnswer(_ x: Int) -> Int32? {
      if list.original[x] >= 0 {
        let a = list.answer[x]
        return a >= 0 && !reader.isDeclined(Int(a)) ? a : nil
      }
      return rows(x).answers.filter { dates[Int($0)] != ActionTable.noDate }.min {
        reader.orderKey(Int($0)) < reader.orderKey(Int($1))
      }
    }
    // Window: the next step goes the answer's way back, from its target to its actor, which
    // is the way of the exchange's own originals: each directed pair's exchanges are searched
    // apart, in the list's order (the date order of their first originals).
    let byPair = ExchangesByPair(
      count: n, network: network, firstRow: firstRow,
      answerOfUndated: { x in hasSuccessor[x] ? nil : firstAnswer(x) },
      orderKey: reader.orderKey)
    let window = Int64(rules.windowDays)
    let firstKeys = byPair.firstKeys
    /// The day of a dated row's order key.
    func day(ofKey key: UInt64) -> Int64 {
      Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: key >> 32) ^ 0x8000_0000))
    }
    byPair.forEachDirection { run in
      guard run.count > 1 else { return }
      for i in run {
        let entry = byPair.exchanges[i]
        let x = entry >= 0 ? Int(entry) : Int(-1 - entry)
        guard !hasSuccessor[x], let answer = firstAnswer(x) else { continue }
        let key = reader.orderKey(Int(answer))
        let answerDay = day(ofKey: key)
        // The exchanges whose first original is undated come last (their keys are the
        // largest): no answer is matched to them in the window.
        var lo = run.lowerBound
        var hi = run.upperBound
        while lo < hi {
          let mid = (lo + hi) / 2
          if firstKeys[mid] <= key { lo = mid + 1 } else { hi = mid }
        }
        while lo < run.upperBound && byPair.exchanges[lo] >= 0 {
          let y = Int(byPair.exchanges[lo])
          if day(ofKey: firstKeys[lo]) - answerDay > window { break }
          if predecessor[y] < 0 && y != x {
            predecessor[y] = Int32(x)
            link[y] = .window
            hasSuccessor[x] = true
            break
          }
          lo += 1
        }
      }
    }
    // The successors of each exchange, by counting.
    var next = [Int32](repeating: 0, count: n + 1)
    for y in 0..<n where predecessor[y] >= 0 { next[Int(predecessor[y]) + 1] += 1 }
    for x in 0..<n { next[x + 1] += next[x] }
    var successors = [Int32](repeating: 0, count: Int(next[n]))
    var fill = next
    for y in 0..<n where predecessor[y] >= 0 {
      let x = Int(predecessor[y])
      successors[Int(fill[x])] = Int32(y)
      fill[x] += 1
    }
    // Walk each chain.
    var chainLength = [Int32](repeating: 0, count: n)
    var endings = [Int](repeating: 0, count: ResponseChain.Ending.allCases.count)
    var count = 0
    var longer = 0
    var best: [(length: Int, key: UInt64, start: Int)] = []
    func total(_ rows: [Int32]) -> Int64? {
      var sum: Int64 = 0
      for row in rows {
        guard let c = reader.weight(Int(row)) else { return nil }
        let (s, overflow) = sum.addingReportingOverflow(c)
        if overflow { return nil }
        sum = s
      }
      return sum
    }
    func latest(_ rows: [Int32]) -> Int32? {
      var d = Int32.min
      for row in rows {
        if dates[Int(row)] == ActionTable.noDate { return nil }
        d = max(d, dates[Int(row)])
      }
      return d
    }
    /// The steps of the chain from x, as rows, with how each links to the one before.
    func stepRows(from x: Int) -> [(rows: [Int32], link: ChainStep.Link?)] {
      var steps: [(rows: [Int32], link: ChainStep.Link?)] = []
      var level = [x]
      var linkIn: ChainStep.Link? = nil
      while !level.isEmpty {
        var originals: [Int32] = []
        var answers: [Int32] = []
        var declined: [Int32] = []
        var after: [Int32] = []
        var nextLevel: [Int] = []
        // An exchange of one original was matched in the window, one kept whole explicitly.
        let answerLink: ChainStep.Link = list.original[level[0]] >= 0 ? .window : .explicit
        for z in level {
          let r = rows(z)
          originals += r.originals
          answers += r.answers
          declined += r.declined
          after += declinedAfter[z] ?? []
          nextLevel += successors[Int(next[z])..<Int(next[z + 1])].map { Int($0) }
        }
        steps.append((originals, linkIn))
        if !answers.isEmpty {
          steps.append((answers, answerLink))
        } else if !declined.isEmpty {
          steps.append((declined, answerLink))
          break
        } else {
          break
        }
        if nextLevel.isEmpty {
          if !after.isEmpty { steps.append((after, .explicit)) }
          break
        }
        linkIn = link[nextLevel[0]]
        level = nextLevel
      }
      return steps
    }
    let noDeclinedAfter = declinedAfter.isEmpty
    for x in 0..<n where predecessor[x] < 0 {
      let length: Int
      let ending: ResponseChain.Ending
      let o = Int(list.original[x])
      if o >= 0 && next[x] == next[x + 1] && (noDeclinedAfter || declinedAfter[x] == nil) {
        // An exchange of one original and no successor (the most of them): two steps at most,
        // read from the columns.
        let a = Int(list.answer[x])
        guard a >= 0 else { continue }
        length = 2
        ending = Self.ending(original: o, answer: a, reader: reader, rules: rules)
      } else {
        let r = rows(x)
        guard !r.answers.isEmpty || !r.declined.isEmpty else { continue }
        let steps = stepRows(from: x)
        length = steps.count
        ending = Self.ending(
          steps.map(\.rows), total: total, latest: latest, reader: reader, rules: rules)
      }
      count += 1
      if length > 2 { longer += 1 }
      endings[ending.ordinal] += 1
      chainLength[x] = Int32(length)
      if best.count < Self.kept || length >= best[best.count - 1].length {
        let key = reader.orderKey(firstRow(x))
        if best.count < Self.kept || length > best[best.count - 1].length
          || key < best[best.count - 1].key
        {
          best.append((length, key, x))
          best.sort { $0.length != $1.length ? $0.length > $1.length : $0.key < $1.key }
          if best.count > Self.kept { best.removeLast() }
        }
      }
    }
    self.count = count
    longerThanTwo = longer
    self.endings = endings
    pairs = byPair.pairChains(length: chainLength, network: network)
    longest = best.map { b in
      let steps = stepRows(from: b.start)
      let stepRows = steps.map(\.rows)
      var made: [ChainStep] = []
      for (i, step) in steps.enumerated() {
        let refs = step.rows.sorted { reader.orderKey(Int($0)) < reader.orderKey(Int($1)) }.map {
          reader.reference(Int($0))
        }
        let t = total(step.rows)
        let previous = i > 0 ? total(steps[i - 1].rows) : nil
        made.append(
          ChainStep(
            actor: refs[0].actor, target: refs[0].target, actions: refs, total: t,
            ratio: i > 0 ? Exchange.ratio(previous, t) : nil,
            link: step.link))
      }
      let firstDay = made.first!.actions.compactMap(\.date).min()
      let lastDay = made.last!.actions.compactMap(\.date).min()
      return ResponseChain(
        steps: made,
        durationDays: (stepRows.allSatisfy { latest($0) != nil })
          ? firstDay.flatMap { f in lastDay.map { f.days(to: $0) } } : nil,
        lastMover: made.last!.actor,
        ending: Self.ending(stepRows, total: total, latest: latest, reader: reader, rules: rules))
    }
  }

  /// How a chain of two steps, one original and its answer, ended: ``ending(_:total:latest:reader:rules:)``
  /// read from the columns.
  static func ending(
    original: Int, answer: Int, reader: ActionReader, rules: ExchangeRules
  ) -> ResponseChain.Ending {
    if reader.isDeclined(answer) { return .declined }
    let day = reader.dateColumn[answer]
    if day != ActionTable.noDate,
      rules.unansweredOutcome(latestOriginal: day, target: reader.targetColumn[answer]) == .pending
    {
      return .open
    }
    guard let ratio = Exchange.ratio(reader.weight(original), reader.weight(answer)) else {
      return .notComparable
    }
    return ratio == 1 ? .inKind : (ratio > 1 ? .escalated : .deescalated)
  }

  /// How a chain of these steps ended.
  static func ending(
    _ steps: [[Int32]], total: ([Int32]) -> Int64?, latest: ([Int32]) -> Int32?,
    reader: ActionReader, rules: ExchangeRules
  ) -> ResponseChain.Ending {
    let last = steps[steps.count - 1]
    if last.allSatisfy({ reader.isDeclined(Int($0)) }) { return .declined }
    if let day = latest(last),
      rules.unansweredOutcome(latestOriginal: day, target: reader.targetColumn[Int(last[0])])
        == .pending
    {
      return .open
    }
    guard steps.count > 1, let ratio = Exchange.ratio(total(steps[steps.count - 2]), total(last))
    else { return .notComparable }
    return ratio == 1 ? .inKind : (ratio > 1 ? .escalated : .deescalated)
  }
}

extension ResponseChain.Ending {
  /// The index of the ending in `allCases`.
  var ordinal: Int { Self.allCases.firstIndex(of: self)! }
}
