// Several diagrams in one page of one's own: two network diagrams (the whole episode and the
// wave of 26–27 March) and a bloc-weight chart, embedded in an HTML page, and the same
// pictures linked from a Markdown page.
//
//   swift run EmbedDiagrams [data-set.json] [output-folder]
//
// Defaults: Graphs/skripal-2018.json, and the folder embed-example (created when missing).

import DiploGraph
import DiploPresentation
import DiploRender
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let input = arguments.first ?? "Graphs/skripal-2018.json"
let folder = URL(fileURLWithPath: arguments.dropFirst().first ?? "embed-example")

do {
  let data = try DataSetFile.read(input).dataSet
  let renderer = Renderer()
  var style = Style()
  style.title = ""  // the page's headings say it

  // 1. The whole episode. Each diagram gets its own id prefix, so that ids never collide.
  let episode = try Network(data)
  let whole = try renderer.embeddableSVG(
    DOTWriter(style: style).document(for: episode),
    options: SVGEmbedding(idPrefix: "episode", title: "Every action, 14–30 March 2018"))

  // 2. The expulsions of the coordinated wave only.
  let day = { (d: Int) in Day(year: 2018, month: 3, day: d) }
  let wave = try Network(
    data, selection: Selection(kinds: [.expulsion], since: day(26), until: day(27)))
  let expulsions = try renderer.embeddableSVG(
    DOTWriter(style: style).document(for: wave),
    options: SVGEmbedding(idPrefix: "wave", title: "The expulsions of 26–27 March 2018"))

  // 3. A chart of the wave's bloc weights, drawn by the library without Graphviz, in the
  //    standard diagram's colours (ChartPalette.standard).
  //    The page's figures need no responses, sources or null models: they are left out.
  let statistics = try Statistics(
    wave, options: AnalysisOptions(leftOut: [.responses, .blocs, .sources, .significance]))
  let chart = BlocWeightChart(analysis: try BlocAnalysis(wave), dataSet: data)
  let chartSVG = chart.svg(options: ChartOptions(idPrefix: "wave-blocs")!)

  // The HTML page: our own markup; every text from the data set through XMLEscaping.attribute.
  let title = XMLEscaping.attribute(data.title)
  let r = statistics.reciprocity
  let html = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="Content-Security-Policy" content="\(Report.contentSecurityPolicy)">
    <title>\(title)</title>
    <style>body { font-family: system-ui, sans-serif; max-width: 50rem; margin: 2rem auto;
    padding: 0 1rem; } svg { width: 100%; height: auto; }</style>
    </head>
    <body>
    <h1>\(title)</h1>
    <h2>Every action</h2>
    <figure>\(whole.svg)<figcaption>\(whole.engine.description)</figcaption></figure>
    <h2>The wave of 26–27 March</h2>
    <p>\(statistics.overview.actions) expulsions, \(r.totalWeight) diplomats.</p>
    <figure>\(expulsions.svg)</figure>
    <h2>Who expelled how many</h2>
    <figure>\(chartSVG)<figcaption>\(XMLEscaping.attribute(chart.summary))</figcaption></figure>
    </body>
    </html>

    """

  // The Markdown page links the pictures as files: made with a fixed size, so that they keep
  // it when opened as images.
  let fixed = try renderer.embeddableSVG(
    DOTWriter(style: style).document(for: wave),
    options: SVGEmbedding(idPrefix: "wave", fixedSize: true))
  let markdown = """
    # \(data.title)

    ## The expulsions of 26–27 March 2018

    ![The expulsions of 26–27 March 2018](wave.svg)

    ## Who expelled how many

    ![\(chart.summary)](wave-blocs.svg)

    """

  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let files: [(String, String)] = [
    ("page.html", html), ("page.md", markdown), ("wave.svg", fixed.svg),
    (
      "wave-blocs.svg",
      chart.svg(options: ChartOptions(idPrefix: "wave-blocs", fixedSize: true)!)
    ),
  ]
  for (name, text) in files {
    try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    print("wrote \(folder.appendingPathComponent(name).path)")
  }
} catch {
  print("error: \(error)")
  exit(1)
}
