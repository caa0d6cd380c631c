import Foundation
import TestSupport
import Testing

/// Issue 12 from the command line: a semicolon sheet with its own headers, `--kind` checked
/// against the kinds present, `--since` with a month, `sources.csv` beside `actions.csv`.
@Suite final class SpreadsheetCommandTests {
  let folder: URL

  init() throws {
    folder = try Fixtures.temporaryDirectory()
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  private func diplograph(_ arguments: [String]) throws -> BuiltPrograms.Run {
    try BuiltPrograms.run(try BuiltPrograms.executable("diplograph"), arguments)
  }

  private func write(_ text: String, _ name: String) throws -> String {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  static let sheet = """
    Datum;Land;Ziel;Art;Anzahl;Quelle
    2018-03-14;GBR;RUS;Expulsion;23;bbc
    2018-03-17;RUS;GBR;expulsion;23;bbc
    2018-04;USA;RUS;expulsion;60;nyt

    """
  static let columns = [
    "--column", "date=Datum", "--column", "actor=Land", "--column", "target=Ziel", "--column",
    "kind=Art", "--column", "count=Anzahl", "--column", "source=Quelle",
  ]

  @Test func aSemicolonSheetReadsThroughColumnsAndKindsFoldCase() throws {
    let sheet = try write(Self.sheet, "sheet.csv")
    let stats = try diplograph(["stats", sheet, "--format", "json"] + Self.columns)
    #expect(stats.status == 0, "\(stats.standardError)")
    #expect(stats.standardOutput.contains("\"totalWeight\": 106"))
    let validate = try diplograph(["validate", sheet, "--delimiter", ";"] + Self.columns)
    #expect(
      (validate.standardOutput + validate.standardError).contains(
        "sheet.csv:3:20 (row 2, column \"Art\"): warning: the kind \"expulsion\" is read as "
          + "\"Expulsion\""))
    // A month selects its days; the action dated 2018-04 alone is undated for it.
    let march = try diplograph(
      ["stats", sheet, "--format", "json", "--since", "2018-03", "--until", "2018-03"]
        + Self.columns)
    #expect(march.standardOutput.contains("\"totalWeight\": 46"))
  }

  @Test func anUnknownKindListsTheKindsPresent() throws {
    let sheet = try write(Self.sheet, "sheet.csv")
    let run = try diplograph(["stats", sheet, "--kind", "expulsions"] + Self.columns)
    #expect(run.status == 2)
    #expect(
      run.standardError.contains(
        "error: --kind expulsions: the data set has no such kind (it has: Expulsion)"))
  }

  @Test func aHeaderNotInTheFileIsOneLine() throws {
    let sheet = try write(Self.sheet, "sheet.csv")
    let run = try diplograph(["validate", sheet, "--column", "actor=Country"])
    #expect(run.status != 0)
    #expect(
      run.standardError.contains(
        "sheet.csv:1:1 (header): error: expected a column \"Country\" for the field actor, "
          + "found none; the header has \"Datum\", \"Land\""))
    let field = try diplograph(["validate", sheet, "--column", "who=Land"])
    #expect(field.status == 2)
    #expect(field.standardError.contains("the fields are actor, target, kind"))
  }

  @Test func sourcesBesideActionsAreShown() throws {
    _ = try write(
      "actor,target,kind,count,date,source\nGBR,RUS,expulsion,23,2018-03-14,bbc\n",
      "data/actions.csv")
    _ = try write("id,title,publisher\nbbc,UK expels 23,BBC News\n", "data/sources.csv")
    let run = try diplograph(["sources", folder.appendingPathComponent("data").path])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("UK expels 23"))
    #expect(run.standardOutput.contains("BBC News"))
  }
}
