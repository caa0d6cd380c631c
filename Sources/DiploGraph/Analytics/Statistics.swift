/// The single entry point: every analytic of a selection, computed once over one shared
/// ``Network``, returned as one plain value that the printers (table, JSON, CSV, Markdown) and
/// the command line read.

/// What the analyses can be told.
public struct AnalysisOptions: Hashable, Sendable {
  /// How answers are matched (window, answer kinds).
  public var responses: ResponseOptions
  /// The blocs to compare, in this order; `nil` compares all of the data set's blocs.
  public var blocs: [BlocID]?
  /// Whether and how the null models run (``Significance``). `nil` (the default) runs the
  /// analytic models and the censuses when the selection has at most
  /// ``Statistics/automaticSignificanceLimit`` actors with a link (they cost milliseconds to
  /// tenths of a second there, and grow as the square of the actors), and nothing above; a value
  /// runs them whatever the size, with its Monte Carlo samples and seed. Its `blocs` are not
  /// read: the bloc tests test ``blocs``.
  public var significance: SignificanceOptions?

  public init(
    responses: ResponseOptions = ResponseOptions(), blocs: [BlocID]? = nil,
    significance: SignificanceOptions? = nil
  ) {
    self.responses = responses
    self.blocs = blocs
    self.significance = significance
  }
}

/// The size of the selection.
public struct Overview: Hashable, Sendable, Codable {
  /// N: actors with at least one selected link.
  public var actors: Int
  /// Actors the data set declares.
  public var declaredActors: Int
  /// Selected actions, self-loops excluded.
  public var actions: Int
  /// Selected actions whose actor is its own target, left out of every analysis.
  public var selfLoopsExcluded: Int
  /// Selected actions (self-loops excluded) without a count: links of weight 0.
  public var actionsWithoutCount: Int
  /// Selected actions (self-loops excluded) without a date.
  public var undatedActions: Int
  /// L: ordered pairs with at least one selected action.
  public var links: Int
  /// W = Σ w_ij.
  public var totalWeight: Int64
  /// What each action weighed: `count` (diplomats), `events` (one per action) or `mentions`.
  public var weight: ActionWeight
  /// The earliest and latest dates of the selected actions.
  public var firstDate: Day?
  public var lastDate: Day?
}

/// Every analytic of DESIGN.md's "Analytics" section for one selection of one data set.
///
/// - ``reciprocity``: binary r, Garlaschelli–Loffredo ρ, weighted r_w (``Reciprocity``);
/// - ``actors`` and ``dyads``: the per-actor strengths and per-dyad weights (``ActorStrength``,
///   ``Dyad``);
/// - ``responses``: answers, ratios, lags and outcomes (``ResponseAnalysis``);
/// - ``blocs``: bloc weights, partition check, bloc matrix, E-I, bloc-level reciprocity
///   (``BlocAnalysis``);
/// - ``sources``: what each source reports and where sources disagree (``SourceAnalysis``);
/// - ``significance``: reciprocity against null models, the dyad and triad censuses, and with
///   Monte Carlo samples the swap null and the bloc cohesion tests (``Significance``; up to
///   ``automaticSignificanceLimit`` actors unless asked for).
///
/// Conventions shared by all: w_ij is the summed count of the selected actions i→j; an action
/// without a count is a link of weight 0; self-loops are never links (they are counted in
/// ``Overview/selfLoopsExcluded``); undefined values are `nil`.
///
/// - Complexity: O(n log n + L·m² + K) for n actions, L links, K actors (m: blocs per actor),
///   after the O(n + K) (or O(n log n)) build of the ``Network``, plus ``Significance``'s cost
///   (its censuses and fits always, its Monte Carlo samples when asked for).
public struct Statistics: Hashable, Sendable, Codable {
  /// The version of this value's schema (`docs/stats.schema.json`); it changes only when a
  /// field is removed or changes meaning.
  public static let currentVersion = 1

  public var version: Int
  /// The data set's title.
  public var title: String
  public var selection: Selection
  public var overview: Overview
  public var reciprocity: Reciprocity
  public var actors: [ActorStrength]
  public var dyads: DyadList
  public var responses: ResponseAnalysis
  public var blocs: BlocAnalysis
  public var sources: SourceAnalysis
  /// The null models and censuses; `nil` when not asked for and the selection has more than
  /// ``automaticSignificanceLimit`` actors with a link (see ``AnalysisOptions/significance``).
  public var significance: Significance?

  /// The most actors with a link for which ``significance`` is computed without being asked
  /// for: 1,000 (the fits cost O(C²) per step for C classes of equal degrees, the triad census
  /// grows with the links times the degrees; a million actions among 2,000 actors take tens of
  /// seconds).
  public static let automaticSignificanceLimit = 1_000

  /// Analyses `selection` of `dataSet`.
  ///
  /// - Throws: ``DiploGraphError``: `overflow` when a sum does not fit in 64 bits, `invalid`
  ///   for a negative response window or an unknown bloc in `options.blocs`, and what
  ///   ``Significance`` throws (`noConvergence`, `limit`).
  public init(
    _ dataSet: DataSet, selection: Selection = .all, options: AnalysisOptions = AnalysisOptions()
  ) throws {
    try self.init(Network(dataSet, selection: selection), options: options)
  }

  /// Analyses the selection a network was built with.
  ///
  /// With many actions and two cores or more, the responses (the one analysis whose cost
  /// grows with the actions) are found on a thread of their own while the others run; the
  /// result is the same, and so is the error thrown when several analyses fail (the first in
  /// the order of the properties).
  public init(_ network: Network, options: AnalysisOptions = AnalysisOptions()) throws {
    version = Self.currentVersion
    title = network.dataSet.title
    selection = network.selection
    struct Others {
      var reciprocity: Reciprocity
      var overview: Overview
      var actors: [ActorStrength]
      var dyads: DyadList
      var blocs: Result<BlocAnalysis, any Error>
      var sources: Result<SourceAnalysis, any Error>
    }
    @Sendable func others() -> Result<Others, any Error> {
      Result {
        let reverse = network.links.reverseLinks()
        let reciprocity = try Reciprocity(network, reverse: reverse)
        return Others(
          reciprocity: reciprocity, overview: Self.overview(of: network, nodes: reciprocity.nodes),
          actors: ActorStrength.table(of: network, reverse: reverse),
          dyads: DyadList(network, reverse: reverse),
          blocs: Result { try BlocAnalysis(network, blocs: options.blocs) },
          sources: Result { try SourceAnalysis(network) })
      }
    }
    @Sendable func responses() -> Result<ResponseAnalysis, any Error> {
      Result { try ResponseAnalysis(network, options: options.responses) }
    }
    let rest: Result<Others, any Error>
    let answers: Result<ResponseAnalysis, any Error>
    if network.actions.positions.count >= 1 << 16 && LinkTable.cores >= 2 {
      let both = concurrentMap([0, 1]) { n in n == 0 ? Either.left(responses()) : .right(others()) }
      guard case .left(let a) = both[0], case .right(let b) = both[1] else {
        preconditionFailure("each part fills its own slot")
      }
      (answers, rest) = (a, b)
    } else {
      rest = others()
      answers = responses()
    }
    let computed = try rest.get()
    reciprocity = computed.reciprocity
    overview = computed.overview
    actors = computed.actors
    dyads = computed.dyads
    self.responses = try answers.get()
    blocs = try computed.blocs.get()
    sources = try computed.sources.get()
    if var nulls = options.significance
      ?? (reciprocity.nodes <= Self.automaticSignificanceLimit ? SignificanceOptions() : nil)
    {
      nulls.blocs = options.blocs
      significance = try Significance(network, options: nulls)
    } else {
      significance = nil
    }
  }

  static func overview(of network: Network, nodes: Int) -> Overview {
    var actions = 0
    var withoutCount = 0
    var undated = 0
    var first = Int32.max
    var last = Int32.min
    let counts = network.dataSet.actions.countColumn
    network.actions.forEachAction { action in
      actions += 1
      if counts[action.row] == ActionTable.noCount { withoutCount += 1 }
      let d = action.storedDate
      if d == ActionTable.noDate {
        undated += 1
      } else {
        first = min(first, d)
        last = max(last, d)
      }
    }
    let dated = first <= last
    return Overview(
      actors: nodes, declaredActors: network.dataSet.actors.count, actions: actions,
      selfLoopsExcluded: network.selfLoopCount, actionsWithoutCount: withoutCount,
      undatedActions: undated, links: network.links.count,
      totalWeight: network.links.totalWeight, weight: network.weight,
      firstDate: dated ? Day(daysSinceEpoch: first) : nil,
      lastDate: dated ? Day(daysSinceEpoch: last) : nil)
  }
}

/// One of two values.
enum Either<Left, Right> {
  case left(Left)
  case right(Right)
}
