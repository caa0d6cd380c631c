import TestSupport
import Testing

/// The test environment's Python tools are there, at the versions the Makefile pins.
@Suite struct PythonToolsTests {
  @Test func networkxAndDuckDBAreInstalled() throws {
    let versions = try PythonTools.run(
      "import networkx, duckdb; print(networkx.__version__, duckdb.__version__)")
    #expect(versions == "3.6.1 1.5.6\n")
  }
}
