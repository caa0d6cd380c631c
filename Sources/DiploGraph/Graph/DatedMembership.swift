/// Membership of the reference's blocs at the date of each action, compiled per actor id of
/// one action table: what `--bloc EU` selects on a data set that has no bloc `EU` of its own.

/// The days each endpoint symbol of an action table was in one of some reference blocs, as
/// ranges of day numbers, and whether it counts for an undated action (the rule of
/// ``ReferenceData/isMember(_:of:on:undatedSpan:)``, on the table's dated span).
///
/// - Complexity: building is O(d·B·p + n) for d distinct ids, B blocs, p periods per actor
///   and bloc, n rows (the dated span); ``contains(_:on:)`` is O(B·p), one or two ranges for
///   each bloc: O(1) per action.
public struct DatedMembership: Sendable {
  /// Per endpoint symbol, the periods (of all the blocs) as ranges of day numbers.
  let periods: [[ClosedRange<Int32>]]
  /// Per endpoint symbol, whether it counts as a member for an undated action.
  let undated: [Bool]

  /// Membership of any of `blocs` (unknown ones add nothing) for the ids of `table`.
  public init(blocs: [BlocID], of table: ActionTable, in reference: ReferenceData) {
    let span = BlocAnalysis.datedSpan(of: table)
    var periods: [[ClosedRange<Int32>]] = []
    var undated: [Bool] = []
    for spelling in table.endpointSymbols.strings {
      let id = ActorID(spelling)
      var list: [ClosedRange<Int32>] = []
      var member = false
      for bloc in blocs {
        for period in reference.periods[bloc]?[id] ?? [] {
          list.append(period.from.daysSinceEpoch...(period.until?.daysSinceEpoch ?? .max))
        }
        member = member || reference.isMember(id, of: bloc, on: nil, undatedSpan: span)
      }
      periods.append(list)
      undated.append(member)
    }
    self.periods = periods
    self.undated = undated
  }

  /// Whether endpoint symbol `symbol` was in one of the blocs on day number `day`
  /// (``ActionTable/noDate``: for an undated action).
  @inline(__always)
  public func contains(_ symbol: Int, on day: Int32) -> Bool {
    if day == ActionTable.noDate { return undated[symbol] }
    return periods[symbol].contains { $0.contains(day) }
  }
}
