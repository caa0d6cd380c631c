import DiploPresentation
import PropertyBased
import TestSupport
import Testing

@testable import DiploGraph

/// ``ResponseAnalysis`` against a literal, quadratic reading of its documented rules, on random
/// data sets: out of date order, undated actions, ties, counts missing, self-loops, answer
/// kinds, explicit links good and bad, selections, narrow and wide windows, wide date spreads
/// (the comparison-sort paths), more than 256 actors (the actions distributed by groups of
/// pairs) and more than 65,536 (the queues kept per link).
@Suite struct ResponsesOracleTests {
  /// Random actions among a few actors.
  static func randomDataSet(seed: UInt64) -> DataSet {
    var rng = SplitMix64(seed: seed)
    let actors = (0..<Int.random(in: 2...5, using: &rng)).map { "A\($0)" }
    let kinds: [ActionKind] = [.expulsion, .expulsion, .retaliation, .staffCut, .declined]
    let wide = seed % 5 == 0
    let explicit = seed % 3 == 0
    var table = ActionTable()
    let n = Int.random(in: 0...40, using: &rng)
    for row in 0..<n {
      let actor = actors.randomElement(using: &rng)!
      var target = actors.randomElement(using: &rng)!
      if Int.random(in: 0..<8, using: &rng) != 0 {
        while target == actor { target = actors.randomElement(using: &rng)! }
      }
      let day: Day? =
        Int.random(in: 0..<10, using: &rng) == 0
        ? nil
        : Day(
          daysSinceEpoch: wide
            ? Int32.random(in: -700_000...2_900_000, using: &rng)
            : Int32.random(in: 17_000...17_040, using: &rng))
      var respondsTo: [ActionID] = []
      if explicit && Int.random(in: 0..<4, using: &rng) == 0 {
        for _ in 0..<Int.random(in: 1...2, using: &rng) {
          respondsTo.append(ActionID("a\(Int.random(in: 0...(n + 1), using: &rng))"))
        }
      }
      table.append(
        Action(
          id: explicit ? ActionID("a\(row)") : nil, actor: ActorID(actor), target: ActorID(target),
          kind: kinds.randomElement(using: &rng)!,
          count: Int.random(in: 0..<12, using: &rng) == 0
            ? nil : Int.random(in: 0...9, using: &rng),
          date: day, respondsTo: respondsTo))
    }
    var dataSet = DataSet(actions: table)
    // Many declared actors: beyond 256 the matcher distributes the actions by groups of pairs
    // first (groups of 64 lower nodes for 300 actors, 8 for 2,100); beyond 65,536 it keys its
    // queues by link.
    let declared = seed % 7 == 0 ? 2100 : (seed % 7 == 3 ? 300 : (seed % 50 == 1 ? 66_000 : 0))
    if declared > 0 {
      dataSet.actors = (0..<declared).map { Actor(id: ActorID("X\($0)"), name: "X\($0)") }
    }
    return dataSet
  }

  @Test func matchesTheLiteralRules() throws {
    var explicitGroups = 0
    var windowMatches = 0
    for seed in UInt64(0)..<600 {
      var rng = SplitMix64(seed: seed &* 7919)
      var dataSet = Self.randomDataSet(seed: seed)
      // Totals follow the data set's weight: an explicit one now and then.
      if seed % 5 == 4 { dataSet.weight = .events }
      var selection = Selection.all
      if seed % 4 == 1 { selection.kinds = [.expulsion, .retaliation] }
      if seed % 4 == 2 { selection.since = Day(daysSinceEpoch: 17_010) }
      let window = [0, 1, 3, 10, 30, 5_000_000].randomElement(using: &rng)!
      let answerKinds: Set<ActionKind> =
        seed % 6 == 0 ? [] : (seed % 6 == 1 ? [.retaliation, .staffCut] : [.retaliation])
      let options = ResponseOptions(windowDays: window, answerKinds: answerKinds)
      let network = try Network(dataSet, selection: selection)
      let fast = try ResponseAnalysis(network, options: options)
      let slow = LiteralResponses(network, options: options)
      let comment: Comment = "seed \(seed), window \(window)"
      #expect(Array(fast.exchanges) == slow.exchanges, comment)
      #expect(fast.unmatchedAnswers.map(\.row) == slow.unmatchedAnswers, comment)
      #expect(
        fast.unresolvedReferences.map { "\($0.action.row) \($0.reference) \($0.reason)" }
          == slow.unresolved, comment)
      #expect(fast.outcomes == slow.outcomes, comment)
      #expect(fast.meanLagDays == slow.meanLag, comment)
      #expect(fast.medianLagDays == slow.medianLag, comment)
      explicitGroups += slow.exchanges.filter { $0.matching == .explicit }.count
      windowMatches += slow.exchanges.filter { $0.matching == .window }.count
    }
    // The random data sets exercise both kinds of matching.
    #expect(explicitGroups > 50)
    #expect(windowMatches > 900)
  }

  @Test func generatedEventsMatchTheLiteralRules() throws {
    // The benchmark's data shape: dates in order, 60 % of the expulsions answered.
    let events = SyntheticEvents(actions: 3000, actors: 12, seed: 5)
    let document = try CSVFormat.read(actions: events.actionsCSV(), actors: events.actorsCSV())
    let network = try Network(document.dataSet)
    let fast = try ResponseAnalysis(network)
    let slow = LiteralResponses(network, options: ResponseOptions())
    #expect(Array(fast.exchanges) == slow.exchanges)
    #expect(fast.unmatchedAnswers.map(\.row) == slow.unmatchedAnswers)
    #expect(fast.outcomes == slow.outcomes)
    #expect(fast.meanLagDays == slow.meanLag && fast.medianLagDays == slow.medianLag)
    #expect(fast.exchanges.count > 1000)
  }

  @Test func groupedMatchingAgreesWithThePairTable() throws {
    // The same events among 40 actors, with 260 and 3,000 more declared: the pair table, then
    // groups of 64 lower nodes (one group holds every pair of the events) and of 8 (five
    // groups). The nodes of the events' actors are the same, so are the results.
    let events = SyntheticEvents(actions: 20_000, actors: 40, seed: 11)
    let data = try CSVFormat.read(actions: events.actionsCSV(), actors: events.actorsCSV())
      .dataSet
    #expect(!ResponseMatcher.matchesByGroups(nodes: 40))
    let plain = try ResponseAnalysis(Network(data))
    #expect(plain.exchanges.count > 5000)
    for extra in [260, 3000] {
      var padded = data
      padded.actors += (0..<extra).map { Actor(id: ActorID("PAD\($0)"), name: "pad") }
      let network = try Network(padded)
      #expect(ResponseMatcher.matchesByGroups(nodes: network.nodeCount))
      #expect(ResponseMatcher.groupSpan(nodes: network.nodeCount) == (extra == 260 ? 64 : 8))
      for window in [0, 7, 30, 400] {
        let options = ResponseOptions(windowDays: window)
        // In one round, and in two (the groups split where half the candidates are).
        let grouped = try ResponseAnalysis(
          network, options: options, candidatesInOneRound: window == 7 ? 1000 : 1 << 22)
        let reference = window == 30 ? plain : try ResponseAnalysis(Network(data), options: options)
        let comment: Comment = "\(extra) more actors, window \(window)"
        #expect(grouped.exchanges == reference.exchanges, comment)
        #expect(grouped.unmatchedAnswers == reference.unmatchedAnswers, comment)
        #expect(grouped.outcomes == reference.outcomes, comment)
        #expect(grouped.meanLagDays == reference.meanLagDays, comment)
        #expect(grouped.medianLagDays == reference.medianLagDays, comment)
      }
      // Out of date order: the visiting order is then a sort, the same on both paths.
      var shuffled = padded
      var rng = SplitMix64(seed: 3)
      let order = Array(shuffled.actions.indices).shuffled(using: &rng)
      var table = ActionTable()
      for r in order { table.append(padded.actions[r]) }
      shuffled.actions = table
      var unpadded = shuffled
      unpadded.actors = data.actors
      let a = try ResponseAnalysis(
        Network(shuffled), options: ResponseOptions(), candidatesInOneRound: 1000)
      let b = try ResponseAnalysis(Network(unpadded))
      #expect(a.exchanges == b.exchanges && a.outcomes == b.outcomes)
      #expect(a.unmatchedAnswers == b.unmatchedAnswers && a.medianLagDays == b.medianLagDays)
    }
  }

  @Test func listsAreCollectionsOfValues() throws {
    let network = try Network(Self.randomDataSet(seed: 3))
    let analysis = try ResponseAnalysis(network)
    let values = Array(analysis.exchanges)
    // The same exchanges, held as values: equal, same hash, same encoding.
    let copy = ExchangeList(values)
    #expect(copy == analysis.exchanges)
    #expect(copy.hashValue == analysis.exchanges.hashValue)
    #expect(StatisticsPrinter.json(copy) == StatisticsPrinter.json(values))
    let references = ActionReferenceList(Array(analysis.unmatchedAnswers))
    #expect(references == analysis.unmatchedAnswers)
    #expect(ExchangeList([]).isEmpty && ActionReferenceList([]).isEmpty)
  }
}

/// The responses of a network's selection, read off the rules of ``ResponseAnalysis`` one by
/// one, with nothing clever: every search is a scan.
struct LiteralResponses {
  var exchanges: [Exchange] = []
  var unmatchedAnswers: [Int] = []
  var unresolved: [String] = []
  /// `respondsTo` links onto an answer, as rows, in the order of the answering rows.
  var counterLinks: [(answer: Int, answered: Int)] = []
  var outcomes: [OutcomeSummary] = []
  var meanLag: Double?
  var medianLag: Double?

  init(_ network: Network, options: ResponseOptions) {
    let table = network.dataSet.actions
    // The selection chooses the originals; answers are looked for in the whole data set.
    let chosen = Set(network.rows.map(Int.init))
    let selected = Array(table.indices)
    let isSelected = Set(selected)
    let lastDay = table.indices.compactMap { table.date(row: $0)?.daysSinceEpoch }.max()
    func isDeclined(_ r: Int) -> Bool { table.kind(row: r) == .declined }
    func loop(_ r: Int) -> Bool { network.actorNode(row: r) == network.targetNode(row: r) }
    func day(_ r: Int) -> Int32? { table.date(row: r)?.daysSinceEpoch }
    func isAnswerKind(_ r: Int) -> Bool {
      options.answerKinds.contains(table.kind(row: r)) || isDeclined(r)
    }
    func reference(_ r: Int) -> ActionReference {
      ActionReference(
        row: r, id: table.actionID(row: r), actor: table.actor(row: r),
        target: table.target(row: r), kind: table.kind(row: r), count: table.count(row: r),
        date: table.date(row: r))
    }

    // 1. Explicit links.
    var rowOfID: [ActionID: Int] = [:]
    for r in table.indices {
      if let id = table.actionID(row: r), rowOfID[id] == nil { rowOfID[id] = r }
    }
    let explicitAnswers = Set(selected.filter { !(table.responses[$0] ?? []).isEmpty })
    var valid: [(answer: Int, original: Int)] = []
    for a in selected where explicitAnswers.contains(a) {
      for symbol in table.responses[a]! {
        let id = ActionID(table.idSymbols[symbol])
        let reason: String?
        if loop(a) {
          reason = "selfLoop"
        } else if let o = rowOfID[id] {
          if o == a {
            reason = "sameAction"
          } else if !isSelected.contains(o) {
            reason = "notSelected"
          } else if loop(o) {
            reason = "selfLoop"
          } else if network.actorNode(row: o) != network.targetNode(row: a)
            || network.targetNode(row: o) != network.actorNode(row: a)
          {
            reason = "notReverse"
          } else {
            reason = nil
            valid.append((a, o))
          }
        } else {
          reason = "unknownAction"
        }
        if let reason, chosen.contains(a) { unresolved.append("\(a) \(id) \(reason)") }
      }
    }
    // An action is an answer when a valid link names an original; an original when it has no
    // `respondsTo`, or when its valid links all name answers (a counter-answer), unless declined.
    // Decided depth first from each action with links in row order, each action's links
    // visited last to first; an action being visited counts as an answer (a cycle is cut
    // where it closes).
    enum State { case visiting, original, answer }
    var memo: [Int: State] = [:]
    func ontoOriginal(_ q: Int) -> Bool {
      explicitAnswers.contains(q) ? memo[q] == .original : !isDeclined(q)
    }
    func visit(_ r: Int) {
      memo[r] = .visiting
      let links = valid.filter { $0.answer == r }.map(\.original)
      for q in links.reversed() where explicitAnswers.contains(q) && memo[q] == nil { visit(q) }
      memo[r] =
        links.isEmpty || isDeclined(r) || links.contains(where: ontoOriginal) ? .answer : .original
    }
    for r in explicitAnswers.sorted() where memo[r] == nil { visit(r) }
    func isAnswer(_ r: Int) -> Bool { !ontoOriginal(r) }
    let edges = valid.filter { !isAnswer($0.original) }
    counterLinks = valid.filter { isAnswer($0.original) }.map { ($0.answer, $0.original) }
    let counter = Set(valid.filter { isAnswer($0.original) }.map(\.answer)).subtracting(
      edges.map(\.answer))
    let linkedAnswers = Set(edges.map(\.answer))
    let explicitOriginals = Set(edges.map(\.original))
    // Connected components of the links, by search.
    var groups: [(originals: [Int], answers: [Int])] = []
    var placed = Set<Int>()
    for start in selected where linkedAnswers.contains(start) || explicitOriginals.contains(start) {
      if placed.contains(start) { continue }
      var component = [start]
      placed.insert(start)
      var next = 0
      while next < component.count {
        let v = component[next]
        next += 1
        for e in edges where e.answer == v || e.original == v {
          for w in [e.answer, e.original] where !placed.contains(w) {
            placed.insert(w)
            component.append(w)
          }
        }
      }
      groups.append(
        (component.filter(explicitOriginals.contains), component.filter(linkedAnswers.contains)))
    }

    // 2. The window, in (date, row) order.
    let eligible = selected.filter {
      !loop($0) && day($0) != nil && !explicitAnswers.contains($0)
        && !explicitOriginals.contains($0)
    }.sorted { (day($0)!, $0) < (day($1)!, $1) }
    var consumed = Set<Int>()
    var answerOf: [Int: Int] = [:]
    for (n, g) in eligible.enumerated() where !consumed.contains(g) && !isAnswerKind(g) {
      // The first reverse action after g that no earlier original took.
      let candidate = eligible[(n + 1)...].first { x in
        !consumed.contains(x) && network.actorNode(row: x) == network.targetNode(row: g)
          && network.targetNode(row: x) == network.actorNode(row: g)
      }
      if let x = candidate, Int(day(x)!) - Int(day(g)!) <= options.windowDays {
        consumed.insert(x)
        answerOf[g] = x
      }
    }

    // 3. What remains.
    var singles: [(original: Int, answer: Int?)] = []
    for r in selected where !loop(r) {
      if explicitOriginals.contains(r) {
        continue  // in its explicit group, whatever links it has itself
      } else if counter.contains(r) {
        if isDeclined(r) { continue }
        singles.append((r, nil))
      } else if explicitAnswers.contains(r) {
        if !linkedAnswers.contains(r) && chosen.contains(r) { unmatchedAnswers.append(r) }
      } else if explicitOriginals.contains(r) || consumed.contains(r) {
        continue
      } else if let a = answerOf[r] {
        singles.append((r, a))
      } else if isAnswerKind(r) {
        if chosen.contains(r) { unmatchedAnswers.append(r) }
      } else {
        singles.append((r, nil))
      }
    }

    func total(_ rows: [Int]) -> Int64? {
      var sum: Int64 = 0
      for r in rows {
        guard let c = table.literalWeight(row: r, network.weight) else { return nil }
        sum += c
      }
      return sum
    }
    func byDate(_ rows: [Int]) -> [Int] {
      rows.sorted { (day($0) ?? .max, $0) < (day($1) ?? .max, $1) }
    }
    func exchange(_ originals: [Int], _ answers: [Int], _ matching: Exchange.Matching) -> Exchange {
      let o = byDate(originals)
      let all = byDate(answers)
      let a = all.filter { !isDeclined($0) }
      let ot = total(o)
      let at = a.isEmpty ? nil : total(a)
      var lag: Int?
      if !a.isEmpty, o.allSatisfy({ day($0) != nil }), a.allSatisfy({ day($0) != nil }) {
        lag = Int(a.map { day($0)! }.min()!) - Int(o.map { day($0)! }.max()!)
      }
      let outcome: Exchange.Outcome
      if a.isEmpty && !all.isEmpty {
        outcome = .declined
      } else if a.isEmpty {
        if !o.allSatisfy({ day($0) != nil }) {
          outcome = .undated
        } else if let lastDay,
          Int(o.map { day($0)! }.max()!) + options.windowDays > Int(lastDay),
          // The target has not moved since (it answered no one after the original).
          !table.indices.contains(where: { r in
            table.actor(row: r) == table.target(row: o[0])
              && (day(r) ?? .min) > o.map { day($0)! }.max()!
          })
        {
          outcome = .pending
        } else {
          outcome = .unanswered
        }
      } else if let ot, let at {
        outcome = at == ot ? .inKind : (at > ot ? .more : .less)
      } else {
        outcome = .notComparable
      }
      return Exchange(
        actor: table.actor(row: o[0]), target: table.target(row: o[0]), originals: o.map(reference),
        answers: all.map(reference), originalTotal: ot, answerTotal: at,
        ratio: (ot ?? 0) > 0 && at != nil ? Double(at!) / Double(ot!) : nil, lagDays: lag,
        matching: all.isEmpty ? nil : matching, outcome: outcome,
        answerOutsideSelection: !(o + all).allSatisfy(chosen.contains))
    }
    var all = singles.filter { chosen.contains($0.original) }.map {
      exchange([$0.original], $0.answer.map { [$0] } ?? [], .window)
    }
    all += groups.filter { $0.originals.contains(where: chosen.contains) }.map {
      exchange($0.originals, $0.answers, .explicit)
    }
    exchanges = all.sorted {
      let a = $0.originals[0]
      let b = $1.originals[0]
      return (a.date?.daysSinceEpoch ?? .max, a.row) < (b.date?.daysSinceEpoch ?? .max, b.row)
    }

    outcomes = Exchange.Outcome.allCases.map { outcome in
      let matching = exchanges.filter { $0.outcome == outcome }
      return OutcomeSummary(
        outcome: outcome, exchanges: matching.count,
        originals: matching.reduce(0) { $0 + $1.originals.count },
        actors: Set(matching.map(\.actor)).sorted())
    }
    let lags = exchanges.compactMap { $0.outcome.isAnswered ? $0.lagDays : nil }.sorted()
    if !lags.isEmpty {
      meanLag = lags.reduce(0.0) { $0 + Double($1) } / Double(lags.count)
      let mid = lags.count / 2
      medianLag =
        lags.count % 2 == 1 ? Double(lags[mid]) : (Double(lags[mid - 1]) + Double(lags[mid])) / 2
    }
  }
}

extension ActionTable {
  /// What row `row` weighs under `weight`, read literally off the action (`nil`: no count,
  /// under the weight `count`).
  func literalWeight(row: Int, _ weight: ActionWeight) -> Int64? {
    switch weight {
    case .count: count(row: row).map(Int64.init)
    case .events: 1
    case .mentions: Int64(mentions(row: row) ?? 0)
    }
  }
}
