/// The steps of the chains of ``ResponseChains``: what an exchange holds, and each chain walked
/// from its first exchange.

/// What the walk of a chain reads: the exchanges, the action columns and the links found.
struct ChainSteps: Sendable {
  let list: ExchangeList
  let reader: ActionReader
  let rules: ExchangeRules
  /// The `declined` records that answer an answer, by the exchange they follow.
  let declinedAfter: [Int: [Int32]]
  /// The `respondsTo` links between exchanges.
  let explicitLinks: ChainLinks

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

  /// The first dated answer of exchange x (not declined), read from the columns for an
  /// exchange of one original (the most of them: no array is made).
  func firstAnswer(_ x: Int) -> Int32? {
    if list.original[x] >= 0 {
      let a = list.answer[x]
      return a >= 0 && !reader.isDeclined(Int(a)) ? a : nil
    }
    let dates = reader.dateColumn
    return rows(x).answers.filter { dates[Int($0)] != ActionTable.noDate }.min {
      reader.orderKey(Int($0)) < reader.orderKey(Int($1))
    }
  }

  /// Σ weights of the rows; `nil` when one has none or the sum overflows.
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

  /// The latest date of the rows; `nil` when one is undated.
  func latest(_ rows: [Int32]) -> Int32? {
    let dates = reader.dateColumn
    var d = Int32.min
    for row in rows {
      if dates[Int(row)] == ActionTable.noDate { return nil }
      d = max(d, dates[Int(row)])
    }
    return d
  }

  /// The steps of the chain from x, as rows, with how each links to the one before.
  func stepRows(from x: Int, flags: ChainFlags, windowLinks: ChainLinks) -> [(
    rows: [Int32], link: ChainStep.Link?
  )] {
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
        nextLevel += ChainLinks.successors(z, explicitLinks, windowLinks)
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
      linkIn = flags.link(nextLevel[0])
      level = nextLevel
    }
    return steps
  }

  /// The length and ending of the chain that starts at exchange x (a first step), or `nil`
  /// when x starts none (it has neither an answer nor a `declined` record). The search reads
  /// a chain of one exchange of one original from its group's copy of the exchanges before it
  /// comes here.
  func chain(from x: Int, flags: ChainFlags, windowLinks: ChainLinks) -> (
    Int, ResponseChain.Ending
  )? {
    switch walkOfSingles(from: x, windowLinks: windowLinks) {
    case .noChain: return nil
    case .chain(let length, let ending): return (length, ending)
    case .notSingle: break
    }
    let r = rows(x)
    guard !r.answers.isEmpty || !r.declined.isEmpty else { return nil }
    let steps = stepRows(from: x, flags: flags, windowLinks: windowLinks)
    return (
      steps.count,
      ResponseChains.ending(
        steps.map(\.rows), total: total, latest: latest, reader: reader, rules: rules)
    )
  }

  /// What ``walkOfSingles(from:windowLinks:)`` found.
  enum SinglesWalk {
    /// Exchange x starts no chain.
    case noChain
    case chain(Int, ResponseChain.Ending)
    /// A step of the chain holds more than one exchange or original: ``stepRows`` walks it.
    case notSingle
  }

  /// The length and ending of the chain from x, as ``stepRows(from:flags:windowLinks:)`` and
  /// ``ResponseChains/ending(_:total:latest:reader:rules:)`` give them, when each of its
  /// exchanges has one original and at most one next step (the most of the long chains: a
  /// pair that expels every few weeks makes one chain of all its exchanges). Walked on the
  /// columns, keeping the rows of the last two steps: no array per step.
  func walkOfSingles(from x: Int, windowLinks: ChainLinks) -> SinglesWalk {
    var z = x
    var length = 0
    var last = -1  // the row of the last step, and of the one before
    var previous = -1
    while true {
      let o = Int(list.original[z])
      guard o >= 0 else { return .notSingle }
      let a = Int(list.answer[z])
      if a < 0 {
        if length == 0 { return .noChain }
        length += 1
        (previous, last) = (last, o)
        break
      }
      length += 2
      (previous, last) = (o, a)
      if reader.isDeclined(a) { break }
      let explicit = explicitLinks.successors(z)
      let window = windowLinks.successors(z)
      guard explicit.count + window.count <= 1 else { return .notSingle }
      if let next = explicit.first ?? window.first {
        z = Int(next & 0xFFFF_FFFF)
        continue
      }
      if let after = declinedAfter[z], !after.isEmpty {
        return .chain(
          length + 1,
          ResponseChains.ending(
            [[Int32(a)], after], total: total, latest: latest, reader: reader, rules: rules))
      }
      break
    }
    return .chain(
      length, ResponseChains.ending(original: previous, answer: last, reader: reader, rules: rules))
  }

  /// The chain that starts at exchange x, made whole.
  func chain(startingAt x: Int, flags: ChainFlags, windowLinks: ChainLinks) -> ResponseChain {
    let steps = stepRows(from: x, flags: flags, windowLinks: windowLinks)
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
      ending: ResponseChains.ending(
        stepRows, total: total, latest: latest, reader: reader, rules: rules))
  }
}
