// GEXF 1.3 output (https://gexf.net/schema.html, the format of Gephi), dynamic: Gephi's
// timeline plays the actions by their dates, and networkx's `read_gexf` reads it (as a
// `DiGraph`, or a `MultiDiGraph` with one edge per action).
//
// Limits: write only. Node ids are the actor ids as spelled. Text that XML 1.0 cannot carry is
// written as U+FFFD (``XMLEscaping``). The edges' weight is static (w_ij over the whole
// selection): the timeline shows when a link acts, not its weight up to a day.

/// Writes a ``Network`` as a dynamic, directed GEXF 1.3 graph with `timeformat="date"`.
///
/// Time. Aggregated (the default), each ordered pair with selected actions is one edge, its
/// `weight` w_ij, with one spell per distinct day of its dated actions (`start` = `end` = the
/// day): Gephi keeps one edge per pair (it merges parallel edges of one kind on import), and its
/// timeline shows the edge on the days its actions happened. Per action, each action is one
/// edge with `start` = `end` = its date (parallel edges: networkx reads a `MultiDiGraph`).
///
/// Undated actions have no time: an edge whose actions are all undated has no spell, which
/// GEXF reads as present at every moment of the timeline; an aggregated edge with dated and
/// undated actions is present on its dated days, and its `undated` attribute counts the others
/// (its `weight` includes them).
///
/// Attributes (static, typed): those of ``GraphMLWriter`` — on nodes `name`, `kind`
/// (state/organisation/region), `blocs`, `out_strength`, `in_strength`, `note` and one boolean
/// `bloc_<id>` per bloc; on edges those of the edge mode. Lists are `;`-joined strings. The
/// node's `label` is the actor's name; the data set's title and description are the meta
/// description.
///
/// - Complexity: O(K·B + n) for K actors, B blocs and n selected actions.
public struct GEXFWriter: Sendable {
  public var edgeMode: EdgeMode

  public init(edgeMode: EdgeMode = .aggregated) { self.edgeMode = edgeMode }

  /// The GEXF document for `network` (UTF-8 text, `\n` line ends).
  public func write(_ network: Network) -> String {
    let graph = GraphExport(network, edgeMode: edgeMode)
    let dataSet = network.dataSet
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<gexf xmlns=\"http://gexf.net/1.3\""
    out += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    out += " xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\""
    out += " version=\"1.3\">\n"
    out += "  <meta>\n    <creator>DiploGraph</creator>\n"
    let description = [dataSet.title, dataSet.description].compactMap { $0 }
      .joined(separator: ": ")
    out += "    <description>\(XMLEscaping.text(description))</description>\n  </meta>\n"
    out += "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\""
    out += " timerepresentation=\"interval\">\n"
    for (domain, attributes) in [("node", graph.nodeAttributes), ("edge", graph.edgeAttributes)] {
      out += "    <attributes class=\"\(domain)\" mode=\"static\">\n"
      for attribute in attributes {
        let id = XMLEscaping.attribute("\(domain.prefix(1))_\(attribute.name)")
        out += "      <attribute id=\"\(id)\" title=\"\(XMLEscaping.attribute(attribute.name))\""
        out += " type=\"\(Self.typeName(attribute.type))\"/>\n"
      }
      out += "    </attributes>\n"
    }
    func values(
      _ prefix: String, _ attributes: [GraphAttribute], _ values: [GraphAttributeValue?]
    ) {
      out += "        <attvalues>\n"
      for (attribute, value) in zip(attributes, values) {
        guard let value else { continue }
        let key = XMLEscaping.attribute("\(prefix)_\(attribute.name)")
        out += "          <attvalue for=\"\(key)\""
        out += " value=\"\(XMLEscaping.attribute(value.xmlText))\"/>\n"
      }
      out += "        </attvalues>\n"
    }
    out += "    <nodes>\n"
    for (n, node) in graph.nodes.enumerated() {
      out += "      <node id=\"\(XMLEscaping.attribute(graph.nodeIDs[n]))\""
      out += " label=\"\(XMLEscaping.attribute(graph.nodeNames[n]))\">\n"
      values("n", graph.nodeAttributes, node.values)
      out += "      </node>\n"
    }
    out += "    </nodes>\n    <edges>\n"
    for (e, edge) in graph.edges.enumerated() {
      out +=
        "      <edge id=\"e\(e)\" source=\"\(XMLEscaping.attribute(graph.nodeIDs[edge.from]))\""
      out += " target=\"\(XMLEscaping.attribute(graph.nodeIDs[edge.to]))\""
      if edgeMode == .perAction, let day = edge.days.first {
        out += " start=\"\(day)\" end=\"\(day)\""
      }
      out += " weight=\"\(edge.weight)\">\n"
      values("e", graph.edgeAttributes, edge.values)
      if edgeMode == .aggregated && !edge.days.isEmpty {
        out += "        <spells>\n"
        for day in edge.days { out += "          <spell start=\"\(day)\" end=\"\(day)\"/>\n" }
        out += "        </spells>\n"
      }
      out += "      </edge>\n"
    }
    out += "    </edges>\n  </graph>\n</gexf>\n"
    return out
  }

  private static func typeName(_ type: GraphAttributeType) -> String {
    switch type {
    case .string, .list: "string"
    case .int: "integer"
    case .long: "long"
    case .boolean: "boolean"
    }
  }
}
