import DiploGraph
import Foundation
import TestSupport
import Testing

@_spi(Testing) @testable import DiploPresentation

@Suite struct StatisticsPrinterTests {
  /// The responses episode, with blocs, three sources, a claim, a figure, and names that need
  /// escaping and wide characters.
  static func statistics(_ selection: Selection = .all) throws -> Statistics {
    var edges = AnalyticsFixtures.responses
    for i in edges.indices { edges[i].sources = ["AJ"] }
    edges[2].sources = ["AJ", "AFP"]
    edges[2].claims = [
      Claim(source: "UNIAN", count: 40, qualifier: .approximately, quote: "about \"40\"")
    ]
    var data = dataSet(
      edges,
      blocs: [
        ("EU", ["FRA", "DEU", "BEL", "HUN"]), ("NONEU", ["UKR", "MNE"]),
        ("OTHER", ["USA", "CAN", "AUS", "GBR"]),
      ],
      sources: ["AJ", "AFP", "UNIAN"],
      figures: [
        ReportedFigure(
          source: "AFP", label: "EU states", measure: .actors, value: 17,
          scope: Selection(blocs: ["EU"], side: .actor))
      ])
    data.title = "Tab\there, \"quotes\", back\\slash | pipe, 日本"
    data.actors[data.actors.firstIndex { $0.id == "FRA" }!].name = "France, \"la\" | République"
    data.actors[data.actors.firstIndex { $0.id == "UKR" }!].name = "日本語テスト"
    return try Statistics(data, selection: selection)
  }

  static func schema(_ name: String) throws -> [String: Any] {
    let url = Fixtures.packageRoot.appendingPathComponent("docs").appendingPathComponent(name)
    return try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
  }

  static func parse(_ json: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
  }

  // MARK: JSON

  @Test func jsonFollowsTheSchema() throws {
    let schema = try Self.schema("stats.schema.json")
    for selection in [Selection.all, Selection(kinds: ["none"]), Selection(blocs: ["EU"])] {
      let json = StatisticsPrinter.render(try Self.statistics(selection), as: .json)
      let problems = SchemaCheck(root: schema, files: ["stats.schema.json": schema])
        .problems(in: try Self.parse(json))
      #expect(problems == [], "\(selection)")
    }
  }

  @Test func sourcesJSONFollowsItsSchema() throws {
    let stats = try Self.statistics()
    let json = StatisticsPrinter.render(stats.sources!, title: stats.title, as: .json)
    let files = ["stats.schema.json": try Self.schema("stats.schema.json")]
    let problems = SchemaCheck(root: try Self.schema("sources.schema.json"), files: files)
      .problems(in: try Self.parse(json))
    #expect(problems == [])
  }

  @Test func schemaCheckFindsMissingAndUnknownKeys() throws {
    // The checker itself: a document with a key removed and a key added must fail.
    let schema = try Self.schema("stats.schema.json")
    let json = StatisticsPrinter.render(try Self.statistics(), as: .json)
    var object = try #require(try Self.parse(json) as? [String: Any])
    object["overview"] = nil
    object["extra"] = 1
    let problems = SchemaCheck(root: schema, files: [:]).problems(in: object)
    #expect(problems.contains { $0.contains("overview") })
    #expect(problems.contains { $0.contains("extra") })
  }

  @Test func jsonIsByteStableAndDecodes() throws {
    let stats = try Self.statistics()
    let first = StatisticsPrinter.render(stats, as: .json)
    #expect(first == StatisticsPrinter.render(try Self.statistics(), as: .json))
    #expect(first.hasPrefix("{\n  \"version\": 1,\n  \"title\": "))
    #expect(first.hasSuffix("}\n"))
    // The title's tab, quotes, backslash and non-ASCII text survive a standard parser.
    let object = try #require(try Self.parse(first) as? [String: Any])
    #expect(object["title"] as? String == stats.title)
    #expect(first.contains(#""Tab\there, \"quotes\", back\\slash | pipe, 日本""#))
    // Every key is present, undefined values as null.
    let humans = try #require(object["actors"] as? [[String: Any]])
    let hun = try #require(humans.first { $0["actor"] as? String == "HUN" })
    #expect(hun["reciprocatedShare"] is NSNull)
    // Foundation's decoder reads it back into the same integers (doubles are rounded).
    let decoded = try JSONDecoder().decode(Statistics.self, from: Data(first.utf8))
    #expect(decoded.overview == stats.overview)
    #expect(decoded.actors.map(\.outStrength) == stats.actors.map(\.outStrength))
    #expect(
      decoded.responses!.exchanges.map(\.outcome) == stats.responses!.exchanges.map(\.outcome))
    #expect(decoded.blocs!.matrix == stats.blocs!.matrix)
    #expect(approximatelyEqual(decoded.reciprocity.rho, stats.reciprocity.rho, tolerance: 1e-6))
  }

  @Test func jsonStrings() {
    #expect(StatisticsPrinter.json("a\"b\\c\nd\u{01}é") == "\"a\\\"b\\\\c\\nd\\u0001é\"\n")
    #expect(StatisticsPrinter.json([1.0, 2.0 / 3.0, -0.5, 1e-9]) == "[1, 0.666667, -0.5, 0]\n")
    #expect(StatisticsPrinter.json([Int64.max]) == "[9223372036854775807]\n")
  }

  // MARK: Numbers and widths

  @Test func numberText() {
    #expect(NumberText.fixed(0.4, decimals: 3) == "0.400")
    #expect(NumberText.fixed(-1.0 / 35.0, decimals: 3) == "-0.029")
    #expect(NumberText.fixed(-0.0001, decimals: 3) == "0.000")
    #expect(NumberText.fixed(2.5, decimals: 0) == "3")
    #expect(NumberText.trimmed(1) == "1")
    #expect(NumberText.trimmed(0.75) == "0.75")
    #expect(NumberText.grouped(1_234_567) == "1,234,567")
    #expect(NumberText.grouped(-1000) == "-1,000")
    #expect(NumberText.grouped(999) == "999")
  }

  @Test func displayWidth() {
    #expect(TextWidth.of("abc") == 3)
    #expect(TextWidth.of("日本") == 4)
    #expect(TextWidth.of("e\u{301}") == 1)
    #expect(TextWidth.of("Côte d’Ivoire") == 13)
    #expect(TextWidth.of("🇪🇺") == 2)
    #expect(TextWidth.of("\u{200D}") == 0)
  }

  // MARK: Table

  @Test func tableStartsWithTheHeadline() throws {
    let text = StatisticsPrinter.render(try Self.statistics(), as: .table)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // The title's tab is shown as a space; its underline has its display width.
    #expect(lines[0] == "Statistics: Tab here, \"quotes\", back\\slash | pipe, 日本")
    // 53 characters, two of them double-width: 55 columns.
    #expect(lines[0].count == 53)
    #expect(lines[1] == String(repeating: "=", count: 55))
    #expect(lines[2].isEmpty)
    #expect(lines[3] == "  Selection     all actions")
    #expect(text.contains("  Actors        11 with a link (11 declared)"))
    #expect(text.contains("Links         17"))
    #expect(text.contains("Total weight  274 diplomats"))
    #expect(text.contains("r = 0.824: 14 of 17 links have a link back"))
    // Kinds apart: the expulsions left unanswered, undated Montenegro, Russia's staff cut.
    #expect(text.contains("2 unanswered (AUS, BEL), 1 undated (MNE)"))
    #expect(text.contains("staff cuts by states (1 action): 1 unanswered (RUS)"))
  }

  @Test func tableColumnsAlignByDisplayWidth() throws {
    let text = StatisticsPrinter.render(try Self.statistics(), as: .table)
    let lines = text.split(separator: "\n").map(String.init)
    let header = try #require(lines.firstIndex { $0.hasPrefix("  actor  name") })
    // Header, rule, and the 11 actors.
    let table = Array(lines[header..<(header + 13)])
    #expect(table.contains { $0.contains("日本語テスト") })
    #expect(table.contains { $0.contains("France, \"la\" | République") })
    // Cells are separated by two spaces or more (names hold single spaces only). For each
    // line, the display columns where each cell starts and ends.
    func spans(_ line: String) -> [(start: Int, end: Int)] {
      var result: [(Int, Int)] = []
      var column = 0
      var start: Int?
      var spaces = 0
      for c in line {
        if c == " " {
          spaces += 1
          if spaces == 2, let s = start {
            result.append((s, column - 1))
            start = nil
          }
        } else {
          if start == nil { start = column }
          spaces = 0
        }
        column += TextWidth.of(c)
      }
      if let s = start { result.append((s, column - (spaces > 0 ? spaces : 0))) }
      return result
    }
    let rule = spans(table[1])
    #expect(rule.count == 13)
    for line in table {
      let cells = spans(line)
      #expect(cells.count == 13, "\(line)")
      guard cells.count == 13 else { continue }
      // Text columns (actor, name) start where the rule starts; numbers end where it ends.
      #expect(cells[0].start == rule[0].start && cells[1].start == rule[1].start, "\(line)")
      for c in 2..<13 { #expect(cells[c].end == rule[c].end, "\(line) column \(c)") }
    }
  }

  @Test func rowLimit() throws {
    let text = StatisticsPrinter.render(try Self.statistics(), as: .table, rowLimit: 3)
    // 11 exchanges, 3 shown.
    #expect(text.contains("… 8 more rows"))
    let markdown = StatisticsPrinter.render(try Self.statistics(), as: .markdown, rowLimit: 3)
    #expect(markdown.contains("… 8 more rows."))
    // JSON and CSV always hold every row.
    let csv = StatisticsPrinter.render(try Self.statistics(), as: .csv, rowLimit: 3)
    #expect(csv.split(separator: "\n").filter { $0.hasPrefix("exchanges,") }.count == 11)
  }

  // MARK: CSV

  @Test func csvSectionsParse() throws {
    let csv = StatisticsPrinter.render(try Self.statistics(), as: .csv)
    let records = try CSVProbe.parse(csv)
    var sections: [String: (header: [String], rows: [[String]])] = [:]
    var order: [String] = []
    var current: String?
    for record in records {
      if record == [""] {
        current = nil
        continue
      }
      if current == nil {
        #expect(record[0] == "section")
        current = "pending"
        sections["pending"] = (record, [])
        continue
      }
      let name = record[0]
      if current == "pending" {
        sections[name] = (sections["pending"]!.header, [])
        sections["pending"] = nil
        order.append(name)
        current = name
      }
      #expect(name == current)
      #expect(record.count == sections[name]!.header.count, "\(name): \(record)")
      sections[name]!.rows.append(record)
    }
    #expect(
      order == [
        "overview", "reciprocity", "actors", "dyads", "response_outcomes",
        "response_outcomes_by_kind", "time_to_answer", "exchanges",
        "unmatched_answers", "unresolved_references", "blocs", "bloc_partition", "bloc_matrix",
        "bloc_reciprocity", "sources", "significance", "dyad_census", "triad_census",
      ])
    let france = try #require(sections["actors"]!.rows.first { $0[1] == "FRA" })
    #expect(france[2] == "France, \"la\" | République")
    #expect(sections["reciprocity"]!.rows.contains(["reciprocity", "binary", "0.823529"]))
    #expect(sections["exchanges"]!.rows[1][4] == "2;3")
  }

  @Test func csvOfAnEmptySelectionKeepsEveryHeader() throws {
    let csv = StatisticsPrinter.render(try Self.statistics(Selection(kinds: ["none"])), as: .csv)
    #expect(csv.contains("section,actor,name,out_strength"))
    #expect(!csv.contains("\nactors,"))
    #expect(csv.contains("reciprocity,binary,\n"))
  }

  // MARK: Markdown

  @Test func markdownTablesAreWellFormed() throws {
    let markdown = StatisticsPrinter.render(try Self.statistics(), as: .markdown)
    #expect(markdown.hasPrefix("# Statistics: Tab"))
    #expect(markdown.contains("- **Total weight**: 274 diplomats"))
    #expect(markdown.contains("France, \"la\" \\| République"))
    // In every table, each line has as many unescaped pipes as its header.
    var expected: Int?
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix("|") else {
        expected = nil
        continue
      }
      let pipes = CSVProbe.unescapedPipes(String(line))
      if let expected { #expect(pipes == expected, "\(line)") } else { expected = pipes }
    }
  }

  @Test func sourcesReport() throws {
    let stats = try Self.statistics()
    let text = StatisticsPrinter.render(stats.sources!, title: "2018", as: .table)
    #expect(text.hasPrefix("Sources: 2018\n"))
    #expect(text.contains("AFP: EU states 17, the data gives 3"))
    #expect(text.contains("UNIAN   about 40"))
    let csv = StatisticsPrinter.render(stats.sources!, title: "2018", as: .csv)
    #expect(
      csv.contains("section,source,label,measure,scope,qualifier,value,computed,agrees,quote"))
    #expect(csv.contains("figures,AFP,EU states,actors,blocs EU (actor),exact,17,3,false,"))
    #expect(
      csv.contains(
        "claim_disagreements,2,USA,RUS,expulsion,48,UNIAN,40,approximately,false,,\"about \"\"40\"\"\""
      ))
  }
}

enum CSVProbe {
  struct Malformed: Error {}

  /// RFC 4180 records (LF line ends, quoted fields with doubled quotes).
  static func parse(_ text: String) throws -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" {
            field.append("\"")
            chars = chars.dropFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        guard field.isEmpty else { throw Malformed() }
        quoted = true
      } else if c == "," {
        record.append(field)
        field = ""
      } else if c == "\n" {
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.append(c)
      }
    }
    guard !quoted, field.isEmpty, record.isEmpty else { throw Malformed() }
    return records
  }

  static func unescapedPipes(_ line: String) -> Int {
    var count = 0
    var escaped = false
    for c in line {
      if escaped {
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else if c == "|" {
        count += 1
      }
    }
    return count
  }
}

/// A minimal JSON Schema check: `$ref` (local and to a sibling file), `type`, `enum`, `const`,
/// `properties`, `required`, `additionalProperties: false`, `items`, `anyOf`, `pattern`.
struct SchemaCheck {
  let root: [String: Any]
  let files: [String: [String: Any]]

  func problems(in value: Any) -> [String] {
    var found: [String] = []
    check(value, against: root, in: root, path: "$", problems: &found)
    return found
  }

  func resolve(_ ref: String, in document: [String: Any]) -> ([String: Any], [String: Any])? {
    let parts = ref.split(separator: "#", maxSplits: 1).map(String.init)
    let doc = ref.hasPrefix("#") ? document : (files[parts[0]] ?? [:])
    let pointer = ref.hasPrefix("#") ? parts[0] : (parts.count > 1 ? parts[1] : "")
    var node: Any = doc
    for component in pointer.split(separator: "/") {
      guard let object = node as? [String: Any], let next = object[String(component)] else {
        return nil
      }
      node = next
    }
    guard let schema = node as? [String: Any] else { return nil }
    return (schema, doc)
  }

  /// JSONSerialization gives booleans their own NSNumber subclass.
  static let booleanType = type(of: NSNumber(value: true))

  func typeMatches(_ value: Any, _ type: String) -> Bool {
    let isBoolean = Swift.type(of: value) == Self.booleanType
    switch type {
    case "null": return value is NSNull
    case "boolean": return isBoolean
    case "integer":
      guard let n = value as? NSNumber, !isBoolean else { return false }
      return n.doubleValue == n.doubleValue.rounded()
    case "number": return value is NSNumber && !isBoolean
    case "string": return value is String
    case "array": return value is [Any]
    case "object": return value is [String: Any]
    default: return false
    }
  }

  func check(
    _ value: Any, against schema: [String: Any], in document: [String: Any], path: String,
    problems: inout [String]
  ) {
    if let ref = schema["$ref"] as? String {
      guard let (target, doc) = resolve(ref, in: document) else {
        problems.append("\(path): unresolved \(ref)")
        return
      }
      check(value, against: target, in: doc, path: path, problems: &problems)
      return
    }
    if let options = schema["anyOf"] as? [[String: Any]] {
      let ok = options.contains { option in
        var local: [String] = []
        check(value, against: option, in: document, path: path, problems: &local)
        return local.isEmpty
      }
      if !ok { problems.append("\(path): matches no alternative") }
      return
    }
    if let type = schema["type"] {
      let types = (type as? [String]) ?? [type as? String ?? ""]
      if !types.contains(where: { typeMatches(value, $0) }) {
        problems.append("\(path): expected \(types), found \(value)")
        return
      }
    }
    if let options = schema["enum"] as? [Any] {
      let ok = options.contains { option in
        (option is NSNull && value is NSNull)
          || (option as? String).map { $0 == value as? String } ?? false
      }
      if !ok { problems.append("\(path): \(value) is not one of \(options)") }
    }
    if let constant = schema["const"] as? NSNumber, (value as? NSNumber) != constant {
      problems.append("\(path): expected \(constant)")
    }
    if let pattern = schema["pattern"] as? String, let text = value as? String,
      text.range(of: pattern, options: .regularExpression) == nil
    {
      problems.append("\(path): \(text) does not match \(pattern)")
    }
    if let object = value as? [String: Any] {
      let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
      for key in schema["required"] as? [String] ?? [] where object[key] == nil {
        problems.append("\(path): missing \(key)")
      }
      if schema["additionalProperties"] as? Bool == false {
        for key in object.keys where properties[key] == nil {
          problems.append("\(path): unexpected key \(key)")
        }
      }
      for (key, sub) in properties {
        if let child = object[key] {
          check(child, against: sub, in: document, path: "\(path).\(key)", problems: &problems)
        }
      }
    }
    if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
      for (n, item) in array.enumerated() {
        check(item, against: items, in: document, path: "\(path)[\(n)]", problems: &problems)
      }
    }
  }
}
