// The rule on spellings: ids of one data set that differ only in case, spacing, punctuation
// or accents (`RUS`, `rus`, `Rus`) are different actors to the analyses, which is seldom what
// was meant. Once the mapping pass has run (``DataSet/mapActorSpellings(using:)``), only ids
// the reference does not know, or ids the data set declares, can still differ this way.

extension Validation {
  /// Warns once per group of actor ids (declared, or named by an action) whose
  /// ``ActorSpelling/key(_:)`` is the same, at the first place that names the group's second
  /// id: the declared actor, else the first action that names it.
  ///
  /// - Complexity: O(d·k) for d distinct ids of length at most k; O(d·k + n) for n actions
  ///   when a group is found.
  mutating func checkConfusableSpellings() {
    let table = dataSet.actions
    var ids = dataSet.actors.map(\.id)
    ids += table.endpointSymbols.strings.map { ActorID($0) }
    let groups = ActorSpelling.confusableGroups(ids)
    guard !groups.isEmpty else { return }
    var declaredAt: [ActorID: Int] = [:]
    for (i, actor) in dataSet.actors.enumerated() where declaredAt[actor.id] == nil {
      declaredAt[actor.id] = i
    }
    var rowOf = [Int](repeating: -1, count: table.endpointSymbols.count)
    var fieldOf = [String](repeating: "actor", count: table.endpointSymbols.count)
    for row in 0..<table.count {
      let actor = Int(table.actorColumn[row])
      let target = Int(table.targetColumn[row])
      if rowOf[actor] < 0 { rowOf[actor] = row }
      if rowOf[target] < 0 {
        rowOf[target] = row
        fieldOf[target] = "target"
      }
    }
    for group in groups {
      let quoted = group.map { JSON.quoted($0.rawValue) }
      let list =
        quoted.count == 2
        ? "\(quoted[0]) and \(quoted[1])"
        : quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
      let message =
        "found the actor ids \(list), which differ only in case, spacing or punctuation: "
        + "\(group.count) different actors to the analyses; expected one spelling per actor"
      let second = group[1]
      if let i = declaredAt[second] {
        warning(message, at: DataPath(.actors, i, field: "id"))
      } else if let symbol = table.endpointSymbols.index(of: second.rawValue),
        rowOf[Int(symbol)] >= 0
      {
        warning(message, at: DataPath(.actions, rowOf[Int(symbol)], field: fieldOf[Int(symbol)]))
      } else {
        warning(message, at: DataPath())
      }
    }
  }
}
