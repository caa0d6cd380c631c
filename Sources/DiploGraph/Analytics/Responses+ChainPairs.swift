/// The exchanges of ``ResponseChains`` grouped by pair of actors, so that the chains are
/// searched and walked pair by pair, each group of pairs on a thread of its own.

/// Per exchange, how it takes part in chains: one byte, written only by the group of pairs the
/// exchange belongs to (or before the groups run), read by all once they have finished.
struct ChainFlags: @unchecked Sendable {
  // Unchecked: a view, not an owner; exchange x's byte is written by x's group alone.
  let bytes: UnsafeMutableBufferPointer<UInt8>

  /// A next step follows the exchange (another exchange, or a `declined` record).
  static let hasSuccessor: UInt8 = 1
  /// The exchange is a next step.
  static let hasPredecessor: UInt8 = 2
  /// It is so through the window (else through `respondsTo`).
  static let linkedInWindow: UInt8 = 4

  func has(_ x: Int, _ flag: UInt8) -> Bool { bytes[x] & flag != 0 }

  func set(_ x: Int, _ flag: UInt8) { bytes[x] |= flag }

  /// How exchange x answers the step before it (`nil` when it is a first step).
  func link(_ x: Int) -> ChainStep.Link? {
    has(x, Self.hasPredecessor) ? (has(x, Self.linkedInWindow) ? .window : .explicit) : nil
  }
}

/// Links between exchanges, exchange x followed by exchange y, packed as x << 32 | y and
/// sorted, so that x's next steps are a range found by binary search.
struct ChainLinks: Sendable {
  let packed: [UInt64]

  init(_ packed: [UInt64]) { self.packed = packed.sorted() }

  /// The exchanges that follow x, ascending: one binary search for the first, then a scan (an
  /// exchange has one next step or none, nearly always).
  func successors(_ x: Int) -> ArraySlice<UInt64> {
    let low = UInt64(x) << 32
    var lo = 0
    var hi = packed.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if packed[mid] < low { lo = mid + 1 } else { hi = mid }
    }
    var end = lo
    while end < packed.count && packed[end] >> 32 == UInt64(x) { end += 1 }
    return packed[lo..<end]
  }

  /// The exchanges that follow x in either of two sets of links, ascending.
  static func successors(_ x: Int, _ a: ChainLinks, _ b: ChainLinks) -> [Int] {
    let mask: UInt64 = 0xFFFF_FFFF
    return (a.successors(x) + b.successors(x)).map { Int($0 & mask) }.sorted()
  }
}

/// One exchange as its group of pairs searches it, copied in the group's order so that the
/// group reads one array in order: 24 bytes.
struct ChainMember: Sendable {
  /// The exchange (its index in the list).
  var x: Int32
  /// ``key`` + 1 in the low 28 bits, the two-step ending in the next 3 and whether the
  /// exchange has one original in the top bit: one word, which keeps a member at 24 bytes (at
  /// 10M actions, 6 million of them). A key is below 2^28 − 1 while there are fewer than 134
  /// million actors (the readers refuse more than 10 million unless told otherwise).
  private var keyAndEnding: UInt32
  /// Its first original's date (``ActionTable/noDate`` when undated) and row.
  var day: Int32
  var row: Int32
  /// Its first dated answer that is not declined, its date and row (row −1 when none).
  var answerDay: Int32
  var answerRow: Int32

  init(
    x: Int32, key: Int32, day: Int32, row: Int32, answerDay: Int32, answerRow: Int32, ending: Int32
  ) {
    self.x = x
    keyAndEnding = 0
    self.day = day
    self.row = row
    self.answerDay = answerDay
    self.answerRow = answerRow
    self.key = key
    self.ending = ending
  }

  /// The direction it is searched in (within its group: the lower rank's offset × K + the
  /// higher rank, << 1, | 1 when it goes from the higher to the lower), or −1 for none.
  var key: Int32 {
    get { Int32(keyAndEnding & Self.keyMask) - 1 }
    set {
      precondition(newValue >= -1 && newValue < Int32(Self.keyMask), "fewer than 2^27 actors")
      keyAndEnding = keyAndEnding & ~Self.keyMask | UInt32(newValue + 1)
    }
  }

  /// ``ExchangeGatherer/twoStepEnding(original:answer:)`` (0 for an exchange kept whole), |
  /// 256 when the exchange has one original.
  var ending: Int32 {
    get {
      Int32(keyAndEnding >> 28 & 7) | (keyAndEnding & Self.oneOriginal != 0 ? 256 : 0)
    }
    set {
      precondition(newValue & ~256 < 8, "a two-step ending is 1 + one of six")
      keyAndEnding =
        keyAndEnding & Self.keyMask | UInt32(newValue & 7) << 28
        | (newValue & 256 != 0 ? Self.oneOriginal : 0)
    }
  }

  private static let keyMask: UInt32 = (1 << 28) - 1
  private static let oneOriginal: UInt32 = 1 << 31

  /// The order key of its first original, `UInt64.max` when that is undated.
  var firstKey: UInt64 {
    day == ActionTable.noDate ? .max : ActionReader.orderKey(day: day, row: Int(row))
  }

  /// The order key of its first dated answer, `UInt64.max` when it has none.
  var answerKey: UInt64 {
    answerRow < 0 ? .max : ActionReader.orderKey(day: answerDay, row: Int(answerRow))
  }
}

/// The exchanges of a list grouped by the pair of actors of their first original, the pairs
/// ranked by their lower actor's id then their higher actor's; groups of consecutive lower
/// ranks, each group's exchanges in the list's order (a counting sort by group that copies
/// what the search reads, ``ChainMember``).
///
/// Within a group (``search(group:steps:flags:window:)``) each direction of each pair is
/// searched apart: the exchanges whose first original is dated, in list order (the date
/// order of their first originals), then those whose first original is undated but that have
/// a dated answer, listed by that answer's pair, at the end of the direction their answer is
/// answered in (they look for their next step there and are never a next step themselves).
///
/// - Complexity: O(e + K log K) time for e exchanges among K actors; 24 bytes per exchange,
///   and per group 33 bytes per exchange of the group (its flags, order, keys, next steps and
///   lengths) and 4 per direction of its pairs (at most 65,536 directions).
struct ChainGroups: Sendable {
  /// The nodes.
  let k: Int
  /// The node of each rank (the nodes by id).
  let nodeOfRank: [Int32]
  /// The rank of each node.
  let rank: [Int32]
  /// Lower ranks per group, a power of two: 1 << shift.
  let shift: Int
  /// Group g's exchanges are `members[start[g]..<start[g + 1]]`.
  let start: [Int]
  let members: [ChainMember]
  /// Whether some exchange was flagged before the groups (explicit links).
  let flaggedBefore: Bool

  /// How many lower ranks share a group: the most (a power of two) that keep a group's
  /// directions (two for each pair of one of its ranks and any rank) within 65,536, and make
  /// 16 groups or more when there are 16 actors or more.
  static func span(nodes k: Int) -> Int {
    var span = 1
    while 4 * span * k <= 1 << 16 && 32 * span <= k { span *= 2 }
    return span
  }

  var groupCount: Int { start.count - 1 }

  /// - Parameters:
  ///   - gatherer: reads what ``members`` copy of each exchange from the rows.
  ///   - flags: the explicit links' flags, set before.
  ///   - threads: the exchanges are sorted by group in parts on up to this many threads, each
  ///     of at least `minimumPart` exchanges (tests lower it).
  init(
    steps: ChainSteps, gatherer: ExchangeGatherer, network: Network, flags: ChainFlags,
    flaggedBefore: Bool, threads: Int = 1, minimumPart: Int = 1 << 16
  ) {
    k = network.nodeCount
    let nodes = network.actors
    let byID = (0..<k).sorted { nodes[$0].id < nodes[$1].id }
    nodeOfRank = byID.map { Int32($0) }
    var rankOfNode = [Int32](repeating: 0, count: k)
    for (r, node) in byID.enumerated() { rankOfNode[node] = Int32(r) }
    let rank = rankOfNode
    self.rank = rank
    let shift = Self.span(nodes: k).trailingZeroBitCount
    self.shift = shift
    self.flaggedBefore = flaggedBefore
    let nodeOfEndpoint = network.nodeOfEndpoint
    let list = steps.list
    let reader = steps.reader
    let groups = max(1, (k + (1 << shift) - 1) >> shift)
    @Sendable func group(actor: Int32, target: Int32) -> Int {
      Int(min(rank[Int(actor)], rank[Int(target)])) >> shift
    }
    let n = list.count
    // A counting sort by group in parts, one per thread: each part counts its exchanges per
    // group, then copies them after those of the parts before it.
    let parts = partRanges(
      of: n, threads: threads, minimumPart: minimumPart, perThread: 1)
    let counts = concurrentMap(parts, threads: threads) { range in
      var counts = [Int](repeating: 0, count: groups)
      for x in range {
        let (actor, target) = gatherer.pair(x)
        counts[group(actor: actor, target: target)] += 1
      }
      return counts
    }
    let (start, partStart) = partGroupStarts(counts, groups: groups)
    let k = self.k
    members = [ChainMember](unsafeUninitializedCapacity: n) { buffer, count in
      // Unchecked: each part initializes the places its cursors give, no two parts the same.
      nonisolated(unsafe) let buffer = buffer
      _ = concurrentMap(Array(parts.indices), threads: threads) { part in
        var cursor = partStart[part]
        for x in parts[part] {
          let o = Int(list.original[x])
          var member: ChainMember
          var from: Int
          var to: Int
          if o >= 0 {
            // One original (the most): read from the rows, only what the search needs.
            let a = Int(list.answer[x])
            member = ChainMember(
              x: Int32(x), key: -1, day: gatherer.dates[o], row: Int32(o),
              answerDay: ActionTable.noDate, answerRow: -1,
              ending: Int32(gatherer.twoStepEnding(original: o, answer: a)) | 256)
            if a >= 0 && !reader.isDeclined(a) {
              member.answerDay = gatherer.dates[a]
              member.answerRow = Int32(a)
            }
            from = Int(nodeOfEndpoint[Int(gatherer.actors[o])])
            to = Int(nodeOfEndpoint[Int(gatherer.targets[o])])
          } else {
            // Kept whole (explicit): no two-step ending, read from its rows.
            let f = steps.firstRow(x)
            member = ChainMember(
              x: Int32(x), key: -1, day: gatherer.dates[f], row: Int32(f),
              answerDay: ActionTable.noDate, answerRow: -1, ending: 0)
            if let a = steps.firstAnswer(x) {
              member.answerDay = reader.dateColumn[Int(a)]
              member.answerRow = a
            }
            let (actor, target) = gatherer.pair(x)
            (from, to) = (Int(actor), Int(target))
          }
          let g = group(actor: Int32(from), target: Int32(to))
          var listed = true
          if member.day == ActionTable.noDate {
            // Listed by its answer's pair, when it looks for a next step.
            let a = Int(member.answerRow)
            listed = a >= 0 && !flags.has(x, ChainFlags.hasSuccessor)
            if listed {
              from = Int(nodeOfEndpoint[Int(reader.targetColumn[a])])
              to = Int(nodeOfEndpoint[Int(reader.actorColumn[a])])
            }
          }
          let (ra, rb) = (Int(rank[from]), Int(rank[to]))
          let low = min(ra, rb)
          if listed && ra != rb && low >> shift == g {
            member.key = Int32(((low - (g << shift)) * k + max(ra, rb)) << 1 | (ra > rb ? 1 : 0))
          }
          (buffer.baseAddress! + cursor[g]).initialize(to: member)
          cursor[g] += 1
        }
      }
      count = n
    }
    self.start = start
  }

  /// The chains found in one group.
  struct Found {
    var count = 0
    var longerThanTwo = 0
    var endings = [Int](repeating: 0, count: ResponseChain.Ending.allCases.count)
    /// The longest chains started in the group (at most ``ResponseChains/kept``).
    var best: [ChainCandidate] = []
    /// Per pair with chains, in the pairs' order: its ranks, chains and longest (16 bytes: a
    /// pair's chains are fewer than its exchanges, which an `Int32` indexes).
    var pairs: [(lower: Int32, higher: Int32, chains: Int32, longest: Int32)] = []
    /// The window links found, packed (``ChainLinks``).
    var windowLinks: [UInt64] = []
  }

  /// Searches group g's window links, then walks the chains that start in it.
  ///
  /// A chain's steps all belong to one pair of actors (a next step goes the way of the
  /// exchange's own originals), so the groups are independent: the group works on its own
  /// flags and copies into `flags` those of its exchanges that take part in a link.
  func search(group g: Int, steps: ChainSteps, flags: ChainFlags, window: Int64) -> Found {
    let members = self.members[start[g]..<start[g + 1]]
    let m = members.count
    let first = members.startIndex
    var local = [UInt8](repeating: 0, count: m)
    if flaggedBefore {
      for i in 0..<m { local[i] = flags.bytes[Int(members[first + i].x)] }
    }
    var order: [Int32]
    let firstKeys: [UInt64]
    let answerKeys: [UInt64]
    let keys: [Int32]
    if 2 * k << shift > 8 * m + 1024 {
      // Few exchanges for the group's directions (many declared actors, few active): sorting
      // them costs less than counting over every direction, which would make the groups
      // together cost O(k²).
      order = (0..<m).filter { members[first + $0].key >= 0 }.map { Int32($0) }
      order.sort { (members[first + Int($0)].key, $0) < (members[first + Int($1)].key, $1) }
      keys = order.map { members[first + Int($0)].key }
      firstKeys = order.map { members[first + Int($0)].firstKey }
      answerKeys = order.map { members[first + Int($0)].answerKey }
    } else {
      let grouped = Self.byDirection(members, directions: 2 * k << shift)
      (order, keys, firstKeys) = (grouped.order, grouped.keys, grouped.firstKeys)
      answerKeys = grouped.answerKeys
    }
    let listed = order.count
    var found = Found()
    // Window: each direction's exchanges look for their next step among their own; each
    // one's next step in the window, as a position in the group, is kept in `next`.
    var next = [Int32](repeating: -1, count: m)
    var s = 0
    while s < listed {
      var t = s + 1
      while t < listed && keys[t] == keys[s] { t += 1 }
      if t - s > 1 {
        Self.searchDirection(
          s..<t, order: order, firstKeys: firstKeys, answerKeys: answerKeys, members: members,
          flags: &local, window: window, links: &found.windowLinks, next: &next)
      }
      s = t
    }
    // The flags of the exchanges linked, for the walk of the longer chains.
    for i in 0..<m where local[i] != 0 {
      flags.bytes[Int(members[first + i].x)] = local[i]
    }
    // The links sorted for the walks of the chains with a step of several exchanges (few):
    // made when the first needs them.
    var windowLinks: ChainLinks?
    // Walk the chains that start in the group.
    var length = [Int32](repeating: 0, count: m)
    for i in 0..<m where local[i] & ChainFlags.hasPredecessor == 0 {
      let member = members[first + i]
      let n: Int
      let ending: ResponseChain.Ending
      if member.ending & 256 != 0 && local[i] & ChainFlags.hasSuccessor == 0 {
        // One original and no next step (the most of them): two steps at most, as gathered.
        let two = Int(member.ending & 255)
        guard two > 0 else { continue }
        (n, ending) = (2, ResponseChain.Ending.byOrdinal[two - 1])
      } else {
        // A chain of exchanges of one original each is walked on the group's members and next
        // steps; the others are made step by step.
        switch Self.walkOfSingles(from: i, members: members, next: next, steps: steps) {
        case .noChain: continue
        case .chain(let walkedLength, let walkedEnding): (n, ending) = (walkedLength, walkedEnding)
        case .notSingle:
          if windowLinks == nil { windowLinks = ChainLinks(found.windowLinks) }
          guard
            let walked = steps.chain(from: Int(member.x), flags: flags, windowLinks: windowLinks!)
          else { continue }
          (n, ending) = walked
        }
      }
      found.count += 1
      if n > 2 { found.longerThanTwo += 1 }
      found.endings[ending.ordinal] += 1
      length[i] = Int32(n)
      let key = ActionReader.orderKey(day: member.day, row: Int(member.row))
      ChainCandidate(length: n, key: key, start: Int(member.x)).keep(in: &found.best)
    }
    // The chains per pair, over the exchanges listed with their first original.
    let base = g << shift
    s = 0
    while s < listed {
      let pair = keys[s] >> 1
      var chains: Int32 = 0
      var longest: Int32 = 0
      while s < listed && keys[s] >> 1 == pair {
        let i = Int(order[s])
        if firstKeys[s] != .max && length[i] > 0 {
          chains += 1
          longest = max(longest, length[i])
        }
        s += 1
      }
      if chains > 0 {
        found.pairs.append(
          (Int32(base + Int(pair) / k), Int32(Int(pair) % k), chains, longest))
      }
    }
    return found
  }

  /// The listed members (key ≥ 0) of a group by direction, each direction in list order, by a
  /// counting sort over the group's `directions` keys: their positions in the group, keys,
  /// first keys and answer keys.
  private static func byDirection(_ members: ArraySlice<ChainMember>, directions: Int) -> (
    order: [Int32], keys: [Int32], firstKeys: [UInt64], answerKeys: [UInt64]
  ) {
    let first = members.startIndex
    var bucket = [Int32](repeating: 0, count: directions + 1)
    for member in members where member.key >= 0 { bucket[Int(member.key) + 1] += 1 }
    for b in 0..<directions { bucket[b + 1] += bucket[b] }
    let listed = Int(bucket[directions])
    var order = [Int32](repeating: 0, count: listed)
    var firstKeys = [UInt64](repeating: 0, count: listed)
    var answerKeys = [UInt64](repeating: 0, count: listed)
    var keys = [Int32](repeating: 0, count: listed)
    for i in 0..<members.count {
      let member = members[first + i]
      guard member.key >= 0 else { continue }
      let s = Int(bucket[Int(member.key)])
      bucket[Int(member.key)] += 1
      order[s] = Int32(i)
      keys[s] = member.key
      firstKeys[s] = member.firstKey
      answerKeys[s] = member.answerKey
    }
    return (order, keys, firstKeys, answerKeys)
  }

  /// What ``walkOfSingles(from:members:next:steps:)`` found.
  enum SinglesWalk {
    /// The member starts no chain.
    case noChain
    case chain(Int, ResponseChain.Ending)
    /// A step of the chain holds more than one exchange or original, or an explicit link leads
    /// on from one: ``ChainSteps/chain(from:flags:windowLinks:)`` makes it step by step.
    case notSingle
  }

  /// The length and ending of the chain from the group's member i, as
  /// ``ChainSteps/chain(from:flags:windowLinks:)`` gives them, when each of its exchanges has
  /// one original and at most one next step, in the window (the most of the long chains: a
  /// pair that expels every few weeks makes one chain of all its exchanges). Read from the
  /// members and their next steps (`next`, positions in the group): no array per step, no
  /// search of the links. A member's ending says what the list and the kinds would: whether it
  /// has one original (256), whether it has an answer (a two-step ending), whether that is
  /// declined, and how its two steps end.
  static func walkOfSingles(
    from start: Int, members: ArraySlice<ChainMember>, next: [Int32], steps: ChainSteps
  ) -> SinglesWalk {
    let first = members.startIndex
    let declined = 1 + ResponseChain.Ending.declined.ordinal
    var i = start
    var length = 0
    var previousAnswer = -1  // the row of the answer of the exchange before
    while true {
      let member = members[first + i]
      guard member.ending & 256 != 0 else { return .notSingle }
      let two = Int(member.ending & 255)
      if two == 0 {
        // No answer: the chain ends on this original, measured against the answer before.
        if length == 0 { return .noChain }
        return .chain(
          length + 1,
          ResponseChains.ending(
            original: previousAnswer, answer: Int(member.row), reader: steps.reader,
            rules: steps.rules))
      }
      length += 2
      if two == declined { return .chain(length, .declined) }
      if steps.linksOnExplicitly(Int(member.x)) { return .notSingle }
      let j = Int(next[i])
      if j < 0 {
        // Its answer ends the chain: the two steps end as the member says.
        return .chain(length, ResponseChain.Ending.byOrdinal[two - 1])
      }
      previousAnswer = Int(member.answerRow)
      i = j
    }
  }

  /// The window links of one direction: each exchange without a next step yet takes as its
  /// next step the first exchange of the direction whose first original comes after its first
  /// answer, at most the window later, and is no next step yet.
  ///
  /// The exchanges' first and answer keys are read in the direction's order (`firstKeys`,
  /// `answerKeys`), not through `order` from the members, whose random reads cost a quarter
  /// of the search at 1M actions among 200 actors.
  private static func searchDirection(
    _ run: Range<Int>, order: [Int32], firstKeys: [UInt64], answerKeys: [UInt64],
    members: ArraySlice<ChainMember>, flags: inout [UInt8], window: Int64, links: inout [UInt64],
    next: inout [Int32]
  ) {
    /// The day of a dated row's order key.
    func day(ofKey key: UInt64) -> Int64 {
      Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: key >> 32) ^ 0x8000_0000))
    }
    let first = members.startIndex
    for s in run {
      let i = Int(order[s])
      let key = answerKeys[s]
      guard key != .max, flags[i] & ChainFlags.hasSuccessor == 0 else { continue }
      let answerDay = day(ofKey: key)
      // The exchanges whose first original is undated come last (their keys are the
      // largest): no answer is matched to them in the window.
      var lo = run.lowerBound
      var hi = run.upperBound
      while lo < hi {
        let mid = (lo + hi) / 2
        if firstKeys[mid] <= key { lo = mid + 1 } else { hi = mid }
      }
      while lo < run.upperBound && firstKeys[lo] != .max {
        let j = Int(order[lo])
        if day(ofKey: firstKeys[lo]) - answerDay > window { break }
        if flags[j] & ChainFlags.hasPredecessor == 0 && j != i {
          flags[j] |= ChainFlags.hasPredecessor | ChainFlags.linkedInWindow
          flags[i] |= ChainFlags.hasSuccessor
          links.append(UInt64(members[first + i].x) << 32 | UInt64(members[first + j].x))
          next[i] = Int32(j)
          break
        }
        lo += 1
      }
    }
  }
}

/// A chain that may be among the longest: its length, the order key of its first original,
/// and the exchange it starts at.
struct ChainCandidate: Sendable {
  var length: Int
  var key: UInt64
  var start: Int

  /// Whether it comes first: longer, or as long and earlier.
  func precedes(_ other: Self) -> Bool {
    length != other.length ? length > other.length : key < other.key
  }

  /// Adds it to `best`, kept in order and at most ``ResponseChains/kept`` long (the same list
  /// whatever order the candidates come in: keys differ).
  func keep(in best: inout [Self]) {
    if best.count == ResponseChains.kept && !precedes(best[best.count - 1]) { return }
    var i = best.count
    while i > 0 && precedes(best[i - 1]) { i -= 1 }
    best.insert(self, at: i)
    if best.count > ResponseChains.kept { best.removeLast() }
  }
}
