/// Reference data for actors and blocs, shipped with the package: ISO 3166-1 names and codes,
/// the other spellings news and event data use, organisations, CAMEO's regions, and bloc
/// membership with dates. The files, their sources and licences are in
/// `Sources/DiploGraph/Reference/Data/` (NOTICE.md); `docs/reference-data.md` explains them.

/// Everything the package knows about actors and blocs before it reads a data set.
///
/// ``standard`` is the shipped edition, parsed once at first use (about 800 rows; some 30 ms
/// in a debug build). Ids are ISO 3166-1 alpha-3 for states (`XKX` for Kosovo, a
/// user-assigned code), short codes for organisations (`NATO`, `EU`, `AFU` for the African
/// Union, since `AU` is Australia's alpha-2 code) and CAMEO's codes for regions (`EUR`, `MEA`).
///
/// - Names as written become ids with ``resolve(_:)``.
/// - Membership applies at a date: ``isMember(_:of:on:)``, ``members(of:on:)``.
/// - A data set's own actors and blocs take precedence over these; the reference fills in only
///   what the data set does not declare.
public struct ReferenceData: Sendable {
  /// The shipped reference data.
  public static let standard = ReferenceData(tables: .embedded)

  /// Builds ``standard`` on a thread of its own, for a caller that will need it and has other
  /// work first (the command line, while it parses its arguments: the tables take about 3 ms
  /// to build).
  package static func prepareInBackground() {
    startDetached { _ = standard }
  }

  /// The day the dated memberships were last checked against their sources. Membership after
  /// this day is what was true on it (a later accession or exit is not known).
  public let edition: Day
  /// Every actor, sorted by id.
  public let actors: [ReferenceActor]
  /// Every bloc with dated membership, in the order of the data file.
  public let blocs: [ReferenceBloc]
  /// Every membership period, in the order of the data file.
  public let memberships: [Membership]
  /// Folded spellings (``ActorSpelling/key(_:)``) that different actors claim, with those
  /// actors: such a spelling resolves to none of them. Empty for ``standard`` (a test checks).
  public let ambiguousSpellings: [String: [ActorID]]

  let actorIndex: [ActorID: Int]
  let blocIndex: [BlocID: Int]
  /// Spellings as the reference writes them (compared with Swift's `String` equality, which
  /// is canonical equivalence: NFC and NFD spellings are equal).
  let exactSpellings: [String: ActorMatch]
  /// ``ActorSpelling/key(_:)`` of every spelling.
  let foldedSpellings: [String: ActorMatch]
  /// Bloc → member → that member's periods, sorted by start.
  let periods: [BlocID: [ActorID: [Membership]]]

  /// The actor with this id.
  ///
  /// - Complexity: O(1).
  public func actor(_ id: ActorID) -> ReferenceActor? {
    actorIndex[id].map { actors[$0] }
  }

  /// The bloc with this id.
  ///
  /// - Complexity: O(1).
  public func bloc(_ id: BlocID) -> ReferenceBloc? {
    blocIndex[id].map { blocs[$0] }
  }
}

/// An actor of the reference data.
public struct ReferenceActor: Hashable, Sendable {
  public var id: ActorID
  /// The display name: ISO 3166-1's common name where it gives one (`Iran`), else its short
  /// name (`Czechia`), unless the aliases file names a display name (`Russia`).
  public var name: String
  public var kind: ActorKind
  /// ISO 3166-1 alpha-2 (`GB`); `nil` for organisations and regions.
  public var alpha2: String?
  /// ISO 3166-1 numeric, three digits (`826`); `nil` for organisations, regions and Kosovo.
  public var numeric: String?
  /// ISO 3166-1's official name (`United Kingdom of Great Britain and Northern Ireland`).
  public var officialName: String?
  /// Every other spelling that resolves to the actor, as the data files write it: ISO names,
  /// aliases, CAMEO codes and withdrawn codes (not the id, alpha-2 or numeric code).
  public var aliases: [String]
  public var note: String?

  /// The actor as the model knows it.
  public var actor: Actor { Actor(id: id, name: name, kind: kind, note: note) }
}

/// A bloc of the reference data; its members are dated (``Membership``).
public struct ReferenceBloc: Hashable, Sendable {
  public var id: BlocID
  public var name: String
  /// The organisation the bloc is the membership of (`NATO`); `nil` for an arrangement that is
  /// no organisation (Five Eyes).
  public var actor: ActorID?
  /// Where the dates come from.
  public var source: String
}

/// One period of an actor's membership of a bloc: a member on day d when
/// `from ≤ d` and (`until` is `nil` or `d ≤ until`). Both ends are days of membership: the
/// United Kingdom was in the EU on 2020-01-31 (`until`) and not on 2020-02-01.
public struct Membership: Hashable, Sendable {
  public var bloc: BlocID
  public var member: ActorID
  /// The first day of membership.
  public var from: Day
  /// The last day of membership; `nil` while the actor is still a member.
  public var until: Day?
  public var note: String?

  public init(bloc: BlocID, member: ActorID, from: Day, until: Day? = nil, note: String? = nil) {
    self.bloc = bloc
    self.member = member
    self.from = from
    self.until = until
    self.note = note
  }

  /// Whether the period includes `day`.
  public func includes(_ day: Day) -> Bool {
    from <= day && (until.map { day <= $0 } ?? true)
  }
}

/// How ``ReferenceData/resolve(_:)`` recognised a spelling.
public struct ActorMatch: Hashable, Sendable {
  /// Which of the actor's spellings matched.
  public enum Via: String, Hashable, Sendable, Codable, CaseIterable {
    /// The id itself (`RUS`, `NATO`).
    case id
    /// ISO 3166-1 alpha-2 (`RU`).
    case alpha2 = "alpha_2"
    /// ISO 3166-1 numeric (`643`).
    case numeric
    /// An ISO 3166-1 name (short, official or common) or the display name.
    case name
    /// A name or abbreviation from the aliases file (`Britain`, `Occupied Palestinian
    /// Territory`).
    case alias
    /// A CAMEO code that differs from the id (`ROM`, `NAT`).
    case cameo
    /// A code withdrawn from ISO 3166-1 for a renamed state (`ZAR`, `BUR`).
    case formerCode = "former_code"
  }

  public let id: ActorID
  public let via: Via
  /// Whether the spelling is one the reference writes, character for character (up to
  /// canonical equivalence); `false` when it matched only once case, spacing, punctuation,
  /// accents or a leading "the" were ignored (``ActorSpelling/key(_:)``).
  public let exact: Bool
}
