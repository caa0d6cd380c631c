/// The matching behind ``ResponseAnalysis``: explicit links with a union–find, then the window
/// matching by unordered pair with two pointers. It works on the action table's columns and the
/// network's selected rows; no `Action` value is built.

/// The exchanges found, as rows, before they are turned into results.
struct MatchedResponses {
  struct Group {
    var originals: [Int32]
    var answers: [Int32]
    var matching: Exchange.Matching?
  }

  var groups: [Group] = []
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
              action: ActionReference(row: answer, of: table),
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
    let k = network.nodeCount
    struct Item {
      var pair: Int
      var date: Int32
      var position: Int32
    }
    var items: [Item] = []
    for p in 0..<rows.count where role[p] == .open {
      let r = row(p)
      let date = table.dateColumn[r]
      if date == ActionTable.noDate { continue }
      let i = network.actorNode(row: r)
      let j = network.targetNode(row: r)
      if i == j { continue }
      items.append(Item(pair: min(i, j) * k + max(i, j), date: date, position: Int32(p)))
    }
    items.sort { a, b in
      if a.pair != b.pair { return a.pair < b.pair }
      if a.date != b.date { return a.date < b.date }
      return a.position < b.position
    }
    var consumed = [Bool](repeating: false, count: items.count)
    // Group indices of each direction of the current pair, in (date, row) order.
    var lowFirst: [Int] = []
    var highFirst: [Int] = []
    var start = 0
    while start < items.count {
      var end = start
      while end < items.count && items[end].pair == items[start].pair { end += 1 }
      lowFirst.removeAll(keepingCapacity: true)
      highFirst.removeAll(keepingCapacity: true)
      for g in start..<end {
        let r = row(Int(items[g].position))
        let i = network.actorNode(row: r)
        let j = network.targetNode(row: r)
        if i < j { lowFirst.append(g) } else { highFirst.append(g) }
      }
      // Pointers into the list each direction takes its answers from.
      var nextLow = 0
      var nextHigh = 0
      for g in start..<end {
        if consumed[g] { continue }
        let p = Int(items[g].position)
        if isAnswerKind(p) { continue }
        let r = row(p)
        let fromLow = network.actorNode(row: r) < network.targetNode(row: r)
        // Reverse actions before g were either taken as answers (by earlier originals of this
        // direction, always at the pointer) or taken as originals themselves: skip them.
        var candidate: Int?
        if fromLow {
          while nextHigh < highFirst.count && highFirst[nextHigh] < g { nextHigh += 1 }
          if nextHigh < highFirst.count { candidate = highFirst[nextHigh] }
        } else {
          while nextLow < lowFirst.count && lowFirst[nextLow] < g { nextLow += 1 }
          if nextLow < lowFirst.count { candidate = lowFirst[nextLow] }
        }
        if let c = candidate,
          Int(items[c].date) - Int(items[g].date) <= options.windowDays
        {
          consumed[c] = true
          if fromLow { nextHigh += 1 } else { nextLow += 1 }
          let q = Int(items[c].position)
          role[p] = .windowOriginal
          role[q] = .windowAnswer
          partner[p] = Int32(q)
        }
      }
      start = end
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
            components[root] = MatchedResponses.Group(
              originals: [], answers: [], matching: .explicit)
            componentOrder.append(root)
          }
          components[root]!.answers.append(rows[p])
        } else if !isSelfLoop(p) {
          result.unmatchedAnswers.append(rows[p])
        }
      case .explicitOriginal:
        let root = find(p)
        if components[root] == nil {
          components[root] = MatchedResponses.Group(
            originals: [], answers: [], matching: .explicit)
          componentOrder.append(root)
        }
        components[root]!.originals.append(rows[p])
      case .windowOriginal:
        result.groups.append(
          MatchedResponses.Group(
            originals: [rows[p]], answers: [rows[Int(partner[p])]], matching: .window))
      case .windowAnswer:
        break
      case .open:
        if isSelfLoop(p) { continue }
        if isAnswerKind(p) {
          result.unmatchedAnswers.append(rows[p])
        } else {
          result.groups.append(
            MatchedResponses.Group(originals: [rows[p]], answers: [], matching: nil))
        }
      }
    }
    for root in componentOrder { result.groups.append(components[root]!) }
  }
}
