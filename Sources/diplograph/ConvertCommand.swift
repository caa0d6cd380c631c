import ArgumentParser
import DiploGraph
import DiploRender
import Foundation

struct ConvertCommand: ParsableCommand {
  enum Target: String, ExpressibleByArgument, CaseIterable {
    case json, csv, dot, graphml, gexf
    case nodeLink = "node-link"
    case cytoscape

    /// The format an output file's extension names (compared without case): `.json` is the
    /// canonical data set (node-link JSON is asked for by name); csv is asked for by name too,
    /// as -o then names a folder.
    static let byExtension: [String: Target] = [
      "json": .json, "dot": .dot, "gv": .dot, "graphml": .graphml, "gexf": .gexf,
      "cyjs": .cytoscape,
    ]
  }

  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract:
      "Write a data set as canonical JSON, CSV, DOT, GraphML, GEXF, node-link or Cytoscape JSON.",
    discussion: """
      json and csv keep the selected actions and every actor, bloc and source. csv writes \
      actions.csv, actors.csv and sources.csv into the folder -o names (created when missing; \
      the three files are replaced together), or actions.csv alone to standard output. dot is the diagram's DOT text (the styling of \
      `render`); graphml opens in Gephi, networkx and igraph; gexf is Gephi's dynamic graph \
      (its timeline plays the actions' dates); node-link is networkx's node_link_data JSON \
      (also D3's); cytoscape is Cytoscape.js JSON (.cyjs). Without --to, -o's extension tells \
      (.json .dot .gv .graphml .gexf .cyjs; csv and node-link by name only). See docs/formats.md. \
      CSV cannot carry claims, reported figures or notes, nor source titles on standard output \
      (docs/csv.md); convert \
      says so when it drops any.
      """
  )

  @OptionGroup var input: InputOptions
  @OptionGroup var selection: SelectionOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var threads: ThreadOptions

  @Option(
    help:
      "The format to write: json, csv, dot, graphml, gexf, node-link or cytoscape (default: from -o's extension)."
  )
  var to: Target?

  @Flag(
    help:
      "One edge per action instead of one per ordered pair (dot, graphml, gexf, node-link, cytoscape)."
  )
  var perAction = false

  /// The format asked for, or the one -o's extension names.
  var target: Target {
    get throws {
      if let to { return to }
      guard let path = output.output, path != "-" else {
        throw ValidationError("--to is needed when writing to standard output")
      }
      let ext = (path as NSString).pathExtension.lowercased()
      guard let target = Target.byExtension[ext] else {
        let known = Target.byExtension.keys.sorted().map { "." + $0 }.joined(separator: " ")
        throw ValidationError(
          ext.isEmpty
            ? "-o \(path): no extension to tell the format; give --to"
            : "-o \(path): unknown extension .\(ext) (known: \(known)); give --to")
      }
      return target
    }
  }

  func validate() throws { _ = try target }

  func run() throws {
    let document = try input.load(threads: threads.threads)
    let data = document.dataSet
    let chosen = try selection.selection(in: data)
    let protected = input.protectedPaths
    let edgeMode: EdgeMode = perAction ? .perAction : .aggregated
    switch try target {
    case .json:
      try output.emit(CanonicalJSON.write(data.keeping(chosen)), protecting: protected)
    case .csv:
      let kept = data.keeping(chosen)
      let folder = output.output.flatMap { $0 == "-" ? nil : $0 }
      warnAboutWhatCSVDrops(kept, folder: folder != nil)
      let actions = try CSVFormat.writeActions(kept)
      guard let folder else {
        try output.emit(actions, protecting: protected)
        return
      }
      let actors = try CSVFormat.writeActors(kept)
      let sources = try CSVFormat.writeSources(kept)
      do {
        try FileManager.default.createDirectory(
          atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw DiploGraphError(
          .io, "cannot create the folder: \(error.localizedDescription)",
          at: SourceLocation(file: folder))
      }
      // The three files or none; actors.csv and sources.csv always, so that no older one is
      // left beside the new actions (a header alone declares nothing, as no file does).
      try AtomicFile.write(
        [
          (actions, (folder as NSString).appendingPathComponent("actions.csv")),
          (actors, (folder as NSString).appendingPathComponent("actors.csv")),
          (sources, (folder as NSString).appendingPathComponent("sources.csv")),
        ], protecting: protected)
    case .dot, .graphml, .gexf, .nodeLink, .cytoscape:
      let network = try Network(data, selection: chosen, threads: threads.threads)
      try output.emit(try graphText(network, as: target, edgeMode: edgeMode), protecting: protected)
    }
  }

  /// A network in one of the graph formats (DOT, GraphML, GEXF, node-link, Cytoscape.js).
  private func graphText(_ network: Network, as target: Target, edgeMode: EdgeMode) throws -> String
  {
    switch target {
    case .dot:
      var style = Style.standard
      style.edgeMode = edgeMode
      return try DOTWriter(style: style).document(for: network).text
    case .graphml: return GraphMLWriter(edgeMode: edgeMode).write(network)
    case .gexf: return GEXFWriter(edgeMode: edgeMode).write(network)
    case .nodeLink: return NodeLinkWriter(edgeMode: edgeMode).write(network)
    case .cytoscape: return CytoscapeWriter(edgeMode: edgeMode).write(network)
    case .json, .csv: preconditionFailure("not a graph format")
    }
  }

  /// Says on stderr what the CSV files will not hold, so nothing is lost silently; a folder
  /// holds the sources' details in its sources.csv, actions.csv alone does not.
  private func warnAboutWhatCSVDrops(_ data: DataSet, folder: Bool) {
    var dropped: [String] = []
    if !data.actions.claimsColumn.isEmpty { dropped.append("claims") }
    if !data.figures.isEmpty { dropped.append("\(data.figures.count) reported figures") }
    if !data.notes.isEmpty || data.description != nil { dropped.append("the data set's notes") }
    if !folder
      && data.sources.contains(where: {
        $0.title != $0.id.rawValue || $0.publisher != nil || $0.date != nil || $0.url != nil
      })
    {
      dropped.append("source titles, publishers, dates and URLs")
    }
    if data.sources.contains(where: { $0.note != nil }) { dropped.append("notes on sources") }
    if data.actors.contains(where: { $0.note != nil })
      || data.blocs.contains(where: { $0.note != nil })
    {
      dropped.append("notes on actors and blocs")
    }
    if data.blocs.contains(where: { $0.name != $0.id.rawValue }) { dropped.append("bloc names") }
    if !dropped.isEmpty {
      printError(
        "convert: CSV cannot carry " + dropped.joined(separator: ", ") + "; they are left out")
    }
  }
}
