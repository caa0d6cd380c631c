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
  /// counting as an unanswered original.
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
/// - ratio = answer total / original total (`nil` when the original total is 0 or unknown);
/// - lag = earliest answer date − latest original date, in days (`nil` when any action of the
///   group is undated; negative when an explicit answer is dated before its original);
/// - outcome: `unanswered` without answers; `notComparable` when an action of the group has no
///   count; otherwise `inKind` (equal totals), `more` or `less` (the answer total against the
///   original total).
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
    /// No answer found.
    case unanswered
    /// Answered, but some action of the exchange has no count.
    case notComparable = "not_comparable"
  }

  /// The acting actor of the originals (i).
  public var actor: ActorID
  /// Their target (j), who answers.
  public var target: ActorID
  /// The originals, by date (undated last), then row.
  public var originals: [ActionReference]
  /// The answers, by date (undated last), then row.
  public var answers: [ActionReference]
  /// Σ counts of the originals; `nil` when one has no count.
  public var originalTotal: Int64?
  /// Σ counts of the answers; `nil` when there is none or one has no count.
  public var answerTotal: Int64?
  /// answerTotal / originalTotal.
  public var ratio: Double?
  /// Earliest answer date − latest original date.
  public var lagDays: Int?
  /// `nil` when unanswered.
  public var matching: Matching?
  public var outcome: Outcome

  /// The keys of its encoding, in order: the stats JSON writer lists the fields of its long
  /// arrays from them.
  package enum CodingKeys: String, CodingKey, CaseIterable {
    case actor, target, originals, answers, originalTotal, answerTotal, ratio, lagDays, matching
    case outcome
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
    /// The referenced action is itself an answer: counter-answers are not chained into one
    /// exchange, since an answer is never also an original.
    case answersAnAnswer = "answers_an_answer"
  }

  /// The answering action.
  public var action: ActionReference
  /// The id it names.
  public var reference: ActionID
  public var reason: Reason
}

/// How many exchanges have one outcome, and whose originals they are.
public struct OutcomeSummary: Hashable, Sendable, Codable {
  public var outcome: Exchange.Outcome
  public var exchanges: Int
  /// The originals' actors, sorted by id, each once.
  public var actors: [ActorID]
}

/// Every action's answers, the response ratios and lags, and the summary counts.
///
/// Matching, in order:
/// 1. **Explicit**: an action with a `respondsTo` is an answer, never an original. Each id it
///    names is followed to the selected action it answers, which must go the other way (the
///    original's actor is the answer's target, its target the answer's actor); links that
///    cannot be followed are listed in ``unresolvedReferences`` with their reason.
/// 2. **Window**: every other dated action i→j not answered explicitly, taken in date order
///    (on the same day, in row order), gets as its answer the first reverse action j→i that
///    comes after it, is dated at most ``ResponseOptions/windowDays`` later, is not an explicit
///    answer, not an explicit original, not already matched, and not itself taken as an
///    original earlier. An action so taken as an answer is not an original.
/// 3. What remains unanswered is an original of its own exchange, unless its kind is one of
///    ``ResponseOptions/answerKinds``: those go to ``unmatchedAnswers``, with the explicit
///    answers none of whose references could be used. Undated actions can only be matched
///    explicitly.
///
/// The exchanges and the unmatched answers are compact lists (``ExchangeList``,
/// ``ActionReferenceList``): a few integers per exchange, each ``Exchange`` made when it is
/// read, so that analysing millions of actions does not build millions of values. The outcome
/// counts, actors and lags are counted while the exchanges are found.
///
/// - Complexity: O(n + K²) time for n selected actions among K ≤ 65,536 actors when the actions
///   come in date order (one pass with a queue of waiting originals per pair of actors up to
///   256 actors; beyond, the actions distributed by groups of pairs first, then each group
///   matched with its queues); O(n log n) at worst (a counting sort by date, or a comparison
///   sort when dates spread over many more days than there are actions; a binary search for
///   each action's link beyond 65,536 actors); explicit links cost O(r log n) for r
///   `respondsTo` entries. Memory: 5 bytes per selected action while matching, plus 16 bytes
///   per pair of actors up to 256 actors (K(K − 1)/2 pairs), 8 bytes per candidate action (4
///   beyond 4,194,304 of them) and 512 KB beyond, or 16 bytes per link beyond 65,536 actors;
///   and 8 bytes per exchange in the result.
public struct ResponseAnalysis: Hashable, Sendable {
  /// The window used, in days.
  public var windowDays: Int
  /// The answer kinds used, sorted.
  public var answerKinds: [ActionKind]
  /// Every exchange, by the date of its first original (undated last), then its row.
  public var exchanges: ExchangeList
  /// One entry per outcome, in the order of ``Exchange/Outcome/allCases``.
  public var outcomes: [OutcomeSummary]
  /// Mean lag in days over the answered exchanges with a lag; `nil` when there is none.
  public var meanLagDays: Double?
  /// Median lag in days over the same exchanges.
  public var medianLagDays: Double?
  /// Answers that answer no original of the selection (see the type's documentation), in row
  /// order.
  public var unmatchedAnswers: ActionReferenceList
  /// `respondsTo` links that could not be used.
  public var unresolvedReferences: [UnresolvedReference]

  /// A value with every field given (the outcome summary is not recomputed).
  public init(
    windowDays: Int, answerKinds: [ActionKind], exchanges: ExchangeList,
    outcomes: [OutcomeSummary], meanLagDays: Double?, medianLagDays: Double?,
    unmatchedAnswers: ActionReferenceList, unresolvedReferences: [UnresolvedReference]
  ) {
    self.windowDays = windowDays
    self.answerKinds = answerKinds
    self.exchanges = exchanges
    self.outcomes = outcomes
    self.meanLagDays = meanLagDays
    self.medianLagDays = medianLagDays
    self.unmatchedAnswers = unmatchedAnswers
    self.unresolvedReferences = unresolvedReferences
  }

  /// The summary entry for one outcome.
  public func summary(_ outcome: Exchange.Outcome) -> OutcomeSummary {
    outcomes.first { $0.outcome == outcome }
      ?? OutcomeSummary(outcome: outcome, exchanges: 0, actors: [])
  }

  /// Analyses the responses of a network's selection.
  ///
  /// - Throws: ``DiploGraphError`` with code `invalid` when the window is negative, `overflow`
  ///   when an exchange's total does not fit in 64 bits.
  public init(_ network: Network, options: ResponseOptions = ResponseOptions()) throws {
    try self.init(network, options: options, candidatesInOneRound: 1 << 22)
  }

  /// The analysis, with the matching by groups of pairs in two rounds beyond
  /// `candidatesInOneRound` candidate actions (tests lower it).
  init(_ network: Network, options: ResponseOptions, candidatesInOneRound: Int) throws {
    guard options.windowDays >= 0 else {
      throw DiploGraphError(
        .invalid, "the response window must be 0 days or more, not \(options.windowDays)")
    }
    var matched = ResponseMatcher(
      network: network, options: options, candidatesInOneRound: candidatesInOneRound
    ).run()
    let reader = ActionReader(network.dataSet.actions)
    // Explicit exchanges are few: made now, which checks their totals for overflow, and
    // ordered by their first original.
    var groups: [(key: UInt64, exchange: Exchange)] = []
    for group in matched.groups {
      let key = group.originals.map { reader.orderKey(Int($0)) }.min()!
      let exchange = try Exchange(
        originals: group.originals, answers: group.answers, matching: .explicit, reader: reader)
      groups.append((key, exchange))
      matched.tally.add(
        exchange.outcome, actor: network.actorNode(row: Int(group.originals[0])),
        lag: exchange.answers.isEmpty ? nil : exchange.lagDays)
    }
    matched.groups = []
    groups.sort { $0.key < $1.key }
    // The others come in row order: ordered by date they are in (date, row) order.
    var singles = matched.singleOriginal
    var answers = matched.singleAnswer
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
      original: original, answer: answer, materialized: groups.map(\.exchange), reader: reader)
    windowDays = options.windowDays
    answerKinds = options.answerKinds.sorted()
    exchanges = list
    unmatchedAnswers = ActionReferenceList(rows: matched.unmatchedAnswers, reader: reader)
    unresolvedReferences = matched.unresolved
    let summary = matched.tally.finish(actors: network.actors.map(\.id))
    outcomes = summary.outcomes
    meanLagDays = summary.mean
    medianLagDays = summary.median
  }
}

extension Exchange.Outcome {
  /// The outcome of an original answered by one action, from the counts stored for each
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
  init(originals: [Int32], answers: [Int32], matching: Matching?, reader: ActionReader) throws {
    func references(_ rows: [Int32]) -> [ActionReference] {
      if rows.count <= 1 { return rows.isEmpty ? [] : [reader.reference(Int(rows[0]))] }
      return rows.sorted { reader.orderKey(Int($0)) < reader.orderKey(Int($1)) }.map {
        reader.reference(Int($0))
      }
    }
    func total(_ rows: [Int32]) throws -> Int64? {
      var sum: Int64 = 0
      for row in rows {
        guard let c = reader.count(Int(row)) else { return nil }
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
    let o = references(originals)
    self.init(
      originals: o, answers: references(answers), originalTotal: try total(originals),
      answerTotal: answers.isEmpty ? nil : try total(answers),
      latestOriginal: date(originals, latest: true),
      earliestAnswer: date(answers, latest: false), matching: matching)
  }

  /// An exchange of one original and at most one answer: nothing to sum, nothing to sort.
  init(original: Int, answer: Int?, reader: ActionReader) {
    let dates = reader.dateColumn
    func day(_ row: Int) -> Int32? {
      dates[row] == ActionTable.noDate ? nil : dates[row]
    }
    self.init(
      originals: [reader.reference(original)],
      answers: answer.map { [reader.reference($0)] } ?? [],
      originalTotal: reader.count(original), answerTotal: answer.flatMap { reader.count($0) },
      latestOriginal: day(original), earliestAnswer: answer.flatMap { day($0) },
      matching: answer == nil ? nil : .window)
  }

  /// The derived fields from the totals and dates.
  private init(
    originals: [ActionReference], answers: [ActionReference], originalTotal: Int64?,
    answerTotal: Int64?, latestOriginal: Int32?, earliestAnswer: Int32?, matching: Matching?
  ) {
    actor = originals[0].actor
    target = originals[0].target
    self.originals = originals
    self.answers = answers
    self.originalTotal = originalTotal
    self.answerTotal = answerTotal
    ratio = Self.ratio(originalTotal, answerTotal)
    if !answers.isEmpty, let latest = latestOriginal, let earliest = earliestAnswer {
      lagDays = Int(earliest) - Int(latest)
    } else {
      lagDays = nil
    }
    self.matching = answers.isEmpty ? nil : matching
    outcome = Self.outcome(answered: !answers.isEmpty, originalTotal, answerTotal)
  }

  /// answer total / original total, when both are known and the original total is not 0.
  static func ratio(_ originalTotal: Int64?, _ answerTotal: Int64?) -> Double? {
    guard let ot = originalTotal, let at = answerTotal, ot > 0 else { return nil }
    return Double(at) / Double(ot)
  }

  /// The outcome of an exchange with these totals.
  static func outcome(answered: Bool, _ originalTotal: Int64?, _ answerTotal: Int64?) -> Outcome {
    guard answered else { return .unanswered }
    guard let ot = originalTotal, let at = answerTotal else { return .notComparable }
    return at == ot ? .inKind : (at > ot ? .more : .less)
  }
}
