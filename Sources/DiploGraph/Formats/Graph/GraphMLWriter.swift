// GraphML 1.0 output (http://graphml.graphdrawing.org/specification.html), as read by
// networkx (`read_graphml`), igraph (`Graph.Read_GraphML`) and Gephi.
//
// Limits: write only (reading GraphML is not supported). Node ids are the actor ids as
// spelled (GraphML's schema types them NMTOKEN; an id with spaces still reads in networkx,
// igraph and Gephi, which do not validate). Text that XML 1.0 cannot carry (control
// characters, U+FFFE, U+FFFF) is written as U+FFFD.

/// Writes a ``Network`` as GraphML: every actor as a node, the selected actions as edges,
/// aggregated per ordered pair or one per action (``EdgeMode``), every attribute declared
/// with a typed `<key>` (`string`, `int`, `long`, `boolean`).
///
/// Node keys: `name`, `kind`, `blocs` (ids joined by `;`), `note` (string); `out_strength`,
/// `in_strength` (long: the summed weights of the links out of and into the actor); one
/// boolean `bloc_<id>` per bloc of the data set, written on every node (networkx, igraph and
/// pandas read it as a column of booleans). Aggregated edge keys: `weight` (long, w_ij, the
/// weight the analytics use), `actions`, `undated` (int), `kinds`, `sources` (`;`),
/// `first_date`, `last_date`. Per-action edge keys: `weight` (long), `kind`, `count` (long;
/// absent without a count), `date`, `sources`, `action_id`, `responds_to`, `note` (strings),
/// `row` (int: the action's row in the data set). Graph keys: `title`, `description`,
/// `edge_mode`. Self-loops are written (as one aggregated edge per actor, or per action).
///
/// Dates are ISO 8601 strings (`2018-03-26`) under a `string` key: GraphML has no date type,
/// and networkx, igraph and Gephi read the text as it is; ISO order is date order.
///
/// - Complexity: O(K·B + n) for K actors, B blocs and n selected actions.
public struct GraphMLWriter: Sendable {
  public var edgeMode: EdgeMode

  public init(edgeMode: EdgeMode = .aggregated) { self.edgeMode = edgeMode }

  /// The GraphML document for `network` (UTF-8 text, `\n` line ends).
  public func write(_ network: Network) -> String {
    let graph = GraphExport(network, edgeMode: edgeMode)
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
    out += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    out += " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
    out += " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    let domains: [(String, [GraphAttribute])] = [
      ("graph", graph.graphAttributes), ("node", graph.nodeAttributes),
      ("edge", graph.edgeAttributes),
    ]
    for (domain, attributes) in domains {
      for attribute in attributes {
        let id = XMLEscaping.attribute("\(domain.prefix(1))_\(attribute.name)")
        out += "  <key id=\"\(id)\" for=\"\(domain)\""
        out += " attr.name=\"\(XMLEscaping.attribute(attribute.name))\""
        out += " attr.type=\"\(Self.typeName(attribute.type))\"/>\n"
      }
    }
    out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
    func data(
      _ prefix: String, _ attributes: [GraphAttribute], _ values: [GraphAttributeValue?],
      indent: String
    ) {
      for (attribute, value) in zip(attributes, values) {
        guard let value else { continue }
        let key = XMLEscaping.attribute("\(prefix)_\(attribute.name)")
        out += "\(indent)<data key=\"\(key)\">\(XMLEscaping.text(value.xmlText))</data>\n"
      }
    }
    data("g", graph.graphAttributes, graph.graphValues, indent: "    ")
    for (n, node) in graph.nodes.enumerated() {
      out += "    <node id=\"\(XMLEscaping.attribute(graph.nodeIDs[n]))\">\n"
      data("n", graph.nodeAttributes, node.values, indent: "      ")
      out += "    </node>\n"
    }
    for (e, edge) in graph.edges.enumerated() {
      let source = XMLEscaping.attribute(graph.nodeIDs[edge.from])
      let target = XMLEscaping.attribute(graph.nodeIDs[edge.to])
      out += "    <edge id=\"e\(e)\" source=\"\(source)\" target=\"\(target)\">\n"
      data("e", graph.edgeAttributes, edge.values, indent: "      ")
      out += "    </edge>\n"
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }

  private static func typeName(_ type: GraphAttributeType) -> String {
    switch type {
    case .string, .list: "string"
    case .int: "int"
    case .long: "long"
    case .boolean: "boolean"
    }
  }
}
