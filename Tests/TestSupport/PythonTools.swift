import Foundation

/// The Python of the project's test environment (`.venv-test/`, made by `make test` with
/// networkx and DuckDB), for tests that compare our results with an independent implementation.
public enum PythonTools {
  /// What a test needs and does not find; thrown, it fails the test with this message.
  public struct Missing: Error, CustomStringConvertible {
    public var description: String
  }

  /// `.venv-test/bin/python`.
  public static var python: URL {
    Fixtures.packageRoot.appendingPathComponent(".venv-test/bin/python")
  }

  /// Runs `script` (Python source) with `arguments`, in `directory`, and returns its standard
  /// output.
  ///
  /// - Throws: ``Missing`` when the environment has not been made (`make venv`), or when the
  ///   script fails (its standard error in the message).
  public static func run(
    _ script: String, arguments: [String] = [], stdin: [UInt8] = [], in directory: URL? = nil,
    timeout: TimeInterval = 300
  ) throws -> String {
    guard FileManager.default.isExecutableFile(atPath: python.path) else {
      throw Missing(
        description: "\(python.path) is missing: `make venv` (or `make test`) makes it")
    }
    let result = try CommandRunner.run(
      executable: python, ["-c", script] + arguments, stdin: stdin, in: directory,
      timeout: timeout)
    guard result.status == 0, !result.timedOut else {
      throw Missing(description: "the Python script failed (\(result.status)): \(result.stderr)")
    }
    return result.output
  }
}
