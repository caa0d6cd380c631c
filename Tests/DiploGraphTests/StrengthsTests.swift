import DiploGraph
import PropertyBased
import TestSupport
import Testing

@Suite struct StrengthsTests {
  @Test func perActorTable() throws {
    // A→B 3, B→A 1, A→C 2, B→C 1 + 3, C→D (no count), D→D 5 (self-loop).
    let table = ActorStrength.table(of: try network(ReciprocityTests.mixed))
    #expect(table.map(\.actor) == ["A", "B", "C", "D"])
    let a = table[0]
    // A: out 3 + 2 = 5, in 1; s↔ = min(3, 1) = 1; s→ = 5 − 1 = 4; s← = 1 − 1 = 0.
    #expect(a.outStrength == 5)
    #expect(a.inStrength == 1)
    #expect(a.reciprocatedStrength == 1)
    #expect(a.nonReciprocatedOutStrength == 4)
    #expect(a.nonReciprocatedInStrength == 0)
    #expect(approximatelyEqual(a.reciprocatedShare, 1.0 / 5.0))
    #expect(a.balance == 4)
    // networkx: pred {B}, succ {B, C}: 2·1 / (1 + 2) = 2/3.
    #expect(a.outDegree == 2 && a.inDegree == 1 && a.reciprocatedDegree == 1)
    #expect(approximatelyEqual(a.linkReciprocity, 2.0 / 3.0))
    let b = table[1]
    // B: out 1 + 4 = 5, in 3; s↔ = min(1, 3) = 1; s→ = 4; s← = 3 − 1 = 2; balance 5 − 3 = 2.
    #expect(b.outStrength == 5)
    #expect(b.inStrength == 3)
    #expect(b.reciprocatedStrength == 1)
    #expect(b.nonReciprocatedOutStrength == 4)
    #expect(b.nonReciprocatedInStrength == 2)
    #expect(b.balance == 2)
    #expect(approximatelyEqual(b.linkReciprocity, 2.0 / 3.0))
    let c = table[2]
    // C: out 0 (its only link, to D, has no count), in 2 + 4 = 6: share undefined.
    #expect(c.outDegree == 1)
    #expect(c.outStrength == 0)
    #expect(c.inStrength == 6)
    #expect(c.reciprocatedShare == nil)
    #expect(c.balance == -6)
    #expect(c.nonReciprocatedInStrength == 6)
    #expect(c.linkReciprocity == 0)
    let d = table[3]
    // D: the self-loop does not count; one in-link of weight 0.
    #expect(d.outDegree == 0 && d.inDegree == 1)
    #expect(d.outStrength == 0 && d.inStrength == 0 && d.balance == 0)
    #expect(d.reciprocatedShare == nil)
  }

  @Test func perDyadTable() throws {
    let dyads = Dyad.table(of: try network(ReciprocityTests.mixed))
    // Totals: {A,B} 3 + 1 = 4, {B,C} 4 + 0 = 4, {A,C} 2, {C,D} 0; ties by node order.
    #expect(dyads.count == 4)
    // {A,B}: A sends 3, B sends 1: A first; matched min(3, 1) = 1; balance 3 − 1 = 2.
    let ab = dyads[0]
    #expect(ab.first == "A" && ab.second == "B")
    #expect(ab.forward == 3 && ab.backward == 1 && ab.forwardActions == 1)
    #expect(ab.backwardActions == 1 && ab.reciprocated == 1 && ab.balance == 2 && ab.isMutual)
    // {B,C}: B→C 1 + 3 = 4 in two actions, nothing back.
    let bc = dyads[1]
    #expect(bc.first == "B" && bc.second == "C")
    #expect(bc.forward == 4 && bc.backward == 0 && bc.forwardActions == 2)
    #expect(bc.backwardActions == 0 && bc.reciprocated == 0 && bc.balance == 4 && !bc.isMutual)
    #expect(dyads[2].first == "A" && dyads[2].second == "C" && dyads[2].forward == 2)
    #expect(dyads[3].first == "C" && dyads[3].second == "D" && dyads[3].forward == 0)
    #expect(dyads[3].forwardActions == 1 && !dyads[3].isMutual)
  }

  @Test func heavierSideComesFirst() throws {
    // B sends more than A: B is first whatever the declared order.
    let dyads = Dyad.table(of: try network([("A", "B", 1), ("B", "A", 7)]))
    #expect(dyads.count == 1)
    #expect(dyads[0].first == "B" && dyads[0].forward == 7 && dyads[0].backward == 1)
    #expect(dyads[0].balance == 6 && dyads[0].reciprocated == 1 && dyads[0].isMutual)
  }

  @Test func emptySelection() throws {
    let net = try Network(dataSet(ReciprocityTests.mixed), selection: Selection(kinds: ["none"]))
    #expect(ActorStrength.table(of: net).isEmpty)
    #expect(Dyad.table(of: net).isEmpty)
  }

  @Test func strengthsAddUp() async {
    await propertyCheck(input: ReciprocityTests.edges) { edges in
      let net = try network(randomTriples(edges))
      let table = ActorStrength.table(of: net)
      let rec = try Reciprocity(net)
      // Σ s^out = Σ s^in = W and Σ s^↔ = W↔ (each reciprocated pair counted from both ends).
      #expect(table.map(\.outStrength).reduce(0, +) == rec.totalWeight)
      #expect(table.map(\.inStrength).reduce(0, +) == rec.totalWeight)
      #expect(table.map(\.reciprocatedStrength).reduce(0, +) == rec.reciprocatedWeight)
      #expect(table.map(\.balance).reduce(0, +) == 0)
      for row in table {
        #expect(row.nonReciprocatedOutStrength >= 0 && row.nonReciprocatedInStrength >= 0)
        if let share = row.reciprocatedShare { #expect(share >= 0 && share <= 1) }
      }
      let dyads = Dyad.table(of: net)
      #expect(dyads.map { $0.forward + $0.backward }.reduce(0, +) == rec.totalWeight)
      #expect(dyads.allSatisfy { $0.balance >= 0 })
    }
  }
}
