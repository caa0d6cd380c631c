import Foundation

/// Runs a built program (the `diplograph` executable, an example, Chromium) as a user would from
/// a shell, and collects what it prints.
///
/// Standard output and error go to files, not pipes: a program that leaves helpers behind
/// (Chromium does) cannot keep a pipe open and block the test.
public enum CommandRunner {
  /// What a run gave back.
  public struct Result: Sendable {
    public var status: Int32
    public var stdout: [UInt8]
    public var stderr: String
    /// Whether the program was stopped at the time limit.
    public var timedOut: Bool
    public var output: String { String(decoding: stdout, as: UTF8.self) }
  }

  /// The debug build of the command line (`swift build --build-tests` makes it).
  public static var executable: URL {
    Fixtures.packageRoot.appendingPathComponent(".build/debug/diplograph")
  }

  /// Runs `diplograph arguments…` in `directory` (default: the package root), with `stdin` as
  /// its standard input.
  public static func run(
    _ arguments: [String], stdin: [UInt8] = [], in directory: URL? = nil,
    timeout: TimeInterval = 300
  ) throws -> Result {
    try run(executable: executable, arguments, stdin: stdin, in: directory, timeout: timeout)
  }

  /// Runs any executable with `stdin` as its standard input, and waits at most `timeout`
  /// seconds (then terminates it: ``Result/timedOut``).
  public static func run(
    executable: URL, _ arguments: [String], stdin: [UInt8] = [], in directory: URL? = nil,
    timeout: TimeInterval = 300
  ) throws -> Result {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("stdin")
    let out = folder.appendingPathComponent("stdout")
    let err = folder.appendingPathComponent("stderr")
    try Data(stdin).write(to: input)
    try Data().write(to: out)
    try Data().write(to: err)
    let inHandle = try FileHandle(forReadingFrom: input)
    let outHandle = try FileHandle(forWritingTo: out)
    let errHandle = try FileHandle(forWritingTo: err)
    defer {
      try? inHandle.close()
      try? outHandle.close()
      try? errHandle.close()
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? Fixtures.packageRoot
    process.standardInput = inHandle
    process.standardOutput = outHandle
    process.standardError = errHandle
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    var timedOut = false
    if finished.wait(timeout: .now() + timeout) == .timedOut {
      timedOut = true
      process.terminate()
      finished.wait()
    }
    return Result(
      status: process.terminationStatus, stdout: [UInt8](try Data(contentsOf: out)),
      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self), timedOut: timedOut)
  }
}
