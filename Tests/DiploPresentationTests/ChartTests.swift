import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploPresentation

/// The timeline's columns and scale, and the charts' SVG, against hand-worked values.
@Suite struct ChartTests {
  private func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

  private func network(_ actions: [Action]) throws -> Network {
    var table = ActionTable()
    for action in actions { table.append(action) }
    return try Network(DataSet(actions: table))
  }

  @Test func daysBecomeColumnsWithEmptyOnesBetween() throws {
    let n = try network([
      Action(actor: "GBR", target: "RUS", kind: .expulsion, count: 23, date: day(2018, 3, 14)),
      Action(actor: "USA", target: "RUS", kind: .consulateClosure, date: day(2018, 3, 14)),
      Action(actor: "RUS", target: "GBR", kind: .retaliation, count: 23, date: day(2018, 3, 17)),
      Action(actor: "RUS", target: "GBR", kind: .staffCut, count: 50, date: day(2018, 3, 17)),
      Action(actor: "FRA", target: "RUS", kind: .expulsion, count: 4),
      Action(actor: "RUS", target: "RUS", kind: .expulsion, count: 9, date: day(2018, 3, 15)),
    ])
    let t = TimelineChart(network: n)
    #expect(t.period == .day)
    #expect(
      t.bins.map(\.start) == [
        day(2018, 3, 14), day(2018, 3, 15), day(2018, 3, 16), day(2018, 3, 17),
      ])
    #expect(t.bins.map(\.diplomats) == [23, 0, 0, 73])  // the self-loop is left out
    #expect(t.bins.map(\.actions) == [2, 0, 0, 2])
    #expect(t.bins[0].actionsWithoutCount == 1)
    #expect(t.bins[3].kinds.map(\.kind) == [.retaliation, .staffCut])
    #expect(t.kinds == [.expulsion, .retaliation, .consulateClosure, .staffCut])
    #expect(t.undatedActions == 1)
    #expect(
      t.summary
        == "Actions by day, 14–17 March 2018: 14 March 2018: 23 diplomats in 2 actions; "
        + "17 March 2018: 73 diplomats in 2 actions. 1 undated action not shown.")
  }

  @Test func longSpansAreGroupedIntoWeeksMonthsOrYears() throws {
    // Wednesday 14 and Saturday 17 March 2018 are in the week of Monday 12 March.
    let week = try network([
      Action(actor: "A", target: "B", kind: .expulsion, count: 1, date: day(2018, 3, 14)),
      Action(actor: "B", target: "A", kind: .expulsion, count: 2, date: day(2018, 3, 17)),
      Action(actor: "B", target: "A", kind: .expulsion, count: 4, date: day(2018, 3, 19)),
    ])
    let weeks = TimelineChart(network: week, maximumBins: 3)
    #expect(weeks.period == .week)
    #expect(weeks.bins.map(\.start) == [day(2018, 3, 12), day(2018, 3, 19)])
    #expect(weeks.bins.map(\.end) == [day(2018, 3, 18), day(2018, 3, 25)])
    #expect(weeks.bins.map(\.diplomats) == [3, 4])
    #expect(weeks.label(of: weeks.bins[0]) == "week of 12 March 2018")

    let span = try network([
      Action(actor: "A", target: "B", kind: .expulsion, count: 1, date: day(2018, 1, 31)),
      Action(actor: "B", target: "A", kind: .expulsion, count: 2, date: day(2018, 3, 1)),
    ])
    let months = TimelineChart(network: span, maximumBins: 3)
    #expect(months.period == .month)
    #expect(months.bins.map(\.start) == [day(2018, 1, 1), day(2018, 2, 1), day(2018, 3, 1)])
    #expect(months.bins.map(\.end) == [day(2018, 1, 31), day(2018, 2, 28), day(2018, 3, 31)])
    #expect(months.bins.map(\.diplomats) == [1, 0, 2])
    let years = TimelineChart(network: span, maximumBins: 2)
    #expect(years.period == .year)
    #expect(years.bins.count == 1 && years.bins[0].diplomats == 3)
    #expect(years.bins[0].end == day(2018, 12, 31))
  }

  @Test func weeksBeforeNineteenSeventyStartOnMonday() {
    // Wednesday 31 December 1969: its week starts on Monday 29 December 1969.
    let wednesday = day(1969, 12, 31).daysSinceEpoch
    let (start, end) = TimelineChart.days(
      ofBin: TimelineChart.index(wednesday, .week), .week)
    #expect(start == day(1969, 12, 29) && end == day(1970, 1, 4))
    let (january, _) = TimelineChart.days(
      ofBin: TimelineChart.index(day(1969, 1, 15).daysSinceEpoch, .month), .month)
    #expect(january == day(1969, 1, 1))
  }

  @Test func niceStepsCoverTheMaximumInFiveTicksOrFewer() {
    #expect(TimelineChart.niceStep(for: 0, ticks: 5) == 1)
    #expect(TimelineChart.niceStep(for: 5, ticks: 5) == 1)
    #expect(TimelineChart.niceStep(for: 6, ticks: 5) == 2)
    #expect(TimelineChart.niceStep(for: 119, ticks: 5) == 50)  // 0, 50, 100, 150
    #expect(TimelineChart.niceStep(for: 100, ticks: 5) == 20)
    #expect(TimelineChart.niceStep(for: 1_000_001, ticks: 5) == 500_000)
    let huge = TimelineChart.niceStep(for: Int64.max, ticks: 5)
    #expect(huge > 0)
  }

  @Test func theTimelineSVGIsWellFormedWithATitledRectPerKindAndDay() throws {
    let document = try DataSetFile.read(Fixtures.graph("skripal-2018.json").path)
    let t = TimelineChart(network: try Network(document.dataSet))
    #expect(t.bins.count == 17)
    #expect(t.bins.filter { $0.actions > 0 }.map(\.start.parts.day) == [14, 17, 26, 27, 29, 30])
    #expect(t.bins.map(\.diplomats).filter { $0 > 0 } == [23, 23, 119, 14, 60, 109])
    let svg = t.svg(options: try #require(ChartOptions(idPrefix: "t", fixedSize: true)))
    let xml = ParsedXML(svg)
    #expect(xml.isWellFormed)
    let bars = xml.elements.filter { $0.name == "rect" && $0.attributes["class"] == "bar" }
    // 14 expulsion, 17 retaliation, 26 expulsion, 27 expulsion + denial, 29 retaliation,
    // 30 retaliation + staff cut.
    #expect(bars.count == 8)
    let titles = xml.elements.filter { $0.name == "title" }.map(\.text)
    #expect(titles.contains("26 March 2018: expulsion, 119 diplomats in 26 actions"))
    #expect(titles.contains("30 March 2018: staff cut, 50 diplomats in 1 action"))
    // Two recalls and the consulate closure of 26 March, as dots.
    #expect(xml.elements.filter { $0.name == "circle" }.count == 4)  // and the legend's
  }

  @Test func theSurvivalCurveIsAStepCurveWithCensoringTicks() throws {
    // Answered after 1, 2, 2, 4 days; censored after 2 and 5 (ResponseOutcomeTests works it):
    // S = 5/6, 1/2, 1/4, 1/4.
    let curve = SurvivalCurve(
      group: "x", events: [0, 1, 2, 0, 1, 0], censored: [0, 0, 1, 0, 0, 1])
    let chart = SurvivalChart(curve: curve)
    let svg = chart.svg(options: try #require(ChartOptions(idPrefix: "s", fixedSize: true)))
    let xml = ParsedXML(svg)
    #expect(xml.isWellFormed)
    #expect(xml.elements.first?.attributes["role"] == "img")
    #expect(xml.elements.first?.attributes["width"] == "360")
    #expect(xml.elements.first { $0.name == "title" }?.text == "Time to answer")
    #expect(chart.summary.contains("median 2 days (95% CI 1 to not reached)"))
    // Ink lines: 4 flat runs and 3 drops; censoring ticks on days 2 and 5.
    let lines = xml.elements.filter { $0.name == "line" }
    #expect(lines.filter { $0.attributes["stroke"] == "#1A1A1A" }.count == 7)
    #expect(lines.filter { $0.attributes["stroke"] == "#333333" }.count == 2)
  }

  @Test func emptySelectionsStillDraw() throws {
    let n = try network([])
    let t = TimelineChart(network: n)
    #expect(t.bins.isEmpty)
    #expect(ParsedXML(t.svg(options: try #require(ChartOptions(idPrefix: "e")))).isWellFormed)
    let statistics = try Statistics(n)
    let chart = BlocWeightChart(analysis: statistics.blocs!, dataSet: n.dataSet)
    #expect(chart.bars.isEmpty)
    #expect(ParsedXML(chart.svg(options: try #require(ChartOptions(idPrefix: "b")))).isWellFormed)
    let html = Report(network: n, statistics: statistics, diagram: nil).html()
    #expect(html.contains("The selection holds no action between two actors."))
  }
}
