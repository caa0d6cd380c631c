// The fuzz targets of `make fuzz`: what each feeds the library and what it checks.
//
// Each target takes arbitrary bytes and must neither crash nor trap nor hang, whatever they
// are; beyond that it checks properties that must hold for every input (a located error of the
// right kind, or a data set that writes and reads back equal), and throws a ``FuzzFinding``
// when one fails. The libFuzzer entry points (Tests/Fuzz/Fuzz*/) turn a finding into a crash;
// the test suite replays the seed corpus (Tests/Fuzz/Corpus/) through the same checks.

import DiploGraph
import Foundation

/// A property a fuzz target checks did not hold.
public struct FuzzFinding: Error, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// The fuzz targets.
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// The canonical JSON reader, then validation, analytics, printers and a write/read round
  /// trip.
  case json
  /// The CSV reader (actions and actors), sequential against parallel parts, then the same
  /// checks as `json` and a CSV round trip.
  case csv
  /// Data (CSV) → DOT → Graphviz → embeddable SVG, with the SVG checked for injected markup.
  case render
  case style
  case events

  /// Runs the target's checks on one input.
  ///
  /// - Throws: ``FuzzFinding`` when a property fails.
  public func check(_ bytes: [UInt8]) throws {
    switch self {
    case .json: try JSONFuzz.check(bytes)
    case .csv: try CSVFuzz.check(bytes)
    case .render: try RenderFuzz.check(bytes)
    case .style: try StyleFuzz.check(bytes)
    case .events: try EventsFuzz.check(bytes)
    }
  }

  /// The libFuzzer callback's body: a finding stops the process with its message, which
  /// libFuzzer reports as a crash and saves the input.
  public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
      try check(bytes)
    } catch {
      fatalError("fuzz-\(rawValue): \(error)")
    }
  }

  /// Runs the checks on the files named in `arguments` (folders: every file inside), the way
  /// the executables work when not built for fuzzing. Returns the exit status: 0 when every
  /// input passes, 1 otherwise.
  public func replay(_ arguments: [String]) -> Int32 {
    var files: [String] = []
    for argument in arguments {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
        FileHandle.standardError.write(Data("no such file: \(argument)\n".utf8))
        return 2
      }
      if isDirectory.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
        files += names.sorted().map { (argument as NSString).appendingPathComponent($0) }
      } else {
        files.append(argument)
      }
    }
    var failures = 0
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else { continue }
      do {
        try check(Array(data))
      } catch {
        failures += 1
        FileHandle.standardError.write(Data("\(file): \(error)\n".utf8))
      }
    }
    print("fuzz-\(rawValue): \(files.count - failures) of \(files.count) inputs pass")
    return failures == 0 ? 0 : 1
  }
}

#if FUZZING
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt
#endif

extension FuzzTarget {
  /// A fuzz executable's `main`. Built by `make fuzz` (-sanitize=fuzzer,address -DFUZZING), it
  /// hands control to libFuzzer's driver, which calls `entry` (the executable's
  /// `LLVMFuzzerTestOneInput`) with each input; in a normal build it replays the files or
  /// folders named on the command line through the same checks (exit status 1 when one fails).
  public func main(entry: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    #if FUZZING
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runFuzzerDriver(&argc, &argv, entry))
    #else
      exit(replay(Array(CommandLine.arguments.dropFirst())))
    #endif
  }
}
