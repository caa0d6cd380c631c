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
  /// The threads the analyses use (1…1,024): the sections computed at once, and the null
  /// models' samples when ``significance`` names no threads of its own; `nil` (the default)
  /// for the cores online. The result does not depend on it.
  public var threads: Int?
  /// How many sources the sources section lists (``SourceListing``; by default every source
  /// up to a thousand, else the thousand that report the most).
  public var sources: SourceListing
  /// The sections not computed (none by default): ``Statistics`` holds `nil` for each. A
  /// section left out is left out even when other options ask for it (``significance``).
  public var leftOut: Set<StatisticsSection>
  /// The most dyads ``Statistics/dyads`` lists, the heaviest (``DyadList/heaviest(_:)``);
  /// `nil` (the default) lists every dyad. At 0 the list is not even made (at 10 million
  /// actions, 2 million dyads sorted by weight: a tenth of a second).
  public var dyadLimit: Int?

  public init(
    responses: ResponseOptions = ResponseOptions(), blocs: [BlocID]? = nil,
    significance: SignificanceOptions? = nil, threads: Int? = nil,
    sources: SourceListing = .automatic, leftOut: Set<StatisticsSection> = [],
    dyadLimit: Int? = nil
  ) {
    self.responses = responses
    self.blocs = blocs
    self.significance = significance
    self.threads = threads
    self.sources = sources
    self.leftOut = leftOut
    self.dyadLimit = dyadLimit
  }
}

/// A section of ``Statistics`` that can be left out (``AnalysisOptions/leftOut``): the ones
/// that cost the most and that not every question needs. The overview, the reciprocity, the
/// actors' strengths and the dyads are always computed (``AnalysisOptions/dyadLimit`` keeps
/// fewer dyads, or none).
///
/// At 10 million actions among 2,000 actors the responses (matching, lags, chains) take about
/// half of the analyses' time.
public enum StatisticsSection: String, CaseIterable, Hashable, Sendable, Comparable {
  case responses
  case blocs
  case sources
  case significance

  /// In the order of ``Statistics``' properties.
  public static func < (a: Self, b: Self) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
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
  /// Selected actions (self-loops excluded) without a day.
  public var undatedActions: Int
  /// Of the ``undatedActions``, those dated to the month or year only (``Action/partialDate``):
  /// undated to every analytic that needs a day, but not without a date.
  public var partlyDatedActions: Int
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
  /// `nil` when left out (``AnalysisOptions/leftOut``), as are ``blocs`` and ``sources``.
  public var responses: ResponseAnalysis?
  public var blocs: BlocAnalysis?
  public var sources: SourceAnalysis?
  /// The null models and censuses; `nil` when left out, or when not asked for and the
  /// selection has more than ``automaticSignificanceLimit`` actors with a link (see
  /// ``AnalysisOptions/significance``).
  public var significance: Significance?
  /// The sections left out (``AnalysisOptions/leftOut``), in the order of the properties. Not
  /// encoded: in JSON each of them is `null`, and a decoded value has none.
  public var leftOut: [StatisticsSection] = []

  enum CodingKeys: String, CodingKey {
    case version, title, selection, overview, reciprocity, actors, dyads, responses, blocs
    case sources, significance
  }

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
  /// The independent sections (the responses; reciprocity, strengths and dyads; the overview's
  /// counts; the blocs; the sources; the null models) run at once on up to
  /// ``AnalysisOptions/threads`` threads when there are many actions, and in that order on the
  /// calling thread otherwise. The result is the same whatever the threads, and so is the error
  /// thrown when several analyses fail (the first in the order of the properties).
  ///
  /// - Throws: as ``init(_:selection:options:)``, and `limit` when ``AnalysisOptions/threads``
  ///   is outside 1…1,024.
  public init(_ network: Network, options: AnalysisOptions = AnalysisOptions()) throws {
    try self.init(network, options: options, parallelFrom: 1 << 16)
  }

  /// Analyses the network, with the sections at once from `parallelFrom` selected actions on
  /// (tests lower it to run the parallel path on small data).
  init(_ network: Network, options: AnalysisOptions, parallelFrom: Int) throws {
    version = Self.currentVersion
    title = network.dataSet.title
    selection = network.selection
    let threads = try Parallelism.threads(options.threads)
    // Whether the null models run depends on N, the actors with a link: counted first.
    let leftOut = options.leftOut
    var nulls = options.significance
    if leftOut.contains(.significance) {
      nulls = nil
    } else if nulls == nil
      && Self.linkedNodes(network.links) <= Self.automaticSignificanceLimit
    {
      nulls = SignificanceOptions()
    }
    if var asked = nulls {
      asked.blocs = options.blocs
      if asked.threads == nil { asked.threads = threads }
      nulls = asked
    }
    let significanceOptions = nulls
    let sections = Section.allCases.filter { section in
      switch section {
      case .significance: return significanceOptions != nil
      case .responses: return !leftOut.contains(.responses)
      case .blocs: return !leftOut.contains(.blocs)
      case .sources: return !leftOut.contains(.sources)
      case .core, .overview: return true
      }
    }
    let many = network.actions.positions.count >= parallelFrom
    let results = concurrentMap(sections, threads: many ? threads : 1) { section in
      Self.compute(section, of: network, options: options, significance: significanceOptions)
    }
    var parts = Parts()
    for result in results { parts.take(result) }
    guard let core = parts.core, let counts = parts.overview else {
      preconditionFailure("the core and the overview are always computed")
    }
    let computed = try core.get()
    reciprocity = computed.reciprocity
    overview = counts
    overview.actors = computed.reciprocity.nodes
    actors = computed.actors
    dyads = computed.dyads
    responses = try parts.responses?.get()
    blocs = try parts.blocs?.get()
    sources = try parts.sources?.get()
    significance = try parts.significance?.get()
    self.leftOut = leftOut.sorted()
  }

  /// N: the nodes that are an end of at least one link.
  static func linkedNodes(_ links: LinkTable) -> Int {
    var seen = [Bool](repeating: false, count: links.outStart.count - 1)
    var nodes = 0
    func see(_ node: Int32) {
      if !seen[Int(node)] {
        seen[Int(node)] = true
        nodes += 1
      }
    }
    for e in 0..<links.count {
      see(links.from[e])
      see(links.to[e])
    }
    return nodes
  }

  static func overview(of network: Network, nodes: Int) -> Overview {
    var actions = 0
    var withoutCount = 0
    var undated = 0
    var partlyDated = 0
    let partialDates = network.dataSet.actions.partialDates
    var first = Int32.max
    var last = Int32.min
    let counts = network.dataSet.actions.countColumn
    network.actions.forEachAction { action in
      actions += 1
      if counts[action.row] == ActionTable.noCount { withoutCount += 1 }
      let d = action.storedDate
      if d == ActionTable.noDate {
        undated += 1
        if !partialDates.isEmpty && partialDates[action.row] != nil { partlyDated += 1 }
      } else {
        first = min(first, d)
        last = max(last, d)
      }
    }
    let dated = first <= last
    return Overview(
      actors: nodes, declaredActors: network.dataSet.actors.count, actions: actions,
      selfLoopsExcluded: network.selfLoopCount, actionsWithoutCount: withoutCount,
      undatedActions: undated, partlyDatedActions: partlyDated, links: network.links.count,
      totalWeight: network.links.totalWeight, weight: network.weight,
      firstDate: dated ? Day(daysSinceEpoch: first) : nil,
      lastDate: dated ? Day(daysSinceEpoch: last) : nil)
  }
}
