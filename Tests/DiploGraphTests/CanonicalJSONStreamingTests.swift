import DiploGraph
import PropertyBased
import Testing

/// The streaming read of canonical JSON against the tree read it replaced (kept as
/// `CanonicalJSON.readThroughTree`, the oracle): the same data set, the same messages in the
/// same order, the same places, the same error thrown, for valid and hostile documents.
@Suite struct CanonicalJSONStreamingTests {
  /// The tests' deterministic generator (SplitMix64), so that a failing seed replays.
  struct Random: RandomNumberGenerator {
    var generator: SplitMix64
    init(state: UInt64) { generator = SplitMix64(seed: state) }
    mutating func next() -> UInt64 { generator.next() }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    mutating func pick<T>(_ list: [T]) -> T { list[int(list.count)] }
  }

  static let strings = [
    #""GBR""#, #""RUS""#, #""A0001""#, #""""#, #""Россия""#, #""a\u00e9b""#, #""\ud83d\ude00""#,
    #""tab\tnew\nline""#, #""\ud800""#, #""expulsion""#, #""retaliation""#, #""s1""#,
  ]
  static let numbers = [
    "3", "0", "-0", "-4", "1e3", "2.5", "007", "99999999999999999999", "9223372036854775807",
    "123456789012345678", "1234567890123456789", "12.", "-",
  ]
  static let dates = [
    #""2018-03-04""#, #""2018-02-30""#, #""2018-03""#, #""2018""#, #""18/03/2018""#, #""1990-13""#,
    #""0000-01-01""#,
  ]
  static let lists = [
    "[]", #"["s1"]"#, #"["s1", "s2"]"#, #"["s1", ""]"#, "[1]", #"["s1",]"#, "[[[[[[]]]]]]",
    #"["a\"b"]"#,
  ]
  static let claims = [
    #"[{"source": "s1", "count": 2}]"#, #"[{"count": 3}]"#, "[]", "null", #""x""#,
    #"[{"source": "s1", "qualifier": "roughly"}]"#,
  ]
  static let actionKeys = [
    "id", "actor", "target", "kind", "count", "date", "respondsTo", "sources", "claims", "note",
    "Actor", "colour",
  ]

  /// Any value, mostly plausible, sometimes hostile.
  static func value(for key: String, _ r: inout Random) -> String {
    if r.chance(8) { return r.pick(["null", "true", "{}", "[]", "3", #""x""#, "[[[{}]]]"]) }
    switch key {
    case "count": return r.pick(numbers)
    case "date": return r.pick(dates)
    case "respondsTo", "sources": return r.pick(lists)
    case "claims": return r.pick(claims)
    default: return r.pick(strings)
    }
  }

  static func action(_ r: inout Random, _ space: String) -> String {
    if r.chance(4) { return r.pick(["3", "null", #""x""#, "[]", "{}"]) }
    var keys = ["actor", "target", "kind", "sources"]
    if r.chance(70) { keys.append("count") }
    if r.chance(70) { keys.append("date") }
    if r.chance(15) { keys.append(r.pick(actionKeys)) }
    if r.chance(10) { keys.removeAll { $0 == r.pick(["actor", "sources", "kind"]) } }
    if r.chance(20) { keys.shuffle(using: &r) }
    let members = keys.map { key -> String in
      let value: String
      switch key {
      case "actor", "target":
        value = r.chance(85) ? r.pick([#""GBR""#, #""RUS""#]) : r.pick(strings)
      case "kind":
        value = r.chance(85) ? r.pick([#""expulsion""#, #""retaliation""#]) : r.pick(strings)
      case "sources": value = r.chance(85) ? r.pick([#"["s1"]"#, "[]"]) : Self.value(for: key, &r)
      case "date": value = r.chance(80) ? #""2018-03-04""# : Self.value(for: key, &r)
      case "count": value = r.chance(80) ? "\(r.int(50))" : Self.value(for: key, &r)
      default: value = Self.value(for: key, &r)
      }
      return "\"\(key)\":\(space)\(value)"
    }
    return "{" + members.joined(separator: ",\(space)") + "}"
  }

  /// A document: the usual sections in any order, some of them hostile.
  static func document(_ r: inout Random) -> [UInt8] {
    let space = r.pick(["", " ", "\n  ", "\r\n\t"])
    var members = [
      #""format": "diplograph""#, #""version": 1"#, #""title": "t""#,
      #""sources": [{"id": "s1", "title": "S"}, {"title": "no id"}]"#,
      #""actors": [{"id": "GBR", "name": "UK", "kind": "state"}, {"id": "RUS"}]"#,
    ]
    let actions = (0..<r.int(12)).map { _ in action(&r, space) }
    members.append("\"actions\":\(space)[" + actions.joined(separator: ",\(space)") + "]")
    if r.chance(10) { members[members.count - 1] = "\"actions\": " + r.pick(["null", "{}", "3"]) }
    if r.chance(10) { members.append(#""actions": []"#) }
    if r.chance(10) { members.append(#""extra": [1, 2]"#) }
    if r.chance(10) { members.append(#""figures": [{"source": "s1"}]"#) }
    if r.chance(50) { members.shuffle(using: &r) }
    var text = Array(("{" + members.joined(separator: ",\(space)") + "}").utf8)
    if r.chance(10) { text = Array(text.prefix(r.int(text.count + 1))) }
    if r.chance(5) { text.insert(r.pick(Array("{}[],:\"\\ -0e".utf8)), at: r.int(text.count + 1)) }
    return text
  }

  static func options(_ r: inout Random) -> CanonicalJSON.ReadOptions {
    CanonicalJSON.ReadOptions(
      json: JSON.Limits(
        maxDepth: r.chance(80) ? 512 : r.pick([0, 1, 2, 3, 4, 5]),
        maxValues: r.chance(80) ? 1_000_000 : r.pick([1, 10, 40, 80, 120])),
      maxActions: r.chance(80) ? 1000 : r.pick([0, 1, 3]),
      maxActors: r.chance(80) ? 1000 : r.pick([0, 1, 2, 3]))
  }

  /// The places a reader's map gives for paths in and around what was read.
  static func places(_ document: Document) -> [DiploGraph.SourceLocation] {
    var paths: [DataPath] = [DataPath(), DataPath(field: "title"), DataPath(field: "actions")]
    paths.append(DataPath(field: "actions", item: 1))
    let fields: [String?] = [
      nil, "count", "sources", "date", "kind", "claims", "claims[0].source", "nope",
    ]
    let data = document.dataSet
    let counts: [(DataPath.Collection, Int)] = [
      (.actions, data.actions.count), (.sources, data.sources.count),
      (.actors, data.actors.count),
    ]
    for (collection, count) in counts {
      for index in 0...count {
        for field in fields {
          paths.append(DataPath(collection, index, field: field))
          paths.append(DataPath(collection, index, field: field, item: 0))
        }
      }
    }
    return paths.map { document.map.location(of: $0) }
  }

  /// Compares the two reads of `bytes`, recording what differs.
  static func compare(_ bytes: [UInt8], _ options: CanonicalJSON.ReadOptions, _ label: String) {
    let streamed = Result { try CanonicalJSON.read(bytes, file: "d.json", options: options) }
    let tree = Result { try CanonicalJSON.readThroughTree(bytes, file: "d.json", options: options) }
    switch (streamed, tree) {
    case (.success(let s), .success(let t)):
      #expect(s.dataSet == t.dataSet, "\(label)")
      #expect(s.diagnostics == t.diagnostics, "\(label)")
      #expect(places(s) == places(t), "\(label)")
    case (.failure(let s), .failure(let t)):
      #expect(s as? DiploGraphError == t as? DiploGraphError, "\(label)")
    default:
      Issue.record("\(label): streamed \(streamed), tree \(tree)")
    }
  }

  @Test func streamingReadsAsTheTreeDoes() async {
    await propertyCheck(count: 2000, input: Gen.int(in: 0...Int.max)) { seed in
      var r = Random(state: UInt64(seed))
      let bytes = Self.document(&r)
      Self.compare(
        bytes, Self.options(&r), "seed \(seed): \(String(decoding: bytes, as: UTF8.self))")
    }
  }

  @Test func randomDataSetsReadAsTheTreeDoes() async {
    await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
      let bytes = CanonicalJSON.write(RandomDataSet.make(seed: UInt64(seed)))
      Self.compare(bytes, CanonicalJSON.ReadOptions(), "seed \(seed)")
    }
  }

  /// Past the cap, messages of the actions (read first) still come after those of a source
  /// (later in the file, earlier in the reader's order), and the count of the rest is the same.
  @Test func cappedMessagesKeepTheReadersOrder() {
    let bad = Array(
      repeating: #"{"actor": "", "target": "B", "kind": "k", "sources": []}"#, count: 1200)
    let text =
      #"{"actions": ["# + bad.joined(separator: ",\n") + #"], "format": "diplograph", "#
      + #""version": 1, "title": "t", "sources": [{"title": "no id"}]}"#
    Self.compare(Array(text.utf8), CanonicalJSON.ReadOptions(), "capped")
    let document = try? CanonicalJSON.read(text, file: "d.json")
    #expect(document?.diagnostics.first?.message.contains("\"id\"") == true)
    #expect(document?.diagnostics.count == maxListedDiagnostics + 1)
  }

  /// Past `maxActions`, the error names the whole length and the first element past the limit.
  @Test func tooManyActionsCountsThemAll() {
    let action = #"{"actor": "A", "target": "B", "kind": "k", "sources": []}"#
    let text =
      #"{"format": "diplograph", "version": 1, "title": "t", "actions": ["#
      + Array(repeating: action, count: 7).joined(separator: ",\n") + "]}"
    let options = CanonicalJSON.ReadOptions(maxActions: 4)
    Self.compare(Array(text.utf8), options, "limit")
    #expect(throws: DiploGraphError.self) {
      try CanonicalJSON.read(Array(text.utf8), options: options)
    }
  }
}
