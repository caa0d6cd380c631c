/// The one error type of the core module.
///
/// A `code` says what went wrong for programs; `message` says it for people, naming what was
/// found and what was expected; `location` says where.
public struct DiploGraphError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A stable identifier of the kind of failure.
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// Bytes that are not the format (bad JSON or CSV syntax, invalid UTF-8).
    public static let syntax = Code(rawValue: "syntax")
    /// Well-formed input with a value of the wrong type or shape.
    public static let schema = Code(rawValue: "schema")
    /// A data set that reads but breaks a rule of the model (validation).
    public static let invalid = Code(rawValue: "invalid")
    /// Input beyond a configured limit (size, depth, number of rows).
    public static let limit = Code(rawValue: "limit")
    /// A sum that does not fit in 64 bits.
    public static let overflow = Code(rawValue: "overflow")
    /// A file that cannot be read or written.
    public static let io = Code(rawValue: "io")
  }

  public var code: Code
  public var message: String
  public var location: SourceLocation?

  public init(_ code: Code, _ message: String, at location: SourceLocation? = nil) {
    self.code = code
    self.message = message
    self.location = location
  }

  /// `location: error: message`.
  public var description: String {
    if let location { return "\(location): error: \(message)" }
    return "error: \(message)"
  }
}
