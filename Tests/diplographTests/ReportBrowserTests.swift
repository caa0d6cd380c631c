import DiploGraph
import Foundation
import TestSupport
import Testing

/// `diplograph report` as a reader sees it: the built command line writes the report, headless
/// Chromium opens the file, and the tests read what it rendered (its DOM, `--dump-dom`) and
/// take screenshots at a desktop and a phone width. Set `DIPLOGRAPH_LOOK_DIR` to a folder to
/// keep the reports and screenshots there.
///
/// Scripts: Chromium 156's headless `--dump-dom` and `--screenshot` give nothing at all when
/// scripting is turned off (`--blink-settings=scriptEnabled=false`; they evaluate script of
/// their own), so the pages are loaded as they are, and what keeps scripts out is the report's
/// Content-Security-Policy, which ``theContentSecurityPolicyStopsScripts()`` shows working in
/// this browser: the rendered DOM is the DOM without JavaScript.
@Suite(.serialized) final class ReportBrowserTests {
  let folder: URL

  init() throws {
    folder = try Fixtures.temporaryDirectory()
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  private var episode: String { Fixtures.graph("skripal-2018.json").path }

  /// Writes the report with the built command line; returns its path.
  private func report(_ input: String, _ name: String, _ extra: [String] = []) throws -> URL {
    let output = folder.appendingPathComponent(name)
    let run = try BuiltPrograms.run(
      try BuiltPrograms.executable("diplograph"), ["report", input, "-o", output.path] + extra)
    #expect(run.status == 0, "\(run.standardError)")
    keep(output)
    return output
  }

  /// The DOM Chromium builds from `page`.
  private func dom(_ page: URL) throws -> String {
    let run = try BuiltPrograms.run(
      try BuiltPrograms.chromium(),
      BuiltPrograms.chromiumFlags(profile: folder) + ["--dump-dom", page.absoluteString])
    #expect(run.status == 0, "\(run.standardError)")
    try #require(!run.standardOutput.isEmpty, "chromium printed no DOM: \(run.standardError)")
    return run.standardOutput
  }

  /// A screenshot of `page` at `width` × `height` CSS pixels.
  private func screenshot(_ page: URL, width: Int, height: Int, as name: String) throws -> URL {
    let png = folder.appendingPathComponent(name)
    let run = try BuiltPrograms.run(
      try BuiltPrograms.chromium(),
      BuiltPrograms.chromiumFlags(profile: folder) + [
        "--screenshot=\(png.path)", "--window-size=\(width),\(height)", page.absoluteString,
      ])
    #expect(run.status == 0, "\(run.standardError)")
    keep(png)
    return png
  }

  private func keep(_ file: URL) {
    guard let look = ProcessInfo.processInfo.environment["DIPLOGRAPH_LOOK_DIR"] else { return }
    let target = URL(fileURLWithPath: look).appendingPathComponent(file.lastPathComponent)
    try? FileManager.default.removeItem(at: target)
    try? FileManager.default.copyItem(at: file, to: target)
  }

  /// The text a reader sees: tags removed, entities decoded, white space collapsed.
  static func text(_ html: String) -> String {
    var s = html.replacing(/<style[\s\S]*?<\/style>/, with: " ")
    s = s.replacing(/<[^>]*>/, with: " ")
    for (entity, character) in [
      ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "),
      ("&amp;", "&"),
    ] {
      s = s.replacingOccurrences(of: entity, with: character)
    }
    return s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  // MARK: The 2018 report

  @Test func theReportOfTheEpisodeShowsItsFiguresInTheBrowser() throws {
    let page = try report(episode, "skripal-2018.html")
    let html = try dom(page)
    #expect(!html.lowercased().contains("<script"))
    let text = Self.text(html)
    #expect(
      text.contains("Expulsions of Russian diplomats after the Salisbury poisoning, March 2018"))
    // The headline figures, in words and numbers (each card's label, then its figure).
    #expect(text.contains("diplomats 348 in 61 actions"))
    #expect(text.contains("reciprocity r 0.877 50 of 57 links returned"))
    #expect(text.contains("weighted reciprocity r_w 0.816 284 of 348 diplomats matched"))
    // Counted in original actions, and said so (not 34 exchanges taken for actions).
    #expect(text.contains("unanswered 9 of 35 original actions (61 actions in all)"))
    #expect(text.contains("Between 14 and 30 March 2018, 33 actors took 61 actions"))
    // 123 expelled in the coordinated action, the blocs' 35 / 22 / 66 and NATO's 7, checked.
    #expect(
      text.contains(
        "Al Jazeera Expelled by states in all Expulsions, 26–27 March 2018, by EU member states, "
          + "Non-EU European states and Other countries — “the expulsion of 123 Russian "
          + "diplomats” 123 123 ✓ yes"))
    #expect(
      text.contains(
        "Expelled by EU member states Expulsions, 26–27 March 2018, by EU member states — “Total: 35” 35 35 ✓ yes"
      ))
    #expect(text.contains("“Total: 22” 22 22 ✓ yes"))
    #expect(text.contains("“Total: 66” 66 66 ✓ yes"))
    #expect(
      text.contains("Expelled by NATO Expulsions, 26–27 March 2018, by NATO — “NATO – 7” 7 7 ✓ yes")
    )
    // The four states whose expulsions Russia left unanswered.
    #expect(
      text.contains(
        "Expulsions left unanswered: four states (Belgium, Georgia, Hungary and Montenegro) and "
          + "NATO."))
    // The diagram and the three charts, as inline SVG with their accessible names, and the
    // diagram's legend as text beside it (a small SVG swatch or line sample per entry).
    let legendSamples = html.matches(of: /<svg class="(swatch|line)"/).count
    #expect(legendSamples == 11)  // 5 bloc swatches (4 blocs, no bloc), 6 kinds
    // The six days with an action as small multiples, one SVG each, captioned with the day.
    let frames = html.matches(of: /<figure class="frame">/).count
    #expect(frames == 6)
    #expect(html.contains("<figcaption>26 March 2018</figcaption>"))
    #expect(html.matches(of: /<svg\s/).count == 4 + legendSamples + frames)
    #expect(html.contains("id=\"chart-survival\" class=\"chart\" role=\"img\""))
    #expect(html.contains("id=\"diagram\" class=\"diplograph\" role=\"img\""))
    #expect(html.contains("<title id=\"diagram-title\">Network diagram: Expulsions of Russian"))
    #expect(html.contains("id=\"chart-timeline\" class=\"chart\" role=\"img\""))
    #expect(html.contains("id=\"chart-blocs\" class=\"chart\" role=\"img\""))
    #expect(html.contains("<title>RUS</title>"))  // Russia's node

    let desktop = try screenshot(page, width: 1280, height: 2400, as: "skripal-2018-desktop.png")
    let size = try BuiltPrograms.pngSize(desktop)
    #expect(size.width == 1280 && size.height == 2400)
    let phone = try screenshot(page, width: 390, height: 2400, as: "skripal-2018-phone.png")
    #expect(try BuiltPrograms.pngSize(phone).width == 390)
    // A page drawn, not an empty one: a PNG of this size is tens of kilobytes at least.
    #expect(try Data(contentsOf: desktop).count > 50_000)
  }

  @Test func theSameCommandWritesTheSameBytes() throws {
    let first = try Data(contentsOf: report(episode, "first.html"))
    let second = try Data(contentsOf: report(episode, "second.html"))
    #expect(first == second)
  }

  // MARK: Hostile text

  static let hostile = "Fish & <script>alert('x')</script> \"quoted\" 🇷🇺 café"

  private func hostileDataSet() throws -> URL {
    var actions = ActionTable()
    actions.append(
      Action(
        id: "a", actor: "A", target: "B", kind: .expulsion, count: 3,
        date: Day(year: 2020, month: 1, day: 2), sources: ["s"], note: Self.hostile))
    actions.append(
      Action(
        actor: "B", target: "A", kind: .retaliation, count: 2,
        date: Day(year: 2020, month: 1, day: 6), respondsTo: ["a"], sources: ["s"]))
    let data = DataSet(
      title: Self.hostile, description: "</p><img src=x onerror=alert(1)>",
      notes: ["<iframe src=\"https://example.org\"></iframe>"],
      actors: [
        Actor(id: "A", name: Self.hostile),
        Actor(id: "B", name: "B & <b>Co</b>", kind: .organisation),
      ],
      blocs: [Bloc(id: "X", name: "<style>body{display:none}</style>", members: ["A"])],
      sources: [
        Source(
          id: "s", title: "'single' & \"double\"", publisher: "<u>P</u>", url: "javascript:alert(1)"
        )
      ],
      actions: actions,
      figures: [
        ReportedFigure(
          source: "s", label: Self.hostile, measure: .diplomats, value: 3, quote: "<q>")
      ])
    let file = folder.appendingPathComponent("hostile.json")
    try Data(CanonicalJSON.write(data)).write(to: file)
    return file
  }

  @Test func aHostileDataSetShowsItsTextLiterally() throws {
    let page = try report(try hostileDataSet().path, "hostile.html")
    let html = try dom(page)
    let lower = html.lowercased()
    #expect(!lower.contains("<script"))
    #expect(!lower.contains("<img"))
    #expect(!lower.contains("<iframe"))
    #expect(!lower.contains("javascript:"))
    #expect(html.matches(of: /<style/).count == 1)  // the page's own
    let text = Self.text(html)
    #expect(text.contains(Self.hostile))
    #expect(text.contains("B & <b>Co</b>"))
    #expect(text.contains("</p><img src=x onerror=alert(1)>"))
    #expect(text.contains("<style>body{display:none}</style>"))
    let shot = try screenshot(page, width: 800, height: 1200, as: "hostile.png")
    #expect(try BuiltPrograms.pngSize(shot).width == 800)
  }

  @Test func theContentSecurityPolicyStopsScripts() throws {
    // The control: the same page without the policy runs its script, with it does not.
    func page(_ name: String, policy: Bool) throws -> URL {
      let meta =
        policy
        ? "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          + "style-src 'unsafe-inline'; img-src data:\">" : ""
      let html =
        "<!DOCTYPE html><html><head>\(meta)</head><body><p id=\"p\">static</p>"
        + "<script>document.getElementById('p').textContent = 'script ran'</script></body></html>"
      let url = folder.appendingPathComponent(name)
      try html.write(to: url, atomically: true, encoding: .utf8)
      return url
    }
    #expect(try dom(page("open.html", policy: false)).contains("<p id=\"p\">script ran</p>"))
    #expect(try dom(page("closed.html", policy: true)).contains("<p id=\"p\">static</p>"))
    // And the report carries that policy.
    let report = try String(contentsOf: report(episode, "policy.html"), encoding: .utf8)
    #expect(
      report.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          + "style-src 'unsafe-inline'; img-src data:\">"))
  }

  // MARK: Markdown

  @Test func theMarkdownReportWritesItsPicturesBesideIt() throws {
    let markdown = try report(episode, "skripal-2018.md")
    let text = try String(contentsOf: markdown, encoding: .utf8)
    #expect(text.contains("| 123 | 123 | ✓ yes |"))
    #expect(
      text.contains(
        "- Expulsions left unanswered: four states (Belgium, Georgia, Hungary and Montenegro) "
          + "and NATO."))
    for name in ["network", "timeline", "blocs"] {
      let svg = folder.appendingPathComponent("skripal-2018-\(name).svg")
      #expect(text.contains("](<skripal-2018-\(name).svg>)"))
      let contents = try String(contentsOf: svg, encoding: .utf8)
      #expect(contents.hasPrefix("<svg"))
      #expect(
        contents.contains(" width=\"") && contents.contains("xmlns=\"http://www.w3.org/2000/svg\""))
      keep(svg)
    }
    // Opened as an image, the network diagram draws.
    let shot = try screenshot(
      folder.appendingPathComponent("skripal-2018-network.svg"), width: 900, height: 900,
      as: "skripal-2018-network.png")
    #expect(try Data(contentsOf: shot).count > 20_000)
  }
}
