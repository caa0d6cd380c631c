import DiploGraph

/// The tables of the statistics, each built once for either audience: analysts (`stats`) read
/// ids and every column, readers (the reports) names and the columns they need.

extension Statistics {
  /// Per actor: strengths, reciprocated weight, balance and degrees. Analysts read the actors
  /// in the statistics' order, readers from the most involved (expelled and lost) down.
  func actorTable(_ words: Wording, limit: Int?) -> Table {
    let who = words.audience
    let rows =
      who == .analysts
      ? actors
      : actors.sorted { a, b in
        let ta = a.outStrength &+ a.inStrength
        let tb = b.outStrength &+ b.inStrength
        if ta != tb { return ta > tb }
        return (words.name(a.actor), a.actor) < (words.name(b.actor), b.actor)
      }
    return Table(
      name: "actors", title: who.pick("Actors", "What each actor expelled and lost"),
      notes: [
        who.pick(
          "out/in: diplomats expelled / lost (summed counts); reciprocated: Σ min(w_ij, w_ji); "
            + "share: reciprocated / out; balance: out − in",
          "Expelled: the diplomats of others it expelled (out-strength); lost: its own diplomats "
            + "expelled (in-strength); matched: Σ min(w_ij, w_ji) over its partners; balance: "
            + "expelled − lost.")
      ],
      rows: rows, limit: limit,
      columns: [
        ColumnSpec("actor", "actor", readers: "Actor") { words.text(words.name($0.actor)) },
        ColumnSpec("name", "name") { .text($0.name) },
        ColumnSpec("out_strength", "out", readers: "Expelled") { .int($0.outStrength) },
        ColumnSpec("in_strength", "in", readers: "Lost") { .int($0.inStrength) },
        ColumnSpec("reciprocated_strength", "reciprocated", readers: "Matched") {
          .int($0.reciprocatedStrength)
        },
        ColumnSpec("non_reciprocated_out_strength", "unreciprocated out") {
          .int($0.nonReciprocatedOutStrength)
        },
        ColumnSpec("non_reciprocated_in_strength", "unreciprocated in") {
          .int($0.nonReciprocatedInStrength)
        },
        ColumnSpec("reciprocated_share", "share", readers: "Matched share") {
          .share($0.reciprocatedShare)
        },
        ColumnSpec("balance", "balance", readers: "Balance") { words.balance($0.balance) },
        ColumnSpec("out_degree", "links out", readers: "Links out") { .int($0.outDegree) },
        ColumnSpec("in_degree", "links in", readers: "Links in") { .int($0.inDegree) },
        ColumnSpec("reciprocated_degree", "mutual links") { .int($0.reciprocatedDegree) },
        ColumnSpec("link_reciprocity", "link reciprocity") { .ratio($0.linkReciprocity) },
      ], for: who)
  }

  /// Per pair of actors, both ways: analysts read the two ids and the actions, readers the
  /// pair by name.
  func dyadTable(_ words: Wording, limit: Int?) -> Table {
    let who = words.audience
    var table = Table(
      name: who.pick("dyads", "pairs"), title: who.pick("Dyads", "Every pair of actors, both ways"),
      notes: [
        who.pick(
          "first: the side that sent more; balance = first→second − second→first",
          "First: the side that expelled more. Balance: first → second − second → first.")
      ],
      rows: dyads, limit: limit,
      columns: [
        ColumnSpec("pair", nil, readers: "Pair") {
          words.text("\(words.name($0.first)) – \(words.name($0.second))")
        },
        ColumnSpec("first", "first") { .text($0.first.rawValue) },
        ColumnSpec("second", "second") { .text($0.second.rawValue) },
        ColumnSpec("forward", "first→second", readers: "First → second") { .int($0.forward) },
        ColumnSpec("backward", "second→first", readers: "Second → first") { .int($0.backward) },
        ColumnSpec("forward_actions", "actions →") { .int($0.forwardActions) },
        ColumnSpec("backward_actions", "actions ←") { .int($0.backwardActions) },
        ColumnSpec("reciprocated", "reciprocated", readers: "Matched") { .int($0.reciprocated) },
        ColumnSpec("balance", "balance", readers: "Balance") { words.balance($0.balance) },
        ColumnSpec("mutual", "mutual", readers: "Both ways") { .flag($0.isMutual) },
      ], for: who)
    table.folded = true
    return table
  }

  /// How the actions were answered, one row per outcome. Analysts read every outcome in the
  /// analysis's order; readers the answered ones first and the unanswered last, "not
  /// comparable" only when some exchange is.
  func outcomeTable(_ words: Wording, _ responses: ResponseAnalysis) -> Table {
    let who = words.audience
    let order: [Exchange.Outcome] =
      who == .analysts
      ? responses.outcomes.map(\.outcome)
      : [.inKind, .more, .less, .notComparable, .declined, .unanswered, .pending, .undated]
    let rarely: Set<Exchange.Outcome> = [.notComparable, .declined, .pending, .undated]
    let rows = order.map { responses.summary($0) }.filter {
      who == .analysts || $0.exchanges > 0 || !rarely.contains($0.outcome)
    }
    let answered: [Exchange.Outcome: String] = [
      .inKind: "Answered in kind", .more: "Answered with more", .less: "Answered with less",
      .unanswered: "Unanswered", .notComparable: "Answered, counts not comparable",
      .declined: "Declined, on record", .pending: "Pending (window still open)",
      .undated: "Undated (cannot be judged)",
    ]
    let window = responses.windowDays
    return Table(
      name: who.pick("response_outcomes", "outcomes"),
      title: who.pick("Responses", "How the actions were answered"),
      notes: [
        who.pick(
          "answers: explicit respondsTo first, else the first reverse action within \(window) days",
          "An answer is an action that names the action it answers, else the first action the "
            + "other way within \(window) days. In kind: the same number of diplomats.")
      ],
      rows: rows,
      columns: [
        ColumnSpec("outcome", "outcome", readers: "Outcome") {
          who == .analysts
            ? .text(Wording.outcome($0.outcome), value: $0.outcome.rawValue)
            : Table.Cell(.verbatim(answered[$0.outcome]!))
        },
        ColumnSpec("exchanges", "exchanges", readers: "Exchanges") { .int($0.exchanges) },
        ColumnSpec("originals", "original actions", readers: "Actions") { .int($0.originals) },
        ColumnSpec("actors", "actors (of the originals)", readers: "Whose actions") {
          let ids = $0.actors.map(\.rawValue)
          return who == .analysts
            ? .text(ids.joined(separator: " "), value: ids.joined(separator: ";"))
            : .text(Wording.list(words.sortedNames($0.actors), limit: 40))
        },
      ], for: who)
  }

  /// Every action that could be answered, and its answer. Analysts read the rows of the
  /// actions (`#n`) and their counts; readers each side in words, with the dates as details.
  func exchangeTable(_ words: Wording, _ responses: ResponseAnalysis, limit: Int?) -> Table {
    let who = words.audience
    func date(_ refs: [ActionReference]) -> String? { refs.first.flatMap(words.shortDate) }
    var table = Table(
      name: "exchanges", title: who.pick("Exchanges", "Every action and its answer"),
      notes: [
        who.pick(
          "#n is the action at index n (0-based) of the data set; ratio: answers / originals",
          "Ratio: diplomats in the answer / diplomats in the action.")
      ],
      rows: responses.exchanges, limit: limit,
      columns: [
        ColumnSpec("action", nil, readers: "Action") {
          Table.Cell(
            .verbatim("\(words.name($0.actor)) → \(words.name($0.target))"),
            detail: date($0.originals))
        },
        ColumnSpec("actor", "actor") { .text($0.actor.rawValue) },
        ColumnSpec("target", "target") { .text($0.target.rawValue) },
        ColumnSpec("date", "date") { .optional($0.originals.first?.date) },
        ColumnSpec("what", nil, readers: "What") {
          Table.Cell(.verbatim(Wording.actions($0.originals)))
        },
        ColumnSpec("originals", "originals") { Self.references($0.originals) },
        ColumnSpec("original_counts", "counts") { Self.counts($0.originals) },
        ColumnSpec("original_total", "total") { .optional($0.originalTotal) },
        ColumnSpec("answer", nil, readers: "Answer") {
          $0.answers.isEmpty
            ? .text("")
            : Table.Cell(.verbatim(Wording.actions($0.answers)), detail: date($0.answers))
        },
        ColumnSpec("answer_date", "answered") { .optional($0.answers.first?.date) },
        ColumnSpec("answers", "answers") { Self.references($0.answers) },
        ColumnSpec("answer_counts", "counts") { Self.counts($0.answers) },
        ColumnSpec("answer_total", "total") { .optional($0.answerTotal) },
        ColumnSpec("ratio", "ratio", readers: "Ratio") { .ratio($0.ratio) },
        ColumnSpec("lag_days", "lag (days)", readers: "Days later") { words.lag($0.lagDays) },
        ColumnSpec("matching", "matched") { .text($0.matching?.rawValue ?? "") },
        ColumnSpec("outcome", "outcome", readers: "Outcome") {
          who == .analysts
            ? .text(Wording.outcome($0.outcome), value: $0.outcome.rawValue)
            : Table.Cell(
              .verbatim(Wording.outcome($0.outcome)), mark: $0.outcome == .unanswered ? .no : nil)
        },
      ], for: who)
    table.folded = true
    return table
  }

  /// "us1 + us2" by id where there is one, "#row" otherwise; programs read the rows ("12;13").
  static func references(_ refs: [ActionReference]) -> Table.Cell {
    .text(
      refs.map { $0.id?.rawValue ?? "#\($0.row)" }.joined(separator: " + "),
      value: refs.map { String($0.row) }.joined(separator: ";"))
  }

  /// "48 + 12", with "?" for a missing count; programs read "48;12", empty for a missing one.
  static func counts(_ refs: [ActionReference]) -> Table.Cell {
    .text(
      refs.map { $0.count.map { NumberText.grouped($0) } ?? "?" }.joined(separator: " + "),
      value: refs.map { $0.count.map(String.init) ?? "" }.joined(separator: ";"))
  }

  /// Per bloc: members, weight, share, E-I. Readers see the bloc by its name.
  func blocTable(_ words: Wording, _ blocs: BlocAnalysis, limit: Int? = nil) -> Table {
    let who = words.audience
    return Table(
      name: "blocs", title: who.pick("Blocs", "Bloc weights"),
      notes: who.pick(
        [
          Self.partitionLine(blocs),
          "weight: Σ out-strength of the members; E-I = (E − I) / (E + I) on weights, "
            + "E counting links out of and into the bloc",
        ],
        [
          "W_B: the diplomats the members expelled. E-I index: (E − I) / (E + I), with E the "
            + "weight crossing the bloc's border and I the weight inside it; +1 when all of it "
            + "crosses."
        ]),
      rows: blocs.blocs, limit: limit,
      columns: [
        ColumnSpec("bloc", "bloc", readers: "Bloc") {
          words.text(who == .analysts || $0.name.isEmpty ? $0.id.rawValue : $0.name)
        },
        ColumnSpec("name", "name") { .text($0.name) },
        ColumnSpec("members", "members", readers: "Members") { .int($0.members.count) },
        ColumnSpec("active_members", "active", readers: "Acted") { .int($0.activeMembers.count) },
        ColumnSpec("weight", "weight", readers: "Diplomats W_B") { .int($0.weight) },
        ColumnSpec("share", "share", readers: "Share") { .share($0.share) },
        ColumnSpec("mean_per_active_member", "mean per active", readers: "Per active member") {
          .amount($0.meanPerActiveMember)
        },
        ColumnSpec("internal_weight", "internal (I)") { .int($0.internalWeight) },
        ColumnSpec("external_weight", "external (E)") { .int($0.externalWeight) },
        ColumnSpec("ei_index", "E-I", readers: "E-I index") { .ratio($0.eiIndex) },
        ColumnSpec("link_ei_index", "E-I (links)") { .ratio($0.linkEIIndex) },
      ], for: who)
  }
}
