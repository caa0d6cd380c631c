import DiploGraph

/// The colours of the report's charts: the diagram's, so that a bloc and a kind of action have
/// one colour throughout a report. A caller that draws its diagram with its own colours fills
/// this from them (the command line does, from the diagram's style); the standard palette is
/// the standard diagram's.
public struct ChartPalette: Hashable, Sendable {
  /// Fill colours of the colouring blocs, in order; reused in turn when there are more blocs.
  public var blocColours: [CSSColour]
  /// Which blocs take the colours, in this order; `nil`: every bloc, in the data set's order.
  public var colourBlocs: [BlocID]?
  /// The fill of what is in no colouring bloc (the bar of the actors in no bloc).
  public var unaffiliated: CSSColour
  /// The colours of the named kinds of action.
  public var kinds: [ActionKind: CSSColour]
  /// The colour of the other kinds.
  public var otherKinds: CSSColour

  public init(
    blocColours: [CSSColour] = ChartPalette.okabeIto, colourBlocs: [BlocID]? = nil,
    unaffiliated: CSSColour = CSSColour(trusted: "#E0E0E0"),
    kinds: [ActionKind: CSSColour] = ChartPalette.standardKinds,
    otherKinds: CSSColour = CSSColour(trusted: "#555555")
  ) {
    self.blocColours = blocColours.isEmpty ? Self.okabeIto : blocColours
    self.colourBlocs = colourBlocs
    self.unaffiliated = unaffiliated
    self.kinds = kinds
    self.otherKinds = otherKinds
  }

  /// The standard diagram's colours.
  public static let standard = ChartPalette()

  /// The Okabe–Ito palette without black: orange, sky blue, bluish green, yellow, blue,
  /// vermillion, reddish purple (M. Okabe and K. Ito, *Color Universal Design*, 2002).
  public static let okabeIto: [CSSColour] = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
  ].map { CSSColour(trusted: $0) }

  /// The standard colours of the named kinds.
  public static let standardKinds: [ActionKind: CSSColour] = [
    .expulsion: CSSColour(trusted: "#0072B2"), .retaliation: CSSColour(trusted: "#D55E00"),
    .ambassadorRecall: CSSColour(trusted: "#009E73"),
    .consulateClosure: CSSColour(trusted: "#CC79A7"),
    .accreditationDenial: CSSColour(trusted: "#E69F00"), .staffCut: .black,
  ]

  /// The colour of `kind`.
  func colour(of kind: ActionKind) -> CSSColour { kinds[kind] ?? otherKinds }

  /// The fill of each bloc: the colouring blocs that the data set declares or the reference
  /// data has (a reference bloc colours a diagram too), in order, each take the palette's next
  /// colour, as the DOT writer colours the nodes; the data set's other blocs, then the other
  /// `analysed` blocs (reference blocs compared without colouring the diagram), take the
  /// colours after them (no node of the diagram has those, so no colour means two things).
  func blocFills(in dataSet: DataSet, analysed: [BlocID] = []) -> [BlocID: CSSColour] {
    let order = (colourBlocs ?? []) + dataSet.blocs.map(\.id) + analysed
    let reference = ReferenceData.standard
    var colours: [BlocID: CSSColour] = [:]
    var index = 0
    for id in order
    where colours[id] == nil && (dataSet.bloc(id) != nil || reference.bloc(id) != nil) {
      colours[id] = blocColours[index % blocColours.count]
      index += 1
    }
    return colours
  }
}
