import DiploGraph

/// How the reports put things into words: actor and bloc names, dates as people write them,
/// lists, kinds of action, selections and figures. Plain text; the HTML and Markdown writers
/// escape it.
struct ReportWording {
  let dataSet: DataSet
  private let actorNames: [ActorID: String]
  private let actorKinds: [ActorID: ActorKind]
  private let blocNames: [BlocID: String]
  private let sourceNames: [SourceID: String]

  init(_ dataSet: DataSet) {
    self.dataSet = dataSet
    var names: [ActorID: String] = [:]
    var kinds: [ActorID: ActorKind] = [:]
    for actor in dataSet.actors where names[actor.id] == nil {
      names[actor.id] = actor.name.isEmpty ? actor.id.rawValue : actor.name
      kinds[actor.id] = actor.kind
    }
    actorNames = names
    actorKinds = kinds
    var blocs: [BlocID: String] = [:]
    for bloc in dataSet.blocs where blocs[bloc.id] == nil {
      blocs[bloc.id] = bloc.name.isEmpty ? bloc.id.rawValue : bloc.name
    }
    blocNames = blocs
    var sources: [SourceID: String] = [:]
    for source in dataSet.sources where sources[source.id] == nil {
      let publisher = source.publisher ?? ""
      sources[source.id] =
        !publisher.isEmpty ? publisher : (source.title.isEmpty ? source.id.rawValue : source.title)
    }
    sourceNames = sources
  }

  // MARK: Names

  /// The actor's display name, or its id when the data set does not declare it.
  func name(_ id: ActorID) -> String { actorNames[id] ?? id.rawValue }

  func kind(of id: ActorID) -> ActorKind { actorKinds[id] ?? .state }

  func name(_ id: BlocID) -> String { blocNames[id] ?? id.rawValue }

  /// A source's short name: its publisher, else its title, else its id.
  func name(_ id: SourceID) -> String { sourceNames[id] ?? id.rawValue }

  /// Names sorted as people look them up (by name, then id).
  func sortedNames(_ ids: [ActorID]) -> [String] {
    ids.map { (name($0), $0.rawValue) }.sorted { $0 < $1 }.map(\.0)
  }

  // MARK: Lists and numbers

  /// "Belgium", "Belgium and Hungary", "Belgium, Georgia and Hungary"; at most `limit` items,
  /// then "and N others".
  static func list(_ items: [String], limit: Int = 12) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default:
      if items.count > limit {
        return items.prefix(limit).joined(separator: ", ") + " and "
          + NumberText.grouped(items.count - limit) + " others"
      }
      return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
  }

  /// "1 action", "2 actions", "1,204 actions".
  static func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    NumberText.counted(n, singular, plural)
  }

  /// "one", "two" … "nine" in prose, digits from 10.
  static func spelled(_ n: Int) -> String {
    let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    return (0..<words.count).contains(n) ? words[n] : NumberText.grouped(n)
  }

  static func percent(_ x: Double?) -> String { x.map(NumberText.percent) ?? "—" }

  static func ratio(_ x: Double?) -> String { x.map { NumberText.fixed($0, decimals: 3) } ?? "—" }

  // MARK: Dates

  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// "14 March 2018".
  static func date(_ day: Day) -> String {
    let p = day.parts
    return "\(p.day) \(months[p.month - 1]) \(p.year)"
  }

  /// "14 Mar 2018", for tables.
  static func shortDate(_ day: Day) -> String {
    let p = day.parts
    return "\(p.day) \(months[p.month - 1].prefix(3)) \(p.year)"
  }

  /// "14–30 March 2018", "28 February – 3 March 2018", "30 December 2017 – 2 January 2018".
  static func range(_ first: Day, _ last: Day) -> String {
    if first == last { return date(first) }
    let a = first.parts
    let b = last.parts
    if a.year == b.year && a.month == b.month {
      return "\(a.day)–\(b.day) \(months[b.month - 1]) \(b.year)"
    }
    if a.year == b.year {
      return "\(a.day) \(months[a.month - 1]) – \(b.day) \(months[b.month - 1]) \(b.year)"
    }
    return date(first) + " – " + date(last)
  }

  /// "14 and 30 March 2018", "28 February and 3 March 2018", "30 December 2017 and 2 January
  /// 2018": the two ends of a period after "between".
  static func between(_ first: Day, _ last: Day) -> String {
    let a = first.parts
    let b = last.parts
    if a.year == b.year && a.month == b.month {
      return "\(a.day) and \(b.day) \(months[b.month - 1]) \(b.year)"
    }
    if a.year == b.year {
      return "\(a.day) \(months[a.month - 1]) and \(b.day) \(months[b.month - 1]) \(b.year)"
    }
    return date(first) + " and " + date(last)
  }

  // MARK: Kinds

  /// "expulsion", "ambassador recall"; unknown kinds with their underscores made spaces.
  static func kind(_ kind: ActionKind) -> String { kind.rawValue.replacingUnderscores }

  /// "Expulsions", "Ambassador recalls", "Actions of kind ‘démarche’".
  static func kindPlural(_ kind: ActionKind, capitalised: Bool = true) -> String {
    let words: String
    if kind.isKnown {
      words = self.kind(kind) + "s"
    } else {
      words = "actions of kind ‘\(self.kind(kind))’"
    }
    guard capitalised, let first = words.first else { return words }
    return first.uppercased() + words.dropFirst()
  }

  // MARK: Selections and figures

  /// A selection in words: "all actions", "expulsions, 26–27 March 2018, by EU member
  /// states" (blocs by their names, actors by theirs).
  func describe(_ selection: Selection) -> String {
    if selection.isAll { return "all actions" }
    var parts: [String] = []
    if let kinds = selection.kinds {
      parts.append(
        ReportWording.list(kinds.sorted().map { ReportWording.kindPlural($0, capitalised: false) }))
    } else {
      parts.append("all kinds of action")
    }
    switch (selection.since, selection.until) {
    case (let a?, let b?): parts.append(a == b ? "on " + Self.date(a) : Self.range(a, b))
    case (let a?, nil): parts.append("from " + Self.date(a))
    case (nil, let b?): parts.append("until " + Self.date(b))
    case (nil, nil): break
    }
    var who: [String] = []
    if let blocs = selection.blocs {
      who += blocs.sorted().map { name($0) }
    }
    if let actors = selection.actors { who += sortedNames(actors.sorted()) }
    if !who.isEmpty {
      let preposition: String
      switch selection.side {
      case .actor: preposition = "by"
      case .target: preposition = "against"
      case .either: preposition = "involving"
      case .both: preposition = "between"
      }
      parts.append(preposition + " " + ReportWording.list(who, limit: 8))
    }
    return parts.joined(separator: ", ")
  }

  /// "123 diplomats", "18 actors", "at least 25 actors".
  static func figure(_ value: Int, qualifier: Qualifier, measure: Measure) -> String {
    let unit: String
    switch measure {
    case .diplomats: unit = value == 1 && qualifier == .exact ? "diplomat" : "diplomats"
    case .actors: unit = value == 1 && qualifier == .exact ? "actor" : "actors"
    case .actions: unit = value == 1 && qualifier == .exact ? "action" : "actions"
    }
    return qualifier.phrase(value) + " " + unit
  }
}
