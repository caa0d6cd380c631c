import DiploGraph
import Foundation
import TestSupport
import Testing

/// docs/scale.md: the DuckDB query it documents, run on a generated GDELT 2.0 export, makes an
/// actions CSV whose statistics are those of the export read with `--weight events`.
@Suite struct ScaleQueryTests {
  /// The SQL block of docs/scale.md marked as tested.
  static func documentedQuery() throws -> String {
    let doc = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/scale.md"), encoding: .utf8)
    let marker = try #require(doc.range(of: "<!-- tested: ScaleQueryTests"))
    let rest = doc[marker.upperBound...]
    let open = try #require(rest.range(of: "```sql\n"))
    let close = try #require(rest[open.upperBound...].range(of: "\n```"))
    return String(rest[open.upperBound..<close.lowerBound])
  }

  /// 3,000 events among 12 states over 6 days: repeated events on a day, codes the query keeps
  /// (161 and a code under it) and passes over (0211, 166), events without a country, URLs
  /// with commas and quotes, self-loops.
  static func export() -> String {
    let states = [
      "GBR", "RUS", "USA", "FRA", "DEU", "POL", "CZE", "SVK", "LTU", "LVA", "EST", "UKR",
    ]
    var rng = SplitMix64(seed: 20_180_326)
    var events: [GDELTSamples.Event] = []
    for id in 0..<3000 {
      let date = "201803\(26 + Int.random(in: 0..<6, using: &rng))"
      // Few pairs carry most events, as in the news: a skewed choice.
      let a = min(Int.random(in: 0..<12, using: &rng), Int.random(in: 0..<12, using: &rng))
      let b = Int.random(in: 0..<12, using: &rng)
      let code = ["161", "161", "161", "1612", "0211", "166"].randomElement(using: &rng)!
      let missing = Int.random(in: 0..<50, using: &rng)
      events.append(
        GDELTSamples.Event(
          300_000_000 + id, date, missing == 0 ? "" : states[a], missing == 1 ? "" : states[b],
          code, mentions: Int.random(in: 1...20, using: &rng),
          url: id % 7 == 0 ? "https://news.example/\(id)?a=1,b=\"2\"" : nil))
    }
    return GDELTSamples.file(events)
  }

  @Test func theDocumentedQueryGivesTheSameStatistics() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let export = folder.appendingPathComponent("20180301.export.CSV")
    try Data(Self.export().utf8).write(to: export)
    try Data(Self.documentedQuery().utf8).write(to: folder.appendingPathComponent("query.sql"))
    _ = try PythonTools.run(
      "import duckdb; duckdb.connect().execute(open('query.sql').read())", in: folder)
    let actions = folder.appendingPathComponent("actions.csv")

    let aggregated = try CommandRunner.run(["stats", actions.path, "--format", "json"])
    #expect(aggregated.status == 0, "\(aggregated.stderr)")
    let events = try CommandRunner.run(
      ["stats", export.path, "--weight", "events", "--format", "json"])
    #expect(events.status == 0, "\(events.stderr)")
    try Data(aggregated.stdout).write(to: folder.appendingPathComponent("aggregated.json"))
    try Data(events.stdout).write(to: folder.appendingPathComponent("events.json"))

    // Compared by Python's json module, section by section; what is counted per action
    // (actions, responses, sources) differs by design (docs/scale.md).
    let differences = try PythonTools.run(
      """
      import json
      a = json.load(open('aggregated.json'))
      e = json.load(open('events.json'))
      found = []
      for key in ['reciprocity', 'blocs', 'significance']:
          if a[key] != e[key]:
              found.append(key)
      # Actors by id, their figures without the name (the export's actors are named from the
      # reference); dyads as unordered pairs, without the counts of actions.
      def actors(d):
          return {x['actor']: {k: v for k, v in x.items() if k != 'name'} for x in d['actors']}
      def dyads(d):
          out = {}
          for x in d['dyads']:
              f, b = x['forward'], x['backward']
              pair = (x['first'], x['second'])
              if pair[0] > pair[1]:
                  pair, f, b = (pair[1], pair[0]), b, f
              out[pair] = (f, b, x['reciprocated'], x['isMutual'])
          return out
      if actors(a) != actors(e):
          found.append('actors')
      if dyads(a) != dyads(e):
          found.append('dyads')
      for key in ['actors', 'links', 'totalWeight', 'firstDate', 'lastDate']:
          if a['overview'][key] != e['overview'][key]:
              found.append('overview.' + key)
      print(' '.join(found) or 'same', a['overview']['links'], e['overview']['actions'],
            a['overview']['actions'])
      """, in: folder)
    let words = differences.split(separator: " ")
    #expect(words.first == "same", "sections that differ: \(differences)")
    // The file is smaller than the events: many events per (actor, target, code, day).
    if words.count == 4, let links = Int(words[1]), let eventCount = Int(words[2]),
      let rows = Int(words[3].dropLast())
    {
      #expect(links > 50 && rows * 4 < eventCount * 3, "\(differences)")
    } else {
      Issue.record("unexpected comparison output: \(differences)")
    }
  }
}
