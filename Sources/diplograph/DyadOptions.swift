import ArgumentParser
import DiploGraph

/// `stats --dyads none|all|top:N`: how many dyads the output lists.
enum DyadListing: Equatable, ExpressibleByArgument {
  /// Every dyad (the default: the output is as without the option).
  case all
  /// No dyad: the `dyads` table (or JSON array) is empty.
  case none
  /// The N heaviest dyads (by total weight w_ij + w_ji, then by node).
  case top(Int)

  /// Reads `none`, `all`, or `top:N` (also `top N`, `top=N`, `topN`) with N ≥ 0.
  init?(argument: String) {
    let text = argument.lowercased()
    switch text {
    case "all": self = .all
    case "none": self = .none
    default:
      guard let n = Self.topCount(text) else { return nil }
      self = .top(n)
    }
  }

  /// N of `top:N` (also `top N`, `top=N`, `topN`) with N ≥ 0, in lower case; `nil` otherwise.
  static func topCount(_ text: String) -> Int? {
    guard text.hasPrefix("top") else { return nil }
    var rest = text.dropFirst(3)
    if let first = rest.first, " :=".contains(first) { rest = rest.dropFirst() }
    guard let n = Int(rest), n >= 0 else { return nil }
    return n
  }

  /// ``AnalysisOptions/dyadLimit``: the most dyads listed.
  var limit: Int? {
    switch self {
    case .all: nil
    case .none: 0
    case .top(let n): n
    }
  }
}
