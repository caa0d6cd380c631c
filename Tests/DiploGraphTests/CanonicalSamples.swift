import DiploGraph

/// Data sets built in code for the canonical-format tests.
enum CanonicalSamples {
  static func day(_ text: String) -> Day {
    guard let day = Day(iso: text) else { preconditionFailure("bad test date \(text)") }
    return day
  }

  /// Every field of the format set at least once, with text that needs escaping.
  static var full: DataSet {
    DataSet(
      title: "Expulsions \"after\" Salisbury — 2018 🇬🇧",
      description: "Line one\nline two\twith a tab, a back\\slash and a / slash",
      notes: [
        "Compiled from three articles.", "Ünïcödé, emoji 😀, a quote \" and a control \u{1}",
        "",
      ],
      actors: [
        Actor(id: "GBR", name: "United Kingdom", kind: .state, note: "the \"first\" mover"),
        Actor(id: "RUS", name: "Россия", kind: .state),
        Actor(id: "USA", name: "United States", kind: .state),
        Actor(id: "NATO", name: "North Atlantic Treaty Organization", kind: .organisation),
      ],
      blocs: [
        Bloc(id: "EU", name: "EU member states", members: ["GBR"], note: "in 2018"),
        Bloc(id: "NATO_MEMBERS", name: "NATO", members: ["GBR", "USA"]),
        Bloc(id: "EMPTY", name: "nobody", members: []),
      ],
      sources: [
        Source(
          id: "bbc", title: "Russian diplomats expelled", publisher: "BBC",
          date: day("2018-03-27"), url: "https://www.bbc.com/news/uk-43546003",
          note: "tab\there"),
        Source(id: "wiki", title: "2018 expulsions"),
      ],
      actions: ActionTable([
        Action(
          id: "a1", actor: "GBR", target: "RUS", kind: .expulsion, count: 23,
          date: day("2018-03-14"), sources: ["bbc", "wiki"],
          claims: [
            Claim(source: "bbc", count: 23),
            Claim(
              source: "wiki", count: 24, qualifier: .approximately, quote: "almost \"two dozen\""),
            Claim(source: "wiki", count: nil, qualifier: .atLeast),
          ], note: "multi\nline\r\nnote"),
        Action(
          id: "a2", actor: "RUS", target: "GBR", kind: .retaliation, count: 0,
          date: day("2018-03-17"), respondsTo: ["a1"], sources: ["bbc"]),
        Action(actor: "USA", target: "RUS", kind: .consulateClosure, sources: []),
        Action(
          actor: "NATO", target: "RUS", kind: "accreditation_denial", count: Int(Int64.max),
          respondsTo: ["a1", "a2"], sources: ["wiki"]),
        Action(actor: "RUS", target: "USA", kind: "trade_sanction", count: 60, sources: ["bbc"]),
      ]),
      figures: [
        ReportedFigure(
          source: "bbc", label: "EU states expelling", measure: .actors, value: 18,
          qualifier: .moreThan,
          scope: Selection(
            kinds: [.retaliation, .expulsion], since: day("2018-03-01"), until: day("2018-04-30"),
            blocs: ["NATO_MEMBERS", "EU"], actors: ["USA", "GBR"], side: .actor),
          quote: "18 EU states", note: "a note"),
        ReportedFigure(source: "wiki", label: "all", measure: .diplomats, value: 123),
        ReportedFigure(
          source: "wiki", label: "no kinds", measure: .actions, value: 0,
          scope: Selection(kinds: [], side: .both)),
      ])
  }

  /// A small data set and its exact canonical text, written by hand from docs/format.md.
  static var small: DataSet {
    DataSet(
      title: "T", notes: ["n"],
      actors: [
        Actor(id: "GBR", name: "United Kingdom"),
        Actor(id: "RUS", name: "Russia"),
      ],
      blocs: [Bloc(id: "EU", name: "European Union", members: ["GBR"])],
      sources: [Source(id: "s", title: "S", date: day("2018-03-14"))],
      actions: ActionTable([
        Action(
          id: "a1", actor: "GBR", target: "RUS", kind: .expulsion, count: 23,
          date: day("2018-03-14"), sources: ["s"],
          claims: [Claim(source: "s", count: 23, qualifier: .approximately)]),
        Action(
          actor: "RUS", target: "GBR", kind: .retaliation, count: 0, respondsTo: ["a1"],
          sources: []),
      ]),
      figures: [
        ReportedFigure(
          source: "s", label: "L", measure: .diplomats, value: 23,
          scope: Selection(kinds: [.retaliation, .expulsion], actors: ["RUS"], side: .target))
      ])
  }

  static let smallText = """
    {
      "format": "diplograph",
      "version": 1,
      "title": "T",
      "notes": ["n"],
      "sources": [
        {
          "id": "s",
          "title": "S",
          "date": "2018-03-14"
        }
      ],
      "actors": [
        {
          "id": "GBR",
          "name": "United Kingdom",
          "kind": "state"
        },
        {
          "id": "RUS",
          "name": "Russia",
          "kind": "state"
        }
      ],
      "blocs": [
        {
          "id": "EU",
          "name": "European Union",
          "members": ["GBR"]
        }
      ],
      "actions": [
        {
          "id": "a1",
          "actor": "GBR",
          "target": "RUS",
          "kind": "expulsion",
          "count": 23,
          "date": "2018-03-14",
          "sources": ["s"],
          "claims": [
            {
              "source": "s",
              "count": 23,
              "qualifier": "approximately"
            }
          ]
        },
        {
          "actor": "RUS",
          "target": "GBR",
          "kind": "retaliation",
          "count": 0,
          "respondsTo": ["a1"],
          "sources": []
        }
      ],
      "figures": [
        {
          "source": "s",
          "label": "L",
          "measure": "diplomats",
          "value": 23,
          "scope": {
            "kinds": ["expulsion", "retaliation"],
            "actors": ["RUS"],
            "side": "target"
          }
        }
      ]
    }

    """
}

/// A small, fast, seedable generator (SplitMix64) for building random data sets.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Random data sets: any text, any optional field present or not, ids shared between
/// collections so references resolve sometimes and not others.
enum RandomDataSet {
  static let pieces = [
    "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é",
    "e\u{301}", "Россия", "中文", "😀", "🇬🇧", "\u{2028}", "{", "}", "[", "]", ",", ":",
  ]

  static func text(_ rng: inout SplitMix64, max: Int = 6) -> String {
    (0..<Int.random(in: 0...max, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
      .joined()
  }

  static func id(_ rng: inout SplitMix64) -> String {
    ["GBR", "RUS", "USA", "a1", "a2", "s1", "EU", "é", "\"q\""].randomElement(using: &rng)!
  }

  static func maybe<T>(_ rng: inout SplitMix64, _ make: (inout SplitMix64) -> T) -> T? {
    Bool.random(using: &rng) ? make(&rng) : nil
  }

  static func day(_ rng: inout SplitMix64) -> Day {
    Day(daysSinceEpoch: Int32.random(in: -719_162...2_932_896, using: &rng))
  }

  static func count(_ rng: inout SplitMix64) -> Int {
    [0, 1, 23, 60, Int(Int64.max), Int.random(in: 0...1_000_000, using: &rng)]
      .randomElement(using: &rng)!
  }

  static func ids(_ rng: inout SplitMix64) -> [String] {
    (0..<Int.random(in: 0...3, using: &rng)).map { _ in id(&rng) }
  }

  static func make(seed: UInt64) -> DataSet {
    var rng = SplitMix64(seed: seed)
    var data = DataSet(title: text(&rng), description: maybe(&rng) { text(&$0) })
    data.notes = (0..<Int.random(in: 0...2, using: &rng)).map { _ in text(&rng) }
    for _ in 0..<Int.random(in: 0...3, using: &rng) {
      data.sources.append(
        Source(
          id: SourceID(id(&rng)), title: text(&rng), publisher: maybe(&rng) { text(&$0) },
          date: maybe(&rng) { day(&$0) }, url: maybe(&rng) { text(&$0) },
          note: maybe(&rng) { text(&$0) }))
    }
    for _ in 0..<Int.random(in: 0...3, using: &rng) {
      data.actors.append(
        Actor(
          id: ActorID(id(&rng)), name: text(&rng),
          kind: ActorKind.allCases.randomElement(using: &rng)!,
          note: maybe(&rng) { text(&$0) }))
    }
    for _ in 0..<Int.random(in: 0...2, using: &rng) {
      data.blocs.append(
        Bloc(
          id: BlocID(id(&rng)), name: text(&rng), members: ids(&rng).map { ActorID($0) },
          note: maybe(&rng) { text(&$0) }))
    }
    var actions: [Action] = []
    for _ in 0..<Int.random(in: 0...6, using: &rng) {
      let claims = (0..<Int.random(in: 0...2, using: &rng)).map { _ in
        Claim(
          source: SourceID(id(&rng)), count: maybe(&rng) { count(&$0) },
          qualifier: Qualifier.allCases.randomElement(using: &rng)!,
          quote: maybe(&rng) { text(&$0) })
      }
      actions.append(
        Action(
          id: maybe(&rng) { ActionID(id(&$0)) }, actor: ActorID(id(&rng)),
          target: ActorID(id(&rng)), kind: ActionKind(id(&rng) + text(&rng, max: 2)),
          count: maybe(&rng) { count(&$0) }, date: maybe(&rng) { day(&$0) },
          respondsTo: ids(&rng).map { ActionID($0) }, sources: ids(&rng).map { SourceID($0) },
          claims: claims, note: maybe(&rng) { text(&$0) }))
    }
    data.actions = ActionTable(actions)
    for _ in 0..<Int.random(in: 0...2, using: &rng) {
      let scope = Selection(
        kinds: maybe(&rng) { Set(ids(&$0).map { ActionKind($0) }) },
        since: maybe(&rng) { day(&$0) }, until: maybe(&rng) { day(&$0) },
        blocs: maybe(&rng) { Set(ids(&$0).map { BlocID($0) }) },
        actors: maybe(&rng) { Set(ids(&$0).map { ActorID($0) }) },
        side: Selection.Side.allCases.randomElement(using: &rng)!)
      data.figures.append(
        ReportedFigure(
          source: SourceID(id(&rng)), label: text(&rng),
          measure: Measure.allCases.randomElement(using: &rng)!, value: count(&rng),
          qualifier: Qualifier.allCases.randomElement(using: &rng)!, scope: scope,
          quote: maybe(&rng) { text(&$0) }, note: maybe(&rng) { text(&$0) }))
    }
    return data
  }
}
