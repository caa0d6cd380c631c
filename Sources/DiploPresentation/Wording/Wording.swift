import DiploGraph

/// How the package puts things into words, for one ``Audience``: actor, bloc and source names
/// (ids for analysts, display names for readers), dates as people write them, lists, kinds of
/// action, selections and figures. Plain text; the writers escape it.
struct Wording: Sendable {
  let audience: Audience
  private let actorNames: [ActorID: String]
  private let actorKinds: [ActorID: ActorKind]
  private let blocNames: [BlocID: String]
  private let sourceNames: [SourceID: String]
  /// The dates known to the month or year only, by row of the action table (readers only).
  private var partialDates: [Int32: PartialDate] = [:]

  /// The wording of `stats` and `sources`: every name is its id.
  static let analysts = Wording(
    audience: .analysts, actorNames: [:], actorKinds: [:], blocNames: [:], sourceNames: [:])

  private init(
    audience: Audience, actorNames: [ActorID: String], actorKinds: [ActorID: ActorKind],
    blocNames: [BlocID: String], sourceNames: [SourceID: String]
  ) {
    self.audience = audience
    self.actorNames = actorNames
    self.actorKinds = actorKinds
    self.blocNames = blocNames
    self.sourceNames = sourceNames
  }

  /// The wording of the reports on `dataSet`: its names.
  init(readersOf dataSet: DataSet) {
    var names: [ActorID: String] = [:]
    var kinds: [ActorID: ActorKind] = [:]
    for actor in dataSet.actors where names[actor.id] == nil {
      names[actor.id] = actor.name.isEmpty ? actor.id.rawValue : actor.name
      kinds[actor.id] = actor.kind
    }
    var blocs: [BlocID: String] = [:]
    for bloc in dataSet.blocs where blocs[bloc.id] == nil {
      blocs[bloc.id] = bloc.name.isEmpty ? bloc.id.rawValue : bloc.name
    }
    var sources: [SourceID: String] = [:]
    for source in dataSet.sources where sources[source.id] == nil {
      let publisher = source.publisher ?? ""
      sources[source.id] =
        !publisher.isEmpty ? publisher : (source.title.isEmpty ? source.id.rawValue : source.title)
    }
    self.init(
      audience: .readers, actorNames: names, actorKinds: kinds, blocNames: blocs,
      sourceNames: sources)
    let partial = dataSet.actions.partialDates
    partialDates = Dictionary(
      zip(partial.rows, partial.values), uniquingKeysWith: { first, _ in first })
  }

  /// The date of an action as readers see it beside the action: its day (`14 Mar 2018`), or
  /// its month or year as written (`2018-03`, `2018`) when it is known to no day; `nil` when
  /// undated.
  func shortDate(of action: ActionReference) -> String? {
    if let day = action.date { return Self.shortDate(day) }
    return partialDates[Int32(action.row)]?.description
  }

  // MARK: Names

  /// The actor's display name, or its id (always, for analysts).
  func name(_ id: ActorID) -> String { actorNames[id] ?? id.rawValue }

  func kind(of id: ActorID) -> ActorKind { actorKinds[id] ?? .state }

  func name(_ id: BlocID) -> String { blocNames[id] ?? id.rawValue }

  /// A source's short name: its publisher, else its title, else its id.
  func name(_ id: SourceID) -> String { sourceNames[id] ?? id.rawValue }

  /// Names sorted as people look them up (by name, then id).
  func sortedNames(_ ids: [ActorID]) -> [String] {
    ids.map { (name($0), $0.rawValue) }.sorted { $0 < $1 }.map(\.0)
  }

  // MARK: Cells

  /// A cell of text: analysts read `—` where it is empty, readers read it as it is.
  func text(_ s: String) -> Table.Cell { Table.Cell(audience.pick(.text(s), .verbatim(s))) }

  /// s_out − s_in: "-50" for analysts, "+50", "−50" or "0" for readers.
  func balance(_ n: Int64) -> Table.Cell {
    guard audience == .readers else { return .int(n) }
    let signed =
      n > 0 ? "+" + NumberText.grouped(n) : (n < 0 ? "−" + NumberText.grouped(n.magnitude) : "0")
    return Table.Cell(.figure(signed))
  }

  /// Whether something holds: "yes" or "no", with a mark for readers; `—` when undefined.
  func verdict(_ holds: Bool?) -> Table.Cell {
    guard audience == .readers, let holds else { return .flag(holds) }
    return Table.Cell(.verbatim(holds ? "yes" : "no"), mark: holds ? .yes : .no)
  }

  /// A lag in days: grouped for analysts, in plain digits for readers.
  func lag(_ days: Int?) -> Table.Cell {
    guard audience == .readers, let days else { return .optional(days) }
    return Table.Cell(.figure(String(days)))
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

  /// Ids for a headline: at most ten, comma-separated, then "and N more".
  static func abbreviated(_ items: [String]) -> String {
    if items.count <= 10 { return items.joined(separator: ", ") }
    return items.prefix(10).joined(separator: ", ")
      + " and \(NumberText.grouped(items.count - 10)) more"
  }

  /// "one", "two" … "nine" in prose, digits from 10.
  static func spelled(_ n: Int) -> String {
    let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    return (0..<words.count).contains(n) ? words[n] : NumberText.grouped(n)
  }

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
    return span(first, last, "–", " – ")
  }

  /// "14 and 30 March 2018", "28 February and 3 March 2018", "30 December 2017 and 2 January
  /// 2018": the two ends of a period after "between".
  static func between(_ first: Day, _ last: Day) -> String { span(first, last, " and ", " and ") }

  /// Two days joined by `tight` within a month and by `loose` across months, the month and
  /// year written once where they are shared.
  private static func span(_ first: Day, _ last: Day, _ tight: String, _ loose: String) -> String {
    let a = first.parts
    let b = last.parts
    if a.year == b.year && a.month == b.month {
      return "\(a.day)\(tight)\(b.day) \(months[b.month - 1]) \(b.year)"
    }
    if a.year == b.year {
      return "\(a.day) \(months[a.month - 1])\(loose)\(b.day) \(months[b.month - 1]) \(b.year)"
    }
    return date(first) + loose + date(last)
  }

  // MARK: Kinds and outcomes

  /// "expulsion", "ambassador recall"; unknown kinds with their underscores made spaces.
  static func kind(_ kind: ActionKind) -> String { kind.rawValue.replacingUnderscores() }

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

  /// "in kind", "more", "less", "unanswered", "pending", "undated", "declined", "not
  /// comparable": an exchange's outcome in a table.
  static func outcome(_ outcome: Exchange.Outcome) -> String {
    switch outcome {
    case .inKind: return "in kind"
    case .more: return "more"
    case .less: return "less"
    case .unanswered: return "unanswered"
    case .pending: return "pending"
    case .undated: return "undated"
    case .declined: return "declined"
    case .notComparable: return "not comparable"
    }
  }

  /// "states", "organisations", "regions".
  static func actorKindPlural(_ kind: ActorKind) -> String { kind.rawValue + "s" }

  /// "in kind", "escalated", "de-escalated", "not comparable", "declined", "open": how a
  /// chain of answers ended.
  static func ending(_ ending: ResponseChain.Ending) -> String {
    switch ending {
    case .inKind: return "in kind"
    case .escalated: return "escalated"
    case .deescalated: return "de-escalated"
    case .notComparable: return "not comparable"
    case .declined: return "declined"
    case .open: return "open"
    }
  }

  /// "expulsion of 23", "expulsions of 48 + 12", "consulate closure".
  static func actions(_ actions: [ActionReference]) -> String {
    guard let first = actions.first else { return "" }
    let kinds = Set(actions.map(\.kind))
    var s = kind(first.kind)
    if kinds.count > 1 {
      s = list(actions.map { kind($0.kind) })
    } else if actions.count > 1 {
      s += "s"
    }
    let counts = actions.compactMap(\.count)
    if counts.count == actions.count {
      s += " of " + counts.map { NumberText.grouped($0) }.joined(separator: " + ")
    }
    return s
  }

  // MARK: Selections

  /// A selection in words. Analysts read its filters ("kinds expulsion, retaliation; from
  /// 2018-03-01; blocs EU (actor)"), readers a phrase ("expulsions, 26–27 March 2018, by EU
  /// member states", blocs and actors by their names); both "all actions" for the whole.
  func describe(_ selection: Selection) -> String {
    audience == .analysts ? filters(selection) : phrase(selection)
  }

  private func filters(_ selection: Selection) -> String {
    var parts: [String] = []
    if let kinds = selection.kinds {
      parts.append("kinds " + kinds.sorted().map(\.rawValue).joined(separator: ", "))
    }
    if let since = selection.since { parts.append("from \(since)") }
    if let until = selection.until { parts.append("until \(until)") }
    let side = selection.side == .either ? "" : " (\(selection.side.rawValue))"
    if let blocs = selection.blocs {
      parts.append("blocs " + blocs.sorted().map(\.rawValue).joined(separator: ", ") + side)
    }
    if let actors = selection.actors {
      parts.append("actors " + actors.sorted().map(\.rawValue).joined(separator: ", ") + side)
    }
    return parts.isEmpty ? "all actions" : parts.joined(separator: "; ")
  }

  private func phrase(_ selection: Selection) -> String {
    if selection.isAll { return "all actions" }
    var parts: [String] = []
    if let kinds = selection.kinds {
      parts.append(
        Self.list(kinds.sorted().map { Self.kindPlural($0, capitalised: false) }))
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
    if let blocs = selection.blocs { who += blocs.sorted().map { name($0) } }
    if let actors = selection.actors { who += sortedNames(actors.sorted()) }
    if !who.isEmpty {
      let preposition: String
      switch selection.side {
      case .actor: preposition = "by"
      case .target: preposition = "against"
      case .either: preposition = "involving"
      case .both: preposition = "between"
      }
      parts.append(preposition + " " + Self.list(who, limit: 8))
    }
    return parts.joined(separator: ", ")
  }
}

extension Qualifier {
  /// "about 24", "at least 25", "23": the figure as the source states it.
  func phrase(_ figure: Int) -> String {
    let n = NumberText.grouped(figure)
    switch self {
    case .exact: return n
    case .approximately: return "about " + n
    case .atLeast: return "at least " + n
    case .moreThan: return "more than " + n
    case .atMost: return "at most " + n
    case .fewerThan: return "fewer than " + n
    }
  }
}

extension String {
  /// `ambassador_recall` → `ambassador recall` (every underscore scalar, even one a combining
  /// mark follows).
  func replacingUnderscores() -> String {
    String(unicodeScalars.map { $0 == "_" ? " " : Character($0) })
  }

  /// The string with its first character upper-cased.
  var capitalisedFirst: String {
    guard let first else { return self }
    return first.uppercased() + dropFirst()
  }
}
