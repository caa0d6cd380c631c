import Foundation

/// Labels off lines.
///
/// Graphviz's dot keeps edges away from edge labels (a label is a node of the layout), but the
/// other engines place a label at the middle of its edge, on its own line (a number in the
/// line's colour, struck through by it) and on whatever else runs there, and ``LabelSpacing``'s
/// moves can put one on a line. So, after the labels are apart, each edge text whose box meets
/// a line (its own or another edge's path flattened to a polyline, or an arrowhead), or comes
/// within half that line's stroke width of it, looks for a clear place near by: offsets of
/// r = ¼, ½, … 2½ em in 16 directions, the nearest first; a place is clear when the box keeps
/// a tenth of an em from every line and, grown by the gap, no label, node or fixed text (so the label ends beside its
/// own line, off the others). The first clear place is taken; without one the label stays
/// (and still crosses: this pass lowers the count of crossings, it cannot promise none — a
/// label in a dense bundle has no clear place within reach of its edge).
///
/// Scenes of more than ``lineClearanceTextLimit`` texts are left as they are (their labels are
/// only kept apart).
///
/// - Complexity: O(T · (S_c + T)) to find the crossings and O(C · 160 · (S_c + T + N)) to move
///   C crossing labels, for T texts, N node shapes and S_c the line segments in the grid cells a
///   box covers (segments are bucketed in a grid of 64-unit cells).
extension LabelSpacing {
  /// One edge's line: its polyline (a path's Bézier curves flattened, or a polygon's outline).
  struct EdgeLine {
    var edge: Int
    var points: [(x: Double, y: Double)]
    /// Half the line's `stroke-width`: a box this close to the polyline is covered by it.
    var halfWidth = 0.5
  }

  /// The farthest a label is moved off a line, in em.
  static let lineClearanceReach = 2.5

  /// Beyond this many texts the pass does not look for lines (each search is O(T)).
  static let lineClearanceTextLimit = 2_000

  /// The numbers of a `points` list or a path's `d`.
  static func numbers(_ list: String) -> [Double] {
    var numbers: [Double] = []
    var current = ""
    for c in list {
      if c.isNumber || c == "." || (c == "-" && current.isEmpty) || c == "e" {
        current.append(c)
      } else {
        if let v = Double(current) { numbers.append(v) }
        current = c == "-" ? "-" : ""
      }
    }
    if let v = Double(current) { numbers.append(v) }
    return numbers
  }

  /// The points of a `points` list, its first repeated at the end (a closed outline).
  static func pairs(_ list: String) -> [(x: Double, y: Double)] {
    let n = numbers(list)
    var points = stride(from: 0, to: n.count - 1, by: 2).map { (x: n[$0], y: n[$0 + 1]) }
    if let first = points.first, points.count > 2 { points.append(first) }
    return points
  }

  /// Graphviz's edge path `M p0 C p1 p2 p3 p4 p5 p6 …` (one move, then cubic Bézier curves)
  /// as a polyline: each curve sampled at t = 1/16, 2/16, … 1.
  static func flattened(_ d: String) -> [(x: Double, y: Double)] {
    let n = numbers(d)
    let p = stride(from: 0, to: n.count - 1, by: 2).map { (x: n[$0], y: n[$0 + 1]) }
    guard let start = p.first else { return [] }
    var points = [start]
    var k = 1
    while k + 2 < p.count {
      let (a, b, c, e) = (p[k - 1], p[k], p[k + 1], p[k + 2])
      for step in 1...16 {
        let t = Double(step) / 16
        let u = 1 - t
        let w = (u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t)
        points.append(
          (
            x: w.0 * a.x + w.1 * b.x + w.2 * c.x + w.3 * e.x,
            y: w.0 * a.y + w.1 * b.y + w.2 * c.y + w.3 * e.y
          ))
      }
      k += 3
    }
    return points
  }

  /// Whether the segment from `p` to `q` meets the inside of `box` (Liang–Barsky clipping).
  static func segment(
    _ p: (x: Double, y: Double), _ q: (x: Double, y: Double), meets box: Box
  ) -> Bool {
    var t0 = 0.0
    var t1 = 1.0
    let dx = q.x - p.x
    let dy = q.y - p.y
    for (edge, distance) in [
      (-dx, p.x - box.minX), (dx, box.maxX - p.x), (-dy, p.y - box.minY), (dy, box.maxY - p.y),
    ] {
      if edge == 0 {
        if distance <= 0 { return false }
      } else {
        let t = distance / edge
        if edge < 0 {
          if t > t1 { return false }
          t0 = max(t0, t)
        } else {
          if t < t0 { return false }
          t1 = min(t1, t)
        }
      }
    }
    return t0 < t1
  }

  /// The segments of the scene's lines, bucketed in a grid for box queries.
  struct SegmentGrid {
    static let cell = 64.0
    var segments:
      [(edge: Int, p: (x: Double, y: Double), q: (x: Double, y: Double), halfWidth: Double)] = []
    var buckets: [Int64: [Int]] = [:]

    init(_ lines: [EdgeLine]) {
      for line in lines {
        for (p, q) in zip(line.points, line.points.dropFirst()) {
          let index = segments.count
          segments.append((line.edge, p, q, line.halfWidth))
          let bounds = Box(
            minX: min(p.x, q.x), minY: min(p.y, q.y), maxX: max(p.x, q.x), maxY: max(p.y, q.y))
          for key in Self.keys(bounds.expanded(by: line.halfWidth)) {
            buckets[key, default: []].append(index)
          }
        }
      }
    }

    static func keys(_ box: Box) -> [Int64] {
      let x0 = Int64((box.minX / cell).rounded(.down))
      let x1 = Int64((box.maxX / cell).rounded(.down))
      let y0 = Int64((box.minY / cell).rounded(.down))
      let y1 = Int64((box.maxY / cell).rounded(.down))
      guard x1 - x0 < 1_000, y1 - y0 < 1_000 else { return [] }
      var keys: [Int64] = []
      for x in x0...x1 { for y in y0...y1 { keys.append(x &* 1_000_003 &+ y) } }
      return keys
    }

    /// Whether a line of an edge other than `edge` (or of any edge, `edge` −1) meets `box`.
    func crossed(_ box: Box, by other: Int) -> Bool {
      for key in Self.keys(box) {
        for s in buckets[key] ?? [] where segments[s].edge != other {
          let covered = box.expanded(by: segments[s].halfWidth)
          if LabelSpacing.segment(segments[s].p, segments[s].q, meets: covered) { return true }
        }
      }
      return false
    }
  }

  /// How many edge texts of the scene lie over another edge's line (with `ownToo`, over any
  /// line, their own edge's included).
  static func lineCrossings(_ scene: Scene, ownToo: Bool = false) -> Int {
    let grid = SegmentGrid(scene.lines)
    return scene.texts.filter { $0.movable && grid.crossed($0.box, by: ownToo ? -1 : $0.edge) }
      .count
  }

  /// How many edge texts of `svg` lie over another edge's line (with `ownToo`, over any line);
  /// 0 when it cannot be read.
  static func lineCrossings(_ svg: [UInt8], ownToo: Bool = false) -> Int {
    (try? scene(svg)).map { lineCrossings($0, ownToo: ownToo) } ?? 0
  }

  /// Moves each edge text that lies over another edge's line to the nearest clear place within
  /// ``lineClearanceReach`` em, if there is one (see the extension's comment).
  static func clearLines(_ scene: inout Scene, moved: inout Set<Int>) {
    guard !scene.lines.isEmpty, scene.texts.count <= lineClearanceTextLimit else { return }
    let grid = SegmentGrid(scene.lines)
    let directions = (0..<16).map { k -> (Double, Double) in
      let angle = Double(k) * Double.pi / 8
      return (cos(angle), -sin(angle))
    }
    for i in scene.texts.indices where scene.texts[i].movable {
      let text = scene.texts[i]
      guard grid.crossed(text.box, by: -1) else { continue }
      let size = text.fontSize
      let steps = Int(lineClearanceReach * 4)
      search: for step in 1...steps {
        let r = Double(step) * size / 4
        for (ux, uy) in directions {
          let box = text.box.offset(ux * r, uy * r)
          // A tenth of an em of white between the label and a line.
          if grid.crossed(box.expanded(by: size / 10), by: -1) { continue }
          if isCrowded(box.expanded(by: gap(fontSize: size)), except: i, in: scene) { continue }
          scene.texts[i].x += ux * r
          scene.texts[i].y += uy * r
          moved.insert(i)
          break search
        }
      }
    }
  }

  /// Whether `box` meets a text other than `except`, a node's ellipse or another node shape.
  static func isCrowded(_ box: Box, except: Int, in scene: Scene) -> Bool {
    for (j, other) in scene.texts.enumerated() where j != except && box.intersects(other.box) {
      return true
    }
    return scene.ellipses.contains { $0.meets(box) } || scene.shapes.contains { $0.intersects(box) }
  }
}
