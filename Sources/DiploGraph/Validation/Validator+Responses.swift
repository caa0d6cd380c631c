/// The rules on answers (`respondsTo`): each names an existing other action, answers come on
/// or after what they answer and go the reverse way, and following answers never leads back.
extension Validation {
  /// - Complexity: O(n + r) for n actions and r `respondsTo` entries; the cycle search is an
  ///   iterative depth-first search with its stack on the heap.
  mutating func checkResponses() {
    let table = dataSet.actions
    let n = table.count
    // Targets of each answering row, as rows; -1 where the id is unknown or the row itself.
    var answered: [[Int32]] = []
    var entryOfRow = [Int32](repeating: -1, count: n)
    for (row, ids) in table.responses.entries {
      let row = Int(row)
      var targets: [Int32] = []
      for (k, symbol) in ids.enumerated() {
        let id = table.idSymbols[symbol]
        let path = DataPath(.actions, row, field: "respondsTo", item: k)
        let other = Int(symbol) < rowOfID.count ? Int(rowOfID[Int(symbol)]) : -1
        guard other >= 0 else {
          error(
            "found respondsTo \(JSON.quoted(id)), which is the id of no action; expected the "
              + "id of the action this one answers", at: path)
          continue
        }
        guard other != row else {
          error(
            "found the action answering itself (\(JSON.quoted(id)) is its own id); expected "
              + "the id of another action", at: path)
          continue
        }
        targets.append(Int32(other))
        checkAnswer(row: row, answers: other, id: id, at: path)
      }
      entryOfRow[row] = Int32(answered.count)
      answered.append(targets)
    }
    findCycles(answered: answered, entryOfRow: entryOfRow)
  }

  /// The date and direction of one answer.
  private mutating func checkAnswer(row: Int, answers other: Int, id: String, at path: DataPath) {
    let table = dataSet.actions
    if let date = table.date(row: row), let original = table.date(row: other), date < original {
      warning(
        "found an answer dated \(date), before the action it answers (\(JSON.quoted(id)), "
          + "dated \(original)); expected it on or after \(original)",
        at: DataPath(.actions, row, field: "date"))
    }
    let actor = table.actorColumn[row]
    let target = table.targetColumn[row]
    if actor != table.targetColumn[other] || target != table.actorColumn[other] {
      let s = table.endpointSymbols
      warning(
        "found an answer going \(s[actor]) → \(s[target]) to \(JSON.quoted(id)), which goes "
          + "\(s[table.actorColumn[other]]) → \(s[table.targetColumn[other]]); expected the "
          + "reverse way, \(s[table.targetColumn[other]]) → \(s[table.actorColumn[other]])",
        at: path)
    }
  }

  /// Reports each cycle of answers once, where the search closes it.
  private mutating func findCycles(answered: [[Int32]], entryOfRow: [Int32]) {
    let table = dataSet.actions
    // 0 unvisited, 1 on the current path, 2 done.
    var state = [UInt8](repeating: 0, count: table.count)
    var stack: [(row: Int32, next: Int)] = []
    for (start, _) in table.responses.entries where state[Int(start)] == 0 {
      stack.append((start, 0))
      state[Int(start)] = 1
      while let top = stack.last {
        let entry = Int(entryOfRow[Int(top.row)])
        let targets = entry >= 0 ? answered[entry] : []
        guard top.next < targets.count else {
          state[Int(top.row)] = 2
          stack.removeLast()
          continue
        }
        stack[stack.count - 1].next += 1
        let next = targets[top.next]
        switch state[Int(next)] {
        case 0:
          state[Int(next)] = 1
          stack.append((next, 0))
        case 1:
          reportCycle(path: stack.map(\.row), closingAt: next)
        default:
          break
        }
      }
    }
  }

  private mutating func reportCycle(path: [Int32], closingAt first: Int32) {
    let table = dataSet.actions
    guard let from = path.lastIndex(of: first), let last = path.last else { return }
    let rows = path[from...]
    func name(_ row: Int32) -> String {
      table.actionID(row: Int(row)).map { JSON.quoted($0.rawValue) } ?? "action \(row)"
    }
    var shown = rows.prefix(12).map(name)
    if rows.count > 12 { shown.append("… (\(rows.count) actions)") }
    shown.append(name(first))
    // The item of `last`'s respondsTo that closes the cycle.
    let closing = table.responses[Int(last)]?.firstIndex {
      Int($0) < rowOfID.count && rowOfID[Int($0)] == first
    }
    error(
      "found a cycle of answers: \(shown.joined(separator: " → ")); expected answers to lead "
        + "back to a first action that answers none of them",
      at: DataPath(.actions, Int(last), field: "respondsTo", item: closing))
  }
}
