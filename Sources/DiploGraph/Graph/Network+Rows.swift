/// Finding a table row among a network's selected rows, and the actions of other selections.

extension Network {
  /// The index of table row `row` in ``rows`` (its "position" in the selection), or `nil` when
  /// the selection leaves it out.
  ///
  /// - Complexity: O(log n), a binary search in the ascending ``rows``.
  public func position(ofRow row: Int) -> Int? {
    var lo = 0
    var hi = rows.count
    guard let key = Int32(exactly: row) else { return nil }
    while lo < hi {
      let mid = (lo + hi) / 2
      if rows[mid] < key { lo = mid + 1 } else { hi = mid }
    }
    return lo < rows.count && rows[lo] == key ? lo : nil
  }

  /// Whether the selection keeps table row `row`.
  ///
  /// - Complexity: O(log n).
  public func selects(row: Int) -> Bool { position(ofRow: row) != nil }

  /// The actions another selection of the same data set keeps, on this network's nodes: how a
  /// reported figure's scope is counted.
  ///
  /// - Complexity: O(n) for the n actions of the data set.
  public func actions(in selection: Selection) -> SelectedActions {
    let table = dataSet.actions
    return SelectedActions(
      table, rows: CompiledSelection(selection, in: dataSet).rows(of: table),
      nodeOfEndpoint: nodeOfEndpoint)
  }
}
