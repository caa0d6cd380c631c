/// The encoded form of ``ResponseAnalysis``: in full, or as a summary whose size does not grow
/// with the number of actions.

/// How much of a ``ResponseAnalysis`` is written out.
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

  /// The key of `Encoder.userInfo` that asks a ``ResponseAnalysis`` for a listing (a
  /// `ResponseListing`); without it, the analysis is written in full.
  public static let userInfoKey = CodingUserInfoKey(rawValue: "DiploGraph.ResponseListing")!

  /// `full` or `summary`: the listing used for `analysis`.
  public func resolved(for analysis: ResponseAnalysis) -> ResponseListing {
    guard self == .automatic else { return self }
    let entries =
      analysis.exchanges.count + analysis.unmatchedAnswers.count
      + analysis.unresolvedReferences.count
    return entries <= Self.automaticLimit ? .full : .summary
  }
}

/// Encoded with the keys of `docs/stats.schema.json`'s `responses`: the three lists each
/// follow their count (`exchangeCount`, `exchanges`, …) and `listing` says whether they are
/// written (`full`) or `null` (`summary`). Decoding reads what `full` writes (and documents
/// without `listing` or counts); a summary cannot be read back, since it lacks the lists.
extension ResponseAnalysis: Codable {
  enum CodingKeys: String, CodingKey {
    case windowDays
    case answerKinds
    case listing
    case exchangeCount
    case exchanges
    case outcomes
    case meanLagDays
    case medianLagDays
    case unmatchedAnswerCount
    case unmatchedAnswers
    case unresolvedReferenceCount
    case unresolvedReferences
  }

  public func encode(to encoder: any Encoder) throws {
    let asked = encoder.userInfo[ResponseListing.userInfoKey] as? ResponseListing ?? .full
    let full = asked.resolved(for: self) == .full
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(windowDays, forKey: .windowDays)
    try c.encode(answerKinds, forKey: .answerKinds)
    try c.encode(
      full ? ResponseListing.full.rawValue : ResponseListing.summary.rawValue, forKey: .listing)
    try c.encode(exchanges.count, forKey: .exchangeCount)
    if full {
      try c.encode(exchanges, forKey: .exchanges)
    } else {
      try c.encodeNil(forKey: .exchanges)
    }
    try c.encode(outcomes, forKey: .outcomes)
    try c.encodeIfPresent(meanLagDays, forKey: .meanLagDays)
    try c.encodeIfPresent(medianLagDays, forKey: .medianLagDays)
    try c.encode(unmatchedAnswers.count, forKey: .unmatchedAnswerCount)
    if full {
      try c.encode(unmatchedAnswers, forKey: .unmatchedAnswers)
    } else {
      try c.encodeNil(forKey: .unmatchedAnswers)
    }
    try c.encode(unresolvedReferences.count, forKey: .unresolvedReferenceCount)
    if full {
      try c.encode(unresolvedReferences, forKey: .unresolvedReferences)
    } else {
      try c.encodeNil(forKey: .unresolvedReferences)
    }
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    if let listing = try c.decodeIfPresent(String.self, forKey: .listing),
      listing != ResponseListing.full.rawValue
    {
      throw DecodingError.dataCorruptedError(
        forKey: .listing, in: c,
        debugDescription:
          "the responses were written as a \(listing), without their exchanges; write them with the full listing to read them back"
      )
    }
    self.init(
      windowDays: try c.decode(Int.self, forKey: .windowDays),
      answerKinds: try c.decode([ActionKind].self, forKey: .answerKinds),
      exchanges: try c.decode(ExchangeList.self, forKey: .exchanges),
      outcomes: try c.decode([OutcomeSummary].self, forKey: .outcomes),
      meanLagDays: try c.decodeIfPresent(Double.self, forKey: .meanLagDays),
      medianLagDays: try c.decodeIfPresent(Double.self, forKey: .medianLagDays),
      unmatchedAnswers: try c.decode(ActionReferenceList.self, forKey: .unmatchedAnswers),
      unresolvedReferences: try c.decode([UnresolvedReference].self, forKey: .unresolvedReferences))
  }
}
