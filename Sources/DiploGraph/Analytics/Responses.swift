/// Responses: which actions were answered, by how much and how fast.
///
/// The matching itself is in `Responses+Matching.swift`; this file holds the result types and
/// the summary.

/// How answers are found.
public struct ResponseOptions: Hashable, Sendable {
  /// The window, in days, within which a reverse action counts as the answer of an action that
  /// has no explicit answer: answer date − action date ∈ [0, windowDays]. Default 30.
  public var windowDays: Int
  /// Kinds that are answers by nature (default: `retaliation`). An action of such a kind is
  /// never taken as an original: it can only answer an earlier action (explicitly or through
  /// the window), and when it answers none it is listed among the unmatched answers instead of
  /// counting as an unanswered original. `declined` is always treated so, listed here or not.
  public var answerKinds: Set<ActionKind>

  public init(windowDays: Int = 30, answerKinds: Set<ActionKind> = [.retaliation]) {
    self.windowDays = windowDays
    self.answerKinds = answerKinds
  }
}

/// One action as the analyses cite it: its row (0-based position in `DataSet.actions`) and the
/// fields a reader needs to recognise it.
public struct ActionReference: Hashable, Sendable, Codable {
  /// 0-based row in the data set's action table.
  public var row: Int
  public var id: ActionID?
  public var actor: ActorID
  public var target: ActorID
  public var kind: ActionKind
  public var count: Int?
  public var date: Day?

  /// The keys of its encoding, in order: the stats JSON writer lists the fields of its long
  /// arrays from them.
  package enum CodingKeys: String, CodingKey, CaseIterable {
    case row, id, actor, target, kind, count, date
  }

  public init(
    row: Int, id: ActionID?, actor: ActorID, target: ActorID, kind: ActionKind, count: Int?,
    date: Day?
  ) {
    self.row = row
    self.id = id
    self.actor = actor
    self.target = target
    self.kind = kind
    self.count = count
    self.date = date
  }
}

/// A group of originals (actions i→j) and their answers (actions j→i).
///
/// Explicit `respondsTo` links make connected groups (one answer may answer two originals
/// jointly; two answers may answer one original); an action matched through the window makes a
/// group of one original and one answer; an unanswered original is a group alone.
///
/// Totals sum what each action weighs in the network (``Network/weight``: the counts of
/// diplomats by default, 1 per event or the news mentions with `--weight events|mentions`).
///
/// An answer of kind `declined` records that the target chose not to answer: it answers
/// nothing, so it is left out of the answer total and the lag, and it ends the exchange.
///
/// - ratio = answer total / original total (`nil` when the original total is 0 or unknown);
/// - lag = earliest answer date − latest original date, in days, over the answers that are not
///   `declined` (`nil` when there is none or any action of the group is undated; negative when
///   an explicit answer is dated before its original);
/// - outcome, with w the response window and T the data's last date (over the whole data set):
///   with answers that are not `declined`: `notComparable` when an action has no weight (no
///   count, under the weight `count`), else
///   `inKind` (equal totals), `more` or `less` (the answer total against the original total);
///   with `declined` answers only: `declined`; without answers: `undated` when an original has
///   no date (nothing can be matched to it through the window), `pending` when latest
///   original date + w > T (the window is still open at the end of the data) and the target
///   has taken no action since that date (it has not been seen to answer anyone since: the
///   original is censored, not unanswered), else `unanswered` (the window closed, or the
///   target has moved since, answering others but not this one).
public struct Exchange: Hashable, Sendable, Codable {
  /// How an answered exchange was matched.
  public enum Matching: String, Hashable, Sendable, Codable, CaseIterable {
    /// Through `respondsTo`.
    case explicit
    /// As the first reverse action within the window.
    case window
  }

  /// The classification of an exchange.
  public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
    /// Answered with the same total.
    case inKind = "in_kind"
    /// Answered with a larger total.
    case more
    /// Answered with a smaller total.
    case less
    /// No answer found, and the window closed before the data's last date.
    case unanswered
    /// No answer found yet, but the window is still open at the data's last date (censored).
    case pending
    /// No answer, and an original has no date: nothing can be matched to it but an explicit
    /// answer, so it cannot be judged.
    case undated
    /// The only answers are `declined`: the target chose, on record, not to answer.
    case declined
    /// Answered, but some action of the exchange has no weight (no count, under the weight
    /// `count`).
    case notComparable = "not_comparable"

    /// Whether the originals got an answer (a `declined` record is not one).
    public var isAnswered: Bool {
      switch self {
      case .inKind, .more, .less, .notComparable: return true
      case .unanswered, .pending, .undated, .declined: return false
      }
    }
  }

  /// The acting actor of the originals (i).
  public var actor: ActorID
  /// Their target (j), who answers.
  public var target: ActorID
  /// The originals, by date (undated last), then row.
  public var originals: [ActionReference]
  /// The answers, by date (undated last), then row.
  public var answers: [ActionReference]
  /// Σ weights of the originals; `nil` when one has none.
  public var originalTotal: Int64?
  /// Σ weights of the answers that are not `declined`; `nil` when there is none or one has no
  /// weight.
  public var answerTotal: Int64?
  /// answerTotal / originalTotal.
  public var ratio: Double?
  /// Earliest answer date − latest original date (answers not `declined`).
  public var lagDays: Int?
  /// `nil` when there is no answer.
  public var matching: Matching?
  /// What became of the originals.
  public var outcome: Outcome
  /// Whether an answer lies outside the selection (answers are looked for in the whole data
  /// set; the selection chooses the originals).
  public var answerOutsideSelection: Bool

  /// The keys of its encoding, in order: the stats JSON writer lists the fields of its long
  /// arrays from them.
  package enum CodingKeys: String, CodingKey, CaseIterable {
    case actor, target, originals, answers, originalTotal, answerTotal, ratio, lagDays, matching
    case outcome, answerOutsideSelection
  }
}

/// A `respondsTo` link that could not be used, and why.
public struct UnresolvedReference: Hashable, Sendable, Codable {
  public enum Reason: String, Hashable, Sendable, Codable, CaseIterable {
    /// No action has this id.
    case unknownAction = "unknown_action"
    /// The referenced action is outside the selection.
    case notSelected = "not_selected"
    /// The answer or the referenced action is a self-loop (never analysed).
    case selfLoop = "self_loop"
    /// The action names itself.
    case sameAction = "same_action"
    /// The referenced action does not go in the opposite direction (its actor is not the
    /// answer's target, or its target not the answer's actor).
    case notReverse = "not_reverse"
  }

  /// The answering action.
  public var action: ActionReference
  /// The id it names.
  public var reference: ActionID
  public var reason: Reason
}

/// How many exchanges and original actions have one outcome, and whose originals they are.
public struct OutcomeSummary: Hashable, Sendable, Codable {
  /// The outcome counted.
  public var outcome: Exchange.Outcome
  /// Exchanges with this outcome.
  public var exchanges: Int
  /// Original actions in those exchanges (an explicit exchange may have several).
  public var originals: Int
  /// The originals' actors, sorted by id, each once.
  public var actors: [ActorID]

  /// A summary with every field given.
  public init(outcome: Exchange.Outcome, exchanges: Int, originals: Int, actors: [ActorID]) {
    self.outcome = outcome
    self.exchanges = exchanges
    self.originals = originals
    self.actors = actors
  }
}

/// Every action's answers, the response ratios and lags, the outcomes per kind of original, the
/// chains of answers to answers and the time to answer.
///
/// **The selection chooses the originals; their answers are looked for in the whole data set.**
/// The matching runs over every action of the data set; an exchange is kept when one of its
/// originals is selected, and ``Exchange/answerOutsideSelection`` says when an answer lies
/// outside the selection (so `--kind expulsion --since 2018-03-26 --until 2018-03-27` still
/// finds the retaliations of 29–30 March). Unmatched answers and unresolved links are those of
/// selected actions.
///
/// Matching, in order:
/// 1. **Explicit**: an action with a `respondsTo` that names an original is an answer. Each id
///    it names is followed to the action it answers, which must go the other way (the
///    original's actor is the answer's target, its target the answer's actor); links that
///    cannot be followed are listed in ``unresolvedReferences`` with their reason. A
///    `respondsTo` onto an answer is valid: the action is a *counter-answer*, a step of a chain
///    (``chains``) and an original of its own exchange (the other side may answer it in turn,
///    through `respondsTo` only: it takes no part in the window matching), unless its kind is
///    `declined`.
/// 2. **Window**: every other dated action i→j not answered explicitly, taken in date order
///    (on the same day, in row order), gets as its answer the first reverse action j→i that
///    comes after it, is dated at most ``ResponseOptions/windowDays`` later, is not an explicit
///    answer, not an explicit original, not a counter-answer, not already matched, and not
///    itself taken as an original earlier. An action so taken as an answer is not an original.
/// 3. What remains unanswered is an original of its own exchange, unless its kind is one of
///    ``ResponseOptions/answerKinds`` or `declined`: those go to ``unmatchedAnswers``, with
///    the explicit answers none of whose references could be used. Undated actions can only be
///    matched explicitly.
///
/// The outcomes (see ``Exchange``) are counted per exchange and per original action, and per
/// kind of original and kind of actor (``outcomesByKind``): every figure says what it counts.
///
/// The exchanges and the unmatched answers are compact lists (``ExchangeList``,
/// ``ActionReferenceList``): a few integers per exchange, each ``Exchange`` made when it is
/// read, so that analysing millions of actions does not build millions of values.
///
/// - Complexity: O(n + K²) time for n actions of the data set among K ≤ 65,536 actors when the
///   actions come in date order (one pass with a queue of waiting originals per pair of actors
///   up to 256 actors; beyond, the actions distributed by groups of pairs first, then each
///   group matched with its queues); O(n log n) at worst (a counting sort by date, or a
///   comparison sort when dates spread over many more days than there are actions; a binary
///   search for each action's link beyond 65,536 actors); explicit links cost O(r log n) for
///   r `respondsTo` entries; the summary, the chains and the survival curves one more pass
///   over the exchanges each, O(e + D) for e exchanges over D days (O(e log e) when D is far
///   larger). Memory: 5 bytes per action while matching, plus 16 bytes per pair of actors up
///   to 256 actors (K(K − 1)/2 pairs), 8 bytes per candidate action (4 beyond 4,194,304 of
///   them) and 512 KB beyond, or 16 bytes per link beyond 65,536 actors; and 8 bytes per
///   exchange in the result.
public struct ResponseAnalysis: Hashable, Sendable {
  /// The window used, in days.
  public var windowDays: Int
  /// The answer kinds used, sorted.
  public var answerKinds: [ActionKind]
  /// The last date of the whole data set (T of the `pending` rule); `nil` when no action is
  /// dated.
  public var lastDate: Day?
  /// Every exchange, by the date of its first original (undated last), then its row.
  public var exchanges: ExchangeList
  /// One entry per outcome, in the order of ``Exchange/Outcome/allCases``.
  public var outcomes: [OutcomeSummary]
  /// The outcomes per kind of original and kind of the originals' actor (states apart from
  /// organisations): known kinds first in ``ActionKind/known`` order, then the others by name.
  public var outcomesByKind: [KindOutcomes]
  /// Exchanges one of whose answers lies outside the selection.
  public var answersOutsideSelection: Int
  /// Mean lag in days over the answered exchanges with a lag; `nil` when there is none.
  public var meanLagDays: Double?
  /// Median lag in days over the same exchanges.
  public var medianLagDays: Double?
  /// Answers that answer no original of the selection (see the type's documentation), in row
  /// order.
  public var unmatchedAnswers: ActionReferenceList
  /// `respondsTo` links that could not be used.
  public var unresolvedReferences: [UnresolvedReference]
  /// The chains of answers to answers.
  public var chains: ResponseChains
  /// Time to answer: Kaplan–Meier curves of the share of originals still unanswered.
  public var timeToAnswer: TimeToAnswer

  /// A value with every field given (the summaries are not recomputed).
  public init(
    windowDays: Int, answerKinds: [ActionKind], lastDate: Day?, exchanges: ExchangeList,
    outcomes: [OutcomeSummary], outcomesByKind: [KindOutcomes], answersOutsideSelection: Int,
    meanLagDays: Double?, medianLagDays: Double?, unmatchedAnswers: ActionReferenceList,
    unresolvedReferences: [UnresolvedReference], chains: ResponseChains,
    timeToAnswer: TimeToAnswer
  ) {
    self.windowDays = windowDays
    self.answerKinds = answerKinds
    self.lastDate = lastDate
    self.exchanges = exchanges
    self.outcomes = outcomes
    self.outcomesByKind = outcomesByKind
    self.answersOutsideSelection = answersOutsideSelection
    self.meanLagDays = meanLagDays
    self.medianLagDays = medianLagDays
    self.unmatchedAnswers = unmatchedAnswers
    self.unresolvedReferences = unresolvedReferences
    self.chains = chains
    self.timeToAnswer = timeToAnswer
  }

  /// The summary entry for one outcome.
  public func summary(_ outcome: Exchange.Outcome) -> OutcomeSummary { outcomes.entry(outcome) }

  /// The original actions of every exchange.
  public var originalCount: Int { outcomes.reduce(0) { $0 + $1.originals } }

  /// Analyses the responses of a network's selection.
  ///
  /// - Throws: ``DiploGraphError`` with code `invalid` when the window is negative, `overflow`
  ///   when an exchange's total does not fit in 64 bits.
  ///
  /// The chains are searched by groups of pairs of actors on up to `threads` threads (`nil`:
  /// ``Parallelism/cores``), the exchanges summarised on as many; the result is the same
  /// whatever the number.
  ///
  /// - Throws: also `limit` when `threads` is outside 1…``Parallelism/maxThreads``.
  public init(
    _ network: Network, options: ResponseOptions = ResponseOptions(), threads: Int? = nil
  ) throws {
    try self.init(
      network, options: options, candidatesInOneRound: 1 << 22,
      threads: try Parallelism.threads(threads))
  }

  /// The analysis, with the matching by groups of pairs in two rounds beyond
  /// `candidatesInOneRound` candidate actions and the exchanges summarised in parts of at least
  /// `minimumPart`, and the actions matched in the window and the chains' exchanges sorted in
  /// parts of as many (tests lower both; `nil`: each stage's own minimum).
  init(
    _ network: Network, options: ResponseOptions, candidatesInOneRound: Int, threads: Int = 1,
    minimumPart: Int? = nil
  ) throws {
    guard options.windowDays >= 0 else {
      throw DiploGraphError(
        .invalid, "the response window must be 0 days or more, not \(options.windowDays)")
    }
    // The selection chooses the originals; the answers come from the whole data set.
    let whole = network.selection.isAll ? network : try Network(network.dataSet)
    let selected: [Int32]? = network.selection.isAll ? nil : Array(network.rows)
    func isSelected(_ row: Int32) -> Bool {
      selected == nil || network.selects(row: Int(row))
    }
    // One reader and one pass over the dates for the whole analysis: the data's last date is
    // the latest of the actors' last moves (``ActionTable/noDate``, the least value, when no
    // action is dated).
    let reader = ActionReader(network.dataSet.actions, weights: network.actions.countColumn)
    var matched = ResponseMatcher(
      network: whole, options: options, reader: reader,
      candidatesInOneRound: candidatesInOneRound, threads: threads,
      minimumPart: minimumPart ?? 1 << 16
    ).run()
    let lastMove = Self.lastMoves(network.dataSet.actions, threads: threads)
    let lastDay = lastMove.max() ?? ActionTable.noDate
    let rules = ExchangeRules(
      windowDays: options.windowDays, lastDay: lastDay, lastMove: lastMove, selected: selected)
    // Explicit exchanges are few: made now, which checks their totals for overflow, and
    // ordered by their first original.
    var groups: [(key: UInt64, exchange: Exchange)] = []
    for group in matched.groups where group.originals.contains(where: isSelected) {
      let key = group.originals.map { reader.orderKey(Int($0)) }.min()!
      let exchange = try Exchange(
        originals: group.originals, answers: group.answers, matching: .explicit, reader: reader,
        rules: rules)
      groups.append((key, exchange))
    }
    matched.groups = []
    groups.sort { $0.key < $1.key }
    // The others come in row order: ordered by date they are in (date, row) order.
    var singles = matched.singleOriginal
    var answers = matched.singleAnswer
    if selected != nil {
      let kept = singles.indices.filter { isSelected(singles[$0]) }
      singles = kept.map { singles[$0] }
      answers = kept.map { answers[$0] }
    }
    if !singles.indices.dropFirst().allSatisfy({
      reader.orderKey(Int(singles[$0 - 1])) < reader.orderKey(Int(singles[$0]))
    }) {
      let order = orderedByDay(count: singles.count) { reader.dateColumn[Int(singles[$0])] }
      singles = order.map { singles[Int($0)] }
      answers = order.map { answers[Int($0)] }
    }
    matched.singleOriginal = []
    matched.singleAnswer = []
    // Merge the two orders; an explicit exchange is written −1 − its index.
    var original: [Int32] = []
    var answer: [Int32] = []
    if groups.isEmpty {
      original = singles
      answer = answers
    } else {
      original.reserveCapacity(singles.count + groups.count)
      answer.reserveCapacity(singles.count + groups.count)
      var g = 0
      for (n, row) in singles.enumerated() {
        let key = reader.orderKey(Int(row))
        while g < groups.count && groups[g].key < key {
          original.append(-1 - Int32(g))
          answer.append(-1)
          g += 1
        }
        original.append(row)
        answer.append(answers[n])
      }
      while g < groups.count {
        original.append(-1 - Int32(g))
        answer.append(-1)
        g += 1
      }
    }
    let list = ExchangeList(
      original: original, answer: answer, materialized: groups.map(\.exchange), reader: reader,
      rules: rules)
    windowDays = options.windowDays
    answerKinds = options.answerKinds.sorted()
    lastDate = lastDay == ActionTable.noDate ? nil : Day(daysSinceEpoch: lastDay)
    exchanges = list
    unmatchedAnswers = ActionReferenceList(
      rows: matched.unmatchedAnswers.filter(isSelected), reader: reader)
    unresolvedReferences = matched.unresolved.filter { isSelected(Int32($0.action.row)) }
    let summary = ResponseSummary(
      list,
      gatherer: ExchangeGatherer(
        list: list, reader: reader, nodeOfEndpoint: whole.nodeOfEndpoint),
      network: whole, threads: threads, minimumPart: minimumPart)
    outcomes = summary.outcomes
    outcomesByKind = summary.byKind
    answersOutsideSelection = summary.answersOutsideSelection
    meanLagDays = summary.meanLag
    medianLagDays = summary.medianLag
    timeToAnswer = summary.timeToAnswer
    chains = ResponseChains(
      list, counterLinks: matched.counterLinks, network: whole,
      threads: threads, minimumPart: minimumPart ?? 1 << 16)
  }
}

extension ResponseAnalysis {
  /// The date of each endpoint symbol's latest action as an actor (``ActionTable/noDate``
  /// when it takes none).
  ///
  /// The rows are read in parts on up to `threads` threads, each part's latest dates merged
  /// (``ActionTable/noDate`` is the least value, so the latest is the greatest).
  static func lastMoves(_ table: ActionTable, threads: Int = 1, minimumPart: Int = 1 << 18)
    -> [Int32]
  {
    let symbols = table.endpointSymbols.count
    let parts = concurrentMap(
      partRanges(of: table.count, threads: threads, minimumPart: minimumPart),
      threads: threads
    ) { rows in
      var last = [Int32](repeating: ActionTable.noDate, count: symbols)
      table.dateColumn.withUnsafeBufferPointer { dates in
        table.actorColumn.withUnsafeBufferPointer { actors in
          for r in rows where last[Int(actors[r])] < dates[r] { last[Int(actors[r])] = dates[r] }
        }
      }
      return last
    }
    var last = parts[0]
    for part in parts.dropFirst() {
      for a in 0..<symbols where last[a] < part[a] { last[a] = part[a] }
    }
    return last
  }
}

/// What an exchange's outcome depends on beyond its own rows: the window, the data's last
/// date, the targets' last moves, and which rows the selection keeps.
struct ExchangeRules: Hashable, Sendable {
  /// The response window.
  var windowDays: Int
  /// The last date of the data set, ``ActionTable/noDate`` when none.
  var lastDay: Int32
  /// Per endpoint symbol, the date of its latest action as an actor.
  var lastMove: [Int32] = []
  /// The selected rows, ascending; `nil` when every row is selected.
  var selected: [Int32]?

  /// Whether row `row` is outside the selection.
  func isOutside(_ row: Int) -> Bool {
    guard let selected else { return false }
    var lo = 0
    var hi = selected.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if Int(selected[mid]) < row { lo = mid + 1 } else { hi = mid }
    }
    return !(lo < selected.count && Int(selected[lo]) == row)
  }

  /// The outcome of an exchange without answers whose latest original is `day`
  /// (``ActionTable/noDate`` when an original is undated) and whose target is endpoint symbol
  /// `target`.
  func unansweredOutcome(latestOriginal day: Int32, target: Int32) -> Exchange.Outcome {
    if day == ActionTable.noDate { return .undated }
    if lastDay != ActionTable.noDate && Int64(day) + Int64(windowDays) > Int64(lastDay) {
      let moved = Int(target) < lastMove.count ? lastMove[Int(target)] : ActionTable.noDate
      if moved == ActionTable.noDate || moved <= day { return .pending }
    }
    return .unanswered
  }
}

extension Exchange.Outcome {
  /// The outcome of an original answered by one action, from the weights stored for each
  /// (``ActionTable/noCount`` when an action has none).
  @inline(__always)
  static func of(answer: Int64, original: Int64) -> Self {
    Exchange.outcome(
      answered: true, original == ActionTable.noCount ? nil : original,
      answer == ActionTable.noCount ? nil : answer)
  }
}

extension Exchange {
  /// Builds an exchange from the rows of its originals (at least one) and answers (possibly
  /// none), computing totals, ratio, lag and outcome.
  init(
    originals: [Int32], answers: [Int32], matching: Matching?, reader: ActionReader,
    rules: ExchangeRules
  ) throws {
    func references(_ rows: [Int32]) -> [ActionReference] {
      if rows.count <= 1 { return rows.isEmpty ? [] : [reader.reference(Int(rows[0]))] }
      return rows.sorted { reader.orderKey(Int($0)) < reader.orderKey(Int($1)) }.map {
        reader.reference(Int($0))
      }
    }
    func total(_ rows: [Int32]) throws -> Int64? {
      var sum: Int64 = 0
      for row in rows {
        guard let c = reader.weight(Int(row)) else { return nil }
        sum = try checkedAdd(sum, c, "the total of an exchange")
      }
      return sum
    }
    /// The latest (or earliest) date of the rows, or `nil` when one is undated.
    func date(_ rows: [Int32], latest: Bool) -> Int32? {
      var result: Int32?
      for row in rows {
        let d = reader.dateColumn[Int(row)]
        if d == ActionTable.noDate { return nil }
        result = result.map { latest ? max($0, d) : min($0, d) } ?? d
      }
      return result
    }
    // A `declined` answer answers nothing: it counts in no total and no lag.
    let real = answers.filter { !reader.isDeclined(Int($0)) }
    let latest = date(originals, latest: true)
    self.init(
      originals: references(originals), answers: references(answers),
      originalTotal: try total(originals), answerTotal: real.isEmpty ? nil : try total(real),
      latestOriginal: latest, earliestAnswer: date(real, latest: false), matching: matching,
      outcome: real.isEmpty
        ? (answers.isEmpty
          ? rules.unansweredOutcome(
            latestOriginal: latest ?? ActionTable.noDate,
            target: reader.targetColumn[Int(originals[0])]) : .declined)
        : nil,
      outside: (originals + answers).contains { rules.isOutside(Int($0)) })
  }

  /// An exchange of one original and at most one answer: nothing to sum, nothing to sort.
  init(original: Int, answer: Int?, reader: ActionReader, rules: ExchangeRules) {
    let dates = reader.dateColumn
    func day(_ row: Int) -> Int32? {
      dates[row] == ActionTable.noDate ? nil : dates[row]
    }
    let declined = answer.map { reader.isDeclined($0) } ?? false
    let real = declined ? nil : answer
    self.init(
      originals: [reader.reference(original)],
      answers: answer.map { [reader.reference($0)] } ?? [],
      originalTotal: reader.weight(original), answerTotal: real.flatMap { reader.weight($0) },
      latestOriginal: day(original), earliestAnswer: real.flatMap { day($0) },
      matching: answer == nil ? nil : .window,
      outcome: answer == nil
        ? rules.unansweredOutcome(
          latestOriginal: dates[original], target: reader.targetColumn[original])
        : (declined ? .declined : nil),
      outside: rules.isOutside(original) || answer.map { rules.isOutside($0) } ?? false)
  }

  /// The derived fields from the totals and dates; `outcome` when it is not answered.
  private init(
    originals: [ActionReference], answers: [ActionReference], originalTotal: Int64?,
    answerTotal: Int64?, latestOriginal: Int32?, earliestAnswer: Int32?, matching: Matching?,
    outcome: Outcome?, outside: Bool
  ) {
    actor = originals[0].actor
    target = originals[0].target
    self.originals = originals
    self.answers = answers
    self.originalTotal = originalTotal
    self.answerTotal = answerTotal
    ratio = Self.ratio(originalTotal, answerTotal)
    if outcome == nil, let latest = latestOriginal, let earliest = earliestAnswer {
      lagDays = Int(earliest) - Int(latest)
    } else {
      lagDays = nil
    }
    self.matching = answers.isEmpty ? nil : matching
    self.outcome = outcome ?? Self.outcome(answered: true, originalTotal, answerTotal)
    answerOutsideSelection = outside
  }

  /// answer total / original total, when both are known and the original total is not 0.
  static func ratio(_ originalTotal: Int64?, _ answerTotal: Int64?) -> Double? {
    guard let ot = originalTotal, let at = answerTotal, ot > 0 else { return nil }
    return Double(at) / Double(ot)
  }

  /// The outcome of an answered exchange with these totals (`unanswered` when not answered).
  static func outcome(answered: Bool, _ originalTotal: Int64?, _ answerTotal: Int64?) -> Outcome {
    guard answered else { return .unanswered }
    guard let ot = originalTotal, let at = answerTotal else { return .notComparable }
    return at == ot ? .inKind : (at > ot ? .more : .less)
  }
}
