import DiploGraph
import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct GraphMLTests {
  private func dataSet() -> DataSet { GraphFixtures.small() }

  /// The document as elements with attributes and text, through Foundation's XML parser.
  private final class Reader: NSObject, XMLParserDelegate {
    struct Element {
      var name: String
      var attributes: [String: String]
      var text = ""
      var parent: Int?
    }
    var elements: [Element] = []
    var stack: [Int] = []
    var failed = false

    init(_ text: String) {
      super.init()
      let parser = XMLParser(data: Data(text.utf8))
      parser.delegate = self
      failed = !parser.parse()
    }

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      elements.append(Element(name: name, attributes: attributes, parent: stack.last))
      stack.append(elements.count - 1)
    }

    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) { stack.removeLast() }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if let i = stack.last { elements[i].text += string }
    }

    /// `data` children of element `i`, by key.
    func data(of i: Int) -> [String: String] {
      var result: [String: String] = [:]
      for e in elements where e.parent == i && e.name == "data" {
        result[e.attributes["key"] ?? ""] = e.text
      }
      return result
    }

    func indices(_ name: String) -> [Int] { elements.indices.filter { elements[$0].name == name } }
  }

  @Test func aggregatedEdgesWithTypedKeys() throws {
    let network = try Network(dataSet())
    let text = GraphMLWriter().write(network)
    let xml = Reader(text)
    #expect(!xml.failed)
    let keys = xml.indices("key").map { xml.elements[$0].attributes }
    #expect(keys.first { $0["attr.name"] == "weight" }?["attr.type"] == "long")
    #expect(keys.first { $0["attr.name"] == "actions" }?["attr.type"] == "int")
    #expect(keys.first { $0["attr.name"] == "name" }?["for"] == "node")
    #expect(Set(keys.compactMap { $0["id"] }).count == keys.count)

    // Every actor, JPN included, with its strengths.
    let nodes = xml.indices("node")
    #expect(nodes.map { xml.elements[$0].attributes["id"] } == ["GBR", "RUS", "FRA", "JPN"])
    let rus = xml.data(of: nodes[1])
    #expect(rus["n_out_strength"] == "73" && rus["n_in_strength"] == "27")
    #expect(xml.data(of: nodes[2])["n_blocs"] == "EU")
    #expect(xml.data(of: nodes[3])["n_note"] == "line1\nline2\r")

    // Links in (from, to) order, then the self-loop in its place.
    let edges = xml.indices("edge").map {
      (
        xml.elements[$0].attributes["source"]!, xml.elements[$0].attributes["target"]!,
        xml.data(of: $0)
      )
    }
    #expect(edges.map { "\($0.0)->\($0.1)" } == ["GBR->RUS", "RUS->GBR", "RUS->RUS", "FRA->RUS"])
    let back = edges[1].2
    #expect(back["e_weight"] == "73" && back["e_actions"] == "2")
    #expect(back["e_kinds"] == "retaliation;staff_cut")
    #expect(back["e_sources"] == "aj;bbc")
    #expect(back["e_first_date"] == "2018-03-17" && back["e_last_date"] == "2018-03-30")
    #expect(edges[2].2["e_weight"] == "0")
    let graph = try #require(xml.indices("graph").first)
    #expect(xml.data(of: graph)["g_title"] == "GraphML \"test\"")
  }

  @Test func perActionEdgesKeepEveryActionAndItsFields() throws {
    let network = try Network(dataSet(), selection: Selection(kinds: [.retaliation, .staffCut]))
    let xml = Reader(GraphMLWriter(edgeMode: .perAction).write(network))
    #expect(!xml.failed)
    let edges = xml.indices("edge").map { xml.data(of: $0) }
    #expect(edges.count == 2)
    #expect(edges[0]["e_kind"] == "retaliation" && edges[0]["e_count"] == "23")
    #expect(edges[0]["e_responds_to"] == "gb")
    #expect(edges[0]["e_note"] == "in kind & <at once>")
    #expect(edges[0]["e_row"] == "1")
    #expect(edges[1]["e_date"] == "2018-03-30" && edges[1]["e_sources"] == "bbc")
    #expect(Set(xml.indices("edge").map { xml.elements[$0].attributes["id"] }).count == 2)
  }

  @Test func hostileTextStaysWellFormed() throws {
    var actions = ActionTable()
    let nasty = "a\"b<c>&d\u{1}e\tf\ng]]>"
    actions.append(
      Action(actor: ActorID(nasty), target: "RUS", kind: ActionKind(nasty), count: 1, note: nasty))
    let network = try Network(
      DataSet(title: nasty, actors: [Actor(id: ActorID(nasty), name: nasty)], actions: actions))
    for mode in EdgeMode.allCases {
      let xml = Reader(GraphMLWriter(edgeMode: mode).write(network))
      #expect(!xml.failed)
      let node = try #require(xml.indices("node").first)
      #expect(xml.elements[node].attributes["id"] == "a\"b<c>&d\u{FFFD}e\tf\ng]]>")
      #expect(xml.data(of: node)["n_name"] == "a\"b<c>&d\u{FFFD}e\tf\ng]]>")
    }
  }
}
