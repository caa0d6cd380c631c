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
/// - Complexity: O(n log n) for n selected actions at worst, O(n + L) when they come in date
///   order: the window matching groups the actions by unordered pair with a counting sort keyed
///   by link (sorting a pair's actions by date only when they are not already), then matches
///   each pair's two directions with two pointers; explicit links cost O(r log n) for r
///   `respondsTo` entries.
public struct ResponseAnalysis: Hashable, Sendable, Codable {
  /// The window used, in days.
  public var windowDays: Int
  /// The answer kinds used, sorted.
  public var answerKinds: [ActionKind]
  /// Every exchange, by the date of its first original (undated last), then its row.
  public var exchanges: [Exchange]
  /// One entry per outcome, in the order of ``Exchange/Outcome/allCases``.
  public var outcomes: [OutcomeSummary]
  /// Mean lag in days over the answered exchanges with a lag; `nil` when there is none.
  public var meanLagDays: Double?
  /// Median lag in days over the same exchanges.
  public var medianLagDays: Double?
  /// Answers that answer no original of the selection (see the type's documentation).
  public var unmatchedAnswers: [ActionReference]
  /// `respondsTo` links that could not be used.
  public var unresolvedReferences: [UnresolvedReference]

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
    guard options.windowDays >= 0 else {
      throw DiploGraphError(
        .invalid, "the response window must be 0 days or more, not \(options.windowDays)")
    }
    let matched = ResponseMatcher(network: network, options: options).run()
    let reader = ActionReader(network.dataSet.actions)
    // Exchanges in order: by their first original's date (undated last), then its row.
    var order: [(key: UInt64, single: Int32, group: Int32)] = []
    order.reserveCapacity(matched.singleOriginal.count + matched.groups.count)
    for (n, row) in matched.singleOriginal.enumerated() {
      order.append((reader.orderKey(Int(row)), Int32(n), -1))
    }
    for (n, group) in matched.groups.enumerated() {
      let first = group.originals.map { reader.orderKey(Int($0)) }.min()!
      order.append((first, -1, Int32(n)))
    }
    order.sort { $0.key < $1.key }
    var exchanges: [Exchange] = []
    exchanges.reserveCapacity(order.count)
    for entry in order {
      if entry.single >= 0 {
        let answer = matched.singleAnswer[Int(entry.single)]
        exchanges.append(
          try Exchange(
            originals: [matched.singleOriginal[Int(entry.single)]],
            answers: answer >= 0 ? [answer] : [], matching: answer >= 0 ? .window : nil,
            reader: reader))
      } else {
        let group = matched.groups[Int(entry.group)]
        exchanges.append(
          try Exchange(
            originals: group.originals, answers: group.answers, matching: .explicit,
            reader: reader))
      }
    }
    windowDays = options.windowDays
    answerKinds = options.answerKinds.sorted()
    self.exchanges = exchanges
    unmatchedAnswers = matched.unmatchedAnswers.map { reader.reference(Int($0)) }
    unresolvedReferences = matched.unresolved
    outcomes = Self.summarise(exchanges)
    let lags = exchanges.compactMap { $0.answers.isEmpty ? nil : $0.lagDays }.sorted()
    if lags.isEmpty {
      meanLagDays = nil
      medianLagDays = nil
    } else {
      meanLagDays = lags.reduce(0.0) { $0 + Double($1) } / Double(lags.count)
      let mid = lags.count / 2
      medianLagDays =
        lags.count % 2 == 1 ? Double(lags[mid]) : (Double(lags[mid - 1]) + Double(lags[mid])) / 2
    }
  }

  static func summarise(_ exchanges: [Exchange]) -> [OutcomeSummary] {
    let cases = Exchange.Outcome.allCases
    var counts = [Int](repeating: 0, count: cases.count)
    var actors = [Set<ActorID>](repeating: [], count: cases.count)
    for e in exchanges {
      let n = cases.firstIndex(of: e.outcome)!
      counts[n] += 1
      actors[n].insert(e.actor)
    }
    return cases.indices.map { n in
      OutcomeSummary(outcome: cases[n], exchanges: counts[n], actors: actors[n].sorted())
    }
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
    actor = o[0].actor
    target = o[0].target
    self.originals = o
    self.answers = references(answers)
    originalTotal = try total(originals)
    answerTotal = answers.isEmpty ? nil : try total(answers)
    if let ot = originalTotal, let at = answerTotal, ot > 0 {
      ratio = Double(at) / Double(ot)
    } else {
      ratio = nil
    }
    if !answers.isEmpty, let latest = date(originals, latest: true),
      let earliest = date(answers, latest: false)
    {
      lagDays = Int(earliest) - Int(latest)
    } else {
      lagDays = nil
    }
    self.matching = answers.isEmpty ? nil : matching
    if answers.isEmpty {
      outcome = .unanswered
    } else if let ot = originalTotal, let at = answerTotal {
      outcome = at == ot ? .inKind : (at > ot ? .more : .less)
    } else {
      outcome = .notComparable
    }
  }
}
