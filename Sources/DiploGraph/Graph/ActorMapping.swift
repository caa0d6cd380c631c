/// The mapping pass: actor names and codes as a data set writes them ("Russia", "rus",
/// "Russian Federation", "ROM") become the reference's ids (`RUS`, `ROU`), once, after reading.

/// What ``DataSet/mapActorSpellings(using:)`` did to a data set's actor ids.
///
/// The rules (docs/reference-data.md):
/// - An id the data set declares (its actors file, its `actors` array) is the data set's own
///   and is kept as written: a data set's ids win over the reference.
/// - A declared id that is itself a spelling the reference knows (an actors file that declares
///   `Russia`) claims that reference actor: the undeclared spellings of the same actor (`RUS`,
///   `rus`) are mapped to the declared id, not to the reference's, so that the data set's
///   actor stays one actor. When two declared ids claim the same reference actor, the first
///   declared claims it.
/// - Every other id (an action's actor or target, a bloc member, a figure's actor) is looked
///   up with ``ReferenceData/resolve(_:)``; a recognised one is renamed, an unrecognised one
///   is kept as written and listed in ``unrecognised``. An id holding a control character
///   (`Fra\u{1}nce`) is never renamed: validation refuses it.
/// - A data set that declares no actor (a CSV without an actors file) then declares every actor
///   its actions name (``DataSet/declareActionActors(using:)``): the reference's name and kind
///   for the ids the reference knows, the id as written for the others; ``declared`` counts
///   them.
public struct ActorMapping: Hashable, Sendable {
  /// One spelling renamed.
  public struct Entry: Hashable, Sendable, Codable {
    /// The id as the data set wrote it.
    public var spelling: String
    /// The id it now has.
    public var id: ActorID
    /// Which of the reference actor's spellings it matched.
    public var via: ActorMatch.Via
    /// Whether it matched as written (`true`) or only after folding case, spacing,
    /// punctuation and accents (``ActorSpelling/key(_:)``).
    public var exact: Bool

    /// How it was recognised, in words: `name, exact`, `id, folded`, `CAMEO code, exact`.
    public var how: String {
      let kind: String
      switch via {
      case .id: kind = "id"
      case .alpha2: kind = "ISO alpha-2"
      case .numeric: kind = "ISO numeric"
      case .name: kind = "name"
      case .alias: kind = "alias"
      case .cameo: kind = "CAMEO code"
      case .formerCode: kind = "former ISO code"
      }
      return kind + (exact ? ", exact" : ", folded")
    }
  }

  /// The spellings renamed, sorted by spelling.
  public var mapped: [Entry] = []
  /// Undeclared ids that are already reference ids (`RUS`), kept as written, sorted.
  public var alreadyReference: [ActorID] = []
  /// Undeclared ids the reference does not know, kept as written, sorted.
  public var unrecognised: [ActorID] = []
  /// Declared ids that are another spelling of a reference actor, each with the reference id
  /// it claims (`Russia` → `RUS`).
  public var declaredClaims: [ActorID: ActorID] = [:]
  /// The number of distinct actor ids the actions named before the pass.
  public var idsBefore = 0
  /// The number of distinct actor ids the actions name after the pass.
  public var idsAfter = 0
  /// The actors declared for a data set that declared none
  /// (``DataSet/declareActionActors(using:)``).
  public var declared = ImpliedActors()

  /// The new id of each renamed spelling.
  public var renames: [String: ActorID] {
    Dictionary(mapped.map { ($0.spelling, $0.id) }, uniquingKeysWith: { first, _ in first })
  }
}

extension DataSet {
  /// Renames the actor ids of the data set that the reference knows under another spelling to
  /// the reference's id (see ``ActorMapping`` for the rules), and says what it did.
  ///
  /// Actions keep their rows and every other field: only the table of distinct actor ids is
  /// rewritten, and the actor and target columns only when two spellings became one id. Bloc
  /// members and the actors of figures' scopes are renamed the same way (a bloc lists a
  /// member once).
  ///
  /// - Complexity: O(d·k + n) for d distinct ids of length at most k and n actions; O(d·k)
  ///   when no two spellings merge.
  @discardableResult
  public mutating func mapActorSpellings(using reference: ReferenceData = .standard)
    -> ActorMapping
  {
    var report = ActorMapping()
    let declared = Set(actors.map(\.id.rawValue))
    var claimedBy: [ActorID: ActorID] = [:]
    for actor in actors {
      guard let match = reference.resolve(actor.id.rawValue) else { continue }
      if claimedBy[match.id] == nil { claimedBy[match.id] = actor.id }
      if match.id != actor.id { report.declaredClaims[actor.id] = match.id }
    }

    var decided: [String: ActorID?] = [:]
    func decide(_ spelling: String) -> ActorID? {
      if let known = decided[spelling] { return known }
      var result: ActorID? = nil
      if !declared.contains(spelling) {
        // An id with a control character is left for validation to refuse, not repaired.
        let clean = Validation.controlCharacter(in: spelling) == nil
        if clean, let match = reference.resolve(spelling) {
          let id = claimedBy[match.id] ?? match.id
          if id.rawValue != spelling {
            result = id
            report.mapped.append(
              ActorMapping.Entry(spelling: spelling, id: id, via: match.via, exact: match.exact))
          } else {
            report.alreadyReference.append(id)
          }
        } else {
          report.unrecognised.append(ActorID(spelling))
        }
      }
      decided[spelling] = .some(result)
      return result
    }

    let symbols = actions.endpointSymbols.strings
    report.idsBefore = symbols.count
    var renamed = SymbolTable()
    var remap = [Int32](repeating: 0, count: symbols.count)
    var merges = false
    for (old, spelling) in symbols.enumerated() {
      let new = renamed.intern(decide(spelling)?.rawValue ?? spelling)
      remap[old] = new
      if new != Int32(old) { merges = true }
    }
    report.idsAfter = renamed.count
    if merges {
      actions.actorColumn = actions.actorColumn.map { remap[Int($0)] }
      actions.targetColumn = actions.targetColumn.map { remap[Int($0)] }
    }
    actions.endpointSymbols = renamed

    for b in blocs.indices {
      var seen = Set<ActorID>()
      blocs[b].members = blocs[b].members.compactMap { member in
        let id = decide(member.rawValue) ?? member
        return seen.insert(id).inserted ? id : nil
      }
    }
    for f in figures.indices {
      guard let scoped = figures[f].scope.actors else { continue }
      figures[f].scope.actors = Set(scoped.map { decide($0.rawValue) ?? $0 })
    }
    report.mapped.sort { $0.spelling < $1.spelling }
    report.alreadyReference.sort()
    report.unrecognised.sort()
    report.declared = declareActionActors(using: reference)
    return report
  }
}

/// What ``DataSet/declareActionActors(using:)`` declared.
public struct ImpliedActors: Hashable, Sendable {
  /// Actors declared with the reference's name and kind.
  public var fromReference = 0
  /// Actors the reference does not know, declared as written (the id is the name; a state).
  public var asWritten = 0

  /// Nothing declared.
  public init() {}
}

extension DataSet {
  /// Declares every actor the actions name, when the data set declares none: the reference's
  /// actor (name, kind, note) for an id the reference has, else the id as written (its own
  /// name, kind `state`, no note: `validate` lists the ids not recognised), in the order of
  /// their first appearance (the network's node order). So a list of actions written with
  /// country names reads NATO as an organisation and `GBR` as "United Kingdom" in every
  /// output, as the diagram does.
  ///
  /// Nothing is declared when the data set declares an actor (its declarations are the whole
  /// list: an action naming another actor is an error of validation), or when an id of the
  /// actions holds a control character or two differ only in case, spacing or punctuation:
  /// validation speaks of those at the rows that name them.
  ///
  /// - Complexity: O(d·k) for d distinct ids of length at most k.
  @discardableResult
  public mutating func declareActionActors(using reference: ReferenceData = .standard)
    -> ImpliedActors
  {
    var result = ImpliedActors()
    let ids = actions.endpointSymbols.strings
    guard actors.isEmpty, !ids.isEmpty,
      !ids.contains(where: { Validation.controlCharacter(in: $0) != nil }),
      ActorSpelling.confusableGroups(ids.map { ActorID($0) }).isEmpty
    else { return result }
    actors = ids.map { id in
      if let known = reference.actor(ActorID(id)) {
        result.fromReference += 1
        return known.actor
      }
      result.asWritten += 1
      return Actor(id: ActorID(id), name: id)
    }
    return result
  }
}
