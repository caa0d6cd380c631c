import DiploGraph
import Foundation
import TestSupport
import Testing

/// The command line end to end: the built executable on the 2018 data set and on small files.
@Suite struct CommandLineTests {
  let skripal = "Graphs/skripal-2018.json"

  @Test func validateSaysValidAndCounts() throws {
    let run = try CommandRunner.run(["validate", skripal])
    #expect(run.status == 0)
    #expect(
      run.output
        == "Graphs/skripal-2018.json: valid — 0 error(s), 0 warning(s); 61 actions, 42 actors,"
        + " 5 blocs, 3 sources, 17 reported figures\n")
  }

  @Test func validateListsEveryProblemWithItsPlaceAndExitsOne() throws {
    let folder = try Fixtures.temporaryDirectory()
    let file = folder.appendingPathComponent("bad.json")
    try Data(
      """
      {
        "format": "diplograph",
        "version": 1,
        "title": "bad",
        "actors": [{"id": "GBR", "name": "UK", "kind": "state"}],
        "actions": [
          {"actor": "GBR", "target": "RUS", "kind": "expulsion", "count": -3, "sources": []}
        ]
      }
      """.utf8
    ).write(to: file)
    let run = try CommandRunner.run(["validate", file.path])
    #expect(run.status == 1)
    let lines = run.output.split(separator: "\n").map(String.init)
    // The negative count, at its line and column.
    #expect(lines.contains { $0.hasPrefix("\(file.path):7:69 ") && $0.contains("error") })
    // The unknown target, at the action's "target".
    #expect(lines.contains { $0.hasPrefix("\(file.path):7:32 ") && $0.contains("RUS") })
    #expect(lines.last?.contains("invalid — 2 error(s), 1 warning(s)") == true)
  }

  @Test func statsTableHeadline() throws {
    let run = try CommandRunner.run(["stats", skripal])
    #expect(run.status == 0)
    #expect(run.output.contains("Total weight  348 diplomats"))
    #expect(run.output.contains("r = 0.877: 50 of 57 links have a link back"))
    #expect(run.output.contains("r_w = 0.816: 284 of 348 diplomats"))
  }

  @Test func statsSelectionOfTheWave() throws {
    let run = try CommandRunner.run([
      "stats", skripal, "--kind", "expulsion", "--since", "2018-03-26", "--until", "2018-03-27",
      "--compare-blocs", "EU,EUROPE_NON_EU,OTHER,ORGANISATIONS", "--format", "json",
    ])
    #expect(run.status == 0)
    let root = try JSON.parse(run.stdout)
    let blocs = try #require(root["blocs"]?["blocs"]?.elements)
    let weights = blocs.compactMap { bloc -> (String, Int64)? in
      guard let id = bloc["id"]?.string, case .number(let n)? = bloc["weight"]?.value,
        let w = n.int64
      else { return nil }
      return (id, w)
    }
    #expect(weights.map(\.0) == ["EU", "EUROPE_NON_EU", "OTHER", "ORGANISATIONS"])
    #expect(weights.map(\.1) == [35, 22, 66, 7])
    #expect(root["blocs"]?["partition"]?["status"]?.string == "partition")
  }

  @Test func statsJSONIsByteStable() throws {
    let first = try CommandRunner.run(["stats", skripal, "--format", "json"])
    let second = try CommandRunner.run(["stats", skripal, "--format", "json"])
    #expect(first.status == 0 && first.stdout == second.stdout)
  }

  @Test func sourcesListsTheDisagreements() throws {
    let run = try CommandRunner.run(["sources", skripal])
    #expect(run.status == 0)
    #expect(
      run.output.contains("afp: EU member states expelling (besides Britain) 17, the data gives 18")
    )
    #expect(
      run.output.contains("unian: EU member states expelling (Tusk, Monday) 14, the data gives 16"))
  }

  @Test func convertRoundTripsTheCanonicalFileByteForByte() throws {
    let run = try CommandRunner.run(["convert", skripal, "--to", "json"])
    #expect(run.status == 0)
    let original = try [UInt8](Data(contentsOf: Fixtures.graph("skripal-2018.json")))
    #expect(run.stdout == original)
  }

  @Test func convertToCSVAndBackKeepsTheStatistics() throws {
    let folder = try Fixtures.temporaryDirectory()
    let csv = folder.appendingPathComponent("csv").path
    let convert = try CommandRunner.run(["convert", skripal, "--to", "csv", "-o", csv])
    #expect(convert.status == 0)
    #expect(convert.stderr.contains("CSV cannot carry claims, 17 reported figures"))
    #expect(FileManager.default.fileExists(atPath: csv + "/actors.csv"))
    // Same actions, actors and blocs: the reciprocity and actor tables agree.
    for table in ["reciprocity", "actors"] {
      let fromJSON = try CommandRunner.run(["stats", skripal, "--format", "csv", "--table", table])
      let fromCSV = try CommandRunner.run(["stats", csv, "--format", "csv", "--table", table])
      #expect(fromCSV.status == 0)
      #expect(fromCSV.output == fromJSON.output && !fromJSON.output.isEmpty)
    }
  }

  @Test func renderWritesAnEmbeddableSVGAndSaysTheEngine() throws {
    let folder = try Fixtures.temporaryDirectory()
    let out = folder.appendingPathComponent("d.svg").path
    let run = try CommandRunner.run(["render", skripal, "--embed", "--id-prefix", "sk", "-o", out])
    #expect(run.status == 0)
    #expect(
      run.stderr.contains("layout: circo (automatic: 33 nodes and 60 edges, a star around RUS)"))
    let svg = try String(contentsOfFile: out, encoding: .utf8)
    #expect(svg.hasPrefix("<svg"))
    #expect(svg.contains(#"role="img""#) && svg.contains(#"id="sk""#))
    #expect(!svg.contains("<?xml") && !svg.contains("<!DOCTYPE"))
  }

  @Test func outputNeverOverwritesTheInput() throws {
    let folder = try Fixtures.temporaryDirectory()
    let input = folder.appendingPathComponent("in.json")
    try FileManager.default.copyItem(at: Fixtures.graph("skripal-2018.json"), to: input)
    let link = folder.appendingPathComponent("link.json")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
    let before = try Data(contentsOf: input)
    for target in [input.path, link.path] {
      let run = try CommandRunner.run(["stats", input.path, "-o", target])
      #expect(run.status == 3)
      #expect(
        run.stderr
          == "\(target): error: refusing to overwrite the input file \(input.path) (the same "
          + "file); expected another output path\n")
    }
    #expect(try Data(contentsOf: input) == before)
  }

  @Test func usageErrorsExitTwo() throws {
    #expect(try CommandRunner.run(["stats", skripal, "--since", "March"]).status == 2)
    #expect(try CommandRunner.run(["stats", skripal, "--bloc", "ASEAN"]).status == 2)
    #expect(try CommandRunner.run(["stats"]).status == 2)
    #expect(try CommandRunner.run(["frobnicate"]).status == 2)
  }

  @Test func missingFileIsAnIOError() throws {
    let run = try CommandRunner.run(["stats", "no/such/file.json"])
    #expect(run.status == 3)
    #expect(run.stderr == "no/such/file.json: error: cannot read: No such file or directory\n")
  }

  @Test func standardInputIsReadWithDash() throws {
    let bytes = try [UInt8](Data(contentsOf: Fixtures.graph("skripal-2018.json")))
    let run = try CommandRunner.run(["validate", "-"], stdin: bytes)
    #expect(run.status == 0 && run.output.hasPrefix("<stdin>: valid"))
  }
}
