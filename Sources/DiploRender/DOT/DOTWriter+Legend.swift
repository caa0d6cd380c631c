import DiploGraph

extension DOTWriter {
  /// Sources named in a tooltip before "and N more".
  static let tooltipSourceLimit = 8

  // MARK: Title and legend

  /// The graph label when the legend is drawn: the title, then a grid of the bloc swatches and
  /// the action kinds with their line, and one line on what sizes and widths mean; `nil`
  /// without a legend (the title is then a plain label: Graphviz 2.43 leaks memory on every
  /// HTML-like label it parses).
  func legendLabel(_ model: DiagramModel, title: String) -> HTMLLabel? {
    guard style.legend && !model.nodes.isEmpty else { return nil }
    var rows: [[HTMLLabel.Cell]] = []
    let heading = HTMLLabel.text(title)
    if !heading.isEmpty {
      rows.append([.init(content: .font(.bold(heading), pointSize: style.fontSize * 1.5))])
    }
    do {
      // One grid for the bloc swatches and the action kinds, four entries a row, so that the
      // columns line up and a short last row is not stretched across the title's width
      // (Graphviz widens every column of a nested table evenly to fill its cell).
      let small = style.fontSize * 0.85
      var blocCells: [[HTMLLabel.Cell]] = []
      for entry in model.blocsPresent {
        let colour = style.palette[entry.index % style.palette.count]
        blocCells.append(
          swatch(
            colour, name: .firstVisible(entry.bloc.name, entry.bloc.id.rawValue), pointSize: small))
      }
      if model.nodes.contains(where: { model.colourOf[$0] == nil }) && !blocCells.isEmpty {
        blocCells.append(
          swatch(style.unaffiliatedFill, name: .text("in no bloc"), pointSize: small))
      }
      var kindCells: [[HTMLLabel.Cell]] = []
      for kind in model.kindsPresent {
        let look = style.look(of: kind)
        kindCells.append([
          // Right-aligned, so the line sample sits next to its name.
          .init(
            content: .font(.bold(.text(sample(look.line))), color: look.color), alignRight: true),
          .init(
            content: .font(
              .firstVisible(kind.rawValue.replacingUnderscores) + .gap, pointSize: small),
            alignLeft: true),
        ])
      }
      let grid = chunks(blocCells, of: 4) + chunks(kindCells, of: 4)
      if !grid.isEmpty { rows.append([.init(content: .table(grid))]) }

      var notes: [String] = []
      let kinds = Set(model.nodes.map { model.network.actors[$0].kind })
      if kinds.count > 1 && style.stateShape != style.organisationShape {
        notes.append(
          "\(style.stateShape.rawValue): state, \(style.organisationShape.rawValue): organisation")
      }
      notes.append("node size: diplomats expelled + lost")
      notes.append(
        "line width: diplomats" + (style.penWidthScale == .log ? " (log scale)" : ""))
      if style.edgeMode == .perAction { notes.append("one line per action") }
      rows.append([
        .init(
          content: .font(
            .text(notes.joined(separator: " · ")),
            color: RGBColor(red: 0x44, green: 0x44, blue: 0x44),
            pointSize: small))
      ])
    }
    return .table(rows, cellSpacing: 1)
  }

  private func swatch(_ colour: RGBColor, name: HTMLLabel, pointSize: Double) -> [HTMLLabel.Cell] {
    [
      .init(content: .empty, background: colour, border: 1, square: 12),
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
    let actor = model.network.actors[n]
    var s = actor.name == actor.id.rawValue ? actor.name : "\(actor.name) (\(actor.id.rawValue))"
    s += ", \(actor.kind.rawValue)"
    let blocs = model.blocsOf[n]
    if !blocs.isEmpty { s += "\nblocs: " + blocs.map(\.name).joined(separator: ", ") }
    s += "\nexpelled \(model.outStrength[n]) diplomats of others, lost \(model.inStrength[n])"
    if let note = actor.note, !note.isEmpty { s += "\nnote: \(note)" }
    return s
  }

  /// `United Kingdom → Russia: 23 diplomats in 1 action` / `expulsion: 23` / `sources: …`.
  func edgeTooltip(_ edge: DiagramModel.Edge, _ model: DiagramModel) -> String {
    let actors = model.network.actors
    let table = model.network.dataSet.actions
    var s = "\(actors[edge.from].name) → \(actors[edge.to].name)"
    if edge.rows.count == 1, let row = edge.rows.first {
      s += ": \(table.kind(row: row).rawValue.replacingUnderscores)"
      if let count = table.count(row: row) { s += ", \(plural(count, "diplomat"))" }
      if let date = table.date(row: row) { s += ", \(date)" }
    } else {
      s += ": " + (edge.hasCount ? "\(edge.weight) diplomats in " : "")
      s += plural(edge.rows.count, "action")
      for total in edge.kinds {
        s += "\n\(total.kind.rawValue.replacingUnderscores): "
        s += total.counted > 0 ? "\(total.weight)" : "no count"
        if total.actions > 1 { s += " (\(total.actions) actions)" }
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
