import DiploGraph
import DiploPresentation
import DiploRender

extension ReportCommand {
  /// At most this many frames in a report; more periods are merged (``DiagramFrames/smallMultiples(of:atMost:)``).
  static let maximumFrames = 12

  /// The episode as it unfolded, for the report's small multiples: the network laid out once
  /// as the diagram is (same style, same engine), one frame per period pinned to those
  /// positions and routed by neato, each embedded with its own id prefix (`frame-01`, …) and
  /// no title or legend of its own (the page captions each one; the diagram above carries the
  /// legend). Empty when fewer than two periods have an action.
  func frames(
    of network: Network, style: Style, engine: LayoutEngine?, markdown: Bool
  ) throws -> (frames: [DiagramFrame], caption: String?) {
    guard let plan = DiagramFrames.smallMultiples(of: network, atMost: Self.maximumFrames)
    else { return ([], nil) }
    var frameStyle = style
    frameStyle.legend = false
    let renderer = try layoutTime.renderer()
    let episode = try DiagramFrames(
      network: network, style: frameStyle, period: plan.period, renderer: renderer,
      engine: engine, force: force, titled: false)
    let width = max(2, String(episode.frames.count).count)
    var frames: [DiagramFrame] = []
    for (i, frame) in episode.frames.enumerated() {
      let number = String(i + 1)
      let prefix = "frame-" + String(repeating: "0", count: width - number.count) + number
      let embedded = try renderer.embeddableSVG(
        frame.document, engine: .neato,
        options: try SVGEmbedding(
          idPrefix: prefix, fixedSize: markdown,
          title: "Network diagram, \(frame.period)"))
      frames.append(DiagramFrame(svg: embedded.svg, first: frame.first, last: frame.last))
    }
    return (frames, plan.caption)
  }
}
