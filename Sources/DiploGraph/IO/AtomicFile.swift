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
/// Every file the command line writes goes through ``write(_:to:protecting:)``.
public enum AtomicFile {
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
    try write(to: path, protecting: protecting, beforeRename: beforeRename) { sink in
      try Array(bytes).withUnsafeBytes { try sink($0) }
    }
  }

  /// Writes to `path` atomically the bytes `contents` hands, piece by piece, to the sink it is
  /// given: a large output need never be whole in memory. Same guarantees and errors as
  /// ``write(_:to:protecting:beforeRename:)``; an error thrown by `contents` leaves the
  /// destination untouched.
  public static func write(
    to path: String, protecting: [String] = [], beforeRename: (() throws -> Void)? = nil,
    contents: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
  ) throws {
    for input in protecting where sameFile(path, input) {
      throw DiploGraphError(
        .io, "refusing to write \(path): it is the input file \(input); choose another output path")
    }
    let directory = parentDirectory(of: path)
    let base = path.split(separator: "/").last.map(String.init) ?? path
    var template = Array("\(directory)/.\(base).tmp-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw ioError("cannot create a temporary file in \(directory)") }
    let temporary = String(cString: template.map { UInt8(bitPattern: $0) } + [0])
    var renamed = false
    defer {
      if !renamed { unlink(temporary) }
    }
    do {
      defer { close(fd) }
      try contents { raw in try writeAll(fd, raw, path: path) }
      guard fsync(fd) == 0 else { throw ioError("cannot flush \(path) to disk") }
      // Keep the mode of an existing destination; a new file gets 0644 less the umask.
      var info = stat()
      if stat(path, &info) == 0 {
        fchmod(fd, info.st_mode & 0o7777)
      } else {
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
      }
    }
    try beforeRename?()
    guard rename(temporary, path) == 0 else { throw ioError("cannot replace \(path)") }
    renamed = true
    let dirFD = open(directory, O_RDONLY)
    if dirFD >= 0 {
      fsync(dirFD)
      close(dirFD)
    }
  }

  /// Writes all of `raw` to `fd`, retrying after interruptions and short writes.
  ///
  /// - Throws: ``DiploGraphError`` with code `io` naming `path` and the system's reason.
  public static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer, path: String) throws {
    var written = 0
    while written < raw.count {
      let n = systemWrite(fd, raw.baseAddress! + written, raw.count - written)
      if n < 0 {
        if errno == EINTR { continue }
        throw ioError("cannot write \(path)")
      }
      written += n
    }
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

  static func ioError(_ what: String) -> DiploGraphError {
    DiploGraphError(.io, "\(what): \(String(cString: strerror(errno)))")
  }
}
