// The one graph model behind every graph format the package writes (GraphML, GEXF, node-link
// JSON, Cytoscape.js JSON): the nodes, the edges and their typed attributes, built once from a
// `Network`, so that the four writers carry the same attributes with the same names and
// differ only in their syntax.

/// The type of an exported attribute, as each format declares it.
enum GraphAttributeType: Sendable {
  case string
  /// A 32-bit integer (GraphML `int`, GEXF `integer`).
  case int
  /// A 64-bit integer (GraphML and GEXF `long`): weights and strengths.
  case long
  case boolean
  /// A list of strings: `;`-joined text in XML formats, an array in JSON.
  case list
}

/// An attribute's value; `nil` in a row means the element has none (it is left out).
enum GraphAttributeValue: Sendable {
  case text(String)
  case number(Int64)
  case flag(Bool)
  case list([String])

  /// The value as XML formats write it (lists joined by `;`).
  var xmlText: String {
    switch self {
    case .text(let s): return s
    case .number(let n): return String(n)
    case .flag(let b): return b ? "true" : "false"
    case .list(let items): return items.joined(separator: ";")
    }
  }

  /// The value as a JSON literal.
  var json: String {
    switch self {
    case .text(let s): return JSON.quoted(s)
    case .number(let n): return String(n)
    case .flag(let b): return b ? "true" : "false"
    case .list(let items): return "[" + items.map(JSON.quoted).joined(separator: ", ") + "]"
    }
  }
}

/// A declared attribute: its name (the same in every format) and type.
struct GraphAttribute: Sendable {
  var name: String
  var type: GraphAttributeType
}

/// A network ready to be written as a graph file.
///
/// Graph attributes: `title`, `description`, `edge_mode`. Node attributes: `name`, `kind`,
/// `blocs` (list), `out_strength`, `in_strength` (long: the summed weights of the actor's
/// links out and in), `note`, then one boolean `bloc_<id>` per bloc of the data set, in the
/// data set's order. Aggregated edges (one per ordered pair, self-loops included):
/// `weight` (long, w_ij: the weight the analytics use), `actions` (int), `kinds`, `sources`
/// (lists), `first_date`, `last_date` (ISO 8601), `undated` (int: actions without a date).
/// Per-action edges: `weight` (long), `kind`, `count` (long), `date`, `sources` (list),
/// `action_id`, `responds_to` (list), `note`, `row` (int).
struct GraphExport: Sendable {
  struct Element: Sendable {
    /// A value per attribute of its domain, in declaration order.
    var values: [GraphAttributeValue?]
  }

  struct Edge: Sendable {
    var from: Int
    var to: Int
    /// The edge's weight (w_ij, or the action's weight).
    var weight: Int64
    /// The distinct days of its dated actions, ascending.
    var days: [Day]
    /// Per action: the action's row in the data set.
    var row: Int?
    var values: [GraphAttributeValue?]
  }

  var edgeMode: EdgeMode
  var graphAttributes: [GraphAttribute]
  var graphValues: [GraphAttributeValue?]
  var nodeAttributes: [GraphAttribute]
  var edgeAttributes: [GraphAttribute]
  /// The actor ids, in the network's node order.
  var nodeIDs: [String]
  var nodeNames: [String]
  var nodes: [Element]
  /// Aggregated: in (from, to) order; per action: in the data set's row order.
  var edges: [Edge]
  var blocIDs: [String]

  /// The attributes of `domain`, from `name:type` pairs (`string` when the type is left out).
  private static func attributes(_ list: String) -> [GraphAttribute] {
    list.split(separator: " ").map { item in
      let parts = item.split(separator: ":")
      let type: GraphAttributeType =
        switch parts.count > 1 ? parts[1] : "string" {
        case "int": .int
        case "long": .long
        case "boolean": .boolean
        case "list": .list
        default: .string
        }
      return GraphAttribute(name: String(parts[0]), type: type)
    }
  }

  /// - Complexity: O(K·B + n) for K actors, B blocs and n selected actions.
  init(_ network: Network, edgeMode: EdgeMode) {
    self.edgeMode = edgeMode
    let dataSet = network.dataSet
    let table = dataSet.actions
    graphAttributes = Self.attributes("title description edge_mode")
    graphValues = [
      .text(dataSet.title), dataSet.description.map { .text($0) }, .text(edgeMode.rawValue),
    ]
    let blocIDs = dataSet.blocs.map(\.id.rawValue)
    self.blocIDs = blocIDs
    nodeAttributes =
      Self.attributes("name kind blocs:list out_strength:long in_strength:long note")
      + blocIDs.map { GraphAttribute(name: "bloc_" + $0, type: .boolean) }
    edgeAttributes = Self.attributes(
      edgeMode == .aggregated
        ? "weight:long actions:int kinds:list sources:list first_date last_date undated:int"
        : "weight:long kind count:long date sources:list action_id responds_to:list note row:int"
    )

    // Nodes.
    let links = network.links
    let strengths = links.strengths
    var member = [[Bool]](
      repeating: [Bool](repeating: false, count: dataSet.blocs.count), count: network.nodeCount)
    for (b, bloc) in dataSet.blocs.enumerated() {
      for id in bloc.members { if let n = network.node(of: id) { member[n][b] = true } }
    }
    nodeIDs = network.actors.map(\.id.rawValue)
    nodeNames = network.actors.map(\.name)
    nodes = network.actors.enumerated().map { n, actor in
      let blocs = blocIDs.indices.filter { member[n][$0] }.map { blocIDs[$0] }
      return Element(
        values: [
          .text(actor.name), .text(actor.kind.rawValue), blocs.isEmpty ? nil : .list(blocs),
          .number(strengths.outStrength[n]), .number(strengths.inStrength[n]),
          actor.note.map { .text($0) },
        ] + member[n].map { .flag($0) })
    }

    // Edges.
    func sourceList(_ row: Int) -> [String] { table.sources(row: row).map(\.rawValue) }
    switch edgeMode {
    case .aggregated:
      // The links in (from, to) order; each actor's self-loops as one edge, in order too.
      var actionsOfLink = [[SelectedAction]](repeating: [], count: links.count)
      var loops: [Int: [SelectedAction]] = [:]
      for action in network.actions.includingSelfLoops {
        if action.isSelfLoop {
          loops[action.actor, default: []].append(action)
        } else if let l = links.link(from: action.actor, to: action.target) {
          actionsOfLink[l].append(action)
        }
      }
      var groups: [(from: Int, to: Int, actions: [SelectedAction])] = links.map {
        ($0.from, $0.to, actionsOfLink[$0.index])
      }
      groups += loops.map { ($0.key, $0.key, $0.value) }
      groups.sort { ($0.from, $0.to) < ($1.from, $1.to) }
      edges = groups.map { group in
        var weight: Int64 = 0
        var kinds: [String] = []
        var sources: [String] = []
        var days = Set<Day>()
        var undated: Int64 = 0
        for action in group.actions {
          weight &+= action.weight
          let kind = table.kind(row: action.row).rawValue
          if !kinds.contains(kind) { kinds.append(kind) }
          for s in sourceList(action.row) where !sources.contains(s) { sources.append(s) }
          if let d = action.date { days.insert(d) } else { undated += 1 }
        }
        let sorted = days.sorted()
        return Edge(
          from: group.from, to: group.to, weight: weight, days: sorted, row: nil,
          values: [
            .number(weight), .number(Int64(group.actions.count)), .list(kinds),
            sources.isEmpty ? nil : .list(sources), sorted.first.map { .text($0.description) },
            sorted.last.map { .text($0.description) }, .number(undated),
          ])
      }
    case .perAction:
      edges = network.actions.includingSelfLoops.map { action in
        let row = action.row
        let sources = sourceList(row)
        let answers = (table.responses[row] ?? []).map { table.idSymbols[$0] }
        return Edge(
          from: action.actor, to: action.target, weight: action.weight,
          days: action.date.map { [$0] } ?? [], row: row,
          values: [
            .number(action.weight), .text(table.kind(row: row).rawValue),
            action.count.map { .number(Int64($0)) }, action.date.map { .text($0.description) },
            sources.isEmpty ? nil : .list(sources),
            table.actionID(row: row).map { .text($0.rawValue) },
            answers.isEmpty ? nil : .list(answers), table.notes[row].map { .text($0) },
            .number(Int64(row)),
          ])
      }
    }
  }
}
