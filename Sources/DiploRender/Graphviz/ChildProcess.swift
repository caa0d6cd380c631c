import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a program with bytes on its standard input, collects its standard output and error,
/// and kills it (SIGKILL) when it outlives a deadline: the supervision of a layout child.
///
/// Pipes are served with `poll(2)`, so a child that writes much before reading all its input, or
/// never reads it, cannot block the parent; SIGPIPE is blocked on the calling thread while the
/// child's input is written (a child that dies early gives EPIPE, not a dead parent).
struct ChildProcess {
  /// How the child ended.
  enum Ending: Equatable {
    case exited(Int32)
    case signalled(Int32)
    /// Killed at the deadline.
    case timedOut
  }

  struct Outcome {
    var ending: Ending
    var output: [UInt8]
    var errors: [UInt8]
    /// Seconds from the start to the end.
    var elapsed: Double
  }

  /// Runs `executable` with `arguments`, writing `input` to its standard input.
  ///
  /// - Parameters:
  ///   - limit: seconds the child may run; `nil` for no limit.
  ///   - environment: variables added to (or replacing those of) this process's environment.
  /// - Throws: ``DiploRenderError`` with code `layout` when the child cannot be started.
  static func run(
    executable: String, arguments: [String], input: [UInt8], limit: Double?,
    environment: [String: String] = [:]
  ) throws -> Outcome {
    let start = DispatchTime.now()
    func elapsed() -> Double {
      Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    spawnLock.lock()
    var locked = true
    defer { if locked { spawnLock.unlock() } }
    var toChild: [Int32] = [-1, -1]
    var fromChild: [Int32] = [-1, -1]
    var errorsFromChild: [Int32] = [-1, -1]
    guard makePipe(&toChild) else { throw startError(executable) }
    guard makePipe(&fromChild) else {
      closeAll(toChild)
      throw startError(executable)
    }
    guard makePipe(&errorsFromChild) else {
      closeAll(toChild + fromChild)
      throw startError(executable)
    }

    #if canImport(Darwin)
      var actions: posix_spawn_file_actions_t? = nil
    #else
      var actions = posix_spawn_file_actions_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errorsFromChild[1], 2)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var variables = ProcessInfo.processInfo.environment
    variables.merge(environment) { _, new in new }
    let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for p in envp { free(p) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    spawnLock.unlock()
    locked = false
    // The child's ends are the child's now.
    close(toChild[0])
    close(fromChild[1])
    close(errorsFromChild[1])
    guard spawned == 0 else {
      close(toChild[1])
      close(fromChild[0])
      close(errorsFromChild[0])
      errno = spawned
      throw startError(executable)
    }

    // A write to a child that has gone raises SIGPIPE on this thread: block it, and drop any
    // that is pending before the mask is restored.
    var blocked = sigset_t()
    var previous = sigset_t()
    sigemptyset(&blocked)
    sigaddset(&blocked, SIGPIPE)
    pthread_sigmask(SIG_BLOCK, &blocked, &previous)
    defer {
      var pending = sigset_t()
      sigpending(&pending)
      if sigismember(&pending, SIGPIPE) == 1 {
        var zero = timespec(tv_sec: 0, tv_nsec: 0)
        _ = sigtimedwait(&blocked, nil, &zero)
      }
      pthread_sigmask(SIG_SETMASK, &previous, nil)
    }

    var inputFD = toChild[1]
    let outputFD = fromChild[0]
    let errorFD = errorsFromChild[0]
    for fd in [inputFD, outputFD, errorFD] {
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }
    var output: [UInt8] = []
    var errors: [UInt8] = []
    var written = 0
    var outputOpen = true
    var errorsOpen = true
    var timedOut = false
    let chunk = 1 << 16
    var buffer = [UInt8](repeating: 0, count: chunk)
    if input.isEmpty {
      close(inputFD)
      inputFD = -1
    }

    while outputOpen || errorsOpen {
      var waitMilliseconds: Int32 = -1
      if let limit {
        let left = limit - elapsed()
        if left <= 0 {
          timedOut = true
          break
        }
        waitMilliseconds = Int32(min(left * 1000 + 1, 60_000))
      }
      var fds: [pollfd] = []
      if inputFD >= 0 { fds.append(pollfd(fd: inputFD, events: Int16(POLLOUT), revents: 0)) }
      if outputOpen { fds.append(pollfd(fd: outputFD, events: Int16(POLLIN), revents: 0)) }
      if errorsOpen { fds.append(pollfd(fd: errorFD, events: Int16(POLLIN), revents: 0)) }
      let ready = poll(&fds, nfds_t(fds.count), waitMilliseconds)
      if ready < 0 {
        if errno == EINTR { continue }
        break
      }
      for entry in fds where entry.revents != 0 {
        if entry.fd == inputFD {
          let n = input.withUnsafeBytes { raw in
            write(inputFD, raw.baseAddress! + written, min(chunk, input.count - written))
          }
          if n > 0 { written += n }
          if n < 0 && errno != EAGAIN && errno != EINTR || written == input.count {
            close(inputFD)
            inputFD = -1
          }
        } else {
          let n = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress!, chunk) }
          if n > 0 {
            if entry.fd == outputFD {
              output.append(contentsOf: buffer[0..<n])
            } else {
              // Kept up to 64 KiB (for a message); the rest is read and dropped.
              errors.append(contentsOf: buffer[0..<min(n, max(0, (1 << 16) - errors.count))])
            }
          } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
            if entry.fd == outputFD { outputOpen = false } else { errorsOpen = false }
          }
        }
      }
    }
    if inputFD >= 0 { close(inputFD) }
    close(outputFD)
    close(errorFD)

    // The pipes are closed; the child may still run (it closed them itself): wait for it
    // under the same deadline.
    var status: Int32 = 0
    while !timedOut {
      let waited = waitpid(pid, &status, WNOHANG)
      if waited == pid || (waited < 0 && errno != EINTR) { break }
      if let limit, elapsed() >= limit {
        timedOut = true
        break
      }
      usleep(2_000)
    }
    if timedOut {
      kill(pid, SIGKILL)
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
    let ending: Ending
    if timedOut {
      ending = .timedOut
    } else if status & 0x7F == 0 {
      ending = .exited((status >> 8) & 0xFF)
    } else {
      ending = .signalled(status & 0x7F)
    }
    return Outcome(ending: ending, output: output, errors: errors, elapsed: elapsed())
  }

  /// A pipe whose ends are closed in any program this process starts (the child gets its ends
  /// through `dup2`, which clears the flag).
  ///
  /// Called with ``spawnLock`` held: another render starting its child between `pipe` and
  /// `fcntl` would otherwise inherit these ends and keep them open.
  private static func makePipe(_ fds: inout [Int32]) -> Bool {
    guard pipe(&fds) == 0 else { return false }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return true
  }

  /// Held while pipes are made and a child is started.
  private static let spawnLock = NSLock()

  private static func closeAll(_ fds: [Int32]) {
    for fd in fds where fd >= 0 { close(fd) }
  }

  private static func startError(_ executable: String) -> DiploRenderError {
    DiploRenderError(
      .layout,
      "cannot start the layout process \(executable): \(String(cString: strerror(errno)))")
  }

  /// `SIGSEGV`, `SIGKILL`, … for the signals a crashed or killed layout shows.
  static func signalName(_ signal: Int32) -> String {
    switch signal {
    case SIGSEGV: return "SIGSEGV"
    case SIGBUS: return "SIGBUS"
    case SIGABRT: return "SIGABRT"
    case SIGILL: return "SIGILL"
    case SIGFPE: return "SIGFPE"
    case SIGKILL: return "SIGKILL"
    case SIGTERM: return "SIGTERM"
    case SIGTRAP: return "SIGTRAP"
    default: return "signal \(signal)"
    }
  }
}
