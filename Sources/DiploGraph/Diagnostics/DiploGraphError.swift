/// Where something is in an input: a file, and within it a line and column, and (for JSON) the
/// path of the value or (for CSV) the record number and column name.
///
/// Every message a user sees carries one of these, in one shape:
/// `FILE:LINE:COLUMN: <detail>`, the shape compilers use, so editors can jump to it.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  /// The file's path as the user gave it; `nil` for data built in code or read from memory.
  public var file: String?
  /// 1-based line, when known.
  public var line: Int?
  /// 1-based column (in characters of the line), when known.
  public var column: Int?
  /// The value's place in the document: `$.actions[3].count` for JSON,
  /// `row 14, column "count"` for CSV.
  public var path: String?

  public init(file: String? = nil, line: Int? = nil, column: Int? = nil, path: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.path = path
  }

  /// `file:line:column` (as much as is known), then the path in parentheses.
  public var description: String {
    var head = file ?? "<input>"
    if let line {
      head += ":\(line)"
      if let column { head += ":\(column)" }
    }
    if let path { head += " (\(path))" }
    return head
  }

  /// This location with another file name.
  public func inFile(_ file: String?) -> SourceLocation {
    var copy = self
    copy.file = file
    return copy
  }
}

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

/// One finding of validation: an error (the data set cannot be used as it is) or a warning
/// (it can, but probably is not what was meant).
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Hashable, Sendable, Comparable {
    case error
    case warning

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .error && rhs == .warning }
  }

  public var severity: Severity
  public var message: String
  public var location: SourceLocation?

  public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
    self.severity = severity
    self.message = message
    self.location = location
  }

  /// `location: severity: message`.
  public var description: String {
    if let location { return "\(location): \(severity.rawValue): \(message)" }
    return "\(severity.rawValue): \(message)"
  }
}
