/// Turns data paths into places in the files a data set was read from.
public protocol SourceMap: Sendable {
  /// The location of `path`; at least the file, when nothing finer is known.
  func location(of path: DataPath) -> SourceLocation
}

/// The map of a data set built in code: locations carry the JSON path only.
public struct NoSourceMap: SourceMap {
  public var file: String?
  public init(file: String? = nil) { self.file = file }
  public func location(of path: DataPath) -> SourceLocation {
    SourceLocation(file: file, path: path.jsonPath)
  }
}
