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
  /// when x starts none (it has neither an answer nor a `declined` record): its steps made and
  /// measured. The groups walk the chains of exchanges of one original each on their own copy
  /// of the exchanges (``ChainGroups/walkOfSingles(from:members:next:steps:)``) and come here
  /// for the others.
  func chain(from x: Int, flags: ChainFlags, windowLinks: ChainLinks) -> (
    Int, ResponseChain.Ending
  )? {
    let r = rows(x)
    guard !r.answers.isEmpty || !r.declined.isEmpty else { return nil }
    let steps = stepRows(from: x, flags: flags, windowLinks: windowLinks)
    return (
      steps.count,
      ResponseChains.ending(
        steps.map(\.rows), total: total, latest: latest, reader: reader, rules: rules)
    )
  }

  /// Whether an explicit link (`respondsTo`) leads on from exchange x: to another exchange, or
  /// to a `declined` record.
  func linksOnExplicitly(_ x: Int) -> Bool {
    (!explicitLinks.packed.isEmpty && !explicitLinks.successors(x).isEmpty)
      || (!declinedAfter.isEmpty && declinedAfter[x] != nil)
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
