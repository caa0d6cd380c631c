import DiploGraph

/// How a diagram looks: a plain value the DOT writer reads, changed from code or read from
/// JSON (`Codable`; every field is optional in JSON and falls back to ``Style/standard``).
///
/// The defaults: nodes filled by bloc with the Okabe–Ito palette (distinguishable with every
/// common colour-vision deficiency), states as ellipses and organisations as boxes, node size
/// by strength, pen width by count on a log scale, line style and colour by action kind, the
/// count as the edge label, aggregated edges, a legend and a title, no clusters.
///
/// Reference: M. Okabe and K. Ito, *Color Universal Design (CUD): how to make figures and
/// presentations that are friendly to colorblind people* (2002), https://jfly.uni-koeln.de/color/.
public struct Style: Hashable, Sendable, Codable {
  /// Fill colours of the colouring blocs, in order; reused in turn when there are more blocs.
  public var palette: [RGBColor]
  /// Fill of actors in no colouring bloc.
  public var unaffiliatedFill: RGBColor
  /// Which blocs colour the nodes, first match wins (an actor in the EU and in NATO takes the
  /// colour of whichever is listed first). `nil`: every bloc, in the data set's order.
  public var colourBlocs: [BlocID]?
  public var stateShape: NodeShape
  public var organisationShape: NodeShape
  public var nodeLabel: NodeLabel
  /// Node width in inches for the weakest and the strongest actor; the width grows with the
  /// square root of strength s = out + in weight, so the area is proportional to it.
  public var nodeWidth: ClosedRange<Double>
  public var penWidthScale: PenWidthScale
  /// Pen widths in points for weight 0 and for the largest weight.
  public var penWidth: ClosedRange<Double>
  /// Looks of the named action kinds (and of any other kind a data set spells).
  public var actionLooks: [ActionKind: EdgeLook]
  /// Look of kinds missing from `actionLooks`.
  public var otherActionLook: EdgeLook
  public var edgeMode: EdgeMode
  /// Whether each colouring bloc becomes a Graphviz cluster (drawn by dot and fdp only; an
  /// actor is placed in the cluster of its colouring bloc).
  public var clusters: Bool
  /// Rows over which dot spreads the actors that deal with one hub only (the 27 states that
  /// dealt only with Russia in 2018), so a star does not become one very wide row. 1 turns it
  /// off; other engines ignore it.
  public var leafRows: Int
  public var legend: Bool
  /// Whether edges carry their count as a label.
  public var edgeLabels: Bool
  /// The title drawn above the diagram: `nil` uses the data set's title, `""` draws none.
  public var title: String?
  public var font: FontName
  /// Base font size in points (node labels; edge labels are 80%, the title 150%).
  public var fontSize: Double

  /// The Okabe–Ito palette without black: orange, sky blue, bluish green, yellow, blue,
  /// vermillion, reddish purple.
  public static let okabeIto: [RGBColor] = [
    RGBColor(red: 0xE6, green: 0x9F, blue: 0x00), RGBColor(red: 0x56, green: 0xB4, blue: 0xE9),
    RGBColor(red: 0x00, green: 0x9E, blue: 0x73), RGBColor(red: 0xF0, green: 0xE4, blue: 0x42),
    RGBColor(red: 0x00, green: 0x72, blue: 0xB2), RGBColor(red: 0xD5, green: 0x5E, blue: 0x00),
    RGBColor(red: 0xCC, green: 0x79, blue: 0xA7),
  ]

  /// The default looks of the named kinds (colours from Okabe–Ito, so edges stay apart from
  /// one another under colour-vision deficiencies; the line style tells them apart in print).
  public static let standardActionLooks: [ActionKind: EdgeLook] = [
    .expulsion: EdgeLook(color: RGBColor(red: 0x00, green: 0x72, blue: 0xB2), line: .solid),
    .retaliation: EdgeLook(color: RGBColor(red: 0xD5, green: 0x5E, blue: 0x00), line: .dashed),
    .ambassadorRecall: EdgeLook(color: RGBColor(red: 0x00, green: 0x9E, blue: 0x73), line: .dotted),
    .consulateClosure: EdgeLook(color: RGBColor(red: 0xCC, green: 0x79, blue: 0xA7), line: .bold),
    .accreditationDenial: EdgeLook(
      color: RGBColor(red: 0xE6, green: 0x9F, blue: 0x00), line: .dotted),
    .staffCut: EdgeLook(color: .black, line: .dashed),
  ]

  /// The default style.
  public static let standard = Style()

  public init(
    palette: [RGBColor] = Style.okabeIto,
    unaffiliatedFill: RGBColor = RGBColor(red: 0xE0, green: 0xE0, blue: 0xE0),
    colourBlocs: [BlocID]? = nil,
    stateShape: NodeShape = .ellipse,
    organisationShape: NodeShape = .box,
    nodeLabel: NodeLabel = .name,
    nodeWidth: ClosedRange<Double> = 0.6...1.6,
    penWidthScale: PenWidthScale = .log,
    penWidth: ClosedRange<Double> = 0.8...6,
    actionLooks: [ActionKind: EdgeLook] = Style.standardActionLooks,
    otherActionLook: EdgeLook = EdgeLook(
      color: RGBColor(red: 0x55, green: 0x55, blue: 0x55), line: .solid),
    edgeMode: EdgeMode = .aggregated,
    clusters: Bool = false,
    leafRows: Int = 3,
    legend: Bool = true,
    edgeLabels: Bool = true,
    title: String? = nil,
    font: FontName = .sansSerif,
    fontSize: Double = 12
  ) {
    self.palette = palette
    self.unaffiliatedFill = unaffiliatedFill
    self.colourBlocs = colourBlocs
    self.stateShape = stateShape
    self.organisationShape = organisationShape
    self.nodeLabel = nodeLabel
    self.nodeWidth = nodeWidth
    self.penWidthScale = penWidthScale
    self.penWidth = penWidth
    self.actionLooks = actionLooks
    self.otherActionLook = otherActionLook
    self.edgeMode = edgeMode
    self.clusters = clusters
    self.leafRows = leafRows
    self.legend = legend
    self.edgeLabels = edgeLabels
    self.title = title
    self.font = font
    self.fontSize = fontSize
  }

  /// The look of `kind`.
  public func look(of kind: ActionKind) -> EdgeLook { actionLooks[kind] ?? otherActionLook }

  /// The shape of an actor of `kind`.
  public func shape(of kind: ActorKind) -> NodeShape {
    kind == .organisation ? organisationShape : stateShape
  }

  /// Checks the numeric fields (positive, finite ranges; a non-empty palette).
  ///
  /// - Throws: ``DiploRenderError`` with code `style`.
  public func validate() throws {
    func check(_ range: ClosedRange<Double>, _ name: String, within limit: ClosedRange<Double>)
      throws
    {
      guard range.lowerBound.isFinite, range.upperBound.isFinite,
        limit.contains(range.lowerBound), limit.contains(range.upperBound)
      else {
        throw DiploRenderError(
          .style, "\(name) must lie within \(limit.lowerBound)…\(limit.upperBound)")
      }
    }
    guard !palette.isEmpty else { throw DiploRenderError(.style, "the palette is empty") }
    try check(nodeWidth, "nodeWidth (inches)", within: 0.05...10)
    try check(penWidth, "penWidth (points)", within: 0.1...50)
    guard (1...10).contains(leafRows) else {
      throw DiploRenderError(.style, "leafRows must lie within 1…10")
    }
    guard fontSize.isFinite, (4...72).contains(fontSize) else {
      throw DiploRenderError(.style, "fontSize must lie within 4…72 points")
    }
  }

  // MARK: Codable (every key optional; ranges as [low, high]; kinds as object keys)

  private enum CodingKeys: String, CodingKey {
    case palette, unaffiliatedFill, colourBlocs, stateShape, organisationShape, nodeLabel
    case nodeWidth, penWidthScale, penWidth, actionLooks, otherActionLook, edgeMode, clusters,
      leafRows
    case legend, edgeLabels, title, font, fontSize
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = Style()
    func range(_ key: CodingKeys, _ fallback: ClosedRange<Double>) throws -> ClosedRange<Double> {
      guard let pair = try c.decodeIfPresent([Double].self, forKey: key) else { return fallback }
      guard pair.count == 2, pair[0] <= pair[1] else {
        throw DecodingError.dataCorruptedError(
          forKey: key, in: c, debugDescription: "expected [low, high] with low ≤ high")
      }
      return pair[0]...pair[1]
    }
    palette = try c.decodeIfPresent([RGBColor].self, forKey: .palette) ?? d.palette
    unaffiliatedFill =
      try c.decodeIfPresent(RGBColor.self, forKey: .unaffiliatedFill) ?? d.unaffiliatedFill
    colourBlocs = try c.decodeIfPresent([String].self, forKey: .colourBlocs)?.map { BlocID($0) }
    stateShape = try c.decodeIfPresent(NodeShape.self, forKey: .stateShape) ?? d.stateShape
    organisationShape =
      try c.decodeIfPresent(NodeShape.self, forKey: .organisationShape) ?? d.organisationShape
    nodeLabel = try c.decodeIfPresent(NodeLabel.self, forKey: .nodeLabel) ?? d.nodeLabel
    nodeWidth = try range(.nodeWidth, d.nodeWidth)
    penWidthScale =
      try c.decodeIfPresent(PenWidthScale.self, forKey: .penWidthScale) ?? d.penWidthScale
    penWidth = try range(.penWidth, d.penWidth)
    if let looks = try c.decodeIfPresent([String: EdgeLook].self, forKey: .actionLooks) {
      // Kinds named in the file replace the defaults; the others keep theirs.
      var merged = d.actionLooks
      for (kind, look) in looks { merged[ActionKind(kind)] = look }
      actionLooks = merged
    } else {
      actionLooks = d.actionLooks
    }
    otherActionLook =
      try c.decodeIfPresent(EdgeLook.self, forKey: .otherActionLook) ?? d.otherActionLook
    edgeMode = try c.decodeIfPresent(EdgeMode.self, forKey: .edgeMode) ?? d.edgeMode
    clusters = try c.decodeIfPresent(Bool.self, forKey: .clusters) ?? d.clusters
    leafRows = try c.decodeIfPresent(Int.self, forKey: .leafRows) ?? d.leafRows
    legend = try c.decodeIfPresent(Bool.self, forKey: .legend) ?? d.legend
    edgeLabels = try c.decodeIfPresent(Bool.self, forKey: .edgeLabels) ?? d.edgeLabels
    title = try c.decodeIfPresent(String.self, forKey: .title)
    font = try c.decodeIfPresent(FontName.self, forKey: .font) ?? d.font
    fontSize = try c.decodeIfPresent(Double.self, forKey: .fontSize) ?? d.fontSize
    try validate()
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(palette, forKey: .palette)
    try c.encode(unaffiliatedFill, forKey: .unaffiliatedFill)
    try c.encodeIfPresent(colourBlocs?.map(\.rawValue), forKey: .colourBlocs)
    try c.encode(stateShape, forKey: .stateShape)
    try c.encode(organisationShape, forKey: .organisationShape)
    try c.encode(nodeLabel, forKey: .nodeLabel)
    try c.encode([nodeWidth.lowerBound, nodeWidth.upperBound], forKey: .nodeWidth)
    try c.encode(penWidthScale, forKey: .penWidthScale)
    try c.encode([penWidth.lowerBound, penWidth.upperBound], forKey: .penWidth)
    var looks: [String: EdgeLook] = [:]
    for (kind, look) in actionLooks { looks[kind.rawValue] = look }
    try c.encode(looks, forKey: .actionLooks)
    try c.encode(otherActionLook, forKey: .otherActionLook)
    try c.encode(edgeMode, forKey: .edgeMode)
    try c.encode(clusters, forKey: .clusters)
    try c.encode(leafRows, forKey: .leafRows)
    try c.encode(legend, forKey: .legend)
    try c.encode(edgeLabels, forKey: .edgeLabels)
    try c.encodeIfPresent(title, forKey: .title)
    try c.encode(font, forKey: .font)
    try c.encode(fontSize, forKey: .fontSize)
  }
}
