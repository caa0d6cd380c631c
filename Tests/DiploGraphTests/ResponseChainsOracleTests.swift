import TestSupport
import Testing

@testable import DiploGraph

/// ``ResponseChains`` against a literal, quadratic reading of its documented rules: the
/// exchanges and the counter links come from ``LiteralResponses`` (itself checked against the
/// fast matching), every search below is a scan over the exchanges or the rows.
@Suite struct ResponseChainsOracleTests {
  @Test func randomDataSetsMatchTheLiteralRules() throws {
    var longer = 0
    var explicit = 0
    var endings = Set<ResponseChain.Ending>()
    for seed in UInt64(0)..<600 {
      var rng = SplitMix64(seed: seed &* 104_729)
      var dataSet = ResponsesOracleTests.randomDataSet(seed: seed)
      // Step totals follow the data set's weight: an explicit one now and then.
      if seed % 5 == 4 { dataSet.weight = .events }
      var selection = Selection.all
      if seed % 4 == 1 { selection.kinds = [.expulsion, .retaliation] }
      if seed % 4 == 2 { selection.since = Day(daysSinceEpoch: 17_010) }
      let window = [0, 1, 3, 10, 30, 5_000_000].randomElement(using: &rng)!
      let answerKinds: Set<ActionKind> = seed % 6 == 0 ? [] : [.retaliation]
      let options = ResponseOptions(windowDays: window, answerKinds: answerKinds)
      let network = try Network(dataSet, selection: selection)
      let fast = try ResponseAnalysis(network, options: options).chains
      let slow = LiteralResponses(network, options: options)
      let literal = LiteralChains(
        slow.exchanges, counterLinks: slow.counterLinks, table: dataSet.actions,
        windowDays: window, weight: network.weight)
      let comment: Comment = "seed \(seed), window \(window)"
      #expect(fast == literal.chains, comment)
      longer += literal.chains.longerThanTwo
      explicit +=
        literal.chains.longest.filter { $0.steps.contains { $0.link == .explicit } }
        .count
      endings.formUnion(literal.chains.longest.map(\.ending))
    }
    // The random data sets make chains of every kind.
    #expect(longer > 50 && explicit > 20)
    #expect(endings == Set(ResponseChain.Ending.allCases))
  }

  @Test func generatedEventsMatchTheLiteralRules() throws {
    // The benchmark's data shape, among few actors: many answers answered in the window.
    for (actors, seed) in [(4, UInt64(2)), (12, 5)] {
      let events = SyntheticEvents(actions: 1500, actors: actors, seed: seed)
      let document = try CSVFormat.read(actions: events.actionsCSV(), actors: events.actorsCSV())
      let network = try Network(document.dataSet)
      let fast = try ResponseAnalysis(network).chains
      let slow = LiteralResponses(network, options: ResponseOptions())
      let literal = LiteralChains(
        slow.exchanges, counterLinks: slow.counterLinks, table: document.dataSet.actions,
        windowDays: 30, weight: network.weight)
      #expect(fast == literal.chains, "\(actors) actors")
      #expect(literal.chains.longerThanTwo > 10, "\(actors) actors")
    }
  }
}

/// The chains of a list of exchanges, read off the rules of ``ResponseChains`` one by one.
struct LiteralChains {
  var chains: ResponseChains

  init(
    _ exchanges: [Exchange], counterLinks: [(answer: Int, answered: Int)], table: ActionTable,
    windowDays: Int, weight: ActionWeight
  ) {
    let n = exchanges.count
    let lastDay = table.indices.compactMap { table.date(row: $0)?.daysSinceEpoch }.max()
    func day(_ r: Int) -> Int32? { table.date(row: r)?.daysSinceEpoch }
    func key(_ r: Int) -> (Int32, Int) { (day(r) ?? .max, r) }
    func isDeclined(_ r: Int) -> Bool { table.kind(row: r) == .declined }
    func originals(_ x: Int) -> [Int] { exchanges[x].originals.map(\.row) }
    func answers(_ x: Int) -> [Int] { exchanges[x].answers.map(\.row).filter { !isDeclined($0) } }
    func declined(_ x: Int) -> [Int] { exchanges[x].answers.map(\.row).filter(isDeclined) }

    var predecessor = [Int?](repeating: nil, count: n)
    var link = [ChainStep.Link?](repeating: nil, count: n)
    var hasSuccessor = [Bool](repeating: false, count: n)
    var declinedAfter: [Int: [Int]] = [:]
    // Explicit: a counter-answer b of an answer a follows a's exchange.
    for (b, a) in counterLinks {
      guard let x = (0..<n).last(where: { (answers($0) + declined($0)).contains(a) }) else {
        continue
      }
      if let y = (0..<n).last(where: { originals($0).contains(b) }) {
        guard predecessor[y] == nil && y != x else { continue }
        predecessor[y] = x
        link[y] = .explicit
        hasSuccessor[x] = true
      } else if isDeclined(b) {
        declinedAfter[x, default: []].append(b)
        hasSuccessor[x] = true
      }
    }
    // Window: the first exchange the other way after x's first dated answer, in the window.
    for x in 0..<n where !hasSuccessor[x] {
      guard let a = answers(x).filter({ day($0) != nil }).min(by: { key($0) < key($1) }) else {
        continue
      }
      let y = (0..<n).first { y in
        let f = originals(y)[0]
        guard let d = day(f) else { return false }
        return table.actor(row: f) == table.target(row: a)
          && table.target(row: f) == table.actor(row: a) && key(f) > key(a)
          && Int(d) - Int(day(a)!) <= windowDays && predecessor[y] == nil && y != x
      }
      if let y {
        predecessor[y] = x
        link[y] = .window
        hasSuccessor[x] = true
      }
    }
    // The steps of the chain from x: level by level.
    func steps(from x: Int) -> [(rows: [Int], link: ChainStep.Link?)] {
      var steps: [(rows: [Int], link: ChainStep.Link?)] = []
      var level = [x]
      var linkIn: ChainStep.Link? = nil
      while true {
        let answerLink: ChainStep.Link =
          exchanges[level[0]].matching == .explicit ? .explicit : .window
        steps.append((level.flatMap(originals), linkIn))
        // The successors of each exchange of the level, in turn.
        let next = level.flatMap { z in (0..<n).filter { predecessor[$0] == z } }
        let after = level.flatMap { declinedAfter[$0] ?? [] }
        if !level.flatMap(answers).isEmpty {
          steps.append((level.flatMap(answers), answerLink))
        } else {
          let d = level.flatMap(declined)
          if !d.isEmpty { steps.append((d, answerLink)) }
          break
        }
        if next.isEmpty {
          if !after.isEmpty { steps.append((after, .explicit)) }
          break
        }
        linkIn = link[next[0]]
        level = next
      }
      return steps
    }
    func total(_ rows: [Int]) -> Int64? {
      var sum: Int64 = 0
      for r in rows {
        guard let c = table.literalWeight(row: r, weight) else { return nil }
        sum += c
      }
      return sum
    }
    func ending(_ steps: [[Int]]) -> ResponseChain.Ending {
      let last = steps[steps.count - 1]
      if last.allSatisfy(isDeclined) { return .declined }
      if last.allSatisfy({ day($0) != nil }), let lastDay {
        let d = last.map { day($0)! }.max()!
        let target = table.target(row: last[0])
        let moved = table.indices.contains { r in
          table.actor(row: r) == target && (day(r) ?? .min) > d
        }
        if Int(d) + windowDays > Int(lastDay) && !moved { return .open }
      }
      guard steps.count > 1, let t = total(last), let p = total(steps[steps.count - 2]), p > 0
      else { return .notComparable }
      return t == p ? .inKind : (t > p ? .escalated : .deescalated)
    }

    var count = 0
    var longer = 0
    var endings = [Int](repeating: 0, count: ResponseChain.Ending.allCases.count)
    var pairs: [[ActorID]: (chains: Int, longest: Int)] = [:]
    var starts: [(length: Int, x: Int)] = []
    for x in 0..<n where predecessor[x] == nil {
      guard !answers(x).isEmpty || !declined(x).isEmpty else { continue }
      let s = steps(from: x)
      count += 1
      if s.count > 2 { longer += 1 }
      endings[ResponseChain.Ending.allCases.firstIndex(of: ending(s.map(\.rows)))!] += 1
      let f = originals(x)[0]
      if day(f) != nil {
        let pair = [table.actor(row: f), table.target(row: f)].sorted()
        let old = pairs[pair] ?? (0, 0)
        pairs[pair] = (old.chains + 1, max(old.longest, s.count))
      }
      starts.append((s.count, x))
    }
    starts.sort {
      $0.length != $1.length
        ? $0.length > $1.length : key(originals($0.x)[0]) < key(originals($1.x)[0])
    }
    let longest = starts.prefix(ResponseChains.kept).map { start in
      let s = steps(from: start.x)
      let made = s.indices.map { i in
        let rows = s[i].rows.sorted { key($0) < key($1) }
        let t = total(rows)
        let previous = i > 0 ? total(s[i - 1].rows) : nil
        return ChainStep(
          actor: table.actor(row: rows[0]), target: table.target(row: rows[0]),
          actions: rows.map { r in
            ActionReference(
              row: r, id: table.actionID(row: r), actor: table.actor(row: r),
              target: table.target(row: r), kind: table.kind(row: r), count: table.count(row: r),
              date: table.date(row: r))
          },
          total: t,
          ratio: i > 0 && (previous ?? 0) > 0 && t != nil ? Double(t!) / Double(previous!) : nil,
          link: s[i].link)
      }
      let allDated = s.allSatisfy { $0.rows.allSatisfy { day($0) != nil } }
      let first = s[0].rows.compactMap(day).min()
      let last = s[s.count - 1].rows.compactMap(day).min()
      return ResponseChain(
        steps: made,
        durationDays: allDated ? Int(last!) - Int(first!) : nil,
        lastMover: made[made.count - 1].actor, ending: ending(s.map(\.rows)))
    }
    chains = ResponseChains(
      count: count, longerThanTwo: longer, endings: endings,
      pairs: pairs.map {
        PairChains(actors: $0.key, chains: $0.value.chains, longest: $0.value.longest)
      }
      .sorted {
        $0.chains != $1.chains
          ? $0.chains > $1.chains
          : ($0.actors[0], $0.actors[1]) < ($1.actors[0], $1.actors[1])
      },
      longest: Array(longest))
  }
}
