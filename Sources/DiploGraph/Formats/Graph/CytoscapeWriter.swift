// Cytoscape.js JSON (https://js.cytoscape.org/#notation/elements-json): what `cy.json()` reads
// and writes, and what Cytoscape (desktop) imports as a `.cyjs` network.
//
// Limits: write only; no positions or styles (the layout is the reader's).

/// Writes a ``Network`` as Cytoscape.js JSON:
///
/// ```json
/// {"data": {"title": "…", "blocs": ["EU"]},
///  "elements": {"nodes": [{"data": {"id": "GBR", "name": "…", …}}],
///               "edges": [{"data": {"id": "e0", "source": "GBR", "target": "RUS", …}}]}}
/// ```
///
/// The same attributes as ``NodeLinkWriter`` (those of ``GraphMLWriter``, lists as arrays, each
/// edge's `dates`), in each element's `data`; edge ids `e0`, `e1`, … in the writers' edge
/// order. Cytoscape's selectors read them as they are (`edge[weight > 10]`, `node[?bloc_EU]`).
///
/// - Complexity: O(K·B + n) for K actors, B blocs and n selected actions.
public struct CytoscapeWriter: Sendable {
  public var edgeMode: EdgeMode

  public init(edgeMode: EdgeMode = .aggregated) { self.edgeMode = edgeMode }

  /// The JSON document for `network` (UTF-8 text, `\n` line ends).
  public func write(_ network: Network) -> String {
    let graph = GraphExport(network, edgeMode: edgeMode)
    func element(_ fields: [String]) -> String { "{\"data\": \(graph.jsonObject(fields))}" }
    let nodes = graph.nodes.indices.map { n in element(graph.nodeFields(n, withID: true)) }
    let edges = graph.edges.indices.map { e in
      element(["\"id\": \"e\(e)\""] + graph.edgeEnds(e) + graph.edgeFields(e))
    }
    var out = "{\n  \"data\": \(graph.jsonObject(graph.graphFields())),\n"
    out += "  \"elements\": {\n"
    out += "    \"nodes\": \(GraphExport.jsonArray(nodes, indent: "    ")),\n"
    out += "    \"edges\": \(GraphExport.jsonArray(edges, indent: "    "))\n  }\n}\n"
    return out
  }
}
