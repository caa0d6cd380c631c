import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploPresentation

/// Issue 14: the report shows the episode's frames as small multiples, and a narrow diagram is
/// not blown up to the page's width.
@Suite struct ReportFramesTests {
  static func frame(_ n: Int, fixedSize: Bool = false) -> String {
    let size = fixedSize ? " width=\"80pt\" height=\"40pt\"" : ""
    let id = "frame-0\(n)"
    return "<svg xmlns=\"http://www.w3.org/2000/svg\"\(size) viewBox=\"0 0 80 40\" id=\"\(id)\""
      + " role=\"img\" aria-labelledby=\"\(id)-title\">\n"
      + "<title id=\"\(id)-title\">Network diagram, frame \(n)</title>\n</svg>\n"
  }

  static func diagram(fixedSize: Bool = false) -> Diagram {
    var diagram = ReportTests.diagram(fixedSize: fixedSize)
    let d = { Day(year: 2018, month: $0, day: $1)! }
    diagram.frames = [
      DiagramFrame(svg: frame(1, fixedSize: fixedSize), first: d(3, 26), last: d(3, 26)),
      DiagramFrame(svg: frame(2, fixedSize: fixedSize), first: d(3, 27), last: d(4, 2)),
    ]
    diagram.framesCaption = "The 9 days with an action are merged into 2 weeks."
    return diagram
  }

  @Test func theHTMLShowsTheFramesInAGridWithTheirPeriods() throws {
    let html = try ReportTests.Episode().html(diagram: Self.diagram())
    let grid = try #require(html.range(of: "<div class=\"frames\" id=\"frames\">"))
    // In the network section, after the diagram's own figure.
    let network = try #require(html.range(of: "<section id=\"network\""))
    let sources = try #require(html.range(of: "<section id=\"sources-check\""))
    #expect(network.upperBound < grid.lowerBound && grid.upperBound < sources.lowerBound)
    #expect(html.matches(of: /<figure class="frame">/).count == 2)
    #expect(html.contains("id=\"frame-01\"") && html.contains("id=\"frame-02\""))
    #expect(html.contains("<figcaption>26 March 2018</figcaption>"))
    #expect(html.contains("<figcaption>27 March – 2 April 2018</figcaption>"))
    #expect(html.contains("merged into 2 weeks."))
    // A grid that reflows: columns of at least 13.5rem in a 46rem column (three a row), one
    // a row on a phone (358 pixels).
    #expect(html.contains("grid-template-columns: repeat(auto-fill, minmax(13.5rem, 1fr))"))
    // Every id still unique, the page still self-contained.
    let ids = html.matches(of: /\sid="([^"]+)"/).map { String($0.1) }
    #expect(Set(ids).count == ids.count)
    #expect(!html.contains("<img") && !html.contains("<script"))
  }

  @Test func withoutFramesThereIsNoGrid() throws {
    let html = try ReportTests.Episode().html(diagram: ReportTests.diagram())
    #expect(!html.contains("class=\"frames\""))
    #expect(!html.contains("As it unfolded"))
  }

  @Test func theMarkdownLinksEachFrameUnderItsPeriod() throws {
    let e = try ReportTests.Episode()
    let output = Report(
      network: e.network, statistics: e.statistics, diagram: Self.diagram(fixedSize: true)
    ).markdown(baseName: "r")
    let names = output.files.map(\.name)
    #expect(names.contains("r-frame-01.svg") && names.contains("r-frame-02.svg"))
    let md = output.markdown
    #expect(md.contains("### As it unfolded"))
    #expect(md.contains("**26 March 2018**\n\n![Network diagram, 26 March 2018](<r-frame-01.svg>)"))
    #expect(md.contains("**27 March – 2 April 2018**"))
    #expect(md.contains("merged into 2 weeks."))
    // The frames come after the network diagram and before the next section.
    let frames = try #require(md.range(of: "### As it unfolded"))
    let network = try #require(md.range(of: "r-network.svg"))
    let sources = try #require(md.range(of: "## What the sources say"))
    #expect(network.upperBound < frames.lowerBound && frames.upperBound < sources.lowerBound)
  }

  @Test func aNarrowDiagramIsNotWidenedBeyondOneAndAHalfTimes() throws {
    // 80 points wide: 106.7 pixels, at most 160 on the page, and no forced width to pan.
    let narrow = ReportTests.diagram()
    #expect(abs(narrow.naturalWidth! - 80 * 4 / 3) < 1e-9)
    #expect(narrow.isNarrow)
    let html = try ReportTests.Episode().html(diagram: narrow)
    #expect(html.contains("<figure class=\"diagram fit\">\n<div class=\"pan fit\">"))
    #expect(html.contains("<svg style=\"max-width: 160px\" xmlns="))
    // A wide one (600 points, 800 pixels) keeps its minimum width and is panned on a phone.
    let wide = Diagram(svg: narrow.svg.replacingOccurrences(of: "0 0 80 40", with: "0 0 600 300"))
    #expect(!wide.isNarrow)
    let page = try ReportTests.Episode().html(diagram: wide)
    #expect(page.contains("<figure class=\"diagram\">\n<div class=\"pan\">\n<svg xmlns="))
    #expect(Diagram(svg: "<svg>").naturalWidth == nil)
  }
}

@Suite struct BoxLegendHTMLTests {
  @Test func aBoxOnlyBlocIsADashedOutline() throws {
    let legend = DiagramLegend(blocs: [
      .init(colour: CSSColour(hex: "#E69F00")!, name: "EU"),
      .init(colour: CSSColour(hex: "#56B4E9")!, name: "NATO", boxOnly: true),
    ])
    let html = legend.html
    #expect(html.contains("fill=\"#E69F00\" stroke=\"#333333\"/></svg>EU</li>"))
    #expect(
      html.contains(
        "fill=\"none\" stroke=\"#56B4E9\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/></svg>"
          + "NATO</li>"))
    #expect(html.matches(of: /fill="none"/).count == 1)
  }
}

@Suite struct EventCaptionTests {
  @Test func eventDataIsCaptionedInEvents() throws {
    var diagram = ReportTests.diagram()
    let e = try ReportTests.Episode()
    #expect(e.html(diagram: diagram).contains("its number is the count of diplomats"))
    diagram.countsEvents = true
    let html = e.html(diagram: diagram)
    #expect(html.contains("its number is the count of events"))
    #expect(html.contains("Node size: events sent and received."))
    #expect(!html.contains("Node size: diplomats"))
    let md = Report(network: e.network, statistics: e.statistics, diagram: diagram)
      .markdown(baseName: "r").markdown
    #expect(md.contains("its number is the count of events._"))
  }
}
