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

  /// `location: label: message`, or `label: message` without a location: the one shape of
  /// every error and diagnostic users see.
  static func line(_ label: String, _ message: String, at location: SourceLocation?) -> String {
    guard let location else { return "\(label): \(message)" }
    return "\(location): \(label): \(message)"
  }
}
