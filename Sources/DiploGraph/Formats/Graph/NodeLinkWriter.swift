// Node-link JSON: the shape of networkx's `node_link_data` (networkx 3.6: `nodes` and
// `edges`, the defaults of `node_link_graph`), which D3's force layout also takes
// (`d3.forceLink(data.edges)`).
//
// Limits: write only. Node ids are the actor ids as strings.

/// Writes a ``Network`` as node-link JSON:
///
/// ```json
/// {"directed": true, "multigraph": false, "graph": {"title": "…", "blocs": ["EU"]},
///  "nodes": [{"id": "GBR", "name": "…", "kind": "state", "bloc_EU": false, …}],
///  "edges": [{"source": "GBR", "target": "RUS", "weight": 23, "dates": ["2018-03-14"], …}]}
/// ```
///
/// The attributes are those of ``GraphMLWriter`` (nodes, and edges of the ``EdgeMode``), with
/// lists as arrays; an attribute an element lacks is left out. Each edge also has `dates`,
/// the distinct days of its dated actions. Per action, `multigraph` is `true` and each edge's
/// `key` is its action's row, so networkx keeps parallel edges apart. One node or edge per line,
/// keys in a fixed order: the same network gives the same bytes.
///
/// - Complexity: O(K·B + n) for K actors, B blocs and n selected actions.
public struct NodeLinkWriter: Sendable {
  public var edgeMode: EdgeMode

  public init(edgeMode: EdgeMode = .aggregated) { self.edgeMode = edgeMode }

  /// The JSON document for `network` (UTF-8 text, `\n` line ends).
  public func write(_ network: Network) -> String {
    let graph = GraphExport(network, edgeMode: edgeMode)
    let nodes = graph.nodes.indices.map { n in graph.jsonObject(graph.nodeFields(n, withID: true)) }
    let edges = graph.edges.indices.map { e in
      var fields = graph.edgeEnds(e)
      if let row = graph.edges[e].row { fields.append("\"key\": \(row)") }
      return graph.jsonObject(fields + graph.edgeFields(e))
    }
    var out = "{\n  \"directed\": true,\n"
    out += "  \"multigraph\": \(edgeMode == .perAction),\n"
    out += "  \"graph\": \(graph.jsonObject(graph.graphFields())),\n"
    out += "  \"nodes\": \(GraphExport.jsonArray(nodes, indent: "  ")),\n"
    out += "  \"edges\": \(GraphExport.jsonArray(edges, indent: "  "))\n}\n"
    return out
  }
}

extension GraphExport {
  /// `"name": value` for each attribute that has a value.
  func jsonFields(_ attributes: [GraphAttribute], _ values: [GraphAttributeValue?]) -> [String] {
    zip(attributes, values).compactMap { attribute, value in
      value.map { JSON.quoted(attribute.name) + ": " + $0.json }
    }
  }

  /// `{field, field}` on one line.
  func jsonObject(_ fields: [String]) -> String { "{" + fields.joined(separator: ", ") + "}" }

  /// The items one a line, each indented two more than `indent`; `[]` when there is none.
  static func jsonArray(_ items: [String], indent: String) -> String {
    items.isEmpty
      ? "[]"
      : "[\n" + items.map { indent + "  " + $0 }.joined(separator: ",\n") + "\n" + indent + "]"
  }

  /// The graph's attributes, then `blocs`: every bloc id of the data set.
  func graphFields() -> [String] {
    jsonFields(graphAttributes, graphValues)
      + ["\"blocs\": " + GraphAttributeValue.list(blocIDs).json]
  }

  /// The fields of node `n`, its `id` first when asked for.
  func nodeFields(_ n: Int, withID: Bool) -> [String] {
    (withID ? ["\"id\": " + JSON.quoted(nodeIDs[n])] : [])
      + jsonFields(nodeAttributes, nodes[n].values)
  }

  /// `source` and `target` of edge `e`.
  func edgeEnds(_ e: Int) -> [String] {
    [
      "\"source\": " + JSON.quoted(nodeIDs[edges[e].from]),
      "\"target\": " + JSON.quoted(nodeIDs[edges[e].to]),
    ]
  }

  /// The attributes of edge `e`, then its `dates`.
  func edgeFields(_ e: Int) -> [String] {
    jsonFields(edgeAttributes, edges[e].values)
      + ["\"dates\": " + GraphAttributeValue.list(edges[e].days.map(\.description)).json]
  }
}
