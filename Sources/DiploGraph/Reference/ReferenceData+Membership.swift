/// Bloc membership at a date.
///
/// Membership applies at the date of each action: the United Kingdom counts in the EU for an
/// action of 2018-03-26 and not for one of 2022-03-01; Finland in NATO from 2023-04-04.
///
/// An undated action has no date to apply. The rule we choose: its actor counts as a member
/// of a bloc only when it was a member on *every* day of the data set's dated span (the days
/// from its first to its last dated action), so that an undated action never counts for a bloc
/// whose membership changed while the data set's events took place. A data set without any
/// dated action uses the reference's ``ReferenceData/edition`` day instead. Analytics that
/// need a day for each action say how they treat undated ones; this is the membership side.

extension ReferenceData {
  /// Whether `actor` was a member of `bloc` on `day`; `false` for an unknown actor or bloc.
  ///
  /// - Complexity: O(p), p the actor's periods in the bloc (one or two).
  public func isMember(_ actor: ActorID, of bloc: BlocID, on day: Day) -> Bool {
    periods[bloc]?[actor]?.contains { $0.includes(day) } ?? false
  }

  /// Whether `actor` counts as a member of `bloc` for an action dated `day`: on that day when
  /// there is one; for an undated action, on every day of `span` (the data set's dated span),
  /// or on ``edition`` when `span` is `nil` (the data set has no dated action).
  ///
  /// - Complexity: O(p log p), p the actor's periods in the bloc.
  public func isMember(
    _ actor: ActorID, of bloc: BlocID, on day: Day?, undatedSpan span: ClosedRange<Day>?
  ) -> Bool {
    if let day { return isMember(actor, of: bloc, on: day) }
    guard let span else { return isMember(actor, of: bloc, on: edition) }
    // The periods are sorted by start; walk them while they cover the span without a gap.
    var covered = span.lowerBound
    for period in periods[bloc]?[actor] ?? [] where period.from <= covered {
      guard let until = period.until else { return true }
      if until >= covered { covered = until.adding(days: 1) }
      if covered > span.upperBound { return true }
    }
    return false
  }

  /// The members of `bloc` on `day`, sorted by id; empty for an unknown bloc.
  ///
  /// - Complexity: O(m log m), m the actors ever members of the bloc.
  public func members(of bloc: BlocID, on day: Day) -> [ActorID] {
    (periods[bloc] ?? [:]).compactMap { member, list in
      list.contains { $0.includes(day) } ? member : nil
    }.sorted()
  }

  /// The actors that were ever members of `bloc`, sorted by id.
  ///
  /// - Complexity: O(m log m), m the actors ever members of the bloc.
  public func everMembers(of bloc: BlocID) -> [ActorID] {
    (periods[bloc] ?? [:]).keys.sorted()
  }

  /// The blocs `actor` was a member of on `day`, in the order of ``blocs``.
  ///
  /// - Complexity: O(b·p), b blocs.
  public func blocs(of actor: ActorID, on day: Day) -> [BlocID] {
    blocs.map(\.id).filter { isMember(actor, of: $0, on: day) }
  }

  /// Every period of `actor`'s membership, in the order of the data file.
  ///
  /// - Complexity: O(M), M periods in all.
  public func memberships(of actor: ActorID) -> [Membership] {
    memberships.filter { $0.member == actor }
  }

  /// The bloc as the model knows it, with its members on `day` (sorted by id) and a note that
  /// names the day and the source; `nil` for an unknown bloc.
  ///
  /// - Complexity: O(m log m), m the actors ever members of the bloc.
  public func snapshot(of bloc: BlocID, on day: Day) -> Bloc? {
    guard let reference = self.bloc(bloc) else { return nil }
    return Bloc(
      id: reference.id, name: reference.name, members: members(of: bloc, on: day),
      note: "members on \(day) (reference data; \(reference.source))")
  }
}
