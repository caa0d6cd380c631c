import TestSupport
import Testing

@testable import DiploGraph

/// Responses weigh each action as the network does (`--weight`): event data, which has no
/// counts, compares events; an explicit weight overrides the data's default.
@Suite struct ResponseWeightTests {
  /// Two events of A against B answered by one of B's, a lone event of C against D, no counts.
  static let events = dataSet([
    Edge("A", "B", nil, date: "2020-01-01"),  // 0 ┐ one exchange, explicit: 2 events
    Edge("A", "B", nil, date: "2020-01-01", id: "ab"),  // 1 ┘
    Edge("B", "A", nil, date: "2020-01-04", respondsTo: ["ab"]),  // 2: answers row 1 only
    Edge("C", "D", nil, date: "2020-01-02"),  // 3: answered by 4 in the window
    Edge("D", "C", nil, date: "2020-01-03"),  // 4
  ])

  @Test func eventDataComparesEvents() throws {
    // No action has a count: the default weight is events, 1 per action.
    let responses = try ResponseAnalysis(try Network(Self.events))
    let exchanges = Array(responses.exchanges)
    // Row 0 is answered in the window by nothing (row 2 is an explicit answer): it stands
    // alone; row 1 and its explicit answer 2: 1 event against 1, in kind; rows 3 and 4 too.
    let byFirst = Dictionary(uniqueKeysWithValues: exchanges.map { ($0.originals[0].row, $0) })
    #expect(byFirst[1]?.originalTotal == 1 && byFirst[1]?.answerTotal == 1)
    #expect(byFirst[1]?.outcome == .inKind)
    #expect(byFirst[3]?.outcome == .inKind && byFirst[3]?.ratio == 1)
    // References keep each action's own count: none.
    #expect(byFirst[3]?.originals[0].count == nil)
    #expect(responses.summary(.notComparable).exchanges == 0)
  }

  @Test func theCountWeightLeavesThemNotComparable() throws {
    var data = Self.events
    data.weight = .count
    let responses = try ResponseAnalysis(try Network(data))
    #expect(responses.summary(.notComparable).exchanges == 2)
    #expect(responses.summary(.inKind).exchanges == 0)
  }

  @Test func chainsCompareStepsByTheWeight() throws {
    // A→B 3 diplomats, B→A 1, A→B 1: by count the answer de-escalates then is matched; by
    // events every step is 1 against 1.
    let data = dataSet([
      Edge("A", "B", 3, date: "2020-01-01"),
      Edge("B", "A", 1, date: "2020-01-05"),
      Edge("A", "B", 1, date: "2020-01-09"),
      Edge("B", "A", 1, date: "2020-01-12"),
    ])
    let byCount = try ResponseAnalysis(try Network(data)).chains
    #expect(byCount.longest.first?.steps.map(\.ratio) == [nil, 1.0 / 3, 1, 1])
    var events = data
    events.weight = .events
    let byEvents = try ResponseAnalysis(try Network(events)).chains
    #expect(byEvents.longest.first?.steps.map(\.ratio) == [nil, 1, 1, 1])
    #expect(byEvents.longest.first?.steps.map(\.total) == [1, 1, 1, 1])
  }
}
