// libFuzzer entry point of the `events` target (see Tests/Fuzz/FuzzTargets/FuzzTarget.swift):
// libFuzzer's driver in a `make fuzz` build, a replay of the files it is given otherwise.

import FuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzTarget.events.fuzz(data, size)
  return 0
}

@main struct FuzzEvents {
  static func main() { FuzzTarget.events.main(entry: fuzzOneInput) }
}
