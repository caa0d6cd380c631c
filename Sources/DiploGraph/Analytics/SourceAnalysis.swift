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
/// Event data names one source (a URL) per event: a million events, a million sources. The
/// summaries are listed as ``SourceListing`` says (by default every source up to
/// ``SourceListing/automaticLimit``, else the sources that report the most actions), the
/// others counted in ``unlistedSources``; the omissions are itemised for at most
/// ``omissionsListed`` sources.
///
/// - Complexity: O(n + R + S·log N + c·log n + F·n + I·K + P) for n selected actions, R
///   sources named by their distinct source lists, S sources, N listed (the selection of the
///   N that report the most keeps a heap of N), c claimed actions, F figures, I ≤ 100 sources
///   whose omissions are itemised among K actors, and P distinct (listed source, actor)
///   pairs; the listed sources sorted in O(N log N). Memory O(S + number of source lists + K)
///   beyond the output: a few counters per source, no list per source.
public struct SourceAnalysis: Hashable, Sendable {
  /// Declared sources in their order, then the undeclared ones named anywhere, by id; when
  /// the listing leaves sources out, the listed ones in that order.
  public var sources: [SourceSummary]
  /// The sources the listing left out of ``sources`` (0 when every source is listed).
  public var unlistedSources: Int
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

  /// Every source the data set names, listed or not.
  public var sourceCount: Int { sources.count + unlistedSources }

  /// Analyses the sources of a network's selection, listing the summaries as `listing` says.
  ///
  /// - Throws: ``DiploGraphError`` with code `overflow` when a sum does not fit in 64 bits.
  public init(_ network: Network, listing: SourceListing = .automatic) throws {
    let dataSet = network.dataSet
    let table = dataSet.actions
    var names = SourceNames(table.sourceSymbols)
    var declared: [Int: Source] = [:]
    var declaredOrder: [Int] = []
    for source in dataSet.sources {
      let u = names.number(source.id)
      if declared[u] == nil {
        declared[u] = source
        declaredOrder.append(u)
      }
    }
    var claimsOf: [Int: Int] = [:]
    for (_, claims) in table.claimsColumn.entries {
      for claim in claims { _ = names.number(claim.source) }
    }
    var figuresOf: [Int: Int] = [:]
    for figure in dataSet.figures { figuresOf[names.number(figure.source), default: 0] += 1 }
    let order = SourceOrder(names: names, declaredOrder: declaredOrder)

    let counts = try SourceCounts(network, sources: names.count)
    let omitting = (0..<table.sourceSymbols.count).filter {
      counts.actions[$0] > 0 && counts.actions[$0] < counts.sourcedTotal
    }
    let listed = order.choose(
      listing.count(of: names.count), among: 0..<names.count, ranking: counts.actions)
    let itemised = order.choose(Self.omissionsListed, among: omitting, ranking: counts.actions)
    let detail = counts.detail(network, listed: listed, itemised: itemised)

    // Claims.
    let reader = ActionReader(table)
    var disagreements: [ClaimDisagreement] = []
    for (row, claims) in table.claimsColumn.entries {
      guard let p = network.position(ofRow: Int(row)), !network.actions[p].isSelfLoop else {
        continue
      }
      for claim in claims { claimsOf[names.number(claim.source), default: 0] += 1 }
      if let found = Self.checkClaims(claims, row: Int(row), reader: reader) {
        disagreements.append(found)
      }
    }

    sources = listed.enumerated().map { i, u in
      let source = declared[u]
      return SourceSummary(
        id: SourceID(names.name(u)), title: source?.title, publisher: source?.publisher,
        date: source?.date, declared: source != nil, actions: counts.actions[u],
        actors: detail.actors[i].map { network.actors[$0].id }.sorted(),
        diplomats: counts.diplomats[u], actionsWithoutCount: counts.withoutCount[u],
        claims: claimsOf[u] ?? 0, figures: figuresOf[u] ?? 0)
    }
    unlistedSources = names.count - listed.count
    unsourcedActions = counts.unsourced
    claimDisagreements = disagreements
    omissions = itemised.enumerated().compactMap { i, u in
      let actors = detail.omitted[i]
      guard !actors.isEmpty else { return nil }
      return Omission(
        source: SourceID(names.name(u)), actions: actors.reduce(0) { $0 + $1.actions },
        weight: actors.reduce(0) { $0 &+ $1.weight }, actors: actors)
    }
    omittingSources = omitting.count
    figures = try dataSet.figures.map { try Self.check($0, network: network) }
    figureConflicts = Self.conflicts(among: figures)
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
