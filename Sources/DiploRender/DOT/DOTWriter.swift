import DiploGraph

/// Writes a ``Network`` as DOT text, styled from the data.
///
/// - Nodes: the actors that take part in the network's selection (actors without a selected
///   action are left out), in node order; shape by actor kind, fill by colouring bloc, size by
///   strength s = out + in weight (width = w_min + (w_max − w_min)·√(s / s_max), so the area
///   grows with s), label by ``Style/nodeLabel``, tooltip with the name, id, blocs and strengths.
/// - Edges: one per ordered pair and action kind (kinds are never merged: Canada's 4
///   expulsions and 3 refused accreditations are two edges, labelled 4 and 3), or one per
///   action (``Style/edgeMode``); pen width by the edge's weight (``PenWidthScale``; diplomats,
///   or events when no action has a count, see ``DiagramWeighting``), line style and colour by
///   its kind (``KindLooks``), the weight as label, tooltip with the kind and the sources.
///   Self-loops are drawn.
/// - Optionally the bloc boxes (``BlocBoxes``), a title and a legend of exactly what is drawn
///   (the graph's label).
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
    try document(for: network, pinned: nil)
  }

  /// The DOT document for `network` with every actor of `pinned` drawn at its position
  /// (`pos="x,y!"`, for neato to keep), whether or not it acts in `network`'s selection: a
  /// frame of ``DiagramFrames``. No reduction: `network` is the reduced episode's.
  ///
  /// - Throws: as ``document(for:)``.
  public func document(for network: Network, pinned: PinnedLayout?) throws -> DOTDocument {
    try style.validate()
    let reduction = try DiagramReduction(
      network, style: style, maximumActors: pinned == nil ? (style.maximumActors ?? 0) : 0)
    let network = reduction.network
    let pinnedNodes = Set((pinned?.positions.keys).map { $0.compactMap(network.node(of:)) } ?? [])
    let model = try DiagramModel(network: network, style: style, alsoDrawing: pinnedNodes)
    let pinned = pinned ?? PinnedLayout(positions: [:])
    let dataSet = network.dataSet
    let title = style.title ?? dataSet.title
    var out = ""
    out.reserveCapacity(256 + 400 * (model.nodes.count + model.edges.count))

    let graphName = title.isEmpty ? "diplograph" : title
    out += "digraph \"\(DOTEscaping.quotedID(graphName))\" {\n"
    var graph = graphAttributes(model, title: title)
    if !pinned.positions.isEmpty {
      // Every node pinned: nothing to remove overlaps from, and no root to centre.
      graph.set(.overlap, .keyword("true"))
      // Routing around every pinned node (`splines=true`) costs about 0.8 s a frame of 31
      // actors (Graphviz's visibility graph); curves cost nothing, and the two lines of a
      // reciprocated pair bend apart.
      graph.set(.splines, .keyword("curved"))
    }
    out += "  graph \(graph.dot);\n"
    out += "  node \(nodeDefaults().dot);\n"
    out += "  edge \(edgeDefaults().dot);\n"

    // Nodes, inside their blocs' boxes when clusters are on (``BlocBoxes``).
    if style.clusters {
      clusterStatements(model, pinned: pinned, into: &out)
    } else {
      for n in model.nodes { out += "  " + nodeStatement(n, model, pinned: pinned) + "\n" }
    }
    for (e, edge) in model.edges.enumerated() {
      out += "  " + edgeStatement(edge, minimumLength: model.minimumLength[e], model) + "\n"
    }
    out += "}\n"
    return DOTDocument(
      text: out, nodeCount: model.nodes.count, edgeCount: model.edges.count, title: title,
      summary: try summary(model, title: title) + (reduction.caption.map { " " + $0 } ?? ""),
      centre: model.centre.map { network.actors[$0].id }, caption: reduction.caption,
      legend: legendContent(model))
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

  func nodeStatement(_ n: Int, _ model: DiagramModel, pinned: PinnedLayout) -> String {
    let actor = model.actors[n]
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
    if let p = pinned.positions[actor.id], p.width > 0, p.height > 0 {
      a.set(.width, .number(p.width / 72))
      a.set(.height, .number(p.height / 72))
      a.set(.fixedsize, .keyword("true"))
    }
    if let p = pinned.positions[actor.id] {
      a.set(.pos, .keyword(DOTEscaping.number(p.x / 72) + "," + DOTEscaping.number(p.y / 72) + "!"))
    }
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
    let kind = edge.kinds.first?.kind ?? ActionKind("")
    let look = model.looks.look(of: kind)
    var a = DOTAttributes()
    // The edge's own count (of its one kind), or its number of events in event data; always
    // the edge's `label`, which dot lays out as a node of its own, apart from the others.
    if style.edgeLabels && (edge.hasCount || model.weighting == .events) {
      a.set(.label, .text(String(edge.weight)))
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
    var classes = "action kind-" + DOTEscaping.classToken(kind.rawValue)
    if model.looks.others.contains(kind) { classes += " kind-other" }
    if edge.from == edge.to { classes += " self-loop" }
    a.set(.class, .keyword(classes))
    let from = DOTEscaping.quotedID(actors[edge.from].id.rawValue)
    let to = DOTEscaping.quotedID(actors[edge.to].id.rawValue)
    return "\"\(from)\" -> \"\(to)\" \(a.dot);"
  }

  // MARK: Description

  /// `Title: 5 actors, 7 actions between 4 pairs; expulsion 35 diplomats, staff cut 755.
  /// Most involved: …` (each kind's total apart: counts of two kinds are never added).
  private func summary(_ model: DiagramModel, title: String) throws -> String {
    var totals: [ActionKind: (weight: Int64, counted: Int)] = [:]
    var pairs = Set<[Int]>()
    for edge in model.edges {
      pairs.insert([edge.from, edge.to])
      for total in edge.kinds {
        let old = totals[total.kind] ?? (0, 0)
        totals[total.kind] = (
          try DiagramModel.sum(old.weight, total.weight, "the summed count of every drawn action"),
          old.counted + total.counted
        )
      }
    }
    let actions = model.edges.reduce(0) { $0 + $1.rows.count }
    var s = title.isEmpty ? "Network diagram: " : "\(title): "
    s += plural(model.nodes.count, "actor") + ", "
    s += plural(actions, "action")
    s += style.edgeMode == .aggregated ? " between \(plural(pairs.count, "pair"))" : ""
    let kinds = totals.keys.sorted(by: DiagramModel.kindPrecedes).map { kind -> String in
      let name = EventKindNames.name(of: kind, style: style)
      let total = totals[kind]!
      return total.counted > 0 ? "\(name) \(plural(Int(total.weight), "diplomat"))" : name
    }
    s += kinds.isEmpty ? "." : "; " + kinds.joined(separator: ", ") + "."
    if let top = model.nodes.max(by: { model.strength($0) < model.strength($1) }),
      model.strength(top) > 0
    {
      let actor = model.actors[top]
      let unit = model.weighting == .events ? "events" : ""
      s +=
        " Most involved: \(actor.name) (\(model.outStrength[top]) \(unit.isEmpty ? "expelled" : "sent"),"
      s += " \(model.inStrength[top]) \(unit.isEmpty ? "lost" : "received"))."
    }
    return s
  }
}

/// `1 actor`, `2 actors`.
func plural(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
