import DiploGraph

/// The responses' tables beyond the outcome summary: outcomes per kind of original, and the
/// time to answer.
extension Statistics {
  /// One row per kind of original, kind of actor and outcome with originals: what each figure
  /// counts, and of how many.
  func outcomeByKindTable(_ words: Wording, _ responses: ResponseAnalysis) -> Table {
    let who = words.audience
    typealias Row = (group: KindOutcomes, summary: OutcomeSummary)
    let rows: [Row] = responses.outcomesByKind.flatMap { group in
      group.outcomes.filter { $0.originals > 0 }.map { (group, $0) }
    }
    return Table(
      name: "response_outcomes_by_kind",
      title: who.pick("Responses by kind of original", "How each kind of action was answered"),
      notes: [
        "counts of original actions (of the group's originals); states apart from organisations"
      ],
      rows: rows,
      columns: [
        ColumnSpec("kind", "kind of original", readers: "Kind") {
          .text(Wording.kind($0.group.kind), value: $0.group.kind.rawValue)
        },
        ColumnSpec("actor_kind", "by", readers: "By") {
          .text(Wording.actorKindPlural($0.group.actorKind), value: $0.group.actorKind.rawValue)
        },
        ColumnSpec("outcome", "outcome", readers: "Outcome") {
          .text(Wording.outcome($0.summary.outcome), value: $0.summary.outcome.rawValue)
        },
        ColumnSpec("originals", "original actions", readers: "Actions") {
          .int($0.summary.originals)
        },
        ColumnSpec("of", "of", readers: "Of") { .int($0.group.originals) },
        ColumnSpec("actors", "actors", readers: "Whose actions") {
          let ids = $0.summary.actors.map(\.rawValue)
          return who == .analysts
            ? .text(ids.joined(separator: " "), value: ids.joined(separator: ";"))
            : .text(Wording.list(words.sortedNames($0.summary.actors), limit: 40))
        },
      ], for: who)
  }

  /// The Kaplan–Meier median time to answer with its interval, for every original, per kind
  /// of original and per bloc.
  func timeToAnswerTable(_ words: Wording, _ responses: ResponseAnalysis) -> Table {
    let who = words.audience
    let t = responses.timeToAnswer
    let rows = [t.all] + t.byKind + t.byBloc
    func days(_ d: Int?) -> Table.Cell { d.map { .int($0) } ?? .text("—", value: "") }
    return Table(
      name: "time_to_answer",
      title: who.pick("Time to answer (Kaplan-Meier)", "How long answers took"),
      notes: [
        "median days to an answer, 95% log-log interval (Brookmeyer-Crowley); originals not "
          + "answered are censored at the data's last date; groups: all, kinds, blocs"
      ],
      rows: rows,
      columns: [
        ColumnSpec("group", "group", readers: "Originals") { .text($0.group) },
        ColumnSpec("originals", "originals", readers: "Actions") { .int($0.originals) },
        ColumnSpec("answered", "answered", readers: "Answered") { .int($0.answered) },
        ColumnSpec("censored", "censored", readers: "Not answered") { .int($0.censored) },
        ColumnSpec("median_days", "median days", readers: "Median days") { days($0.medianDays) },
        ColumnSpec("lower_days", "lower", readers: "From") { days($0.medianLowerDays) },
        ColumnSpec("upper_days", "upper", readers: "To") { days($0.medianUpperDays) },
      ], for: who)
  }
}
