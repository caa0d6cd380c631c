/// Typed identifiers. Each wraps the string the data set spells, so an actor id can never be
/// passed where a source id is expected.

/// What every typed identifier is: a string with a type, compared and ordered by its text,
/// written as a literal (`"GBR" as ActorID`), encoded as a plain string.
public protocol StringIdentifier: RawRepresentable<String>, Hashable, Comparable, Sendable, Codable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  init(rawValue: String)
}

extension StringIdentifier {
  public init(_ rawValue: String) { self.init(rawValue: rawValue) }
  public init(stringLiteral value: String) { self.init(rawValue: value) }
  public var description: String { rawValue }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A stable actor id: ISO 3166-1 alpha-3 for states (`RUS`, `GBR`), a short code for
/// organisations (`NATO`).
public struct ActorID: StringIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
}

/// The id of a bloc (`EU`, `NATO_MEMBERS`).
public struct BlocID: StringIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
}

/// The id of a source (an article, a statement, a data export).
public struct SourceID: StringIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
}

/// The id of an action, needed only when another action answers it (`respondsTo`).
public struct ActionID: StringIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
}

/// What an action does. The set is open: the six kinds below are named, and any other kind a
/// data set spells (`trade_sanction`, say) is kept as it is and analysed like the others.
public struct ActionKind: StringIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Diplomats declared persona non grata and told to leave.
  public static let expulsion: ActionKind = "expulsion"
  /// An expulsion made in answer to another state's action.
  public static let retaliation: ActionKind = "retaliation"
  /// An ambassador called home "for consultations".
  public static let ambassadorRecall: ActionKind = "ambassador_recall"
  /// A consulate ordered shut; usually carries no count of diplomats.
  public static let consulateClosure: ActionKind = "consulate_closure"
  /// Pending accreditations refused.
  public static let accreditationDenial: ActionKind = "accreditation_denial"
  /// A mission ordered to cut its staff.
  public static let staffCut: ActionKind = "staff_cut"
  /// An explicit record that the target of an action chose not to answer it (with its date,
  /// sources and note; `respondsTo` names what is not answered). It answers nothing: it counts
  /// in no answer total and no lag, is never an original, and ends the exchange.
  public static let declined: ActionKind = "declined"

  /// The kinds DESIGN names, in a fixed order (used for legends and stable output).
  public static let known: [ActionKind] = [
    .expulsion, .retaliation, .ambassadorRecall, .consulateClosure, .accreditationDenial, .staffCut,
    .declined,
  ]

  /// Whether this is one of the named kinds.
  public var isKnown: Bool { Self.known.contains(self) }
}
