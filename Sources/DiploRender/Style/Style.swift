import DiploGraph

/// How a diagram looks: a plain value the DOT writer reads, changed from code or read from a
/// style file (``StyleFile``: JSON, every key optional, falling back to ``Style/standard``).
///
/// The defaults: nodes filled by bloc with the Okabe–Ito palette (distinguishable with every
/// common colour-vision deficiency), states as ellipses and organisations as boxes, node size
/// by strength, pen width by count on a log scale, line style and colour by action kind, the
/// count as the edge label, aggregated edges, a legend and a title, no clusters.
///
/// Reference: M. Okabe and K. Ito, *Color Universal Design (CUD): how to make figures and
/// presentations that are friendly to colorblind people* (2002), https://jfly.uni-koeln.de/color/.
public struct Style: Hashable, Sendable {
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
  /// Look of kinds missing from `actionLooks` beyond the `eventLooks` (see ``KindLooks``).
  public var otherActionLook: EdgeLook
  /// Distinct looks handed, heaviest first, to the kinds missing from `actionLooks` (event
  /// data's CAMEO or PLOVER codes): up to eight kinds drawn apart, the rest as "other".
  public var eventLooks: [EdgeLook]
  /// Display names of kinds for the legend and the tooltips (an event-data reader's CAMEO or
  /// PLOVER names plug in here); a kind without one is named by ``EventKindNames``.
  public var kindNames: [ActionKind: String]
  public var edgeMode: EdgeMode
  /// Whether each colouring bloc becomes a Graphviz cluster (drawn by dot and fdp only; an
  /// actor is placed in the cluster of its colouring bloc).
  public var clusters: Bool
  /// Rows over which dot spreads the actors that deal with one hub only (the 27 states that
  /// dealt only with Russia in 2018), so a star does not become one very wide row. 1 turns it
  /// off; other engines ignore it.
  public var leafRows: Int
  public var legend: Bool
  /// The most actors drawn: beyond, the strongest are drawn and the others merged into one
  /// node per bloc (``DiagramReduction``); `nil` draws every actor.
  public var maximumActors: Int?
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
    // A declined answer: no one expelled, drawn faint so it does not read as a measure.
    .declined: EdgeLook(color: RGBColor(red: 0x99, green: 0x99, blue: 0x99), line: .dotted),
  ]

  /// Eight looks for kinds without a style of their own: the Okabe–Ito colours (and black),
  /// each with its own line style in turn, so that two kinds differ in colour and, for
  /// neighbours in the list, in line as well.
  public static let standardEventLooks: [EdgeLook] = [
    EdgeLook(color: RGBColor(red: 0x00, green: 0x72, blue: 0xB2), line: .solid),
    EdgeLook(color: RGBColor(red: 0xD5, green: 0x5E, blue: 0x00), line: .dashed),
    EdgeLook(color: RGBColor(red: 0x00, green: 0x9E, blue: 0x73), line: .dotted),
    EdgeLook(color: RGBColor(red: 0xCC, green: 0x79, blue: 0xA7), line: .bold),
    EdgeLook(color: RGBColor(red: 0xE6, green: 0x9F, blue: 0x00), line: .dashed),
    EdgeLook(color: RGBColor(red: 0x56, green: 0xB4, blue: 0xE9), line: .solid),
    EdgeLook(color: .black, line: .dotted),
    EdgeLook(color: RGBColor(red: 0x88, green: 0x22, blue: 0x55), line: .dashed),
  ]

  /// The default ``maximumActors``: about as many labelled nodes as a page (and a phone, by
  /// zooming) shows legibly.
  public static let readableActors = 40

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
    eventLooks: [EdgeLook] = Style.standardEventLooks,
    kindNames: [ActionKind: String] = [:],
    edgeMode: EdgeMode = .aggregated,
    clusters: Bool = false,
    leafRows: Int = 3,
    legend: Bool = true,
    maximumActors: Int? = Style.readableActors,
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
    self.eventLooks = eventLooks
    self.kindNames = kindNames
    self.edgeMode = edgeMode
    self.clusters = clusters
    self.leafRows = leafRows
    self.legend = legend
    self.maximumActors = maximumActors
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
    if let problem = firstProblem() { throw DiploRenderError(.style, problem.message) }
  }

  /// The first field that breaks a rule of ``validate()``, and why; `nil` when none does. A
  /// style file's reader places the message at that field.
  func firstProblem() -> (key: String, message: String)? {
    func outside(_ range: ClosedRange<Double>, _ limit: ClosedRange<Double>) -> Bool {
      !(range.lowerBound.isFinite && range.upperBound.isFinite
        && limit.contains(range.lowerBound) && limit.contains(range.upperBound))
    }
    if palette.isEmpty { return ("palette", "the palette is empty") }
    if outside(nodeWidth, 0.05...10) {
      return ("nodeWidth", "nodeWidth (inches) must lie within 0.05…10.0")
    }
    if outside(penWidth, 0.1...50) {
      return ("penWidth", "penWidth (points) must lie within 0.1…50.0")
    }
    if !(1...10).contains(leafRows) { return ("leafRows", "leafRows must lie within 1…10") }
    if let maximumActors, !(1...100_000).contains(maximumActors) {
      return ("maximumActors", "maximumActors must lie within 1…100000")
    }
    if !(fontSize.isFinite && (4...72).contains(fontSize)) {
      return ("fontSize", "fontSize must lie within 4…72 points")
    }
    return nil
  }
}
