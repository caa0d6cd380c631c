/// PLOVER's event types and their modes, with readable names: the vocabulary POLECAT codes its
/// events in, as CAMEO's (``EventCodes``) is GDELT's and ICEWS's.
///
/// PLOVER codes an event as a type (`SANCTION`), optionally one or more modes that say how
/// (`expel`, `withdraw`) and contexts that say in what field (`diplomatic`, `military`). An
/// action read from POLECAT has the kind `plover:<type>` or `plover:<type>/<mode>` in lower case
/// (`plover:sanction/expel`), shown as "sanction: expel (permanently or temporarily expel an
/// entity …)". The table below lists the 16 types of the PLOVER manual (draft version 2.0) and
/// the modes of the types that have them; the wording is shortened from the manual's.
///
/// Halterman, A., Bagozzi, B. E., Beger, A., Schrodt, P. A., & Scarborough, G. I. (2023).
/// *PLOVER and POLECAT: A New Political Event Ontology and Dataset*. SocArXiv.
/// https://doi.org/10.31235/osf.io/rm5dw — Open Event Data Alliance, *PLOVER: Political
/// Language Ontology for Verifiable Event Records*, manual, draft version 2.0
/// (https://github.com/openeventdata/PLOVER).
public enum PLOVERCodes {
  /// The prefix of the kinds of PLOVER-coded actions: `plover:`.
  public static let prefix = "plover:"

  /// One event type: its name in lower case, what it covers, and its modes (name, meaning).
  public struct EventType: Sendable {
    /// `sanction`.
    public var name: String
    /// What the type covers, in a few words.
    public var meaning: String
    /// The modes of the type, in the manual's order; empty for a type without modes.
    public var modes: [(name: String, meaning: String)]
  }

  /// The 16 event types of PLOVER 2.0, in the manual's order.
  public static let types: [EventType] = [
    EventType(name: "agree", meaning: "agree to, offer or promise to cooperate", modes: []),
    EventType(
      name: "consult", meaning: "consult or meet",
      modes: [
        ("visit", "actor visits, recipient hosts"), ("third-party", "hosted by a third party"),
        ("multilateral", "in a multilateral setting"), ("phone", "by phone or other remote means"),
      ]),
    EventType(name: "support", meaning: "diplomatic, non-material support", modes: []),
    EventType(name: "concede", meaning: "verbal concession", modes: []),
    EventType(name: "cooperate", meaning: "material cooperation or exchange", modes: []),
    EventType(name: "aid", meaning: "provide material aid", modes: []),
    EventType(
      name: "retreat", meaning: "material concession",
      modes: [
        ("withdraw", "withdraw forces or retreat from territory"), ("release", "release captives"),
        ("disarm", "disarm"), ("ceasefire", "implement a ceasefire"),
        ("access", "allow third parties access"), ("resign", "official resignation"),
      ]),
    EventType(
      name: "request", meaning: "request, demand or order",
      modes: [
        ("assist", "for exchange, relations or assistance"), ("change", "for changes in policy"),
        ("yield", "for release, easing or a ceasefire"), ("meet", "for meetings or negotiations"),
      ]),
    EventType(
      name: "accuse", meaning: "accuse or disapprove",
      modes: [
        ("disapprove", "express disapproval, condemn"), ("investigate", "investigate"),
        ("allege", "accuse formally or informally, charge"),
      ]),
    EventType(
      name: "reject", meaning: "reject or refuse",
      modes: [
        ("assist", "exchange, relations or assistance"), ("change", "changes in policy"),
        ("yield", "release, easing or a ceasefire"), ("meet", "meetings or negotiations"),
      ]),
    EventType(
      name: "threaten", meaning: "threaten",
      modes: [
        ("restrict", "to restrict movement of people or goods"), ("arrest", "to arrest"),
        ("relations", "to suspend relations or talks"),
        ("expel", "to expel diplomats, peacekeepers or NGOs"),
        ("territory", "to seize territory"), ("violence", "with violence"),
      ]),
    EventType(
      name: "protest", meaning: "protest",
      modes: [
        ("demo", "demonstration"), ("riot", "riot"), ("strike", "strike"),
        ("hunger", "hunger strike"), ("boycott", "boycott"), ("obstruct", "obstruct"),
        ("vandalize", "symbolic damage"),
      ]),
    EventType(
      name: "sanction", meaning: "reduce or break relations",
      modes: [
        ("convict", "find guilty in a court"),
        ("expel", "expel an entity from a group or country, diplomats included"),
        ("withdraw", "withdraw one's own non-military resources, diplomats included"),
        ("discontinue", "curtail or break exchanges; international sanctions"),
      ]),
    EventType(
      name: "mobilize", meaning: "military or police moves short of force",
      modes: [
        ("troops", "mobilize troops"), ("weapons", "ready weapons systems"),
        ("police", "mobilize police"), ("militia", "mobilize non-state armed groups"),
      ]),
    EventType(
      name: "coerce", meaning: "coerce or repress short of violence",
      modes: [
        ("seize", "search, confiscate, raid"), ("restrict", "restrict rights or movement"),
        ("censor", "censor"), ("curfew", "impose a curfew"),
        ("martial-law", "impose a state of emergency"), ("arrest", "arrest, detain"),
        ("deport", "expel or deport individuals"), ("withhold", "withhold public services"),
        ("misinformation", "misinformation"), ("cyber", "cyber attack"),
      ]),
    EventType(
      name: "assault", meaning: "use of force that can cause physical harm",
      modes: [
        ("abduct", "abduct, hijack"), ("beat", "beat"), ("torture", "torture"),
        ("sexual", "sexual violence"), ("targeted", "targeted killings"),
        ("destroy", "destroy property"), ("primitive", "primitive weapons"),
        ("firearms", "firearms"), ("explosives", "explosives"),
        ("suicide-attack", "suicide attack"), ("aerial", "aircraft"), ("drone", "drones"),
        ("heavy-weapons", "heavy weapons"), ("crowd-control", "crowd control"),
        ("unconventional", "chemical, biological, radiological or nuclear weapons"),
      ]),
  ]

  /// ``types`` by name.
  public static let typesByName: [String: EventType] = Dictionary(
    types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

  /// The kind of an action of PLOVER type `type` and mode `mode` (either case): `plover:sanction`
  /// or `plover:sanction/expel`.
  public static func kind(type: some StringProtocol, mode: (some StringProtocol)?) -> String {
    let t = type.lowercased()
    guard let mode, !mode.isEmpty else { return prefix + t }
    return prefix + t + "/" + mode.lowercased()
  }

  /// The readable name of a PLOVER-coded kind: `plover:sanction/expel` → `sanction: expel
  /// (expel an entity from a group or country, diplomats included)`, `plover:sanction` →
  /// `sanction (reduce or break relations)`; `nil` for a kind that is not `plover:…` or a type
  /// the manual does not have. A mode the manual does not list is shown as written.
  public static func name(of kind: ActionKind) -> String? {
    guard kind.rawValue.hasPrefix(prefix) else { return nil }
    let rest = kind.rawValue.dropFirst(prefix.count)
    let parts = rest.split(separator: "/", maxSplits: 1)
    guard let first = parts.first, let type = typesByName[String(first)] else { return nil }
    guard parts.count == 2 else { return "\(type.name) (\(type.meaning))" }
    let mode = String(parts[1])
    if let known = type.modes.first(where: { $0.name == mode }) {
      return "\(type.name): \(mode) (\(known.meaning))"
    }
    return "\(type.name): \(mode)"
  }
}
