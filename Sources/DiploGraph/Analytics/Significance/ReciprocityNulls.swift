/// Analytic null models of reciprocity: the directed binary configuration model for L↔, the
/// weighted random graph and the weighted configuration model for W↔.
///
/// Notation as in ``Reciprocity``: a_ij and w_ij for i ≠ j among the N actors with a link,
/// L↔ = Σ_{i≠j} a_ij a_ji (ordered pairs, so twice the mutual dyads), W↔ = Σ_{i≠j} min(w_ij,
/// w_ji), r = L↔/L, r_w = W↔/W.

/// One analytic null model's verdict on an observed reciprocity count X (L↔ or W↔).
///
/// - expected = E[X] and standardDeviation = √Var[X] under the model (each model's formulas
///   are at its field of ``Significance``);
/// - z = (X − E[X]) / √Var[X]; `nil` when Var[X] = 0: the model leaves X no freedom (every pair
///   it could reciprocate is fixed, as in a star whose hub receives from everyone: X is then
///   what the model expects, and chance has nothing to explain);
/// - expectedReciprocity = E[X] / L (or / W): the reciprocity the model expects, ⟨r⟩; `nil`
///   when L (W) = 0;
/// - rho = (r − ⟨r⟩) / (1 − ⟨r⟩), the Garlaschelli–Loffredo ρ against this model instead of the
///   density (Squartini et al. 2013, main text, defines it so for r_w); `nil` when r or ⟨r⟩ is
///   undefined or ⟨r⟩ = 1.
///
/// z is a normal approximation: X is a sum of independent dyad terms, many of them when the
/// graph is not tiny; for an exact tail probability use the swap null's p-value.
public struct NullModelTest: Hashable, Sendable, Codable {
  /// The observed X.
  public var observed: Int64
  /// E[X] under the model.
  public var expected: Double
  /// √Var[X] under the model.
  public var standardDeviation: Double
  /// (X − E[X]) / √Var[X]; `nil` when Var[X] = 0.
  public var z: Double?
  /// ⟨r⟩ = E[X] / L (or W); `nil` when L (W) = 0.
  public var expectedReciprocity: Double?
  /// (r − ⟨r⟩) / (1 − ⟨r⟩); `nil` when undefined.
  public var rho: Double?
  /// How the configuration model was fitted; `nil` for the weighted random graph (closed form).
  public var fit: ModelFit?

  init(observed: Int64, total: Int64, expected: Double, variance: Double, fit: ModelFit?) {
    self.observed = observed
    self.expected = expected
    standardDeviation = max(0, variance).squareRoot()
    z = variance > 0 ? (Double(observed) - expected) / variance.squareRoot() : nil
    expectedReciprocity = total == 0 ? nil : expected / Double(total)
    if let expectedR = expectedReciprocity, let r = fraction(observed, total), expectedR < 1 {
      rho = (r - expectedR) / (1 - expectedR)
    } else {
      rho = nil
    }
    self.fit = fit
  }
}

/// How a configuration model was fitted (see the solver in the documentation of
/// `docs/analytics/significance.md`): Newton's method on classes of actors with equal
/// (out, in) degrees or strengths.
public struct ModelFit: Hashable, Sendable, Codable {
  /// C: classes of actors with the same (out, in) pair.
  public var classes: Int
  /// Ordered pairs of actors (i ≠ j) whose link the degrees do not determine: the others have
  /// probability exactly 0 or 1. 0 means the degrees determine the whole graph.
  public var freePairs: Int
  /// Newton steps taken.
  public var iterations: Int
  /// max over actors of |⟨k⟩ − k| / max(1, k) at the solution (at most 10⁻¹⁰).
  public var largestDegreeError: Double
}

extension NullModelTest {
  /// The most degree classes a configuration model is fitted on: its cost is O(C²) in time per
  /// iteration and in memory (C = 2,048: 4 million class pairs, about 40 MB).
  public static let maxClasses = 2_048

  /// The largest total weight W the weighted configuration model is fitted for: 2⁵³, the
  /// largest integer up to which every integer is exact in floating point.
  public static let maxExactWeight: Int64 = 1 << 53

  /// L↔ against the directed binary configuration model (DBCM): each ordered pair linked
  /// independently with p_ij = x_i y_j / (1 + x_i y_j), x and y fitted so that every actor's
  /// expected out- and in-degree equal its observed ones (Squartini & Garlaschelli 2011).
  ///
  /// E[L↔] = Σ_{i≠j} p_ij p_ji and Var[L↔] = Σ_{i≠j} 2 p_ij p_ji (1 − p_ij p_ji): L↔ counts
  /// each mutual dyad {i, j} twice, as (i, j) and (j, i) — one event of probability
  /// q_ij = p_ij p_ji, independent across dyads — so Var = Σ_{i<j} 4 q (1 − q).
  ///
  /// Zero-degree actors get p = 0 and saturated ones (degree N − 1) p = 1 exactly, as do all
  /// pairs the degrees force (see ``ModelFit/freePairs``). Isolated actors change nothing, so
  /// the result does not depend on which actors without links are counted.
  ///
  /// - Returns: `nil` when the degrees fall into more than ``maxClasses`` classes.
  /// - Throws: ``DiploGraphError`` with code `noConvergence` when the fit fails.
  /// - Complexity: O(N + C²) per Newton iteration for C degree classes (see the solver).
  ///
  /// Reference: T. Squartini, D. Garlaschelli, "Analytical maximum-likelihood method to detect
  /// patterns in real networks", New J. Phys. 13, 083001 (2011),
  /// doi:10.1088/1367-2630/13/8/083001.
  static func binaryConfigurationModel(
    outDegree: [Int64], inDegree: [Int64], observed: Int, links: Int
  ) throws -> NullModelTest? {
    guard classCount(outDegree, inDegree) <= maxClasses else { return nil }
    let fit = try ConfigurationFit(.binary, out: outDegree, in: inDegree)
    var expected = 0.0
    var variance = 0.0
    for c in 0..<fit.classCount {
      for d in 0..<fit.classCount {
        let m = fit.pairs(c, d)
        guard m > 0 else { continue }
        let q = fit.parameter(c, d) * fit.parameter(d, c)
        expected += m * q
        variance += 2 * m * q * (1 - q)
      }
    }
    return NullModelTest(
      observed: Int64(observed), total: Int64(links), expected: expected, variance: variance,
      fit: ModelFit(fit))
  }

  /// W↔ against the weighted random graph (WRG): every ordered pair's weight independent and
  /// geometric, P(w_ij = w) = p^w (1 − p), with p = W / (N(N − 1) + W) so that E[W] = W
  /// (Garlaschelli 2009; the null model of r_w in Squartini et al. 2013).
  ///
  /// min(w_ij, w_ji) is geometric with ratio p² (P(min ≥ w) = p^{2w}), so
  /// E[W↔] = N(N − 1) p² / (1 − p²) and Var[W↔] = 2 N(N − 1) p² / (1 − p²)² (each dyad's
  /// minimum counted twice, as in the DBCM); ⟨r_w⟩ = E[W↔] / W = p / (1 + p) at E[W] = W.
  /// It conditions on N and W only: it says whether weight is answered more than if it were
  /// spread evenly, not given who is active.
  ///
  /// - Complexity: O(1).
  ///
  /// Reference: D. Garlaschelli, "The weighted random graph model", New J. Phys. 11, 073005
  /// (2009), doi:10.1088/1367-2630/11/7/073005.
  static func weightedRandomGraph(actors n: Int, totalWeight w: Int64, observed: Int64)
    -> NullModelTest
  {
    let pairs = Double(n) * Double(max(0, n - 1))
    var expected = 0.0
    var variance = 0.0
    if pairs > 0 && w > 0 {
      let p = Double(w) / (pairs + Double(w))
      let t = p * p
      expected = pairs * t / (1 - t)
      variance = 2 * pairs * t / ((1 - t) * (1 - t))
    }
    return NullModelTest(
      observed: observed, total: w, expected: expected, variance: variance, fit: nil)
  }

  /// W↔ against the directed weighted configuration model (WCM): every ordered pair's weight
  /// independent and geometric, P(w_ij = w) = (x_i y_j)^w (1 − x_i y_j), with x and y fitted so
  /// that every actor's expected out- and in-strength equal its observed ones:
  /// s_i^out = Σ_{j≠i} x_i y_j / (1 − x_i y_j), s_i^in = Σ_{j≠i} x_j y_i / (1 − x_j y_i).
  ///
  /// With t_ij = x_i y_j x_j y_i (the ratio of the geometric min(w_ij, w_ji)):
  /// E[W↔] = Σ_{i≠j} t_ij / (1 − t_ij) and Var[W↔] = Σ_{i≠j} 2 t_ij / (1 − t_ij)²; ⟨r_w⟩ =
  /// E[W↔] / W is the r_WCM of Squartini et al. 2013 (their Supplementary Information, the WCM
  /// section). It conditions on each actor's total weight sent and received: it says whether
  /// weight is answered more than the actors' volumes alone would give.
  ///
  /// The model suits our weights: they are counts (diplomats, events), integers ≥ 0, the support
  /// of the geometric law. Pairs the strengths force to 0 (an actor that sends nothing; all
  /// weight of a star passing through its hub) have t = 0 exactly.
  ///
  /// - Returns: `nil` when the strengths fall into more than ``maxClasses`` classes, or when
  ///   W > ``maxExactWeight`` (2⁵³: beyond, the strengths are not exact in floating point, and
  ///   the forced-pair flows, which carry W, would come near the limit of 64-bit integers).
  /// - Throws: ``DiploGraphError`` with code `noConvergence` when the fit fails.
  /// - Complexity: O(N + C²) per Newton iteration for C strength classes.
  ///
  /// Reference: T. Squartini, F. Picciolo, F. Ruzzenenti, D. Garlaschelli, "Reciprocity of
  /// weighted networks", Sci. Rep. 3, 2729 (2013), doi:10.1038/srep02729, arXiv:1208.4208.
  static func weightedConfigurationModel(
    outStrength: [Int64], inStrength: [Int64], observed: Int64, totalWeight: Int64
  ) throws -> NullModelTest? {
    guard classCount(outStrength, inStrength) <= maxClasses, totalWeight <= maxExactWeight
    else { return nil }
    let fit = try ConfigurationFit(.geometric, out: outStrength, in: inStrength)
    var expected = 0.0
    var variance = 0.0
    for c in 0..<fit.classCount {
      for d in 0..<fit.classCount {
        let m = fit.pairs(c, d)
        guard m > 0 else { continue }
        let t = fit.parameter(c, d) * fit.parameter(d, c)
        expected += m * t / (1 - t)
        variance += 2 * m * t / ((1 - t) * (1 - t))
      }
    }
    return NullModelTest(
      observed: observed, total: totalWeight, expected: expected, variance: variance,
      fit: ModelFit(fit))
  }

  /// The number of distinct (out, in) pairs.
  private static func classCount(_ out: [Int64], _ in: [Int64]) -> Int {
    var seen = Set<[Int64]>()
    for k in out.indices { seen.insert([out[k], `in`[k]]) }
    return seen.count
  }
}

extension ModelFit {
  init(_ fit: ConfigurationFit) {
    var free = 0.0
    for c in 0..<fit.classCount {
      for d in 0..<fit.classCount where fit.forced.state[c * fit.classCount + d] == .free {
        free += fit.pairs(c, d)
      }
    }
    self.init(
      classes: fit.classCount, freePairs: Int(free), iterations: fit.iterations,
      largestDegreeError: fit.largestError)
  }
}
