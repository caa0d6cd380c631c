// libFuzzer entry point of the `json` target (see Tests/Fuzz/FuzzTargets/FuzzTarget.swift):
// libFuzzer's driver in a `make fuzz` build, a replay of the files it is given otherwise.

import FuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzTarget.json.fuzz(data, size)
  return 0
}

@main struct FuzzJSON {
  static func main() { FuzzTarget.json.main(entry: fuzzOneInput) }
}
