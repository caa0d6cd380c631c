import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploPresentation

/// The reports on the 2018 data set and on hostile text; the charts' binning and scales.
@Suite struct ReportTests {
  /// The 2018 data set, its statistics and the reports' content.
  struct Episode {
    let network: Network
    let statistics: Statistics
    let content: ReportContent

    init() throws {
      let document = try DataSetFile.read(Fixtures.graph("skripal-2018.json").path)
      network = try Network(document.dataSet)
      statistics = try Statistics(network)
      content = ReportContent(network: network, statistics: statistics, options: ReportOptions())
    }

    func html(diagram: Diagram? = nil, options: ReportOptions = ReportOptions()) -> String {
      Report(network: network, statistics: statistics, diagram: diagram, options: options).html()
    }
  }

  /// A diagram as DiploRender embeds one: an SVG element whose ids all start with `diagram`;
  /// with a fixed size, as the Markdown report writes it to a file.
  static func diagram(fixedSize: Bool = false) -> Diagram {
    let size = fixedSize ? " width=\"80pt\" height=\"40pt\"" : ""
    return Diagram(
      svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"\(size) viewBox=\"0 0 80 40\" id=\"diagram\""
        + " role=\"img\" aria-labelledby=\"diagram-title diagram-desc\">\n"
        + "<title id=\"diagram-title\">Network diagram</title>\n"
        + "<desc id=\"diagram-desc\">Who acted against whom.</desc>\n"
        + "<g id=\"diagram-node1\" class=\"node\"><text x=\"4\" y=\"20\">GBR</text></g>\n</svg>\n")
  }

  // MARK: The 2018 episode in words

  @Test func theSummarySaysWhoHowManyWhenAndHowReciprocal() throws {
    let c = try Episode().content
    let summary = c.summary
    #expect(
      summary[0]
        == "Between 14 and 30 March 2018, 33 actors took 61 actions against one another, "
        + "concerning 348 diplomats in all. Russia was the most involved: it expelled 192 "
        + "diplomats and had 156 of its own expelled.")
    #expect(summary[1].hasPrefix("Most links were returned: 50 of the 57 directed links"))
    #expect(summary[1].contains("reciprocity r = 0.877; ρ = 0.870"))
    #expect(summary[1].contains("284 of the 348 diplomats (81.6%)"))
    #expect(summary[1].contains("(r_w = 0.816)"))
    // The wave is a star around Russia: its degrees force every returned link.
    #expect(
      summary[2].hasPrefix(
        "Reciprocity is exactly what each actor's activity alone would give: the number of "
          + "links each actor sent and received admits no other pattern of returned links."))
    #expect(summary[2].contains("z = 1.9 against random counts"))
    #expect(
      summary[3]
        == "Of the 35 original actions (actions that answer nothing), 25 were answered in kind, "
        + "1 was answered with more and 9 went unanswered. United Kingdom: expulsion of 23, "
        + "answered with 73. "
        + "Answers came a median of 4 days after the action they answer.")
    let figures = c.keyFigures.map { "\($0.value) \($0.label)" }
    #expect(
      figures == [
        "348 diplomats", "33 actors", "17 days", "0.877 reciprocity r",
        "0.816 weighted reciprocity r_w", "9 unanswered",
      ])
  }

  @Test func theFourStatesLeftUnansweredStandOutFromTheOtherActions() throws {
    let c = try Episode().content
    #expect(
      c.unansweredByKind(try #require(c.statistics.responses)) == [
        "Expulsions left unanswered: four states (Belgium, Georgia, Hungary and Montenegro) "
          + "and NATO.",
        "Ambassador recalls left unanswered: two states (Bulgaria and Luxembourg).",
        "Consulate closures left unanswered: one state (United States).",
        "Accreditation denials left unanswered: NATO.",
      ])
  }

  @Test func theSourcesFiguresAreCheckedAgainstTheData() throws {
    let c = try Episode().content
    let sources = try #require(c.statistics.sources)
    let table = c.figureTable(sources)
    func row(_ source: String, _ label: String) throws -> [String] {
      try #require(table.rows.first { $0[0].text == source && $0[1].text == label }).map(\.text)
    }
    // Al Jazeera's group totals of the coordinated action, and NATO's 7, all borne out.
    #expect(
      try row("Al Jazeera", "Expelled by states in all") == [
        "Al Jazeera", "Expelled by states in all", "123", "123", "yes",
      ])
    #expect(try row("Al Jazeera", "Expelled by EU member states")[2...3] == ["35", "35"])
    #expect(try row("Al Jazeera", "Expelled by non-EU European states")[2...3] == ["22", "22"])
    #expect(try row("Al Jazeera", "Expelled by other countries")[2...3] == ["66", "66"])
    #expect(try row("Al Jazeera", "Expelled by NATO")[2...4] == ["7", "7", "yes"])
    // AFP's 17 EU states and Tusk's 14 are not borne out.
    #expect(
      try row("AFP", "EU member states expelling (besides Britain)")[2...4] == ["17", "18", "no"])
    #expect(try row("UNIAN", "Countries echoing Britain")[2...3] == ["at least 25", "28"])
    let scope = try #require(table.rows.first { $0[1].text == "Expelled by states in all" }?[1])
    #expect(
      scope.detail
        == "Expulsions, 26–27 March 2018, by EU member states, Non-EU European states and Other "
        + "countries — “the expulsion of 123 Russian diplomats”")
    #expect(
      c.sourcesLine(sources)
        == "3 sources state 17 figures of their own; the data bears out 15 and not 2.")
    #expect(
      c.figureConflicts(sources) == [
        "Al Jazeera and AFP disagree on ‘EU member states expelling’: 18 (Al Jazeera), 17 (AFP); "
          + "the data gives 18."
      ])
  }

  @Test func theBlocChartHasOneBarPerBlocThenRussia() throws {
    let e = try Episode()
    let chart = try #require(e.content.blocChart)
    #expect(
      chart.bars.map(\.label) == [
        "EU member states", "Non-EU European states", "Other countries",
        "International organisations", "NATO member states", "In no bloc: Russia",
      ])
    #expect(chart.bars.map(\.weight) == [58, 22, 66, 10, 123, 192])
    #expect(approximatelyEqual(chart.bars[5].share, 192.0 / 348.0))
    // The diagram's colours: Okabe–Ito in the order of the blocs.
    #expect(
      chart.bars.map(\.colour.hex) == [
        "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#E0E0E0",
      ])
    #expect(chart.overlapping)
    // Colouring blocs named first keep the diagram's colours; the others follow.
    let recoloured = BlocWeightChart(
      analysis: try #require(e.statistics.blocs), dataSet: e.network.dataSet,
      palette: ChartPalette(colourBlocs: ["OTHER", "EU"]))
    #expect(recoloured.bars[2].colour.hex == "#E69F00")  // OTHER first
    #expect(recoloured.bars[0].colour.hex == "#56B4E9")  // EU second
    #expect(recoloured.bars[1].colour.hex == "#009E73")  // then EUROPE_NON_EU
  }

  // MARK: The page

  @Test func theHTMLPageIsSelfContainedAndScriptless() throws {
    let html = try Episode().html()
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(
      html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          + "style-src 'unsafe-inline'; img-src data:\">"))
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("src=\""))
    #expect(!html.contains("<link"))
    // Headings in order: one h1, h2 sections, h3 inside them.
    let levels = html.matches(of: /<h([1-6])[ >]/).map { Int($0.1)! }
    #expect(levels.first == 1 && levels.filter { $0 == 1 }.count == 1)
    for (a, b) in zip(levels, levels.dropFirst()) { #expect(b <= a + 1) }
    // Tables with captions and header scopes; the long ones folded.
    #expect(html.contains("<caption id=\"table-figures-caption\">"))
    #expect(html.contains("<th scope=\"col\""))
    #expect(html.contains("<th scope=\"row\""))
    #expect(html.contains("<details class=\"fold\">\n<summary>Every action and its answer"))
    #expect(html.contains("<details class=\"fold\">\n<summary>Every pair of actors, both ways"))
    // Both charts, with their accessible names.
    #expect(
      html.contains(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" style=\"max-width: 576px\" viewBox=\"0 0 480 "))
    #expect(html.contains("id=\"chart-timeline\" class=\"chart\" role=\"img\""))
    #expect(html.contains("<title id=\"chart-blocs-title\">Diplomats expelled, by bloc</title>"))
    // The sources' figures and the four states, in the page.
    #expect(html.contains("<td class=\"num\" data-label=\"The data\" role=\"cell\">123</td>"))
    #expect(
      html.contains(
        "Expulsions left unanswered: four states (Belgium, Georgia, Hungary and Montenegro) "
          + "and NATO."))
    // Source links only to web pages.
    #expect(!html.contains("href=\"javascript"))
  }

  @Test func theSameInputGivesTheSameBytes() throws {
    let e = try Episode()
    let diagram = Self.diagram()
    let first = e.html(diagram: diagram)
    #expect(first == (try Episode().html(diagram: diagram)))
    #expect(first.contains("id=\"diagram\""))
    let render = {
      Report(network: e.network, statistics: e.statistics, diagram: diagram)
        .markdown(baseName: "r")
    }
    #expect(render() == render())
  }

  @Test func everyIdOnThePageIsUnique() throws {
    let e = try Episode()
    let diagram = Self.diagram()
    let html = e.html(diagram: diagram)
    let ids = html.matches(of: /\sid="([^"]+)"/).map { String($0.1) }
    // The sections', the tables', the charts' and the diagram's (the golden report of
    // diplographTests holds a whole Graphviz diagram).
    #expect(ids.count > 40)
    #expect(
      Set(ids).count == ids.count,
      "\(Dictionary(grouping: ids) { $0 }.filter { $1.count > 1 }.keys)")
    // Every aria-labelledby points at ids of the page.
    let known = Set(ids)
    for match in html.matches(of: /aria-labelledby="([^"]+)"/) {
      for id in match.1.split(separator: " ") { #expect(known.contains(String(id)), "\(id)") }
    }
  }

  @Test func longTablesAreCutAndSaySo() throws {
    var options = ReportOptions()
    options.maximumRows = 5
    let html = try Episode().html(options: options)
    #expect(html.contains("28 more rows not shown"))  // 33 actors
    let actorRows = try #require(
      html.split(separator: "<table id=\"table-actors\"").last?.split(separator: "</table>").first)
    #expect(actorRows.matches(of: /<tr>/).count == 6)  // the header and five actors
  }

  @Test func theMarkdownReportLinksItsPictures() throws {
    let e = try Episode()
    let diagram = Self.diagram(fixedSize: true)
    let output = Report(network: e.network, statistics: e.statistics, diagram: diagram)
      .markdown(baseName: "my report")
    #expect(
      output.files.map(\.name) == [
        "my report-network.svg", "my report-survival.svg", "my report-timeline.svg",
        "my report-blocs.svg",
      ])
    #expect(output.markdown.contains("](<my%20report-network.svg>)"))
    #expect(output.markdown.contains("](<my%20report-timeline.svg>)"))
    #expect(
      output.markdown.hasPrefix(
        "# Expulsions of Russian diplomats after the Salisbury poisoning, March 2018\n"))
    #expect(output.markdown.contains("| Al Jazeera | Expelled by states in all · _Expulsions"))
    #expect(output.markdown.contains("| 123 | 123 | ✓ yes |"))
    #expect(output.markdown.contains("- **0.877** reciprocity r — 50 of 57 links returned"))
    for file in output.files {
      let xml = ParsedXML(file.contents)
      #expect(xml.isWellFormed, "\(file.name): \(String(describing: xml.error))")
      let root = try #require(xml.elements.first)
      #expect(root.name == "svg")
      #expect(root.attributes["width"] != nil && root.attributes["height"] != nil)
    }
  }

  // MARK: Hostile text

  static let hostile = "Fish & <script>alert('x')</script> \"q\" 🇷🇺 \u{01}"

  static func hostileNetwork() throws -> Network {
    var actions = ActionTable()
    actions.append(
      Action(
        id: "a", actor: "A", target: "B", kind: .expulsion, count: 3,
        date: Day(year: 2020, month: 1, day: 2), sources: ["s"], note: hostile))
    actions.append(
      Action(
        actor: "B", target: "A", kind: ActionKind("dé<b>marche</b>"), count: 2,
        date: Day(year: 2020, month: 1, day: 5), respondsTo: ["a"], sources: ["s"]))
    let data = DataSet(
      title: hostile, description: "</p><img src=x onerror=alert(1)>", notes: [hostile],
      actors: [
        Actor(id: "A", name: hostile), Actor(id: "B", name: "B & <i>co</i>", kind: .organisation),
      ],
      blocs: [Bloc(id: "X", name: "<style>*{display:none}</style>", members: ["A"])],
      sources: [
        Source(id: "s", title: hostile, publisher: "P\"ub", url: "javascript:alert(1)")
      ],
      actions: actions,
      figures: [
        ReportedFigure(
          source: "s", label: hostile, measure: .diplomats, value: 3, quote: "<q>'“")
      ])
    return try Network(data)
  }

  @Test func hostileTextIsEscapedEverywhere() throws {
    let network = try Self.hostileNetwork()
    let statistics = try Statistics(network)
    let diagram = Self.diagram()
    let report = Report(network: network, statistics: statistics, diagram: diagram)
    let html = report.html()
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("<style>*"))
    #expect(!html.contains("<i>co"))
    #expect(!html.contains("javascript:"))
    let escaped =
      "Fish &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;q&quot; 🇷🇺 \u{FFFD}"
    #expect(html.contains("<h1>\(escaped)</h1>"))
    #expect(html.contains("<title>\(escaped)</title>"))
    #expect(html.contains("B &amp; &lt;i&gt;co&lt;/i&gt;"))
    #expect(html.contains("dé&lt;b&gt;marche&lt;/b&gt;"))
    // The only <style> is the page's own, in the head.
    #expect(html.matches(of: /<style/).count == 1)

    let md = report.markdown(baseName: "r")
    // Every "<" is escaped, but for the angle brackets of the report's own image links.
    let unescaped = md.markdown.matches(of: /(^|[^\\])</).count
    #expect(unescaped == md.markdown.matches(of: /\]\(</).count)
    #expect(md.markdown.contains("\\<script\\>"))
    #expect(!md.markdown.contains("javascript:"))
    #expect(
      md.markdown.hasPrefix("# Fish \\& \\<script\\>alert('x')\\</script\\> \"q\" 🇷🇺 \u{FFFD}\n"))
    for file in md.files { #expect(ParsedXML(file.contents).isWellFormed, "\(file.name)") }
  }

  @Test func linksAndSubscripts() {
    #expect(HTML.webURL("https://www.aljazeera.com/news/2018/3/27") != nil)
    #expect(HTML.webURL("HTTP://example.org/a?b=c&d") != nil)
    #expect(HTML.webURL("javascript:alert(1)") == nil)
    #expect(HTML.webURL("data:text/html,<script>") == nil)
    #expect(HTML.webURL("https://example.org/\"onmouseover=\"x") == nil)
    #expect(HTML.webURL("https://") == nil)
    #expect(
      HTMLPage.subscripts("w_ij = Σ_{i≠j} s_out")
        == "w<sub>ij</sub> = Σ<sub>i≠j</sub> s<sub>out</sub>")
  }

  // MARK: Wording

  @Test func datesListsAndSelectionsInWords() throws {
    let d = { (y: Int, m: Int, day: Int) in Day(year: y, month: m, day: day)! }
    #expect(Wording.range(d(2018, 3, 14), d(2018, 3, 30)) == "14–30 March 2018")
    #expect(Wording.range(d(2018, 2, 28), d(2018, 3, 3)) == "28 February – 3 March 2018")
    #expect(
      Wording.range(d(2017, 12, 30), d(2018, 1, 2)) == "30 December 2017 – 2 January 2018")
    #expect(Wording.between(d(2018, 3, 14), d(2018, 3, 30)) == "14 and 30 March 2018")
    #expect(Wording.list(["a"]) == "a")
    #expect(Wording.list(["a", "b", "c"]) == "a, b and c")
    #expect(Wording.list(["a", "b", "c", "d"], limit: 2) == "a, b and 2 others")
    let wording = try Wording(readersOf: Episode().network.dataSet)
    #expect(wording.describe(.all) == "all actions")
    #expect(
      wording.describe(
        Selection(
          kinds: [.retaliation, .expulsion], since: d(2018, 3, 26), blocs: ["EU"], side: .target))
        == "expulsions and retaliations, from 26 March 2018, against EU member states")
    #expect(
      wording.describe(Selection(actors: ["USA", "NATO"], side: .either))
        == "all kinds of action, involving NATO and United States")
    #expect(Wording.kindPlural(ActionKind("démarche")) == "Actions of kind ‘démarche’")
  }
}
