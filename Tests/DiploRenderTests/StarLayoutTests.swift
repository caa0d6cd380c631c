import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploRender

/// A star (one actor dealing with most of the others, as Russia in 2018) is laid out radially
/// around its centre, with the counts by the leaves.
@Suite struct StarLayoutTests {
  @Test func theCentreOfAStarIsFoundAndNamedAsRoot() throws {
    let star = try DOTWriter().document(for: Network(RenderFixtures.approximate2018()))
    #expect(star.centre == "RUS")
    let graph = try Graphviz.parse(dot: star.text)
    #expect(graph.attributes["root"] == "RUS")
    // The small episode: Russia deals with 4 of the 5 others, fewer than six: not a star.
    let small = try DOTWriter().document(for: Network(RenderFixtures.small()))
    #expect(small.centre == nil)
    #expect(try Graphviz.parse(dot: small.text).attributes["root"] == nil)
  }

  @Test func aCentreNeedsLeavesMakingUpHalfOfTheActors() throws {
    // A0 deals with A1…A6 (six neighbours); A7…A20 are seven separate pairs: 6 of 20 others.
    var actions = ActionTable()
    for i in 1...6 {
      actions.append(Action(actor: "A0", target: ActorID("A\(i)"), kind: .expulsion))
    }
    for i in stride(from: 7, through: 19, by: 2) {
      actions.append(
        Action(actor: ActorID("A\(i)"), target: ActorID("A\(i + 1)"), kind: .expulsion))
    }
    let scattered = try DOTWriter().document(for: Network(DataSet(actions: actions)))
    #expect(scattered.nodeCount == 21)
    #expect(scattered.centre == nil)
    // The same hub alone with its six neighbours is a star.
    var hub = ActionTable()
    for i in 1...6 { hub.append(Action(actor: "A0", target: ActorID("A\(i)"), kind: .expulsion)) }
    #expect(try DOTWriter().document(for: Network(DataSet(actions: hub))).centre == "A0")
    // A wheel is not: the hub's neighbours also deal with one another, none of them is a leaf.
    var wheel = hub
    for i in 1...6 {
      wheel.append(
        Action(actor: ActorID("A\(i)"), target: ActorID("A\(i % 6 + 1)"), kind: .expulsion))
    }
    #expect(try DOTWriter().document(for: Network(DataSet(actions: wheel))).centre == nil)
  }

  @Test func countsOfTheCentresEdgesAreEdgeLabelsOfOneKindEach() throws {
    // Issue 14: head and tail labels are placed by no engine apart from one another; every
    // count is the edge's own label (LabelSpacing keeps them apart), one per kind.
    let star = try DOTWriter().document(for: Network(RenderFixtures.approximate2018()))
    let graph = try Graphviz.parse(dot: star.text)
    let back = graph.edges.filter { $0.name == "RUS -> GBR" }.map(\.attributes)
    // Russia → United Kingdom: 23 (retaliation) and 50 (staff cut), never 73.
    #expect(Set(back.compactMap { $0["label"] }) == ["23", "50"])
    #expect(back.allSatisfy { $0["headlabel"] == nil && $0["taillabel"] == nil })
    let out = try #require(graph.edges.first { $0.name == "GBR -> RUS" }).attributes
    #expect(out["label"] == "23")
  }

  @Test func thePolicyLaysAStarOutWithCirco() throws {
    let policy = EnginePolicy()
    let star = try DOTWriter().document(for: Network(RenderFixtures.approximate2018()))
    let choice = try policy.choose(for: star, requested: nil, force: false)
    #expect(choice.engine == .circo && choice.automatic)
    #expect(choice.reason == "circo (automatic: 32 nodes and 57 edges, a star around RUS)")
    // A named engine is kept.
    #expect(try policy.choose(for: star, requested: .dot, force: false).engine == .dot)
    // Beyond dot's automatic size, sfdp as before.
    let tight = EnginePolicy(automaticDot: .init(nodes: 10, edges: 10))
    #expect(try tight.choose(for: star, requested: nil, force: false).engine == .sfdp)
  }

  @Test(arguments: [LayoutEngine.circo, .twopi])
  func theCentreIsInTheMiddle(engine: LayoutEngine) throws {
    let star = try DOTWriter().document(for: Network(RenderFixtures.approximate2018()))
    let rendering = try Renderer().render(star, engine: engine)
    let svg = try #require(rendering.svg)
    // Node centres from the SVG: each node's group holds its <title> (the id), then its shape,
    // then its label, centred.
    let xml = ParsedXML(svg)
    var centres: [(name: String, x: Double, y: Double)] = []
    var name: String?
    var inNode = false
    for element in xml.elements {
      if element.name == "g", let classes = element.attributes["class"] {
        inNode = classes.split(separator: " ").first == "node"
        name = nil
      } else if inNode, element.name == "title" {
        name = element.text
      } else if inNode, let id = name, element.name == "text" {
        let x = try #require(element.attributes["x"].flatMap(Double.init))
        let y = try #require(element.attributes["y"].flatMap(Double.init))
        centres.append((id, x, y))
        inNode = false
      }
    }
    #expect(centres.count == 32)
    let meanX = centres.map(\.x).reduce(0, +) / Double(centres.count)
    let meanY = centres.map(\.y).reduce(0, +) / Double(centres.count)
    let nearest = try #require(
      centres.min { hypot($0.x - meanX, $0.y - meanY) < hypot($1.x - meanX, $1.y - meanY) })
    #expect(nearest.name == "RUS")
  }
}
