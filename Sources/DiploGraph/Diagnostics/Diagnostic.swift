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
  /// For the last diagnostic of a capped list (`N more problems not listed`): N, the number of
  /// problems it stands for; 0 for any other.
  public var unlisted = 0

  public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
    self.severity = severity
    self.message = message
    self.location = location
  }

  /// `location: severity: message`.
  public var description: String { SourceLocation.line(severity.rawValue, message, at: location) }
}
