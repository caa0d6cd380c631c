import Foundation

/// Keeps the labels of a Graphviz SVG apart: no edge label (nor head or tail label) comes
/// closer than ``gap(fontSize:)`` (half a character) to another label, to a node or to a
/// cluster's or the legend's text, so that Latvia's "1" and Russia's "1" never read as "11".
///
/// Graphviz places edge labels without looking at one another in every engine but dot (circo
/// puts each at the middle of its edge; two edges of a reciprocated pair, or of two kinds
/// between one pair, run side by side). After the layout, this pass reads every `<text>` of
/// the SVG with its box: an edge's texts are movable; nodes (ellipses exactly, other shapes by
/// their bounding box), node labels, cluster labels and the legend are fixed. Then, for at
/// most ``maximumRounds`` rounds, each movable label that comes too close to something is moved
/// apart along the shorter way out (two movable labels move half each; a label inside a node's
/// ellipse moves straight away from its centre). Only the `x` and `y` of moved labels change;
/// an SVG with nothing to move is returned byte for byte.
///
/// A text's box: width Σ w(c)·size over its characters, w from ``characterWidth(_:)`` (at
/// least Helvetica's advance widths), height 1.0·size from 0.8·size above the baseline to
/// 0.2·size below; `text-anchor` start, middle or end.
///
/// - Complexity: O(R · (T + P)) for R rounds, T texts and P pairs of texts within one cell of
///   a grid as wide as the widest label (O(R · T²) at worst).
enum LabelSpacing {
  /// Rounds of moves before the pass stops (it stops earlier once nothing is too close).
  static let maximumRounds = 60

  /// The clear gap kept around a label of `fontSize` points: half a character (0.3 em).
  static func gap(fontSize: Double) -> Double { 0.3 * fontSize }

  /// The advance width of `c` in em, rounded up from Helvetica's (digits 0.556, capitals up
  /// to 0.944 for W, lower case about 0.5, narrow letters and punctuation 0.28).
  static func characterWidth(_ c: Character) -> Double {
    switch c {
    case "0"..."9": return 0.56
    case "i", "j", "l", ".", ",", ":", ";", "'", "!", "|", " ", "I", "f", "t", "r": return 0.34
    case "m", "w", "M", "W": return 0.95
    case "A"..."Z": return 0.73
    default: return c.isASCII ? 0.56 : 0.75
    }
  }

  /// An axis-aligned box in SVG user units (y grows downwards).
  struct Box: Equatable {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    func expanded(by d: Double) -> Box {
      Box(minX: minX - d, minY: minY - d, maxX: maxX + d, maxY: maxY + d)
    }
    func intersects(_ o: Box) -> Bool {
      minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY
    }
    var centre: (x: Double, y: Double) { ((minX + maxX) / 2, (minY + maxY) / 2) }
  }

  /// One `<text>` of the SVG.
  struct Text {
    /// Index of its start tag among the tokens.
    var token: Int
    var x: Double
    var y: Double
    var anchor: String
    var fontSize: Double
    var content: String
    /// Whether it belongs to an edge (an edge label, a head or a tail label).
    var movable: Bool
    /// The edge it belongs to (the index of its `<g class="edge">` in the SVG), −1 for none.
    var edge = -1

    var box: Box {
      let width = content.reduce(0) { $0 + LabelSpacing.characterWidth($1) } * fontSize
      let left = anchor == "start" ? x : (anchor == "end" ? x - width : x - width / 2)
      return Box(minX: left, minY: y - 0.8 * fontSize, maxX: left + width, maxY: y + 0.2 * fontSize)
    }
  }

  /// A node's ellipse.
  struct Ellipse {
    var cx: Double
    var cy: Double
    var rx: Double
    var ry: Double

    /// Whether `box` reaches inside the ellipse (exact: in coordinates where the ellipse is
    /// the unit circle, the box's nearest point to the centre lies within it).
    func meets(_ box: Box) -> Bool {
      guard rx > 0, ry > 0 else { return false }
      let nx = min(max(cx, box.minX), box.maxX)
      let ny = min(max(cy, box.minY), box.maxY)
      let dx = (nx - cx) / rx
      let dy = (ny - cy) / ry
      return dx * dx + dy * dy < 1
    }
  }

  /// What the pass reads from an SVG.
  struct Scene {
    var tokens: [XMLTokenizer.Token]
    var texts: [Text]
    var ellipses: [Ellipse]
    /// Bounding boxes of the other node shapes (polygons and paths).
    var shapes: [Box]
    /// The lines of the edges (paths flattened, arrowheads' outlines), with their edge.
    var lines: [EdgeLine] = []
  }

  /// Reads the texts and node shapes of Graphviz's SVG.
  static func scene(_ svg: [UInt8]) throws -> Scene {
    let tokens = try XMLTokenizer.tokens(svg)
    var texts: [Text] = []
    var ellipses: [Ellipse] = []
    var shapes: [Box] = []
    // Classes of the open <g> elements: "edge", "node", "cluster" or "".
    var groups: [String] = []
    // The edge each open <g> belongs to (−1: none), and the number of edges seen.
    var edges: [Int] = []
    var edgeCount = 0
    var lines: [EdgeLine] = []
    var open: (index: Int, attributes: [String: String])?
    var content = ""
    func number(_ s: String?) -> Double? { s.flatMap { Double($0) } }
    for (i, token) in tokens.enumerated() {
      switch token {
      case .startTag(let name, let attributeList, let selfClosing):
        var a: [String: String] = [:]
        for attribute in attributeList { a[attribute.name] = attribute.value }
        if name == "g" && !selfClosing {
          let kind = (a["class"] ?? "").split(separator: " ").first.map(String.init) ?? ""
          groups.append(
            kind == "edge" || kind == "node" || kind == "cluster" ? kind : (groups.last ?? ""))
          if kind == "edge" {
            edges.append(edgeCount)
            edgeCount += 1
          } else {
            edges.append(kind == "node" || kind == "cluster" ? -1 : (edges.last ?? -1))
          }
        } else if name == "text" && !selfClosing {
          open = (i, a)
          content = ""
        } else if groups.last == "edge", let edge = edges.last, edge >= 0,
          name == "path" || name == "polygon"
        {
          let points =
            name == "path" ? flattened(a["d"] ?? "") : pairs(a["points"] ?? "")
          let width = number(a["stroke-width"]) ?? 1
          if points.count >= 2 {
            lines.append(EdgeLine(edge: edge, points: points, halfWidth: width / 2))
          }
        } else if groups.last == "node" {
          if name == "ellipse", let cx = number(a["cx"]), let cy = number(a["cy"]),
            let rx = number(a["rx"]), let ry = number(a["ry"])
          {
            ellipses.append(Ellipse(cx: cx, cy: cy, rx: rx, ry: ry))
          } else if name == "polygon" || name == "path" {
            if let box = bounds(a[name == "polygon" ? "points" : "d"] ?? "") { shapes.append(box) }
          }
        }
      case .text(let text):
        if open != nil { content += text }
      case .endTag(let name):
        if name == "g" {
          _ = groups.popLast()
          _ = edges.popLast()
        }
        if name == "text", let (index, a) = open {
          open = nil
          if let x = number(a["x"]), let y = number(a["y"]) {
            texts.append(
              Text(
                token: index, x: x, y: y, anchor: a["text-anchor"] ?? "start",
                fontSize: number(a["font-size"]) ?? 14, content: decoded(content),
                movable: groups.last == "edge", edge: groups.last == "edge" ? edges.last ?? -1 : -1
              ))
          }
        }
      default:
        break
      }
    }
    return Scene(tokens: tokens, texts: texts, ellipses: ellipses, shapes: shapes, lines: lines)
  }

  /// The bounding box of the numbers of a `points` list or a path's `d` (pairs x,y).
  static func bounds(_ list: String) -> Box? {
    let numbers = numbers(list)
    guard numbers.count >= 2 else { return nil }
    var box = Box(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
    for k in stride(from: 0, to: numbers.count - 1, by: 2) {
      box.minX = min(box.minX, numbers[k])
      box.maxX = max(box.maxX, numbers[k])
      box.minY = min(box.minY, numbers[k + 1])
      box.maxY = max(box.maxY, numbers[k + 1])
    }
    return box
  }

  /// Text with Graphviz's entities (`&#45;`, `&amp;`, …) counted as one character each.
  static func decoded(_ text: String) -> String {
    var out = ""
    var entity: String?
    for c in text {
      if c == "&" {
        entity = ""
      } else if entity != nil, c == ";" {
        out.append("x")
        entity = nil
      } else if entity != nil {
        entity!.append(c)
      } else {
        out.append(c)
      }
    }
    return out
  }

  /// Pairs (i, j), i < j, of texts, or (i, −1 − s) of a movable text and a node shape, whose
  /// gap-expanded boxes meet.
  static func conflicts(_ scene: Scene) -> [(Int, Int)] {
    var result: [(Int, Int)] = []
    let boxes = scene.texts.map { $0.box.expanded(by: gap(fontSize: $0.fontSize)) }
    for i in scene.texts.indices where scene.texts[i].movable {
      for j in scene.texts.indices where j != i && boxes[i].intersects(scene.texts[j].box) {
        if !scene.texts[j].movable || j > i || !boxes[j].intersects(scene.texts[i].box) {
          result.append((i, j))
        }
      }
      for (s, ellipse) in scene.ellipses.enumerated() where ellipse.meets(boxes[i]) {
        result.append((i, -1 - s))
      }
      for (s, shape) in scene.shapes.enumerated() where shape.intersects(boxes[i]) {
        result.append((i, -1 - scene.ellipses.count - s))
      }
    }
    return result
  }

  /// `svg` with its edge labels moved apart (see the type's comment) and off other edges'
  /// lines where they can be (``clearLines(_:moved:)``); `svg` itself when
  /// nothing is too close, or when it cannot be read.
  static func apply(_ svg: [UInt8]) -> [UInt8] {
    guard var scene = try? scene(svg) else { return svg }
    var moved = Set<Int>()
    for _ in 0..<maximumRounds {
      let pairs = conflicts(scene)
      if pairs.isEmpty { break }
      for (i, j) in pairs {
        let a = scene.texts[i].box.expanded(by: gap(fontSize: scene.texts[i].fontSize))
        if j >= 0 {
          let b = scene.texts[j].box
          let (dx, dy) = separation(a, b)
          let share = scene.texts[j].movable ? 0.5 : 1
          scene.texts[i].x += dx * share
          scene.texts[i].y += dy * share
          if scene.texts[j].movable {
            scene.texts[j].x -= dx * share
            scene.texts[j].y -= dy * share
            moved.insert(j)
          }
        } else if -1 - j < scene.ellipses.count {
          let e = scene.ellipses[-1 - j]
          let c = a.centre
          var ux = c.x - e.cx
          var uy = c.y - e.cy
          let length = (ux * ux + uy * uy).squareRoot()
          (ux, uy) = length > 0 ? (ux / length, uy / length) : (0, -1)
          // Step out along the ray from the centre until the box clears the ellipse.
          var step = 1.0
          while e.meets(a.offset(ux * step, uy * step)) && step < 4 * (e.rx + e.ry) { step += 1 }
          scene.texts[i].x += ux * step
          scene.texts[i].y += uy * step
        } else {
          let (dx, dy) = separation(a, scene.shapes[-1 - j - scene.ellipses.count])
          scene.texts[i].x += dx
          scene.texts[i].y += dy
        }
        moved.insert(i)
      }
    }
    // Then labels that lie over another edge's line are moved a little, where a place near
    // by is clear of lines, labels and nodes (``clearLines(_:moved:)``).
    clearLines(&scene, moved: &moved)
    guard !moved.isEmpty else { return svg }
    return serialised(scene, moved: moved)
  }

  /// The shorter move of `a` that takes it clear of `b` (plus a hundredth, against rounding).
  static func separation(_ a: Box, _ b: Box) -> (Double, Double) {
    let right = b.maxX - a.minX
    let left = a.maxX - b.minX
    let down = b.maxY - a.minY
    let up = a.maxY - b.minY
    let dx = right < left ? right + 0.01 : -(left + 0.01)
    let dy = down < up ? down + 0.01 : -(up + 0.01)
    return abs(dx) <= abs(dy) ? (dx, 0) : (0, dy)
  }

  /// The tokens written back, the moved texts with their new `x` and `y`.
  static func serialised(_ scene: Scene, moved: Set<Int>) -> [UInt8] {
    var position: [Int: (Double, Double)] = [:]
    for i in moved { position[scene.texts[i].token] = (scene.texts[i].x, scene.texts[i].y) }
    var out = ""
    for (index, token) in scene.tokens.enumerated() {
      switch token {
      case .declaration(let s): out += s
      case .comment(let s): out += "<!--" + s + "-->"
      case .cdata(let s): out += "<![CDATA[" + s + "]]>"
      case .text(let s): out += s
      case .endTag(let name): out += "</" + name + ">"
      case .startTag(let name, var attributes, let selfClosing):
        if let (x, y) = position[index] {
          for k in attributes.indices {
            if attributes[k].name == "x" { attributes[k].value = coordinate(x) }
            if attributes[k].name == "y" { attributes[k].value = coordinate(y) }
          }
        }
        out += "<" + name
        for a in attributes { out += " \(a.name)=\(a.quote)\(a.value)\(a.quote)" }
        out += selfClosing ? "/>" : ">"
      }
    }
    return Array(out.utf8)
  }

  /// `12.35`, `-4`: two decimals at most, no locale.
  static func coordinate(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    if r == r.rounded() { return String(Int(r)) }
    return String(format: "%.2f", locale: Locale(identifier: "en_US_POSIX"), r)
  }
}

extension LabelSpacing.Box {
  func offset(_ dx: Double, _ dy: Double) -> Self {
    Self(minX: minX + dx, minY: minY + dy, maxX: maxX + dx, maxY: maxY + dy)
  }
}
