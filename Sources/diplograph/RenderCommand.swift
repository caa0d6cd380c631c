import ArgumentParser
import DiploGraph
import DiploRender
import Foundation

extension PenWidthScale: ExpressibleByArgument {}
extension NodeLabel: ExpressibleByArgument {}

/// The diagram's look, as command-line options over a style (default or read from a file).
struct StyleArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A style as JSON (every key optional; see docs/rendering.md).", valueName: "file"))
  var style: String?

  @Flag(help: "Group the actors of each bloc in a box (dot and fdp draw them).")
  var clusters = false

  @Flag(help: "One edge per action instead of one per ordered pair.")
  var perAction = false

  @Option(help: "How pen width follows the count: linear or log.")
  var penScale: PenWidthScale?

  @Option(help: "Node labels: name, id or name-and-id.")
  var nodeLabel: NodeLabel?

  @Flag(help: "Leave out the legend.")
  var noLegend = false

  @Option(
    help: ArgumentHelp(
      "Draw at most this many actors, the strongest; merge the others into one node per bloc "
        + "(default: \(Style.readableActors); 0: every actor).", valueName: "n"))
  var drawActors: Int?

  @Flag(help: "Leave the counts off the edges.")
  var noCounts = false

  @Option(help: "The title drawn above the diagram (\"\" for none; default: the data set's title).")
  var title: String?

  @Option(
    name: .customLong("colour-blocs"),
    help: ArgumentHelp(
      "The blocs that colour the nodes, first match wins (commas).", valueName: "blocs"))
  var colourBlocs: String?

  /// Refuses a `--colour-blocs` bloc that neither the data set nor the reference data has (a
  /// style file's blocs are not checked: one style may serve many data sets).
  func checkColourBlocs(in dataSet: DataSet) throws {
    guard let colourBlocs else { return }
    try ReferenceOptions.checkBlocs(
      colourBlocs.split(separator: ",").map(String.init), option: "--colour-blocs", in: dataSet)
  }

  /// The files these options make the run read (the style file), which no output may
  /// overwrite.
  var protectedPaths: [String] { style.map { [$0] } ?? [] }

  func resolved() throws -> Style {
    var result = Style.standard
    if let style {
      result = try StyleFile.read(
        DataSetFile.readBytes(style, limit: StyleFile.maxBytes), file: style)
    }
    if clusters { result.clusters = true }
    if perAction { result.edgeMode = .perAction }
    if let penScale { result.penWidthScale = penScale }
    if let nodeLabel { result.nodeLabel = nodeLabel }
    if noLegend { result.legend = false }
    if noCounts { result.edgeLabels = false }
    if let title { result.title = title }
    if let drawActors {
      guard (0...100_000).contains(drawActors) else {
        throw ValidationError("--draw-actors expects 0…100000, found \(drawActors)")
      }
      result.maximumActors = drawActors == 0 ? nil : drawActors
    }
    if let colourBlocs {
      result.colourBlocs = colourBlocs.split(separator: ",").map { BlocID(String($0)) }
    }
    try result.validate()
    return result
  }
}

/// The layout's time limit, shared by the commands that draw (`render`, `report`).
///
/// Layouts the engine policy knows to be fast run in process; any other runs in a child process
/// (the library's layout helper, built beside this executable), which is killed at the limit.
/// Given explicitly, `--timeout` puts every layout in a child process.
struct LayoutTimeOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Stop a layout that takes longer than this many seconds (default: 120, for layouts not "
        + "known to be fast; given, every layout runs under it).", valueName: "seconds"))
  var timeout: Double?

  func validate() throws {
    if let timeout, !(timeout > 0 && timeout <= 86_400) {
      throw ValidationError("--timeout expects seconds between 0 and 86400, found \(timeout)")
    }
  }

  /// A renderer that runs long layouts in a child process under the limit.
  ///
  /// - Throws: ``DiploRenderError`` with code `isolation` when the layout helper is missing.
  func renderer() throws -> Renderer {
    Renderer(
      isolation: try LayoutIsolation(
        timeLimit: timeout ?? LayoutIsolation.defaultTimeLimit, always: timeout != nil))
  }
}

struct RenderCommand: ParsableCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case svg, dot, png, pdf
  }

  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Draw the network as SVG (or DOT, PNG, PDF) with Graphviz, in process.",
    discussion: """
      Without --layout the engine is chosen from the graph's size (dot for small graphs, sfdp \
      beyond) and the choice is said on stderr. dot on a graph too large for it is refused \
      unless --force. A layout not known to be fast runs in a separate process and is stopped \
      after --timeout seconds (120 by default). --embed makes an SVG for a web page: no \
      prolog, scales to its container, ids prefixed with --id-prefix, title and description \
      for screen readers.
      """
  )

  @OptionGroup var input: InputOptions
  @OptionGroup var selection: SelectionOptions
  @OptionGroup var look: StyleArguments
  @OptionGroup var output: OutputOptions
  @OptionGroup var layoutTime: LayoutTimeOptions
  @OptionGroup var threads: ThreadOptions

  @Option(
    name: .shortAndLong, help: "svg, dot, png or pdf (default: from -o's extension, else svg).")
  var format: Format?

  @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or twopi (default: chosen by size).")
  var layout: String?

  @Flag(help: "Run the chosen engine even on a graph too large for it.")
  var force = false

  @Flag(help: "An SVG to embed in a web page (see above).")
  var embed = false

  @Option(help: "With --embed: the prefix of every id in the SVG.")
  var idPrefix: String = "diplograph"

  @Option(
    help: ArgumentHelp(
      "One SVG per period (day, week, or a number of equal periods), every actor at the same "
        + "place in every frame; written as -o's name with -01, -02, … before .svg.",
      valueName: "period"))
  var frames: String?

  func validate() throws {
    if format == nil, let path = output.output,
      let unknown = OutputOptions.unknownExtension(
        of: path, known: Format.allCases.map(\.rawValue))
    {
      throw ValidationError(
        "-o \(path): .\(unknown) is not a format render writes; expected .svg, .dot, .png or "
          + ".pdf, or name the format with --format")
    }
    if embed {
      do {
        _ = try SVGEmbedding(idPrefix: idPrefix)
      } catch let error as DiploRenderError {
        throw ValidationError("--id-prefix: \(error.message)")
      }
    }
  }

  func run() throws {
    if let frames {
      try writeFrames(frames)
      return
    }
    let chosenFormat = format ?? output.output.flatMap(Self.format(ofPath:)) ?? .svg
    if embed && chosenFormat != .svg {
      throw CommandFailure.usage(
        "--embed makes an SVG; it cannot be used with --format \(chosenFormat.rawValue)")
    }
    let engine = try layout.map { try LayoutEngine(named: $0) }
    let style = try look.resolved()
    let document = try input.load(threads: threads.threads)
    let data = document.dataSet
    try look.checkColourBlocs(in: data)
    let network = try Network(
      data, selection: try selection.selection(in: data), threads: threads.threads)
    let dot = try DOTWriter(style: style).document(for: network)
    if chosenFormat == .dot {
      try output.emit(dot.text, protecting: input.protectedPaths + look.protectedPaths)
      return
    }
    let renderer = try layoutTime.renderer()
    let bytes: [UInt8]
    let choice: EngineChoice
    let warnings: [String]
    if embed {
      let embedded = try renderer.embeddableSVG(
        dot, engine: engine, options: try SVGEmbedding(idPrefix: idPrefix), force: force)
      (bytes, choice, warnings) = (Array(embedded.svg.utf8), embedded.engine, embedded.warnings)
    } else {
      let format = RenderFormat(rawValue: chosenFormat.rawValue) ?? .svg
      let rendering = try renderer.render(dot, engine: engine, format: format, force: force)
      (bytes, choice, warnings) = (rendering.bytes, rendering.engine, rendering.warnings)
    }
    if choice.automatic { printError(choice.description) }
    for warning in warnings { printError("graphviz: warning: \(warning)") }
    try output.emit(bytes, protecting: input.protectedPaths + look.protectedPaths)
  }

  static func format(ofPath path: String) -> Format? {
    Format(rawValue: (path as NSString).pathExtension.lowercased())
  }

  /// `render --frames`: the episode laid out once, one SVG per period (``DiagramFrames``).
  private func writeFrames(_ text: String) throws {
    guard let period = FramePeriod(text) else {
      throw CommandFailure.usage("--frames expects day, week or a number 1…1000, found '\(text)'")
    }
    guard let path = output.output, path != "-", (format ?? .svg) == .svg, !embed else {
      throw CommandFailure.usage(
        "--frames writes SVG files: give -o NAME.svg (no --format, no --embed)")
    }
    let engine = try layout.map { try LayoutEngine(named: $0) }
    let style = try look.resolved()
    let data = try input.load(threads: threads.threads).dataSet
    try look.checkColourBlocs(in: data)
    let network = try Network(
      data, selection: try selection.selection(in: data), threads: threads.threads)
    let renderer = try layoutTime.renderer()
    let frames = try DiagramFrames(
      network: network, style: style, period: period, renderer: renderer, engine: engine,
      force: force)
    if frames.frames.isEmpty { printError("render: no dated action in the selection: no frame") }
    let stem =
      (path as NSString).pathExtension.lowercased() == "svg"
      ? (path as NSString).deletingPathExtension : path
    let width = max(2, String(frames.frames.count).count)
    var files: [(bytes: [UInt8], path: String)] = []
    for (i, frame) in frames.frames.enumerated() {
      let rendering = try renderer.render(frame.document, engine: .neato, format: .svg)
      let number = String(i + 1)
      let name = stem + "-" + String(repeating: "0", count: width - number.count) + number + ".svg"
      files.append((rendering.bytes, name))
      printError("render: \(name): \(frame.period)")
    }
    try AtomicFile.write(files, protecting: input.protectedPaths)
  }
}
