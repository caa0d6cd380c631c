import DiploGraph
import DiploRender
import Foundation

/// Data sets built in code for the rendering tests.
enum RenderFixtures {
  /// The standard style drawing every actor (no reduction to the strongest): for tests of the
  /// engine policy and the layout isolation on large graphs.
  static let whole: Style = {
    var style = Style.standard
    style.maximumActors = nil
    return style
  }()

  /// Texts that break naive escaping in DOT, HTML-like labels, XML and CSS.
  static let hostile: [String] = [
    #"quote " inside"#,
    #"ends with a backslash \"#,
    #"backslash-quote \" and \\ double"#,
    #"graphviz escapes \N \G \E \T \H \L \n \l \r"#,
    "line one\nline two\r\nline three",
    "<script>alert('x')</script>",
    "&amp; &lt; &#92; & < > ]]> -->",
    "<B>bold</B><BR/><IMG SRC=\"/etc/passwd\"/>",
    "emoji 🇷🇺🇬🇧 👩🏽‍⚖️",
    "RTL العربية עברית \u{202E}reversed",
    "control \u{01}\u{08}\u{1B}[31m \u{7F} \u{85} \u{FFFE}",
    "javascript:alert(1)",
    "{ } [ ] ; = -> -- digraph",
    "",
  ]

  /// A small data set: GBR expels 23 Russians, RUS answers 23 and orders a staff cut of 50,
  /// FRA 4, DEU 4, NATO 7; USA closes a consulate (no count). Blocs EU (FRA, DEU) and NATO
  /// members (GBR, FRA, DEU, USA).
  static func small() -> DataSet {
    var actions = ActionTable()
    let march26 = Day(year: 2018, month: 3, day: 26)
    actions.append(
      Action(
        id: "gb", actor: "GBR", target: "RUS", kind: .expulsion, count: 23,
        date: Day(year: 2018, month: 3, day: 14), sources: ["aj"]))
    actions.append(
      Action(
        actor: "RUS", target: "GBR", kind: .retaliation, count: 23,
        date: Day(year: 2018, month: 3, day: 17), respondsTo: ["gb"], sources: ["aj", "bbc"]))
    actions.append(
      Action(actor: "RUS", target: "GBR", kind: .staffCut, count: 50, sources: ["aj"]))
    actions.append(
      Action(
        actor: "FRA", target: "RUS", kind: .expulsion, count: 4, date: march26, sources: ["aj"]))
    actions.append(
      Action(
        actor: "DEU", target: "RUS", kind: .expulsion, count: 4, date: march26, sources: ["bbc"]))
    actions.append(
      Action(actor: "NATO", target: "RUS", kind: .expulsion, count: 7, date: march26))
    actions.append(
      Action(actor: "USA", target: "RUS", kind: .consulateClosure, date: march26, sources: ["aj"]))
    return DataSet(
      title: "Small test episode",
      actors: [
        Actor(id: "GBR", name: "United Kingdom"), Actor(id: "RUS", name: "Russia"),
        Actor(id: "FRA", name: "France"), Actor(id: "DEU", name: "Germany"),
        Actor(id: "USA", name: "United States"),
        Actor(id: "NATO", name: "NATO", kind: .organisation),
        Actor(id: "JPN", name: "Japan"),
      ],
      blocs: [
        Bloc(id: "EU", name: "EU member states", members: ["FRA", "DEU"]),
        Bloc(id: "NATO_MEMBERS", name: "NATO members", members: ["GBR", "FRA", "DEU", "USA"]),
      ],
      sources: [
        Source(
          id: "aj", title: "Which countries are expelling Russian diplomats?",
          publisher: "Al Jazeera"),
        Source(id: "bbc", title: "Russia expels diplomats", publisher: "BBC"),
      ],
      actions: actions)
  }

  /// A data set whose every piece of text is `text`: an actor id and name, a bloc name, a
  /// source title and URL, a note, an action kind; plus a plain actor `RUS`.
  static func hostile(_ text: String, index: Int = 0) -> DataSet {
    var actions = ActionTable()
    let id = ActorID(text.isEmpty ? "empty-\(index)" : text)
    actions.append(
      Action(
        actor: id, target: "RUS", kind: ActionKind(text.isEmpty ? "kind" : text), count: 3,
        sources: [SourceID(text)], note: text))
    actions.append(Action(actor: "RUS", target: id, kind: .retaliation, count: 3, note: text))
    return DataSet(
      title: text,
      actors: [Actor(id: id, name: text, note: text), Actor(id: "RUS", name: "Russia")],
      blocs: [Bloc(id: BlocID(text), name: text, members: [id])],
      sources: [Source(id: SourceID(text), title: text, publisher: text, url: text)],
      actions: actions)
  }

  /// A random directed graph with `nodes` actors and `edgesPerNode` actions out of each, counts
  /// 1–60, a fixed seed (the shape the engine thresholds were measured on).
  static func random(nodes: Int, edgesPerNode: Int = 3, seed: UInt64 = 1) -> DataSet {
    var rng = SplitMix64(seed: seed)
    var actions = ActionTable()
    let ids = (0..<nodes).map { ActorID("A\($0)") }
    for i in 0..<nodes {
      for _ in 0..<edgesPerNode {
        var j = Int(rng.next() % UInt64(nodes))
        if j == i { j = (j + 1) % nodes }
        actions.append(
          Action(
            actor: ids[i], target: ids[j], kind: .expulsion, count: Int(rng.next() % 60) + 1))
      }
    }
    return DataSet(
      title: "Random \(nodes)", actors: ids.map { Actor(id: $0, name: $0.rawValue) },
      blocs: [
        Bloc(
          id: "EVEN", name: "Even",
          members: ids.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
      ],
      actions: actions)
  }

  /// An approximation of the March 2018 wave (from the Al Jazeera list: 27 states' expulsions
  /// of 1–60 Russian diplomats, NATO 7, the UK's 23 and Russia's answers in kind except to
  /// Belgium, Hungary, Georgia and Montenegro, plus the 50 UK staff cut). For looking at the
  /// picture; the real data set lives in Graphs/.
  static func approximate2018() -> DataSet {
    let eu: [(String, String, Int)] = [
      ("FRA", "France", 4), ("POL", "Poland", 4), ("DEU", "Germany", 4), ("LTU", "Lithuania", 3),
      ("CZE", "Czech Republic", 3), ("DNK", "Denmark", 2), ("ITA", "Italy", 2), ("ESP", "Spain", 2),
      ("NLD", "Netherlands", 2), ("EST", "Estonia", 1), ("LVA", "Latvia", 1), ("SWE", "Sweden", 1),
      ("BEL", "Belgium", 1), ("FIN", "Finland", 1), ("ROU", "Romania", 1), ("HRV", "Croatia", 1),
      ("HUN", "Hungary", 1), ("IRL", "Ireland", 1),
    ]
    let nonEU: [(String, String, Int)] = [
      ("UKR", "Ukraine", 13), ("MDA", "Moldova", 3), ("ALB", "Albania", 2), ("NOR", "Norway", 1),
      ("MKD", "Macedonia", 1), ("GEO", "Georgia", 1), ("MNE", "Montenegro", 1),
    ]
    let other: [(String, String, Int)] = [
      ("USA", "United States", 60), ("CAN", "Canada", 4), ("AUS", "Australia", 2),
    ]
    let unanswered: Set<String> = ["BEL", "HUN", "GEO", "MNE"]
    var actors = [Actor(id: "GBR", name: "United Kingdom"), Actor(id: "RUS", name: "Russia")]
    var actions = ActionTable()
    let sources: [SourceID] = ["aljazeera"]
    actions.append(
      Action(
        id: "gbr", actor: "GBR", target: "RUS", kind: .expulsion, count: 23,
        date: Day(year: 2018, month: 3, day: 14), sources: sources))
    actions.append(
      Action(
        actor: "RUS", target: "GBR", kind: .retaliation, count: 23,
        date: Day(year: 2018, month: 3, day: 17), respondsTo: ["gbr"], sources: sources))
    actions.append(
      Action(
        actor: "RUS", target: "GBR", kind: .staffCut, count: 50,
        date: Day(year: 2018, month: 3, day: 30), sources: sources))
    for (code, name, count) in eu + nonEU + other {
      actors.append(Actor(id: ActorID(code), name: name))
      actions.append(
        Action(
          id: ActionID(code.lowercased()), actor: ActorID(code), target: "RUS", kind: .expulsion,
          count: count, date: Day(year: 2018, month: 3, day: 26), sources: sources))
      if !unanswered.contains(code) {
        actions.append(
          Action(
            actor: "RUS", target: ActorID(code), kind: .retaliation, count: count,
            date: Day(year: 2018, month: 3, day: 30), respondsTo: [ActionID(code.lowercased())],
            sources: sources))
      }
    }
    actors.append(Actor(id: "NATO", name: "NATO", kind: .organisation))
    actions.append(
      Action(
        actor: "NATO", target: "RUS", kind: .expulsion, count: 7,
        date: Day(year: 2018, month: 3, day: 27), sources: sources))
    actions.append(
      Action(
        actor: "BGR", target: "RUS", kind: .ambassadorRecall,
        date: Day(year: 2018, month: 3, day: 26),
        sources: sources))
    actors.append(Actor(id: "BGR", name: "Bulgaria"))
    return DataSet(
      title: "Expulsions after the Salisbury poisoning, March 2018 (approximate)",
      actors: actors,
      blocs: [
        Bloc(id: "EU", name: "EU member states", members: eu.map { ActorID($0.0) } + ["BGR"]),
        Bloc(
          id: "NON_EU_EUROPE", name: "Non-EU European states", members: nonEU.map { ActorID($0.0) }),
        Bloc(id: "OTHER", name: "Other countries", members: other.map { ActorID($0.0) }),
      ],
      sources: [
        Source(
          id: "aljazeera", title: "Which countries are expelling Russian diplomats?",
          publisher: "Al Jazeera")
      ],
      actions: actions)
  }
}

/// A small, fast, seeded generator (Steele, Lea & Flood 2014).
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
