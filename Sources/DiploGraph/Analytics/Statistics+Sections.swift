/// The sections of ``Statistics`` that do not depend on one another, computed apart so that
/// they can run at once.

extension Statistics {
  /// An independent part of the analysis, the longest first (as measured on generated data:
  /// the responses grow with the actions, the null models' fits with the actors squared, the
  /// dyads with the links), so that the threads finish together.
  enum Section: CaseIterable, Sendable {
    case responses
    case significance
    /// Reciprocity, actor strengths and dyads (they share the links' reverse index).
    case core
    case sources
    case blocs
    /// The overview's counts of actions (one pass over the selected actions).
    case overview
  }

  /// Reciprocity, strengths and dyads.
  struct Core {
    var reciprocity: Reciprocity
    var actors: [ActorStrength]
    var dyads: DyadList
  }

  /// What one section gave.
  enum SectionResult {
    case core(Result<Core, any Error>)
    case overview(Overview)
    case responses(Result<ResponseAnalysis, any Error>)
    case blocs(Result<BlocAnalysis, any Error>)
    case sources(Result<SourceAnalysis, any Error>)
    case significance(Result<Significance, any Error>)
  }

  /// The sections' results, gathered.
  struct Parts {
    var core: Result<Core, any Error>?
    var overview: Overview?
    var responses: Result<ResponseAnalysis, any Error>?
    var blocs: Result<BlocAnalysis, any Error>?
    var sources: Result<SourceAnalysis, any Error>?
    var significance: Result<Significance, any Error>?

    mutating func take(_ result: SectionResult) {
      switch result {
      case .core(let r): core = r
      case .overview(let o): overview = o
      case .responses(let r): responses = r
      case .blocs(let r): blocs = r
      case .sources(let r): sources = r
      case .significance(let r): significance = r
      }
    }
  }

  /// Computes one section; errors are kept in the result, to be thrown in the order of the
  /// properties.
  ///
  /// - Parameter significance: the null models' options (`nil`: the section is not asked for).
  static func compute(
    _ section: Section, of network: Network, options: AnalysisOptions,
    significance: SignificanceOptions?
  ) -> SectionResult {
    switch section {
    case .core:
      return .core(
        Result {
          let reverse = network.links.reverseLinks()
          let limit = options.dyadLimit ?? .max
          return Core(
            reciprocity: try Reciprocity(network, reverse: reverse),
            actors: ActorStrength.table(of: network, reverse: reverse),
            dyads: limit <= 0
              ? DyadList.none(of: network) : DyadList(network, reverse: reverse).heaviest(limit))
        })
    case .overview:
      // The actors with a link are filled in from the reciprocity.
      return .overview(overview(of: network, nodes: 0))
    case .responses:
      return .responses(
        Result {
          try ResponseAnalysis(network, options: options.responses, threads: options.threads)
        })
    case .blocs:
      return .blocs(Result { try BlocAnalysis(network, blocs: options.blocs) })
    case .sources:
      return .sources(Result { try SourceAnalysis(network, listing: options.sources) })
    case .significance:
      return .significance(
        Result { try Significance(network, options: significance ?? SignificanceOptions()) })
    }
  }
}
