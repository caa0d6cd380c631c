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

  /// A declared attribute: its id is the first letter of its domain, `_`, and its name
  /// (`n_out_strength`).
  private struct Key {
    var domain: String
    var name: String
    var type: KeyType
    var id: String { "\(domain.prefix(1))_\(name)" }
  }

  /// The keys of `domain`, from `name:type` pairs (the type `string` when left out).
  private static func keys(_ domain: String, _ list: String) -> [Key] {
    list.split(separator: " ").map { item in
      let parts = item.split(separator: ":")
      return Key(
        domain: domain, name: String(parts[0]),
        type: parts.count > 1 ? KeyType(rawValue: String(parts[1]))! : .string)
    }
  }

  private var keys: [Key] {
    Self.keys("graph", "title description edge_mode")
      + Self.keys("node", "name kind blocs out_strength:long in_strength:long note")
      + Self.keys(
        "edge",
        edgeMode == .aggregated
          ? "weight:long actions:int kinds sources first_date last_date"
          : "kind count:long date sources action_id responds_to note row:int")
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
    let strengths = links.strengths
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
      data("n_out_strength", String(strengths.outStrength[n]), indent: "      ")
      data("n_in_strength", String(strengths.inStrength[n]), indent: "      ")
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
      for action in network.actions.includingSelfLoops {
        if action.isSelfLoop {
          loopRows[action.actor, default: []].append(action.row)
        } else if let l = links.link(from: action.actor, to: action.target) {
          rowsOfLink[l].append(action.row)
        }
      }
      var groups: [(from: Int, to: Int, rows: [Int])] = links.map {
        ($0.from, $0.to, rowsOfLink[$0.index])
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
      for action in network.actions.includingSelfLoops {
        let row = action.row
        openEdge(action.actor, action.target)
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
