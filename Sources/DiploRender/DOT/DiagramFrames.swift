import DiploGraph

/// How an episode is cut into frames.
public enum FramePeriod: Hashable, Sendable {
  /// One frame per calendar day with an action.
  case day
  /// One frame per seven days from the first action's day, when the week has an action.
  case week
  /// The episode's span cut into this many periods of equal length (days), the empty ones
  /// left out.
  case count(Int)

  /// Parses `day`, `week` or a number of frames (1…1000).
  public init?(_ text: String) {
    switch text {
    case "day": self = .day
    case "week": self = .week
    default:
      guard let n = Int(text), (1...1000).contains(n) else { return nil }
      self = .count(n)
    }
  }
}

/// An episode drawn as it unfolds: one diagram per period, every actor at the same place in
/// every frame, so that the eye can follow.
///
/// The whole episode (its selection, cut down by ``DiagramReduction`` when too large) is laid
/// out once with the engine asked for (or the one the policy chooses); the node positions are
/// read back from Graphviz's SVG (``PinnedLayout``). Each frame is then written with the actions
/// dated within its period, every actor of the episode drawn at its pinned position
/// (`pos="x,y!"`) at its size in the episode (so that no node grows into another), and laid out
/// with neato, which keeps pinned nodes where they are and only routes the edges. Undated
/// actions appear in no frame. Widths and counts are those of the frame's own actions.
///
/// - Complexity: one layout of the episode and one neato routing per frame, plus O(n) per frame
///   to select its actions.
public struct DiagramFrames: Sendable {
  /// One frame: its period and its DOT document (render it with ``LayoutEngine/neato``).
  public struct Frame: Sendable {
    public var first: Day
    public var last: Day
    public var document: DOTDocument
    /// `2018-03-26` or `2018-03-26 to 2018-04-01`.
    public var period: String { first == last ? "\(first)" : "\(first) to \(last)" }
  }

  /// The frames, in time order (periods without an action left out).
  public let frames: [Frame]
  /// What the episode diagram merged (``DOTDocument/caption``), said once for every frame.
  public let caption: String?

  /// Lays out `network`'s episode with `renderer` and writes one document per period.
  ///
  /// - Parameter titled: give each frame a title (the style's or the data set's title and the
  ///   period); `false` draws none (a page that captions each frame itself).
  /// - Throws: what ``Renderer/render(_:engine:format:force:)`` and ``DOTWriter`` throw;
  ///   ``DiploRenderError`` with code `svg` when the episode's SVG cannot be read back.
  public init(
    network: Network, style: Style, period: FramePeriod, renderer: Renderer,
    engine: LayoutEngine? = nil, force: Bool = false, titled: Bool = true
  ) throws {
    let reduction = try DiagramReduction(
      network, style: style, maximumActors: style.maximumActors ?? 0)
    let episode = reduction.network
    var whole = style
    whole.maximumActors = nil
    let document = try DOTWriter(style: whole).document(for: episode)
    let rendering = try renderer.render(document, engine: engine, format: .svg, force: force)
    let layout = try PinnedLayout(svg: rendering.bytes)
    caption = reduction.caption

    var days: [Day] = []
    for action in episode.actions.includingSelfLoops { if let d = action.date { days.append(d) } }
    let title = style.title ?? network.dataSet.title
    var frames: [Frame] = []
    for (first, last) in Self.periods(of: days, period) {
      var frameStyle = whole
      let period = first == last ? "\(first)" : "\(first) to \(last)"
      frameStyle.title = !titled ? "" : title.isEmpty ? period : "\(title): \(period)"
      let frame = try Network(episode.dataSet, selection: Selection(since: first, until: last))
      let text = try DOTWriter(style: frameStyle).document(for: frame, pinned: layout)
      frames.append(Frame(first: first, last: last, document: text))
    }
    self.frames = frames
  }

  /// The periods over the dated days `days` (any order), those without a day left out.
  static func periods(of days: [Day], _ period: FramePeriod) -> [(Day, Day)] {
    guard let start = days.min(), let end = days.max() else { return [] }
    let span = start.days(to: end) + 1
    let length: Int
    switch period {
    case .day: length = 1
    case .week: length = 7
    case .count(let n): length = max(1, (span + n - 1) / n)
    }
    let used = Set(days.map { start.days(to: $0) / length })
    return used.sorted().map { k in
      (start.adding(days: k * length), min(end, start.adding(days: (k + 1) * length - 1)))
    }
  }
}

/// Node positions read back from Graphviz's SVG of a whole episode, to pin in its frames.
public struct PinnedLayout: Hashable, Sendable {
  /// Centre of each node in points, y upwards (Graphviz's own `pos` orientation), by id.
  public let positions: [ActorID: Position]

  /// Positions given in code.
  public init(positions: [ActorID: Position]) { self.positions = positions }

  /// A node's centre and size in points.
  public struct Position: Hashable, Sendable {
    public var x: Double
    public var y: Double
    /// The node's width and height as drawn in the episode (0: keep the frame's own).
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double = 0, height: Double = 0) {
      self.x = x
      self.y = y
      self.width = width
      self.height = height
    }
  }

  /// Reads the centre of every node (`<g class="node">`: the `<title>` is the id, the centre
  /// that of its ellipse or of its shape's bounding box).
  ///
  /// - Throws: ``DiploRenderError`` with code `svg` when the SVG cannot be read.
  public init(svg: [UInt8]) throws {
    let tokens: [XMLTokenizer.Token]
    do { tokens = try XMLTokenizer.tokens(svg) } catch {
      throw DiploRenderError(.svg, "the SVG from Graphviz could not be read: \(error)")
    }
    var positions: [ActorID: Position] = [:]
    var depth = 0
    var nodeDepth: Int?
    var inTitle = false
    var id = ""
    for token in tokens {
      switch token {
      case .startTag(let name, let attributes, let selfClosing):
        var a: [String: String] = [:]
        for attribute in attributes { a[attribute.name] = attribute.value }
        if name == "g" && !selfClosing {
          depth += 1
          if (a["class"] ?? "").hasPrefix("node") {
            nodeDepth = depth
            id = ""
          }
        } else if nodeDepth != nil && name == "title" && !selfClosing {
          inTitle = true
        } else if nodeDepth != nil, positions[ActorID(id)] == nil {
          var centre: Position?
          if name == "ellipse", let x = a["cx"].flatMap(Double.init),
            let y = a["cy"].flatMap(Double.init)
          {
            let rx = a["rx"].flatMap(Double.init) ?? 0
            let ry = a["ry"].flatMap(Double.init) ?? 0
            centre = Position(x: x, y: -y, width: 2 * rx, height: 2 * ry)
          } else if name == "polygon" || name == "path",
            let box = LabelSpacing.bounds(a[name == "polygon" ? "points" : "d"] ?? "")
          {
            centre = Position(
              x: box.centre.x, y: -box.centre.y, width: box.maxX - box.minX,
              height: box.maxY - box.minY)
          }
          if let centre, !id.isEmpty { positions[ActorID(id)] = centre }
        }
      case .text(let text):
        if inTitle { id += text }
      case .endTag(let name):
        if name == "title" && inTitle {
          inTitle = false
          id = XMLEntities.decoded(id)
        }
        if name == "g" {
          if depth == nodeDepth { nodeDepth = nil }
          depth -= 1
        }
      default:
        break
      }
    }
    self.positions = positions
  }
}

/// Decoding of the entities Graphviz writes in SVG text (`&#45;`, `&#x2014;`, `&amp;`, …).
enum XMLEntities {
  static func decoded(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      guard let semi = rest[amp...].firstIndex(of: ";") else { break }
      let name = rest[rest.index(after: amp)..<semi]
      var scalar: Unicode.Scalar?
      if name.hasPrefix("#x") || name.hasPrefix("#X") {
        scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
      } else if name.hasPrefix("#") {
        scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
      } else {
        let named: [Substring: Unicode.Scalar] = [
          "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        ]
        scalar = named[name]
      }
      if let scalar {
        out.unicodeScalars.append(scalar)
      } else {
        out += rest[amp...semi]
      }
      rest = rest[rest.index(after: semi)...]
    }
    return out + rest
  }
}
