import DiploGraph

extension DiagramFrames {
  /// How an episode is cut for small multiples: the period, how many frames it gives, and a
  /// sentence saying what a frame shows (and what was merged to stay within the limit).
  public struct SmallMultiples: Hashable, Sendable {
    /// The period to pass to ``DiagramFrames/init(network:style:period:renderer:engine:force:titled:)``.
    public var period: FramePeriod
    /// The number of frames that period gives (periods without an action left out).
    public var frames: Int
    /// `One frame per day with an action.` / `The 16 days with an action are merged into 5
    /// weeks (at most 12 frames).` / `… into 12 periods of 31 days …`.
    public var caption: String
  }

  /// The finest period that gives at most `limit` frames for `network`'s dated actions (self
  /// loops included, as the frames draw them): a day each when the days with an action are at
  /// most `limit`, else a week each when the weeks with one are, else the span cut into
  /// `limit` periods of equal length (⌈span / limit⌉ days, so at most `limit` frames).
  ///
  /// `nil` when fewer than two frames would be drawn (no dated action, or all on one day):
  /// one frame is the diagram itself.
  ///
  /// - Complexity: O(n log n) for n selected actions.
  public static func smallMultiples(of network: Network, atMost limit: Int = 12)
    -> SmallMultiples?
  {
    var days: [Day] = []
    for action in network.actions.includingSelfLoops { if let d = action.date { days.append(d) } }
    return smallMultiples(days: days, atMost: limit)
  }

  /// ``smallMultiples(of:atMost:)`` for the days of the dated actions (any order, repeated).
  static func smallMultiples(days: [Day], atMost limit: Int) -> SmallMultiples? {
    let limit = max(2, limit)
    let daily = periods(of: days, .day).count
    guard daily >= 2 else { return nil }
    if daily <= limit {
      return SmallMultiples(
        period: .day, frames: daily, caption: "One frame per day with an action.")
    }
    let weekly = periods(of: days, .week).count
    let merged = "The \(daily) days with an action are merged into"
    if weekly <= limit {
      return SmallMultiples(
        period: .week, frames: weekly,
        caption: "\(merged) \(weekly) weeks from the first action (at most \(limit) frames).")
    }
    let cut = periods(of: days, .count(limit))
    let length = cut.first.map { $0.0.days(to: $0.1) + 1 } ?? 1
    return SmallMultiples(
      period: .count(limit), frames: cut.count,
      caption:
        "\(merged) \(cut.count) periods of \(length) days from the first action (at most "
        + "\(limit) frames; periods without an action left out).")
  }
}
