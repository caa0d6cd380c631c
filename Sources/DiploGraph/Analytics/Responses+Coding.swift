/// The encoded form of ``ResponseAnalysis``: in full, or as a summary whose size does not grow
/// with the number of actions.

/// Encoded with the keys of `docs/stats.schema.json`'s `responses`: the three lists each
/// follow their count (`exchangeCount`, `exchanges`, …) and `listing` says whether they are
/// written (`full`) or `null` (`summary`; a summary also leaves the chains' `pairs` and the
/// survival curves' `steps` empty). `encode(to:)` writes them in full; the printers of
/// the package may summarise (``encode(to:listingEntries:)``). Decoding reads what `full`
/// writes (and documents without `listing` or counts); a summary cannot be read back, since it
/// lacks the lists.
extension ResponseAnalysis: Codable {
  enum CodingKeys: String, CodingKey {
    case windowDays
    case answerKinds
    case lastDate
    case listing
    case exchangeCount
    case exchanges
    case originalCount
    case outcomes
    case outcomesByKind
    case answersOutsideSelection
    case meanLagDays
    case medianLagDays
    case unmatchedAnswerCount
    case unmatchedAnswers
    case unresolvedReferenceCount
    case unresolvedReferences
    case chains
    case timeToAnswer
  }

  public func encode(to encoder: any Encoder) throws {
    try encode(to: encoder, listingEntries: true)
  }

  /// The encoding with the exchanges, the answers without an original and the unused
  /// `respondsTo` links (`"listing": "full"`), or with their counts only (`"summary"`, the
  /// lists `null`): a printer that summarises bulk results decides which.
  package func encode(to encoder: any Encoder, listingEntries full: Bool) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(windowDays, forKey: .windowDays)
    try c.encode(answerKinds, forKey: .answerKinds)
    try c.encodeIfPresent(lastDate, forKey: .lastDate)
    try c.encode(full ? Self.fullListing : "summary", forKey: .listing)
    try c.encode(exchanges.count, forKey: .exchangeCount)
    if full {
      try c.encode(exchanges, forKey: .exchanges)
    } else {
      try c.encodeNil(forKey: .exchanges)
    }
    try c.encode(originalCount, forKey: .originalCount)
    try c.encode(outcomes, forKey: .outcomes)
    try c.encode(outcomesByKind, forKey: .outcomesByKind)
    try c.encode(answersOutsideSelection, forKey: .answersOutsideSelection)
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
    // A summary keeps every count and median, without the lists that grow with the data: the
    // pairs of the chains and the steps of the survival curves.
    var chains = self.chains
    var time = timeToAnswer
    if !full {
      chains.pairs = []
      time.all.steps = []
      for i in time.byKind.indices { time.byKind[i].steps = [] }
      for i in time.byBloc.indices { time.byBloc[i].steps = [] }
    }
    try c.encode(chains, forKey: .chains)
    try c.encode(time, forKey: .timeToAnswer)
  }

  /// The `listing` of an encoding with every list.
  static let fullListing = "full"

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    if let listing = try c.decodeIfPresent(String.self, forKey: .listing),
      listing != Self.fullListing
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
      lastDate: try c.decodeIfPresent(Day.self, forKey: .lastDate),
      exchanges: try c.decode(ExchangeList.self, forKey: .exchanges),
      outcomes: try c.decode([OutcomeSummary].self, forKey: .outcomes),
      outcomesByKind: try c.decode([KindOutcomes].self, forKey: .outcomesByKind),
      answersOutsideSelection: try c.decode(Int.self, forKey: .answersOutsideSelection),
      meanLagDays: try c.decodeIfPresent(Double.self, forKey: .meanLagDays),
      medianLagDays: try c.decodeIfPresent(Double.self, forKey: .medianLagDays),
      unmatchedAnswers: try c.decode(ActionReferenceList.self, forKey: .unmatchedAnswers),
      unresolvedReferences: try c.decode([UnresolvedReference].self, forKey: .unresolvedReferences),
      chains: try c.decode(ResponseChains.self, forKey: .chains),
      timeToAnswer: try c.decode(TimeToAnswer.self, forKey: .timeToAnswer))
  }
}
