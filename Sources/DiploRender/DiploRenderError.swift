import DiploGraph

/// The one error type of the rendering module.
///
/// A `code` says what went wrong for programs; ``message`` says it for people, with Graphviz's
/// own words when Graphviz is the one complaining, and in the library's terms: a `limit` error
/// lists its ways out as ``remedies`` (data), and a host that has its own way to take each (a
/// command line, its options) adds it with ``message(how:)``.
public struct DiploRenderError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A stable identifier of the kind of failure.
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// Graphviz could not read the DOT text.
    public static let syntax = Code(rawValue: "graphviz-syntax")
    /// Graphviz failed to lay out the graph.
    public static let layout = Code(rawValue: "graphviz-layout")
    /// Graphviz failed to draw the laid-out graph.
    public static let render = Code(rawValue: "graphviz-render")
    /// The format (PNG, PDF) needs a Graphviz plugin this machine does not have.
    public static let unsupportedFormat = Code(rawValue: "unsupported-format")
    /// A graph too large for the chosen engine, or a layout over its time limit.
    public static let limit = Code(rawValue: "limit")
    /// The SVG Graphviz produced could not be post-processed.
    public static let svg = Code(rawValue: "svg")
    /// A style value that is not allowed (a colour, a font name, a range), or a style file
    /// that is not a style.
    public static let style = Code(rawValue: "style")
    /// An engine, format or option named by a string that is not one.
    public static let unknownName = Code(rawValue: "unknown-name")
    /// The program that runs layouts in a separate process (``LayoutIsolation``) was not found.
    public static let isolation = Code(rawValue: "layout-isolation")
  }

  /// A way past an error, as data: its words in the library's terms, and its kind, by which a
  /// host adds how its own users take it (see ``message(how:)``).
  public struct Remedy: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
      /// Lay the graph out with another engine (the words name it).
      case otherEngine
      /// Draw a smaller graph: select fewer actors or actions.
      case fewerActors
      /// Give the layout a longer time limit (``LayoutIsolation/timeLimit``).
      case moreTime
      /// Run the engine anyway (the `force` argument of ``Renderer/render(_:engine:format:force:)``).
      case force
    }

    public var kind: Kind
    /// `use a faster engine (sfdp)`, `draw fewer actors`.
    public var words: String

    public init(_ kind: Kind, _ words: String) {
      self.kind = kind
      self.words = words
    }
  }

  public var code: Code
  /// What went wrong; the whole ``message`` when there are no ``remedies``.
  public var problem: String
  /// The ways out, in the order the message names them.
  public var remedies: [Remedy]
  /// Where, for an error in a file the library read (a style file).
  public var location: SourceLocation?

  public init(
    _ code: Code, _ problem: String, remedies: [Remedy] = [], at location: SourceLocation? = nil
  ) {
    self.code = code
    self.problem = problem
    self.remedies = remedies
    self.location = location
  }

  /// The problem, then the remedies: `…was stopped; use a faster engine (sfdp), draw fewer
  /// actors, or allow more time`.
  public var message: String { message(how: { _ in nil }) }

  /// ``message`` with, after each remedy whose kind `how` names, that text in parentheses:
  /// `draw fewer actors (select with …)`, as a command line adds its options.
  public func message(how: (Remedy.Kind) -> String?) -> String {
    guard !remedies.isEmpty else { return problem }
    let ways = remedies.map { remedy in
      how(remedy.kind).map { "\(remedy.words) (\($0))" } ?? remedy.words
    }
    let list =
      ways.count == 1
      ? ways[0] : ways.dropLast().joined(separator: ", ") + ", or " + ways[ways.count - 1]
    return problem + "; " + list
  }

  /// `location: error: message`, the shape of every message (see ``SourceLocation``).
  public func description(how: (Remedy.Kind) -> String?) -> String {
    let text = "error: \(message(how: how))"
    return location.map { "\($0): \(text)" } ?? text
  }

  public var description: String { description(how: { _ in nil }) }
}
