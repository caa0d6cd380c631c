import DiploGraph

extension Report {
  /// A file the Markdown report links, to be written beside it.
  public struct File: Hashable, Sendable {
    /// A plain file name, in the same folder as the Markdown.
    public var name: String
    public var contents: String
  }

  /// The Markdown text and the files it links.
  public struct MarkdownOutput: Hashable, Sendable {
    public var markdown: String
    public var files: [File]
  }

  /// The report as Markdown (CommonMark with GitHub's tables), with the same sections and
  /// words as the HTML; the pictures are files of their own, written beside the Markdown and
  /// linked from it, named after `baseName` (`report` → `report-network.svg`,
  /// `report-timeline.svg`, `report-blocs.svg`, the frames `report-frame-01.svg`, …). Give it a diagram of a fixed size, so that it
  /// keeps its size when opened as an image.
  ///
  /// Every text from the data set is escaped for Markdown (ASCII punctuation that Markdown or
  /// HTML would read is backslash-escaped, so `<script>` stays text, and line breaks become
  /// spaces); the SVG files are escaped as XML.
  ///
  /// - Complexity: O(n + L + K) for n selected actions, L links and K actors, plus the size
  ///   of the diagram.
  public func markdown(baseName: String) -> MarkdownOutput {
    let c = ReportContent(network: network, statistics: statistics, options: options)
    var md = MarkdownText(content: c, baseName: baseName)
    md.line("# " + MarkdownEscaping.line(c.title))
    if let description = c.dataSet.description, !description.isEmpty {
      md.paragraph(MarkdownEscaping.line(description))
    }
    md.paragraph("_" + MarkdownEscaping.line(c.mastheadLine) + "_")

    md.heading("In brief")
    md.list(
      c.keyFigures.map {
        "**\(MarkdownEscaping.line($0.value))** \(MarkdownEscaping.line($0.label)) — "
          + MarkdownEscaping.line($0.detail)
      })
    for p in c.summary { md.paragraph(MarkdownEscaping.line(p)) }

    if let diagram {
      md.heading("The network")
      md.picture("network", diagram.svg, alt: "Network diagram: " + c.title)
      md.paragraph(
        "_Who acted against whom: each arrow goes from the actor who acts to the actor acted "
          + "upon; its number is the count of \(diagram.countsEvents ? "events" : "diplomats")._")
      if let merged = diagram.caption { md.paragraph("_" + MarkdownEscaping.line(merged) + "_") }
      md.frames(diagram)
    }

    if let sources = c.statistics.sources {
      md.heading("What the sources say, checked against the data")
      md.paragraph(MarkdownEscaping.line(c.sourcesLine(sources)))
      if !sources.figures.isEmpty { md.table(c.figureTable(sources)) }
      let conflicts = c.figureConflicts(sources)
      if !conflicts.isEmpty {
        md.heading("Figures that cannot all be true", level: 3)
        md.list(conflicts.map(MarkdownEscaping.line))
      }
      let claims = c.claimTable(sources)
      if !claims.rows.isEmpty {
        md.heading("Claims that disagree", level: 3)
        md.table(claims)
      }
    }

    if let responses = c.statistics.responses, !responses.exchanges.isEmpty {
      md.heading("Who answered")
      md.table(c.outcomeTable(responses))
      let unanswered = c.unansweredByKind(responses)
      if !unanswered.isEmpty {
        md.heading("Left unanswered, by kind of action", level: 3)
        md.list(unanswered.map(MarkdownEscaping.line))
      }
      let time = responses.timeToAnswer.all
      if time.originals > 0 {
        md.heading("Time to answer", level: 3)
        let chart = SurvivalChart(curve: time)
        let options = ChartOptions(trustedPrefix: "chart-survival", fixedSize: true)
        md.picture("survival", chart.svg(options: options), alt: chart.summary)
      }
      md.table(c.exchangeTable(responses))
    }

    if !c.timeline.bins.isEmpty {
      md.heading("When")
      let options = ChartOptions(trustedPrefix: "chart-timeline", fixedSize: true)
      md.picture("timeline", c.timeline.svg(options: options), alt: c.timeline.summary)
    }

    if let blocs = c.statistics.blocs, let chart = c.blocChart, !blocs.blocs.isEmpty {
      md.heading("Blocs")
      let options = ChartOptions(trustedPrefix: "chart-blocs", fixedSize: true)
      md.picture(
        "blocs", chart.svg(options: options),
        alt: "Diplomats expelled, by bloc. " + chart.summary)
      for note in c.blocNotes(blocs) { md.paragraph(MarkdownEscaping.line(note)) }
      md.table(c.blocTable(blocs))
    }

    if !c.statistics.actors.isEmpty {
      md.heading("Actors")
      md.table(c.actorTable)
      md.heading("Pairs")
      md.table(c.dyadTable)
    }

    if let sources = c.statistics.sources, !sources.sources.isEmpty {
      md.heading("Sources")
      md.table(c.sourceTable(sources))
      let omissions = c.omissions(sources)
      if !omissions.isEmpty {
        md.heading("What each source leaves out", level: 3)
        md.list(omissions.map(MarkdownEscaping.line))
      }
    }

    let data = c.dataSet
    if !data.notes.isEmpty || !data.sources.isEmpty {
      md.heading("About the data")
      for note in data.notes where !note.isEmpty { md.paragraph(MarkdownEscaping.line(note)) }
      if !data.sources.isEmpty {
        md.heading("Sources", level: 3)
        md.list(
          data.sources.map { source in
            var item = ""
            if let publisher = source.publisher, !publisher.isEmpty {
              item += MarkdownEscaping.line(publisher) + ", "
            }
            let title =
              "“" + MarkdownEscaping.line(source.title.isEmpty ? source.id.rawValue : source.title)
              + "”"
            if let url = source.url.flatMap(HTML.webURL) {
              item += "[\(title)](<\(MarkdownText.linkDestination(url))>)"
            } else {
              item += title
            }
            if let date = source.date { item += ", " + Wording.date(date) }
            return item + "."
          })
      }
    }

    md.heading("Methods")
    for (term, formula, words) in ReportContent.methods(c.statistics) {
      md.heading(term, level: 3)
      if !formula.isEmpty { md.paragraph("_" + MarkdownEscaping.line(formula) + "_") }
      md.paragraph(MarkdownEscaping.line(words))
    }
    if let generator = options.generator, !generator.isEmpty {
      md.paragraph("---")
      md.paragraph("_Made with " + MarkdownEscaping.line(generator) + "._")
    }
    return MarkdownOutput(markdown: md.text, files: md.files)
  }
}

/// Markdown being written, and the pictures it links.
struct MarkdownText {
  private(set) var text = ""
  private(set) var files: [Report.File] = []
  /// What the report says after a table that leaves rows out.
  let content: ReportContent
  /// The start of the pictures' names.
  let baseName: String

  /// A relative or absolute URL for a link destination in angle brackets: characters other
  /// than unreserved, reserved and `%` are percent-encoded (spaces, `<`, `>`, non-ASCII).
  static func linkDestination(_ s: String) -> String {
    var out = ""
    for byte in s.utf8 {
      let c = Unicode.Scalar(byte)
      let allowed =
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
        || "-._~:/?#@!$&'*+,;=%".unicodeScalars.contains(c)
      if allowed {
        out.unicodeScalars.append(c)
      } else {
        let digits = Array("0123456789ABCDEF")
        out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
      }
    }
    return out
  }

  mutating func line(_ s: String) { text += s + "\n" }

  mutating func paragraph(_ s: String) { text += "\n" + s + "\n" }

  mutating func heading(_ title: String, level: Int = 2) {
    text += "\n" + String(repeating: "#", count: level) + " " + MarkdownEscaping.line(title) + "\n"
  }

  mutating func list(_ items: [String]) {
    guard !items.isEmpty else { return }
    text += "\n" + items.map { "- " + $0 + "\n" }.joined()
  }

  /// A picture in a file of its own, `<baseName>-<name>.svg`, and the image that links it.
  mutating func picture(_ name: String, _ svg: String, alt: String) {
    let file = baseName + "-" + name + ".svg"
    files.append(Report.File(name: file, contents: svg))
    paragraph("![\(MarkdownEscaping.line(alt))](<\(MarkdownText.linkDestination(file))>)")
  }

  /// The diagram's frames, one picture each (`<baseName>-frame-01.svg`, …) under its period.
  mutating func frames(_ diagram: Diagram) {
    guard !diagram.frames.isEmpty else { return }
    heading("As it unfolded", level: 3)
    var caption =
      "The same diagram, period by period: each frame draws the actions of its period, every "
      + "actor at its place in the whole diagram."
    if let note = diagram.framesCaption { caption += " " + note }
    paragraph("_" + MarkdownEscaping.line(caption) + "_")
    let width = max(2, String(diagram.frames.count).count)
    for (i, frame) in diagram.frames.enumerated() {
      let number = String(i + 1)
      paragraph("**" + MarkdownEscaping.line(frame.period) + "**")
      picture(
        "frame-" + String(repeating: "0", count: width - number.count) + number, frame.svg,
        alt: "Network diagram, " + frame.period)
    }
  }

  /// A table: its caption in bold, the rows, how many were left out, the notes.
  mutating func table(_ t: Table) {
    text += "\n**" + MarkdownEscaping.line(t.title) + "**\n\n"
    text += t.markdown(escaping: MarkdownEscaping.line)
    if t.omittedRows > 0 {
      text += "\n_" + MarkdownEscaping.line(content.omitted(t.omittedRows)) + "_\n"
    }
    for note in t.notes { text += "\n_" + MarkdownEscaping.line(note) + "_\n" }
  }
}
