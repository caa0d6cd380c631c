import DiploGraph

/// A horizontal bar chart of bloc weights: one bar per bloc, its length the bloc's weight
/// W_B = Σ_{i∈B} s_i^out (the diplomats its members expelled, ``BlocWeight``), with the share
/// W_B / W and how many members acted; a last bar for the acting actors in no bloc (Russia in
/// 2018), when there are any.
///
/// Each bar's label stands above it, so the chart reads on a phone as well as on a page. Bars
/// take the colour their bloc has in the network diagram (the ``ChartPalette``, in the
/// order of its colouring blocs), with a dark outline so that light colours keep their edge.
///
/// Deterministic: the same analysis, data set and palette give the same bytes.
public struct BlocWeightChart: Sendable {
  /// One bar.
  public struct Bar: Hashable, Sendable {
    public var label: String
    /// The bar's length: W_B, or the weight of the actors in no bloc.
    public var weight: Int64
    /// weight / W; `nil` when W = 0.
    public var share: Double?
    /// A second line: how many members acted, the mean per active member.
    public var detail: String
    public var colour: CSSColour
  }

  /// The bars, in the analysis's order of blocs, then the actors in no bloc.
  public let bars: [Bar]
  /// Whether some actor is in two of the blocs (their shares then add up to more than 1).
  public let overlapping: Bool

  /// The chart of `analysis`, with bloc names from `dataSet` and colours from `palette`.
  public init(analysis: BlocAnalysis, dataSet: DataSet, palette: ChartPalette = .standard) {
    let colours = palette.blocFills(in: dataSet, analysed: analysis.blocs.map(\.id))
    let wording = Wording(readersOf: dataSet)
    var bars: [Bar] = []
    for bloc in analysis.blocs {
      var detail =
        "\(NumberText.grouped(bloc.activeMembers.count)) of "
        + NumberText.counted(bloc.members.count, "member") + " acted"
      if let mean = bloc.meanPerActiveMember {
        detail += " · \(NumberText.fixed(mean, decimals: 1)) per active member"
      }
      bars.append(
        Bar(
          label: bloc.name.isEmpty ? bloc.id.rawValue : bloc.name, weight: bloc.weight,
          share: bloc.share, detail: detail,
          colour: colours[bloc.id] ?? palette.unaffiliated))
    }
    let unassigned = analysis.partition.unassignedActors
    if !unassigned.isEmpty && !analysis.blocs.isEmpty {
      let names = wording.sortedNames(unassigned)
      bars.append(
        Bar(
          label: "In no bloc: " + Wording.list(names, limit: 3),
          weight: analysis.partition.unassignedWeight,
          share: analysis.totalWeight == 0
            ? nil : Double(analysis.partition.unassignedWeight) / Double(analysis.totalWeight),
          detail: NumberText.counted(unassigned.count, "actor") + " acted",
          colour: palette.unaffiliated))
    }
    self.bars = bars
    overlapping = analysis.partition.status == .overlapping
  }

  /// A sentence per bar, for screen readers and the `<desc>`.
  public var summary: String {
    if bars.isEmpty { return "No blocs." }
    return bars.map { bar in
      "\(bar.label): \(NumberText.grouped(bar.weight))"
        + (bar.share.map { " (\(NumberText.percent($0)))" } ?? "")
    }.joined(separator: "; ") + "."
  }

  /// The chart as SVG (see ``ChartOptions`` for the id prefix and fixed size).
  ///
  /// - Complexity: O(number of bars).
  public func svg(options: ChartOptions) -> String {
    let width = 420.0
    let rowHeight = 64.0
    let top = 8.0
    let barHeight = 18.0
    let valueSpace = 112.0
    var canvas = SVGCanvas(width: width, height: top + rowHeight * Double(max(1, bars.count)) + 4)
    let maximum = bars.map(\.weight).max() ?? 0
    let span = width - valueSpace
    if bars.isEmpty {
      canvas.text("No blocs to compare.", x: 0, y: 30, size: 14, colour: SVGCanvas.muted)
    }
    for (i, bar) in bars.enumerated() {
      let y = top + rowHeight * Double(i)
      canvas.text(bar.label, x: 0, y: y + 15, size: 15, bold: true)
      canvas.text(bar.detail, x: 0, y: y + 32, size: 13, colour: SVGCanvas.muted)
      let length = maximum > 0 ? span * Double(bar.weight) / Double(maximum) : 0
      let barY = y + 39
      var value = NumberText.grouped(bar.weight)
      if let share = bar.share { value += " · " + NumberText.percent(share) }
      canvas.rect(
        x: 0, y: barY, width: max(length, 1.5), height: barHeight, fill: bar.colour,
        stroke: SVGCanvas.outline, className: "bar", title: "\(bar.label): \(value)")
      canvas.text(value, x: max(length, 1.5) + 6, y: barY + 14, size: 15, bold: true)
    }
    return canvas.svg(
      options: options, title: "Diplomats expelled, by bloc",
      description: "Bar chart of the diplomats expelled by the members of each bloc. " + summary)
  }
}
