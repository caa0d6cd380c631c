import DiploGraph

/// Bloc colours from the reference data, for a data set that has no bloc of that id.

extension DiagramModel {
  /// The reference's bloc `id` as the diagram colours it: its members on the last day of the
  /// network's selected actions (an actor has one colour in a picture, so one day decides),
  /// or on the reference's edition day when no selected action is dated; named
  /// "European Union (reference, 2018-03-27)" so that the legend tells it from a data set's
  /// own bloc. `nil` when the reference has no such bloc.
  ///
  /// - Complexity: O(n + m log m) for n selected actions and m actors ever members.
  static func referenceBloc(_ id: BlocID, _ network: Network) -> Bloc? {
    let reference = ReferenceData.standard
    guard reference.bloc(id) != nil else { return nil }
    var last: Day? = nil
    network.actions.forEachAction { action in
      if let day = action.date, last.map({ day > $0 }) ?? true { last = day }
    }
    let day = last ?? reference.edition
    guard var bloc = reference.snapshot(of: id, on: day) else { return nil }
    bloc.name += " (reference, \(day))"
    return bloc
  }
}
