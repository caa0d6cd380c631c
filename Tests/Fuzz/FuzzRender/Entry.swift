// libFuzzer entry point of the `render` target (see Tests/Fuzz/FuzzTargets/FuzzTarget.swift):
// libFuzzer's driver in a `make fuzz` build, a replay of the files it is given otherwise.

import FuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzTarget.render.fuzz(data, size)
  return 0
}

@main struct FuzzRender {
  static func main() { FuzzTarget.render.main(entry: fuzzOneInput) }
}
