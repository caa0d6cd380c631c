import Foundation

/// The event codes of event data: CAMEO's, with their names, and which of them a reader keeps.

/// CAMEO event codes (Schrodt 2012, version 1.1b3) and their names, the vocabulary GDELT and
/// ICEWS code events in.
///
/// Codes are text: roots have two digits (`16` reduce relations), base codes three (`161`),
/// sub-codes four (`1313`), and the first nine roots keep their leading zero (`010`, `0211`),
/// so `10` (demand) and `010` (make statement) are different codes. An action read from event
/// data has the kind `cameo:<code>` (`cameo:161`).
///
/// Schrodt, P. A. (2012). *CAMEO Conflict and Mediation Event Observations Event and Actor
/// Codebook*, version 1.1b3. Pennsylvania State University.
public enum EventCodes {
  /// The prefix of the kinds of CAMEO-coded actions: `cameo:`.
  public static let cameoPrefix = "cameo:"

  /// Every CAMEO event code (roots, base codes, sub-codes: 310 in all), in the codebook's
  /// order, with its name in lower case (`161` → `reduce or break diplomatic relations`).
  public static let cameo: [(code: String, name: String)] = cameoTable.split(separator: "\n")
    .map { line in
      let parts = line.split(separator: "\t", maxSplits: 1)
      return (String(parts[0]), String(parts[1]))
    }

  /// ``cameo`` as a dictionary from code to name.
  public static let cameoNames: [String: String] = Dictionary(
    cameo.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })

  /// The CAMEO code of an action kind written `cameo:161` (also `cameo_161`, `CAMEO 161`):
  /// two to four digits after the word; `nil` for any other kind.
  public static func cameoCode(of kind: ActionKind) -> String? {
    let scalars = Array(kind.rawValue.unicodeScalars)
    guard scalars.count > 5,
      String(String.UnicodeScalarView(scalars[0..<5])).lowercased() == "cameo"
    else { return nil }
    var rest = scalars[5...]
    while let first = rest.first, first == "_" || first == " " || first == ":" || first == "-" {
      rest = rest.dropFirst()
    }
    guard (2...4).contains(rest.count), rest.allSatisfy({ ("0"..."9").contains($0) }) else {
      return nil
    }
    return String(String.UnicodeScalarView(rest))
  }

  /// The readable name of a CAMEO-coded kind (`cameo:161` → `reduce or break diplomatic
  /// relations`); `nil` for a kind that is not one, or a code the codebook does not have.
  public static func name(of kind: ActionKind) -> String? {
    cameoCode(of: kind).flatMap { cameoNames[$0] }
  }
}

/// Which events an event-data reader keeps, by their code.
///
/// A code keeps itself and every code under it: `16` keeps the whole root (160–166 and
/// 1621–1663), `166` keeps 166 and 1661–1663, `161` keeps 161 alone. Codes compare as text, so
/// `10` does not keep `010`.
///
/// The default, ``diplomaticConflict``, is CAMEO 161 alone: CAMEO's coding rules put the
/// expulsion or withdrawal of diplomats there ("reduce or break diplomatic relations"; the
/// notes of 166 "expel or withdraw" and 174 "expel or deport individuals" send diplomats to
/// 161), and 1313 "threaten to reduce or break relations" is a threat, not an action.
public struct EventCodeFilter: Hashable, Sendable, CustomStringConvertible {
  /// The codes kept with everything under them; `nil` keeps every event.
  public var codes: [String]?

  /// Keeps the events whose code is one of `codes` or under one of them.
  public init(codes: [String]) { self.codes = codes }

  /// Keeps every event.
  public static let all = EventCodeFilter(keepingAll: ())

  /// CAMEO 161, the code of expelling or withdrawing diplomats.
  public static let diplomaticConflict = EventCodeFilter(codes: ["161"])

  private init(keepingAll: Void) { codes = nil }

  /// A filter from its written form: `all`, or codes separated by commas (`161,1313`, `16`).
  ///
  /// - Returns: `nil` when a code is not two to four digits, or the list is empty.
  public init?(parsing text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.lowercased() == "all" {
      self = .all
      return
    }
    let codes = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    guard !codes.isEmpty,
      codes.allSatisfy({ code in
        (2...4).contains(code.count) && code.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
      })
    else { return nil }
    self.codes = codes
  }

  /// Whether an event of code `code` is kept.
  ///
  /// - Complexity: O(number of codes).
  public func keeps(_ code: some StringProtocol) -> Bool {
    guard let codes else { return true }
    return codes.contains { code.hasPrefix($0) }
  }

  /// `all`, or the codes separated by commas.
  public var description: String { codes?.joined(separator: ",") ?? "all" }
}
