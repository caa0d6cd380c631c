/// The matching behind ``ResponseAnalysis``: explicit links with a union–find, then the window
/// matching by unordered pair with two pointers. It works on the action table's columns and the
/// network's selected rows; no `Action` value is built.

/// The exchanges found, as rows, before they are turned into results.
struct MatchedResponses {
  /// The rows of one explicit exchange.
  struct Group {
    var originals: [Int32]
    var answers: [Int32]
  }

  /// Explicit exchanges.
  var groups: [Group] = []
  /// Exchanges of one original: matched in the window (`singleAnswer` ≥ 0) or unanswered (−1).
  var singleOriginal: [Int32] = []
  var singleAnswer: [Int32] = []
  var unmatchedAnswers: [Int32] = []
  var unresolved: [UnresolvedReference] = []
}

struct ResponseMatcher {
  /// What a selected row turned out to be.
  enum Role: UInt8 {
    case open
    /// Has a `respondsTo`.
    case explicitAnswer
    /// Answered through a `respondsTo`.
    case explicitOriginal
    /// Taken as the answer of an action in the window.
    case windowAnswer
    /// Matched through the window (see `partner`).
    case windowOriginal
  }

  let network: Network
  let table: ActionTable
  let options: ResponseOptions
  let reader: ActionReader
  /// Selected rows (ascending); "positions" below index this array.
  let rows: [Int32]
  /// Whether each kind symbol is an answer kind.
  let answerKind: [Bool]

  var role: [Role]
  /// For a window original, the position of its answer.
  var partner: [Int32]
  /// Explicit answers with at least one usable reference.
  var linked: [Bool]
  /// Union–find parents over positions (explicit links only; empty when there are none).
  var parent: [Int32] = []
  var result = MatchedResponses()

  init(network: Network, options: ResponseOptions) {
    self.network = network
    self.table = network.dataSet.actions
    self.options = options
    self.reader = ActionReader(network.dataSet.actions)
    self.rows = network.rows
    let names = Set(options.answerKinds.map(\.rawValue))
    answerKind = table.kindSymbols.strings.map { names.contains($0) }
    role = [Role](repeating: .open, count: rows.count)
    partner = [Int32](repeating: -1, count: rows.count)
    linked = [Bool](repeating: false, count: rows.count)
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
          } else if role[found] == .explicitAnswer {
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
          linked[p] = true
          union(p, q)
        }
      }
    }
  }

  // MARK: Window

  mutating func matchInWindow() {
    let nodeOf = network.nodeOfEndpoint
    let actorColumn = table.actorColumn
    let targetColumn = table.targetColumn
    let dateColumn = table.dateColumn
    let kindColumn = table.kindColumn
    let links = network.links
    let reverse = links.reverseLinks()
    let window = options.windowDays
    struct Item {
      /// Date (order-preserving, unsigned) in the high half, position in the low half.
      var order: UInt64
      var fromLow: Bool
      var answerKind: Bool
      var date: Int32 { Int32(bitPattern: UInt32(order >> 32) ^ 0x8000_0000) }
      var position: Int { Int(order & 0xFFFF_FFFF) }
    }
    // Group the dated open actions by unordered pair, without a comparison sort: each pair is
    // named by the lower index of its (one or two) links, and a counting sort by that name
    // keeps each group in row order.
    var pairOf: [Int32] = []
    var eligible: [Int32] = []
    var bucketStart = [Int](repeating: 0, count: links.count + 1)
    for p in 0..<rows.count where role[p] == .open {
      let r = Int(rows[p])
      if dateColumn[r] == ActionTable.noDate { continue }
      let i = Int(nodeOf[Int(actorColumn[r])])
      let j = Int(nodeOf[Int(targetColumn[r])])
      if i == j { continue }
      let e = links.link(from: i, to: j)!
      let pair = reverse[e] >= 0 ? min(e, Int(reverse[e])) : e
      pairOf.append(Int32(pair))
      eligible.append(Int32(p))
      bucketStart[pair + 1] += 1
    }
    for e in 0..<links.count { bucketStart[e + 1] += bucketStart[e] }
    var fill = bucketStart
    var items = [Item](
      repeating: Item(order: 0, fromLow: false, answerKind: false), count: eligible.count)
    for (n, position) in eligible.enumerated() {
      let p = Int(position)
      let r = Int(rows[p])
      let i = nodeOf[Int(actorColumn[r])]
      let j = nodeOf[Int(targetColumn[r])]
      let order = UInt64(UInt32(bitPattern: dateColumn[r]) ^ 0x8000_0000) << 32 | UInt64(p)
      let pair = Int(pairOf[n])
      items[fill[pair]] = Item(
        order: order, fromLow: i < j, answerKind: answerKind[Int(kindColumn[r])])
      fill[pair] += 1
    }
    pairOf = []
    eligible = []
    // Within a pair, by date then row: already so when the input is in date order.
    var groups: [Range<Int>] = []
    for e in 0..<links.count where bucketStart[e + 1] > bucketStart[e] {
      let range = bucketStart[e]..<bucketStart[e + 1]
      groups.append(range)
      let sorted = range.dropFirst().allSatisfy { items[$0 - 1].order < items[$0].order }
      if !sorted { items[range].sort { $0.order < $1.order } }
    }
    var consumed = [Bool](repeating: false, count: items.count)
    // Item indices of each direction of the current pair, in (date, row) order.
    var lowFirst: [Int] = []
    var highFirst: [Int] = []
    for group in groups {
      lowFirst.removeAll(keepingCapacity: true)
      highFirst.removeAll(keepingCapacity: true)
      for g in group {
        if items[g].fromLow { lowFirst.append(g) } else { highFirst.append(g) }
      }
      // Pointers into the list each direction takes its answers from.
      var nextLow = 0
      var nextHigh = 0
      for g in group {
        if consumed[g] || items[g].answerKind { continue }
        // Reverse actions before g were either taken as answers (by earlier originals of this
        // direction, always at the pointer) or taken as originals themselves: skip them.
        var candidate = -1
        if items[g].fromLow {
          while nextHigh < highFirst.count && highFirst[nextHigh] < g { nextHigh += 1 }
          if nextHigh < highFirst.count { candidate = highFirst[nextHigh] }
        } else {
          while nextLow < lowFirst.count && lowFirst[nextLow] < g { nextLow += 1 }
          if nextLow < lowFirst.count { candidate = lowFirst[nextLow] }
        }
        guard candidate >= 0, Int(items[candidate].date) - Int(items[g].date) <= window else {
          continue
        }
        consumed[candidate] = true
        if items[g].fromLow { nextHigh += 1 } else { nextLow += 1 }
        let p = items[g].position
        let q = items[candidate].position
        role[p] = .windowOriginal
        role[q] = .windowAnswer
        partner[p] = Int32(q)
      }
    }
  }

  // MARK: Groups

  mutating func collect() {
    var components: [Int: MatchedResponses.Group] = [:]
    var componentOrder: [Int] = []
    for p in 0..<rows.count {
      switch role[p] {
      case .explicitAnswer:
        if linked[p] {
          let root = find(p)
          if components[root] == nil {
            components[root] = MatchedResponses.Group(originals: [], answers: [])
            componentOrder.append(root)
          }
          components[root]!.answers.append(rows[p])
        } else if !isSelfLoop(p) {
          result.unmatchedAnswers.append(rows[p])
        }
      case .explicitOriginal:
        let root = find(p)
        if components[root] == nil {
          components[root] = MatchedResponses.Group(originals: [], answers: [])
          componentOrder.append(root)
        }
        components[root]!.originals.append(rows[p])
      case .windowOriginal:
        result.singleOriginal.append(rows[p])
        result.singleAnswer.append(rows[Int(partner[p])])
      case .windowAnswer:
        break
      case .open:
        if isSelfLoop(p) { continue }
        if isAnswerKind(p) {
          result.unmatchedAnswers.append(rows[p])
        } else {
          result.singleOriginal.append(rows[p])
          result.singleAnswer.append(-1)
        }
      }
    }
    for root in componentOrder { result.groups.append(components[root]!) }
  }
}
