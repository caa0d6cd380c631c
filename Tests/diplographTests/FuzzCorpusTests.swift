import Foundation
import FuzzTargets
import TestSupport
import Testing

/// The fuzz targets' seed corpus (Tests/Fuzz/Corpus/), hand-made hostile cases and every input
/// a fuzzer found, replayed through the same checks `make fuzz` runs: a finding fixed stays
/// fixed in the normal suite.
@Suite struct FuzzCorpusTests {
  @Test(arguments: FuzzTarget.allCases)
  func everySeedPassesItsTargetsChecks(target: FuzzTarget) throws {
    let folder = Fixtures.packageRoot.appendingPathComponent("Tests/Fuzz/Corpus")
      .appendingPathComponent(target.rawValue)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names.count >= 9)
    for name in names {
      let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
      #expect(throws: Never.self, "\(target.rawValue)/\(name)") { try target.check(bytes) }
    }
  }
}
