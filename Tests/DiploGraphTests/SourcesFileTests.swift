import Foundation
import Testing

@testable import DiploGraph

/// `sources.csv` beside `actions.csv`: read, validated with located errors, joined to the
/// actions' source ids.
@Suite struct SourcesFileTests {
  static let actions = """
    actor,target,kind,count,date,source
    GBR,RUS,expulsion,23,2018-03-14,bbc;guardian
    RUS,GBR,expulsion,23,2018-03-17,tass

    """

  @Test func sourcesAreJoinedToTheActionsIDs() throws {
    let document = try CSVFormat.read(
      actions: Array(Self.actions.utf8),
      sources: Array(
        """
        id,title,publisher,date,url
        guardian,UK to expel 23 Russian diplomats,The Guardian,2018-03-14,https://example.org/g
        bbc,,BBC News,,
        unused,A source no action names,,,

        """.utf8), actionsFile: "actions.csv", sourcesFile: "sources.csv")
    #expect(document.diagnostics.isEmpty)
    #expect(
      document.dataSet.sources == [
        Source(id: "bbc", title: "bbc", publisher: "BBC News"),
        Source(
          id: "guardian", title: "UK to expel 23 Russian diplomats", publisher: "The Guardian",
          date: Day(iso: "2018-03-14"), url: "https://example.org/g"),
        Source(id: "tass", title: "tass"),
        Source(id: "unused", title: "A source no action names"),
      ])
  }

  @Test func badRowsAreLocated() throws {
    let document = try CSVFormat.read(
      actions: Array(Self.actions.utf8),
      sources: Array(
        """
        id,title,date
        bbc,BBC,17/04/2021
        ,No id,
        bbc,Again,2018-02-30

        """.utf8), actionsFile: "actions.csv", sourcesFile: "sources.csv")
    #expect(
      document.diagnostics.map(\.description) == [
        "sources.csv:2:9 (row 1, column \"date\"): error: expected a date as YYYY-MM-DD, found "
          + "\"17/04/2021\": ambiguous day/month order; write 2021-04-17",
        "sources.csv:3:1 (row 2, column \"id\"): error: expected a source id, found an empty field",
        "sources.csv:4:1 (row 3, column \"id\"): error: expected each source id once, found "
          + "\"bbc\" again (first in row 1)",
        "sources.csv:4:11 (row 3, column \"date\"): error: expected a date as YYYY-MM-DD, found "
          + "\"2018-02-30\"",
      ])
    #expect(document.dataSet.sources.first == Source(id: "bbc", title: "BBC"))
  }

  /// A folder with `sources.csv` beside `actions.csv` reads it without being told.
  @Test func aFolderReadsItsSourcesFile() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("diplograph-sources-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(Self.actions.utf8).write(to: folder.appendingPathComponent("actions.csv"))
    try Data("id,title\ntass,TASS report\n".utf8)
      .write(to: folder.appendingPathComponent("sources.csv"))
    let document = try DataSetFile.read(folder.path)
    #expect(document.dataSet.sources.map(\.title) == ["bbc", "guardian", "TASS report"])
    #expect(
      DataSetFile.inputFiles(folder.path).contains(
        folder.appendingPathComponent("sources.csv").path))
  }
}
