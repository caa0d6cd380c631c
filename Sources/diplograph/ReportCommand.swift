import ArgumentParser
import DiploGraph
import DiploPresentation
import DiploRender
import Foundation

struct ReportCommand: ParsableCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case html, markdown
  }

  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a report: the diagram, the charts, the statistics and the source checks.",
    discussion: """
      html (the default) is one self-contained file: no external asset and no script (its \
      Content-Security-Policy forbids them), readable on a phone and in print. markdown writes \
      NAME.md and, beside it, the pictures it links: NAME-network.svg, NAME-timeline.svg, \
      NAME-blocs.svg and the frames NAME-frame-01.svg, …; it needs -o. The diagram is also \
      drawn period by period (at most 12 frames, periods merged beyond), unless --no-frames. \
      The analyses run on the selection; the sources' own figures are always checked against \
      the whole data set. See docs/reports.md.
      """
  )

  @OptionGroup var input: InputOptions
  @OptionGroup var selection: SelectionOptions
  @OptionGroup var analysis: AnalysisArguments
  @OptionGroup var look: StyleArguments
  @OptionGroup var output: OutputOptions
  @OptionGroup var layoutTime: LayoutTimeOptions
  @OptionGroup var threads: ThreadOptions

  @Option(name: .shortAndLong, help: "html or markdown (default: from -o's extension, else html).")
  var format: Format?

  @Option(
    help:
      "Layout engine of the diagram: dot, neato, fdp, sfdp, circo or twopi (default: chosen by size and shape)."
  )
  var layout: String?

  @Flag(help: "Run the chosen engine even on a graph too large for it.")
  var force = false

  @Flag(help: "Leave the network diagram out.")
  var noDiagram = false

  @Flag(help: "Leave out the frames (the diagram period by period, as small multiples).")
  var noFrames = false

  @Option(help: "The report's headline (default: the data set's title).")
  var headline: String?

  func validate() throws {
    if format == nil, let path = output.output,
      let unknown = OutputOptions.unknownExtension(
        of: path, known: ["html", "htm", "md", "markdown"])
    {
      throw ValidationError(
        "-o \(path): .\(unknown) is not a format report writes; expected .html or .md, or "
          + "name the format with --format")
    }
  }

  func run() throws {
    let chosen = format ?? output.output.flatMap(Self.format(ofPath:)) ?? .html
    let destination = output.output.flatMap { $0 == "-" ? nil : $0 }
    if chosen == .markdown && destination == nil {
      throw CommandFailure.usage(
        "--format markdown writes the report and its SVG files side by side: give -o REPORT.md")
    }
    let engine = try layout.map { try LayoutEngine(named: $0) }
    let style = try look.resolved()
    let document = try input.load(threads: threads.threads)
    let data = document.dataSet
    try look.checkColourBlocs(in: data)
    let network = try Network(
      data, selection: try selection.selection(in: data), threads: threads.threads)
    let statistics = try Statistics(
      network, options: threads.applied(to: try analysis.options(for: data)))
    var options = ReportOptions(
      palette: ChartPalette(style), generator: "diplograph \(Diplograph.configuration.version)",
      moreRows: "diplograph stats --format csv -o DIR lists them all")
    options.title = headline

    var diagram: Diagram?
    if !noDiagram {
      // The page's headline is the diagram's title: the picture draws none of its own, unless
      // --title asks for one.
      var diagramStyle = style
      if look.title == nil { diagramStyle.title = "" }
      // In HTML the legend is text beside the picture (readable on a phone), not in it.
      if chosen == .html { diagramStyle.legend = false }
      var dot = try DOTWriter(style: diagramStyle).document(for: network)
      var drawnStyle = diagramStyle
      if dot.edgeCount > Self.diagramEdgeLimit && layout == nil && !force {
        // Too many edges to read or to lay out: the strongest actors, the others merged.
        var smaller = diagramStyle
        smaller.maximumActors = min(diagramStyle.maximumActors ?? Int.max, Style.readableActors)
        while dot.edgeCount > Self.diagramEdgeLimit, let n = smaller.maximumActors, n > 2 {
          dot = try DOTWriter(style: smaller).document(for: network)
          drawnStyle = smaller
          smaller.maximumActors = n / 2
        }
        printError(
          "report: the diagram draws the strongest actors only (\(dot.nodeCount) nodes, "
            + "\(dot.edgeCount) edges); name --layout (or --force) with --draw-actors 0 to draw all."
        )
      }
      diagram = try renderDiagram(
        dot, engine: engine, title: headline ?? data.title, markdown: chosen == .markdown)
      if !style.legend { diagram?.legend = nil }
      if !noFrames {
        let frames = try frames(
          of: network, style: drawnStyle, engine: engine, markdown: chosen == .markdown)
        diagram?.frames = frames.frames
        diagram?.framesCaption = frames.caption
      }
    }

    let report = Report(
      network: network, statistics: statistics, diagram: diagram, options: options)
    switch chosen {
    case .html:
      try output.emit(report.html(), protecting: input.protectedPaths + look.protectedPaths)
    case .markdown:
      let path = destination!
      let folder = (path as NSString).deletingLastPathComponent
      var base = (path as NSString).lastPathComponent
      if (base as NSString).pathExtension.lowercased() == "md" {
        base = (base as NSString).deletingPathExtension
      }
      let markdown = report.markdown(baseName: base)
      // The pictures and the page that links them, replaced together (the page last).
      var files: [(bytes: [UInt8], path: String)] = markdown.files.map { file in
        let target =
          folder.isEmpty ? file.name : (folder as NSString).appendingPathComponent(file.name)
        return (Array(file.contents.utf8), target)
      }
      files.append((Array(markdown.markdown.utf8), path))
      try AtomicFile.write(files, protecting: input.protectedPaths + look.protectedPaths)
    }
  }

  /// Beyond this many edges a diagram is a tangle nobody reads, and laying it out takes
  /// minutes: the report draws fewer actors unless asked.
  static let diagramEdgeLimit = 2_000

  private func renderDiagram(
    _ dot: DOTDocument, engine: LayoutEngine?, title: String, markdown: Bool
  ) throws -> Diagram {
    let embedded = try layoutTime.renderer().embeddableSVG(
      dot, engine: engine,
      options: try SVGEmbedding(
        idPrefix: "diagram", fixedSize: markdown,
        title: title.isEmpty ? "Network diagram" : "Network diagram: \(title)"),
      force: force)
    if embedded.engine.automatic { printError(embedded.engine.description) }
    for warning in embedded.warnings { printError("graphviz: warning: \(warning)") }
    let radial = embedded.engine.engine == .circo || embedded.engine.engine == .twopi
    return Diagram(
      svg: embedded.svg, radial: radial, caption: dot.caption,
      legend: markdown ? nil : DiagramLegend(dot.legend), countsEvents: dot.legend.countsEvents)
  }

  static func format(ofPath path: String) -> Format? {
    switch (path as NSString).pathExtension.lowercased() {
    case "md", "markdown": return .markdown
    case "html", "htm": return .html
    default: return nil
    }
  }
}

extension DiagramLegend {
  /// The legend the DOT writer drew (or would have drawn) into the picture, for the page.
  init(_ content: DiagramLegendContent) {
    func css(_ colour: RGBColor) -> CSSColour {
      guard let css = CSSColour(hex: colour.hex) else {
        preconditionFailure("\(colour.hex) is #RRGGBB")
      }
      return css
    }
    self.init(
      blocs: content.blocs.map {
        Bloc(colour: css($0.colour), name: $0.name, boxOnly: $0.boxOnly)
      },
      kinds: content.kinds.map {
        Kind(
          colour: css($0.look.color), line: Line(rawValue: $0.look.line.rawValue) ?? .solid,
          name: $0.name)
      },
      notes: content.notes)
  }
}

extension ChartPalette {
  /// The colours of the diagram's `style`, so that a bloc and a kind of action have one colour
  /// in the charts and the diagram of a report.
  init(_ style: Style) {
    func css(_ colour: RGBColor) -> CSSColour {
      guard let css = CSSColour(hex: colour.hex) else {
        preconditionFailure("\(colour.hex) is #RRGGBB")
      }
      return css
    }
    self.init(
      blocColours: style.palette.map(css), colourBlocs: style.colourBlocs,
      unaffiliated: css(style.unaffiliatedFill),
      kinds: style.actionLooks.mapValues { css($0.color) },
      otherKinds: css(style.otherActionLook.color))
  }
}
