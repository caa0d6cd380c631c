import DiploGraph

/// How much of a ``ResponseAnalysis`` the statistics list.
///
/// The exchanges, the answers without an original and the unused `respondsTo` links grow with
/// the number of actions (half a million exchanges in a million coded events), while everything
/// else in the statistics grows with the actors, links and blocs. A summary keeps the counts,
/// the outcome summary and the lags, and leaves those three lists out.
public enum ResponseListing: String, Hashable, Sendable, CaseIterable {
  /// Every exchange, unmatched answer and unresolved reference.
  case full
  /// Their counts only (the lists are written as `null`).
  case summary
  /// `full` when the three lists hold at most ``automaticLimit`` entries together, `summary`
  /// beyond.
  case automatic = "auto"

  /// The most entries ``automatic`` lists in full.
  public static let automaticLimit = 10_000

  /// `full` or `summary`: the listing used for `analysis` (`full` when the responses are left
  /// out: there is nothing to list).
  public func resolved(for analysis: ResponseAnalysis?) -> ResponseListing {
    guard self == .automatic else { return self }
    guard let analysis else { return .full }
    let entries =
      analysis.exchanges.count + analysis.unmatchedAnswers.count
      + analysis.unresolvedReferences.count
    return entries <= Self.automaticLimit ? .full : .summary
  }
}
