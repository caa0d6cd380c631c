// GraphML 1.0 output (http://graphml.graphdrawing.org/specification.html), as read by
// networkx (`read_graphml`), igraph (`Graph.Read_GraphML`) and Gephi.
//
// Limits: write only (reading GraphML is not supported). Node ids are the actor ids as
// spelled (GraphML's schema types them NMTOKEN; an id with spaces still reads in networkx,
// igraph and Gephi, which do not validate). Text that XML 1.0 cannot carry (control
// characters, U+FFFE, U+FFFF) is written as U+FFFD.

/// Writes a ``Network`` as GraphML: every actor as a node, the selected actions as edges,
/// aggregated per ordered pair or one per action (``EdgeMode``), every attribute declared
/// with a typed `<key>`.
///
/// Node keys: `name`, `kind`, `blocs` (ids joined by `;`), `note` (string); `out_strength`,
/// `in_strength` (long: the summed counts of the links out of and into the actor).
/// Aggregated edge keys: `weight` (long, w_ij), `actions` (int), `kinds`, `sources` (`;`),
/// `first_date`, `last_date` (ISO 8601 strings). Per-action edge keys: `kind`, `count` (long;
/// absent without a count), `date`, `sources`, `action_id`, `responds_to`, `note` (strings),
/// `row` (int: the action's row in the data set). Graph keys: `title`, `description`,
/// `edge_mode`. Self-loops are written (as one aggregated edge per actor, or per action).
///
/// - Complexity: O(K + n) for K actors and n selected actions.
public struct GraphMLWriter: Sendable {
  public var edgeMode: EdgeMode

  public init(edgeMode: EdgeMode = .aggregated) { self.edgeMode = edgeMode }

  private enum KeyType: String { case string, int, long }

  private struct Key {
    var id: String
    var domain: String
    var name: String
    var type: KeyType
  }

  private var keys: [Key] {
    var keys: [Key] = [
      Key(id: "g_title", domain: "graph", name: "title", type: .string),
      Key(id: "g_description", domain: "graph", name: "description", type: .string),
      Key(id: "g_edge_mode", domain: "graph", name: "edge_mode", type: .string),
      Key(id: "n_name", domain: "node", name: "name", type: .string),
      Key(id: "n_kind", domain: "node", name: "kind", type: .string),
      Key(id: "n_blocs", domain: "node", name: "blocs", type: .string),
      Key(id: "n_out_strength", domain: "node", name: "out_strength", type: .long),
      Key(id: "n_in_strength", domain: "node", name: "in_strength", type: .long),
      Key(id: "n_note", domain: "node", name: "note", type: .string),
    ]
    switch edgeMode {
    case .aggregated:
      keys += [
        Key(id: "e_weight", domain: "edge", name: "weight", type: .long),
        Key(id: "e_actions", domain: "edge", name: "actions", type: .int),
        Key(id: "e_kinds", domain: "edge", name: "kinds", type: .string),
        Key(id: "e_sources", domain: "edge", name: "sources", type: .string),
        Key(id: "e_first_date", domain: "edge", name: "first_date", type: .string),
        Key(id: "e_last_date", domain: "edge", name: "last_date", type: .string),
      ]
    case .perAction:
      keys += [
        Key(id: "e_kind", domain: "edge", name: "kind", type: .string),
        Key(id: "e_count", domain: "edge", name: "count", type: .long),
        Key(id: "e_date", domain: "edge", name: "date", type: .string),
        Key(id: "e_sources", domain: "edge", name: "sources", type: .string),
        Key(id: "e_action_id", domain: "edge", name: "action_id", type: .string),
        Key(id: "e_responds_to", domain: "edge", name: "responds_to", type: .string),
        Key(id: "e_note", domain: "edge", name: "note", type: .string),
        Key(id: "e_row", domain: "edge", name: "row", type: .int),
      ]
    }
    return keys
  }

  /// The GraphML document for `network` (UTF-8 text, `\n` line ends).
  public func write(_ network: Network) -> String {
    let dataSet = network.dataSet
    let table = dataSet.actions
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
    out += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    out += " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
    out += " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    for key in keys {
      out += "  <key id=\"\(key.id)\" for=\"\(key.domain)\" attr.name=\"\(key.name)\""
      out += " attr.type=\"\(key.type.rawValue)\"/>\n"
    }
    out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
    func data(_ key: String, _ value: String, indent: String) {
      out += "\(indent)<data key=\"\(key)\">\(XMLEscaping.text(value))</data>\n"
    }
    data("g_title", dataSet.title, indent: "    ")
    if let description = dataSet.description { data("g_description", description, indent: "    ") }
    data("g_edge_mode", edgeMode.rawValue, indent: "    ")

    // Nodes.
    let links = network.links
    var outStrength = [Int64](repeating: 0, count: network.nodeCount)
    var inStrength = [Int64](repeating: 0, count: network.nodeCount)
    for l in 0..<links.count {
      outStrength[Int(links.from[l])] &+= links.weight[l]
      inStrength[Int(links.to[l])] &+= links.weight[l]
    }
    var blocsOf = [[String]](repeating: [], count: network.nodeCount)
    for bloc in dataSet.blocs {
      for member in Set(bloc.members) {
        if let n = network.node(of: member) { blocsOf[n].append(bloc.id.rawValue) }
      }
    }
    for (n, actor) in network.actors.enumerated() {
      out += "    <node id=\"\(XMLEscaping.attribute(actor.id.rawValue))\">\n"
      data("n_name", actor.name, indent: "      ")
      data("n_kind", actor.kind.rawValue, indent: "      ")
      if !blocsOf[n].isEmpty {
        data("n_blocs", blocsOf[n].joined(separator: ";"), indent: "      ")
      }
      data("n_out_strength", String(outStrength[n]), indent: "      ")
      data("n_in_strength", String(inStrength[n]), indent: "      ")
      if let note = actor.note { data("n_note", note, indent: "      ") }
      out += "    </node>\n"
    }

    // Edges.
    var edgeNumber = 0
    func openEdge(_ from: Int, _ to: Int) {
      let source = XMLEscaping.attribute(network.actors[from].id.rawValue)
      let target = XMLEscaping.attribute(network.actors[to].id.rawValue)
      out += "    <edge id=\"e\(edgeNumber)\" source=\"\(source)\" target=\"\(target)\">\n"
      edgeNumber += 1
    }
    func sourceList(_ ids: [SourceID]) -> String { ids.map(\.rawValue).joined(separator: ";") }
    switch edgeMode {
    case .aggregated:
      // The links in (from, to) order; each actor's self-loops as one edge, in order too.
      var rowsOfLink = [[Int]](repeating: [], count: links.count)
      var loopRows: [Int: [Int]] = [:]
      for row32 in network.rows {
        let row = Int(row32)
        let a = network.actorNode(row: row)
        let t = network.targetNode(row: row)
        if a == t {
          loopRows[a, default: []].append(row)
        } else if let l = links.link(from: a, to: t) {
          rowsOfLink[l].append(row)
        }
      }
      var groups: [(from: Int, to: Int, rows: [Int])] = (0..<links.count).map {
        (Int(links.from[$0]), Int(links.to[$0]), rowsOfLink[$0])
      }
      groups += loopRows.map { ($0.key, $0.key, $0.value) }
      groups.sort { ($0.from, $0.to) < ($1.from, $1.to) }
      for group in groups {
        openEdge(group.from, group.to)
        var weight: Int64 = 0
        var kinds: [String] = []
        var sources: [SourceID] = []
        var first: Day? = nil
        var last: Day? = nil
        for row in group.rows {
          weight &+= Int64(table.count(row: row) ?? 0)
          let kind = table.kind(row: row).rawValue
          if !kinds.contains(kind) { kinds.append(kind) }
          for s in table.sources(row: row) where !sources.contains(s) { sources.append(s) }
          if let d = table.date(row: row) {
            first = min(first ?? d, d)
            last = max(last ?? d, d)
          }
        }
        data("e_weight", String(weight), indent: "      ")
        data("e_actions", String(group.rows.count), indent: "      ")
        data("e_kinds", kinds.joined(separator: ";"), indent: "      ")
        if !sources.isEmpty { data("e_sources", sourceList(sources), indent: "      ") }
        if let first { data("e_first_date", first.description, indent: "      ") }
        if let last { data("e_last_date", last.description, indent: "      ") }
        out += "    </edge>\n"
      }
    case .perAction:
      for row32 in network.rows {
        let row = Int(row32)
        openEdge(network.actorNode(row: row), network.targetNode(row: row))
        data("e_kind", table.kind(row: row).rawValue, indent: "      ")
        if let count = table.count(row: row) { data("e_count", String(count), indent: "      ") }
        if let date = table.date(row: row) { data("e_date", date.description, indent: "      ") }
        let sources = table.sources(row: row)
        if !sources.isEmpty { data("e_sources", sourceList(sources), indent: "      ") }
        if let id = table.actionID(row: row) { data("e_action_id", id.rawValue, indent: "      ") }
        if let answers = table.responses[row], !answers.isEmpty {
          let ids = answers.map { table.idSymbols[$0] }
          data("e_responds_to", ids.joined(separator: ";"), indent: "      ")
        }
        if let note = table.notes[row] { data("e_note", note, indent: "      ") }
        data("e_row", String(row), indent: "      ")
        out += "    </edge>\n"
      }
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }
}
