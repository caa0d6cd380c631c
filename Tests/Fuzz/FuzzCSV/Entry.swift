// libFuzzer entry point of the `csv` target (see Tests/Fuzz/FuzzTargets/FuzzTarget.swift).
//
// Built by `make fuzz` with -sanitize=fuzzer,address and -DFUZZING: main hands control to
// libFuzzer's driver. In a normal build the executable replays the files or folders it is given
// through the same checks (exit status 1 when one fails).

import Foundation
import FuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzTarget.csv.fuzz(data, size)
  return 0
}

#if FUZZING
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt
#endif

@main struct FuzzCSV {
  static func main() {
    #if FUZZING
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    #else
      exit(FuzzTarget.csv.replay(Array(CommandLine.arguments.dropFirst())))
    #endif
  }
}
