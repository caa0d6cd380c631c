import DiploGraph

/// The report's tables, with actor, bloc and source names instead of ids.
extension ReportContent {
  typealias Cell = TableModel.Cell
  typealias Column = TableModel.Column

  private func count(_ n: Int64) -> Cell { Cell(NumberText.grouped(n)) }

  /// The first ``ReportOptions/maximumRows`` elements of a long list: the tables build only
  /// the rows they show (``TableModel/limited(to:)`` then counts the others).
  private func shown<C: Collection>(_ items: C) -> C.SubSequence {
    items.prefix(max(1, options.maximumRows))
  }
  private func count(_ n: Int) -> Cell { Cell(NumberText.grouped(n)) }

  /// "What the sources say, checked against the data": every figure a source states,
  /// recomputed from the data under its own scope.
  var figureTable: TableModel {
    var table = TableModel(
      id: "table-figures", caption: "Figures the sources state, recomputed from the data",
      columns: [
        Column(title: "Source"), Column(title: "Figure"), Column(title: "Stated", numeric: true),
        Column(title: "The data", numeric: true), Column(title: "Borne out"),
      ],
      rows: shown(statistics.sources.figures).map { f in
        var detail = wording.describe(f.scope).capitalisedFirst
        if let quote = f.quote, !quote.isEmpty { detail += " — “\(quote)”" }
        return [
          Cell(wording.name(f.source)), Cell(f.label, detail: detail),
          Cell(f.qualifier.phrase(f.value)), count(f.computed),
          Cell(f.agrees ? "yes" : "no", mark: f.agrees ? .yes : .no),
        ]
      },
      notes: [
        "Each figure is recomputed from the actions it is about (its kinds, dates and actors), "
          + "whatever the selection of this report."
      ])
    table.cardsOnPhones = true
    table.omittedRows = statistics.sources.figures.count - table.rows.count
    return table
  }

  /// Claims on an action that contradict its figure or each other.
  var claimTable: TableModel {
    var rows: [[Cell]] = []
    var omitted = 0
    for d in statistics.sources.claimDisagreements {
      guard rows.count < options.maximumRows else {
        omitted += d.claims.count
        continue
      }
      let a = d.action
      var action = "\(wording.name(a.actor)) → \(wording.name(a.target))"
      action += ", " + ReportWording.kind(a.kind)
      let date = a.date.map(ReportWording.shortDate)
      for claim in d.claims {
        let conflicting = d.conflicts.compactMap { pair -> String? in
          if pair.first == claim.source { return wording.name(pair.second) }
          if pair.second == claim.source { return wording.name(pair.first) }
          return nil
        }
        let stated = claim.count.map { claim.qualifier.phrase($0) } ?? "no figure"
        rows.append([
          Cell(action, detail: date), Cell(a.count.map { NumberText.grouped($0) } ?? "—"),
          Cell(wording.name(claim.source)),
          Cell(stated, detail: claim.quote.map { "“\($0)”" }),
          claim.agreesWithAction.map { Cell($0 ? "yes" : "no", mark: $0 ? .yes : .no) }
            ?? Cell("—"),
          Cell(conflicting.isEmpty ? "—" : ReportWording.list(conflicting)),
        ])
      }
    }
    var table = TableModel(
      id: "table-claims", caption: "Claims that disagree with the data or with each other",
      columns: [
        Column(title: "Action"), Column(title: "The data", numeric: true),
        Column(title: "Source"), Column(title: "Claim"), Column(title: "Agrees with the data"),
        Column(title: "Contradicts"),
      ],
      rows: rows)
    table.cardsOnPhones = true
    table.omittedRows = omitted
    return table
  }

  var outcomeTable: TableModel {
    let words: [Exchange.Outcome: String] = [
      .inKind: "Answered in kind", .more: "Answered with more", .less: "Answered with less",
      .unanswered: "Unanswered", .notComparable: "Answered, counts not comparable",
    ]
    let order: [Exchange.Outcome] = [.inKind, .more, .less, .notComparable, .unanswered]
    return TableModel(
      id: "table-outcomes", caption: "How the actions were answered",
      columns: [
        Column(title: "Outcome"), Column(title: "Actions", numeric: true),
        Column(title: "Whose actions"),
      ],
      rows: order.compactMap { outcome in
        let s = statistics.responses.summary(outcome)
        if s.exchanges == 0 && outcome == .notComparable { return nil }
        return [
          Cell(words[outcome]!), count(s.exchanges),
          Cell(
            s.actors.isEmpty ? "—" : ReportWording.list(wording.sortedNames(s.actors), limit: 40)),
        ]
      },
      notes: [
        "An answer is an action that names the action it answers, else the first action the "
          + "other way within \(statistics.responses.windowDays) days. In kind: the same number "
          + "of diplomats."
      ])
  }

  var exchangeTable: TableModel {
    let outcome: [Exchange.Outcome: String] = [
      .inKind: "in kind", .more: "more", .less: "less", .unanswered: "unanswered",
      .notComparable: "not comparable",
    ]
    var table = TableModel(
      id: "table-exchanges", caption: "Every action and its answer",
      columns: [
        Column(title: "Action"), Column(title: "What"), Column(title: "Answer"),
        Column(title: "Ratio", numeric: true), Column(title: "Days later", numeric: true),
        Column(title: "Outcome"),
      ],
      rows: shown(statistics.responses.exchanges).map { e in
        let date = e.originals.first?.date.map(ReportWording.shortDate)
        let answerDate = e.answers.first?.date.map(ReportWording.shortDate)
        return [
          Cell("\(wording.name(e.actor)) → \(wording.name(e.target))", detail: date),
          Cell(Self.describe(e.originals, answers: false)),
          e.answers.isEmpty
            ? Cell("—") : Cell(Self.describe(e.answers, answers: true), detail: answerDate),
          Cell(ReportWording.ratio(e.ratio)), Cell(e.lagDays.map { String($0) } ?? "—"),
          Cell(outcome[e.outcome]!, mark: e.outcome == .unanswered ? .no : nil),
        ]
      },
      notes: ["Ratio: diplomats in the answer / diplomats in the action."])
    table.folded = true
    table.omittedRows = statistics.responses.exchanges.count - table.rows.count
    return table
  }

  var blocTable: TableModel {
    TableModel(
      id: "table-blocs", caption: "Bloc weights",
      columns: [
        Column(title: "Bloc"), Column(title: "Members", numeric: true),
        Column(title: "Acted", numeric: true), Column(title: "Diplomats W_B", numeric: true),
        Column(title: "Share", numeric: true), Column(title: "Per active member", numeric: true),
        Column(title: "E-I index", numeric: true),
      ],
      rows: statistics.blocs.blocs.map { b in
        [
          Cell(b.name.isEmpty ? b.id.rawValue : b.name), count(b.members.count),
          count(b.activeMembers.count), count(b.weight), Cell(ReportWording.percent(b.share)),
          Cell(b.meanPerActiveMember.map { NumberText.fixed($0, decimals: 1) } ?? "—"),
          Cell(ReportWording.ratio(b.eiIndex)),
        ]
      },
      notes: [
        "W_B: the diplomats the members expelled. E-I index: (E − I) / (E + I), with E the weight "
          + "crossing the bloc's border and I the weight inside it; +1 when all of it crosses."
      ])
  }

  var actorTable: TableModel {
    let rows = statistics.actors.sorted { a, b in
      let ta = a.outStrength &+ a.inStrength
      let tb = b.outStrength &+ b.inStrength
      if ta != tb { return ta > tb }
      return (wording.name(a.actor), a.actor) < (wording.name(b.actor), b.actor)
    }
    var table = TableModel(
      id: "table-actors", caption: "What each actor expelled and lost",
      columns: [
        Column(title: "Actor"), Column(title: "Expelled", numeric: true),
        Column(title: "Lost", numeric: true), Column(title: "Matched", numeric: true),
        Column(title: "Matched share", numeric: true), Column(title: "Balance", numeric: true),
        Column(title: "Links out", numeric: true), Column(title: "Links in", numeric: true),
      ],
      rows: shown(rows).map { a in
        [
          Cell(wording.name(a.actor)), count(a.outStrength), count(a.inStrength),
          count(a.reciprocatedStrength), Cell(ReportWording.percent(a.reciprocatedShare)),
          Cell(Self.signed(a.balance)), count(a.outDegree), count(a.inDegree),
        ]
      },
      notes: [
        "Expelled: the diplomats of others it expelled (out-strength); lost: its own diplomats "
          + "expelled (in-strength); matched: Σ min(w_ij, w_ji) over its partners; balance: "
          + "expelled − lost."
      ])
    table.folded = rows.count > options.foldRowsAbove
    table.omittedRows = rows.count - table.rows.count
    return table
  }

  var dyadTable: TableModel {
    var table = TableModel(
      id: "table-pairs", caption: "Every pair of actors, both ways",
      columns: [
        Column(title: "Pair"), Column(title: "First → second", numeric: true),
        Column(title: "Second → first", numeric: true), Column(title: "Matched", numeric: true),
        Column(title: "Balance", numeric: true), Column(title: "Both ways"),
      ],
      rows: shown(statistics.dyads).map { d in
        [
          Cell("\(wording.name(d.first)) – \(wording.name(d.second))"), count(d.forward),
          count(d.backward), count(d.reciprocated), Cell(Self.signed(d.balance)),
          Cell(d.isMutual ? "yes" : "no"),
        ]
      },
      notes: ["First: the side that expelled more. Balance: first → second − second → first."])
    table.folded = true
    table.omittedRows = statistics.dyads.count - table.rows.count
    return table
  }

  var sourceTable: TableModel {
    var table = TableModel(
      id: "table-sources", caption: "What each source reports",
      columns: [
        Column(title: "Source"), Column(title: "Actions", numeric: true),
        Column(title: "Actors", numeric: true), Column(title: "Diplomats", numeric: true),
        Column(title: "Claims", numeric: true), Column(title: "Figures", numeric: true),
      ],
      rows: shown(statistics.sources.sources).map { s in
        var detail = s.title.map { "“\($0)”" } ?? (s.declared ? "" : "not declared in the data set")
        if let date = s.date { detail += (detail.isEmpty ? "" : ", ") + ReportWording.date(date) }
        return [
          Cell(wording.name(s.id), detail: detail.isEmpty ? nil : detail), count(s.actions),
          count(s.actors.count), count(s.diplomats), count(s.claims), count(s.figures),
        ]
      },
      notes: [
        "Diplomats: the summed counts of the actions a source reports, as the data set uses them."
      ])
    table.omittedRows = statistics.sources.sources.count - table.rows.count
    return table
  }

  /// "+50", "−50", "0".
  static func signed(_ n: Int64) -> String {
    n > 0 ? "+" + NumberText.grouped(n) : (n < 0 ? "−" + NumberText.grouped(n.magnitude) : "0")
  }
}

extension NumberText {
  static func grouped(_ n: UInt64) -> String {
    n <= UInt64(Int64.max) ? grouped(Int64(n)) : String(n)
  }
}

extension String {
  /// The string with its first character upper-cased.
  var capitalisedFirst: String {
    guard let first else { return self }
    return first.uppercased() + dropFirst()
  }
}
