import Foundation

/// Which POLECAT events a reader keeps, by their PLOVER type, mode and context.
///
/// Written as terms separated by commas, each `type`, `type/mode` or either followed by
/// `@context`: `sanction` keeps every SANCTION event, `sanction/expel` those of mode expel,
/// `sanction/expel@diplomatic` those of mode expel in a diplomatic context; `all` keeps every
/// event. Names compare without regard to case; an event with several modes or contexts (the
/// fields hold lists separated by `;` or `,`) matches when one of them does.
///
/// The default, ``diplomaticExpulsion``, is PLOVER's coding of expelling or withdrawing
/// diplomats: type SANCTION with mode `expel` ("aside from the expulsion of ambassadors or
/// similar diplomats, this mode excludes individual deportations") or `withdraw` ("withdraw
/// oneself or one's non-military resources (e.g., aid, observers, diplomats …)"), in the
/// `diplomatic` context ("embassies, consulates, charge d'affaires and ambassadors") — the
/// PLOVER manual, draft 2.0, tables of SANCTION modes and of contexts (``PLOVERCodes``).
public struct PLOVERFilter: Hashable, Sendable, CustomStringConvertible {
  /// One term: a type, optionally a mode and a context, in lower case.
  public struct Term: Hashable, Sendable {
    public var type: String
    public var mode: String?
    public var context: String?
  }

  /// The terms; `nil` keeps every event.
  public var terms: [Term]?

  /// Keeps every event.
  public static let all = PLOVERFilter(terms: nil)

  /// SANCTION with mode expel or withdraw in a diplomatic context.
  public static let diplomaticExpulsion = PLOVERFilter(
    terms: [
      Term(type: "sanction", mode: "expel", context: "diplomatic"),
      Term(type: "sanction", mode: "withdraw", context: "diplomatic"),
    ])

  private init(terms: [Term]?) { self.terms = terms }

  /// A filter from its written form (`all`, `sanction`, `sanction/expel@diplomatic,…`).
  ///
  /// - Returns: `nil` when a term's type is not one of PLOVER's (``PLOVERCodes/types``), a
  ///   mode or context is empty or not a word (letters, digits, `-`, `_`), or the list is empty.
  public init?(parsing text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    if trimmed == "all" {
      self = .all
      return
    }
    var terms: [Term] = []
    for written in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
      let term = written.trimmingCharacters(in: .whitespaces)
      let (head, context) = Self.split(term, at: "@")
      let (type, mode) = Self.split(head, at: "/")
      guard PLOVERCodes.typesByName[type] != nil,
        [mode, context].allSatisfy({ $0 == nil || Self.isWord($0!) })
      else { return nil }
      terms.append(Term(type: type, mode: mode, context: context))
    }
    guard !terms.isEmpty else { return nil }
    self.terms = terms
  }

  private static func split(_ text: String, at separator: Character) -> (String, String?) {
    guard let i = text.firstIndex(of: separator) else { return (text, nil) }
    return (String(text[..<i]), String(text[text.index(after: i)...]))
  }

  private static func isWord(_ text: String) -> Bool {
    !text.isEmpty
      && text.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
      }
  }

  /// The items of a list field (`diplomatic;military` → both), in lower case.
  static func items(_ field: String) -> [String] {
    field.lowercased().split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "|" })
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// The kind of an event of `type`, `mode` and `contexts` (fields as written) when the filter
  /// keeps it, else `nil`: `plover:<type>/<mode>` with the mode the matching term names, or
  /// the event's first mode, or `plover:<type>` for an event without one.
  ///
  /// - Complexity: O(terms × (modes + contexts)).
  public func kind(type: String, mode: String, contexts: String) -> String? {
    let t = type.lowercased().trimmingCharacters(in: .whitespaces)
    let modes = Self.items(mode)
    guard let terms else { return PLOVERCodes.kind(type: t, mode: modes.first) }
    let contextList = Self.items(contexts)
    for term in terms where term.type == t {
      if let m = term.mode, !modes.contains(m) { continue }
      if let c = term.context, !contextList.contains(c) { continue }
      return PLOVERCodes.kind(type: t, mode: term.mode ?? modes.first)
    }
    return nil
  }

  /// `all`, or the terms separated by commas.
  public var description: String {
    guard let terms else { return "all" }
    return terms.map { term in
      term.type + (term.mode.map { "/" + $0 } ?? "") + (term.context.map { "@" + $0 } ?? "")
    }.joined(separator: ",")
  }
}

/// The events a read keeps, in the vocabulary of its format: CAMEO codes (GDELT, ICEWS) or
/// PLOVER terms (POLECAT).
enum EventSelection: Hashable, Sendable, CustomStringConvertible {
  case cameo(EventCodeFilter)
  case plover(PLOVERFilter)

  /// `the codes 161`, `the PLOVER codes sanction/expel@diplomatic,…`.
  var description: String {
    switch self {
    case .cameo(let filter): "the codes \(filter)"
    case .plover(let filter): "the PLOVER codes \(filter)"
    }
  }
}
