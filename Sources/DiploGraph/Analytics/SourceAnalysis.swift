/// Sources: what each source reports, and every place where sources disagree with the data or
/// with each other — so that "Al Jazeera: 18 EU states, 123 diplomats; AFP: 17 EU states;
/// UNIAN: 14 EU states" shows up as such instead of being silently resolved.

/// What one source reports in the selection.
public struct SourceSummary: Hashable, Sendable, Codable {
  public var id: SourceID
  /// The declared title; `nil` when the source is named by actions, claims or figures but not
  /// declared.
  public var title: String?
  public var publisher: String?
  public var date: Day?
  public var declared: Bool
  /// Selected actions that list the source.
  public var actions: Int
  /// Their acting actors, sorted.
  public var actors: [ActorID]
  /// Σ of their counts, as the data set uses them (the action's figure, not the source's
  /// claim); actions without a count add 0.
  public var diplomats: Int64
  /// Those of its actions without a count.
  public var actionsWithoutCount: Int
  /// Claims the source makes on selected actions.
  public var claims: Int
  /// Figures the source states (``DataSet/figures``).
  public var figures: Int
}

/// One claim on an action, checked against the action's figure.
public struct ClaimCheck: Hashable, Sendable, Codable {
  public var source: SourceID
  public var count: Int?
  public var qualifier: Qualifier
  public var quote: String?
  /// Whether "qualifier count" accepts the action's count (``Qualifier/accepts(_:figure:)``);
  /// `false` when the action has no count but the claim has one; `nil` when the claim gives no
  /// figure.
  public var agreesWithAction: Bool?
}

/// Two sources whose claims on the same action cannot both be true.
public struct SourcePair: Hashable, Sendable, Codable {
  public var first: SourceID
  public var second: SourceID

  public init(first: SourceID, second: SourceID) {
    self.first = first
    self.second = second
  }
}

/// An action on whose count the claims disagree with the action's figure or with each other.
///
/// Two claims conflict when no value satisfies both: each "qualifier figure" is read as an
/// interval (exact n: [n, n]; approximately n: [n − s, n + s] with s = max(1, |n| / 10); at
/// least n: [n, ∞); more than n: [n + 1, ∞); at most n: (−∞, n]; fewer than n: (−∞, n − 1])
/// and two claims conflict when their intervals do not meet.
public struct ClaimDisagreement: Hashable, Sendable, Codable {
  public var action: ActionReference
  /// Every claim on the action, in the data set's order.
  public var claims: [ClaimCheck]
  /// The pairs of claims that conflict.
  public var conflicts: [SourcePair]
}

/// An actor some of whose actions a source does not report.
public struct OmittedActor: Hashable, Sendable, Codable {
  public var actor: ActorID
  /// The actor's selected actions the source does not list.
  public var actions: Int
  /// The actor's selected actions reported by at least one source.
  public var ofActions: Int
  /// Σ counts of the omitted actions.
  public var weight: Int64

  /// The keys of its encoding, in order: the stats JSON writer lists the fields of its long
  /// arrays from them.
  package enum CodingKeys: String, CodingKey, CaseIterable {
    case actor, actions, ofActions, weight
  }
}

/// What one source leaves out, grouped by acting actor.
public struct Omission: Hashable, Sendable, Codable {
  public var source: SourceID
  public var actions: Int
  public var weight: Int64
  /// By actor id.
  public var actors: [OmittedActor]
}

/// A source's aggregate figure, recomputed from the data under the figure's own scope.
///
/// computed = Σ counts (measure `diplomats`), the number of distinct acting actors (`actors`)
/// or of actions (`actions`) in ``ReportedFigure/scope``, self-loops excluded; it agrees when
/// "qualifier value" accepts it. The figure's scope alone decides: the analysis's selection
/// does not restrict it (a figure is a statement about the episode, not about a view of it).
public struct FigureCheck: Hashable, Sendable, Codable {
  public var source: SourceID
  public var label: String
  public var measure: Measure
  public var value: Int
  public var qualifier: Qualifier
  public var scope: Selection
  public var quote: String?
  public var computed: Int64
  public var agrees: Bool
}

/// Figures of several sources on the same measure and scope that cannot all be true (their
/// intervals, read as for claims, have no common value).
public struct FigureConflict: Hashable, Sendable, Codable {
  public var measure: Measure
  public var scope: Selection
  /// The value the data gives.
  public var computed: Int64
  /// The figures, in the data set's order.
  public var figures: [FigureCheck]
}

/// Per source: the actions and totals it reports; every disagreement between sources, listed.
///
/// Disagreements are of four kinds: claims that do not match the action's figure or each other
/// (``claimDisagreements``); omissions, for each source that reports at least one selected
/// action, the selected actions it does not list, by actor (``omissions``; actions no source
/// lists are counted in ``unsourcedActions`` instead); reported figures the data does not bear
/// out (``figures`` with `agrees == false`); and figures of several sources that cannot all be
/// true (``figureConflicts``). Self-loops are left out throughout.
///
/// - Complexity: O(n + c·log n + F·n + S·E) for n actions, c claimed actions, F figures,
///   S sources and E distinct (source list, actor) pairs among the selected actions, plus
///   O(min(S, 100)·K) for the omissions itemised among K actors.
public struct SourceAnalysis: Hashable, Sendable, Codable {
  /// Declared sources in their order, then the undeclared ones named anywhere, by id.
  public var sources: [SourceSummary]
  /// Selected actions that list no source.
  public var unsourcedActions: Int
  public var claimDisagreements: [ClaimDisagreement]
  /// One entry per source that omits something, in the order of ``sources``; when more than
  /// ``omissionsListed`` sources omit something, the ``omissionsListed`` that report the most
  /// actions (ties by their order).
  public var omissions: [Omission]
  /// The sources that omit something, itemised in ``omissions`` or not.
  public var omittingSources: Int
  /// Every figure of the data set, in its order.
  public var figures: [FigureCheck]
  public var figureConflicts: [FigureConflict]

  /// The most sources ``omissions`` itemises: each lists up to every actor, so that event
  /// data, which names one source per event, would otherwise list sources × actors entries.
  public static let omissionsListed = 100

  /// Analyses the sources of a network's selection.
  ///
  /// - Throws: ``DiploGraphError`` with code `overflow` when a sum does not fit in 64 bits.
  public init(_ network: Network) throws {
    let dataSet = network.dataSet
    let table = dataSet.actions
    let k = network.nodeCount

    // Every source id, declared first.
    var ids: [SourceID] = []
    var seen = Set<SourceID>()
    for source in dataSet.sources where seen.insert(source.id).inserted { ids.append(source.id) }
    var undeclared = Set<SourceID>()
    for name in table.sourceSymbols.strings where !seen.contains(SourceID(name)) {
      undeclared.insert(SourceID(name))
    }
    for (_, claims) in table.claimsColumn.entries {
      for claim in claims where !seen.contains(claim.source) { undeclared.insert(claim.source) }
    }
    for figure in dataSet.figures where !seen.contains(figure.source) {
      undeclared.insert(figure.source)
    }
    ids += undeclared.sorted()
    var indexOf: [SourceID: Int] = [:]
    for (i, id) in ids.enumerated() { indexOf[id] = i }
    // Summary index of each source symbol.
    let summaryOfSymbol = table.sourceSymbols.strings.map { indexOf[SourceID($0)]! }

    let (cells, unsourced) = try Self.cells(of: network)
    let emptySet = table.sourceSetTable.map(\.isEmpty)

    var declared: [SourceID: Source] = [:]
    for source in dataSet.sources where declared[source.id] == nil { declared[source.id] = source }
    var summaries = ids.map { id in
      let source = declared[id]
      return SourceSummary(
        id: id, title: source?.title, publisher: source?.publisher, date: source?.date,
        declared: source != nil, actions: 0, actors: [], diplomats: 0, actionsWithoutCount: 0,
        claims: 0, figures: 0)
    }
    var actorsOf = [Set<Int>](repeating: [], count: ids.count)
    for cell in cells {
      for symbol in table.sourceSetTable[cell.set] {
        let s = summaryOfSymbol[Int(symbol)]
        summaries[s].actions += cell.actions
        summaries[s].actionsWithoutCount += cell.withoutCount
        summaries[s].diplomats = try checkedAdd(
          summaries[s].diplomats, cell.weight, "a source's total")
        actorsOf[s].insert(cell.actor)
      }
    }
    for s in summaries.indices {
      summaries[s].actors = actorsOf[s].map { network.actors[$0].id }.sorted()
    }

    // Omissions: per reporting source and actor, the actor's sourced actions minus those whose
    // list names the source. Every sum here is part of the selection's total weight, which
    // the network checked: wrapping additions cannot wrap.
    var sourcedActions = [Int](repeating: 0, count: k)
    var sourcedWeight = [Int64](repeating: 0, count: k)
    for cell in cells where !emptySet[cell.set] {
      sourcedActions[cell.actor] += cell.actions
      sourcedWeight[cell.actor] &+= cell.weight
    }
    // The reported (actions, weight) of each (source, actor); each source once per list.
    var reported: [Int: (actions: Int, weight: Int64)] = [:]
    var lastCell = [Int](repeating: -1, count: ids.count)
    for (n, cell) in cells.enumerated() {
      for symbol in table.sourceSetTable[cell.set] {
        let s = summaryOfSymbol[Int(symbol)]
        if lastCell[s] == n { continue }
        lastCell[s] = n
        let key = s * k + cell.actor
        let before = reported[key] ?? (0, 0)
        reported[key] = (before.actions + cell.actions, before.weight &+ cell.weight)
      }
    }
    let actorsByID = (0..<k).filter { sourcedActions[$0] > 0 }.sorted {
      network.actors[$0].id < network.actors[$1].id
    }
    // A source omits something when it reports fewer of the sourced actions than there are
    // (each action once per source). Event data names one URL per event: a million sources
    // each omitting nearly every actor, so only the sources reporting the most are itemised.
    let sourcedTotal = sourcedActions.reduce(0, +)
    var reportedBySource = [Int](repeating: 0, count: ids.count)
    for (key, value) in reported { reportedBySource[key / max(k, 1)] += value.actions }
    let omitting = summaries.indices.filter { s in
      summaries[s].actions > 0 && table.sourceSymbols.index(of: ids[s].rawValue) != nil
        && reportedBySource[s] < sourcedTotal
    }
    let itemised =
      omitting.count <= Self.omissionsListed
      ? omitting
      : omitting.sorted {
        reportedBySource[$0] != reportedBySource[$1]
          ? reportedBySource[$0] > reportedBySource[$1] : $0 < $1
      }.prefix(Self.omissionsListed).sorted()
    var omissions: [Omission] = []
    for s in itemised {
      var actors: [OmittedActor] = []
      var actions = 0
      var weight: Int64 = 0
      for v in actorsByID {
        let seen = reported[s * k + v] ?? (0, 0)
        let missing = sourcedActions[v] - seen.actions
        guard missing > 0 else { continue }
        let missingWeight = sourcedWeight[v] &- seen.weight
        actors.append(
          OmittedActor(
            actor: network.actors[v].id, actions: missing, ofActions: sourcedActions[v],
            weight: missingWeight))
        actions += missing
        weight &+= missingWeight
      }
      if actions > 0 {
        omissions.append(Omission(source: ids[s], actions: actions, weight: weight, actors: actors))
      }
    }

    // Claims.
    let reader = ActionReader(table)
    var disagreements: [ClaimDisagreement] = []
    for (row, claims) in table.claimsColumn.entries {
      guard let p = network.position(ofRow: Int(row)), !network.actions[p].isSelfLoop else {
        continue
      }
      let r = Int(row)
      for claim in claims { summaries[indexOf[claim.source]!].claims += 1 }
      if let found = Self.checkClaims(claims, row: r, reader: reader) {
        disagreements.append(found)
      }
    }

    // Figures.
    var checks: [FigureCheck] = []
    for figure in dataSet.figures {
      summaries[indexOf[figure.source]!].figures += 1
      checks.append(try Self.check(figure, network: network))
    }

    sources = summaries
    unsourcedActions = unsourced
    claimDisagreements = disagreements
    self.omissions = omissions
    omittingSources = omitting.count
    figures = checks
    figureConflicts = Self.conflicts(among: checks)
  }

  /// What the selected actions (self-loops left out) give each pair of a list of sources and
  /// an acting actor.
  private struct Cell {
    var set: Int
    var actor: Int
    var actions: Int
    var weight: Int64
    var withoutCount: Int
  }

  /// The selected actions aggregated by (source list, actor), and how many have no source:
  /// the cell of each pair in a dense table when there are not too many pairs, else in a
  /// dictionary.
  private static func cells(of network: Network) throws -> (cells: [Cell], unsourced: Int) {
    let table = network.dataSet.actions
    let k = network.nodeCount
    let sets = table.sourceSetTable.count
    let emptySet = table.sourceSetTable.map(\.isEmpty)
    var cells: [Cell] = []
    var unsourced = 0
    if sets * k <= 1 << 22 {
      // A slot per (actor, source list), an actor's lists side by side (the busy actors'
      // slots stay in the cache); the cells are the slots used.
      var actions = [Int32](repeating: 0, count: sets * k)
      var weight = [Int64](repeating: 0, count: sets * k)
      var withoutCount = [Int32](repeating: 0, count: sets * k)
      try network.actions.forEachAction { action in
        if emptySet[action.sourceSet] { unsourced += 1 }
        let slot = action.actor * sets + action.sourceSet
        actions[slot] += 1
        let c = action.storedCount
        if c == ActionTable.noCount {
          withoutCount[slot] += 1
        } else {
          weight[slot] = try checkedAdd(weight[slot], c, "a source's total")
        }
      }
      for slot in actions.indices where actions[slot] > 0 {
        cells.append(
          Cell(
            set: slot % sets, actor: slot / sets, actions: Int(actions[slot]),
            weight: weight[slot], withoutCount: Int(withoutCount[slot])))
      }
    } else {
      var index: [Int: Int] = [:]
      try network.actions.forEachAction { action in
        if emptySet[action.sourceSet] { unsourced += 1 }
        let key = action.sourceSet * k + action.actor
        let cell: Int
        if let found = index[key] {
          cell = found
        } else {
          cell = cells.count
          index[key] = cell
          cells.append(
            Cell(set: action.sourceSet, actor: action.actor, actions: 0, weight: 0, withoutCount: 0)
          )
        }
        cells[cell].actions += 1
        let c = action.storedCount
        if c == ActionTable.noCount {
          cells[cell].withoutCount += 1
        } else {
          cells[cell].weight = try checkedAdd(cells[cell].weight, c, "a source's total")
        }
      }
    }
    return (cells, unsourced)
  }

  /// The disagreement on one action's claims, if there is one.
  static func checkClaims(_ claims: [Claim], row: Int, reader: ActionReader)
    -> ClaimDisagreement?
  {
    let count = reader.count(row).map { Int($0) }
    let checks = claims.map { claim in
      ClaimCheck(
        source: claim.source, count: claim.count, qualifier: claim.qualifier, quote: claim.quote,
        agreesWithAction: claim.count.map { figure in
          count.map { claim.qualifier.accepts($0, figure: figure) } ?? false
        })
    }
    var conflicts: [SourcePair] = []
    for a in claims.indices {
      guard let fa = claims[a].count else { continue }
      for b in claims.indices where b > a {
        guard let fb = claims[b].count else { continue }
        let ia = claims[a].qualifier.interval(figure: fa)
        let ib = claims[b].qualifier.interval(figure: fb)
        if !intervalsMeet([ia, ib]) {
          conflicts.append(SourcePair(first: claims[a].source, second: claims[b].source))
        }
      }
    }
    guard !conflicts.isEmpty || checks.contains(where: { $0.agreesWithAction == false }) else {
      return nil
    }
    return ClaimDisagreement(
      action: reader.reference(row), claims: checks, conflicts: conflicts)
  }

  /// A figure recomputed from the data.
  static func check(_ figure: ReportedFigure, network: Network) throws -> FigureCheck {
    var actions: Int64 = 0
    var diplomats: Int64 = 0
    var acting = [Bool](repeating: false, count: network.nodeCount)
    var actors: Int64 = 0
    try network.actions(in: figure.scope).forEachAction { action in
      actions += 1
      if let c = action.count {
        diplomats = try checkedAdd(diplomats, Int64(c), "the total of figure \"\(figure.label)\"")
      }
      if !acting[action.actor] {
        acting[action.actor] = true
        actors += 1
      }
    }
    let computed: Int64
    switch figure.measure {
    case .diplomats: computed = diplomats
    case .actors: computed = actors
    case .actions: computed = actions
    }
    return FigureCheck(
      source: figure.source, label: figure.label, measure: figure.measure, value: figure.value,
      qualifier: figure.qualifier, scope: figure.scope, quote: figure.quote, computed: computed,
      agrees: figure.qualifier.accepts(Int(clamping: computed), figure: figure.value))
  }

  /// Groups of figures on one (measure, scope) from two or more sources with no common value.
  static func conflicts(among checks: [FigureCheck]) -> [FigureConflict] {
    struct Key: Hashable {
      var measure: Measure
      var scope: Selection
    }
    var order: [Key] = []
    var groups: [Key: [FigureCheck]] = [:]
    for check in checks {
      let key = Key(measure: check.measure, scope: check.scope)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(check)
    }
    return order.compactMap { key in
      let group = groups[key]!
      guard Set(group.map(\.source)).count > 1,
        !intervalsMeet(group.map { $0.qualifier.interval(figure: $0.value) })
      else { return nil }
      return FigureConflict(
        measure: key.measure, scope: key.scope, computed: group[0].computed, figures: group)
    }
  }
}

extension Qualifier {
  /// The values `v` with `accepts(v, figure:)`, as a closed interval; `nil` ends are unbounded.
  func interval(figure f: Int) -> (low: Int?, high: Int?) {
    switch self {
    case .exact: return (f, f)
    case .approximately:
      // The slack of `accepts`: max(1, |f| / 10), ends saturated at the bounds of Int.
      let slack = Swift.max(1, Int(f.magnitude / 10))
      let (low, under) = f.subtractingReportingOverflow(slack)
      let (high, over) = f.addingReportingOverflow(slack)
      return (under ? .min : low, over ? .max : high)
    case .atLeast: return (f, nil)
    case .moreThan: return (f == .max ? f : f + 1, nil)
    case .atMost: return (nil, f)
    case .fewerThan: return (nil, f == .min ? f : f - 1)
    }
  }
}

/// Whether some value lies in every interval.
func intervalsMeet(_ intervals: [(low: Int?, high: Int?)]) -> Bool {
  let low = intervals.compactMap(\.low).max()
  let high = intervals.compactMap(\.high).min()
  guard let low, let high else { return true }
  return low <= high
}
