/// Whether an actor is a state, an organisation or a region (it decides the node's shape in
/// diagrams).
public enum ActorKind: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
  case state
  case organisation
  /// A region or part of a state that event data codes as an actor of its own (CAMEO's `EUR`,
  /// `MEA`, `WSB`).
  case region

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A node of the graph: a state or an organisation that acts or is acted upon.
public struct Actor: Hashable, Sendable {
  public var id: ActorID
  /// The display name (`United Kingdom`).
  public var name: String
  public var kind: ActorKind
  public var note: String?

  public init(id: ActorID, name: String, kind: ActorKind = .state, note: String? = nil) {
    self.id = id
    self.name = name
    self.kind = kind
    self.note = note
  }
}

/// A named group of actors. Blocs may overlap (a state in the EU and in NATO); a set of blocs
/// that do not overlap is a partition, and the analytics say which case they are in.
public struct Bloc: Hashable, Sendable {
  public var id: BlocID
  public var name: String
  /// Members in the order the data set lists them.
  public var members: [ActorID]
  public var note: String?

  public init(id: BlocID, name: String, members: [ActorID], note: String? = nil) {
    self.id = id
    self.name = name
    self.members = members
    self.note = note
  }
}

/// Where a fact comes from: an article, a communiqué, a data export.
public struct Source: Hashable, Sendable {
  public var id: SourceID
  public var title: String
  public var publisher: String?
  public var date: Day?
  public var url: String?
  public var note: String?

  public init(
    id: SourceID, title: String, publisher: String? = nil, date: Day? = nil, url: String? = nil,
    note: String? = nil
  ) {
    self.id = id
    self.title = title
    self.publisher = publisher
    self.date = date
    self.url = url
    self.note = note
  }
}

/// How exactly a source states a figure: "23", "almost two dozen", "at least 25", "more than 100".
public enum Qualifier: String, Hashable, Sendable, Codable, CaseIterable {
  case exact
  case approximately
  case atLeast = "at_least"
  case moreThan = "more_than"
  case atMost = "at_most"
  case fewerThan = "fewer_than"

  /// Whether `value` satisfies "qualifier figure". `approximately` accepts values within 10% of
  /// the figure (at least ±1), the reading of "about", "almost", "some" we apply.
  public func accepts(_ value: Int, figure: Int) -> Bool {
    switch self {
    case .exact: return value == figure
    case .approximately:
      let slack = max(1, abs(figure) / 10)
      return abs(value - figure) <= slack
    case .atLeast: return value >= figure
    case .moreThan: return value > figure
    case .atMost: return value <= figure
    case .fewerThan: return value < figure
    }
  }
}

/// One source's word on an action's count, kept where sources disagree (or are vaguer than the
/// figure the action uses).
public struct Claim: Hashable, Sendable {
  public var source: SourceID
  /// The figure the source gives; `nil` when it reports the action without a number.
  public var count: Int?
  public var qualifier: Qualifier
  /// The source's own words, when they matter ("almost two dozen").
  public var quote: String?

  public init(source: SourceID, count: Int?, qualifier: Qualifier = .exact, quote: String? = nil) {
    self.source = source
    self.count = count
    self.qualifier = qualifier
    self.quote = quote
  }
}

/// What a reported figure counts.
public enum Measure: String, Hashable, Sendable, Codable, CaseIterable {
  /// The summed count of the actions in scope (diplomats expelled).
  case diplomats
  /// The number of distinct acting actors in scope ("18 EU states").
  case actors
  /// The number of actions in scope.
  case actions
}

/// An aggregate a source states ("18 EU states", "123 Russian diplomats", "at least 25
/// countries"), with the scope it refers to, so the data can be checked against every source's
/// own totals.
public struct ReportedFigure: Hashable, Sendable {
  public var source: SourceID
  /// A short label for tables ("EU member states expelling").
  public var label: String
  public var measure: Measure
  public var value: Int
  public var qualifier: Qualifier
  /// The actions the figure is about.
  public var scope: Selection
  /// The source's words.
  public var quote: String?
  public var note: String?

  public init(
    source: SourceID, label: String, measure: Measure, value: Int, qualifier: Qualifier = .exact,
    scope: Selection = Selection(), quote: String? = nil, note: String? = nil
  ) {
    self.source = source
    self.label = label
    self.measure = measure
    self.value = value
    self.qualifier = qualifier
    self.scope = scope
    self.quote = quote
    self.note = note
  }
}

/// A directed edge of the multigraph: `actor` does `kind` to `target`.
///
/// Parallel actions between the same pair are normal; the analytics aggregate them. `count` is
/// the figure the data set uses; when sources give other figures they are kept in `claims`.
public struct Action: Hashable, Sendable {
  /// Needed only when another action answers this one.
  public var id: ActionID?
  public var actor: ActorID
  public var target: ActorID
  public var kind: ActionKind
  /// Diplomats concerned; `nil` when the action has no count (a consulate closure).
  public var count: Int?
  public var date: Day?
  /// The actions this one answers (usually one; a joint answer to several is allowed, as when a
  /// single reply answers two announcements of the same state).
  public var respondsTo: [ActionID]
  /// The sources that report the action.
  public var sources: [SourceID]
  public var claims: [Claim]
  public var note: String?
  /// A date known to the month or year only (`2022-03`), kept as written when ``date`` is
  /// `nil`; analytics that need a day treat the action as undated (docs/spreadsheets.md).
  public var partialDate: PartialDate?

  public init(
    id: ActionID? = nil, actor: ActorID, target: ActorID, kind: ActionKind, count: Int? = nil,
    date: Day? = nil, respondsTo: [ActionID] = [], sources: [SourceID] = [], claims: [Claim] = [],
    note: String? = nil
  ) {
    self.id = id
    self.actor = actor
    self.target = target
    self.kind = kind
    self.count = count
    self.date = date
    self.respondsTo = respondsTo
    self.sources = sources
    self.claims = claims
    self.note = note
  }

  /// An action whose date is known to the month or year only (`partialDate`), or to the day
  /// (`date`, which then wins: `partialDate` is kept only when `date` is `nil`).
  public init(
    id: ActionID? = nil, actor: ActorID, target: ActorID, kind: ActionKind, count: Int? = nil,
    date: Day? = nil, respondsTo: [ActionID] = [], sources: [SourceID] = [], claims: [Claim] = [],
    note: String? = nil, partialDate: PartialDate?
  ) {
    self.init(
      id: id, actor: actor, target: target, kind: kind, count: count, date: date,
      respondsTo: respondsTo, sources: sources, claims: claims, note: note)
    self.partialDate = date == nil ? partialDate : nil
  }
}
