import Foundation
import TestSupport
import Testing

/// `stats --format csv` as one tidy table per file, and `convert` to GEXF, node-link and
/// Cytoscape JSON: read by Python as analysts would, and refused, with nothing written, where
/// the output cannot go.
@Suite struct OutputFormatsTests {
  let folder: URL
  let skripal = Fixtures.graph("skripal-2018.json").path

  init() throws { folder = try Fixtures.temporaryDirectory() }

  /// The files of a folder, sorted.
  func files(_ path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  }

  @Test func statsCSVFolderIsReadTableByTableByPythonsCSVModule() throws {
    let out = folder.appendingPathComponent("stats").path
    let run = try CommandRunner.run(["stats", skripal, "--format", "csv", "-o", out])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    // Each file: one header, every row as long as it, and a few values worked by hand from
    // the 2018 wave (docs/analytics/reciprocity.md): 50 of the 57 links reciprocated, 284 of
    // the 348 diplomats; the UK expelled 23 and lost 23 + 50; the EU's members expelled 58.
    let output = try PythonTools.run(
      """
      import csv, os, sys
      folder = sys.argv[1]
      tables = {}
      for name in sorted(os.listdir(folder)):
          with open(os.path.join(folder, name), newline="") as f:
              rows = list(csv.reader(f))
          assert all(len(r) == len(rows[0]) for r in rows), name
          tables[name[:-4]] = [dict(zip(rows[0], r)) for r in rows[1:]]
          print(name, ",".join(rows[0][:3]), len(rows) - 1)
      overview = {r["key"]: r["value"] for r in tables["overview"]}
      reciprocity = {r["key"]: r["value"] for r in tables["reciprocity"]}
      gbr = next(r for r in tables["actors"] if r["actor"] == "GBR")
      eu = next(r for r in tables["blocs"] if r["bloc"] == "EU")
      print(overview["actions"], overview["links"], overview["total_weight"])
      print(reciprocity["reciprocated_links"], reciprocity["binary"], reciprocity["weighted"])
      print(gbr["out_strength"], gbr["in_strength"], gbr["balance"], eu["weight"])
      """, arguments: [out])
    let lines = output.split(separator: "\n")
    #expect(lines.contains("overview.csv key,value 13"))
    #expect(lines.contains("reciprocity.csv key,value 9"))
    #expect(lines.contains("actors.csv actor,name,out_strength 33"))
    #expect(lines.contains("blocs.csv bloc,name,members 5"))
    #expect(lines.contains("unmatched_answers.csv row,id,actor 0"))
    #expect(lines.suffix(3) == ["61 57 348", "50 0.877193 0.816092", "23 73 -50 58"])
    // Only the tables, as CSV files.
    #expect(try files(out).allSatisfy { $0.hasSuffix(".csv") })
    #expect(try files(out).count == lines.count - 3)
  }

  @Test func oneTableOnStandardOutputIsTheFoldersFile() throws {
    let out = folder.appendingPathComponent("all").path
    #expect(try CommandRunner.run(["stats", skripal, "--format", "csv", "-o", out]).status == 0)
    let one = try CommandRunner.run(["stats", skripal, "--format", "csv", "--table", "dyads"])
    #expect(one.status == 0)
    #expect(one.output == (try String(contentsOfFile: out + "/dyads.csv", encoding: .utf8)))
    #expect(one.output.hasPrefix("first,second,forward,backward,"))
  }

  @Test func csvWithoutAPlaceOrAnUnknownTableListsTheTables() throws {
    for arguments in [
      ["stats", skripal, "--format", "csv"], ["stats", skripal, "--format", "csv", "-o", "-"],
      ["stats", skripal, "--format", "csv", "--table", "nosuch"],
    ] {
      let run = try CommandRunner.run(arguments)
      #expect(run.status == 2, "\(arguments)")
      #expect(run.stdout.isEmpty)
      #expect(run.stderr.hasPrefix("error: "))
      #expect(run.stderr.contains("overview, reciprocity, actors, dyads"))
    }
    let table = try CommandRunner.run(["stats", skripal, "--table", "dyads"])
    #expect(table.status == 2 && table.stderr.contains("--table needs --format csv"))
    // A table this run does not have: the null models did not run.
    let none = try CommandRunner.run([
      "stats", skripal, "--format", "csv", "--table", "bloc_cohesion", "--null-samples", "0",
    ])
    #expect(none.status == 2 && none.stderr.contains("no such table (these statistics have:"))
  }

  @Test func badFoldersAreRefusedWithNothingWritten() throws {
    // Into a folder that does not exist.
    let missing = folder.appendingPathComponent("no/such/stats").path
    let intoMissing = try CommandRunner.run(["stats", skripal, "--format", "csv", "-o", missing])
    #expect(intoMissing.status == 3)
    #expect(intoMissing.stderr.hasPrefix(missing + ": error: cannot make the folder"))
    #expect(intoMissing.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("no").path))
    // A file where the folder is wanted: left as it was.
    let file = folder.appendingPathComponent("stats.csv")
    try Data("mine\n".utf8).write(to: file)
    let onFile = try CommandRunner.run(["stats", skripal, "--format", "csv", "-o", file.path])
    #expect(onFile.status == 3)
    #expect(onFile.stderr.hasPrefix(file.path + ": error: is a file, not a folder"))
    #expect(try String(contentsOf: file, encoding: .utf8) == "mine\n")
    // A folder in the way of one table's file: no table is written, the others' old files
    // stay, and a file that is not a table is left alone.
    let out = folder.appendingPathComponent("out")
    try FileManager.default.createDirectory(
      at: out.appendingPathComponent("dyads.csv"), withIntermediateDirectories: true)
    try Data("old\n".utf8).write(to: out.appendingPathComponent("overview.csv"))
    try Data("notes\n".utf8).write(to: out.appendingPathComponent("notes.txt"))
    let blocked = try CommandRunner.run(["stats", skripal, "--format", "csv", "-o", out.path])
    #expect(blocked.status == 3)
    #expect(try files(out.path) == ["dyads.csv", "notes.txt", "overview.csv"])
    #expect(
      try String(contentsOf: out.appendingPathComponent("overview.csv"), encoding: .utf8)
        == "old\n")
  }

  @Test func convertTellsTheFormatFromTheExtension() throws {
    for (name, start) in [
      ("g.gexf", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf "),
      ("g.cyjs", "{\n  \"data\": {"),
      ("g.graphml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml"),
    ] {
      let path = folder.appendingPathComponent(name).path
      let run = try CommandRunner.run(["convert", skripal, "-o", path])
      #expect(run.status == 0, "\(name): \(run.stderr)")
      #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix(start), "\(name)")
    }
    let nodeLink = try CommandRunner.run(["convert", skripal, "--to", "node-link"])
    #expect(nodeLink.status == 0 && nodeLink.output.hasPrefix("{\n  \"directed\": true,"))
    // An unknown extension, none, or standard output without --to: refused, nothing written.
    for (output, message) in [
      ("g.xlsx", "unknown extension .xlsx (known: .cyjs .dot .gexf .graphml .gv .json)"),
      ("g", "no extension to tell the format"), ("-", "--to is needed"),
    ] {
      let path = output == "-" ? "-" : folder.appendingPathComponent(output).path
      let run = try CommandRunner.run(["convert", skripal, "-o", path])
      #expect(run.status == 2, "\(output)")
      #expect(run.stderr.contains(message), "\(run.stderr)")
    }
    #expect(try files(folder.path) == ["g.cyjs", "g.gexf", "g.graphml"])
    // Into a folder that does not exist: one located line, nothing written.
    let missing = folder.appendingPathComponent("no/g.gexf").path
    let run = try CommandRunner.run(["convert", skripal, "-o", missing])
    #expect(run.status == 3)
    #expect(run.stderr.hasPrefix(missing + ": error: "))
    #expect(run.stderr.split(separator: "\n").count == 1)
    #expect(try files(folder.path) == ["g.cyjs", "g.gexf", "g.graphml"])
    // Through a file where a folder is wanted: the same, the file untouched.
    let through = folder.appendingPathComponent("g.gexf/x.gexf").path
    let onFile = try CommandRunner.run(["convert", skripal, "-o", through])
    #expect(onFile.status == 3)
    #expect(onFile.stderr.hasPrefix(through + ": error: "))
    #expect(onFile.stderr.split(separator: "\n").count == 1)
    #expect(try files(folder.path) == ["g.cyjs", "g.gexf", "g.graphml"])
  }

  @Test func gexfOfTheWaveIsReadByNetworkx() throws {
    let path = folder.appendingPathComponent("w.gexf").path
    #expect(try CommandRunner.run(["convert", skripal, "-o", path]).status == 0)
    // 33 actors with a link of the 42 declared; 57 links; the UK's link to Russia acted on
    // 2018-03-14, Russia's to the UK on 03-17 and 03-30 (23 + 50).
    let output = try PythonTools.run(
      """
      import sys, networkx as nx
      G = nx.read_gexf(sys.argv[1])
      print(G.number_of_nodes(), G.number_of_edges(), G.graph["mode"])
      print(G["GBR"]["RUS"]["spells"], G["RUS"]["GBR"]["weight"], G["RUS"]["GBR"]["spells"])
      print(sum(d["bloc_EU"] for n, d in G.nodes(data=True)), G.nodes["FRA"]["kind"])
      """, arguments: [path])
    #expect(
      output == """
        42 57 dynamic
        [('2018-03-14', '2018-03-14')] 73.0 [('2018-03-17', '2018-03-17'), ('2018-03-30', '2018-03-30')]
        28 state

        """)
  }
}
