/// The statistics as a ``Report``: the headline in words, then one table per section.

extension Statistics {
  /// The report; with a `rowLimit` (for people), the long tables are built with that many
  /// rows only, and say how many they leave out. With a `summary` listing, the exchanges,
  /// unmatched answers and unresolved references are counted, not listed.
  func report(rowLimit: Int? = nil, listing: ResponseListing = .full) -> Report {
    let listed = listing.resolved(for: responses) == .full
    var tables = [
      overviewTable(), reciprocityTable(), actorTable(rowLimit), dyadTable(rowLimit),
      outcomeTable(), exchangeTable(listed ? rowLimit : 0), unmatchedTable(listed ? rowLimit : 0),
      unresolvedTable(listed ? rowLimit : 0), blocTable(), partitionTable(),
      matrixTable(), blocGraphTable(), sourceSummaryTable(sources.sources),
    ]
    if !listed {
      for t in tables.indices
      where ["exchanges", "unmatched_answers", "unresolved_references"]
        .contains(tables[t].name)
      {
        tables[t].unlisted = tables[t].omittedRows
        tables[t].omittedRows = 0
        tables[t].machineRows = nil
      }
    }
    return Report(
      title: title.isEmpty ? "Statistics" : "Statistics: \(title)",
      headline: headline(listed: listed), tables: tables)
  }

  // MARK: Headline

  func headline(listed: Bool = true) -> [(label: String, lines: [String])] {
    let o = overview
    var actions = NumberText.grouped(o.actions)
    var notes: [String] = []
    if o.selfLoopsExcluded > 0 {
      notes.append(NumberText.counted(o.selfLoopsExcluded, "self-loop") + " left out")
    }
    if o.actionsWithoutCount > 0 {
      notes.append("\(NumberText.grouped(o.actionsWithoutCount)) without a count, weight 0")
    }
    if o.undatedActions > 0 { notes.append("\(NumberText.grouped(o.undatedActions)) undated") }
    if !notes.isEmpty { actions += " (" + notes.joined(separator: "; ") + ")" }
    var dates = ReportCell.none
    if let first = o.firstDate, let last = o.lastDate {
      dates = first == last ? first.description : "\(first) to \(last)"
    }
    return [
      ("Selection", [StatisticsPrinter.describe(selection)]),
      (
        "Actors",
        [
          "\(NumberText.grouped(o.actors)) with a link (\(NumberText.grouped(o.declaredActors)) declared)"
        ]
      ),
      ("Actions", [actions]),
      ("Links", [NumberText.grouped(o.links)]),
      ("Total weight", ["\(NumberText.grouped(o.totalWeight)) diplomats"]),
      ("Dates", [dates]),
      ("Reciprocity", Self.reciprocityLines(reciprocity)),
      ("Responses", responseLines(listed: listed)),
      ("Blocs", [Self.partitionLine(blocs)]),
      ("Sources", [sourceLine()]),
    ]
  }

  static func reciprocityLines(_ r: Reciprocity) -> [String] {
    var lines: [String] = []
    if let binary = r.binary {
      lines.append(
        "r = \(NumberText.fixed(binary, decimals: 3)): \(NumberText.grouped(r.reciprocatedLinks)) of "
          + "\(NumberText.grouped(r.links)) links have a link back")
    } else {
      lines.append("r undefined: no links")
    }
    if let rho = r.rho, let density = r.density {
      let words =
        rho > 0
        ? "more often than the density alone predicts"
        : (rho < 0
          ? "less often than the density alone predicts" : "as often as the density predicts")
      lines.append(
        "ρ = \(NumberText.fixed(rho, decimals: 3)): links are reciprocated \(words) "
          + "(ā = \(NumberText.fixed(density, decimals: 3)))")
    } else if r.binary != nil {
      lines.append(
        r.density == 1 ? "ρ undefined: every possible link is present (ā = 1)" : "ρ undefined")
    }
    if let weighted = r.weighted {
      lines.append(
        "r_w = \(NumberText.fixed(weighted, decimals: 3)): \(NumberText.grouped(r.reciprocatedWeight)) of "
          + "\(NumberText.grouped(r.totalWeight)) diplomats are matched by weight the other way")
    } else if r.links > 0 {
      lines.append("r_w undefined: the total weight is 0")
    }
    return lines
  }

  func responseLines(listed: Bool = true) -> [String] {
    let words: [Exchange.Outcome: String] = [
      .inKind: "in kind", .more: "with more", .less: "with less", .unanswered: "unanswered",
      .notComparable: "not comparable",
    ]
    var parts: [String] = []
    for summary in responses.outcomes where summary.exchanges > 0 {
      var part = "\(NumberText.grouped(summary.exchanges)) \(words[summary.outcome]!)"
      if summary.outcome == .unanswered || summary.outcome == .more
        || summary.outcome == .less
      {
        part += " (" + Self.list(summary.actors.map(\.rawValue)) + ")"
      }
      parts.append(part)
    }
    var lines = [parts.isEmpty ? "no actions" : parts.joined(separator: ", ")]
    if let median = responses.medianLagDays, let mean = responses.meanLagDays {
      lines.append(
        "median lag \(NumberText.fixed(median, decimals: 1)) days, mean "
          + "\(NumberText.fixed(mean, decimals: 1)); window \(responses.windowDays) days")
    } else {
      lines.append("window \(responses.windowDays) days")
    }
    if !responses.unmatchedAnswers.isEmpty {
      lines.append(
        NumberText.counted(responses.unmatchedAnswers.count, "answer") + " without an original")
    }
    if !listed {
      lines.append(
        NumberText.counted(responses.exchanges.count, "exchange")
          + " summarised, not listed (too many to list; ask for the full listing)")
    }
    return lines
  }

  static func partitionLine(_ blocs: BlocAnalysis) -> String {
    let p = blocs.partition
    if blocs.blocs.isEmpty { return "no blocs" }
    let names = blocs.blocs.map(\.id.rawValue).joined(separator: ", ")
    switch p.status {
    case .partition:
      return "\(names): a partition of the acting actors (shares sum to 1)"
    case .disjointIncomplete:
      return
        "\(names): disjoint; acting actors in no bloc: \(list(p.unassignedActors.map(\.rawValue))) "
        + "(\(NumberText.grouped(p.unassignedWeight)) diplomats)"
    case .overlapping:
      return
        "\(names): overlapping; in several blocs: \(list(p.overlappingActors.map(\.rawValue))) "
        + "(their weight counts in each)"
    }
  }

  func sourceLine() -> String {
    let s = sources
    let notBorneOut = s.figures.filter { !$0.agrees }.count
    return NumberText.counted(s.sources.count, "source") + "; "
      + NumberText.counted(s.claimDisagreements.count, "action") + " with disagreeing claims, "
      + NumberText.counted(s.omissions.count, "source") + " with omissions, "
      + NumberText.counted(notBorneOut, "figure") + " not borne out, "
      + NumberText.counted(s.figureConflicts.count, "figure conflict")
  }

  /// At most ten items, then "and N more".
  static func list(_ items: [String]) -> String {
    if items.count <= 10 { return items.joined(separator: ", ") }
    return items.prefix(10).joined(separator: ", ")
      + " and \(NumberText.grouped(items.count - 10)) more"
  }

  // MARK: Tables

  func overviewTable() -> ReportTable {
    let o = overview
    var table = ReportTable.values(
      "overview", "Overview",
      [
        ("actors", "actors with a link", .int(o.actors)),
        ("declared_actors", "declared actors", .int(o.declaredActors)),
        ("actions", "actions", .int(o.actions)),
        ("self_loops_excluded", "self-loops left out", .int(o.selfLoopsExcluded)),
        ("actions_without_count", "actions without a count", .int(o.actionsWithoutCount)),
        ("undated_actions", "undated actions", .int(o.undatedActions)),
        ("links", "links", .int(o.links)),
        ("total_weight", "total weight", .int(o.totalWeight)),
        ("first_date", "first date", .optional(o.firstDate)),
        ("last_date", "last date", .optional(o.lastDate)),
      ])
    table.humanVisible = false
    return table
  }

  static func reciprocityValues(_ name: String, _ title: String, _ r: Reciprocity) -> ReportTable {
    ReportTable.values(
      name, title,
      [
        ("nodes", "nodes (N)", .int(r.nodes)),
        ("links", "links (L)", .int(r.links)),
        ("reciprocated_links", "reciprocated links (L↔)", .int(r.reciprocatedLinks)),
        ("binary", "reciprocity r = L↔ / L", .ratio(r.binary)),
        ("density", "density ā = L / N(N−1)", .ratio(r.density)),
        ("rho", "ρ = (r − ā) / (1 − ā)", .ratio(r.rho)),
        ("total_weight", "total weight W", .int(r.totalWeight)),
        ("reciprocated_weight", "reciprocated weight W↔", .int(r.reciprocatedWeight)),
        ("weighted", "weighted reciprocity r_w = W↔ / W", .ratio(r.weighted)),
      ])
  }

  func reciprocityTable() -> ReportTable {
    var table = Self.reciprocityValues("reciprocity", "Reciprocity", reciprocity)
    table.humanVisible = false
    return table
  }

  func actorTable(_ limit: Int?) -> ReportTable {
    var table = ReportTable(
      name: "actors", title: "Actors",
      notes: [
        "out/in: diplomats expelled / lost (summed counts); reciprocated: Σ min(w_ij, w_ji); "
          + "share: reciprocated / out; balance: out − in"
      ],
      columns: [
        .init(key: "actor", title: "actor"), .init(key: "name", title: "name"),
        .init(key: "out_strength", title: "out"), .init(key: "in_strength", title: "in"),
        .init(key: "reciprocated_strength", title: "reciprocated"),
        .init(key: "non_reciprocated_out_strength", title: "unreciprocated out"),
        .init(key: "non_reciprocated_in_strength", title: "unreciprocated in"),
        .init(key: "reciprocated_share", title: "share"),
        .init(key: "balance", title: "balance"),
        .init(key: "out_degree", title: "links out"), .init(key: "in_degree", title: "links in"),
        .init(key: "reciprocated_degree", title: "mutual links"),
        .init(key: "link_reciprocity", title: "link reciprocity"),
      ],
      rows: limited(actors, limit).map { a in
        [
          .text(a.actor.rawValue), .text(a.name), .int(a.outStrength), .int(a.inStrength),
          .int(a.reciprocatedStrength), .int(a.nonReciprocatedOutStrength),
          .int(a.nonReciprocatedInStrength), .share(a.reciprocatedShare), .int(a.balance),
          .int(a.outDegree), .int(a.inDegree), .int(a.reciprocatedDegree),
          .ratio(a.linkReciprocity),
        ]
      })
    table.omittedRows = actors.count - table.rows.count
    return table
  }

  func dyadTable(_ limit: Int?) -> ReportTable {
    var table = ReportTable(
      name: "dyads", title: "Dyads",
      notes: ["first: the side that sent more; balance = first→second − second→first"],
      columns: [
        .init(key: "first", title: "first"), .init(key: "second", title: "second"),
        .init(key: "forward", title: "first→second"), .init(key: "backward", title: "second→first"),
        .init(key: "forward_actions", title: "actions →"),
        .init(key: "backward_actions", title: "actions ←"),
        .init(key: "reciprocated", title: "reciprocated"), .init(key: "balance", title: "balance"),
        .init(key: "mutual", title: "mutual"),
      ],
      rows: limited(dyads, limit).map { d in
        [
          .text(d.first.rawValue), .text(d.second.rawValue), .int(d.forward), .int(d.backward),
          .int(d.forwardActions), .int(d.backwardActions), .int(d.reciprocated), .int(d.balance),
          .flag(d.isMutual),
        ]
      })
    table.omittedRows = dyads.count - table.rows.count
    return table
  }

  static func words(_ outcome: Exchange.Outcome) -> String {
    switch outcome {
    case .inKind: return "in kind"
    case .more: return "more"
    case .less: return "less"
    case .unanswered: return "unanswered"
    case .notComparable: return "not comparable"
    }
  }

  func outcomeTable() -> ReportTable {
    ReportTable(
      name: "response_outcomes", title: "Responses",
      notes: [
        "answers: explicit respondsTo first, else the first reverse action within "
          + "\(responses.windowDays) days"
      ],
      columns: [
        .init(key: "outcome", title: "outcome"), .init(key: "exchanges", title: "exchanges"),
        .init(key: "actors", title: "actors (of the originals)"),
      ],
      rows: responses.outcomes.map { s in
        [
          .text(Self.words(s.outcome)), .int(s.exchanges),
          .text(s.actors.map(\.rawValue).joined(separator: " ")),
        ]
      },
      machineRows: responses.outcomes.map { s in
        [
          .text(s.outcome.rawValue), .int(s.exchanges),
          .text(s.actors.map(\.rawValue).joined(separator: ";")),
        ]
      })
  }

  /// "us1 + us2" by id where there is one, "#row" otherwise.
  static func names(_ refs: [ActionReference]) -> String {
    refs.map { $0.id?.rawValue ?? "#\($0.row)" }.joined(separator: " + ")
  }

  /// "48 + 12", with "?" for a missing count.
  static func counts(_ refs: [ActionReference]) -> String {
    refs.map { $0.count.map { NumberText.grouped($0) } ?? "?" }.joined(separator: " + ")
  }

  func exchangeTable(_ limit: Int?) -> ReportTable {
    var table = ReportTable(
      name: "exchanges", title: "Exchanges",
      notes: ["#n is the action at index n (0-based) of the data set; ratio: answers / originals"],
      columns: [
        .init(key: "actor", title: "actor"), .init(key: "target", title: "target"),
        .init(key: "date", title: "date"), .init(key: "originals", title: "originals"),
        .init(key: "original_counts", title: "counts"),
        .init(key: "original_total", title: "total"), .init(key: "answer_date", title: "answered"),
        .init(key: "answers", title: "answers"), .init(key: "answer_counts", title: "counts"),
        .init(key: "answer_total", title: "total"), .init(key: "ratio", title: "ratio"),
        .init(key: "lag_days", title: "lag (days)"), .init(key: "matching", title: "matched"),
        .init(key: "outcome", title: "outcome"),
      ],
      rows: limited(responses.exchanges, limit).map { e in
        [
          .text(e.actor.rawValue), .text(e.target.rawValue), .optional(e.originals.first?.date),
          .text(Self.names(e.originals)), .text(Self.counts(e.originals)),
          .optionalInt(e.originalTotal), .optional(e.answers.first?.date),
          .text(Self.names(e.answers)), .text(Self.counts(e.answers)), .optionalInt(e.answerTotal),
          .ratio(e.ratio), .optional(e.lagDays), .text(e.matching?.rawValue ?? ""),
          .text(Self.words(e.outcome)),
        ]
      },
      machineRows: limit != nil
        ? nil
        : responses.exchanges.map { e in
          [
            .text(e.actor.rawValue), .text(e.target.rawValue), .optional(e.originals.first?.date),
            .text(e.originals.map { String($0.row) }.joined(separator: ";")),
            .text(e.originals.map { $0.count.map(String.init) ?? "" }.joined(separator: ";")),
            .optionalInt(e.originalTotal), .optional(e.answers.first?.date),
            .text(e.answers.map { String($0.row) }.joined(separator: ";")),
            .text(e.answers.map { $0.count.map(String.init) ?? "" }.joined(separator: ";")),
            .optionalInt(e.answerTotal), .ratio(e.ratio), .optional(e.lagDays),
            .text(e.matching?.rawValue ?? ""), .text(e.outcome.rawValue),
          ]
        })
    table.omittedRows = responses.exchanges.count - table.rows.count
    return table
  }

  static let actionColumns: [ReportColumn] = [
    .init(key: "row", title: "#"), .init(key: "id", title: "id"),
    .init(key: "actor", title: "actor"), .init(key: "target", title: "target"),
    .init(key: "kind", title: "kind"), .init(key: "count", title: "count"),
    .init(key: "date", title: "date"),
  ]

  static func actionCells(_ a: ActionReference) -> [ReportCell] {
    [
      .int(a.row), .text(a.id?.rawValue ?? ""), .text(a.actor.rawValue), .text(a.target.rawValue),
      .text(a.kind.rawValue), .optional(a.count), .optional(a.date),
    ]
  }

  func unmatchedTable(_ limit: Int?) -> ReportTable {
    var table = ReportTable(
      name: "unmatched_answers", title: "Answers without an original",
      columns: Self.actionColumns,
      rows: limited(responses.unmatchedAnswers, limit).map(Self.actionCells),
      showWhenEmpty: false)
    table.omittedRows = responses.unmatchedAnswers.count - table.rows.count
    return table
  }

  func unresolvedTable(_ limit: Int?) -> ReportTable {
    var table = ReportTable(
      name: "unresolved_references", title: "respondsTo links not followed",
      columns: Self.actionColumns + [
        .init(key: "reference", title: "respondsTo"), .init(key: "reason", title: "reason"),
      ],
      rows: limited(responses.unresolvedReferences, limit).map {
        Self.actionCells($0.action) + [
          .text($0.reference.rawValue), .text($0.reason.rawValue.replacingUnderscores()),
        ]
      },
      machineRows: limit != nil
        ? nil
        : responses.unresolvedReferences.map {
          Self.actionCells($0.action) + [.text($0.reference.rawValue), .text($0.reason.rawValue)]
        },
      showWhenEmpty: false)
    table.omittedRows = responses.unresolvedReferences.count - table.rows.count
    return table
  }

  func blocTable() -> ReportTable {
    ReportTable(
      name: "blocs", title: "Blocs",
      notes: [
        Self.partitionLine(blocs),
        "weight: Σ out-strength of the members; E-I = (E − I) / (E + I) on weights, "
          + "E counting links out of and into the bloc",
      ],
      columns: [
        .init(key: "bloc", title: "bloc"), .init(key: "name", title: "name"),
        .init(key: "members", title: "members"), .init(key: "active_members", title: "active"),
        .init(key: "weight", title: "weight"), .init(key: "share", title: "share"),
        .init(key: "mean_per_active_member", title: "mean per active"),
        .init(key: "internal_weight", title: "internal (I)"),
        .init(key: "external_weight", title: "external (E)"), .init(key: "ei_index", title: "E-I"),
        .init(key: "link_ei_index", title: "E-I (links)"),
      ],
      rows: blocs.blocs.map { b in
        [
          .text(b.id.rawValue), .text(b.name), .int(b.members.count), .int(b.activeMembers.count),
          .int(b.weight), .share(b.share), .amount(b.meanPerActiveMember), .int(b.internalWeight),
          .int(b.externalWeight), .ratio(b.eiIndex), .ratio(b.linkEIIndex),
        ]
      })
  }

  func partitionTable() -> ReportTable {
    let p = blocs.partition
    var table = ReportTable.values(
      "bloc_partition", "Partition",
      [
        ("status", "status", .text(p.status.rawValue)),
        (
          "overlapping_actors", "in several blocs",
          .text(p.overlappingActors.map(\.rawValue).joined(separator: ";"))
        ),
        (
          "unassigned_actors", "acting, in no bloc",
          .text(p.unassignedActors.map(\.rawValue).joined(separator: ";"))
        ),
        ("unassigned_weight", "their weight", .int(p.unassignedWeight)),
        ("share_sum", "sum of the shares", .ratio(p.shareSum)),
      ])
    table.humanVisible = false
    return table
  }

  func matrixTable() -> ReportTable {
    let m = blocs.matrix
    var columns: [ReportColumn] = [.init(key: "from", title: "from \\ to")]
    columns += m.blocs.map { ReportColumn(key: $0.rawValue, title: $0.rawValue) }
    columns.append(.init(key: "unassigned", title: "no bloc"))
    var rows: [[ReportCell]] = []
    for (a, id) in m.blocs.enumerated() {
      rows.append([.text(id.rawValue)] + m.weights[a].map { .int($0) } + [.int(m.toUnassigned[a])])
    }
    rows.append(
      [.text("no bloc")] + m.fromUnassigned.map { .int($0) } + [.int(m.unassignedToUnassigned)])
    var machine = rows
    machine[machine.count - 1][0] = .text("unassigned")
    return ReportTable(
      name: "bloc_matrix", title: "Bloc matrix",
      notes: ["M_AB = Σ w_ij, i in A, j in B; a member of several blocs counts in each"],
      columns: columns, rows: m.blocs.isEmpty ? [] : rows,
      machineRows: m.blocs.isEmpty ? [] : machine,
      showWhenEmpty: false)
  }

  func blocGraphTable() -> ReportTable {
    var table = Self.reciprocityValues(
      "bloc_reciprocity", "Reciprocity between blocs", blocs.blocGraph)
    table.notes = ["nodes: the blocs, and each linked actor in no bloc on its own"]
    table.humanVisible = !blocs.blocs.isEmpty
    return table
  }
}

extension String {
  /// `in_kind` → `in kind`.
  func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}

/// The first `limit` elements (all of them without a limit).
func limited<C: Collection>(_ items: C, _ limit: Int?) -> C.SubSequence {
  items.prefix(max(0, limit ?? Int.max))
}
