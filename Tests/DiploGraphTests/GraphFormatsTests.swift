import DiploGraph
import Foundation
import TestSupport
import Testing

/// GEXF, node-link JSON, Cytoscape.js JSON and GraphML, each read back by networkx 3.6 (the
/// test environment's Python): what it reads is what we meant, typed, worked by hand from
/// ``GraphFixtures/small()``.
@Suite struct GraphFormatsTests {
  private static func network(_ selection: Selection = .all) throws -> Network {
    try Network(GraphFixtures.small(), selection: selection)
  }

  /// Runs `script` with the path of a file holding `text` as `sys.argv[1]`.
  private static func python(_ script: String, on text: String, named name: String) throws
    -> String
  {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: file)
    return try PythonTools.run(script, arguments: [file.path])
  }

  /// The nodes and edges networkx reads, one line each, with the attributes' Python types.
  private static let summary = """
    import sys, networkx as nx
    def show(G):
        print(type(G).__name__, G.graph.get("mode", "-"))
        for n, d in G.nodes(data=True):
            print(n, repr(d.get("label", d.get("name"))), d["kind"], repr(d["bloc_EU"]),
                  repr(d["out_strength"]), repr(d["in_strength"]))
        for u, v, d in G.edges(data=True):
            print(u, v, repr(d["weight"]), repr(d.get("spells", d.get("dates"))),
                  repr(d.get("undated")), repr(d.get("first_date")))

    """

  /// Expected for every reader: the four actors (JPN without a link), FRA in the EU; the links
  /// in (from, to) order, the self-loop in its place.
  private static func expected(
    graphType: String, mode: String, weight: (Int64) -> String,
    days: [String], undated: [String], first: [String]
  ) -> String {
    var lines = [
      "\(graphType) \(mode)",
      "GBR 'United Kingdom' state False 23 73",
      "RUS 'Russia' state False 73 27",
      "FRA 'France' state True 4 0",
      "JPN 'Japan' state False 0 0",
    ]
    let ends = ["GBR RUS", "RUS GBR", "RUS RUS", "FRA RUS"]
    let weights: [Int64] = [23, 73, 0, 4]
    for e in 0..<4 {
      lines.append("\(ends[e]) \(weight(weights[e])) \(days[e]) \(undated[e]) \(first[e])")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func gexfIsReadByNetworkxWithItsSpellsAndTypes() throws {
    let text = GEXFWriter().write(try Self.network())
    let output = try Self.python(
      Self.summary + "show(nx.read_gexf(sys.argv[1]))\n", on: text, named: "g.gexf")
    #expect(
      output
        == Self.expected(
          graphType: "DiGraph", mode: "dynamic", weight: { "\($0).0" },
          days: [
            "[('2018-03-14', '2018-03-14')]",
            "[('2018-03-17', '2018-03-17'), ('2018-03-30', '2018-03-30')]", "None", "None",
          ],
          undated: ["0", "0", "1", "1"],
          first: ["'2018-03-14'", "'2018-03-17'", "None", "None"]))
    #expect(text.contains("<gexf xmlns=\"http://gexf.net/1.3\""))
    #expect(text.contains("mode=\"dynamic\" timeformat=\"date\""))
    // Same network, same bytes.
    #expect(GEXFWriter().write(try Self.network()) == text)
  }

  @Test func gexfPerActionIsAMultigraphWithDatedEdges() throws {
    let text = GEXFWriter(edgeMode: .perAction).write(try Self.network())
    let output = try Self.python(
      """
      import sys, networkx as nx
      G = nx.read_gexf(sys.argv[1])
      print(type(G).__name__, G.number_of_edges())
      for u, v, d in G.edges(data=True):
          print(u, v, d["weight"], d.get("start"), d.get("end"), d["kind"], d.get("count"))
      """, on: text, named: "a.gexf")
    #expect(
      output == """
        MultiDiGraph 5
        GBR RUS 23.0 2018-03-14 2018-03-14 expulsion 23
        RUS GBR 23.0 2018-03-17 2018-03-17 retaliation 23
        RUS GBR 50.0 2018-03-30 2018-03-30 staff_cut 50
        RUS RUS 0.0 None None consulate_closure None
        FRA RUS 4.0 None None expulsion 4

        """)
  }

  @Test func nodeLinkIsReadByNodeLinkGraph() throws {
    let text = NodeLinkWriter().write(try Self.network())
    let output = try Self.python(
      Self.summary + """
        import json
        data = json.load(open(sys.argv[1]))
        print(sorted(data))
        show(nx.node_link_graph(data))
        """, on: text, named: "g.json")
    #expect(
      output
        == "['directed', 'edges', 'graph', 'multigraph', 'nodes']\n"
        + Self.expected(
          graphType: "DiGraph", mode: "-", weight: { "\($0)" },
          days: ["['2018-03-14']", "['2018-03-17', '2018-03-30']", "[]", "[]"],
          undated: ["0", "0", "1", "1"],
          first: ["'2018-03-14'", "'2018-03-17'", "None", "None"]))
  }

  @Test func nodeLinkPerActionKeepsParallelEdges() throws {
    let text = NodeLinkWriter(edgeMode: .perAction).write(try Self.network())
    let output = try Self.python(
      """
      import sys, json, networkx as nx
      G = nx.node_link_graph(json.load(open(sys.argv[1])))
      print(type(G).__name__, G.number_of_edges(), sorted(k for u, v, k in G.edges(keys=True)))
      print(G["RUS"]["GBR"][1]["responds_to"], G["RUS"]["GBR"][1]["sources"])
      """, on: text, named: "a.json")
    #expect(output == "MultiDiGraph 5 [0, 1, 2, 3, 4]\n['gb'] ['aj', 'bbc']\n")
  }

  @Test func cytoscapeElementsHoldTheSameData() throws {
    let text = CytoscapeWriter().write(try Self.network())
    let output = try Self.python(
      """
      import sys, json
      data = json.load(open(sys.argv[1]))
      print(data["data"]["title"], data["data"]["blocs"])
      for n in data["elements"]["nodes"]:
          d = n["data"]
          print(d["id"], d["name"], d["bloc_EU"], d["out_strength"])
      for e in data["elements"]["edges"]:
          d = e["data"]
          print(d["id"], d["source"], d["target"], d["weight"], d["dates"])
      """, on: text, named: "g.cyjs")
    #expect(
      output == """
        GraphML "test" ['EU']
        GBR United Kingdom False 23
        RUS Russia False 73
        FRA France True 4
        JPN Japan False 0
        e0 GBR RUS 23 ['2018-03-14']
        e1 RUS GBR 73 ['2018-03-17', '2018-03-30']
        e2 RUS RUS 0 []
        e3 FRA RUS 4 []

        """)
  }

  @Test func graphMLIsReadByNetworkxWithTypedAttributes() throws {
    let text = GraphMLWriter().write(try Self.network())
    let output = try Self.python(
      Self.summary + "show(nx.read_graphml(sys.argv[1]))\n", on: text, named: "g.graphml")
    #expect(
      output
        == Self.expected(
          graphType: "DiGraph", mode: "-", weight: { "\($0)" },
          days: ["None", "None", "None", "None"], undated: ["0", "0", "1", "1"],
          first: ["'2018-03-14'", "'2018-03-17'", "None", "None"]))
  }

  @Test func emptySelectionsAreStillValidDocuments() throws {
    let none = try Self.network(Selection(kinds: ["none"]))
    let output = try Self.python(
      """
      import sys, json, networkx as nx
      G = nx.node_link_graph(json.load(open(sys.argv[1])))
      print(G.number_of_nodes(), G.number_of_edges())
      """, on: NodeLinkWriter().write(none), named: "e.json")
    #expect(output == "4 0\n")
    let cy = try JSONSerialization.jsonObject(with: Data(CytoscapeWriter().write(none).utf8))
    #expect((cy as? [String: Any])?["elements"] != nil)
  }
}
