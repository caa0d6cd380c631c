import DiploGraph

/// Small data sets for the analytics tests, written as edge lists.

/// One action of a test graph: `actor → target`, with an optional count, date and id.
public struct Edge: Sendable {
  public var actor: String
  public var target: String
  public var count: Int?
  public var kind: ActionKind = .expulsion
  public var date: String?
  public var id: String?
  public var respondsTo: [String] = []
  public var sources: [String] = []
  public var claims: [Claim] = []

  public init(
    _ actor: String, _ target: String, _ count: Int?, kind: ActionKind = .expulsion,
    date: String? = nil, id: String? = nil, respondsTo: [String] = [], sources: [String] = [],
    claims: [Claim] = []
  ) {
    self.actor = actor
    self.target = target
    self.count = count
    self.kind = kind
    self.date = date
    self.id = id
    self.respondsTo = respondsTo
    self.sources = sources
    self.claims = claims
  }

  public var action: Action {
    Action(
      id: id.map { ActionID($0) }, actor: ActorID(actor), target: ActorID(target), kind: kind,
      count: count, date: date.map { Day(iso: $0)! }, respondsTo: respondsTo.map { ActionID($0) },
      sources: sources.map { SourceID($0) }, claims: claims)
  }
}

/// A data set with the given actions; actors are declared in order of first appearance
/// (or as `actors` says), blocs by id → members.
public func dataSet(
  _ edges: [Edge], actors: [String]? = nil, blocs: [(String, [String])] = [],
  sources: [String] = [], figures: [ReportedFigure] = []
) -> DataSet {
  var order: [String] = actors ?? []
  if actors == nil {
    for e in edges {
      if !order.contains(e.actor) { order.append(e.actor) }
      if !order.contains(e.target) { order.append(e.target) }
    }
  }
  return DataSet(
    title: "test",
    actors: order.map { Actor(id: ActorID($0), name: "Name of \($0)") },
    blocs: blocs.map {
      Bloc(id: BlocID($0.0), name: "Bloc \($0.0)", members: $0.1.map { ActorID($0) })
    },
    sources: sources.map { Source(id: SourceID($0), title: "Title of \($0)") },
    actions: ActionTable(edges.map(\.action)),
    figures: figures)
}

/// A data set from (actor, target, count) triples.
public func dataSet(_ triples: [(String, String, Int?)]) -> DataSet {
  dataSet(triples.map { Edge($0.0, $0.1, $0.2) })
}

/// A network over every action, each weighing its count (0 without one: `.count`, whatever
/// the default for data without counts).
public func network(_ triples: [(String, String, Int?)]) throws -> Network {
  var data = dataSet(triples)
  data.weight = .count
  return try Network(data)
}

/// Random test graphs: (actor index, target index, count) among six actors "A0"…"A5".
public func randomTriples(_ edges: [(Int, Int, Int?)], names: [String]? = nil) -> [(
  String, String, Int?
)] {
  let names = names ?? (0..<6).map { "A\($0)" }
  return edges.map { (names[$0.0], names[$0.1], $0.2) }
}

/// Shared episodes of the analytics and printing tests.
public enum AnalyticsFixtures {
  /// The responses episode: explicit and window answers, a joint answer, in kind, more and
  /// less, actions without counts, an undated original, a dangling `respondsTo` and a
  /// self-loop (the comments give each row).
  public static let responses: [Edge] = [
    Edge("GBR", "RUS", 23, date: "2018-03-14", id: "uk1"),  // row 0
    Edge("RUS", "GBR", 23, kind: .retaliation, date: "2018-03-17", respondsTo: ["uk1"]),  // 1
    Edge("USA", "RUS", 48, date: "2018-03-26", id: "us1"),  // 2
    Edge("USA", "RUS", 12, date: "2018-03-26", id: "us2"),  // 3
    // 4: one answer to both US announcements.
    Edge("RUS", "USA", 60, kind: .retaliation, date: "2018-03-29", respondsTo: ["us1", "us2"]),
    Edge("FRA", "RUS", 4, date: "2018-03-26"),  // 5
    Edge("RUS", "FRA", 4, date: "2018-03-30"),  // 6: answers FRA in the window (4 days)
    Edge("BEL", "RUS", 1, date: "2018-03-27"),  // 7: never answered
    Edge("UKR", "RUS", 13, date: "2018-03-26"),  // 8
    Edge("RUS", "UKR", 13, kind: .retaliation, date: "2018-04-02"),  // 9: window, 7 days
    Edge("AUS", "RUS", 2, date: "2018-03-27"),  // 10
    Edge("RUS", "AUS", 2, kind: .retaliation, date: "2018-05-10"),  // 11: 44 days: too late
    Edge("CAN", "RUS", 4, date: "2018-03-26"),  // 12
    Edge("RUS", "CAN", 3, date: "2018-03-30"),  // 13: less
    Edge("DEU", "RUS", 4, date: "2018-03-26"),  // 14
    Edge("RUS", "DEU", 6, date: "2018-03-30"),  // 15: more
    Edge("USA", "RUS", nil, kind: .consulateClosure, date: "2018-03-26"),  // 16
    Edge("RUS", "USA", nil, kind: .consulateClosure, date: "2018-03-29"),  // 17: no counts
    Edge("RUS", "GBR", 50, kind: .staffCut, date: "2018-03-30"),  // 18: an original, unanswered
    Edge("MNE", "RUS", 1),  // 19: undated, so only an explicit answer could match it
    Edge("RUS", "HUN", 1, kind: .retaliation, date: "2018-03-30", respondsTo: ["nope"]),  // 20
    Edge("RUS", "RUS", 9, date: "2018-03-30"),  // 21: a self-loop, ignored
  ]
}
