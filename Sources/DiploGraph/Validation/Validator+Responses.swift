/// The rules on answers (`respondsTo`): each names an existing other action, answers come on
/// or after what they answer and go the reverse way, and following answers never leads back.
extension Validation {
  /// - Complexity: O(n + r) for n actions and r `respondsTo` entries; the cycle search is an
  ///   iterative depth-first search with its stack on the heap.
  mutating func checkResponses() {
    let table = dataSet.actions
    // No answers, nothing to check: not three arrays of a row each (90 MB of fresh pages at
    // 10M actions) for a graph without edges.
    guard !table.responses.isEmpty else { return }
    let n = table.count
    // The rows each row answers, in compressed-row form: `targets[offsets[r]..<offsets[r + 1]]`;
    // unknown ids and a row's own id are reported and left out.
    var offsets = [Int32](repeating: 0, count: n + 1)
    var targets: [Int32] = []
    targets.reserveCapacity(table.responses.rows.count)
    var nextRow = 0
    for (row, ids) in table.responses.entries {
      let row = Int(row)
      while nextRow <= row {
        offsets[nextRow] = Int32(targets.count)
        nextRow += 1
      }
      for (k, symbol) in ids.enumerated() {
        let other = Int(symbol) < rowOfID.count ? Int(rowOfID[Int(symbol)]) : -1
        guard other >= 0, other != row else {
          let id = JSON.quoted(table.idSymbols[symbol])
          let path = DataPath(.actions, row, field: "respondsTo", item: k)
          if other < 0 {
            error(
              "found respondsTo \(id), which is the id of no action; expected the id of the "
                + "action this one answers", at: path)
          } else {
            error(
              "found the action answering itself (\(id) is its own id); expected the id of "
                + "another action", at: path)
          }
          continue
        }
        targets.append(Int32(other))
        checkAnswer(row: row, answers: other, symbol: symbol, item: k)
      }
    }
    while nextRow <= n {
      offsets[nextRow] = Int32(targets.count)
      nextRow += 1
    }
    findCycles(offsets: offsets, targets: targets)
  }

  /// The date and direction of one answer.
  private mutating func checkAnswer(row: Int, answers other: Int, symbol: Int32, item: Int) {
    let table = dataSet.actions
    let date = table.dateColumn[row]
    let original = table.dateColumn[other]
    if date != ActionTable.noDate && original != ActionTable.noDate && date < original {
      let id = JSON.quoted(table.idSymbols[symbol])
      let date = Day(daysSinceEpoch: date)
      let original = Day(daysSinceEpoch: original)
      warning(
        "found an answer dated \(date), before the action it answers (\(id), "
          + "dated \(original)); expected it on or after \(original)",
        at: DataPath(.actions, row, field: "date"))
    }
    let actor = table.actorColumn[row]
    let target = table.targetColumn[row]
    if actor != table.targetColumn[other] || target != table.actorColumn[other] {
      let s = table.endpointSymbols
      let id = JSON.quoted(table.idSymbols[symbol])
      warning(
        "found an answer going \(s[actor]) → \(s[target]) to \(id), which goes "
          + "\(s[table.actorColumn[other]]) → \(s[table.targetColumn[other]]); expected the "
          + "reverse way, \(s[table.targetColumn[other]]) → \(s[table.actorColumn[other]])",
        at: DataPath(.actions, row, field: "respondsTo", item: item))
    }
  }

  /// Reports each cycle of answers once, where the search closes it.
  private mutating func findCycles(offsets: [Int32], targets: [Int32]) {
    let table = dataSet.actions
    // 0 unvisited, 1 on the current path, 2 done.
    var state = [UInt8](repeating: 0, count: table.count)
    // Each frame: a row and the index in `targets` of its next edge to follow.
    var stack: [(row: Int32, next: Int32)] = []
    // Where each row on the current path is in `stack`.
    var depth = [Int32](repeating: -1, count: table.count)
    for start in table.responses.rows where state[Int(start)] == 0 {
      stack.append((start, offsets[Int(start)]))
      state[Int(start)] = 1
      depth[Int(start)] = 0
      while let top = stack.last {
        guard top.next < offsets[Int(top.row) + 1] else {
          state[Int(top.row)] = 2
          depth[Int(top.row)] = -1
          stack.removeLast()
          continue
        }
        stack[stack.count - 1].next += 1
        let next = targets[Int(top.next)]
        switch state[Int(next)] {
        case 0:
          state[Int(next)] = 1
          depth[Int(next)] = Int32(stack.count)
          stack.append((next, offsets[Int(next)]))
        case 1:
          reportCycle(stack[Int(depth[Int(next)])...].lazy.map(\.row))
        default:
          break
        }
      }
    }
  }

  /// Reports the cycle `rows` (each answering the one before, the first answering the last).
  ///
  /// - Complexity: O(1) beyond the few ids shown.
  private mutating func reportCycle(_ rows: some Collection<Int32>) {
    let table = dataSet.actions
    guard let first = rows.first else { return }
    let last = rows.dropFirst(rows.count - 1).first ?? first
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
