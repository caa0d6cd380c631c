extension DataSet {
  /// The same data set with only the actions `selection` keeps; actors, blocs, sources and
  /// reported figures stay as they are (an answer may then name an action that is left out:
  /// validation reports it as pointing nowhere).
  ///
  /// - Complexity: O(n) for n actions.
  public func keeping(_ selection: Selection) -> DataSet {
    guard !selection.isAll else { return self }
    let compiled = CompiledSelection(selection, in: self)
    var kept = ActionTable()
    for row in actions.indices where compiled.contains(row: row, of: actions) {
      kept.append(actions[row])
    }
    var copy = self
    copy.actions = kept
    return copy
  }
}
