/// The matching behind ``ResponseAnalysis``: explicit links with a union–find, then the window
/// matching in one pass over the actions in date order, with a queue of waiting originals per
/// direction of each pair. It works on the action table's columns and the network's selected
/// rows; no `Action` value is built, and the memory it needs beyond its result is a byte and an
/// `Int32` per selected action.

/// The exchanges found, as rows, before they are turned into results.
struct MatchedResponses {
  /// The rows of one explicit exchange.
  struct Group {
    var originals: [Int32]
    var answers: [Int32]
  }

  /// Explicit exchanges.
  var groups: [Group] = []
  /// Exchanges of one original, in row order: matched in the window (`singleAnswer` ≥ 0) or
  /// unanswered (−1).
  var singleOriginal: [Int32] = []
  var singleAnswer: [Int32] = []
  var unmatchedAnswers: [Int32] = []
  var unresolved: [UnresolvedReference] = []
  /// The exchanges of one original, counted (explicit ones are counted by the caller).
  var tally: OutcomeTally
}

struct ResponseMatcher {
  /// What a selected row turned out to be.
  enum Role: UInt8 {
    case open
    /// Has a `respondsTo`, none of which could be used.
    case explicitAnswer
    /// Has a `respondsTo` that links it to an original.
    case linkedAnswer
    /// Answered through a `respondsTo`.
    case explicitOriginal
    /// Taken as the answer of an action in the window (its original is found through
    /// `link`).
    case windowAnswer
  }

  let network: Network
  let table: ActionTable
  let options: ResponseOptions
  /// Selected rows (ascending); "positions" below index this array.
  let rows: [Int32]
  /// Whether each kind symbol is an answer kind.
  let answerKind: [Bool]

  var role: [Role]
  /// While a window original waits for its answer: the next original waiting in the same
  /// direction, or −1. Once it is matched: −2 − its answer's position. Otherwise −1 (or a
  /// stale queue link: only values ≤ −2 mean anything after the matching).
  var link: [Int32]
  /// Union–find parents over positions (explicit links only; empty when there are none).
  var parent: [Int32] = []
  var result: MatchedResponses
  /// Whether position p is row p (the selection keeps every row).
  let identity: Bool
  /// Beyond this many candidates, the matching by groups runs in two rounds.
  let candidatesInOneRound: Int

  init(network: Network, options: ResponseOptions, candidatesInOneRound: Int = 1 << 22) {
    self.network = network
    self.candidatesInOneRound = candidatesInOneRound
    self.table = network.dataSet.actions
    self.options = options
    self.rows = network.rows
    let names = Set(options.answerKinds.map(\.rawValue))
    answerKind = table.kindSymbols.strings.map { names.contains($0) }
    role = [Role](repeating: .open, count: rows.count)
    link = [Int32](repeating: -1, count: rows.count)
    identity = rows.count == table.count
    result = MatchedResponses(
      tally: OutcomeTally(
        nodes: network.nodeCount, windowDays: options.windowDays, actions: rows.count))
  }

  func row(_ p: Int) -> Int { Int(rows[p]) }

  func isSelfLoop(_ p: Int) -> Bool {
    network.actorNode(row: row(p)) == network.targetNode(row: row(p))
  }

  func isAnswerKind(_ p: Int) -> Bool { answerKind[Int(table.kindColumn[row(p)])] }

  func position(ofRow r: Int) -> Int? { network.position(ofRow: r) }

  consuming func run() -> MatchedResponses {
    matchExplicitly()
    matchInWindow()
    collect()
    return result
  }

  // MARK: Explicit links

  mutating func find(_ p: Int) -> Int {
    var root = p
    while Int(parent[root]) != root { root = Int(parent[root]) }
    var q = p
    while Int(parent[q]) != root {
      let next = Int(parent[q])
      parent[q] = Int32(root)
      q = next
    }
    return root
  }

  mutating func union(_ a: Int, _ b: Int) {
    let ra = find(a)
    let rb = find(b)
    if ra != rb { parent[max(ra, rb)] = Int32(min(ra, rb)) }
  }

  mutating func matchExplicitly() {
    guard !table.responses.isEmpty else { return }
    let reader = ActionReader(table)
    parent = (0..<Int32(rows.count)).map { $0 }
    // The row of each id symbol; the first row wins when an id repeats (validation reports it).
    var rowOfID = [Int32](repeating: -1, count: table.idSymbols.count)
    for (r, symbol) in table.idColumn.enumerated() where symbol >= 0 && rowOfID[Int(symbol)] < 0 {
      rowOfID[Int(symbol)] = Int32(r)
    }
    // Roles first: every selected action with a `respondsTo` is an answer.
    for (r, _) in table.responses.entries {
      if let p = position(ofRow: Int(r)) { role[p] = .explicitAnswer }
    }
    for (r, references) in table.responses.entries {
      guard let p = position(ofRow: Int(r)) else { continue }
      let answer = Int(r)
      for symbol in references {
        let reason: UnresolvedReference.Reason?
        let original = Int(rowOfID[Int(symbol)])
        var q: Int?
        if isSelfLoop(p) {
          reason = .selfLoop
        } else if original < 0 {
          reason = .unknownAction
        } else if original == answer {
          reason = .sameAction
        } else if let found = position(ofRow: original) {
          q = found
          if isSelfLoop(found) {
            reason = .selfLoop
          } else if network.actorNode(row: original) != network.targetNode(row: answer)
            || network.targetNode(row: original) != network.actorNode(row: answer)
          {
            reason = .notReverse
          } else if role[found] == .explicitAnswer || role[found] == .linkedAnswer {
            reason = .answersAnAnswer
          } else {
            reason = nil
          }
        } else {
          reason = .notSelected
        }
        if let reason {
          result.unresolved.append(
            UnresolvedReference(
              action: reader.reference(answer),
              reference: ActionID(table.idSymbols[symbol]), reason: reason))
        } else if let q {
          role[q] = .explicitOriginal
          role[p] = .linkedAnswer
          union(p, q)
        }
      }
    }
  }

  // MARK: Window

  /// Visits the dated open actions in (date, row) order. An action first serves as the answer
  /// of the earliest original waiting in the reverse direction whose window it falls in (the
  /// waiting originals it falls outside of are out of time: it was their first candidate, so
  /// they stay unanswered); if it answers none and its kind is not an answer kind, it waits in
  /// its own direction's queue as an original.
  ///
  /// This is the rule of ``ResponseAnalysis`` read forwards: an original's answer is the first
  /// reverse action after it that no earlier original took and that is not itself an original
  /// (an action becomes an original only once every earlier action has had its chance to take
  /// it).
  ///
  /// Each queue keeps its first original's date, so that an original alone in its queue (the
  /// common case) is matched or given up without touching its own row again. In `link`, a waiting
  /// original holds the next one in its queue (or −1), and a matched one −2 − its answer.
  ///
  /// The queues: up to 256 actors, one per pair in a triangular table that stays in the cache;
  /// up to 65,536, the actions are distributed by pair first and each group matched with its
  /// queues in the cache (``matchInWindowByGroups(order:inOrder:)``); beyond, one per link.
  mutating func matchInWindow() {
    let nodeOf = network.nodeOfEndpoint
    let actorColumn = table.actorColumn
    let targetColumn = table.targetColumn
    let dateColumn = table.dateColumn
    let kindColumn = table.kindColumn
    let countColumn = table.countColumn
    let rows = self.rows
    let identity = self.identity
    let answerKind = self.answerKind
    let window = Int64(options.windowDays)
    let tally = result.tally
    let k = network.nodeCount

    func isCandidate(_ p: Int) -> Bool {
      role[p] == .open && dateColumn[Int(rows[p])] != ActionTable.noDate
    }
    // Positions in (date, position) order: as they come when the input is in date order.
    var inOrder = true
    var previous = Int32.min
    for p in 0..<rows.count where isCandidate(p) {
      let d = dateColumn[Int(rows[p])]
      if d < previous {
        inOrder = false
        break
      }
      previous = d
    }
    let order: [Int32] =
      inOrder
      ? []
      : orderedByDay(count: rows.count) { p in
        isCandidate(p) ? dateColumn[Int(rows[p])] : ActionTable.noDate
      }
    if Self.matchesByGroups(nodes: k) {
      matchInWindowByGroups(order: order, inOrder: inOrder)
      return
    }
    // One queue per unordered pair: at most one direction of a pair has originals waiting,
    // since an action in the other direction either answers the first of them or finds them
    // all out of time. Pairs are numbered in a triangular table when K is small, else by the
    // lower of their (one or two) links.
    let dense = k <= 256
    let links = network.links
    let reverse = dense ? [] : links.reverseLinks()
    struct Queue {
      var head: Int32 = -1
      var tail: Int32 = -1
      var headDate: Int32 = 0
      /// Whether the waiting originals go from the pair's lower node to its higher one.
      var upward = false
    }
    var queues = [Queue](repeating: Queue(), count: dense ? k * (k - 1) / 2 : links.count)

    withUnsafeMutableBufferPointers(&role, &link) { role, link in
      queues.withUnsafeMutableBufferPointer { queues in
        for n in 0..<rows.count {
          let p = inOrder ? n : Int(order[n])
          guard role[p] == .open else { continue }
          let r = identity ? p : Int(rows[p])
          let date = dateColumn[r]
          if date == ActionTable.noDate {
            if inOrder { continue } else { break }  // the undated come last
          }
          let i = Int(nodeOf[Int(actorColumn[r])])
          let j = Int(nodeOf[Int(targetColumn[r])])
          if i == j { continue }
          let upward = i < j
          let q: Int
          if dense {
            let (low, high) = upward ? (i, j) : (j, i)
            q = low * (2 * k - low - 1) / 2 + (high - low - 1)
          } else {
            let e = links.link(from: i, to: j)!
            q = reverse[e] >= 0 ? min(e, Int(reverse[e])) : e
          }
          var answered = false
          if queues[q].head >= 0 && queues[q].upward != upward {
            repeat {
              let g = Int(queues[q].head)
              let lag = Int64(date) - Int64(queues[q].headDate)
              let inTime = lag <= window
              // Take g off its queue.
              if queues[q].tail == Int32(g) {
                queues[q].head = -1
                queues[q].tail = -1
              } else {
                let next = Int(link[g])
                queues[q].head = Int32(next)
                queues[q].headDate = dateColumn[identity ? next : Int(rows[next])]
                if !inTime { link[g] = -1 }
              }
              if inTime {
                link[g] = -2 - Int32(p)
                role[p] = .windowAnswer
                answered = true
                // Counted now, while both rows are at hand: g's actor is p's target.
                let ot = countColumn[identity ? g : Int(rows[g])]
                let at = countColumn[r]
                let outcome: Exchange.Outcome =
                  ot == ActionTable.noCount || at == ActionTable.noCount
                  ? .notComparable : (at == ot ? .inKind : (at > ot ? .more : .less))
                tally.add(outcome, actor: j, lag: Int(lag))
                break
              }
            } while queues[q].head >= 0
          }
          if !answered && !answerKind[Int(kindColumn[r])] {
            if queues[q].head >= 0 {
              link[Int(queues[q].tail)] = Int32(p)
            } else {
              queues[q].head = Int32(p)
              queues[q].headDate = date
              queues[q].upward = upward
            }
            queues[q].tail = Int32(p)
          }
        }
      }
    }
  }

  // MARK: Groups

  mutating func collect() {
    let nodeOf = network.nodeOfEndpoint
    let actorColumn = table.actorColumn
    let targetColumn = table.targetColumn
    let kindColumn = table.kindColumn
    let answerKind = self.answerKind
    let rows = self.rows
    let identity = self.identity
    var components: [Int: MatchedResponses.Group] = [:]
    var componentOrder: [Int] = []
    // Sizes first, so that the result arrays are made once at their size.
    var singles = 0
    var unmatched = 0
    for p in 0..<rows.count {
      let r = identity ? p : Int(rows[p])
      if nodeOf[Int(actorColumn[r])] == nodeOf[Int(targetColumn[r])] { continue }
      switch role[p] {
      case .explicitAnswer: unmatched += 1
      case .open:
        if link[p] <= -2 || !answerKind[Int(kindColumn[r])] {
          singles += 1
        } else {
          unmatched += 1
        }
      default: break
      }
    }
    var singleOriginal = [Int32](repeating: 0, count: singles)
    var singleAnswer = [Int32](repeating: -1, count: singles)
    var unmatchedAnswers = [Int32](repeating: 0, count: unmatched)
    var s = 0
    var u = 0
    let tally = result.tally
    for p in 0..<rows.count {
      let r = identity ? p : Int(rows[p])
      let i = Int(nodeOf[Int(actorColumn[r])])
      let loop = i == Int(nodeOf[Int(targetColumn[r])])
      switch role[p] {
      case .explicitAnswer:
        if !loop {
          unmatchedAnswers[u] = Int32(r)
          u += 1
        }
      case .linkedAnswer, .explicitOriginal:
        let root = find(p)
        if components[root] == nil {
          components[root] = MatchedResponses.Group(originals: [], answers: [])
          componentOrder.append(root)
        }
        if role[p] == .explicitOriginal {
          components[root]!.originals.append(Int32(r))
        } else {
          components[root]!.answers.append(Int32(r))
        }
      case .windowAnswer:
        break
      case .open:
        if loop { continue }
        let l = Int(link[p])
        if l <= -2 {
          // Matched in the window, and counted then.
          singleOriginal[s] = Int32(r)
          singleAnswer[s] = identity ? Int32(-2 - l) : rows[-2 - l]
          s += 1
        } else if answerKind[Int(kindColumn[r])] {
          unmatchedAnswers[u] = Int32(r)
          u += 1
        } else {
          singleOriginal[s] = Int32(r)
          s += 1
          tally.add(.unanswered, actor: i, lag: nil)
        }
      }
    }
    assert(s == singles && u == unmatched)
    result.singleOriginal = singleOriginal
    result.singleAnswer = singleAnswer
    result.unmatchedAnswers = unmatchedAnswers
    for root in componentOrder { result.groups.append(components[root]!) }
  }
}

/// Runs `body` with mutable buffers over two arrays at once.
@inline(__always)
func withUnsafeMutableBufferPointers<A, B, R>(
  _ a: inout [A], _ b: inout [B],
  _ body: (UnsafeMutableBufferPointer<A>, UnsafeMutableBufferPointer<B>) throws -> R
) rethrows -> R {
  try a.withUnsafeMutableBufferPointer { pa in
    try b.withUnsafeMutableBufferPointer { pb in try body(pa, pb) }
  }
}
