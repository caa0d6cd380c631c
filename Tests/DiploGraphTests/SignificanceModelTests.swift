import DiploGraph
import TestSupport
import Testing

/// The analytic null models of reciprocity (DBCM, WRG, WCM) on graphs small enough to solve by
/// hand. Notation: p_ij the DBCM's link probability, q_ij = p_ij p_ji, L↔ counted over ordered
/// pairs, so E[L↔] = Σ_{i≠j} q_ij and Var[L↔] = Σ_{i≠j} 2 q_ij (1 − q_ij).
@Suite struct SignificanceModelTests {
  static func significance(_ triples: [(String, String, Int?)]) throws -> Significance {
    try Significance(network(triples))
  }

  @Test func directedTriangle() throws {
    // A→B→C→A: every actor has out- and in-degree 1. By symmetry every x_i y_j is the same,
    // p = x y / (1 + x y), and the out-degree equation is 2p = 1: p = 1/2 (x = y = 1). Then
    // q = 1/4 on all 6 ordered pairs: E[L↔] = 6/4 = 1.5, Var = 6 · 2 · (1/4)(3/4) = 2.25,
    // sd = 1.5; L↔ = 0, so z = (0 − 1.5)/1.5 = −1. ⟨r⟩ = 1.5/3 = 1/2, ρ = (0 − 1/2)/(1/2) = −1.
    let s = try Self.significance([("A", "B", 2), ("B", "C", 2), ("C", "A", 2)])
    let dbcm = try #require(s.binaryConfigurationModel)
    #expect(dbcm.observed == 0)
    #expect(approximatelyEqual(dbcm.expected, 1.5))
    #expect(approximatelyEqual(dbcm.standardDeviation, 1.5))
    #expect(approximatelyEqual(dbcm.z, -1))
    #expect(approximatelyEqual(dbcm.expectedReciprocity, 0.5))
    #expect(approximatelyEqual(dbcm.rho, -1))
    #expect(dbcm.fit?.classes == 1)
    #expect(dbcm.fit?.freePairs == 6)
    #expect(try #require(dbcm.fit).largestDegreeError <= 1e-10)
    // WCM with every strength 2: x y / (1 − x y) = 2/2 per pair, so x y = 1/2 and the minimum
    // of a dyad is geometric with ratio t = 1/4: E[W↔] = 6 · t/(1 − t) = 2, Var = 6 · 2t/(1 −
    // t)² = 12 · (1/4)/(9/16) = 16/3; W↔ = 0: z = −2/√(16/3) = −√3/2. ⟨r_w⟩ = 2/6 = 1/3,
    // ρ_w = (0 − 1/3)/(2/3) = −1/2.
    let wcm = try #require(s.weightedConfigurationModel)
    #expect(approximatelyEqual(wcm.expected, 2))
    #expect(approximatelyEqual(wcm.standardDeviation * wcm.standardDeviation, 16.0 / 3))
    #expect(approximatelyEqual(wcm.z, -(3.0).squareRoot() / 2))
    #expect(approximatelyEqual(wcm.expectedReciprocity, 1.0 / 3))
    #expect(approximatelyEqual(wcm.rho, -0.5))
    // WRG: N = 3, W = 6, p = 6/(6 + 6) = 1/2: the same numbers, as every strength is equal.
    #expect(approximatelyEqual(s.weightedRandomGraph.expected, 2))
    #expect(approximatelyEqual(s.weightedRandomGraph.z, -(3.0).squareRoot() / 2))
    #expect(s.weightedRandomGraph.fit == nil)
  }

  @Test func twoMutualPairs() throws {
    // A↔B, C↔D: four actors of degree (1, 1). By symmetry 3p = 1, p = 1/3, q = 1/9 on 12
    // ordered pairs: E[L↔] = 12/9 = 4/3, Var = 12 · 2 · (1/9)(8/9) = 64/27; L↔ = 4:
    // z = (4 − 4/3)/√(64/27) = (8/3)/(8/(3√3)) = √3.
    let s = try Self.significance([("A", "B", 1), ("B", "A", 1), ("C", "D", 1), ("D", "C", 1)])
    let dbcm = try #require(s.binaryConfigurationModel)
    #expect(dbcm.observed == 4)
    #expect(approximatelyEqual(dbcm.expected, 4.0 / 3))
    #expect(approximatelyEqual(dbcm.standardDeviation, (64.0 / 27).squareRoot()))
    #expect(approximatelyEqual(dbcm.z, (3.0).squareRoot()))
  }

  /// P1, P2 of degrees (out 2, in 1) and Q1, Q2 of (1, 2): P1→Q1, P1→Q2, P2→Q1, P2→Q2, Q1→P1,
  /// Q2→P2. L↔ = 4 (P1↔Q1, P2↔Q2).
  static let twoClasses: [(String, String, Int?)] = [
    ("P1", "Q1", 1), ("P1", "Q2", 1), ("P2", "Q1", 1), ("P2", "Q2", 1), ("Q1", "P1", 1),
    ("Q2", "P2", 1),
  ]

  @Test func twoDegreeClassesSolvedByHand() throws {
    // Classes P and Q; a = p_PP = p_QQ (reversing every link and swapping P with Q maps the
    // graph onto itself), b = p_PQ, c = p_QP. Out-degree of P: a + 2b = 2; out-degree of Q:
    // 2c + a = 1. The odds o = p/(1 − p) = x y multiply: o_PP o_QQ = x_P y_P x_Q y_Q = o_PQ o_QP,
    // so (a/(1 − a))² = (b/(1 − b)) (c/(1 − c)) with b = 1 − a/2, c = (1 − a)/2, which reduces to
    // a³(1 + a) = (2 − a)(1 − a)³, i.e. 6a³ − 9a² + 7a − 2 = (2a − 1)(3a² − 3a + 2) = 0: the one
    // real root is a = 1/2, so b = 3/4, c = 1/4 (x_P = 1, y_P = 1, y_Q = 3, x_Q = 1/3).
    // E[L↔]: P–P 2 ordered pairs of q = 1/4, Q–Q likewise, P–Q 8 of q = 3/16:
    // 1/2 + 1/2 + 3/2 = 5/2. Var: 2·2·(1/4)(3/4) · 2 + 8·2·(3/16)(13/16) = 3/2 + 39/16 = 63/16.
    // z = (4 − 5/2)/(√63/4) = 6/√63.
    let s = try Self.significance(Self.twoClasses)
    let dbcm = try #require(s.binaryConfigurationModel)
    #expect(approximatelyEqual(dbcm.expected, 2.5))
    #expect(approximatelyEqual(dbcm.standardDeviation, (63.0).squareRoot() / 4))
    #expect(approximatelyEqual(dbcm.z, 6 / (63.0).squareRoot()))
    #expect(dbcm.fit?.classes == 2)
    #expect(dbcm.fit?.freePairs == 12)
  }

  @Test func saturatedHubAroundATriangle() throws {
    // H linked both ways with A, B, C (out- and in-degree 3 = N − 1: saturated, p = 1), and the
    // triangle A→B→C→A. What is left of A, B, C is the triangle's problem: p = 1/2 among them.
    // E[L↔] = 6 (the hub's pairs, q = 1) + 1.5 = 7.5; Var = 0 + 2.25; L↔ = 6: z = −1.
    let s = try Self.significance([
      ("H", "A", 1), ("A", "H", 1), ("H", "B", 1), ("B", "H", 1), ("H", "C", 1), ("C", "H", 1),
      ("A", "B", 1), ("B", "C", 1), ("C", "A", 1),
    ])
    let dbcm = try #require(s.binaryConfigurationModel)
    #expect(approximatelyEqual(dbcm.expected, 7.5))
    #expect(approximatelyEqual(dbcm.standardDeviation, 1.5))
    #expect(approximatelyEqual(dbcm.z, -1))
    #expect(dbcm.fit?.freePairs == 6)
  }

  @Test func degreesThatDetermineTheGraph() throws {
    // A↔B, A↔C, B→C: A is saturated both ways, B's out-degree 2 = N − 1 too; C's one out-link
    // must be C→A, so C→B has p = 0. Every p is 0 or 1: E[L↔] = L↔ = 4, Var = 0, z undefined.
    let s = try Self.significance([
      ("A", "B", 1), ("B", "A", 1), ("A", "C", 1), ("C", "A", 1), ("B", "C", 1),
    ])
    let dbcm = try #require(s.binaryConfigurationModel)
    #expect(dbcm.expected == 4)
    #expect(dbcm.standardDeviation == 0)
    #expect(dbcm.z == nil)
    #expect(dbcm.fit?.freePairs == 0)
    // r = 4/5 = ⟨r⟩: ρ = 0.
    #expect(approximatelyEqual(dbcm.rho, 0))
  }

  /// A star: L1…L4 act on the hub R (in-degree 4 = N − 1) and R answers L1…L3, with weights
  /// L→R (2, 1, 3, 1) and R→L (1, 1, 3).
  static let star: [(String, String, Int?)] = [
    ("L1", "R", 2), ("L2", "R", 1), ("L3", "R", 3), ("L4", "R", 1), ("R", "L1", 1),
    ("R", "L2", 1), ("R", "L3", 3),
  ]

  @Test func aStarIsReciprocalByConstruction() throws {
    let s = try Self.significance(Self.star)
    // DBCM: R's in-degree is saturated, so each leaf's one out-link goes to R (p = 1) and no
    // leaf acts on another; R's 3 out-links can only go to the 3 leaves with in-degree 1.
    // Everything is forced: E[L↔] = L↔ = 6.
    let dbcm = try #require(s.binaryConfigurationModel)
    #expect(dbcm.expected == 6 && dbcm.observed == 6)
    #expect(dbcm.z == nil)
    #expect(dbcm.fit?.freePairs == 0)
    // WCM: R sends 5 and receives 7 of W = 12, all the weight there is, so no weight can pass
    // between leaves (t = 0 there). Each leaf's two pairs are then solved alone:
    // x_L y_R = a/(1 + a) for its out-strength a, x_R y_L = b/(1 + b) for its in-strength b,
    // t = a b/((1 + a)(1 + b)): L1 (2, 1): 1/3; L2 (1, 1): 1/4; L3 (3, 3): 9/16; L4 (1, 0): 0.
    // E[W↔] = Σ 2t/(1 − t) = 1 + 2/3 + 18/7 = 89/21; Var = Σ 4t/(1 − t)² = 3 + 16/9 + 576/49
    // = 7291/441; W↔ = 2 (1 + 1 + 3) = 10.
    let wcm = try #require(s.weightedConfigurationModel)
    #expect(wcm.observed == 10)
    #expect(approximatelyEqual(wcm.expected, 89.0 / 21))
    #expect(approximatelyEqual(wcm.standardDeviation, (7291.0 / 441).squareRoot()))
    #expect(approximatelyEqual(wcm.z, (10 - 89.0 / 21) / (7291.0 / 441).squareRoot()))
    // Pairs R↔L1, L2, L3 in both directions and L4→R (R→L4 has no in-strength to meet).
    #expect(wcm.fit?.freePairs == 7)
  }

  @Test func twoActorsWeighted() throws {
    // A→B 3, B→A 1. WCM: x_A y_B/(1 − x_A y_B) = 3 gives x_A y_B = 3/4, and x_B y_A = 1/2:
    // t = 3/8, E[W↔] = 2 · t/(1 − t) = 6/5, Var = 2 · 2t/(1 − t)² = 96/25; W↔ = 2:
    // z = (2 − 6/5)/√(96/25) = 0.8/√3.84. ⟨r_w⟩ = 1.2/4 = 0.3, ρ_w = (0.5 − 0.3)/0.7 = 2/7.
    let s = try Self.significance([("A", "B", 3), ("B", "A", 1)])
    let wcm = try #require(s.weightedConfigurationModel)
    #expect(approximatelyEqual(wcm.expected, 1.2))
    #expect(approximatelyEqual(wcm.standardDeviation, (3.84).squareRoot()))
    #expect(approximatelyEqual(wcm.z, 0.8 / (3.84).squareRoot()))
    #expect(approximatelyEqual(wcm.rho, 2.0 / 7))
    // WRG: N(N − 1) = 2, W = 4, p = 4/6 = 2/3, t = 4/9: E = 2 · (4/9)/(5/9) = 8/5,
    // Var = 4 · (4/9)/(25/81) = 144/25, sd = 2.4: z = (2 − 1.6)/2.4 = 1/6.
    let wrg = s.weightedRandomGraph
    #expect(approximatelyEqual(wrg.expected, 1.6))
    #expect(approximatelyEqual(wrg.standardDeviation, 2.4))
    #expect(approximatelyEqual(wrg.z, 1.0 / 6))
    // DBCM: A's one out-link can only go to B: p = 1 both ways, nothing free.
    #expect(s.binaryConfigurationModel?.z == nil)
    #expect(s.binaryConfigurationModel?.expected == 2)
  }

  @Test func isolatedActorsChangeNothing() throws {
    let edges = Self.twoClasses.map { Edge($0.0, $0.1, $0.2) }
    let plain = try Significance(Network(dataSet(edges)))
    let declared = try Significance(
      Network(dataSet(edges, actors: ["Z", "P1", "P2", "Q1", "Q2", "Y"])))
    #expect(plain == declared)
    #expect(declared.actors == 4)
  }

  @Test func emptyGraph() throws {
    let net = try Network(dataSet([("A", "B", 1)]), selection: Selection(kinds: [.staffCut]))
    let s = try Significance(net, options: SignificanceOptions(samples: 5, seed: 1))
    #expect(s.actors == 0 && s.links == 0)
    #expect(s.dyads == DyadCensus(mutual: 0, asymmetric: 0, null: 0))
    #expect(s.triads.counts == [Int](repeating: 0, count: 16))
    for model in [s.binaryConfigurationModel, s.weightedConfigurationModel, s.weightedRandomGraph] {
      #expect(model?.expected == 0)
      #expect(model?.standardDeviation == 0)
      #expect(model?.z == nil)
      #expect(model?.expectedReciprocity == nil)
      #expect(model?.rho == nil)
    }
    let swaps = try #require(s.edgeSwaps)
    #expect(swaps.mean == 0 && swaps.standardDeviation == 0 && swaps.z == nil)
    #expect(swaps.pAtLeast == 1 && swaps.pAtMost == 1)
    #expect(swaps.acceptance == nil)
    #expect(s.blocCohesion == [])
  }

  @Test func linksWithoutCountsAreBinaryLinksOnly() throws {
    // A↔B without counts: the binary graph has a mutual pair, the weighted one nothing.
    let s = try Self.significance([("A", "B", nil), ("B", "A", nil)])
    #expect(s.reciprocatedLinks == 2)
    #expect(s.reciprocatedWeight == 0)
    #expect(s.weightedConfigurationModel?.expected == 0)
    #expect(s.weightedConfigurationModel?.z == nil)
    #expect(s.weightedRandomGraph.expectedReciprocity == nil)
  }

  @Test func theSkripalWaveIsDeterminedByItsDegrees() throws {
    // 2018: every actor expels Russians (Russia's in-degree is N − 1) and Russia answers
    // almost all of them: the degrees alone give every link, and so L↔.
    let data = try Fixtures.skripal2018()
    let s = try Significance(Network(data))
    let dbcm = try #require(s.binaryConfigurationModel)
    #expect(dbcm.fit?.freePairs == 0)
    #expect(dbcm.z == nil)
    #expect(Double(dbcm.observed) == dbcm.expected)
    // The weights are not determined: the WCM has pairs to fit.
    let wcm = try #require(s.weightedConfigurationModel)
    #expect(try #require(wcm.fit).freePairs > 0)
    #expect(wcm.z != nil)
  }
}
