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
  /// `respondsTo` links onto an answer, as rows: the counter-answer and the answer it answers.
  var counterLinks: [(answer: Int32, answered: Int32)] = []
}

struct ResponseMatcher {
  /// What a selected row turned out to be.
  enum Role: UInt8 {
    case open
    /// Answers an answer through `respondsTo` (and nothing else): an original, which only a
    /// `respondsTo` can answer (it takes no part in the window matching: a pair's queue holds
    /// the originals of one direction only).
    case counterAnswer
    /// A `declined` record that answers an answer: in no exchange, a chain's last step.
    case counterDeclined
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
  /// The action table's reader, shared with the rest of the analysis.
  let reader: ActionReader
  /// The selected actions; "positions" below are theirs.
  let actions: SelectedActions
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
  /// Beyond this many candidates, the matching by groups runs in two rounds.
  let candidatesInOneRound: Int
  /// The threads the matching by groups runs on, and the fewest visited actions a thread
  /// takes.
  let threads: Int
  let minimumPart: Int

  init(
    network: Network, options: ResponseOptions, reader: ActionReader,
    candidatesInOneRound: Int = 1 << 22, threads: Int = 1, minimumPart: Int = 1 << 16
  ) {
    self.network = network
    self.threads = threads
    self.minimumPart = minimumPart
    self.reader = reader
    self.candidatesInOneRound = candidatesInOneRound
    self.table = network.dataSet.actions
    self.options = options
    self.actions = network.actions
    let names = Set(options.answerKinds.map(\.rawValue) + [ActionKind.declined.rawValue])
    answerKind = table.kindSymbols.strings.map { names.contains($0) }
    let count = actions.positions.count
    role = [Role](repeating: .open, count: count)
    link = [Int32](repeating: -1, count: count)
    result = MatchedResponses()
  }

  func isAnswerKind(_ p: Int) -> Bool { answerKind[actions[p].kindSymbol] }

  func position(ofRow r: Int) -> Int? { network.position(ofRow: r) }

  consuming func run() -> MatchedResponses {
    matchExplicitly()
    let selected = actions
    selected.withReader { matchInWindow($0) }
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

  /// Follows the `respondsTo` links. A link is valid when the named action exists, is
  /// selected, is not the action itself, and goes the other way (neither is a self-loop). An
  /// action *is an answer* when one of its valid links names an original; an action is an
  /// original when it has no `respondsTo`, or when every valid link it has names an answer
  /// (a counter-answer), unless its kind is `declined` (always an answer). A valid link onto
  /// an original joins the two in an explicit exchange; a valid link onto an answer is a
  /// counter link, the step of a chain.
  mutating func matchExplicitly() {
    guard !table.responses.isEmpty else { return }
    let reader = self.reader
    parent = (0..<Int32(actions.positions.count)).map { $0 }
    // The row of each id symbol; the first row wins when an id repeats (validation reports it).
    var rowOfID = [Int32](repeating: -1, count: table.idSymbols.count)
    for (r, symbol) in table.idColumn.enumerated() where symbol >= 0 && rowOfID[Int(symbol)] < 0 {
      rowOfID[Int(symbol)] = Int32(r)
    }
    // The valid links of each position with a `respondsTo`, as positions.
    var valid: [Int: [Int]] = [:]
    var withLinks: [Int] = []
    for (r, references) in table.responses.entries {
      guard let p = position(ofRow: Int(r)) else { continue }
      let answer = Int(r)
      withLinks.append(p)
      role[p] = .explicitAnswer
      for symbol in references {
        let reason: UnresolvedReference.Reason?
        let original = Int(rowOfID[Int(symbol)])
        var q: Int?
        if actions[p].isSelfLoop {
          reason = .selfLoop
        } else if original < 0 {
          reason = .unknownAction
        } else if original == answer {
          reason = .sameAction
        } else if let found = position(ofRow: original) {
          q = found
          if actions[found].isSelfLoop {
            reason = .selfLoop
          } else if actions[found].actor != actions[p].target
            || actions[found].target != actions[p].actor
          {
            reason = .notReverse
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
          valid[p, default: []].append(q)
        }
      }
    }
    // Which actions are answers: decided from the actions they name, depth first (an explicit
    // stack, so that long chains do not exhaust the call stack; a cycle is cut where it closes).
    enum State: UInt8 { case visiting, original, answer }
    var state: [Int: State] = [:]
    let hasLinks = Set(withLinks)
    func isDeclined(_ p: Int) -> Bool { reader.isDeclined(actions.row(at: p)) }
    /// Whether a link onto q names an original.
    func ontoOriginal(_ q: Int) -> Bool {
      hasLinks.contains(q) ? state[q] == .original : !isDeclined(q)
    }
    for start in withLinks where state[start] == nil {
      var stack = [start]
      while let p = stack.last {
        if state[p] == nil {
          state[p] = .visiting
          for q in valid[p] ?? [] where hasLinks.contains(q) && state[q] == nil {
            stack.append(q)
          }
          continue
        }
        stack.removeLast()
        guard state[p] == .visiting else { continue }
        let links = valid[p] ?? []
        state[p] =
          links.isEmpty || isDeclined(p) || links.contains(where: ontoOriginal)
          ? .answer : .original
      }
    }
    for p in withLinks {
      let links = valid[p] ?? []
      for q in links where !ontoOriginal(q) {
        result.counterLinks.append((Int32(actions.row(at: p)), Int32(actions.row(at: q))))
      }
      if !links.isEmpty && !links.contains(where: ontoOriginal) {
        role[p] = isDeclined(p) ? .counterDeclined : .counterAnswer
      }
    }
    for p in withLinks {
      for q in valid[p] ?? [] where ontoOriginal(q) {
        role[q] = .explicitOriginal
        role[p] = .linkedAnswer
        union(p, q)
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
  /// queues in the cache (``matchInWindowByGroups(order:inOrder:actions:)``); beyond, one per
  /// link.
  ///
  /// - Parameter actions: the selected actions, read by position.
  mutating func matchInWindow(_ actions: SelectedActions.Reader) {
    let count = actions.positions.count
    let answerKind = self.answerKind
    let window = Int64(options.windowDays)
    let k = network.nodeCount

    func isCandidate(_ p: Int) -> Bool {
      role[p] == .open && actions.storedDate(at: p) != ActionTable.noDate
    }
    // Positions in (date, position) order: as they come when the input is in date order.
    var inOrder = true
    var previous = Int32.min
    for p in 0..<count where isCandidate(p) {
      let d = actions.storedDate(at: p)
      if d < previous {
        inOrder = false
        break
      }
      previous = d
    }
    let order: [Int32] =
      inOrder
      ? []
      : orderedByDay(count: count) { p in
        isCandidate(p) ? actions.storedDate(at: p) : ActionTable.noDate
      }
    if Self.matchesByGroups(nodes: k) {
      matchInWindowByGroups(order: order, inOrder: inOrder, actions: actions)
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
        for n in 0..<count {
          let p = inOrder ? n : Int(order[n])
          guard role[p] == .open else { continue }
          let action = actions[p]
          let date = action.storedDate
          if date == ActionTable.noDate {
            if inOrder { continue } else { break }  // the undated come last
          }
          let i = action.actor
          let j = action.target
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
                queues[q].headDate = actions.storedDate(at: next)
                if !inTime { link[g] = -1 }
              }
              if inTime {
                link[g] = -2 - Int32(p)
                role[p] = .windowAnswer
                answered = true
                break
              }
            } while queues[q].head >= 0
          }
          if !answered && !answerKind[action.kindSymbol] {
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

  /// Turns the roles and links into exchanges, in row order.
  mutating func collect() {
    guard parent.isEmpty else { return collectWithExplicitLinks() }
    // Without explicit links every position is taken alone: in parts, four per thread (a thread
    // slowed by another section holds up less), each listing its exchanges and unmatched
    // answers, the parts' lists then joined in order.
    let actions = self.actions
    let answerKind = self.answerKind
    let parts = partRanges(
      of: actions.positions.count, threads: threads, minimumPart: minimumPart)
    withUnsafeMutableBufferPointers(&role, &link) { role, link in
      // Unchecked: read only while the parts run.
      nonisolated(unsafe) let (role, link) = (role, link)
      /// Whether position p's action is an exchange's original (else an unmatched answer);
      /// `nil` when it is neither (a window answer).
      @Sendable func isOriginal(_ action: SelectedAction) -> Bool? {
        let p = action.position
        switch role[p] {
        case .windowAnswer, .counterDeclined: return nil
        case .open: return link[p] <= -2 || !answerKind[action.kindSymbol]
        case .counterAnswer: return true
        case .explicitAnswer: return false
        case .linkedAnswer, .explicitOriginal: preconditionFailure("no explicit exchange here")
        }
      }
      // One pass: each part lists its own (its arrays reserved at its length, the pages it
      // does not fill never touched), then the parts are joined in order.
      var found = concurrentMap(parts, threads: threads) { range in
        var original: [Int32] = []
        var answer: [Int32] = []
        var unmatched: [Int32] = []
        original.reserveCapacity(range.count)
        answer.reserveCapacity(range.count)
        actions.forEachAction(at: range) { action in
          let r = Int32(action.row)
          switch isOriginal(action) {
          case true:
            original.append(r)
            let l = Int(link[action.position])
            // Matched in the window, and counted then.
            answer.append(l <= -2 ? Int32(actions.row(at: -2 - l)) : -1)
          case false: unmatched.append(r)
          case nil: break
          }
        }
        return (original, answer, unmatched)
      }
      // Each column's parts freed once joined.
      result.singleOriginal = concurrentJoined(found.map(\.0), threads: threads)
      for i in found.indices { found[i].0 = [] }
      result.singleAnswer = concurrentJoined(found.map(\.1), threads: threads)
      for i in found.indices { found[i].1 = [] }
      result.unmatchedAnswers = concurrentJoined(found.map(\.2), threads: threads)
    }
  }

  /// ``collect()`` when some actions are linked explicitly: their exchanges are found by their
  /// roots in the union–find, in one pass on the calling thread.
  mutating func collectWithExplicitLinks() {
    let actions = self.actions
    let answerKind = self.answerKind
    var components: [Int: MatchedResponses.Group] = [:]
    var componentOrder: [Int] = []
    // Sizes first, so that the result arrays are made once at their size. Self-loops take no
    // part: they are never linked, answered or waiting.
    var singles = 0
    var unmatched = 0
    actions.forEachAction { action in
      let p = action.position
      switch role[p] {
      case .explicitAnswer: unmatched += 1
      case .counterAnswer: singles += 1
      case .open:
        if link[p] <= -2 || !answerKind[action.kindSymbol] {
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
    actions.forEachAction { action in
      let p = action.position
      let r = Int32(action.row)
      switch role[p] {
      case .explicitAnswer:
        unmatchedAnswers[u] = r
        u += 1
      case .linkedAnswer, .explicitOriginal:
        let root = find(p)
        if components[root] == nil {
          components[root] = MatchedResponses.Group(originals: [], answers: [])
          componentOrder.append(root)
        }
        if role[p] == .explicitOriginal {
          components[root]!.originals.append(r)
        } else {
          components[root]!.answers.append(r)
        }
      case .windowAnswer, .counterDeclined:
        break
      case .open, .counterAnswer:
        let l = Int(link[p])
        if l <= -2 {
          // Matched in the window, and counted then.
          singleOriginal[s] = r
          singleAnswer[s] = Int32(actions.row(at: -2 - l))
          s += 1
        } else if role[p] == .open && answerKind[action.kindSymbol] {
          unmatchedAnswers[u] = r
          u += 1
        } else {
          singleOriginal[s] = r
          s += 1
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
