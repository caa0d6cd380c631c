import DiploGraph

/// Small data sets for the analytics tests, written as edge lists.

/// One action of a test graph: `actor → target`, with an optional count, date and id.
struct Edge {
  var actor: String
  var target: String
  var count: Int?
  var kind: ActionKind = .expulsion
  var date: String?
  var id: String?
  var respondsTo: [String] = []
  var sources: [String] = []
  var claims: [Claim] = []

  init(
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

  var action: Action {
    Action(
      id: id.map { ActionID($0) }, actor: ActorID(actor), target: ActorID(target), kind: kind,
      count: count, date: date.map { Day(iso: $0)! }, respondsTo: respondsTo.map { ActionID($0) },
      sources: sources.map { SourceID($0) }, claims: claims)
  }
}

/// A data set with the given actions; actors are declared in order of first appearance
/// (or as `actors` says), blocs by id → members.
func dataSet(
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
func dataSet(_ triples: [(String, String, Int?)]) -> DataSet {
  dataSet(triples.map { Edge($0.0, $0.1, $0.2) })
}

/// A network over every action.
func network(_ triples: [(String, String, Int?)]) throws -> Network {
  try Network(dataSet(triples))
}

/// Random test graphs: (actor index, target index, count) among six actors "A0"…"A5".
func randomTriples(_ edges: [(Int, Int, Int?)], names: [String]? = nil) -> [(String, String, Int?)]
{
  let names = names ?? (0..<6).map { "A\($0)" }
  return edges.map { (names[$0.0], names[$0.1], $0.2) }
}
