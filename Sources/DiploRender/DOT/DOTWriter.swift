import DiploGraph

/// Writes a ``Network`` as DOT text, styled from the data.
///
/// - Nodes: the actors that take part in the network's selection (actors without a selected
///   action are left out), in node order; shape by actor kind, fill by colouring bloc, size by
///   strength s = out + in weight (width = w_min + (w_max − w_min)·√(s / s_max), so the area
///   grows with s), label by ``Style/nodeLabel``, tooltip with the name, id, blocs and strengths.
/// - Edges: one per aggregated link (the network's summed w_ij) or one per action
///   (``Style/edgeMode``); pen width by weight (``PenWidthScale``), line style and colour by the
///   kind that weighs most on the edge, the count as label (by the far end, on a star's
///   edges to and from its centre), tooltip with the kind breakdown and the sources.
///   Self-loops are drawn.
/// - Optionally one cluster per colouring bloc, a title and a legend (the graph's label).
/// - A star's centre (``DOTDocument/centre``) as the graph's `root`, for twopi and circo.
/// - CSS classes for the embeddable SVG: `actor actor-<kind> bloc-<id>…` on nodes,
///   `action kind-<kind>…` on edges, `bloc bloc-<id>` on clusters, ids made into tokens by
///   keeping ASCII letters, digits and `_` and writing any other character as `-HEX-`.
///
/// Deterministic: the same network and style give the same bytes (fixed orders, numbers
/// written with two decimals without locale).
///
/// - Complexity: O(n + L log L + K) for n selected actions, L edges and K actors.
public struct DOTWriter: Sendable {
  public var style: Style

  public init(style: Style = .standard) { self.style = style }

  /// The DOT document for `network`.
  ///
  /// - Throws: ``DiploRenderError`` with code `style` when the style is invalid;
  ///   ``DiploGraphError`` with code `overflow` when the counts of a self-loop, or of every
  ///   drawn edge, do not add up in 64 bits.
  public func document(for network: Network) throws -> DOTDocument {
    try style.validate()
    let model = try DiagramModel(network: network, style: style)
    let dataSet = network.dataSet
    let title = style.title ?? dataSet.title
    var out = ""
    out.reserveCapacity(256 + 400 * (model.nodes.count + model.edges.count))

    let graphName = title.isEmpty ? "diplograph" : title
    out += "digraph \"\(DOTEscaping.quotedID(graphName))\" {\n"
    out += "  graph \(graphAttributes(model, title: title).dot);\n"
    out += "  node \(nodeDefaults().dot);\n"
    out += "  edge \(edgeDefaults().dot);\n"

    // Nodes, inside their bloc's cluster when clusters are on.
    var clustered = Set<Int>()
    if style.clusters {
      for (position, entry) in model.blocsPresent.enumerated() {
        let members = model.nodes.filter { model.colourOf[$0] == entry.index }
        guard !members.isEmpty else { continue }
        var attributes = DOTAttributes()
        let colour = style.palette[entry.index % style.palette.count]
        let name = [entry.bloc.name, entry.bloc.id.rawValue].first {
          !DOTEscaping.visibleLines($0).isEmpty
        }
        if let name { attributes.set(.label, .text(name)) }
        attributes.set(.fontsize, .number(style.fontSize))
        attributes.set(.style, .keyword("rounded,dashed"))
        attributes.set(.color, .color(colour))
        attributes.set(.penwidth, .number(1.5))
        attributes.set(
          .class, .keyword("bloc bloc-" + DOTEscaping.classToken(entry.bloc.id.rawValue)))
        out += "  subgraph \"cluster_\(position)\" {\n"
        out += "    graph \(attributes.dot);\n"
        for n in members {
          out += "    " + nodeStatement(n, model) + "\n"
          clustered.insert(n)
        }
        out += "  }\n"
      }
    }
    for n in model.nodes where !clustered.contains(n) {
      out += "  " + nodeStatement(n, model) + "\n"
    }
    for (e, edge) in model.edges.enumerated() {
      out += "  " + edgeStatement(edge, minimumLength: model.minimumLength[e], model) + "\n"
    }
    out += "}\n"
    return DOTDocument(
      text: out, nodeCount: model.nodes.count, edgeCount: model.edges.count, title: title,
      summary: try summary(model, title: title),
      centre: model.centre.map { network.actors[$0].id })
  }

  // MARK: Graph

  private func graphAttributes(_ model: DiagramModel, title: String) -> DOTAttributes {
    var a = DOTAttributes()
    a.set(.charset, .keyword("UTF-8"))
    a.set(.fontname, .keyword(style.font.rawValue))
    let legend = legendLabel(model, title: title)
    let plainTitle = legend == nil && !DOTEscaping.visibleLines(title).isEmpty
    // The graph's font size is its label's: the plain title's, or the legend's base size.
    a.set(.fontsize, .number(plainTitle ? style.fontSize * 1.5 : style.fontSize))
    a.set(.outputorder, .keyword("edgesfirst"))
    // Ignored by dot; keeps the force-directed engines from stacking nodes and labels.
    a.set(.overlap, .keyword("false"))
    a.set(.sep, .keyword("+10"))
    // Spline routing around nodes costs too much on large graphs: straight lines beyond 300
    // edges.
    a.set(.splines, .keyword(model.edges.count <= 300 ? "true" : "line"))
    a.set(.pad, .number(0.25))
    a.set(.nodesep, .number(0.3))
    a.set(.ranksep, .number(0.9))
    // twopi puts this node at the centre (circo finds it alone); the others ignore it.
    if let centre = model.centre { a.set(.root, .nodeID(model.network.actors[centre].id.rawValue)) }
    if let legend {
      a.set(.label, .html(legend))
      a.set(.labelloc, .keyword("t"))
    } else if plainTitle {
      a.set(.label, .text(title))
      a.set(.labelloc, .keyword("t"))
    }
    return a
  }

  private func nodeDefaults() -> DOTAttributes {
    var a = DOTAttributes()
    a.set(.fontname, .keyword(style.font.rawValue))
    a.set(.fontsize, .number(style.fontSize))
    a.set(.penwidth, .number(1))
    a.set(.color, .color(RGBColor(red: 0x33, green: 0x33, blue: 0x33)))
    a.set(.margin, .keyword("0.06,0.03"))
    return a
  }

  private func edgeDefaults() -> DOTAttributes {
    var a = DOTAttributes()
    a.set(.fontname, .keyword(style.font.rawValue))
    a.set(.fontsize, .number(style.fontSize * 0.8))
    a.set(.arrowsize, .number(0.7))
    return a
  }

  // MARK: Nodes

  private func nodeStatement(_ n: Int, _ model: DiagramModel) -> String {
    let actor = model.network.actors[n]
    let strength = model.strength(n)
    let maximum = model.maximumStrength
    let fraction = maximum > 0 ? (Double(strength) / Double(maximum)).squareRoot() : 0
    let width =
      style.nodeWidth.lowerBound
      + (style.nodeWidth.upperBound - style.nodeWidth.lowerBound) * fraction
    let fill = model.fill(of: n)
    let shape = style.shape(of: actor.kind)

    var a = DOTAttributes()
    let fontSize = ((style.fontSize * (1 + 0.5 * fraction)) * 2).rounded() / 2
    a.set(.label, nodeLabel(actor, pointSize: fontSize))
    a.set(.fontsize, .number(fontSize))
    a.set(.shape, .keyword(shape.rawValue))
    a.set(.style, .keyword(shape == .box ? "filled,rounded" : "filled"))
    a.set(.fillcolor, .color(fill))
    a.set(.fontcolor, .color(fill.readableTextColor))
    a.set(.width, .number(width))
    a.set(.height, .number(width * 0.6))
    a.set(.tooltip, .tooltip(nodeTooltip(n, model)))
    var classes = "actor actor-" + DOTEscaping.classToken(actor.kind.rawValue)
    for bloc in model.blocsOf[n] { classes += " bloc-" + DOTEscaping.classToken(bloc.id.rawValue) }
    a.set(.class, .keyword(classes))
    return "\"\(DOTEscaping.quotedID(actor.id.rawValue))\" \(a.dot);"
  }

  /// The node's label: plain text (Graphviz 2.43 leaks memory on every HTML-like label it
  /// parses, so nodes, the bulk of a diagram, use plain labels), HTML only for name and id in
  /// two sizes.
  private func nodeLabel(_ actor: Actor, pointSize size: Double) -> DOTValue {
    let id = actor.id.rawValue
    func visible(_ candidates: String...) -> String {
      candidates.first { !DOTEscaping.visibleLines($0).isEmpty } ?? "\u{A0}"
    }
    switch style.nodeLabel {
    case .id:
      return .text(visible(id, actor.name))
    case .name:
      return .text(visible(actor.name, id))
    case .nameAndID:
      let name = HTMLLabel.text(actor.name)
      let small = HTMLLabel.text(id)
      guard actor.name != id, !name.isEmpty, !small.isEmpty else {
        return .text(visible(actor.name, id))
      }
      return .html(name + .lineBreak + .font(small, pointSize: (size * 0.7).rounded()))
    }
  }

  // MARK: Edges

  private func edgeStatement(
    _ edge: DiagramModel.Edge, minimumLength: Int, _ model: DiagramModel
  ) -> String {
    let actors = model.network.actors
    let lead = edge.kinds.first?.kind ?? ActionKind("")
    let look = style.look(of: lead)
    var a = DOTAttributes()
    if style.edgeLabels && edge.hasCount {
      let count = DOTValue.text(String(edge.weight))
      // Around a star's centre the middle of every edge is crowded: the count goes by the other
      // end, the centre's own edges on one side of the line and the answers on the other.
      if let centre = model.centre, edge.from != edge.to, edge.from == centre || edge.to == centre {
        a.set(edge.from == centre ? .headlabel : .taillabel, count)
        a.set(.labelangle, .number(edge.from == centre ? -30 : 30))
        a.set(.labeldistance, .number(1.6))
      } else {
        a.set(.label, count)
      }
    }
    a.set(
      .penwidth,
      .number(
        style.penWidthScale.width(
          for: edge.weight, maximum: model.maximumWeight, range: style.penWidth)))
    a.set(.color, .color(look.color))
    a.set(.fontcolor, .color(look.color))
    a.set(.style, .keyword(look.line.rawValue))
    a.set(.tooltip, .tooltip(edgeTooltip(edge, model)))
    if minimumLength > 1 { a.set(.minlen, .number(Double(minimumLength))) }
    var classes = "action"
    for total in edge.kinds { classes += " kind-" + DOTEscaping.classToken(total.kind.rawValue) }
    if edge.from == edge.to { classes += " self-loop" }
    a.set(.class, .keyword(classes))
    let from = DOTEscaping.quotedID(actors[edge.from].id.rawValue)
    let to = DOTEscaping.quotedID(actors[edge.to].id.rawValue)
    return "\"\(from)\" -> \"\(to)\" \(a.dot);"
  }

  // MARK: Description

  private func summary(_ model: DiagramModel, title: String) throws -> String {
    let total = try model.edges.reduce(Int64(0)) {
      try DiagramModel.sum($0, $1.weight, "the summed count of every drawn action")
    }
    let actions = model.edges.reduce(0) { $0 + $1.rows.count }
    var s = title.isEmpty ? "Network diagram: " : "\(title): "
    s += plural(model.nodes.count, "actor") + ", "
    s += plural(actions, "action")
    s += style.edgeMode == .aggregated ? " between \(plural(model.edges.count, "pair"))" : ""
    s += ", \(total) diplomats in all."
    if let top = model.nodes.max(by: { model.strength($0) < model.strength($1) }),
      model.strength(top) > 0
    {
      let actor = model.network.actors[top]
      s += " Most involved: \(actor.name) (\(model.outStrength[top]) expelled,"
      s += " \(model.inStrength[top]) lost)."
    }
    return s
  }
}

/// `1 actor`, `2 actors`.
func plural(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
