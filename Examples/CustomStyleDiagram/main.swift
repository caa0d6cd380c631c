// A network diagram with a style of one's own: colours, shapes, labels and a layout engine
// chosen in code, drawn to SVG by Graphviz, here in a separate process under a time limit
// (the library's layout helper, built beside this program: its target depends on the
// `diplograph-layout` product).
//
//   swift run CustomStyleDiagram [data-set.json] [out.svg]
//
// Defaults: Graphs/skripal-2018.json, and custom-style.svg in the current folder.

import DiploGraph
import DiploRender

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
let input = arguments.first ?? "Graphs/skripal-2018.json"
let output = arguments.dropFirst().first ?? "custom-style.svg"

do {
  let data = try DataSetFile.read(input).dataSet

  // Only the coordinated wave: the expulsions of 26 and 27 March 2018 and Russia's answers.
  let wave = Selection(
    kinds: [.expulsion, .retaliation], since: Day(year: 2018, month: 3, day: 26))
  let network = try Network(data, selection: wave)

  // A style of one's own: a three-colour palette for the article's groups, NATO members
  // ignored for colouring, boxes for states, the id under each name, linear pen widths,
  // and our own title.
  var style = Style()
  style.palette = [
    try RGBColor(hex: "#1B9E77"), try RGBColor(hex: "#D95F02"), try RGBColor(hex: "#7570B3"),
  ]
  style.colourBlocs = ["EU", "EUROPE_NON_EU", "OTHER"]
  style.unaffiliatedFill = try RGBColor(hex: "#FFFFFF")
  style.stateShape = .box
  style.nodeLabel = .nameAndID
  style.penWidthScale = .linear
  style.penWidth = 0.6...5
  style.title = "The wave of 26–30 March 2018"
  style.actionLooks[.retaliation] = EdgeLook(color: try RGBColor(hex: "#666666"), line: .dashed)

  let document = try DOTWriter(style: style).document(for: network)
  // Without an engine the policy chooses (here circo: the diagram is a star around Russia);
  // name one to override it. `Renderer()` lays out in process; with an isolation, a layout
  // runs in the helper and is stopped at the time limit (`always`: even one known to be fast).
  let renderer = Renderer(isolation: try LayoutIsolation(timeLimit: 60, always: true))
  let rendering = try renderer.render(document, engine: .neato)
  guard let svg = rendering.svg else { throw DiploRenderError(.render, "no SVG") }
  let file = fopen(output, "w")
  guard let file else { throw DiploRenderError(.render, "cannot write \(output)") }
  fputs(svg, file)
  fclose(file)
  print("\(document.nodeCount) actors, \(document.edgeCount) edges; \(rendering.engine)")
  if rendering.inChildProcess { print("laid out in a separate process, within 60 s") }
  print("wrote \(output)")
} catch {
  print("error: \(error)")
  exit(1)
}
