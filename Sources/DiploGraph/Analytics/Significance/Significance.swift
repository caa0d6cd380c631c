/// "More than chance?": null models for the reciprocity of a selection, its dyad and triad
/// census, and the cohesion of its blocs — one value, computed once per selection.

/// What ``Significance`` computes, and how.
public struct SignificanceOptions: Hashable, Sendable, Codable {
  /// R, the random graphs of the swap null and the shuffles of each bloc test; 0 runs neither
  /// (the analytic models and the censuses always run).
  public var samples: Int
  /// The seed of every random stream: the same seed gives the same result, bit for bit.
  public var seed: UInt64
  /// The blocs to test (their E-I index); `nil` for all of the data set's blocs, in order.
  public var blocs: [BlocID]?
  /// Attempted swaps per link in each sample of the swap null.
  public var attemptsPerLink: Int
  /// The threads to spread the samples over; `nil` for every core. The result does not depend
  /// on it.
  public var threads: Int?

  /// The default number of attempted swaps per link.
  public static let defaultAttemptsPerLink = 10
  /// The default seed, 0: without a seed of its own, every run gives the same result.
  public static let defaultSeed: UInt64 = 0

  /// Options; by default no Monte Carlo sample, the seed ``defaultSeed``, every bloc.
  public init(
    samples: Int = 0, seed: UInt64 = defaultSeed, blocs: [BlocID]? = nil,
    attemptsPerLink: Int = defaultAttemptsPerLink, threads: Int? = nil
  ) {
    self.samples = samples
    self.seed = seed
    self.blocs = blocs
    self.attemptsPerLink = attemptsPerLink
    self.threads = threads
  }

  private enum CodingKeys: String, CodingKey {
    case samples, seed, blocs, attemptsPerLink
  }
}

/// Whether the reciprocity of a selection, and the cohesion of its blocs, are more than
/// chance would give — and the dyad and triad censuses that describe its local structure.
///
/// The graph is the selection's binary (a_ij) and weighted (w_ij) graph among the N actors with
/// at least one link, self-loops excluded, as in ``Reciprocity``. Actors without a link change
/// none of the null models of reciprocity (they have degree 0); they would add null dyads and
/// 003 triads to the censuses, and are left out as networkx leaves out nodes it is not given.
///
/// The parts, each a null model and what it keeps of the observed graph:
/// - ``binaryConfigurationModel`` (always): the DBCM, independent links with
///   p_ij = x_i y_j/(1 + x_i y_j); keeps each actor's out- and in-degree on average.
/// - ``edgeSwaps`` (when R > 0): all graphs with the same degrees, equally likely, sampled by
///   swaps; keeps each actor's degrees exactly.
/// - ``weightedRandomGraph`` (always): the WRG, independent geometric weights of one
///   parameter; keeps N and W.
/// - ``weightedConfigurationModel`` (always): the WCM, geometric weights with ratio x_i y_j;
///   keeps each actor's out- and in-strength on average.
/// - ``blocCohesion`` (when R > 0): bloc labels shuffled among the actors; keeps the graph and
///   the blocs' sizes.
///
/// - Complexity: O(N + L + Σ_{linked pairs}(d_i + d_j)) for the censuses; O(C²) per Newton
///   iteration for each configuration model with C classes of actors with equal degrees
///   (strengths); O(R · attemptsPerLink · L) for the swap null and O(R · L·m²) for the bloc
///   tests, over all cores. See `docs/analytics/significance.md`.
public struct Significance: Hashable, Sendable, Codable {
  /// N: actors with at least one link.
  public var actors: Int
  /// L: links.
  public var links: Int
  /// L↔: links whose reverse exists.
  public var reciprocatedLinks: Int
  /// W↔ = Σ_{i≠j} min(w_ij, w_ji).
  public var reciprocatedWeight: Int64
  /// The dyad census.
  public var dyads: DyadCensus
  /// The triad census.
  public var triads: TriadCensus
  /// L↔ against the directed binary configuration model (Squartini & Garlaschelli 2011):
  /// E[L↔] = Σ_{i≠j} p_ij p_ji, Var[L↔] = Σ_{i≠j} 2 p_ij p_ji (1 − p_ij p_ji). `nil` when the
  /// degrees fall into more than ``NullModelTest/maxClasses`` classes.
  public var binaryConfigurationModel: NullModelTest?
  /// W↔ against the weighted random graph: E[W↔] = N(N−1) p²/(1 − p²),
  /// Var[W↔] = 2N(N−1) p²/(1 − p²)², p = W/(N(N−1) + W).
  public var weightedRandomGraph: NullModelTest
  /// W↔ against the weighted configuration model (Squartini et al. 2013): with
  /// t_ij = x_i y_j x_j y_i, E[W↔] = Σ_{i≠j} t_ij/(1 − t_ij), Var[W↔] = Σ_{i≠j} 2 t_ij/(1 − t_ij)².
  /// `nil` when the strengths fall into more than ``NullModelTest/maxClasses`` classes or W
  /// exceeds ``NullModelTest/maxExactWeight``.
  public var weightedConfigurationModel: NullModelTest?
  /// L↔ against graphs with exactly the same degrees; `nil` when no samples were asked for.
  public var edgeSwaps: EdgeSwapTest?
  /// Each chosen bloc's E-I index against shuffled bloc labels; `nil` when no samples were
  /// asked for.
  public var blocCohesion: [BlocCohesionTest]?

  /// Analyses the network's selection.
  ///
  /// - Throws: ``DiploGraphError`` with code `invalid` when a bloc of `options.blocs` is not
  ///   the data set's, `noConvergence` when a configuration model cannot be fitted, `limit`
  ///   when `options` asks for negative samples or attempts.
  public init(_ network: Network, options: SignificanceOptions = SignificanceOptions()) throws {
    guard options.samples >= 0, options.attemptsPerLink >= 0, (options.threads ?? 1) >= 1 else {
      throw DiploGraphError(
        .limit, "expected a number of samples and of attempts per link of 0 or more")
    }
    let graph = SignificanceGraph(network)
    let n = graph.actors.count
    let reciprocity = try Reciprocity(network)
    actors = n
    links = graph.tail.count
    reciprocatedLinks = reciprocity.reciprocatedLinks
    reciprocatedWeight = reciprocity.reciprocatedWeight
    let pairs = n * (n - 1) / 2
    let mutual = reciprocatedLinks / 2
    dyads = DyadCensus(
      mutual: mutual, asymmetric: links - reciprocatedLinks,
      null: pairs - mutual - (links - reciprocatedLinks))
    triads = graph.triadCensus()

    binaryConfigurationModel = try NullModelTest.binaryConfigurationModel(
      outDegree: graph.outDegree, inDegree: graph.inDegree, observed: reciprocatedLinks,
      links: links)
    weightedRandomGraph = NullModelTest.weightedRandomGraph(
      actors: n, totalWeight: reciprocity.totalWeight, observed: reciprocatedWeight)
    weightedConfigurationModel = try NullModelTest.weightedConfigurationModel(
      outStrength: graph.outStrength, inStrength: graph.inStrength, observed: reciprocatedWeight,
      totalWeight: reciprocity.totalWeight)

    let threads = options.threads ?? Parallelism.cores
    if options.samples > 0 {
      let chain = SwapChain(actors: n, tail: graph.tail, head: graph.head)
      assert(chain.reciprocated == reciprocatedLinks)
      edgeSwaps = EdgeSwapTest(
        chain: chain, samples: options.samples, seed: options.seed,
        attemptsPerLink: options.attemptsPerLink, threads: threads)
      // The bloc shuffles draw from streams of their own.
      blocCohesion = blocCohesionTests(
        try BlocAnalysis(network, blocs: options.blocs), network: network, actors: graph.actors,
        tail: graph.tail, head: graph.head, weight: graph.weight, samples: options.samples,
        seed: SeededRandom.mix(options.seed ^ 0xB10C_C0DE_5EED_0001), threads: threads)
    } else {
      if let blocs = options.blocs { _ = try BlocAnalysis(network, blocs: blocs) }
      edgeSwaps = nil
      blocCohesion = nil
    }
  }
}

extension DiploGraphError.Code {
  /// A numerical method that did not reach its tolerance.
  public static let noConvergence = Self(rawValue: "no_convergence")
}

/// The selection's graph among the actors with a link, numbered 0..<N in node order.
struct SignificanceGraph {
  /// The network node of each actor.
  var actors: [Int] = []
  /// The links, sorted by (tail, head), as actor numbers, and their weights.
  var tail: [Int32] = []
  var head: [Int32] = []
  var weight: [Int64] = []
  var outDegree: [Int64] = []
  var inDegree: [Int64] = []
  var outStrength: [Int64] = []
  var inStrength: [Int64] = []

  init(_ network: Network) {
    var number = [Int32](repeating: -1, count: network.nodeCount)
    for link in network.links {
      number[link.from] = 0
      number[link.to] = 0
    }
    for v in 0..<network.nodeCount where number[v] == 0 {
      number[v] = Int32(actors.count)
      actors.append(v)
    }
    let n = actors.count
    outDegree = [Int64](repeating: 0, count: n)
    inDegree = outDegree
    outStrength = outDegree
    inStrength = outDegree
    for link in network.links {
      let (i, j) = (number[link.from], number[link.to])
      tail.append(i)
      head.append(j)
      weight.append(link.weight)
      outDegree[Int(i)] += 1
      inDegree[Int(j)] += 1
      // Partial sums of the network's checked total: they fit.
      outStrength[Int(i)] &+= link.weight
      inStrength[Int(j)] &+= link.weight
    }
  }

  /// The triad census of the graph (``TriadCensus``), by the quicker method for its size and
  /// density unless told which.
  func triadCensus(method: TriadCensus.Method? = nil) -> TriadCensus {
    let n = actors.count
    if (method ?? .quicker(actors: n, links: tail.count)) == .bitsets {
      return TriadCensus(actors: n, bitsetsOf: tail, head)
    }
    // Undirected neighbourhoods, ascending, with the direction of each link.
    var count = [Int](repeating: 0, count: n + 1)
    for k in tail.indices {
      count[Int(tail[k]) + 1] += 1
      count[Int(head[k]) + 1] += 1
    }
    for v in 0..<n { count[v + 1] += count[v] }
    var entries = [(Int32, UInt8)](repeating: (0, 0), count: count[n])
    var fill = count
    for k in tail.indices {
      let (i, j) = (Int(tail[k]), Int(head[k]))
      entries[fill[i]] = (head[k], 1)
      fill[i] += 1
      entries[fill[j]] = (tail[k], 2)
      fill[j] += 1
    }
    var start = [0]
    var neighbour: [Int32] = []
    var direction: [UInt8] = []
    for v in 0..<n {
      let list = entries[count[v]..<count[v + 1]].sorted { $0.0 < $1.0 }
      for (u, bit) in list {
        if neighbour.count > start[v], neighbour.last == u {
          direction[direction.count - 1] |= bit
        } else {
          neighbour.append(u)
          direction.append(bit)
        }
      }
      start.append(neighbour.count)
    }
    return TriadCensus(actors: n, start: start, neighbour: neighbour, direction: direction)
  }
}
