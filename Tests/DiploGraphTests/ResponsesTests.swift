import DiploGraph
import PropertyBased
import TestSupport
import Testing

@Suite struct ResponsesTests {
  /// A small version of March 2018, with every way of matching and every outcome.
  static let episode = AnalyticsFixtures.responses

  @Test func episodeExchanges() throws {
    let analysis = try ResponseAnalysis(Network(dataSet(Self.episode)))
    func exchange(_ firstOriginalRow: Int) -> Exchange? {
      analysis.exchanges.first { $0.originals.first?.row == firstOriginalRow }
    }
    // UK 23 → Russia 23 three days later, explicitly: in kind, ratio 23/23 = 1, lag 17 − 14 = 3.
    let uk = try #require(exchange(0))
    #expect(uk.answers.map(\.row) == [1])
    #expect(uk.matching == .explicit && uk.outcome == .inKind)
    #expect(uk.ratio == 1 && uk.lagDays == 3)
    // US 48 + 12 = 60, answered jointly by one 60: in kind; lag 29 − 26 = 3.
    let us = try #require(exchange(2))
    #expect(us.originals.map(\.row) == [2, 3])
    #expect(us.answers.map(\.row) == [4])
    #expect(us.originalTotal == 60 && us.answerTotal == 60)
    #expect(us.outcome == .inKind && us.lagDays == 3)
    // France 4, Russia 4 four days later without respondsTo: the window matches them.
    let fra = try #require(exchange(5))
    #expect(fra.answers.map(\.row) == [6] && fra.matching == .window && fra.lagDays == 4)
    // Ukraine: a retaliation 7 days later.
    #expect(exchange(8)?.answers.map(\.row) == [9])
    #expect(exchange(8)?.lagDays == 7)
    // Australia: Russia's answer comes 44 days later, outside the 30-day window.
    #expect(exchange(10)?.outcome == .unanswered)
    // Canada 4 → 3: less, ratio 3/4; Germany 4 → 6: more, ratio 6/4.
    #expect(exchange(12)?.outcome == .less)
    #expect(approximatelyEqual(exchange(12)?.ratio, 0.75))
    #expect(exchange(14)?.outcome == .more)
    #expect(approximatelyEqual(exchange(14)?.ratio, 1.5))
    // Consulate closures both ways: answered, but without counts.
    let closure = try #require(exchange(16))
    #expect(closure.answers.map(\.row) == [17])
    #expect(closure.outcome == .notComparable)
    #expect(closure.originalTotal == nil && closure.ratio == nil)
    // Russia's staff cut is an original of its own, unanswered; undated Montenegro cannot be
    // judged: undated.
    #expect(exchange(18)?.outcome == .unanswered)
    #expect(exchange(19)?.outcome == .undated)
    #expect(exchange(19)?.lagDays == nil)
    // 11 exchanges: uk, us, fra, bel, ukr, aus, can, deu, closure, staff cut, mne.
    #expect(analysis.exchanges.count == 11)
    // Order: by first original date (undated last), then row.
    #expect(analysis.exchanges.map(\.originals[0].row) == [0, 2, 5, 8, 12, 14, 16, 7, 10, 18, 19])

    // Every answer kind left without an original is listed apart.
    #expect(analysis.unmatchedAnswers.map(\.row) == [11, 20])
    #expect(analysis.unresolvedReferences.count == 1)
    #expect(analysis.unresolvedReferences[0].reason == .unknownAction)
    #expect(analysis.unresolvedReferences[0].reference == "nope")
    #expect(analysis.unresolvedReferences[0].action.row == 20)
  }

  @Test func episodeSummary() throws {
    let analysis = try ResponseAnalysis(Network(dataSet(Self.episode)))
    #expect(analysis.windowDays == 30)
    #expect(analysis.answerKinds == [.retaliation])
    // In kind: GBR, USA (the 60), FRA, UKR. More: DEU. Less: CAN.
    #expect(analysis.summary(.inKind).exchanges == 4)
    #expect(analysis.summary(.inKind).actors == ["FRA", "GBR", "UKR", "USA"])
    #expect(analysis.summary(.more).actors == ["DEU"])
    #expect(analysis.summary(.less).actors == ["CAN"])
    // Unanswered: AUS, BEL and Russia's staff cut; undated: MNE.
    #expect(analysis.summary(.unanswered).exchanges == 3)
    #expect(analysis.summary(.unanswered).actors == ["AUS", "BEL", "RUS"])
    #expect(analysis.summary(.undated).actors == ["MNE"])
    #expect(analysis.summary(.notComparable).actors == ["USA"])
    #expect(analysis.outcomes.map(\.outcome) == Exchange.Outcome.allCases)
    // Lags of the 7 answered exchanges: 3, 3, 4, 7, 4, 4, 3 → sorted 3 3 3 4 4 4 7:
    // mean 28 / 7 = 4, median 4.
    #expect(approximatelyEqual(analysis.meanLagDays, 4))
    #expect(approximatelyEqual(analysis.medianLagDays, 4))
  }

  @Test func widerWindowAnswersAustralia() throws {
    let analysis = try ResponseAnalysis(
      Network(dataSet(Self.episode)), options: ResponseOptions(windowDays: 45))
    let aus = try #require(analysis.exchanges.first { $0.originals[0].row == 10 })
    // 2018-03-27 → 2018-05-10: 4 + 30 + 10 = 44 days.
    #expect(aus.lagDays == 44 && aus.outcome == .inKind && aus.matching == .window)
    #expect(analysis.unmatchedAnswers.map(\.row) == [20])
  }

  @Test func windowTakesTheFirstFreeReverseAction() throws {
    let data = dataSet([
      Edge("A", "B", 5, date: "2020-01-01"),  // 0: answered by 2
      Edge("A", "B", 3, date: "2020-01-02"),  // 1: next free reverse action is 3, 38 days later
      Edge("B", "A", 5, date: "2020-01-03"),  // 2
      Edge("B", "A", 2, date: "2020-02-09"),  // 3: unanswered original (no later A→B)
    ])
    let narrow = try ResponseAnalysis(Network(data))
    #expect(narrow.exchanges.count == 3)
    #expect(narrow.exchanges[0].originals.map(\.row) == [0])
    #expect(narrow.exchanges[0].answers.map(\.row) == [2])
    #expect(narrow.exchanges[0].lagDays == 2)
    #expect(narrow.exchanges[1].originals.map(\.row) == [1])
    #expect(narrow.exchanges[1].outcome == .unanswered)
    #expect(narrow.exchanges[2].originals.map(\.row) == [3])
    // 3 is the data's last action: its window is open and A has not moved since: pending.
    #expect(narrow.exchanges[2].outcome == .pending)
    // With 40 days, 1 is answered by 3: 3 → 2 is less, lag 2020-01-02 → 02-09 = 38.
    let wide = try ResponseAnalysis(Network(data), options: ResponseOptions(windowDays: 40))
    #expect(wide.exchanges.count == 2)
    #expect(wide.exchanges[1].answers.map(\.row) == [3])
    #expect(wide.exchanges[1].lagDays == 38 && wide.exchanges[1].outcome == .less)
  }

  @Test func sameDayAndZeroWindow() throws {
    // On one day the row listed first is the original; a window of 0 days still matches it.
    let data = dataSet([
      Edge("B", "A", 2, date: "2020-05-05"),
      Edge("A", "B", 2, date: "2020-05-05"),
      Edge("A", "B", 1, date: "2020-05-06"),
      Edge("B", "A", 1, date: "2020-05-07"),
    ])
    let analysis = try ResponseAnalysis(Network(data), options: ResponseOptions(windowDays: 0))
    #expect(analysis.exchanges.count == 3)
    #expect(analysis.exchanges[0].actor == "B" && analysis.exchanges[0].answers.map(\.row) == [1])
    #expect(analysis.exchanges[0].lagDays == 0)
    // Row 2 (day 6) would be answered by row 3 (day 7) only with a window of 1 day or more.
    #expect(analysis.exchanges[1].originals.map(\.row) == [2])
    #expect(analysis.exchanges[1].outcome == .unanswered)
    #expect(analysis.exchanges[2].originals.map(\.row) == [3])
    #expect(throws: DiploGraphError.self) {
      try ResponseAnalysis(Network(data), options: ResponseOptions(windowDays: -1))
    }
  }

  @Test func explicitAnswersAreNeverRematched() throws {
    let data = dataSet([
      Edge("A", "B", 10, date: "2020-01-01", id: "o"),
      Edge("B", "A", 4, date: "2020-01-03", respondsTo: ["o"]),
      Edge("B", "A", 6, date: "2020-01-02", respondsTo: ["o"]),
      // Not an answer to "o": an original, pending (its window open at the data's end).
      Edge("B", "A", 1, date: "2020-01-04"),
    ])
    let analysis = try ResponseAnalysis(Network(data))
    #expect(analysis.exchanges.count == 2)
    let joint = analysis.exchanges[0]
    // Two answers, 4 + 6 = 10, to one original: in kind; lag from the earliest answer, 1 day.
    #expect(joint.answers.map(\.row) == [2, 1])
    #expect(joint.answerTotal == 10 && joint.outcome == .inKind && joint.lagDays == 1)
    #expect(analysis.exchanges[1].originals.map(\.row) == [3])
    #expect(analysis.exchanges[1].outcome == .pending)
  }

  @Test func unusableReferences() throws {
    let data = dataSet([
      Edge("A", "B", 1, date: "2020-01-01", id: "p"),  // 0
      Edge("B", "A", 1, date: "2020-01-02", id: "q", respondsTo: ["p"]),  // 1: answers p
      Edge("A", "B", 1, date: "2020-01-03", respondsTo: ["q"]),  // 2: answers an answer: valid
      Edge("C", "A", 1, date: "2020-01-03", respondsTo: ["p"]),  // 3: not the reverse of p
      Edge("C", "D", 1, kind: .staffCut, date: "2020-01-01", id: "s"),  // 4
      // 5: s is not selected below, but answers are looked for in the whole data set: 5
      // answers s, an original the selection leaves out, so neither is shown.
      Edge("D", "C", 1, date: "2020-01-02", respondsTo: ["s"]),
      Edge("D", "C", 1, id: "self", respondsTo: ["self"]),  // 6: names itself
    ])
    let analysis = try ResponseAnalysis(
      Network(data, selection: Selection(kinds: [.expulsion])))
    let reasons = analysis.unresolvedReferences.map { [$0.action.row: $0.reason] }
    #expect(
      reasons == [[3: .notReverse], [6: .sameAction]])
    #expect(analysis.unmatchedAnswers.map(\.row) == [3, 6])
    // p answered by q; 2, a counter-answer, is an original of its own: dated 2020-01-03, the
    // data's last date, its 30-day window is open: pending.
    #expect(analysis.exchanges.count == 2)
    #expect(analysis.exchanges[0].answers.map(\.row) == [1])
    #expect(analysis.exchanges[1].originals.map(\.row) == [2])
    #expect(analysis.exchanges[1].outcome == .pending)
    #expect(analysis.chains.count == 1 && analysis.chains.longest[0].length == 3)
  }

  @Test func zeroAndMissingCounts() throws {
    let data = dataSet([
      Edge("A", "B", 0, id: "z"),
      Edge("B", "A", 1, respondsTo: ["z"]),
      Edge("C", "D", nil, id: "n"),
      Edge("D", "C", 2, respondsTo: ["n"]),
    ])
    let analysis = try ResponseAnalysis(Network(data))
    // 0 answered by 1: more, but the ratio 1/0 is undefined; both undated: no lag.
    #expect(analysis.exchanges[0].outcome == .more)
    #expect(analysis.exchanges[0].ratio == nil && analysis.exchanges[0].lagDays == nil)
    // An original without a count: not comparable.
    #expect(analysis.exchanges[1].outcome == .notComparable)
    #expect(analysis.exchanges[1].originalTotal == nil && analysis.exchanges[1].answerTotal == 2)
    #expect(analysis.meanLagDays == nil && analysis.medianLagDays == nil)
  }

  @Test func emptySelection() throws {
    let analysis = try ResponseAnalysis(
      Network(dataSet(Self.episode), selection: Selection(kinds: ["none"])))
    #expect(analysis.exchanges.isEmpty)
    #expect(analysis.outcomes.allSatisfy { $0.exchanges == 0 && $0.actors.isEmpty })
    #expect(analysis.meanLagDays == nil)
  }

  // MARK: Properties

  /// Actions among four actors over 60 days: (actor, target, count, day, is a retaliation).
  static let actions = zip(
    Gen.int(in: 0...3), Gen.int(in: 0...3), Gen.int(in: 1...5), Gen.int(in: 0...60),
    Gen.int(in: 0...3)
  ).array(of: 0...25)

  static func edges(_ actions: [(Int, Int, Int, Int, Int)]) -> [Edge] {
    let start = Day(iso: "2020-01-01")!
    return actions.map { a in
      Edge(
        "A\(a.0)", "A\(a.1)", a.2, kind: a.4 == 0 ? .retaliation : .expulsion,
        date: start.adding(days: a.3).description)
    }
  }

  /// The window matching as specified, in O(n²): each action in (date, row) order that is not
  /// yet an answer nor an answer kind takes the first later reverse action that is still free,
  /// when it falls in the window.
  static func naivePairs(_ edges: [Edge], window: Int) -> Set<[Int]> {
    let order = edges.indices.filter { edges[$0].actor != edges[$0].target }.sorted {
      (edges[$0].date!, $0) < (edges[$1].date!, $1)
    }
    var taken = Set<Int>()
    var processed = Set<Int>()
    var pairs = Set<[Int]>()
    for (n, o) in order.enumerated() where !taken.contains(o) {
      processed.insert(o)
      if edges[o].kind == .retaliation { continue }
      let first = order[(n + 1)...].first { r in
        edges[r].actor == edges[o].target && edges[r].target == edges[o].actor
          && !taken.contains(r) && !processed.contains(r)
      }
      guard let r = first else { continue }
      let lag = Day(iso: edges[o].date!)!.days(to: Day(iso: edges[r].date!)!)
      if lag <= window {
        taken.insert(r)
        pairs.insert([o, r])
      }
    }
    return pairs
  }

  @Test func windowMatchingAgreesWithTheNaiveDefinition() async {
    await propertyCheck(input: Self.actions, Gen.int(in: 0...20)) { actions, window in
      let edges = Self.edges(actions)
      let analysis = try ResponseAnalysis(
        Network(dataSet(edges, actors: ["A0", "A1", "A2", "A3"])),
        options: ResponseOptions(windowDays: window))
      let pairs = analysis.exchanges.filter { $0.matching == .window }.map {
        [$0.originals[0].row, $0.answers[0].row]
      }
      #expect(Set(pairs) == Self.naivePairs(edges, window: window))
      for e in analysis.exchanges where !e.answers.isEmpty {
        #expect(e.lagDays.map { $0 >= 0 && $0 <= window } == true)
      }
    }
  }

  @Test func everyActionIsAccountedForOnce() async {
    await propertyCheck(input: Self.actions, Gen.int(in: 0...20)) { actions, window in
      let edges = Self.edges(actions)
      let analysis = try ResponseAnalysis(
        Network(dataSet(edges, actors: ["A0", "A1", "A2", "A3"])),
        options: ResponseOptions(windowDays: window))
      let rows =
        analysis.exchanges.flatMap { $0.originals.map(\.row) + $0.answers.map(\.row) }
        + analysis.unmatchedAnswers.map(\.row)
      let expected = edges.indices.filter { edges[$0].actor != edges[$0].target }
      #expect(rows.sorted() == expected)
      let counted = analysis.outcomes.map(\.exchanges).reduce(0, +)
      #expect(counted == analysis.exchanges.count)
    }
  }
}
