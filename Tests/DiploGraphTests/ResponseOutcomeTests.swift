import Foundation
import TestSupport
import Testing

@testable import DiploGraph

/// Issue 16: every outcome by hand, chains, Kaplan–Meier, the three episodes, and properties.
@Suite struct ResponseOutcomeTests {
  static func read(_ name: String) throws -> DataSet {
    let url = Fixtures.graph(name)
    let document = try CanonicalJSON.read(
      [UInt8](Data(contentsOf: url)), file: url.path)
    #expect(Validator.validate(document).isEmpty, "\(name)")
    return document.dataSet
  }

  // MARK: Outcomes

  @Test func everyOutcomeByHand() throws {
    // Window 30 days; the data's last date T = 2020-03-01 (row 12).
    let data = dataSet([
      Edge("A", "B", 2, date: "2020-01-01"),  // 0: answered by 1 with 2: in kind
      Edge("B", "A", 2, date: "2020-01-03"),  // 1
      Edge("C", "D", 2, date: "2020-01-01"),  // 2: answered by 3 with 3: more
      Edge("D", "C", 3, date: "2020-01-02"),  // 3
      Edge("E", "F", 3, date: "2020-01-01"),  // 4: answered by 5 with 1: less
      Edge("F", "E", 1, date: "2020-01-05"),  // 5
      // 6: no answer; 2020-01-01 + 30 = 2020-01-31 ≤ T: the window closed: unanswered.
      Edge("G", "H", 1, date: "2020-01-01"),
      // 7: no answer, 2020-02-20 + 30 > T and H has not moved since: pending.
      Edge("I", "H", 1, date: "2020-02-20"),
      // 8: no date, no explicit answer: undated.
      Edge("J", "K", 1),
      // 9 and its declined record 10: declined, no lag, no total.
      Edge("L", "M", 4, date: "2020-01-10", id: "l"),
      Edge("M", "L", nil, kind: .declined, date: "2020-01-11", respondsTo: ["l"]),
      // 11: answered by a closure without a count: not comparable.
      Edge("N", "O", 1, date: "2020-01-01", id: "n"),
      Edge("O", "N", nil, kind: .consulateClosure, date: "2020-03-01", respondsTo: ["n"]),
    ])
    let r = try ResponseAnalysis(Network(data))
    func outcome(_ row: Int) -> Exchange? {
      r.exchanges.first { $0.originals.contains { $0.row == row } }
    }
    #expect(outcome(0)?.outcome == .inKind && outcome(0)?.lagDays == 2)
    #expect(outcome(2)?.outcome == .more)
    #expect(outcome(4)?.outcome == .less)
    #expect(outcome(6)?.outcome == .unanswered)
    #expect(outcome(7)?.outcome == .pending)
    #expect(outcome(8)?.outcome == .undated)
    let declined = try #require(outcome(9))
    #expect(declined.outcome == .declined && declined.lagDays == nil)
    #expect(declined.answerTotal == nil && declined.answers.map(\.row) == [10])
    #expect(outcome(11)?.outcome == .notComparable && outcome(11)?.lagDays == 60)
    // Each outcome once, counted in exchanges and in original actions.
    for summary in r.outcomes {
      #expect(summary.exchanges == 1 && summary.originals == 1, "\(summary.outcome)")
    }
    #expect(r.lastDate == Day(iso: "2020-03-01"))
    // Answered in time: 0 after 2 days, 2 after 1, 4 after 4, 11 after 60; censored at
    // T − date: 6 after 60, 7 after 10, 9 after 51; 8 undated, left out.
    let t = r.timeToAnswer
    #expect(t.all.originals == 7 && t.all.answered == 4 && t.all.censored == 3)
    #expect(t.undatedOriginals == 1)
  }

  @Test func aPendingOriginalBecomesUnansweredOnceTheTargetMoves() throws {
    // B answers C on 2020-01-10, after A's action of 2020-01-05: B has moved since, without
    // answering A: unanswered, although A's window is still open at T = 2020-01-10.
    let data = dataSet([
      Edge("A", "B", 1, date: "2020-01-05"),
      Edge("C", "B", 1, date: "2020-01-06", id: "c"),
      Edge("B", "C", 1, date: "2020-01-10", respondsTo: ["c"]),
    ])
    let r = try ResponseAnalysis(Network(data))
    #expect(r.exchanges[0].outcome == .unanswered)
  }

  // MARK: The 2018 episode

  @Test func skripalHeadlineKeepsKindsApart() throws {
    let r = try ResponseAnalysis(Network(Fixtures.skripal2018()))
    func group(_ kind: ActionKind, _ actorKind: ActorKind) -> KindOutcomes? {
      r.outcomesByKind.first { $0.kind == kind && $0.actorKind == actorKind }
    }
    // Expulsions lead; unanswered by states: exactly the four of the article.
    #expect(r.outcomesByKind.first?.kind == .expulsion)
    let states = try #require(group(.expulsion, .state))
    #expect(states.summary(.unanswered).actors == ["BEL", "GEO", "HUN", "MNE"])
    #expect(states.summary(.unanswered).originals == 4)
    // 30 expulsions by states (31 less NATO's), in 29 exchanges (the US's two together).
    #expect(states.originals == 30 && states.exchanges == 29)
    #expect(group(.expulsion, .organisation)?.summary(.unanswered).actors == ["NATO"])
    // Recalls and the closure apart: USA is not both answered and unanswered in one line.
    #expect(group(.ambassadorRecall, .state)?.summary(.unanswered).actors == ["BGR", "LUX"])
    #expect(group(.consulateClosure, .state)?.summary(.unanswered).actors == ["USA"])
    #expect(states.summary(.inKind).actors.contains("USA"))
    // 35 originals among 61 actions; none pending (Russia has moved since 27 March).
    #expect(r.originalCount == 35 && r.summary(.pending).originals == 0)
  }

  @Test func aCopyCutAfterThe27thLeavesTheWavePending() throws {
    var data = try Fixtures.skripal2018()
    var cut = ActionTable()
    let last = Day(iso: "2018-03-27")!
    for action in data.actions where action.date.map({ $0 <= last }) ?? true {
      cut.append(action)
    }
    data.actions = cut
    let r = try ResponseAnalysis(Network(data))
    // Russia's answers of 29–30 March are gone: the originals of 26–27 March have their window
    // open at T = 27 March and Russia has not moved since: pending, none unanswered.
    #expect(r.summary(.unanswered).originals == 0)
    let wave = r.exchanges.filter {
      $0.originals.allSatisfy { $0.date! >= Day(iso: "2018-03-26")! }
    }
    // 30 expulsions (the US's two apart now), a closure, a denial and two recalls.
    #expect(wave.count == 34 && wave.allSatisfy { $0.outcome == .pending })
    // The UK's expulsion of 14 March was answered on 17 March.
    #expect(r.exchanges[0].actor == "GBR" && r.exchanges[0].outcome == .inKind)
  }

  @Test func theSelectionChoosesTheOriginalsOnly() throws {
    let data = try Fixtures.skripal2018()
    let wave = Selection(
      kinds: [.expulsion], since: Day(iso: "2018-03-26"), until: Day(iso: "2018-03-27"))
    let r = try ResponseAnalysis(Network(data, selection: wave))
    // Russia's retaliations of 29–30 March (another kind, other dates) are found.
    let france = try #require(r.exchanges.first { $0.actor == "FRA" })
    #expect(france.outcome == .inKind && france.answers.map(\.date) == [Day(iso: "2018-03-30")])
    #expect(france.answerOutsideSelection)
    let us = try #require(r.exchanges.first { $0.actor == "USA" })
    #expect(us.answers.map(\.date) == [Day(iso: "2018-03-29")] && us.outcome == .inKind)
    #expect(r.summary(.unanswered).actors == ["BEL", "GEO", "HUN", "MNE", "NATO"])
    #expect(r.answersOutsideSelection == 24)
    #expect(r.unmatchedAnswers.isEmpty)
  }

  // MARK: The 2016–17 episode

  @Test func usRussiaDeclinedAndTheChain() throws {
    let data = try Self.read("us-russia-2016.json")
    let r = try ResponseAnalysis(Network(data))
    let december = try #require(r.exchanges.first { $0.actor == "USA" })
    // The declined record is among the answers, but answers nothing: the lag runs from 29
    // December 2016 to the staff cut of 28 July 2017, 211 days, not 1.
    #expect(december.answers.contains { $0.kind == .declined && $0.date == Day(iso: "2016-12-30") })
    #expect(december.lagDays == 211 && december.outcome == .notComparable)
    #expect(r.unresolvedReferences.isEmpty)
    // The chain: expulsions and closures → staff cut and closures → consulate closure.
    let chain = try #require(r.chains.longest.first)
    #expect(chain.length == 3)
    #expect(chain.steps.map(\.actor) == ["USA", "RUS", "USA"])
    #expect(chain.steps[0].actions.contains { $0.kind == .expulsion && $0.count == 35 })
    #expect(chain.steps[1].actions.contains { $0.kind == .staffCut && $0.count == 755 })
    #expect(chain.steps[1].actions.allSatisfy { $0.kind != .declined })
    #expect(chain.steps[2].actions.map(\.kind).contains(.consulateClosure))
    #expect(chain.steps[2].link == .explicit && chain.lastMover == "USA")
    // 29 Dec 2016 → 31 Aug 2017: 245 days; the closures of 31 August may yet be answered.
    #expect(chain.durationDays == 245 && chain.ending == .open)
  }

  // MARK: Chains by hand

  @Test func threeStepChainByRespondsTo() throws {
    let data = dataSet([
      Edge("A", "B", 2, date: "2020-01-01", id: "o"),
      Edge("B", "A", 2, date: "2020-01-02", id: "a", respondsTo: ["o"]),
      Edge("A", "B", 5, date: "2020-01-03", respondsTo: ["a"]),
      Edge("C", "D", 1, date: "2020-06-01"),  // T far later: nothing is open
    ])
    let r = try ResponseAnalysis(Network(data))
    #expect(r.unresolvedReferences.isEmpty)
    let chain = try #require(r.chains.longest.first)
    // Steps 2, 2, 5: ratios 1 and 2.5; A moved last, escalating.
    #expect(chain.steps.map(\.total) == [2, 2, 5])
    #expect(chain.steps.map(\.ratio) == [nil, 1, 2.5])
    #expect(chain.lastMover == "A" && chain.ending == .escalated && chain.durationDays == 2)
    #expect(r.chains.count == 1 && r.chains.longerThanTwo == 1)
    #expect(r.chains.pairs == [PairChains(actors: ["A", "B"], chains: 1, longest: 3)])
  }

  @Test func fiveStepChainEndsDeclined() throws {
    let data = dataSet([
      Edge("A", "B", 1, date: "2020-01-01", id: "s1"),
      Edge("B", "A", 1, date: "2020-01-02", id: "s2", respondsTo: ["s1"]),
      Edge("A", "B", 2, date: "2020-01-03", id: "s3", respondsTo: ["s2"]),
      Edge("B", "A", 2, date: "2020-01-04", id: "s4", respondsTo: ["s3"]),
      Edge("A", "B", nil, kind: .declined, date: "2020-01-05", respondsTo: ["s4"]),
    ])
    let r = try ResponseAnalysis(Network(data))
    let chain = try #require(r.chains.longest.first)
    #expect(chain.length == 5 && chain.ending == .declined && chain.lastMover == "A")
    #expect(chain.steps.map(\.total) == [1, 1, 2, 2, nil])
    // Two exchanges: s1 answered by s2, s3 (a counter-answer) by s4, both in kind.
    #expect(r.exchanges.map(\.outcome) == [.inKind, .inKind])
  }

  @Test func chainsByWindowAndByRespondsToMixed() throws {
    let data = dataSet([
      Edge("A", "B", 3, date: "2020-01-01", id: "o"),  // 0
      Edge("B", "A", 3, date: "2020-01-05", respondsTo: ["o"]),  // 1: answers 0 explicitly
      // 2: an original of its own, 5 days after 1, within the window: the chain's next step.
      Edge("A", "B", 1, date: "2020-01-10"),
      Edge("B", "A", 4, date: "2020-01-12"),  // 3: answers 2 in the window
      Edge("C", "D", 1, date: "2020-12-01"),  // T far later
    ])
    let r = try ResponseAnalysis(Network(data))
    let chain = try #require(r.chains.longest.first)
    #expect(chain.steps.map { $0.actions.map(\.row) } == [[0], [1], [2], [3]])
    #expect(chain.steps.map(\.link) == [nil, .explicit, .window, .window])
    #expect(chain.steps.map(\.ratio) == [nil, 1, 1.0 / 3, 4])
    #expect(chain.ending == .escalated && chain.lastMover == "B")
  }

  // MARK: Kaplan–Meier

  @Test func kaplanMeierWithTiesAndCensoring() {
    // Answered after 1, 2, 2, 4 days; censored after 2 and 5.
    // t=1: n=6, d=1: S = 5/6; Greenwood 1/(6·5) = 1/30.
    // t=2: n=5, d=2 (and 1 censored, still at risk on day 2): S = 5/6 · 3/5 = 0.5;
    //      Greenwood + 2/(5·3) = 1/6.
    // t=4: n=2, d=1: S = 0.25; + 1/(2·1): 2/3.  t=5: n=1, censored: S stays 0.25.
    // Log-log bands (plain Python, below): day 2 [0.110948, 0.803709]; day 1's lower 0.273123
    // ≤ 0.5: the median's interval starts on day 1; no upper band reaches 0.5: open ended.
    let curve = SurvivalCurve(
      group: "x", events: [0, 1, 2, 0, 1, 0], censored: [0, 0, 1, 0, 0, 1])
    #expect(curve.steps.map(\.days) == [1, 2, 4, 5])
    #expect(curve.steps.map(\.atRisk) == [6, 5, 2, 1])
    #expect(
      curve.steps.map(\.survival).enumerated().allSatisfy { i, s in
        approximatelyEqual(s, [5.0 / 6, 0.5, 0.25, 0.25][i], tolerance: 1e-15)
      })
    #expect(approximatelyEqual(curve.steps[1].lower, 0.11094826035143798, tolerance: 1e-12))
    #expect(approximatelyEqual(curve.steps[1].upper, 0.8037092368500567, tolerance: 1e-12))
    #expect(approximatelyEqual(curve.steps[2].upper, 0.6459485373981007, tolerance: 1e-12))
    #expect(curve.medianDays == 2 && curve.medianLowerDays == 1 && curve.medianUpperDays == nil)
    #expect(curve.originals == 6 && curve.answered == 4 && curve.censored == 2)
  }

  @Test func kaplanMeierNoneCensored() {
    // 1, 2, 3, 4: S = 0.75, 0.5, 0.25, 0; the last answers every one at risk: [0, 0].
    // Upper bands 0.960549, 0.844861, 0.665325, 0: the median 2, its interval [1, 4].
    let curve = SurvivalCurve(group: "x", events: [0, 1, 1, 1, 1], censored: [0, 0, 0, 0, 0])
    #expect(curve.steps.map(\.survival) == [0.75, 0.5, 0.25, 0])
    #expect(approximatelyEqual(curve.steps[2].upper, 0.6653253427888655, tolerance: 1e-12))
    #expect(curve.steps[3].lower == 0 && curve.steps[3].upper == 0)
    #expect(curve.medianDays == 2 && curve.medianLowerDays == 1 && curve.medianUpperDays == 4)
  }

  @Test func kaplanMeierAllCensored() {
    let curve = SurvivalCurve(group: "x", events: [0, 0, 0], censored: [1, 0, 2])
    #expect(curve.steps.allSatisfy { $0.survival == 1 && $0.lower == 1 && $0.upper == 1 })
    #expect(curve.medianDays == nil && curve.medianLowerDays == nil)
    #expect(curve.survival(at: 100) == 1)
  }

  @Test func kaplanMeierAgreesWithPlainPython() throws {
    // An independent implementation: the product-limit estimate in a few lines of Python.
    let events = [3, 0, 2, 1, 0, 4, 0, 0, 1, 2]
    let censored = [0, 1, 1, 0, 2, 0, 1, 0, 3, 1]
    let curve = SurvivalCurve(group: "x", events: events, censored: censored)
    let script = """
      import math
      ev = \(events); ce = \(censored)
      n = sum(ev) + sum(ce); s = 1.0; g = 0.0
      for t in range(len(ev)):
          d, c = ev[t], ce[t]
          if d == 0 and c == 0: continue
          if d:
              if d < n: s *= 1 - d / n; g += d / (n * (n - d))
              else: s = 0.0
          print(t, n, repr(s))
          n -= d + c
      """
    let output = try PythonTools.run(script)
    let lines = output.split(separator: "\n").map { $0.split(separator: " ") }
    #expect(lines.count == curve.steps.count)
    for (line, step) in zip(lines, curve.steps) {
      #expect(Int(line[0]) == step.days && Int(line[1]) == step.atRisk)
      #expect(approximatelyEqual(Double(line[2]), step.survival, tolerance: 1e-15))
    }
  }

  // MARK: Properties

  /// Random data sets with recent dates (many pending) and explicit links, some declined.
  static func samples() -> [DataSet] {
    (0..<60).map { ResponsesOracleTests.randomDataSet(seed: UInt64($0) * 3) }
  }

  @Test func outcomesPartitionTheOriginals() throws {
    for data in Self.samples() {
      let r = try ResponseAnalysis(Network(data))
      let rows = r.exchanges.flatMap { $0.originals.map(\.row) }
      #expect(Set(rows).count == rows.count)
      #expect(r.outcomes.reduce(0) { $0 + $1.originals } == rows.count)
      #expect(r.outcomesByKind.reduce(0) { $0 + $1.originals } == rows.count)
      for outcome in Exchange.Outcome.allCases {
        #expect(
          r.summary(outcome).exchanges == r.exchanges.filter { $0.outcome == outcome }.count)
      }
    }
  }

  @Test func censoringPendingSitsBetweenDroppingAndNeverAnswered() throws {
    for data in Self.samples() {
      let r = try ResponseAnalysis(Network(data))
      guard let last = r.lastDate else { continue }
      var answered: [Int] = []
      var closed: [Int] = []
      var pending: [Int] = []
      for e in r.exchanges {
        for o in e.originals {
          guard let d = o.date else { continue }
          if e.outcome.isAnswered {
            let earliest = e.answers.filter { $0.kind != .declined }.compactMap(\.date).min()
            if let a = earliest { answered.append(max(0, d.days(to: a))) }
          } else if e.outcome == .pending {
            pending.append(d.days(to: last))
          } else {
            closed.append(d.days(to: last))
          }
        }
      }
      let horizon = (answered + closed + pending).max() ?? 0
      func curve(_ censored: [Int]) -> SurvivalCurve {
        var days: [Int: (Int, Int)] = [:]
        for t in answered { days[t, default: (0, 0)].0 += 1 }
        for t in censored { days[t, default: (0, 0)].1 += 1 }
        return SurvivalCurve(
          group: "x",
          days: days.keys.sorted().map { (days: $0, events: days[$0]!.0, censored: days[$0]!.1) })
      }
      let dropped = curve(closed)
      let censoredCurve = curve(closed + pending)
      let never = curve(closed + pending.map { _ in horizon + 1 })
      #expect(
        censoredCurve
          == SurvivalCurve(
            group: "x", days: censoredCurve.steps.map { ($0.days, $0.events, $0.censored) }))
      #expect(r.timeToAnswer.all.steps.map(\.survival) == censoredCurve.steps.map(\.survival))
      // The curves are steps: comparing them on every day one of them steps is enough.
      let days = Set((dropped.steps + censoredCurve.steps + never.steps).map(\.days))
      for t in days.sorted() {
        #expect(dropped.survival(at: t) <= censoredCurve.survival(at: t) + 1e-12)
        #expect(censoredCurve.survival(at: t) <= never.survival(at: t) + 1e-12)
      }
    }
  }

  @Test func relabellingActorsChangesNothing() throws {
    for data in Self.samples() {
      var renamed = ActionTable()
      for action in data.actions {
        var a = action
        a.actor = ActorID("Z" + action.actor.rawValue)
        a.target = ActorID("Z" + action.target.rawValue)
        renamed.append(a)
      }
      var other = data
      other.actions = renamed
      other.actors = data.actors.map {
        Actor(id: ActorID("Z" + $0.id.rawValue), name: $0.name, kind: $0.kind)
      }
      let a = try ResponseAnalysis(Network(data))
      let b = try ResponseAnalysis(Network(other))
      #expect(a.exchanges.map(\.outcome) == b.exchanges.map(\.outcome))
      #expect(
        a.exchanges.map { $0.originals.map(\.row) }
          == b.exchanges.map {
            $0.originals.map(\.row)
          })
      #expect(a.outcomes.map(\.originals) == b.outcomes.map(\.originals))
      #expect(a.timeToAnswer.all == b.timeToAnswer.all)
      #expect(a.chains.count == b.chains.count && a.chains.endings == b.chains.endings)
    }
  }

  // MARK: Kinds of an exchange

  @Test func anExchangeOfMixedKindsCountsEachOriginalUnderItsOwnKind() throws {
    // A expels 3 and closes a consulate of B's on 1 March; B answers both with one expulsion
    // of 4 (in kind: 4 = 3 + 1). C's expulsion of D is never answered (T = 1 June).
    let data = dataSet([
      Edge("A", "B", 3, date: "2020-03-01", id: "x"),
      Edge("A", "B", 1, kind: .consulateClosure, date: "2020-03-01", id: "c"),
      Edge("B", "A", 4, date: "2020-03-05", respondsTo: ["x", "c"]),
      Edge("C", "D", 1, date: "2020-03-01"),
      Edge("E", "F", 1, date: "2020-06-01"),
    ])
    let r = try ResponseAnalysis(Network(data))
    func group(_ kind: ActionKind) throws -> KindOutcomes {
      try #require(r.outcomesByKind.first { $0.kind == kind && $0.actorKind == .state })
    }
    // Three exchanges of four originals in all: the joint one, C's and E's.
    #expect(r.exchanges.count == 3 && r.originalCount == 4)
    #expect(r.summary(.inKind).exchanges == 1 && r.summary(.inKind).originals == 2)
    // The expulsions: A's (in kind, jointly), C's (unanswered) and E's (pending).
    let expulsions = try group(.expulsion)
    #expect(expulsions.exchanges == 3 && expulsions.originals == 3)
    #expect(
      expulsions.summary(.inKind).originals == 1 && expulsions.summary(.inKind).actors == ["A"])
    #expect(expulsions.summary(.unanswered).actors == ["C"])
    // The closure under its own kind, with the joint exchange's outcome.
    let closures = try group(.consulateClosure)
    #expect(closures.exchanges == 1 && closures.originals == 1)
    #expect(closures.summary(.inKind).originals == 1 && closures.summary(.inKind).actors == ["A"])
    // The originals add up exactly; the exchanges of the kinds count the joint one twice.
    #expect(r.outcomesByKind.reduce(0) { $0 + $1.originals } == r.originalCount)
    #expect(r.outcomesByKind.reduce(0) { $0 + $1.exchanges } == r.exchanges.count + 1)
    // The time to answer by kind: the closure answered after 4 days.
    let curve = try #require(r.timeToAnswer.byKind.first { $0.group == "consulate_closure" })
    #expect(curve.originals == 1 && curve.answered == 1 && curve.medianDays == 4)
  }
}
