import Foundation

/// Runs the built `diplograph` executable, as a user would, and collects what it prints.
public enum CommandRunner {
  /// What a run gave back.
  public struct Result: Sendable {
    public var status: Int32
    public var stdout: [UInt8]
    public var stderr: String
    public var output: String { String(decoding: stdout, as: UTF8.self) }
  }

  /// The debug build of the command line (`swift build --build-tests` makes it).
  public static var executable: URL {
    Fixtures.packageRoot.appendingPathComponent(".build/debug/diplograph")
  }

  /// Runs `diplograph arguments…` in `directory` (default: the package root), with `stdin` as
  /// its standard input.
  public static func run(
    _ arguments: [String], stdin: [UInt8] = [], in directory: URL? = nil
  ) throws -> Result {
    try run(executable: executable, arguments, stdin: stdin, in: directory)
  }

  /// Runs any executable and collects its output (both pipes drained concurrently, so a large
  /// output cannot block the child).
  public static func run(
    executable: URL, _ arguments: [String], stdin: [UInt8] = [], in directory: URL? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? Fixtures.packageRoot
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let group = DispatchGroup()
    nonisolated(unsafe) var out = Data()
    nonisolated(unsafe) var err = Data()
    group.enter()
    DispatchQueue.global().async {
      out = output.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
      err = errors.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    input.fileHandleForWriting.write(Data(stdin))
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    group.wait()
    return Result(
      status: process.terminationStatus, stdout: [UInt8](out),
      stderr: String(decoding: err, as: UTF8.self))
  }
}
