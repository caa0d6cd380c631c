import Foundation
import TestSupport
import Testing

@Suite struct CommandLineTests {
  @Test func packageRootIsFound() {
    #expect(
      FileManager.default.fileExists(
        atPath: Fixtures.packageRoot.appendingPathComponent("Package.swift").path))
  }
}
