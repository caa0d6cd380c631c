import DiploGraph

extension Report {
  /// The Content-Security-Policy of every HTML report.
  public static let contentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

  /// The report as one self-contained HTML page: no external asset, no script.
  ///
  /// - Every text from the data set goes through ``XMLEscaping/attribute(_:)``; source links
  ///   are written only for `http`/`https` URLs (``HTML/webURL(_:)``).
  /// - A Content-Security-Policy meta tag forbids scripts and every external load
  ///   (``contentSecurityPolicy``).
  /// - Readable on a phone (tables scroll sideways within their frame; the diagram can be
  ///   panned) and on paper (print styles: no clipped table, folded tables printed open,
  ///   diagrams fit the page); headings in order, tables with captions and `<th scope>`, charts
  ///   with `role="img"`, a title and a description.
  /// - Ids used by the page: `in-brief`, `network`, `frames`, `sources-check`, `responses`, `timeline`,
  ///   `blocs`, `actors`, `pairs`, `sources`, `about`, `methods` (and those ending in `-h`),
  ///   `table-…` and `chart-…`; give the diagram another prefix (`diagram`, say), and each
  ///   frame its own (`frame-01`, …).
  ///
  /// - Complexity: O(n + L + K) for n selected actions, L links and K actors, plus the size
  ///   of the diagram.
  public func html() -> String {
    let content = ReportContent(network: network, statistics: statistics, options: options)
    var page = HTMLPage()
    page.head(title: content.title)
    page.masthead(content)
    page += "<main>\n"
    page.inBrief(content)
    page.networkSection(content, diagram: diagram)
    page.sourcesCheck(content)
    page.responses(content)
    page.timeline(content)
    page.blocs(content)
    page.actors(content)
    page.sources(content)
    page.about(content)
    page.methods(content)
    page += "</main>\n"
    page.footer(content)
    page += "</body>\n</html>\n"
    return page.text
  }
}

/// The HTML being written, and the sections' markup.
struct HTMLPage {
  private(set) var text = ""

  static func += (page: inout HTMLPage, markup: String) { page.text += markup }

  /// Escaped text.
  private func e(_ s: String) -> String { XMLEscaping.attribute(s) }

  mutating func head(title: String) {
    self += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    self += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    self +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Report.contentSecurityPolicy)\">\n"
    self += "<meta name=\"referrer\" content=\"no-referrer\">\n"
    self += "<meta name=\"color-scheme\" content=\"light\">\n"
    self += "<title>\(e(title))</title>\n<style>\n\(HTMLPage.css)</style>\n</head>\n<body>\n"
  }

  mutating func masthead(_ c: ReportContent) {
    self += "<header class=\"masthead\">\n<p class=\"kicker\">Data report</p>\n"
    self += "<h1>\(e(c.title))</h1>\n"
    if let description = c.dataSet.description, !description.isEmpty {
      self += "<p class=\"dek\">\(e(description))</p>\n"
    }
    self += "<p class=\"meta\">\(e(c.mastheadLine))</p>\n</header>\n"
  }

  private mutating func open(_ id: String, _ heading: String) {
    self += "<section id=\"\(id)\" aria-labelledby=\"\(id)-h\">\n"
    self += "<h2 id=\"\(id)-h\">\(e(heading))</h2>\n"
  }

  private mutating func close() { self += "</section>\n" }

  private mutating func paragraph(_ s: String, className: String? = nil) {
    let c = className.map { " class=\"\($0)\"" } ?? ""
    self += "<p\(c)>\(e(s))</p>\n"
  }

  private mutating func list(_ items: [String]) {
    guard !items.isEmpty else { return }
    self += "<ul>\n" + items.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
  }

  mutating func inBrief(_ c: ReportContent) {
    open("in-brief", "In brief")
    self += "<dl class=\"key-figures\">\n"
    for f in c.keyFigures {
      self += "<div class=\"figure-card\"><dt>\(e(f.label))</dt>"
      self +=
        "<dd class=\"value\">\(e(f.value))</dd><dd class=\"detail\">\(e(f.detail))</dd></div>\n"
    }
    self += "</dl>\n"
    for p in c.summary { paragraph(p) }
    close()
  }

  mutating func networkSection(_ c: ReportContent, diagram: Diagram?) {
    guard let diagram else { return }
    open("network", "The network")
    let fit = diagram.isNarrow ? " fit" : ""
    self += "<figure class=\"diagram\(fit)\">\n<div class=\"pan\(fit)\">\n"
    self += "\(diagram.sizedSVG)</div>\n"
    if let legend = diagram.legend { self += legend.html }
    let (unit, size) =
      diagram.countsEvents
      ? ("events", "events sent and received") : ("diplomats", "diplomats expelled and lost")
    var caption =
      "Who acted against whom. Each arrow goes from the actor who acts to the actor acted "
      + "upon; its number is the count of \(unit), its width grows with it, its line and "
      + "colour tell the kind of action. Node size: \(size)."
    if diagram.radial {
      caption += " The actor in the middle deals with most of the others."
    }
    if let merged = diagram.caption { caption += " " + merged }
    self += "<figcaption>\(e(caption))"
    if !diagram.isNarrow {
      self += "<span class=\"swipe\"> Swipe sideways to see the whole diagram.</span>"
    }
    self += "</figcaption>\n"
    self += "</figure>\n"
    frames(diagram)
    close()
  }

  /// The frames as small multiples: a grid that reflows (three a row on a wide screen, one on
  /// a phone), each frame captioned with its period.
  private mutating func frames(_ diagram: Diagram) {
    guard !diagram.frames.isEmpty else { return }
    self += "<h3 id=\"frames-h\">As it unfolded</h3>\n"
    var caption =
      "The same diagram, period by period: each frame draws the actions of its period, every "
      + "actor at its place in the whole diagram."
    if let note = diagram.framesCaption { caption += " " + note }
    paragraph(caption, className: "note")
    self += "<div class=\"frames\" id=\"frames\">\n"
    for frame in diagram.frames {
      self += "<figure class=\"frame\">\n\(frame.svg)"
      self += "<figcaption>\(e(frame.period))</figcaption>\n</figure>\n"
    }
    self += "</div>\n"
  }

  mutating func sourcesCheck(_ c: ReportContent) {
    guard let sources = c.statistics.sources else { return }
    open("sources-check", "What the sources say, checked against the data")
    paragraph(c.sourcesLine(sources))
    if !sources.figures.isEmpty { table(c.figureTable(sources), c) }
    let conflicts = c.figureConflicts(sources)
    if !conflicts.isEmpty {
      self += "<h3>Figures that cannot all be true</h3>\n"
      list(conflicts)
    }
    let claims = c.claimTable(sources)
    if claims.rows.isEmpty {
      paragraph(
        "No source’s figure for a single action contradicts the data or another source.",
        className: "note")
    } else {
      self += "<h3>Claims that disagree</h3>\n"
      table(claims, c)
    }
    close()
  }

  mutating func responses(_ c: ReportContent) {
    guard let responses = c.statistics.responses, !responses.exchanges.isEmpty else { return }
    open("responses", "Who answered")
    table(c.outcomeTable(responses), c)
    let unanswered = c.unansweredByKind(responses)
    if !unanswered.isEmpty {
      self += "<h3>Left unanswered, by kind of action</h3>\n"
      list(unanswered)
    }
    let time = responses.timeToAnswer.all
    if time.originals > 0 {
      self += "<h3>Time to answer</h3>\n"
      let chart = SurvivalChart(curve: time)
      self += "<figure class=\"chart\">\n"
      self += chart.svg(options: ChartOptions(trustedPrefix: "chart-survival"))
      self += "<figcaption>\(e(chart.summary))</figcaption>\n</figure>\n"
    }
    let unmatched = responses.unmatchedAnswers.count
    if unmatched > 0 {
      paragraph(
        NumberText.counted(unmatched, "answer") + " answer no action of this selection.",
        className: "note")
    }
    table(c.exchangeTable(responses), c)
    close()
  }

  mutating func timeline(_ c: ReportContent) {
    guard !c.timeline.bins.isEmpty else { return }
    open("timeline", "When")
    let svg = c.timeline.svg(options: ChartOptions(trustedPrefix: "chart-timeline"))
    self += "<figure class=\"chart\">\n\(svg)"
    var caption =
      "Diplomats concerned by the actions of each \(c.timeline.period.rawValue), by kind of "
      + "action; a dot for each action without a count."
    if c.timeline.undatedActions > 0 {
      caption +=
        " " + NumberText.counted(c.timeline.undatedActions, "undated action")
        + " cannot be placed."
    }
    self += "<figcaption>\(e(caption))</figcaption>\n</figure>\n"
    close()
  }

  mutating func blocs(_ c: ReportContent) {
    guard let blocs = c.statistics.blocs, let chart = c.blocChart, !blocs.blocs.isEmpty else {
      return
    }
    open("blocs", "Blocs")
    let svg = chart.svg(options: ChartOptions(trustedPrefix: "chart-blocs"))
    self += "<figure class=\"chart\">\n\(svg)"
    self +=
      "<figcaption>\(e("Diplomats expelled by the members of each bloc, and their share of all the diplomats concerned."))</figcaption>\n</figure>\n"
    for note in c.blocNotes(blocs) { paragraph(note, className: "note") }
    table(c.blocTable(blocs), c)
    close()
  }

  mutating func actors(_ c: ReportContent) {
    guard !c.statistics.actors.isEmpty else { return }
    open("actors", "Actors")
    table(c.actorTable, c)
    close()
    open("pairs", "Pairs")
    table(c.dyadTable, c)
    close()
  }

  mutating func sources(_ c: ReportContent) {
    guard let sources = c.statistics.sources, !sources.sources.isEmpty else { return }
    open("sources", "Sources")
    table(c.sourceTable(sources), c)
    let omissions = c.omissions(sources)
    if !omissions.isEmpty {
      self += "<h3>What each source leaves out</h3>\n"
      list(omissions)
    }
    let unsourced = sources.unsourcedActions
    if unsourced > 0 {
      paragraph(
        NumberText.counted(unsourced, "action") + " of the selection name no source.",
        className: "note")
    }
    close()
  }

  mutating func about(_ c: ReportContent) {
    let data = c.dataSet
    guard !data.notes.isEmpty || !data.sources.isEmpty else { return }
    open("about", "About the data")
    for note in data.notes where !note.isEmpty { paragraph(note) }
    if !data.sources.isEmpty {
      self += "<h3>Sources</h3>\n<ul class=\"source-list\">\n"
      for source in data.sources {
        var item = "<li>"
        if let publisher = source.publisher, !publisher.isEmpty { item += e(publisher) + ", " }
        let title = source.title.isEmpty ? source.id.rawValue : source.title
        if let url = source.url.flatMap(HTML.webURL) {
          item += "<a href=\"\(e(url))\" rel=\"noreferrer\">“\(e(title))”</a>"
        } else {
          item += "“\(e(title))”"
        }
        if let date = source.date { item += ", " + e(Wording.date(date)) }
        item += "."
        if let note = source.note, !note.isEmpty {
          item += " <span class=\"detail\">\(e(note))</span>"
        }
        self += item + "</li>\n"
      }
      self += "</ul>\n"
    }
    close()
  }

  mutating func methods(_ c: ReportContent) {
    open("methods", "Methods")
    for (term, formula, words) in ReportContent.methods(c.statistics) {
      self += "<h3>\(e(term))</h3>\n"
      if !formula.isEmpty {
        self += "<p class=\"formula\">\(HTMLPage.subscripts(e(formula)))</p>\n"
      }
      paragraph(words)
    }
    close()
  }

  mutating func footer(_ c: ReportContent) {
    self += "<footer>\n"
    var line = c.selectionLine
    if let generator = c.options.generator, !generator.isEmpty {
      line = "Made with \(generator). " + line
    }
    paragraph(line)
    self += "</footer>\n"
  }

  // MARK: Tables

  mutating func table(_ t: Table, _ c: ReportContent) {
    self += t.html(foldRowsAbove: c.options.foldRowsAbove, omitted: c.omitted)
  }

  /// Escaped formula text with `x_ij`, `x_{i≠j}`, `s_out` written as subscripts; only for the
  /// report's own formulas.
  static func subscripts(_ escaped: String) -> String {
    var out = ""
    var rest = Substring(escaped)
    while let underscore = rest.firstIndex(of: "_") {
      out += rest[..<underscore]
      rest = rest[rest.index(after: underscore)...]
      if rest.first == "{", let close = rest.firstIndex(of: "}") {
        out += "<sub>" + rest[rest.index(after: rest.startIndex)..<close] + "</sub>"
        rest = rest[rest.index(after: close)...]
      } else {
        let end = rest.firstIndex { !($0.isLetter || $0.isNumber) } ?? rest.endIndex
        out += "<sub>" + rest[..<end] + "</sub>"
        rest = rest[end...]
      }
    }
    return out + rest
  }
}
