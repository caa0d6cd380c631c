import DiploGraph
import TestSupport
import Testing

/// The E-I permutation test of bloc cohesion, against its exact null distribution.
@Suite struct SignificanceBlocTests {
  /// A→B 3, B→A 2, C→D 1, A→C 1 (W = 7), with bloc X = {A, B} and bloc Y = every actor.
  static func data() -> DataSet {
    dataSet(
      [Edge("A", "B", 3), Edge("B", "A", 2), Edge("C", "D", 1), Edge("A", "C", 1)],
      blocs: [("X", ["A", "B"]), ("Y", ["A", "B", "C", "D"]), ("Z", ["E"])])
  }

  @Test func twoMembersAmongFourActors() throws {
    // X: I = 3 + 2 = 5, E = 1 (A→C): EI = (1 − 5)/6 = −2/3. Shuffling the labels makes X a
    // uniformly random pair of the four actors, each of the six pairs with probability 1/6:
    // {A,B} −2/3; {A,C}: I = 1, E = 6, 5/7; {A,D}: I = 0, E = 7, 1; {B,C}: 1; {B,D}: I = 0,
    // E = 6, 1; {C,D}: I = 1, E = 1, 0. P(EI ≤ −2/3) = 1/6, P(EI ≥ −2/3) = 1,
    // mean = (−2/3 + 5/7 + 3 + 0)/6 = 32/63.
    let r = 3_000
    let s = try Significance(
      Network(Self.data()), options: SignificanceOptions(samples: r, seed: 5, blocs: ["X"]))
    let tests = try #require(s.blocCohesion)
    #expect(tests.map(\.bloc) == ["X"])
    let x = tests[0]
    #expect(x.members == 2)
    #expect(approximatelyEqual(x.observed, -2.0 / 3))
    #expect(x.definedSamples == r)
    let tail = 4 * (1.0 / 6 * 5.0 / 6 / Double(r)).squareRoot()
    #expect(abs(try #require(x.pAtMost) - 1.0 / 6) <= tail)
    #expect(x.pAtLeast == 1)
    // The exact null's sd: E[EI²] = (4/9 + 25/49 + 3)/6, minus the mean squared.
    let second = (4.0 / 9 + 25.0 / 49 + 3) / 6
    let sd = (second - (32.0 / 63) * (32.0 / 63)).squareRoot()
    #expect(abs(try #require(x.mean) - 32.0 / 63) <= 4 * sd / Double(r).squareRoot())
    #expect(try #require(x.z) < 0)
  }

  @Test func aBlocOfEveryActorIsTheSameUnderAnyShuffle() throws {
    let s = try Significance(
      Network(Self.data()), options: SignificanceOptions(samples: 100, seed: 5))
    let tests = try #require(s.blocCohesion)
    #expect(tests.map(\.bloc) == ["X", "Y", "Z"])
    let y = tests[1]
    // Everything inside: EI = −1 in every sample, no spread, p = 1 both ways.
    #expect(y.observed == -1 && y.mean == -1 && y.standardDeviation == 0 && y.z == nil)
    #expect(y.pAtMost == 1 && y.pAtLeast == 1)
    // Z's one member has no link: nothing to shuffle, nothing defined.
    let z = tests[2]
    #expect(z.members == 0 && z.observed == nil && z.definedSamples == 0)
    #expect(z.mean == nil && z.pAtMost == nil)
  }

  @Test func observedIsBlocAnalysisEIIndex() throws {
    let data = try Fixtures.skripal2018()
    let net = try Network(data)
    let blocs = try BlocAnalysis(net)
    let s = try Significance(net, options: SignificanceOptions(samples: 50, seed: 2))
    #expect(s.blocCohesion?.map(\.observed) == blocs.blocs.map(\.eiIndex))
    #expect(s.blocCohesion?.map(\.bloc) == blocs.blocs.map(\.id))
  }

  @Test func anUnknownBlocIsAnError() throws {
    #expect(throws: DiploGraphError.self) {
      try Significance(Network(Self.data()), options: SignificanceOptions(blocs: ["NOPE"]))
    }
    #expect(throws: DiploGraphError.self) {
      try Significance(
        Network(Self.data()), options: SignificanceOptions(samples: 3, blocs: ["NOPE"]))
    }
  }

  @Test func noSamplesNoMonteCarlo() throws {
    let s = try Significance(Network(Self.data()))
    #expect(s.edgeSwaps == nil && s.blocCohesion == nil)
  }
}
