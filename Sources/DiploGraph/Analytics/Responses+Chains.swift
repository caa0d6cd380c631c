/// Chains of answers to answers: tit for tat, step by step.

/// One step of a chain: the actions one side took in one move.
public struct ChainStep: Hashable, Sendable, Codable {
  /// How a step answers the one before.
  public enum Link: String, Hashable, Sendable, Codable, CaseIterable {
    /// Through `respondsTo`.
    case explicit
    /// Within the response window.
    case window
  }

  /// Who moved.
  public var actor: ActorID
  /// Against whom.
  public var target: ActorID
  /// The step's actions, by date then row.
  public var actions: [ActionReference]
  /// Σ weights (the network's weight: counts by default); `nil` when an action has none.
  public var total: Int64?
  /// The step's total / the previous step's (count ratio: > 1 escalation, < 1
  /// de-escalation); `nil` for the first step or when a total is unknown or 0.
  public var ratio: Double?
  /// How it answers the previous step; `nil` for the first.
  public var link: Link?
}

/// A chain: an original, its answer, the answer to that answer, and so on.
public struct ResponseChain: Hashable, Sendable, Codable {
  /// How a chain ended.
  public enum Ending: String, Hashable, Sendable, Codable, CaseIterable {
    /// The last step matched the one before.
    case inKind = "in_kind"
    /// The last step was larger than the one before.
    case escalated
    /// The last step was smaller.
    case deescalated
    /// A step has no weight (no count, under the weight `count`).
    case notComparable = "not_comparable"
    /// The last step is a `declined` record.
    case declined
    /// The last step's window is still open at the data's last date: it may yet be answered.
    case open
  }

  /// The steps, alternating sides.
  public var steps: [ChainStep]
  /// Last step's first date − first step's first date; `nil` when a step is undated.
  public var durationDays: Int?
  /// The actor of the last step.
  public var lastMover: ActorID
  /// How it ended.
  public var ending: Ending

  /// The number of steps.
  public var length: Int { steps.count }
}

/// The chains of one pair of actors.
public struct PairChains: Hashable, Sendable, Codable {
  /// The pair's ids, the lower first: held inline, since a data set of millions of actions
  /// has millions of pairs with chains, and an array each was an allocation each.
  public var lower: ActorID
  public var higher: ActorID
  /// Chains of the pair.
  public var chains: Int
  /// Steps of its longest chain.
  public var longest: Int

  /// The pair, the lower id first.
  public var actors: [ActorID] {
    get { [lower, higher] }
    set {
      precondition(newValue.count == 2, "a pair has two actors, not \(newValue.count)")
      (lower, higher) = (newValue[0], newValue[1])
    }
  }

  /// - Parameter actors: the pair, the lower id first.
  public init(actors: [ActorID], chains: Int, longest: Int) {
    precondition(actors.count == 2, "a pair has two actors, not \(actors.count)")
    self.init(lower: actors[0], higher: actors[1], chains: chains, longest: longest)
  }

  public init(lower: ActorID, higher: ActorID, chains: Int, longest: Int) {
    self.lower = lower
    self.higher = higher
    self.chains = chains
    self.longest = longest
  }

  private enum CodingKeys: String, CodingKey { case actors, chains, longest }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let actors = try c.decode([ActorID].self, forKey: .actors)
    guard actors.count == 2 else {
      throw DecodingError.dataCorruptedError(
        forKey: .actors, in: c, debugDescription: "expected two actors, found \(actors.count)")
    }
    self.init(
      actors: actors, chains: try c.decode(Int.self, forKey: .chains),
      longest: try c.decode(Int.self, forKey: .longest))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(actors, forKey: .actors)
    try c.encode(chains, forKey: .chains)
    try c.encode(longest, forKey: .longest)
  }
}

/// Every chain of answers to answers, summarised.
///
/// A chain starts at an exchange that answers nothing (its originals are first moves) and has
/// an answer or a `declined` record: step 1 its originals, step 2 its answers (its `declined`
/// records when it has no other). Step 3 is made of the exchanges that answer step 2: those
/// whose originals name an action of step 2 in `respondsTo` (counter-answers), or else the
/// first exchange the other way whose first original comes after step 2's first answer and at
/// most the window later (and continues no other chain); a `declined` record that names an
/// action of step 2 is a last step of its own. Step 4 is their answers, and so on. Each step's
/// count ratio is its total over the previous step's. A chain ends `declined` when its last
/// step is a `declined` record, `open` when its last step's latest date + window > T (the data's
/// last date), else by its last step against the one before: `inKind`, `escalated`,
/// `deescalated` or `notComparable`.
///
/// - Complexity: O(e + K log K) for e exchanges among K actors, plus O(r) dictionary work for
///   r counter links. Every step of a chain belongs to one pair of actors (the next step goes
///   the way of the exchange's own originals), so the chains are found by groups of pairs
///   (``ChainGroups``: a counting sort on the rank of each exchange's lower actor), each group
///   on one thread: its exchanges sorted by direction, each answered exchange looking for its
///   next step by binary search among its own direction's exchanges, its chains walked (a
///   chain of two steps, the most of them, read from the group's copy of the exchanges
///   without building anything; a longer one through the group's next steps) and counted per
///   pair; the groups' results merged in their order, the same for any number of threads. 25
///   bytes per exchange for the groups' copy and the flags, 33 per exchange of a group while
///   it is searched, and the ten longest chains kept whole.
public struct ResponseChains: Hashable, Sendable, Codable {
  /// Chains of two steps or more.
  public var count: Int
  /// Chains of three steps or more (an answer was answered).
  public var longerThanTwo: Int
  /// Chains per ending, in the order of ``ResponseChain/Ending/allCases``.
  public var endings: [Int]
  /// The chains per pair of actors, most chains first, then by the pair.
  public var pairs: ChainPairList
  /// The longest chains (at most ten), longest first, then by date.
  public var longest: [ResponseChain]

  /// A value with every field given.
  public init(
    count: Int, longerThanTwo: Int, endings: [Int], pairs: [PairChains],
    longest: [ResponseChain]
  ) {
    self.count = count
    self.longerThanTwo = longerThanTwo
    self.endings = endings
    self.pairs = ChainPairList(pairs)
    self.longest = longest
  }

  /// How many longest chains are kept.
  public static let kept = 10

  /// The chains of a list's exchanges, each group of pairs of actors searched and walked on
  /// one of up to `threads` threads, the groups' results merged in their order.
  ///
  /// - Parameters:
  ///   - counterLinks: the `respondsTo` links onto answers, as rows.
  ///   - minimumPart: the fewest exchanges a thread sorts by group (tests lower it).
  init(
    _ list: ExchangeList, counterLinks: [(answer: Int32, answered: Int32)], network: Network,
    threads: Int, minimumPart: Int = 1 << 16
  ) {
    let n = list.count
    let reader = list.reader ?? ActionReader(network.dataSet.actions, weight: network.weight)
    var bytes = [UInt8](repeating: 0, count: n)
    var nodeOfRank: [Int32] = []
    var (found, steps) = bytes.withUnsafeMutableBufferPointer { bytes in
      let flags = ChainFlags(bytes: bytes)
      // Explicit: the exchanges of the rows the counter links name (before the groups run).
      var explicit: [UInt64] = []
      var declinedAfter: [Int: [Int32]] = [:]
      if !counterLinks.isEmpty {
        (explicit, declinedAfter) = Self.explicitLinks(
          list, counterLinks: counterLinks, reader: reader, flags: flags)
      }
      let steps = ChainSteps(
        list: list, reader: reader, rules: list.rules, declinedAfter: declinedAfter,
        explicitLinks: ChainLinks(explicit))
      let gatherer = ExchangeGatherer(
        list: list, reader: reader, nodeOfEndpoint: network.nodeOfEndpoint)
      let groups = ChainGroups(
        steps: steps, gatherer: gatherer, network: network, flags: flags,
        flaggedBefore: !counterLinks.isEmpty, threads: threads, minimumPart: minimumPart)
      nodeOfRank = groups.nodeOfRank
      let window = Int64(list.rules.windowDays)
      let found = concurrentMap(Array(0..<groups.groupCount), threads: threads) { g in
        groups.search(group: g, steps: steps, flags: flags, window: window)
      }
      return (found, steps)
    }
    var endings = [Int](repeating: 0, count: ResponseChain.Ending.allCases.count)
    var best: [ChainCandidate] = []
    var pairs: [(lower: Int32, higher: Int32, chains: Int32, longest: Int32)] = []
    pairs.reserveCapacity(found.reduce(0) { $0 + $1.pairs.count })
    count = 0
    longerThanTwo = 0
    for g in found.indices {
      let part = found[g]
      count += part.count
      longerThanTwo += part.longerThanTwo
      for (e, c) in part.endings.enumerated() { endings[e] += c }
      for candidate in part.best { candidate.keep(in: &best) }
      pairs += part.pairs
      found[g].pairs = []  // moved, not copied: freed group by group
    }
    self.endings = endings
    self.pairs = ChainPairList(
      rows: Self.mostChainsFirst(
        pairs, nodeOfRank: nodeOfRank, threads: threads, minimumPart: minimumPart),
      actorIDs: network.actors.map(\.id))
    // The longest chains are walked again through the window links of their groups only (a
    // chain stays within its pair): not every link found, sorted for ten chains.
    let starts = Set(best.map(\.start))
    let links = ChainLinks(
      found.filter { $0.best.contains { starts.contains($0.start) } }.flatMap(\.windowLinks))
    longest = bytes.withUnsafeMutableBufferPointer { bytes in
      let flags = ChainFlags(bytes: bytes)
      return best.map { steps.chain(startingAt: $0.start, flags: flags, windowLinks: links) }
    }
  }

  /// The pairs' rows, most chains first, pairs of as many chains in their order (which is
  /// the pairs' order): a counting sort on the chains, each part of the pairs counted and then
  /// written where its rows go on one of up to `threads` threads. When some pair has more
  /// chains than the pairs are many, a radix sort instead (the counts would outgrow the rows).
  static func mostChainsFirst(
    _ pairs: [(lower: Int32, higher: Int32, chains: Int32, longest: Int32)],
    nodeOfRank: [Int32], threads: Int, minimumPart: Int
  ) -> [ChainPairList.Row] {
    @Sendable func row(_ f: (lower: Int32, higher: Int32, chains: Int32, longest: Int32))
      -> ChainPairList.Row
    {
      ChainPairList.Row(
        lower: nodeOfRank[Int(f.lower)], higher: nodeOfRank[Int(f.higher)], chains: f.chains,
        longest: f.longest)
    }
    let most = Int(pairs.lazy.map(\.chains).max() ?? 0)
    guard most <= max(1 << 16, pairs.count) else {
      return radixOrder(pairs.map { UInt64(UInt32.max - UInt32($0.chains)) }).map {
        row(pairs[Int($0)])
      }
    }
    let parts = partRanges(
      of: pairs.count, threads: threads, minimumPart: minimumPart, perThread: 1)
    // Key: most − chains, so that the most chains come first.
    let counts = concurrentMap(parts, threads: threads) { range in
      var counts = [Int](repeating: 0, count: most + 1)
      for i in range { counts[most - Int(pairs[i].chains)] += 1 }
      return counts
    }
    let (_, partStart) = partGroupStarts(counts, groups: most + 1)
    return [ChainPairList.Row](unsafeUninitializedCapacity: pairs.count) { buffer, made in
      // Unchecked: each part writes the places its cursors give, no two parts the same.
      nonisolated(unsafe) let rows = buffer
      _ = concurrentMap(Array(parts.indices), threads: threads) { p in
        var cursor = partStart[p]
        for i in parts[p] {
          let key = most - Int(pairs[i].chains)
          (rows.baseAddress! + cursor[key]).initialize(to: row(pairs[i]))
          cursor[key] += 1
        }
      }
      made = pairs.count
    }
  }

  /// The links of `respondsTo` onto answers between exchanges, flagged in `flags`, and the
  /// `declined` records that answer an answer, by the exchange they follow.
  static func explicitLinks(
    _ list: ExchangeList, counterLinks: [(answer: Int32, answered: Int32)],
    reader: ActionReader, flags: ChainFlags
  ) -> (links: [UInt64], declinedAfter: [Int: [Int32]]) {
    let n = list.count
    let wanted = Set(counterLinks.flatMap { [$0.answer, $0.answered] })
    var asOriginal: [Int32: Int] = [:]
    var asAnswer: [Int32: Int] = [:]
    for x in 0..<n {
      let o = list.original[x]
      if o >= 0 {
        // One original and at most one answer, read from the columns.
        let a = list.answer[x]
        if wanted.contains(o) { asOriginal[o] = x }
        if a >= 0 && wanted.contains(a) { asAnswer[a] = x }
        continue
      }
      let e = list.materialized[-1 - Int(o)]
      for row in e.originals.map({ Int32($0.row) }) where wanted.contains(row) {
        asOriginal[row] = x
      }
      for row in e.answers.map({ Int32($0.row) }) where wanted.contains(row) {
        asAnswer[row] = x
      }
    }
    var links: [UInt64] = []
    var declinedAfter: [Int: [Int32]] = [:]
    for (b, a) in counterLinks {
      guard let x = asAnswer[a] else { continue }
      if let y = asOriginal[b] {
        guard !flags.has(y, ChainFlags.hasPredecessor) && y != x else { continue }
        flags.set(y, ChainFlags.hasPredecessor)
        flags.set(x, ChainFlags.hasSuccessor)
        links.append(UInt64(x) << 32 | UInt64(y))
      } else if reader.isDeclined(Int(b)) {
        declinedAfter[x, default: []].append(b)
        flags.set(x, ChainFlags.hasSuccessor)
      }
    }
    return (links, declinedAfter)
  }

  /// How a chain of two steps, one original and its answer, ended: ``ending(_:total:latest:reader:rules:)``
  /// read from the columns.
  static func ending(
    original: Int, answer: Int, reader: ActionReader, rules: ExchangeRules
  ) -> ResponseChain.Ending {
    if reader.isDeclined(answer) { return .declined }
    let day = reader.dateColumn[answer]
    if day != ActionTable.noDate,
      rules.unansweredOutcome(latestOriginal: day, target: reader.targetColumn[answer]) == .pending
    {
      return .open
    }
    guard let ratio = Exchange.ratio(reader.weight(original), reader.weight(answer)) else {
      return .notComparable
    }
    return ratio == 1 ? .inKind : (ratio > 1 ? .escalated : .deescalated)
  }

  /// How a chain of these steps ended.
  static func ending(
    _ steps: [[Int32]], total: ([Int32]) -> Int64?, latest: ([Int32]) -> Int32?,
    reader: ActionReader, rules: ExchangeRules
  ) -> ResponseChain.Ending {
    let last = steps[steps.count - 1]
    if last.allSatisfy({ reader.isDeclined(Int($0)) }) { return .declined }
    if let day = latest(last),
      rules.unansweredOutcome(latestOriginal: day, target: reader.targetColumn[Int(last[0])])
        == .pending
    {
      return .open
    }
    guard steps.count > 1, let ratio = Exchange.ratio(total(steps[steps.count - 2]), total(last))
    else { return .notComparable }
    return ratio == 1 ? .inKind : (ratio > 1 ? .escalated : .deescalated)
  }
}

extension ResponseChain.Ending {
  /// The index of the ending in `allCases`, without searching it (it is read for each of
  /// millions of exchanges).
  var ordinal: Int {
    switch self {
    case .inKind: return 0
    case .escalated: return 1
    case .deescalated: return 2
    case .notComparable: return 3
    case .declined: return 4
    case .open: return 5
    }
  }

  /// The endings by ordinal: `allCases`, made once.
  static let byOrdinal = allCases
}
