import CFileSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file in
/// the same folder, are flushed to disk (`fsync`), and the temporary file is renamed over the
/// destination, which either keeps its old content or gets all of the new.
///
/// Every file the command line writes goes through one of the `write` functions here; they all
/// end in ``write(_:protecting:beforeRename:)-(_,[Output])`` with its list of outputs.
public enum AtomicFile {
  /// One file to write: its path and a function that hands its bytes, piece by piece, to the
  /// sink it is given (a large output need never be whole in memory).
  public struct Output {
    public var path: String
    public var contents: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void

    public init(
      path: String, contents: @escaping ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) {
      self.path = path
      self.contents = contents
    }

    /// The output whose contents are `bytes`.
    public init(path: String, bytes: [UInt8]) {
      self.init(path: path) { sink in try bytes.withUnsafeBytes { try sink($0) } }
    }
  }

  /// Writes `bytes` to `path` atomically.
  ///
  /// - Parameters:
  ///   - protecting: paths that must never be overwritten (the inputs of the run). The check
  ///     compares files, not spellings: `./a.json`, a symlink to it and a hard link to it are all
  ///     the same file.
  ///   - beforeRename: called after the temporary file is complete and before the rename; a
  ///     throw here leaves the destination untouched and removes the temporary file (tests use it
  ///     to simulate a failure at the worst moment).
  /// - Throws: ``DiploGraphError`` with code `io`, naming the path and the system's reason.
  public static func write(
    _ bytes: some Collection<UInt8>, to path: String, protecting: [String] = [],
    beforeRename: (() throws -> Void)? = nil
  ) throws {
    try write(
      [Output(path: path, bytes: Array(bytes))], protecting: protecting,
      beforeRename: beforeRename)
  }

  /// Writes to `path` atomically the bytes `contents` hands, piece by piece, to the sink it is
  /// given. Same guarantees and errors as ``write(_:to:protecting:beforeRename:)``; an error
  /// thrown by `contents` leaves the destination untouched.
  public static func write(
    to path: String, protecting: [String] = [], beforeRename: (() throws -> Void)? = nil,
    contents: @escaping ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
  ) throws {
    try write(
      [Output(path: path, contents: contents)], protecting: protecting,
      beforeRename: beforeRename)
  }

  /// Writes several files as one output (a CSV folder's `actions.csv` and `actors.csv`).
  public static func write(
    _ files: [(bytes: [UInt8], path: String)], protecting: [String] = [],
    beforeRename: (() throws -> Void)? = nil
  ) throws {
    try write(
      files.map { Output(path: $0.path, bytes: $0.bytes) }, protecting: protecting,
      beforeRename: beforeRename)
  }

  /// Writes several files as one output: every temporary file is written and flushed first,
  /// and only then are they renamed, one after the other, so a failure while writing any of
  /// them leaves every destination as it was.
  ///
  /// - Parameters: as ``write(_:to:protecting:beforeRename:)``; `beforeRename` runs once, after
  ///   all the temporary files are complete.
  public static func write(
    _ outputs: [Output], protecting: [String] = [], beforeRename: (() throws -> Void)? = nil
  ) throws {
    for output in outputs {
      for input in protecting where sameFile(output.path, input) {
        throw DiploGraphError(
          .io,
          "refusing to overwrite the input file \(input) (the same file); expected another "
            + "output path", at: SourceLocation(file: output.path))
      }
    }
    // Every destination is checked before anything is written: a folder in the way of one
    // file must not leave the others replaced.
    let destinations = try outputs.map { try Destination.of($0.path) }
    let atomic = zip(outputs, destinations).filter { $1.isRegular }.map { output, destination in
      Output(path: destination.path, contents: output.contents)
    }
    var temporaries: [String] = []
    var renamed = 0
    defer {
      for temporary in temporaries.dropFirst(renamed) { unlink(temporary) }
      TemporaryFiles.forget(temporaries)
    }
    for output in atomic {
      temporaries.append(try writeTemporary(output) { TemporaryFiles.remember($0) })
    }
    try beforeRename?()
    for (output, destination) in zip(outputs, destinations) where !destination.isRegular {
      try writeThrough(output, to: destination.path)
    }
    for (output, temporary) in zip(atomic, temporaries) {
      guard rename(temporary, output.path) == 0 else {
        throw ioError("cannot replace it", output.path)
      }
      renamed += 1
      let dirFD = open(parentDirectory(of: output.path), O_RDONLY)
      if dirFD >= 0 {
        fsync(dirFD)
        close(dirFD)
      }
    }
  }

  /// How many bytes written start on their way to disk at once (``writeTemporary(_:made:)``).
  package static let writebackStretch = 8 << 20

  /// Writes `output` to a new temporary file beside its path, flushed to disk, with the mode
  /// the destination has (or would get); returns the temporary file's path.
  private static func writeTemporary(_ output: Output, made: (String) -> Void) throws -> String {
    let path = output.path
    let directory = parentDirectory(of: path)
    let base = path.split(separator: "/").last.map(String.init) ?? path
    var template = Array("\(directory)/.\(base).tmp-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw ioError("cannot create a temporary file in \(directory)", path) }
    let temporary = String(cString: template.map { UInt8(bitPattern: $0) } + [0])
    made(temporary)
    var complete = false
    defer {
      if !complete {
        unlink(temporary)
        TemporaryFiles.forget([temporary])
      }
    }
    defer { close(fd) }
    // Each full stretch of `writebackStretch` bytes starts on its way to disk as soon as it is
    // written, so that the `fsync` below waits for the last stretch, not for the whole file
    // (277 MB of statistics: 87 ms of waiting otherwise). A failure here only loses the head
    // start: the `fsync` reports what matters.
    var written = 0
    var sentToDisk = 0
    try output.contents { raw in
      if let reason = writeAll(fd, raw) {
        throw DiploGraphError(.io, "cannot write: \(reason)", at: SourceLocation(file: path))
      }
      written += raw.count
      if written - sentToDisk >= writebackStretch {
        _ = diplograph_start_writeback(fd, Int64(sentToDisk), Int64(written - sentToDisk))
        sentToDisk = written
      }
    }
    guard fsync(fd) == 0 else { throw ioError("cannot flush to disk", path) }
    // Keep the mode of an existing destination; a new file gets 0666 less the umask.
    var info = stat()
    if stat(path, &info) == 0 {
      fchmod(fd, info.st_mode & 0o7777)
    } else {
      let mask = umask(0)
      umask(mask)
      fchmod(fd, 0o666 & ~mask)
    }
    complete = true
    return temporary
  }

  /// Writes all of `raw` to `fd`, retrying after interruptions and short writes.
  ///
  /// - Returns: `nil` when every byte is written, else the system's reason (`No space left on
  ///   device`).
  public static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer) -> String? {
    var written = 0
    while written < raw.count {
      let n = systemWrite(fd, raw.baseAddress! + written, raw.count - written)
      if n < 0 {
        if errno == EINTR { continue }
        return String(cString: strerror(errno))
      }
      written += n
    }
    return nil
  }

  /// Whether two paths name the same existing file (same device and inode).
  public static func sameFile(_ a: String, _ b: String) -> Bool {
    var sa = stat()
    var sb = stat()
    guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
  }

  static func parentDirectory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let parent = String(path[..<slash])
    return parent.isEmpty ? "/" : parent
  }

  /// `write(2)`, named apart from this type's own `write`.
  static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
      return Darwin.write(fd, buffer, count)
    #elseif canImport(Musl)
      return Musl.write(fd, buffer, count)
    #else
      return Glibc.write(fd, buffer, count)
    #endif
  }

  static func ioError(_ what: String, _ path: String) -> DiploGraphError {
    DiploGraphError(
      .io, "\(what): \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
  }
}
