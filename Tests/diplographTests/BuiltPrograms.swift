import Foundation
import TestSupport
import Testing

/// Finds the package's built programs (the command line, the examples) and Chromium, and runs
/// them through ``CommandRunner`` with a time limit that fails the test.
enum BuiltPrograms {
  struct Run {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  /// Where `swift build` puts the package's executables.
  static var binaries: URL { Fixtures.packageRoot.appendingPathComponent(".build/debug") }

  /// What a test needs and does not find; thrown, it fails the test with this message.
  struct Missing: Error, CustomStringConvertible {
    var description: String
  }

  /// The built executable `name`.
  ///
  /// - Throws: ``Missing`` when it has not been built.
  static func executable(_ name: String) throws -> URL {
    let url = binaries.appendingPathComponent(name)
    guard FileManager.default.isExecutableFile(atPath: url.path) else {
      throw Missing(
        description: "\(url.path) is missing: build it first (swift build --build-tests)")
    }
    return url
  }

  /// Chromium, from the PATH.
  ///
  /// - Throws: ``Missing`` when it is not installed.
  static func chromium() throws -> URL {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      for name in ["chromium", "chromium-browser"] {
        let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
      }
    }
    throw Missing(
      description:
        "chromium is not installed: `make test` installs it (apt-get install chromium); "
        + "the report's browser tests need it")
  }

  /// Runs `executable` with `arguments` in `directory`, and waits at most `timeout` seconds
  /// (then terminates it and records an issue).
  static func run(
    _ executable: URL, _ arguments: [String], in directory: URL? = nil,
    timeout: TimeInterval = 120, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Run {
    let result = try CommandRunner.run(
      executable: executable, arguments, in: directory, timeout: timeout)
    if result.timedOut {
      Issue.record(
        "\(executable.lastPathComponent) did not finish within \(Int(timeout)) s",
        sourceLocation: sourceLocation)
    }
    return Run(status: result.status, standardOutput: result.output, standardError: result.stderr)
  }

  /// Headless Chromium's common flags, with a profile of its own in `folder` (so that runs in
  /// parallel do not share one).
  static func chromiumFlags(profile folder: URL) -> [String] {
    [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
      "--no-default-browser-check", "--disable-extensions", "--mute-audio",
      "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
    ]
  }

  /// The width and height of a PNG file, from its IHDR chunk.
  static func pngSize(_ url: URL) throws -> (width: Int, height: Int) {
    let bytes = [UInt8](try Data(contentsOf: url))
    try #require(bytes.count > 24)
    try #require(Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    func int(_ at: Int) -> Int {
      bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) }
    }
    return (int(16), int(20))
  }
}
