import DiploGraph

extension DOTWriter {
  /// Sources named in a tooltip before "and N more".
  static let tooltipSourceLimit = 8

  // MARK: Title and legend

  /// The legend of exactly what `model` draws: the blocs that fill a node (and, with clusters,
  /// those boxed: a bloc can be boxed without filling any node, NATO when the EU is listed
  /// first), "in no bloc" when an actor is in none, the kinds with their looks (one "other
  /// kinds" entry beyond the distinct looks), and the notes.
  func legendContent(_ model: DiagramModel) -> DiagramLegendContent {
    var legend = DiagramLegendContent()
    guard !model.nodes.isEmpty else { return legend }
    let filling = Set(model.blocsPresent.map(\.index))
    var drawnBlocs = filling
    if style.clusters { drawnBlocs.formUnion(BlocBoxes(model).boxedBlocs) }
    for index in drawnBlocs.sorted() {
      let bloc = model.colourBlocs[index]
      let name = DOTEscaping.visibleLines(bloc.name).isEmpty ? bloc.id.rawValue : bloc.name
      legend.blocs.append(
        .init(
          colour: style.palette[index % style.palette.count], name: name,
          boxOnly: !filling.contains(index)))
    }
    if model.nodes.contains(where: { model.colourOf[$0] == nil }) && !legend.blocs.isEmpty {
      legend.blocs.append(.init(colour: style.unaffiliatedFill, name: "in no bloc"))
    }
    for kind in model.looks.distinct {
      legend.kinds.append(
        .init(look: model.looks.look(of: kind), name: EventKindNames.name(of: kind, style: style)))
    }
    if !model.looks.others.isEmpty {
      legend.kinds.append(
        .init(look: style.otherActionLook, name: plural(model.looks.others.count, "other kind")))
    }
    legend.notes = legendNotes(model)
    legend.countsEvents = model.weighting == .events
    return legend
  }

  /// The graph label when the legend is drawn: the title, then a grid of the bloc swatches and
  /// the action kinds with their line (``legendContent(_:)``), and one line on what sizes and
  /// widths mean; `nil` without a legend (the title is then a plain label: Graphviz 2.43 leaks
  /// memory on every HTML-like label it parses).
  func legendLabel(_ model: DiagramModel, title: String) -> HTMLLabel? {
    guard style.legend && !model.nodes.isEmpty else { return nil }
    let legend = legendContent(model)
    var rows: [[HTMLLabel.Cell]] = []
    let heading = HTMLLabel.text(title)
    if !heading.isEmpty {
      rows.append([.init(content: .font(.bold(heading), pointSize: style.fontSize * 1.5))])
    }
    // One grid for the bloc swatches and the action kinds, four entries a row, so that the
    // columns line up and a short last row is not stretched across the title's width
    // (Graphviz widens every column of a nested table evenly to fill its cell).
    let small = style.fontSize * 0.85
    let blocCells = legend.blocs.map {
      swatch($0.colour, name: .firstVisible($0.name), pointSize: small, outline: $0.boxOnly)
    }
    let kindCells = legend.kinds.map { entry -> [HTMLLabel.Cell] in
      [
        // Right-aligned, so the line sample sits next to its name.
        .init(
          content: .font(.bold(.text(sample(entry.look.line))), color: entry.look.color),
          alignRight: true),
        .init(content: .font(.firstVisible(entry.name) + .gap, pointSize: small), alignLeft: true),
      ]
    }
    let grid = chunks(blocCells, of: 4) + chunks(kindCells, of: 4)
    if !grid.isEmpty { rows.append([.init(content: .table(grid))]) }
    rows.append([
      .init(
        content: .font(
          .text(legend.notes.joined(separator: " · ")),
          color: RGBColor(red: 0x44, green: 0x44, blue: 0x44),
          pointSize: small))
    ])
    return .table(rows, cellSpacing: 1)
  }

  /// The notes under the legend's grid: the shapes drawn when there are two or more (each with
  /// the actor kinds it stands for), what node size and line width measure, the boxes and the edge mode, only for what
  /// the diagram draws.
  func legendNotes(_ model: DiagramModel) -> [String] {
    var notes: [String] = []
    var kindsOfShape: [NodeShape: [ActorKind]] = [:]
    var shapes: [NodeShape] = []
    for kind in ActorKind.allCases
    where model.nodes.contains(where: { model.actors[$0].kind == kind }) {
      let shape = style.shape(of: kind)
      if kindsOfShape[shape] == nil { shapes.append(shape) }
      kindsOfShape[shape, default: []].append(kind)
    }
    // One shape tells nothing apart: named only when two or more are drawn.
    if shapes.count > 1 {
      notes.append(
        shapes.map { shape in
          "\(shape.rawValue): " + kindsOfShape[shape]!.map(\.rawValue).joined(separator: " or ")
        }.joined(separator: ", "))
    }
    let unit = model.weighting.unit
    if model.maximumStrength > 0 {
      notes.append(
        model.weighting == .events
          ? "node size: events sent + received" : "node size: diplomats expelled + lost")
    }
    if !model.edges.isEmpty {
      var line = "line width"
      if style.edgeLabels
        && model.edges.contains(where: { $0.hasCount || model.weighting == .events })
      {
        line += " and number"
      }
      line += ": \(unit) of one kind" + (style.penWidthScale == .log ? " (log scale)" : "")
      notes.append(line)
    }
    if style.clusters && !BlocBoxes(model).boxes.isEmpty { notes.append("dashed box: bloc") }
    if style.edgeMode == .perAction { notes.append("one line per action") }
    return notes
  }

  /// A filled square, or with `outline` a box of the bloc's colour (a bloc only boxed).
  private func swatch(_ colour: RGBColor, name: HTMLLabel, pointSize: Double, outline: Bool)
    -> [HTMLLabel.Cell]
  {
    [
      outline
        ? .init(content: .empty, border: 2, borderColor: colour, square: 12)
        : .init(content: .empty, background: colour, border: 1, square: 12),
      .init(content: .font(name + .gap, pointSize: pointSize), alignLeft: true),
    ]
  }

  /// A few characters that look like the line style.
  private func sample(_ line: LineStyle) -> String {
    switch line {
    case .solid: return "———"
    case .dashed: return "– – –"
    case .dotted: return "· · · · ·"
    case .bold: return "▬▬▬"
    }
  }

  private func chunks<T>(_ items: [[T]], of size: Int) -> [[T]] {
    stride(from: 0, to: items.count, by: size).map {
      Array(items[$0..<min($0 + size, items.count)].joined())
    }
  }

  // MARK: Tooltips

  /// `United Kingdom (GBR), state · blocs: EU, NATO` / `expelled 23 diplomats of others,
  /// lost 73`.
  func nodeTooltip(_ n: Int, _ model: DiagramModel) -> String {
    let actor = model.actors[n]
    var s = actor.name == actor.id.rawValue ? actor.name : "\(actor.name) (\(actor.id.rawValue))"
    s += ", \(actor.kind.rawValue)"
    let blocs = model.blocsOf[n]
    if !blocs.isEmpty { s += "\nblocs: " + blocs.map(\.name).joined(separator: ", ") }
    if model.weighting == .events {
      s += "\nevents: \(model.outStrength[n]) sent, \(model.inStrength[n]) received"
    } else {
      s += "\nexpelled \(model.outStrength[n]) diplomats of others, lost \(model.inStrength[n])"
    }
    if let note = actor.note, !note.isEmpty { s += "\nnote: \(note)" }
    return s
  }

  /// `United Kingdom → Russia: 23 diplomats in 1 action` / `expulsion: 23` / `sources: …`.
  func edgeTooltip(_ edge: DiagramModel.Edge, _ model: DiagramModel) -> String {
    let actors = model.actors
    let table = model.network.dataSet.actions
    var s = "\(actors[edge.from].name) → \(actors[edge.to].name)"
    if edge.rows.count == 1, let row = edge.rows.first {
      s += ": \(EventKindNames.name(of: table.kind(row: row), style: style))"
      if let count = table.count(row: row) { s += ", \(plural(count, "diplomat"))" }
      if let date = table.date(row: row) { s += ", \(date)" }
    } else {
      // One kind per edge: its own total, never a sum over kinds.
      for total in edge.kinds {
        s += ": \(EventKindNames.name(of: total.kind, style: style)), "
        s += total.counted > 0 ? "\(plural(Int(total.weight), "diplomat")) in " : ""
        s += plural(total.actions, "action")
      }
    }
    if !edge.sources.isEmpty {
      let named = edge.sources.prefix(Self.tooltipSourceLimit).map(model.sourceName)
      s += "\nsources: " + named.joined(separator: "; ")
      if edge.sources.count > Self.tooltipSourceLimit {
        s += "; and \(edge.sources.count - Self.tooltipSourceLimit) more"
      }
    }
    if edge.rows.count == 1, let row = edge.rows.first, let note = table.notes[row], !note.isEmpty {
      s += "\nnote: \(note)"
    }
    return s
  }
}

extension String {
  /// `ambassador_recall` → `ambassador recall`.
  var replacingUnderscores: String {
    String(unicodeScalars.map { $0 == "_" ? " " : Character($0) })
  }
}
