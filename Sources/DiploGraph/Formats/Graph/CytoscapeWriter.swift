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
    var out = "{\n  \"data\": {"
    out +=
      (graph.jsonFields(graph.graphAttributes, graph.graphValues)
      + ["\"blocs\": " + GraphAttributeValue.list(graph.blocIDs).json]).joined(separator: ", ")
    out += "},\n  \"elements\": {\n    \"nodes\": [\n"
    out += graph.nodes.indices.map { n in
      "      {\"data\": {"
        + (["\"id\": " + JSON.quoted(graph.nodeIDs[n])] + graph.nodeFields(n))
        .joined(separator: ", ") + "}}"
    }.joined(separator: ",\n")
    out += graph.nodes.isEmpty ? "],\n" : "\n    ],\n"
    out += "    \"edges\": [\n"
    out += graph.edges.indices.map { e in
      "      {\"data\": {"
        + (["\"id\": \"e\(e)\""] + graph.edgeEnds(e) + graph.edgeFields(e))
        .joined(separator: ", ") + "}}"
    }.joined(separator: ",\n")
    out += graph.edges.isEmpty ? "]\n  }\n}\n" : "\n    ]\n  }\n}\n"
    return out
  }
}
