/// The one error type of the rendering module.
///
/// A `code` says what went wrong for programs; `message` says it for people, with Graphviz's
/// own words when Graphviz is the one complaining.
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
    /// A style value that is not allowed (a colour, a font name, a range).
    public static let style = Code(rawValue: "style")
    /// An engine, format or option named by a string that is not one.
    public static let unknownName = Code(rawValue: "unknown-name")
  }

  public var code: Code
  public var message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { "error: \(message)" }
}
