/// The one error type of the core module.
///
/// A `code` says what went wrong for programs; `message` says it for people, naming what was
/// found and what was expected; `location` says where. An input past one of the reading limits
/// also says which limit, in ``limit``.
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
  /// The reading limit the input went past, for a `limit` error that a setting can raise.
  public var limit: Limit?

  public init(_ code: Code, _ message: String, at location: SourceLocation? = nil) {
    self.code = code
    self.message = message
    self.location = location
  }

  /// A `limit` error for an input past `limit`: `message` is given the library's advice,
  /// ``Limit/advice``, to put where it belongs.
  init(_ limit: Limit, at location: SourceLocation?, _ message: (_ advice: String) -> String) {
    self.init(.limit, message(limit.advice), at: location)
    self.limit = limit
  }

  /// "found more than N `things`; expected at most N (advice)": an input with more of something
  /// than `limit` allows.
  static func tooMany(_ things: String, _ limit: Limit, at location: SourceLocation?) -> Self {
    Self(limit, at: location) {
      "found more than \(limit.value) \(things); expected at most \(limit.value) (\($0))"
    }
  }

  /// `location: error: message`.
  public var description: String { SourceLocation.line("error", message, at: location) }

  /// The message with `advice` in place of the library's advice for raising the limit: how a
  /// program that sets the limit its own way (the command line, with an option) says so.
  public func message(advice: String) -> String {
    guard let limit, let range = message.firstRange(of: limit.advice) else { return message }
    var text = message
    text.replaceSubrange(range, with: advice)
    return text
  }
}

extension DiploGraphError {
  /// A reading limit and its value: what an input went past.
  public struct Limit: Hashable, Sendable {
    /// The limits, named as the settings that hold them.
    public enum Name: String, Hashable, Sendable, CaseIterable {
      /// ``DataSetFile/Limits/maxBytes``: the bytes of an input file.
      case maxBytes
      /// ``DataSetFile/Limits/maxActions``: the actions of a data set.
      case maxActions
      /// ``DataSetFile/Limits/maxActors``: the distinct actors, declared or named by an action.
      case maxActors
      /// ``DataSetFile/Limits/maxRecordBytes``: the bytes of a CSV record.
      case maxRecordBytes
      /// ``JSON/Limits/maxValues``: the values of a JSON text.
      case maxJSONValues
      /// ``JSON/Limits/maxDepth``: the nesting of a JSON text.
      case maxJSONDepth

      /// What the limit counts, as messages say it.
      var unit: String {
        switch self {
        case .maxBytes: "bytes per input"
        case .maxActions: "actions"
        case .maxActors: "actors"
        case .maxRecordBytes: "bytes per record"
        case .maxJSONValues: "JSON values"
        case .maxJSONDepth: "levels"
        }
      }
    }

    public var name: Name
    /// The limit's value when the input went past it.
    public var value: Int

    public init(_ name: Name, _ value: Int) {
      self.name = name
      self.value = value
    }

    /// What the message says to do, in the library's words: "raise the limit of 1000
    /// actors".
    public var advice: String { "raise the limit of \(value) \(name.unit)" }
  }
}
