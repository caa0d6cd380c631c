import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Wall-clock time, resource usage of child processes, medians.
enum Measure {
  /// Seconds on the monotonic clock.
  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  /// Runs `work` and returns its result with the seconds it took.
  static func time<T>(_ work: () throws -> T) rethrows -> (T, Double) {
    let start = now()
    let result = try work()
    return (result, now() - start)
  }

  /// User and system CPU time of this process so far, all threads, in seconds: unlike wall
  /// time, it does not count the time spent waiting for a core on a busy machine.
  static func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(rusageSelf, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
      + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
  }

  /// The median of `values` (the mean of the two middle ones for an even count).
  static func median(_ values: [Double]) -> Double {
    precondition(!values.isEmpty, "median of nothing")
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  }

  /// What a child process did.
  struct Child {
    var seconds: Double
    /// Its peak resident set size (`ru_maxrss`), in bytes.
    var peakRSS: Int
    var status: Int32
    /// Bytes it wrote on standard output.
    var outputBytes: Int
    /// What it wrote on standard error.
    var standardError: String
  }

  /// Runs `arguments[0]` (a path) with `arguments`, standard output into `stdoutPath`, and
  /// measures its wall time and peak memory.
  ///
  /// The peak memory is the `ru_maxrss` that `wait4` reports, read through `/usr/bin/time`
  /// when it is installed: Linux folds the memory high-water mark of the process image an
  /// `execve` replaces into the new program's `ru_maxrss`, and `posix_spawn` execs from a
  /// child that shares this (large) process's memory, so a direct child would report this
  /// process's peak. `/usr/bin/time` forks from its own small image.
  static func run(_ arguments: [String], stdoutPath: String) throws -> Child {
    let timeTool = "/usr/bin/time"
    guard FileManager.default.isExecutableFile(atPath: timeTool) else {
      return try spawn(arguments, stdoutPath: stdoutPath)
    }
    let rssPath = stdoutPath + ".rss"
    var child = try spawn(
      [timeTool, "-f", "%M", "-o", rssPath] + arguments, stdoutPath: stdoutPath)
    let text = (try? String(contentsOfFile: rssPath, encoding: .utf8)) ?? ""
    try? FileManager.default.removeItem(atPath: rssPath)
    guard let kilobytes = text.split(separator: "\n").last.flatMap({ Int($0) }) else {
      throw BenchError("/usr/bin/time gave no memory figure: \(text)")
    }
    child.peakRSS = kilobytes * 1024
    return child
  }

  /// Runs a program and waits for it with `wait4`.
  static func spawn(_ arguments: [String], stdoutPath: String) throws -> Child {
    let errPath = stdoutPath + ".stderr"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    let start = now()
    let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
    guard spawned == 0 else {
      throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      guard errno == EINTR else { throw BenchError("wait4 failed") }
    }
    let seconds = now() - start
    let exited = status & 0x7f == 0
    let size = (try? FileManager.default.attributesOfItem(atPath: stdoutPath)[.size] as? Int) ?? 0
    let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    try? FileManager.default.removeItem(atPath: errPath)
    return Child(
      seconds: seconds, peakRSS: Int(usage.ru_maxrss) * 1024,
      status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), outputBytes: size,
      standardError: stderr)
  }
}

#if canImport(Glibc)
  /// `RUSAGE_SELF`, whose Glibc import is an enum case rather than an `Int32`.
  let rusageSelf = RUSAGE_SELF.rawValue
#else
  let rusageSelf = RUSAGE_SELF
#endif

/// A failure of the benchmark itself (a missing binary, a command that failed).
struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Numbers as the report prints them.
enum Format {
  static func seconds(_ s: Double) -> String {
    if s < 0.001 { return String(format: "%.2f ms", s * 1000) }
    if s < 1 { return String(format: "%.1f ms", s * 1000) }
    return String(format: "%.2f s", s)
  }

  static func megabytes(_ bytes: Int) -> String {
    String(format: "%.1f MB", Double(bytes) / 1_000_000)
  }

  static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }
}
