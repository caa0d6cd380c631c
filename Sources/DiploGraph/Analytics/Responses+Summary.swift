/// The summaries of ``ResponseAnalysis``, counted in one pass over its exchanges: outcomes per
/// exchange and per original action, outcomes per kind of original and kind of actor, mean and
/// median lag, and the times to answer behind ``TimeToAnswer``.

/// The outcomes of the originals of one kind whose actors are of one kind (states apart from
/// organisations).
public struct KindOutcomes: Hashable, Sendable, Codable {
  /// The kind of the originals. Each original action counts under its own kind: an exchange
  /// whose originals are of several kinds (answered jointly, through `respondsTo`) counts once
  /// under each of them, with its originals of that kind and the outcome of the whole exchange.
  public var kind: ActionKind
  /// The kind of their actors.
  public var actorKind: ActorKind
  /// Exchanges with an original of this kind (an exchange of mixed kinds counts under each).
  public var exchanges: Int
  /// Original actions counted.
  public var originals: Int
  /// One entry per outcome, in the order of ``Exchange/Outcome/allCases``.
  public var outcomes: [OutcomeSummary]

  /// A value with every field given.
  public init(
    kind: ActionKind, actorKind: ActorKind, exchanges: Int, originals: Int,
    outcomes: [OutcomeSummary]
  ) {
    self.kind = kind
    self.actorKind = actorKind
    self.exchanges = exchanges
    self.originals = originals
    self.outcomes = outcomes
  }

  /// The summary entry for one outcome.
  public func summary(_ outcome: Exchange.Outcome) -> OutcomeSummary { outcomes.entry(outcome) }
}

extension [OutcomeSummary] {
  /// The entry for `outcome`: the one that names it, or an empty one when none does. The one
  /// lookup behind ``ResponseAnalysis/summary(_:)`` and ``KindOutcomes/summary(_:)``.
  func entry(_ outcome: Exchange.Outcome) -> OutcomeSummary {
    first { $0.outcome == outcome }
      ?? OutcomeSummary(outcome: outcome, exchanges: 0, originals: 0, actors: [])
  }
}

/// One pass over the exchanges of a ``ResponseAnalysis``.
struct ResponseSummary {
  var outcomes: [OutcomeSummary] = []
  var byKind: [KindOutcomes] = []
  var answersOutsideSelection = 0
  var meanLag: Double?
  var medianLag: Double?
  var timeToAnswer: TimeToAnswer

  /// - Parameters:
  ///   - list: the exchanges.
  ///   - gatherer: reads each exchange from the rows.
  ///   - network: the network over the whole data set the matching ran on (its nodes).
  ///   - threads: the list is counted in parts on up to this many threads, the parts' counts
  ///     added in their order (every count is a sum, so the result is the same whatever the
  ///     number).
  ///   - minimumPart: the fewest exchanges in a part (tests lower it); `nil`: 65,536, and when
  ///     the days are counted in arrays, four per day the counts cover, so that the parts'
  ///     arrays stay in proportion to their exchanges.
  init(
    _ list: ExchangeList, gatherer: ExchangeGatherer, network: Network, threads: Int = 1,
    minimumPart: Int? = nil
  ) {
    let kinds = network.dataSet.actions.kindSymbols.strings.map { ActionKind($0) }
    let actorKinds = ActorKind.allCases
    let table = network.dataSet.actions
    let span = TimeToAnswer.Collector.days(table, lastDay: list.rules.lastDay, threads: threads)
    // One part per thread: the work per exchange is even.
    let dense = !TimeToAnswer.Collector.isSparse(span: span, actions: table.count)
    let perPart = minimumPart ?? max(1 << 16, dense ? 4 * span : 0)
    let parts = concurrentMap(
      partRanges(of: list.count, threads: threads, minimumPart: perPart, perThread: 3),
      threads: threads
    ) { range in
      Counts(list, range, gatherer: gatherer, network: network, kinds: kinds, span: span)
    }
    let whole = parts[0]
    for part in parts.dropFirst() { whole.add(part) }
    let groups = whole.groups
    let ids = network.actors.map(\.id)
    let summary = whole.tally.finish(actors: ids)
    outcomes = summary.outcomes
    meanLag = summary.mean
    medianLag = summary.median
    answersOutsideSelection = whole.outside
    byKind = groups.indices.compactMap { g in groups[g].map { (g, $0) } }.map { g, tally in
      let rows = tally.finish(actors: ids).outcomes
      return KindOutcomes(
        kind: kinds[g / actorKinds.count], actorKind: actorKinds[g % actorKinds.count],
        exchanges: rows.reduce(0) { $0 + $1.exchanges },
        originals: rows.reduce(0) { $0 + $1.originals }, outcomes: rows)
    }.sorted { a, b in
      let (ra, rb) = (a.kind.knownRank, b.kind.knownRank)
      if ra != rb { return ra < rb }
      if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
      return a.actorKind.ordinal < b.actorKind.ordinal
    }
    timeToAnswer = whole.survival.finish(windowDays: list.rules.windowDays)
  }

  /// The counts of a range of the list's exchanges.
  final class Counts {
    let tally: OutcomeTally
    /// Per (kind symbol, actor kind): a tally, made when first met.
    var groups: [OutcomeTally?]
    var survival: TimeToAnswer.Collector
    /// Exchanges answered outside the selection.
    var outside = 0

    init(
      _ list: ExchangeList, _ range: Range<Int>, gatherer: ExchangeGatherer,
      network: Network, kinds: [ActionKind], span: Int
    ) {
      let k = network.nodeCount
      let actorKinds = ActorKind.allCases
      let kindOfNode = network.actors.map { actorKinds.firstIndex(of: $0.kind)! }
      let tally = OutcomeTally(nodes: k, windowDays: list.rules.windowDays, actions: list.count)
      var groups = [OutcomeTally?](repeating: nil, count: kinds.count * actorKinds.count)
      // The same groups, reached without a retain and a release per exchange (two threads
      // retaining the same tally take turns at its cache line); `groups` keeps them alive.
      var handles = [Unmanaged<OutcomeTally>?](repeating: nil, count: groups.count)
      var survival = TimeToAnswer.Collector(
        network: network, kinds: kinds, lastDay: list.rules.lastDay, span: span)
      let rules = list.rules
      var outside = 0
      /// Counts an exchange's originals of one kind (symbol) under their group.
      func addToGroup(kind: Int, actor: Int, _ outcome: Exchange.Outcome, originals: Int) {
        let g = kind * actorKinds.count + kindOfNode[actor]
        let handle: Unmanaged<OutcomeTally>
        if let found = handles[g] {
          handle = found
        } else {
          let group = OutcomeTally(nodes: k, windowDays: 0, actions: 0)
          groups[g] = group
          handle = Unmanaged.passUnretained(group)
          handles[g] = handle
        }
        handle._withUnsafeGuaranteedRef {
          $0.add(outcome, actor: actor, lag: nil, originals: originals)
        }
      }
      for x in range {
        let o = Int(gatherer.original[x])
        let outcome: Exchange.Outcome
        let actor: Int
        var lag: Int?
        var originals = 1
        if o >= 0 {
          // Read from the rows: in list order, the originals' rows nearly ascending.
          let a = Int(gatherer.answer[x])
          let day = gatherer.dates[o]
          let kind = Int(gatherer.kinds[o])
          actor = Int(gatherer.nodeOfEndpoint[Int(gatherer.actors[o])])
          let answerDay: Int32
          (outcome, answerDay) = gatherer.outcome(original: o, answer: a)
          var answeredOn: Int32?
          if outcome.isAnswered {
            lag = Int(answerDay) - Int(day)
            answeredOn = answerDay
          }
          if rules.selected != nil {
            if a >= 0 && (rules.isOutside(a) || rules.isOutside(o)) { outside += 1 }
          }
          survival.add(original: day, answeredOn: answeredOn, actor: actor, kind: kind)
          addToGroup(kind: kind, actor: actor, outcome, originals: 1)
        } else {
          let e = list.materialized[-1 - o]
          outcome = e.outcome
          actor = network.node(of: e.actor)!
          originals = e.originals.count
          lag = outcome.isAnswered ? e.lagDays : nil
          if e.answerOutsideSelection { outside += 1 }
          let earliest = e.answers.lazy.filter { $0.kind != .declined }.compactMap(\.date).min()
          // Each original under its own kind; the exchange once under each of its kinds.
          var originalsOfKind: [(kind: Int, originals: Int)] = []
          for original in e.originals {
            let kind = kinds.firstIndex(of: original.kind)!
            survival.add(
              original: original.date?.daysSinceEpoch ?? ActionTable.noDate,
              answeredOn: outcome.isAnswered
                ? (earliest?.daysSinceEpoch ?? TimeToAnswer.Collector.undatedAnswer) : nil,
              actor: actor, kind: kind)
            if let i = originalsOfKind.firstIndex(where: { $0.kind == kind }) {
              originalsOfKind[i].originals += 1
            } else {
              originalsOfKind.append((kind, 1))
            }
          }
          for group in originalsOfKind {
            addToGroup(kind: group.kind, actor: actor, outcome, originals: group.originals)
          }
        }
        tally.add(outcome, actor: actor, lag: lag, originals: originals)
      }
      self.tally = tally
      self.groups = groups
      self.survival = survival
      self.outside = outside
    }

    /// Adds the counts of another range.
    func add(_ other: Counts) {
      tally.add(other.tally)
      for (g, group) in other.groups.enumerated() {
        guard let group else { continue }
        if let mine = groups[g] { mine.add(group) } else { groups[g] = group }
      }
      survival.add(other.survival)
      outside += other.outside
    }
  }
}

extension ActionKind {
  /// Its place in ``known``, or past the end.
  var knownRank: Int { Self.known.firstIndex(of: self) ?? Self.known.count }
}

extension ActorKind {
  /// States, organisations, regions.
  var ordinal: Int { Self.allCases.firstIndex(of: self)! }
}
