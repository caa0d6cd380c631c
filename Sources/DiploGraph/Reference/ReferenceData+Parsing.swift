/// Building ``ReferenceData`` from its tables: the embedded text that
/// `generate_reference.py` writes into ReferenceTables.swift.

extension ReferenceData {
  /// The tables as tab-separated text, header line first; internal so that tests can build
  /// small editions of their own.
  struct Tables {
    var edition: String
    var iso3166: String
    var actors: String
    var aliases: String
    var blocs: String
    var memberships: String

    static let embedded = Tables(
      edition: ReferenceTables.edition, iso3166: ReferenceTables.iso3166,
      actors: ReferenceTables.actors, aliases: ReferenceTables.aliases,
      blocs: ReferenceTables.blocs, memberships: ReferenceTables.memberships)
  }

  /// Parses the tables. The embedded tables are ours and checked by tests, so a malformed
  /// line is a programming error (a trap), not an input error.
  ///
  /// - Complexity: O(total size of the tables).
  init(tables: Tables) {
    guard let edition = Day(iso: tables.edition) else {
      preconditionFailure("reference edition \(tables.edition) is not a day")
    }
    self.edition = edition
    var actors: [ReferenceActor] = []
    for f in Self.rows(tables.iso3166, header: "alpha_3 alpha_2 numeric name official_name") {
      actors.append(
        ReferenceActor(
          id: ActorID(f[0]), name: f[5].isEmpty ? f[3] : f[5], kind: .state, alpha2: f[1],
          numeric: f[2], officialName: f[4].isEmpty ? nil : f[4],
          aliases: [f[3], f[4], f[5]].filter { !$0.isEmpty }, note: nil))
    }
    for f in Self.rows(tables.actors, header: "id kind name alpha_2 note") {
      guard let kind = ActorKind(rawValue: f[1]) else {
        preconditionFailure("reference actor \(f[0]): unknown kind \(f[1])")
      }
      actors.append(
        ReferenceActor(
          id: ActorID(f[0]), name: f[2], kind: kind, alpha2: f[3].isEmpty ? nil : f[3],
          numeric: nil, officialName: nil, aliases: [f[2]], note: f[4].isEmpty ? nil : f[4]))
    }
    actors.sort { $0.id < $1.id }
    var actorIndex: [ActorID: Int] = [:]
    for (i, actor) in actors.enumerated() {
      precondition(actorIndex.updateValue(i, forKey: actor.id) == nil, "duplicate \(actor.id)")
    }

    var spellings = SpellingTable()
    for actor in actors {
      spellings.add(actor.id.rawValue, actor.id, .id)
      if let alpha2 = actor.alpha2 { spellings.add(alpha2, actor.id, .alpha2) }
      if let numeric = actor.numeric { spellings.add(numeric, actor.id, .numeric) }
      for name in actor.aliases { spellings.add(name, actor.id, .name) }
    }
    for f in Self.rows(tables.aliases, header: "spelling id via") {
      let id = ActorID(f[1])
      guard let i = actorIndex[id] else { preconditionFailure("alias \(f[0]): no actor \(id)") }
      let via: ActorMatch.Via
      switch f[2] {
      case "display":
        actors[i].name = f[0]
        via = .name
      case "alias": via = .alias
      case "cameo": via = .cameo
      case "former": via = .formerCode
      default: preconditionFailure("alias \(f[0]): unknown via \(f[2])")
      }
      if !actors[i].aliases.contains(f[0]) { actors[i].aliases.append(f[0]) }
      spellings.add(f[0], id, via)
    }
    self.actors = actors
    self.actorIndex = actorIndex
    exactSpellings = spellings.exact
    foldedSpellings = spellings.folded
    ambiguousSpellings = spellings.ambiguous.mapValues { $0.sorted() }

    var blocs: [ReferenceBloc] = []
    var blocIndex: [BlocID: Int] = [:]
    for f in Self.rows(tables.blocs, header: "id name actor source") {
      let id = BlocID(f[0])
      precondition(blocIndex.updateValue(blocs.count, forKey: id) == nil, "duplicate bloc \(id)")
      blocs.append(
        ReferenceBloc(
          id: id, name: f[1], actor: f[2].isEmpty ? nil : ActorID(f[2]), source: f[3]))
    }
    self.blocs = blocs
    self.blocIndex = blocIndex

    var memberships: [Membership] = []
    var periods: [BlocID: [ActorID: [Membership]]] = [:]
    for f in Self.rows(tables.memberships, header: "bloc member from until note") {
      guard let from = Day(iso: f[2]), f[3].isEmpty || Day(iso: f[3]) != nil,
        blocIndex[BlocID(f[0])] != nil, actorIndex[ActorID(f[1])] != nil
      else { preconditionFailure("malformed membership \(f)") }
      let period = Membership(
        bloc: BlocID(f[0]), member: ActorID(f[1]), from: from, until: Day(iso: f[3]),
        note: f[4].isEmpty ? nil : f[4])
      memberships.append(period)
      periods[period.bloc, default: [:]][period.member, default: []].append(period)
    }
    for bloc in periods.keys {
      for member in periods[bloc]!.keys { periods[bloc]![member]!.sort { $0.from < $1.from } }
    }
    self.memberships = memberships
    self.periods = periods
  }

  /// The rows of a table after its header, each split at tabs into the header's number of
  /// fields. `header` names the header's first fields (a prefix, separated by spaces).
  private static func rows(_ table: String, header: String) -> [[String]] {
    var lines = table.split(separator: "\n", omittingEmptySubsequences: true)
    guard !lines.isEmpty else { preconditionFailure("empty reference table") }
    let names = lines.removeFirst().split(separator: "\t", omittingEmptySubsequences: false)
    let expected = header.split(separator: " ")
    precondition(
      names.count >= expected.count && zip(names, expected).allSatisfy { $0 == $1 },
      "reference table header \(names), expected \(expected)")
    return lines.map { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      precondition(fields.count == names.count, "malformed reference line \(line)")
      return fields
    }
  }
}

/// The two spelling maps under construction: the first claim of a spelling wins for its actor
/// (the id before the alpha-2 code before names before aliases); a spelling claimed by two
/// actors is removed and recorded as ambiguous.
private struct SpellingTable {
  var exact: [String: ActorMatch] = [:]
  var folded: [String: ActorMatch] = [:]
  var ambiguous: [String: Set<ActorID>] = [:]
  private var ambiguousExact: Set<String> = []

  mutating func add(_ spelling: String, _ id: ActorID, _ via: ActorMatch.Via) {
    if !ambiguousExact.contains(spelling) {
      if let previous = exact[spelling] {
        if previous.id != id {
          exact[spelling] = nil
          ambiguousExact.insert(spelling)
        }
      } else {
        exact[spelling] = ActorMatch(id: id, via: via, exact: true)
      }
    }
    let key = ActorSpelling.key(spelling)
    guard !key.isEmpty else { return }
    if ambiguous[key] != nil {
      ambiguous[key]!.insert(id)
    } else if let previous = folded[key] {
      if previous.id != id {
        folded[key] = nil
        ambiguous[key] = [previous.id, id]
      }
    } else {
      folded[key] = ActorMatch(id: id, via: via, exact: false)
    }
  }
}
