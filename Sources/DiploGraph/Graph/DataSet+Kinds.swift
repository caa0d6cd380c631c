// The kinds a selection names, checked against the kinds the data set has.

extension DataSet {
  /// The kinds of the data set's actions, in order of first use.
  ///
  /// - Complexity: O(k) for k distinct kinds.
  public var actionKinds: [ActionKind] {
    actions.kindSymbols.strings.map { ActionKind($0) }
  }

  /// The kinds of the data set that `names` name, each matched without regard to case
  /// (`String.lowercased()` on both sides): `["Expulsion"]` selects the kind `expulsion`, and
  /// every kind of the data set spelled the same up to case.
  ///
  /// - Throws: ``DiploGraphError`` (`invalid`) for a name that matches no kind of the data set
  ///   (the first such name, in the order given), with the kinds present listed, or "none"
  ///   for a data set without actions.
  /// - Complexity: O(k + m) for k distinct kinds and m names.
  public func matchingKinds(_ names: [String]) throws -> Set<ActionKind> {
    let kinds = actionKinds
    var byFolded: [String: [ActionKind]] = [:]
    for kind in kinds { byFolded[kind.rawValue.lowercased(), default: []].append(kind) }
    var matched: Set<ActionKind> = []
    for name in names {
      guard let found = byFolded[name.lowercased()] else {
        let list = kinds.map(\.rawValue).joined(separator: ", ")
        throw DiploGraphError(
          .invalid,
          "found no action of the kind \"\(name)\"; the data set has the kinds: "
            + (list.isEmpty ? "none" : list))
      }
      matched.formUnion(found)
    }
    return matched
  }
}
