import Foundation

/// Time to answer as a survival curve: the Kaplan–Meier estimate of the share of originals still
/// unanswered t days after they were taken.

/// One step of a Kaplan–Meier curve: a day on which an original was answered or censored.
public struct SurvivalStep: Hashable, Sendable, Codable {
  /// Days since the original.
  public var days: Int
  /// Originals still unanswered and observed just before `days` (n_t).
  public var atRisk: Int
  /// Originals answered on that day (d_t).
  public var events: Int
  /// Originals censored on that day (observed until then, unanswered).
  public var censored: Int
  /// Ŝ(t) from that day on.
  public var survival: Double
  /// The lower bound of Ŝ(t)'s confidence interval.
  public var lower: Double
  /// The upper bound.
  public var upper: Double
}

/// The Kaplan–Meier estimate for one group of originals.
///
/// Ŝ(t) = ∏_{t_i ≤ t} (1 − d_i / n_i) over the days t_i on which originals were answered, with
/// d_i answered on t_i and n_i still unanswered and observed just before t_i (an original
/// censored on t_i is at risk on t_i). Greenwood's variance: Var[log Ŝ(t)] =
/// Σ_{t_i ≤ t} d_i / (n_i (n_i − d_i)). The pointwise interval is the log-log one:
/// exp(−exp(log(−log Ŝ) ± z·σ/|log Ŝ|)) with σ² Greenwood's sum and z = 1.96 for 95 %, i.e.
/// [Ŝ^exp(z·σ/|log Ŝ|), Ŝ^exp(−z·σ/|log Ŝ|)]; [1, 1] while Ŝ = 1 and [0, 0] once Ŝ = 0 (when
/// every original at risk is answered, n_i = d_i).
///
/// The median time to answer is the first day with Ŝ(t) ≤ 0.5 (`nil` when the curve never
/// comes down to a half); its interval is Brookmeyer and Crowley's, the days whose pointwise
/// interval holds 0.5: from the first day whose lower bound is ≤ 0.5 to the first day whose
/// upper bound is ≤ 0.5 (`nil` ends when there is none).
///
/// - Complexity: O(m) for m distinct days, after the counts per day.
/// - Citation: Kaplan, E. L. & Meier, P. (1958). Nonparametric estimation from incomplete
///   observations. *JASA* 53(282):457–481, doi:10.1080/01621459.1958.10501452. Greenwood, M.
///   (1926). The natural duration of cancer. *Reports on Public Health and Medical Subjects*
///   33. Brookmeyer, R. & Crowley, J. (1982). A confidence interval for the median survival
///   time. *Biometrics* 38(1):29–41, doi:10.2307/2530286.
public struct SurvivalCurve: Hashable, Sendable, Codable {
  /// What the group is: `all`, a kind of original, or a bloc id.
  public var group: String
  /// Originals in the group with a time (answered with a dated answer, or censored).
  public var originals: Int
  /// Of which answered.
  public var answered: Int
  /// Of which censored.
  public var censored: Int
  /// One step per day with an answer or a censoring, ascending.
  public var steps: [SurvivalStep]
  /// The median time to answer in days; `nil` when Ŝ never falls to 0.5.
  public var medianDays: Int?
  /// The lower end of its confidence interval; `nil` when the lower band never falls to 0.5.
  public var medianLowerDays: Int?
  /// The upper end; `nil` when the upper band never falls to 0.5 (not reached).
  public var medianUpperDays: Int?

  /// z for a two-sided 95 % interval.
  public static let z = 1.959_963_984_540_054

  /// The curve from the counts per day: `events[t]` originals answered and `censored[t]`
  /// censored t days after they were taken (both of the same length).
  public init(group: String, events: [Int], censored: [Int]) {
    precondition(events.count == censored.count, "one count of each per day")
    self.init(
      group: group,
      days: events.indices.filter { events[$0] > 0 || censored[$0] > 0 }.map {
        (days: $0, events: events[$0], censored: censored[$0])
      })
  }

  /// The curve from the counts of the days with an answer or a censoring, ascending.
  public init(group: String, days: [(days: Int, events: Int, censored: Int)]) {
    self.group = group
    let answered = days.reduce(0) { $0 + $1.events }
    let censoredTotal = days.reduce(0) { $0 + $1.censored }
    originals = answered + censoredTotal
    self.answered = answered
    self.censored = censoredTotal
    steps = []
    medianDays = nil
    medianLowerDays = nil
    medianUpperDays = nil
    var atRisk = originals
    var s = 1.0
    var greenwood = 0.0
    for (t, d, c) in days {
      if d > 0 {
        if d < atRisk {
          s *= 1 - Double(d) / Double(atRisk)
          greenwood += Double(d) / (Double(atRisk) * Double(atRisk - d))
        } else {
          s = 0
        }
      }
      let (lower, upper) = Self.interval(s, greenwood)
      steps.append(
        SurvivalStep(
          days: t, atRisk: atRisk, events: d, censored: c, survival: s, lower: lower,
          upper: upper))
      if d > 0 {
        if medianDays == nil && s <= 0.5 { medianDays = t }
        if medianLowerDays == nil && lower <= 0.5 { medianLowerDays = t }
        if medianUpperDays == nil && upper <= 0.5 { medianUpperDays = t }
      }
      atRisk -= d + c
    }
  }

  /// The log-log interval of Ŝ with Greenwood's sum.
  static func interval(_ s: Double, _ greenwood: Double) -> (Double, Double) {
    if s >= 1 { return (1, 1) }
    if s <= 0 { return (0, 0) }
    let spread = z * greenwood.squareRoot() / abs(Foundation.log(s))
    return (Foundation.pow(s, Foundation.exp(spread)), Foundation.pow(s, Foundation.exp(-spread)))
  }

  /// Ŝ(t): the share of the group's originals still unanswered t days after they were taken.
  public func survival(at days: Int) -> Double {
    steps.last { $0.days <= days }?.survival ?? 1
  }
}

/// Time to answer: how long originals waited for their answer, as Kaplan–Meier curves.
///
/// Each dated original counts once. Answered (in kind, more, less, not comparable): an event on
/// day t = earliest answer date (`declined` records left out) − the original's date, 0 when an
/// explicit answer is dated before it. Not answered (unanswered, pending, declined): censored on
/// day T − its date, T the data's last date: it was observed that long without an answer, and
/// a pending original (window still open) is censored, not counted as never answered. Left
/// out: undated originals (``undatedOriginals``) and originals whose answer is undated
/// (``undatedAnswers``). See ``SurvivalCurve`` for the estimate, its interval and citations.
public struct TimeToAnswer: Hashable, Sendable, Codable {
  /// The confidence level of the intervals.
  public var confidence: Double
  /// How the intervals are made.
  public var method: String
  /// Every original.
  public var all: SurvivalCurve
  /// Per kind of original, known kinds first.
  public var byKind: [SurvivalCurve]
  /// Per bloc of the original's actor (an actor in two blocs counts in both), by bloc id (the
  /// same whatever order a format lists the blocs in).
  public var byBloc: [SurvivalCurve]
  /// Originals without a date.
  public var undatedOriginals: Int
  /// Answered originals whose answer has no date.
  public var undatedAnswers: Int

  /// The method's words.
  public static let methodName =
    "Kaplan-Meier; Greenwood variance; log-log 95% intervals; median interval by Brookmeyer-Crowley"

  /// A value with every field given.
  public init(
    all: SurvivalCurve, byKind: [SurvivalCurve], byBloc: [SurvivalCurve], undatedOriginals: Int,
    undatedAnswers: Int
  ) {
    confidence = 0.95
    method = Self.methodName
    self.all = all
    self.byKind = byKind
    self.byBloc = byBloc
    self.undatedOriginals = undatedOriginals
    self.undatedAnswers = undatedAnswers
  }

  /// Counts the times to answer per day, per group: every original, per kind, per bloc.
  struct Collector {
    /// An answer date that stands for "answered, on no known day".
    static let undatedAnswer = ActionTable.noDate
    let kinds: [ActionKind]
    let blocs: [BlocID]
    /// The bloc indices of each node: node n's are `nodeBlocs[nodeBlocStart[n]..<nodeBlocStart[n +
    /// 1]]`, flat so that counting an original retains no array of its own.
    let nodeBlocStart: [Int32]
    let nodeBlocs: [Int32]
    let lastDay: Int32
    /// Days the counts cover: T − the first date + 1.
    let span: Int
    /// Per group (0: all, 1…: kinds, then blocs): where its counts start in `storage`, or -1
    /// until the group's first original.
    var groupStart: [Int]
    /// The counts of the groups met, 2 × `span` each: events and censored per day, interleaved.
    var storage: [Int] = []
    /// The same by slot when the days are too many for arrays.
    var sparse: [[Int: Int]]
    /// Whether the counts are kept in `sparse`.
    let isSparse: Bool
    var undatedOriginals = 0
    var undatedAnswers = 0

    /// - Parameter span: the days from the data set's first date to `lastDay`
    ///   (``days(_:lastDay:)``).
    init(network: Network, kinds: [ActionKind], lastDay: Int32, span: Int) {
      self.kinds = kinds
      self.lastDay = lastDay
      let blocs = network.dataSet.blocs
      self.blocs = blocs.map(\.id)
      var blocsOfNode = [[Int32]](repeating: [], count: network.nodeCount)
      for (b, bloc) in blocs.enumerated() {
        for member in Set(bloc.members) {
          if let n = network.node(of: member) { blocsOfNode[n].append(Int32(b)) }
        }
      }
      var nodeBlocStart: [Int32] = [0]
      for of in blocsOfNode {
        nodeBlocStart.append(nodeBlocStart[nodeBlocStart.count - 1] + Int32(of.count))
      }
      self.nodeBlocStart = nodeBlocStart
      nodeBlocs = Array(blocsOfNode.joined())
      self.span = span
      groupStart = [Int](repeating: -1, count: 1 + kinds.count + blocs.count)
      sparse = [[Int: Int]](repeating: [:], count: 1 + kinds.count + blocs.count)
      isSparse = Self.isSparse(span: span, actions: network.dataSet.actions.count)
    }

    /// The days the counts cover: from the table's first date to `lastDay`, 1 when no action
    /// is dated.
    static func days(
      _ table: ActionTable, lastDay: Int32, threads: Int = 1, minimumPart: Int = 1 << 18
    ) -> Int {
      guard lastDay != ActionTable.noDate else { return 1 }
      let firsts = concurrentMap(
        partRanges(of: table.count, threads: threads, minimumPart: minimumPart),
        threads: threads
      ) { rows in
        table.dateColumn.withUnsafeBufferPointer { dates in
          var first = lastDay
          for r in rows where dates[r] != ActionTable.noDate { first = min(first, dates[r]) }
          return first
        }
      }
      return Int(lastDay) - Int(firsts.min()!) + 1
    }

    /// Whether counts over `span` days are kept by slot rather than in arrays.
    static func isSparse(span: Int, actions: Int) -> Bool { span > max(1 << 16, 4 * actions) }

    @inline(__always)
    mutating func count(group: Int, day: Int, censored: Bool) {
      let slot = 2 * day + (censored ? 1 : 0)
      if isSparse {
        sparse[group][slot, default: 0] += 1
        return
      }
      var start = groupStart[group]
      if start < 0 {
        start = storage.count
        groupStart[group] = start
        storage.append(contentsOf: repeatElement(0, count: 2 * span))
      }
      storage[start + slot] += 1
    }

    /// Counts an original dated `original` (``ActionTable/noDate`` when undated), answered on
    /// `answeredOn` (``undatedAnswer`` when on no known day) or not answered (`nil`).
    mutating func add(original: Int32, answeredOn: Int32?, actor: Int, kind: Int) {
      guard original != ActionTable.noDate else {
        undatedOriginals += 1
        return
      }
      let day: Int
      let censored: Bool
      if let answeredOn {
        guard answeredOn != Self.undatedAnswer else {
          undatedAnswers += 1
          return
        }
        day = min(span - 1, max(0, Int(answeredOn) - Int(original)))
        censored = false
      } else {
        day = min(span - 1, max(0, Int(lastDay) - Int(original)))
        censored = true
      }
      count(group: 0, day: day, censored: censored)
      count(group: 1 + kind, day: day, censored: censored)
      for i in Int(nodeBlocStart[actor])..<Int(nodeBlocStart[actor + 1]) {
        count(group: 1 + kinds.count + Int(nodeBlocs[i]), day: day, censored: censored)
      }
    }

    /// Adds the counts of another collector over the same network and days.
    mutating func add(_ other: Collector) {
      precondition(other.span == span && other.isSparse == isSparse)
      undatedOriginals += other.undatedOriginals
      undatedAnswers += other.undatedAnswers
      for group in groupStart.indices {
        if isSparse {
          sparse[group].merge(other.sparse[group], uniquingKeysWith: +)
          continue
        }
        let theirs = other.groupStart[group]
        guard theirs >= 0 else { continue }
        if groupStart[group] < 0 {
          groupStart[group] = storage.count
          storage.append(contentsOf: other.storage[theirs..<theirs + 2 * span])
        } else {
          let mine = groupStart[group]
          for slot in 0..<2 * span { storage[mine + slot] += other.storage[theirs + slot] }
        }
      }
    }

    func finish(windowDays: Int) -> TimeToAnswer {
      func curve(_ group: Int, _ name: String) -> SurvivalCurve {
        if isSparse {
          let c = sparse[group]
          let days = Set(c.keys.map { $0 / 2 }).sorted()
          return SurvivalCurve(
            group: name,
            days: days.map { (days: $0, events: c[2 * $0] ?? 0, censored: c[2 * $0 + 1] ?? 0) })
        }
        let start = groupStart[group]
        guard start >= 0 else { return SurvivalCurve(group: name, events: [], censored: []) }
        return SurvivalCurve(
          group: name, events: (0..<span).map { storage[start + 2 * $0] },
          censored: (0..<span).map { storage[start + 2 * $0 + 1] })
      }
      func used(_ group: Int) -> Bool {
        isSparse ? !sparse[group].isEmpty : groupStart[group] >= 0
      }
      let kindOrder = kinds.indices.filter { used(1 + $0) }.sorted {
        (kinds[$0].knownRank, kinds[$0].rawValue) < (kinds[$1].knownRank, kinds[$1].rawValue)
      }
      return TimeToAnswer(
        all: curve(0, "all"), byKind: kindOrder.map { curve(1 + $0, kinds[$0].rawValue) },
        byBloc: blocs.indices.filter { used(1 + kinds.count + $0) }.map {
          curve(1 + kinds.count + $0, blocs[$0].rawValue)
        }.sorted { $0.group < $1.group }, undatedOriginals: undatedOriginals,
        undatedAnswers: undatedAnswers)
    }
  }
}
