import DiploGraph
import DiploRender
import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Data → DOT → Graphviz → embeddable SVG, on arbitrary bytes.
///
/// Input layout: byte 0 chooses the engine and the style (bits 0–2: engine; bit 3: clusters;
/// bit 4: one edge per action; bit 5: no legend; bits 6–7: node labels); byte 1 the rest of
/// what a user can ask for (bits 0–1: which blocs colour — every bloc, none, the data set's in
/// reverse order, or its first bloc only; bit 2: at most 3 actors drawn, the others merged
/// (DiagramReduction); bit 3: no edge labels; bit 4: leaf rows off; bit 5: logarithmic pen
/// widths; bit 6: shapes swapped, states as boxes, organisations as ellipses; bit 7: the title,
/// and the embedding's title and description, taken from the data set's first actor, so that
/// hostile text reaches them too); the rest is as the `csv` target reads it (`actions.csv`, then
/// after a line `#actors`, `actors.csv`), where ids, names and kinds carry the hostile text.
/// Graphs are kept small (layouts take milliseconds).
/// A diagram with clusters is laid out in the layout child (the renderer's default for a
/// crash-prone layout; the helper is built beside this program): a crash of Graphviz there is
/// contained and not a finding, any other failure is.
///
/// Checked: the DOT is in the writer's grammar (so no data-set text reaches an attribute of its
/// own choosing), Graphviz lays it out and draws it without error, and the embeddable SVG is
/// well-formed XML made only of the elements and attributes Graphviz's SVG renderer writes —
/// no script, no foreign object, no image, no link out, no font but the style's, every id
/// prefixed.
enum RenderFuzz {
  static let engines: [LayoutEngine] = [.dot, .neato, .sfdp, .circo, .twopi, .fdp, .dot, .dot]
  static let maxNodes = 24
  static let maxEdges = 48
  static let prefix = "fz"

  static let elements: Set<String> = [
    "svg", "g", "title", "desc", "polygon", "polyline", "ellipse", "path", "text", "a", "defs",
    "linearGradient", "radialGradient", "stop",
  ]
  static let attributes: Set<String> = [
    "width", "height", "viewBox", "xmlns", "xmlns:xlink", "id", "class", "transform", "fill",
    "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "fill-opacity", "points",
    "cx", "cy", "rx", "ry", "d", "x", "y", "text-anchor", "font-family", "font-size",
    "font-weight", "font-style", "xlink:title", "xlink:href", "href", "target", "role",
    "aria-labelledby", "x1", "y1", "x2", "y2", "gradientUnits", "offset", "style", "r", "fx", "fy",
    "textLength", "lengthAdjust", "text-decoration", "baseline-shift",
  ]

  static func check(_ bytes: [UInt8]) throws {
    guard let flags = bytes.first else { return }
    let (more, actions, actors) = CSVFuzz.split(Array(bytes.dropFirst()))
    guard
      let document = try? CSVFormat.read(
        actions: actions, actors: actors, actionsFile: "actions.csv", actorsFile: "actors.csv",
        options: CSVFuzz.options()),
      !(document.diagnostics + Validator.validate(document)).contains(where: {
        $0.severity == .error
      }),
      let network = try? Network(document.dataSet),
      network.nodeCount <= maxNodes, network.rows.count <= maxEdges
    else { return }

    var style = Style.standard
    style.clusters = flags & 8 != 0
    style.edgeMode = flags & 16 != 0 ? .perAction : .aggregated
    style.legend = flags & 32 == 0
    style.nodeLabel = [.name, .id, .nameAndID, .name][Int(flags >> 6)]
    let engine = engines[Int(flags & 7)]
    let blocs = document.dataSet.blocs.map(\.id)
    style.colourBlocs = [nil, [], Array(blocs.reversed()), Array(blocs.prefix(1))][Int(more & 3)]
    if more & 4 != 0 { style.maximumActors = 3 }
    style.edgeLabels = more & 8 == 0
    if more & 16 != 0 { style.leafRows = 1 }
    if more & 32 != 0 { style.penWidthScale = .log }
    if more & 64 != 0 { (style.stateShape, style.organisationShape) = (.box, .ellipse) }
    var embedding = try SVGEmbedding(idPrefix: prefix)
    if more & 128 != 0, let first = document.dataSet.actors.first {
      style.title = first.name
      embedding.title = first.name
      embedding.description = first.id.rawValue
    }

    let dot: DOTDocument
    do {
      dot = try DOTWriter(style: style).document(for: network)
    } catch let error as DiploGraphError where error.code == .overflow {
      return  // counts (of self-loops, say) that do not add up in 64 bits: refused, rightly
    } catch {
      throw FuzzFinding("the DOT writer failed: \(error)")
    }
    let embedded: EmbeddedSVG
    do {
      // The renderer checks the DOT against the writer's grammar before Graphviz sees it.
      embedded = try Renderer().embeddableSVG(
        dot, engine: engine, options: embedding, force: true)
    } catch let error as DiploRenderError
      where EnginePolicy.standard.isCrashProne(dot, engine: engine)
      && error.problem.hasPrefix("Graphviz stopped with")
    {
      // A cluster layout that crashed Graphviz 2.43 in the layout child: contained, as
      // documented (docs/robustness.md); this process was not affected.
      return
    } catch {
      throw FuzzFinding("rendering with \(engine) failed: \(error)\n\(dot.text)")
    }
    try checkSVG(embedded.svg, font: style.font.rawValue)
  }

  static func checkSVG(_ svg: String, font: String) throws {
    let xml = XMLCheck(svg)
    if let error = xml.error { throw FuzzFinding("the SVG is not well-formed: \(error)") }
    for (name, attributes) in xml.elements {
      guard elements.contains(name) else { throw FuzzFinding("unexpected element <\(name)>") }
      for (key, value) in attributes {
        guard Self.attributes.contains(key) else {
          throw FuzzFinding("unexpected attribute \(key)=\"\(value)\" on <\(name)>")
        }
        switch key {
        case "href", "xlink:href":
          guard value.hasPrefix("#\(prefix)-") else { throw FuzzFinding("a link out: \(value)") }
        case "font-family":
          guard value == font else { throw FuzzFinding("a font not the style's: \(value)") }
        case "id":
          guard value == prefix || value.hasPrefix("\(prefix)-") else {
            throw FuzzFinding("an id without the prefix: \(value)")
          }
        case "style":
          guard !value.contains("url(") || value.contains("url(#\(prefix)-") else {
            throw FuzzFinding("a style reaching out: \(value)")
          }
        default:
          break
        }
      }
    }
  }
}

/// The elements of an XML text, in order, parsed with Foundation's (libxml2's) parser: an
/// independent check of the renderer's own tokenizer.
final class XMLCheck: NSObject, XMLParserDelegate {
  private(set) var elements: [(String, [String: String])] = []
  private(set) var error: (any Error)?

  init(_ text: String) {
    super.init()
    let parser = XMLParser(data: Data(text.utf8))
    parser.shouldResolveExternalEntities = false
    parser.delegate = self
    if !parser.parse() { error = parser.parserError ?? CocoaError(.coderReadCorrupt) }
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    elements.append((elementName, attributeDict))
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
    error = parseError
  }
}
