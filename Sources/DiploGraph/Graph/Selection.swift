/// Which actions an analysis, a diagram or a reported figure is about.
///
/// Every filter left `nil` keeps everything. The filters combine with "and". The same value is
/// used by every analytic and every command (the command line's selection options set it).
public struct Selection: Hashable, Sendable {
  /// Which end of an action the `blocs` and `actors` filters look at.
  public enum Side: String, Hashable, Sendable, Codable, CaseIterable {
    /// The acting actor or the target (the default: "everything involving the EU").
    case either
    /// The acting actor ("expulsions by EU states").
    case actor
    /// The target ("expulsions of Russian diplomats").
    case target
    /// Both ends ("actions within the EU").
    case both
  }

  /// Kinds to keep; `nil` keeps every kind.
  public var kinds: Set<ActionKind>?
  /// First day kept (inclusive). When set, undated actions are left out, and so is an action
  /// dated to a month or year only (``PartialDate``) unless its whole period is in the range.
  public var since: Day?
  /// Last day kept (inclusive). When set, undated actions are left out, and so is an action
  /// dated to a month or year only unless its whole period is in the range.
  public var until: Day?
  /// Keep actions whose `side` is a member of one of these blocs.
  public var blocs: Set<BlocID>?
  /// Keep actions whose `side` is one of these actors.
  public var actors: Set<ActorID>?
  public var side: Side

  public init(
    kinds: Set<ActionKind>? = nil, since: Day? = nil, until: Day? = nil, blocs: Set<BlocID>? = nil,
    actors: Set<ActorID>? = nil, side: Side = .either
  ) {
    self.kinds = kinds
    self.since = since
    self.until = until
    self.blocs = blocs
    self.actors = actors
    self.side = side
  }

  /// The selection that keeps every action.
  public static let all = Selection()

  /// Whether this selection keeps every action.
  public var isAll: Bool {
    kinds == nil && since == nil && until == nil && blocs == nil && actors == nil
  }
}

/// A selection compiled against one action table: per-symbol lookup arrays, so testing a row
/// costs a few array reads and no string comparison.
public struct CompiledSelection: Sendable {
  let kindAllowed: [Bool]?
  let endpointAllowed: [Bool]?
  /// Per endpoint symbol, the days it is in a chosen reference bloc (membership at the date of
  /// each action); `nil` when no chosen bloc comes from the reference.
  let datedMembership: DatedMembership?
  let side: Selection.Side
  let lowDay: Int32
  let highDay: Int32
  let datesFiltered: Bool
  /// Whether the selection keeps every row.
  let keepsAll: Bool

  /// Compiles `selection` for `dataSet.actions`. A bloc the data set does not have but the
  /// reference does (``ReferenceData/standard``) keeps an end at the date of each action
  /// (``DatedMembership``); other blocs and actors the data set does not know match nothing.
  public init(_ selection: Selection, in dataSet: DataSet) {
    let table = dataSet.actions
    if let kinds = selection.kinds {
      let names = Set(kinds.map(\.rawValue))
      kindAllowed = table.kindSymbols.strings.map { names.contains($0) }
    } else {
      kindAllowed = nil
    }
    if selection.blocs != nil || selection.actors != nil {
      var keep = Set<String>()
      if let blocs = selection.blocs {
        for bloc in dataSet.blocs where blocs.contains(bloc.id) {
          keep.formUnion(bloc.members.map(\.rawValue))
        }
      }
      var allowed = table.endpointSymbols.strings.map { keep.contains($0) }
      if let actors = selection.actors {
        let ids = Set(actors.map(\.rawValue))
        // Blocs and actors both given: an end passes when it is in either list.
        for (i, s) in table.endpointSymbols.strings.enumerated() where ids.contains(s) {
          allowed[i] = true
        }
      }
      endpointAllowed = allowed
    } else {
      endpointAllowed = nil
    }
    let referenceBlocs = (selection.blocs ?? []).filter { dataSet.bloc($0) == nil }
    datedMembership =
      referenceBlocs.isEmpty
      ? nil : DatedMembership(blocs: referenceBlocs.sorted(), of: table, in: .standard)
    side = selection.side
    keepsAll = selection.isAll
    datesFiltered = selection.since != nil || selection.until != nil
    lowDay = selection.since?.daysSinceEpoch ?? (Int32.min + 1)
    highDay = selection.until?.daysSinceEpoch ?? Int32.max
  }

  /// Whether the dates keep an action dated to `period` (a month or a year): when the whole
  /// period is in the range. A period wholly outside is left out, and so is one that straddles
  /// a bound (`2018-03` with `since` 2018-03-15): some of its days are outside, and which day
  /// the action fell on is not known (``Selection/straddling(in:)`` counts them).
  @inline(__always)
  func keeps(_ period: PartialDate) -> Bool {
    period.first.daysSinceEpoch >= lowDay && period.last.daysSinceEpoch <= highDay
  }

  /// The rows of `table` the selection keeps, ascending.
  ///
  /// - Complexity: O(n) for n rows.
  func rows(of table: ActionTable) -> SelectedRows {
    if keepsAll { return SelectedRows(everyRowOf: table.count) }
    var rows: [Int32] = []
    for row in 0..<table.count where contains(row: row, of: table) { rows.append(Int32(row)) }
    return SelectedRows(rows, tableCount: table.count)
  }

  /// Whether row `row` of `table` is selected.
  @inline(__always)
  public func contains(row: Int, of table: ActionTable) -> Bool {
    if let kindAllowed, !kindAllowed[Int(table.kindColumn[row])] { return false }
    if datesFiltered {
      let d = table.dateColumn[row]
      if d == ActionTable.noDate {
        guard let period = table.partialDate(row: row), keeps(period) else { return false }
      } else if d < lowDay || d > highDay {
        return false
      }
    }
    if let endpointAllowed {
      let actor = Int(table.actorColumn[row])
      let target = Int(table.targetColumn[row])
      var a = endpointAllowed[actor]
      var t = endpointAllowed[target]
      if let datedMembership {
        let day = table.dateColumn[row]
        a = a || datedMembership.contains(actor, on: day)
        t = t || datedMembership.contains(target, on: day)
      }
      switch side {
      case .either: if !(a || t) { return false }
      case .actor: if !a { return false }
      case .target: if !t { return false }
      case .both: if !(a && t) { return false }
      }
    }
    return true
  }
}

/// A selection is encoded with the keys of the canonical format (`kinds`, `since`, `until`,
/// `blocs`, `actors`, `side`); sets are written sorted so the encoding is deterministic, and a
/// filter left `nil` is encoded as absent (or `null`, as the encoder chooses).
extension Selection: Codable {
  private enum CodingKeys: String, CodingKey {
    case kinds
    case since
    case until
    case blocs
    case actors
    case side
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      kinds: try c.decodeIfPresent([ActionKind].self, forKey: .kinds).map(Set.init),
      since: try c.decodeIfPresent(Day.self, forKey: .since),
      until: try c.decodeIfPresent(Day.self, forKey: .until),
      blocs: try c.decodeIfPresent([BlocID].self, forKey: .blocs).map(Set.init),
      actors: try c.decodeIfPresent([ActorID].self, forKey: .actors).map(Set.init),
      side: try c.decodeIfPresent(Side.self, forKey: .side) ?? .either
    )
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(kinds?.sorted(), forKey: .kinds)
    try c.encodeIfPresent(since, forKey: .since)
    try c.encodeIfPresent(until, forKey: .until)
    try c.encodeIfPresent(blocs?.sorted(), forKey: .blocs)
    try c.encodeIfPresent(actors?.sorted(), forKey: .actors)
    try c.encode(side, forKey: .side)
  }
}

extension Selection {
  /// The actions dated to a month or year only whose period straddles ``since`` or ``until``
  /// (some of its days inside, some outside): the selection leaves them out, as it cannot tell
  /// on which side the action fell; callers warn about them. Each period with its number of
  /// actions, sorted; empty when no date bound is set.
  ///
  /// - Complexity: O(p log p) for p actions with a partial date.
  public func straddling(in dataSet: DataSet) -> [(period: PartialDate, actions: Int)] {
    guard since != nil || until != nil else { return [] }
    let low = since?.daysSinceEpoch ?? Int32.min
    let high = until?.daysSinceEpoch ?? Int32.max
    var found: [PartialDate: Int] = [:]
    for (_, period) in dataSet.actions.partialDates.entries {
      let first = period.first.daysSinceEpoch
      let last = period.last.daysSinceEpoch
      let inside = first >= low && last <= high
      let outside = last < low || first > high
      if !inside && !outside { found[period, default: 0] += 1 }
    }
    return found.sorted { $0.key < $1.key }.map { (period: $0.key, actions: $0.value) }
  }
}
