#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// Where an output really goes: a regular file is replaced atomically; a device, a FIFO, a
// socket or a descriptor (`/dev/null`, `/dev/stdout`, a link to `/proc/self/fd/1`) is written
// through, as it is; a folder in the way is refused before anything is written. And the
// temporary files of the writes under way, removed when the program is stopped by a signal.

extension AtomicFile {
  /// One output's destination, as found before anything is written.
  struct Destination {
    /// The path to write: the given one, or for a symbolic link to a regular file the file it
    /// names (the link stays a link).
    var path: String
    /// Whether the destination is (or will be) a regular file, replaced atomically; else it is
    /// written through.
    var isRegular: Bool

    /// The destination of `path`.
    ///
    /// - Throws: ``DiploGraphError`` with code `io` when a folder is in the way.
    static func of(_ path: String) throws -> Destination {
      var link = stat()
      guard lstat(path, &link) == 0 else { return Destination(path: path, isRegular: true) }
      var info = stat()
      guard stat(path, &info) == 0 else {
        // A link to nothing: replaced, as a new file.
        return Destination(path: path, isRegular: true)
      }
      let type = info.st_mode & S_IFMT
      if type == S_IFDIR {
        errno = EISDIR
        throw ioError("cannot replace it", path)
      }
      guard type == S_IFREG else { return Destination(path: path, isRegular: false) }
      guard link.st_mode & S_IFMT == S_IFLNK else {
        return Destination(path: path, isRegular: true)
      }
      // A link to a descriptor of this process (its standard output redirected to a file) is
      // that descriptor: written through, not replaced behind the shell's back.
      if let target = readLink(path),
        ["/proc/", "/dev/fd/", "/dev/std"].contains(where: { target.hasPrefix($0) })
      {
        return Destination(path: path, isRegular: false)
      }
      guard let resolved = realpath(path, nil) else {
        return Destination(path: path, isRegular: true)
      }
      defer { free(resolved) }
      return Destination(path: String(cString: resolved), isRegular: true)
    }

    private static func readLink(_ path: String) -> String? {
      var buffer = [CChar](repeating: 0, count: 4097)
      let n = readlink(path, &buffer, 4096)
      guard n > 0 else { return nil }
      return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
  }

  /// Writes `output` straight into `path`, which is not a regular file (a device, a FIFO: it
  /// cannot be replaced, and writing is what its reader waits for).
  static func writeThrough(_ output: Output, to path: String) throws {
    let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
    guard fd >= 0 else { throw ioError("cannot open it for writing", path) }
    defer { close(fd) }
    try output.contents { raw in
      if let reason = writeAll(fd, raw) {
        throw DiploGraphError(.io, "cannot write: \(reason)", at: SourceLocation(file: path))
      }
    }
  }

  /// Removes the temporary files of the writes under way when the program receives SIGTERM,
  /// SIGINT or SIGHUP, then lets the signal end the program as it would have. For programs
  /// (the command line); a library caller that handles these signals itself need not call it.
  public static func removeTemporaryFilesOnSignals() {
    TemporaryFiles.install()
  }
}

/// The temporary files being written, in a table a signal handler can read: C strings in fixed
/// slots, removed with `unlink` (async-signal-safe) when the program is stopped.
enum TemporaryFiles {
  static let capacity = 64
  nonisolated(unsafe) static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
    let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    slots.initialize(repeating: nil, count: capacity)
    return slots
  }()
  private static let lock = PthreadLock()

  /// Notes `path`, so that a signal removes it (beyond the table's capacity, it is not noted).
  static func remember(_ path: String) {
    lock.withLock {
      for i in 0..<capacity where slots[i] == nil {
        slots[i] = strdup(path)
        return
      }
    }
  }

  /// Forgets `paths` (renamed or removed).
  static func forget(_ paths: [String]) {
    lock.withLock {
      for i in 0..<capacity {
        guard let entry = slots[i], paths.contains(String(cString: entry)) else { continue }
        slots[i] = nil
        free(entry)
      }
    }
  }

  /// Installs the handler of SIGTERM, SIGINT and SIGHUP.
  static func install() {
    _ = slots
    for signal in [SIGTERM, SIGINT, SIGHUP] {
      var action = sigaction()
      #if canImport(Darwin)
        action.__sigaction_u.__sa_handler = removeAndDie
      #else
        action.__sigaction_handler.sa_handler = removeAndDie
      #endif
      sigemptyset(&action.sa_mask)
      action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
      sigaction(signal, &action, nil)
    }
  }
}

/// The signal handler: removes every noted temporary file, then raises the signal again with
/// its default action (SA_RESETHAND restored it).
private func removeAndDie(_ signal: Int32) {
  for i in 0..<TemporaryFiles.capacity {
    if let entry = TemporaryFiles.slots[i] { unlink(entry) }
  }
  raise(signal)
}

/// A mutex usable without Foundation (the core's IO is plain POSIX).
final class PthreadLock: @unchecked Sendable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
    let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    pthread_mutex_init(mutex, nil)
    return mutex
  }()

  func withLock<T>(_ body: () throws -> T) rethrows -> T {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body()
  }
}
