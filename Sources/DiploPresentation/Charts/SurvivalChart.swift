import DiploGraph

/// The time to answer as a step curve: the Kaplan–Meier share of originals still unanswered
/// after t days (``SurvivalCurve``), with a tick where originals were censored, drawn by
/// ``SVGCanvas``. 360 units wide, so that it reads on a 390-pixel phone screen.
struct SurvivalChart {
  let curve: SurvivalCurve
  static let width = 360.0
  static let height = 220.0

  /// One sentence for the chart's description and the page's caption.
  var summary: String {
    var s =
      "Share of the \(NumberText.counted(curve.originals, "original action")) still unanswered "
      + "after each day (Kaplan-Meier; \(NumberText.grouped(curve.censored)) censored, marked "
      + "with a tick): "
    s += Statistics.medianText(curve) + "."
    return s
  }

  func svg(options: ChartOptions) -> String {
    let left = 40.0
    let right = 12.0
    let top = 14.0
    let bottom = 34.0
    let plotWidth = Self.width - left - right
    let plotHeight = Self.height - top - bottom
    var canvas = SVGCanvas(width: Self.width, height: Self.height)
    let lastDay = max(1, curve.steps.last?.days ?? 1)
    func x(_ day: Int) -> Double { left + plotWidth * Double(day) / Double(lastDay) }
    func y(_ s: Double) -> Double { top + plotHeight * (1 - s) }
    for share in [0.0, 0.25, 0.5, 0.75, 1.0] {
      canvas.line(
        x1: left, y1: y(share), x2: left + plotWidth, y2: y(share), stroke: SVGCanvas.grid,
        dashed: share == 0.5)
      canvas.text(
        "\(Int(share * 100))%", x: left - 4, y: y(share) + 3, size: 9,
        colour: SVGCanvas.muted, anchor: .end)
    }
    canvas.text("0", x: left, y: top + plotHeight + 13, size: 9, colour: SVGCanvas.muted)
    canvas.text(
      NumberText.counted(lastDay, "day"), x: left + plotWidth, y: top + plotHeight + 13, size: 9,
      colour: SVGCanvas.muted, anchor: .end)
    canvas.text(
      "days after the original", x: left + plotWidth / 2, y: Self.height - 6, size: 10,
      colour: SVGCanvas.muted, anchor: .middle)
    var survival = 1.0
    var day = 0
    for step in curve.steps {
      // Flat until the step's day, then down.
      canvas.line(
        x1: x(day), y1: y(survival), x2: x(step.days), y2: y(survival), stroke: SVGCanvas.ink,
        width: 1.5)
      if step.survival != survival {
        canvas.line(
          x1: x(step.days), y1: y(survival), x2: x(step.days), y2: y(step.survival),
          stroke: SVGCanvas.ink, width: 1.5)
      }
      survival = step.survival
      day = step.days
      if step.censored > 0 {
        canvas.line(
          x1: x(day), y1: y(survival) - 4, x2: x(day), y2: y(survival) + 4,
          stroke: SVGCanvas.outline, width: 1)
      }
    }
    return canvas.svg(options: options, title: "Time to answer", description: summary)
  }
}
