import DiploGraph

/// A timeline of a selection's actions: one column per day (or week, month or year, whichever
/// keeps the columns at ``maximumBins`` or fewer), time running left to right at a constant
/// scale so that the pauses between waves show, each column a stack of the diplomats concerned
/// by each kind of action, with its total above it; actions without a count (a recall, a
/// consulate closure) are drawn as dots above their column.
///
/// Columns and dots take the colours the network diagram gives the kinds (``ChartPalette/kinds``).
/// Self-loops are left out, as in every analysis; undated actions cannot be placed and are
/// counted in ``undatedActions``.
///
/// Deterministic: the same network and palette give the same bytes.
public struct TimelineChart: Sendable {
  /// The length of a column.
  public enum Period: String, Hashable, Sendable, CaseIterable {
    case day, week, month, year
  }

  /// The actions of one kind in one column.
  public struct KindTotal: Hashable, Sendable {
    public var kind: ActionKind
    /// Σ counts of its actions.
    public var diplomats: Int64
    public var actions: Int
    /// Those of its actions without a count.
    public var actionsWithoutCount: Int
  }

  /// One column: the days from `start` to `end`, inclusive.
  public struct Bin: Hashable, Sendable {
    public var start: Day
    public var end: Day
    /// The kinds present, in ``kinds`` order.
    public var kinds: [KindTotal]

    public var diplomats: Int64 { kinds.reduce(0) { $0 &+ $1.diplomats } }
    public var actions: Int { kinds.reduce(0) { $0 + $1.actions } }
    public var actionsWithoutCount: Int { kinds.reduce(0) { $0 + $1.actionsWithoutCount } }
  }

  /// The most columns the chart draws.
  public let maximumBins: Int
  public let period: Period
  /// Every column from the first dated action's to the last's, empty ones included.
  public let bins: [Bin]
  /// The kinds present among the dated actions: the named kinds in their order, then others
  /// alphabetically.
  public let kinds: [ActionKind]
  /// Selected actions (self-loops excluded) without a date.
  public let undatedActions: Int
  private let colours: [ActionKind: CSSColour]

  /// The timeline of `network`'s selection.
  ///
  /// - Parameter maximumBins: days are grouped into weeks (from Monday), months or years until
  ///   there are at most this many columns (years are never grouped further).
  /// - Complexity: O(n + B) for n selected actions and B columns.
  public init(network: Network, palette: ChartPalette = .standard, maximumBins: Int = 40) {
    let table = network.dataSet.actions
    var dated: [(day: Int32, kind: ActionKind, count: Int?)] = []
    var undated = 0
    for action in network.actions {
      guard let day = action.date else {
        undated += 1
        continue
      }
      dated.append((day.daysSinceEpoch, table.kind(row: action.row), action.count))
    }
    self.maximumBins = max(1, maximumBins)
    undatedActions = undated
    let present = Set(dated.map(\.kind))
    let known = ActionKind.known.filter { present.contains($0) }
    kinds = known + present.subtracting(known).sorted()
    var colours: [ActionKind: CSSColour] = [:]
    for kind in kinds { colours[kind] = palette.colour(of: kind) }
    self.colours = colours

    guard let first = dated.map(\.day).min(), let last = dated.map(\.day).max() else {
      period = .day
      bins = []
      return
    }
    let limit = max(1, maximumBins)
    let chosen =
      Period.allCases.first { Self.index(last, $0) - Self.index(first, $0) + 1 <= limit } ?? .year
    period = chosen
    let base = Self.index(first, chosen)
    let count = Self.index(last, chosen) - base + 1
    var totals = [[ActionKind: KindTotal]](repeating: [:], count: count)
    for action in dated {
      let b = Self.index(action.day, chosen) - base
      var total =
        totals[b][action.kind]
        ?? KindTotal(kind: action.kind, diplomats: 0, actions: 0, actionsWithoutCount: 0)
      total.actions += 1
      if let c = action.count {
        total.diplomats &+= Int64(c)
      } else {
        total.actionsWithoutCount += 1
      }
      totals[b][action.kind] = total
    }
    let kindOrder = kinds
    bins = (0..<count).map { b in
      let (start, end) = Self.days(ofBin: base + b, chosen)
      return Bin(start: start, end: end, kinds: kindOrder.compactMap { totals[b][$0] })
    }
  }

  // MARK: Periods

  /// The number of the period holding `day`: days since 1970, Monday-based weeks since then,
  /// months since year 0, years.
  static func index(_ day: Int32, _ period: Period) -> Int {
    let d = Int(day)
    switch period {
    case .day: return d
    case .week:
      // 1 January 1970 was a Thursday: Monday-based weeks start 3 days before.
      return (d + 3 - mod(d + 3, 7)) / 7
    case .month:
      let p = Day(daysSinceEpoch: day).parts
      return p.year * 12 + p.month - 1
    case .year: return Day(daysSinceEpoch: day).parts.year
    }
  }

  /// The first and last day of period number `index`.
  static func days(ofBin index: Int, _ period: Period) -> (Day, Day) {
    switch period {
    case .day:
      let d = Day(daysSinceEpoch: Int32(index))
      return (d, d)
    case .week:
      let start = Day(daysSinceEpoch: Int32(index * 7 - 3))
      return (start, start.adding(days: 6))
    case .month:
      let year = Int(floorDivision(index, 12))
      let month = mod(index, 12) + 1
      let start = Day(year: year, month: month, day: 1)!
      let next =
        month == 12
        ? Day(year: year + 1, month: 1, day: 1)! : Day(year: year, month: month + 1, day: 1)!
      return (start, next.adding(days: -1))
    case .year:
      return (Day(year: index, month: 1, day: 1)!, Day(year: index, month: 12, day: 31)!)
    }
  }

  private static func mod(_ a: Int, _ n: Int) -> Int { ((a % n) + n) % n }
  private static func floorDivision(_ a: Int, _ n: Int) -> Int { (a - mod(a, n)) / n }

  // MARK: Words

  /// "14 March 2018", "week of 12 March 2018", "March 2018", "2018".
  public func label(of bin: Bin) -> String {
    switch period {
    case .day: return Wording.date(bin.start)
    case .week: return "week of " + Wording.date(bin.start)
    case .month:
      let p = bin.start.parts
      return "\(Wording.months[p.month - 1]) \(p.year)"
    case .year: return String(bin.start.parts.year)
    }
  }

  /// What the chart shows, in words (for the `<desc>` and captions).
  public var summary: String {
    let busy = bins.filter { $0.actions > 0 }
    guard let first = bins.first, let last = bins.last else {
      return "No dated actions."
    }
    var s =
      "Actions by \(period.rawValue), \(Wording.range(first.start, last.end)): "
    s +=
      busy.prefix(24).map { bin in
        "\(label(of: bin)): \(NumberText.grouped(bin.diplomats)) diplomats in "
          + NumberText.counted(bin.actions, "action")
      }.joined(separator: "; ")
    if busy.count > 24 { s += "; and \(busy.count - 24) more" }
    s += "."
    if undatedActions > 0 {
      s += " " + NumberText.counted(undatedActions, "undated action") + " not shown."
    }
    return s
  }
}

extension TimelineChart {
  /// The chart as SVG (see ``ChartOptions`` for the id prefix and fixed size).
  ///
  /// - Complexity: O(B + K) for B columns and K kinds.
  public func svg(options: ChartOptions) -> String {
    let width = 480.0
    let left = 42.0
    let right = 14.0
    // Legend: one entry per kind, then the dot for actions without a count; wrapped.
    var legend: [(x: Double, row: Int, text: String, colour: CSSColour?, dot: Bool)] = []
    var x = 0.0
    var row = 0
    let entries: [(String, CSSColour?, Bool)] =
      kinds.map { (Wording.kind($0), colours[$0], false) }
      + (bins.contains { $0.actionsWithoutCount > 0 }
        ? [("action without a count", nil, true)] : [])
    for (text, colour, dot) in entries {
      let w = 19 + SVGCanvas.estimatedWidth(text, size: 13) + 14
      if x + w > width - right && x > 0 {
        row += 1
        x = 0
      }
      legend.append((x, row, text, colour, dot))
      x += w
    }
    let legendHeight = entries.isEmpty ? 0 : Double(row + 1) * 21 + 6
    // Vertical scale: "nice" ticks (1, 2 or 5 × 10^k), at most five above zero.
    let maximum = bins.map(\.diplomats).max() ?? 0
    let step = Self.niceStep(for: maximum, ticks: 5)
    let steps = max(1, maximum / step + (maximum % step == 0 ? 0 : 1))
    let top = Double(step) * Double(steps)
    let plotHeight = 170.0
    // Room above the plot for the columns' totals and dots, as much as the tallest needs.
    var headroom = 20.0
    for bin in bins {
      let dots = Double(min(5, bin.actionsWithoutCount))
      let above = (bin.diplomats > 0 ? 18 : 2) + dots * 10 + (bin.actionsWithoutCount > 5 ? 14 : 0)
      headroom = max(headroom, above + 4 - plotHeight * (1 - Double(bin.diplomats) / top))
    }
    let plotTop = legendHeight + 14 + headroom
    let plotBottom = plotTop + plotHeight
    var canvas = SVGCanvas(width: width, height: plotBottom + 44)
    let title = "Actions by \(period.rawValue)"
    guard !bins.isEmpty else {
      canvas.text("No dated actions.", x: left, y: 40, size: 14, colour: SVGCanvas.muted)
      return canvas.svg(options: options, title: title, description: summary)
    }

    for entry in legend {
      let y = Double(entry.row) * 21 + 4
      if let colour = entry.colour {
        canvas.rect(
          x: entry.x, y: y, width: 12, height: 12, fill: colour, stroke: SVGCanvas.outline)
      } else {
        canvas.circle(cx: entry.x + 6, cy: y + 6, r: 4.5, fill: .white, stroke: SVGCanvas.outline)
      }
      canvas.text(entry.text, x: entry.x + 19, y: y + 11, size: 13)
    }

    func y(_ value: Int64) -> Double { plotBottom - plotHeight * Double(value) / top }
    for k in 0...steps {
      let tick = step &* k
      canvas.line(
        x1: left, y1: y(tick), x2: width - right, y2: y(tick),
        stroke: k == 0 ? SVGCanvas.outline : SVGCanvas.grid)
      canvas.text(
        NumberText.grouped(tick), x: left - 6, y: y(tick) + 4, size: 12,
        colour: SVGCanvas.muted, anchor: .end)
    }
    canvas.text("diplomats", x: 0, y: plotTop - 12, size: 12, colour: SVGCanvas.muted)

    let slot = (width - left - right) / Double(bins.count)
    let barWidth = min(44, max(2, slot * 0.72))
    var lastLabelEnd = -Double.infinity
    var lastSecondLine = ""
    for (i, bin) in bins.enumerated() {
      let centre = left + slot * (Double(i) + 0.5)
      let barX = centre - barWidth / 2
      var stacked: Int64 = 0
      for total in bin.kinds where total.diplomats > 0 {
        let lowY = y(stacked)
        stacked &+= total.diplomats
        canvas.rect(
          x: barX, y: y(stacked), width: barWidth, height: lowY - y(stacked),
          fill: colours[total.kind] ?? .black, stroke: SVGCanvas.outline, className: "bar",
          title:
            "\(label(of: bin)): \(Wording.kind(total.kind)), "
            + "\(NumberText.grouped(total.diplomats)) diplomats in "
            + NumberText.counted(total.actions, "action"))
      }
      var labelY = y(stacked) - 5
      if bin.diplomats > 0 {
        canvas.text(
          NumberText.grouped(bin.diplomats), x: centre, y: labelY, size: 13, bold: true,
          anchor: .middle)
        labelY -= 16
      }
      // Actions without a count: a dot each (five at most, then "+n"), in the kind's colour.
      var dots = 0
      for total in bin.kinds where total.actionsWithoutCount > 0 {
        for _ in 0..<total.actionsWithoutCount where dots < 5 {
          canvas.circle(
            cx: centre, cy: labelY - 2 - Double(dots) * 10, r: 4,
            fill: colours[total.kind] ?? .white, stroke: SVGCanvas.outline,
            title:
              "\(label(of: bin)): \(Wording.kind(total.kind)) (no count)")
          dots += 1
        }
      }
      if bin.actionsWithoutCount > 5 {
        canvas.text(
          "+\(bin.actionsWithoutCount - 5)", x: centre, y: labelY - 53, size: 10, anchor: .middle)
      }

      // Axis labels: every column with actions, the first and the last, unless it would
      // overlap the previous label.
      guard bin.actions > 0 || i == 0 || i == bins.count - 1 else { continue }
      let (first, second) = axisLabel(bin)
      let halfWidth = SVGCanvas.estimatedWidth(first, size: 12) / 2
      guard centre - halfWidth > lastLabelEnd + 3 else { continue }
      lastLabelEnd = centre + halfWidth
      canvas.text(
        first, x: centre, y: plotBottom + 17, size: 12,
        colour: bin.actions > 0 ? SVGCanvas.ink : SVGCanvas.muted, anchor: .middle)
      if second != lastSecondLine {
        canvas.text(
          second, x: centre, y: plotBottom + 33, size: 12, colour: SVGCanvas.muted, anchor: .middle)
        lastSecondLine = second
      }
    }
    return canvas.svg(options: options, title: title, description: summary)
  }

  /// The column's label on the axis: the day and, below, the month and year when they change
  /// ("26" / "Mar 2018"); the week's first day; the month and its year; the year.
  private func axisLabel(_ bin: Bin) -> (String, String) {
    let p = bin.start.parts
    let month = String(Wording.months[p.month - 1].prefix(3))
    switch period {
    case .day: return (String(p.day), "\(month) \(p.year)")
    case .week: return ("\(p.day) \(month)", String(p.year))
    case .month: return (month, String(p.year))
    case .year: return (String(p.year), "")
    }
  }

  /// The smallest 1, 2 or 5 × 10^k step that covers `maximum` in at most `ticks` steps.
  static func niceStep(for maximum: Int64, ticks: Int64) -> Int64 {
    guard maximum > 0 else { return 1 }
    var magnitude: Int64 = 1
    while true {
      for factor: Int64 in [1, 2, 5] {
        let (step, overflow) = magnitude.multipliedReportingOverflow(by: factor)
        if overflow { return maximum }
        let (covered, beyond) = step.multipliedReportingOverflow(by: ticks)
        if beyond || covered >= maximum { return step }
      }
      let (next, overflow) = magnitude.multipliedReportingOverflow(by: 10)
      if overflow { return maximum }
      magnitude = next
    }
  }
}
