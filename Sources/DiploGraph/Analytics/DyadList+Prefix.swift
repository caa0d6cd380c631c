/// Keeping the heaviest dyads only: what `stats --dyads top N` and `--dyads none` print.

extension DyadList {
  /// The first `count` dyads of the list — the heaviest, since a network's dyads are listed by
  /// total weight w_ij + w_ji, heaviest first, then by node — as a list of their own; all of
  /// them when `count` is at least the list's length, none when it is 0 or less.
  ///
  /// - Complexity: O(`count`); the rows are copied, the actor ids shared.
  public func heaviest(_ count: Int) -> DyadList {
    let n = Swift.max(0, Swift.min(count, self.count))
    if n == self.count { return self }
    if let materialized { return DyadList(Array(materialized.prefix(n))) }
    return DyadList(rows: Array(rows.prefix(n)), actorIDs: actorIDs)
  }

  /// No dyad of `network`: what ``heaviest(_:)`` keeps at 0, without making the list first.
  static func none(of network: Network) -> DyadList {
    DyadList(rows: [], actorIDs: network.actors.map(\.id))
  }

  /// A list of rows by node index, with the actor id of each node.
  private init(rows: [Row], actorIDs: [ActorID]) {
    self.rows = rows
    self.materialized = nil
    self.actorIDs = actorIDs
  }
}
