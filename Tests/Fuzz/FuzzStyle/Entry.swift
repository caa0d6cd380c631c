// libFuzzer entry point of the `style` target (see Tests/Fuzz/FuzzTargets/FuzzTarget.swift):
// libFuzzer's driver in a `make fuzz` build, a replay of the files it is given otherwise.

import FuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzTarget.style.fuzz(data, size)
  return 0
}

@main struct FuzzStyle {
  static func main() { FuzzTarget.style.main(entry: fuzzOneInput) }
}
