import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploRender

/// Issue 14: how a report cuts an episode into at most 12 frames.
@Suite struct SmallMultiplesTests {
  static let start = Day(year: 2018, month: 1, day: 1)!

  @Test func aFewDaysGiveAFrameEach() throws {
    let days = [0, 3, 3, 10, 40].map { Self.start.adding(days: $0) }
    let plan = try #require(DiagramFrames.smallMultiples(days: days, atMost: 12))
    #expect(plan.period == .day && plan.frames == 4)
    #expect(plan.caption == "One frame per day with an action.")
  }

  @Test func manyDaysAreMergedIntoWeeksThenEqualPeriods() throws {
    // 20 days with an action within 6 weeks: 6 weekly frames.
    let weeks = (0..<20).map { Self.start.adding(days: $0 * 2) }
    let weekly = try #require(DiagramFrames.smallMultiples(days: weeks, atMost: 12))
    #expect(weekly.period == .week && weekly.frames == 6)
    #expect(
      weekly.caption
        == "The 20 days with an action are merged into 6 weeks from the first action "
        + "(at most 12 frames).")
    // 100 days within a year: 12 periods of ⌈365 / 12⌉ = 31 days.
    let year = (0..<100).map { Self.start.adding(days: $0 * 364 / 99) }
    let cut = try #require(DiagramFrames.smallMultiples(days: year, atMost: 12))
    #expect(cut.period == .count(12) && cut.frames == 12)
    #expect(cut.caption.contains("into 12 periods of 31 days"))
    // Never more than the limit, whatever the days (a property over generated spreads).
    for seed in 1...50 {
      var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
      let days = (0..<(seed * 7)).map { _ -> Day in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Self.start.adding(days: Int(state >> 33) % (seed * 40))
      }
      if let plan = DiagramFrames.smallMultiples(days: days, atMost: 12) {
        #expect(plan.frames <= 12 && plan.frames >= 2)
        #expect(DiagramFrames.periods(of: days, plan.period).count == plan.frames)
      }
    }
  }

  @Test func oneDayOrNoneGivesNoFrames() {
    #expect(DiagramFrames.smallMultiples(days: [], atMost: 12) == nil)
    #expect(DiagramFrames.smallMultiples(days: [Self.start, Self.start], atMost: 12) == nil)
  }

  @Test(arguments: TruthfulDiagramTests.dataSets)
  func everyDataSetGetsAtMostTwelveFramesOrNone(_ name: String) throws {
    let network = try Network(TruthfulDiagramTests.load(name))
    var days = Set<Day>()
    for action in network.actions.includingSelfLoops { if let d = action.date { days.insert(d) } }
    let plan = DiagramFrames.smallMultiples(of: network)
    if days.count < 2 {
      #expect(plan == nil)
    } else {
      let p = try #require(plan)
      #expect(p.frames <= 12)
      #expect(p.period == (days.count <= 12 ? .day : p.period))
    }
  }

  @Test func untitledFramesDrawNoTitle() throws {
    let network = try Network(TruthfulDiagramTests.load("us-russia-2016"))
    var style = Style.standard
    style.legend = false
    let frames = try DiagramFrames(
      network: network, style: style, period: .day, renderer: Renderer(), titled: false)
    #expect(frames.frames.count >= 2)
    for frame in frames.frames { #expect(!frame.document.text.contains("label=\"2016")) }
    let titled = try DiagramFrames(
      network: network, style: style, period: .day, renderer: Renderer())
    #expect(titled.frames[0].document.text.contains(titled.frames[0].period))
  }
}
