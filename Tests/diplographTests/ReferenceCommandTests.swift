import DiploGraph
import Foundation
import TestSupport
import Testing

/// The reference data through the command line: names mapped to ids when a data set is read,
/// `validate`'s report of the mapping, `--keep-ids`, and the reference's blocs by date.
@Suite struct ReferenceCommandTests {
  /// A transcription with country names only and no actors file: the 2018 wave of three EU
  /// states (France 4, Germany 4, the Czech Republic 3), the UK's 23 of 14 March, Russia's
  /// answers, and one actor the reference does not know.
  static let names = """
    actor,target,kind,count,date
    United Kingdom,Russia,expulsion,23,2018-03-14
    Russia,UK,expulsion,23,2018-03-17
    France,Russian Federation,expulsion,4,2018-03-26
    Germany,rus,expulsion,4,2018-03-26
    Czech Republic,RUS,expulsion,3,2018-03-26
    Wagner,France,expulsion,1,2018-03-30
    wagner,France,expulsion,1,2018-03-31

    """

  func withFile<R>(_ text: String, _ body: (String) throws -> R) throws -> R {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("names.csv")
    try Data(text.utf8).write(to: file)
    return try body(file.path)
  }

  @Test func validateReportsWhatWasMappedAndWhatWasNot() throws {
    try withFile(Self.names) { path in
      let run = try CommandRunner.run(["validate", path])
      #expect(run.status == 0)
      #expect(run.output.contains(#""Russian Federation" → RUS (name, exact)"#))
      #expect(run.output.contains(#""rus" → RUS (id, folded)"#))
      #expect(run.output.contains(#""UK" → GBR (alias, exact)"#))
      #expect(run.output.contains("11 distinct ids became 7"))
      #expect(run.output.contains("not recognised by the reference, kept as written: 2"))
      // The two spellings of the unknown actor are warned about.
      #expect(run.output.contains(#"found the actor ids "Wagner" and "wagner""#))
    }
  }

  @Test func keepIdsKeepsThreeRussiasAndWarns() throws {
    try withFile(Self.names) { path in
      let run = try CommandRunner.run(["validate", path, "--keep-ids"])
      #expect(run.status == 0)
      #expect(run.output.contains("actor ids kept as written (--keep-ids)"))
      #expect(run.output.contains(#"found the actor ids "RUS" and "rus""#))
      let stats = try CommandRunner.run(["stats", path, "--keep-ids", "--format", "json"])
      let mapped = try CommandRunner.run(["stats", path, "--format", "json"])
      #expect(Self.actorCount(try JSON.parse(stats.stdout)) == 11)
      #expect(Self.actorCount(try JSON.parse(mapped.stdout)) == 7)
    }
  }

  /// By hand: the EU of 2018 acts with 23 (the UK) + 4 + 4 + 3 = 34; NATO's members the same
  /// (all four are in NATO) = 34; the total is 34 + 23 (Russia) + 2 (Wagner) = 59.
  @Test func compareBlocsTakesTheReferenceBlocsByDate() throws {
    try withFile(Self.names) { path in
      let run = try CommandRunner.run([
        "stats", path, "--compare-blocs", "EU,NATO", "--format", "json",
      ])
      #expect(run.status == 0)
      let root = try JSON.parse(run.stdout)
      let blocs = try #require(root["blocs"]?["blocs"]?.elements)
      #expect(blocs.map { Self.number($0["weight"]) } == ["34", "34"])
      #expect(
        blocs.map { $0["name"]?.string } == [
          "European Union (reference, dated)",
          "North Atlantic Treaty Organization (reference, dated)",
        ])
      let wave = try CommandRunner.run([
        "stats", path, "--bloc", "EU", "--side", "actor", "--since", "2018-03-20", "--format",
        "json",
      ])
      #expect(Self.number(try JSON.parse(wave.stdout)["overview"]?["totalWeight"]) == "11")
      let unknown = try CommandRunner.run(["stats", path, "--compare-blocs", "XYZ"])
      #expect(unknown.status == 2)
    }
  }

  @Test func theDiagramColoursReferenceBlocs() throws {
    try withFile(Self.names) { path in
      let run = try CommandRunner.run([
        "render", path, "--format", "dot", "--colour-blocs", "EU",
      ])
      #expect(run.status == 0)
      #expect(run.output.contains("European Union (reference, 2018-03-31)"))
    }
  }

  static func number(_ node: JSONNode?) -> String? {
    guard case .number(let n)? = node?.value else { return nil }
    return n.text
  }

  static func actorCount(_ root: JSONNode) -> Int? {
    root["overview"]?["actors"].flatMap { Self.number($0) }.flatMap { Int($0) }
  }
}
