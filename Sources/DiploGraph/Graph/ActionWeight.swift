/// What one action adds to the weight of its link: the number every weighted analytic sums
/// (w_ij, r_w, strengths, bloc weights, the diagrams' line widths).
///
/// A ``Network`` reads it from its data set (``DataSet/weight``) once, when it selects the
/// actions: ``SelectedAction/weight`` and every sum over the selected actions then use it.
public enum ActionWeight: String, Hashable, Sendable, Codable, CaseIterable {
  /// The action's count of diplomats (0 when it has none).
  case count
  /// 1 per action: each event counts once (event data has no counts).
  case events
  /// The news mentions of the action's event (GDELT's NumMentions; 0 when the data has none).
  case mentions

  /// The default for a table: ``count`` when some action has a count, else ``events``.
  ///
  /// - Complexity: O(n) at worst; O(1) when the first action has a count.
  public static func automatic(for table: ActionTable) -> ActionWeight {
    table.countColumn.contains { $0 != ActionTable.noCount } ? .count : .events
  }

  /// What the weight is counted in, plural: `diplomats`, `events`, `mentions`.
  public var unit: String {
    switch self {
    case .count: "diplomats"
    case .events: "events"
    case .mentions: "mentions"
    }
  }

  /// Each row's weight as a stored count (``ActionTable/noCount`` for an action without a
  /// count, under ``count``).
  ///
  /// - Complexity: O(1) for ``count`` (the table's own column, shared); O(n) otherwise.
  func column(of table: ActionTable) -> [Int64] {
    switch self {
    case .count: table.countColumn
    case .events: Array(repeating: 1, count: table.count)
    case .mentions:
      table.mentionsColumn.isEmpty
        ? Array(repeating: 0, count: table.count) : table.mentionsColumn.map(Int64.init)
    }
  }
}

extension DataSet {
  /// The weight its networks use: ``weight`` when set, else ``ActionWeight/automatic(for:)``.
  public var resolvedWeight: ActionWeight { weight ?? .automatic(for: actions) }
}
