/// The sources analysis as a ``Report``: what each source reports, then every disagreement.

/// The per-source table, shared by the statistics and the sources reports.
func sourceSummaryTable(_ sources: [SourceSummary]) -> ReportTable {
  ReportTable(
    name: "sources", title: "Sources",
    notes: [
      "diplomats: the summed counts of the actions a source lists, as the data set uses them"
    ],
    columns: [
      .init(key: "source", title: "source"), .init(key: "title", title: "title"),
      .init(key: "publisher", title: "publisher"), .init(key: "date", title: "date"),
      .init(key: "actions", title: "actions"), .init(key: "actors", title: "actors"),
      .init(key: "diplomats", title: "diplomats"),
      .init(key: "actions_without_count", title: "without count"),
      .init(key: "claims", title: "claims"), .init(key: "figures", title: "figures"),
    ],
    rows: sources.map { s in
      [
        .text(s.id.rawValue), .text(s.title ?? (s.declared ? "" : "(not declared)")),
        .text(s.publisher ?? ""), .optional(s.date), .int(s.actions), .int(s.actors.count),
        .int(s.diplomats), .int(s.actionsWithoutCount), .int(s.claims), .int(s.figures),
      ]
    },
    machineRows: sources.map { s in
      [
        .text(s.id.rawValue), .text(s.title ?? ""), .text(s.publisher ?? ""), .optional(s.date),
        .int(s.actions), .int(s.actors.count), .int(s.diplomats), .int(s.actionsWithoutCount),
        .int(s.claims), .int(s.figures),
      ]
    })
}

extension SourceAnalysis {
  func report(title: String, selection: Selection) -> Report {
    Report(
      title: title.isEmpty ? "Sources" : "Sources: \(title)",
      headline: headline(selection: selection),
      tables: [
        sourceSummaryTable(sources), claimTable(), omissionTable(), figureTable(),
        figureConflictTable(),
      ])
  }

  func headline(selection: Selection) -> [(label: String, lines: [String])] {
    let reporting = sources.filter { $0.actions > 0 }.count
    let notBorneOut = figures.filter { !$0.agrees }
    var omitted: [String] = []
    for o in omissions {
      omitted.append(
        "\(o.source): " + NumberText.counted(o.actions, "action") + " of "
          + Statistics.list(o.actors.map(\.actor.rawValue)))
    }
    var figureLines = [
      "\(NumberText.grouped(figures.count)) stated, \(NumberText.grouped(notBorneOut.count)) not borne out by the data"
    ]
    for f in notBorneOut {
      figureLines.append(
        "\(f.source): \(f.label) \(f.qualifier.phrase(f.value)), the data gives \(NumberText.grouped(f.computed))"
      )
    }
    return [
      ("Selection", [StatisticsPrinter.describe(selection)]),
      (
        "Sources",
        [
          "\(NumberText.grouped(sources.count)) (\(NumberText.grouped(reporting)) report selected actions); "
            + NumberText.counted(unsourcedActions, "action") + " without a source"
        ]
      ),
      (
        "Claims",
        [NumberText.counted(claimDisagreements.count, "action") + " whose claims disagree"]
      ),
      ("Omissions", omitted.isEmpty ? ["none"] : omitted),
      ("Figures", figureLines),
      (
        "Conflicts",
        [NumberText.counted(figureConflicts.count, "group") + " of figures that cannot all hold"]
      ),
    ]
  }

  func claimTable() -> ReportTable {
    var rows: [[ReportCell]] = []
    var machine: [[ReportCell]] = []
    for d in claimDisagreements {
      for claim in d.claims {
        let conflicting = d.conflicts.compactMap { pair -> String? in
          if pair.first == claim.source { return pair.second.rawValue }
          if pair.second == claim.source { return pair.first.rawValue }
          return nil
        }
        let a = d.action
        let stated = claim.count.map { claim.qualifier.phrase($0) } ?? ""
        rows.append([
          .int(a.row), .text(a.actor.rawValue), .text(a.target.rawValue), .text(a.kind.rawValue),
          .optional(a.count), .text(claim.source.rawValue), .text(stated),
          .flag(claim.agreesWithAction),
          .text(conflicting.joined(separator: ", ")), .text(claim.quote ?? ""),
        ])
        machine.append([
          .int(a.row), .text(a.actor.rawValue), .text(a.target.rawValue), .text(a.kind.rawValue),
          .optional(a.count), .text(claim.source.rawValue), .optional(claim.count),
          .text(claim.qualifier.rawValue), .flag(claim.agreesWithAction),
          .text(conflicting.joined(separator: ";")), .text(claim.quote ?? ""),
        ])
      }
    }
    var table = ReportTable(
      name: "claim_disagreements", title: "Claims that disagree",
      notes: ["every claim on an action where one contradicts the data's figure or another claim"],
      columns: [
        .init(key: "row", title: "#"), .init(key: "actor", title: "actor"),
        .init(key: "target", title: "target"), .init(key: "kind", title: "kind"),
        .init(key: "count", title: "data"), .init(key: "source", title: "source"),
        .init(key: "claim", title: "claim"), .init(key: "agrees", title: "agrees"),
        .init(key: "conflicts_with", title: "conflicts with"), .init(key: "quote", title: "quote"),
      ],
      rows: rows, machineRows: machine)
    // In CSV the claim is split into its figure and qualifier.
    table.machineColumns = [
      .init(key: "row", title: ""), .init(key: "actor", title: ""), .init(key: "target", title: ""),
      .init(key: "kind", title: ""), .init(key: "count", title: ""),
      .init(key: "source", title: ""),
      .init(key: "claim_count", title: ""), .init(key: "claim_qualifier", title: ""),
      .init(key: "agrees", title: ""), .init(key: "conflicts_with", title: ""),
      .init(key: "quote", title: ""),
    ]
    return table
  }

  func omissionTable() -> ReportTable {
    var rows: [[ReportCell]] = []
    for o in omissions {
      for a in o.actors {
        rows.append([
          .text(o.source.rawValue), .text(a.actor.rawValue), .int(a.actions), .int(a.ofActions),
          .int(a.weight),
        ])
      }
    }
    return ReportTable(
      name: "omissions", title: "Omissions",
      notes: [
        "per source that reports selected actions: the actors some of whose actions it does not list"
      ],
      columns: [
        .init(key: "source", title: "source"), .init(key: "actor", title: "actor"),
        .init(key: "actions", title: "actions left out"),
        .init(key: "of_actions", title: "of (sourced)"), .init(key: "weight", title: "diplomats"),
      ],
      rows: rows)
  }

  static let figureColumns: [ReportColumn] = [
    .init(key: "source", title: "source"), .init(key: "label", title: "figure"),
    .init(key: "measure", title: "measure"), .init(key: "scope", title: "scope"),
    .init(key: "stated", title: "stated"), .init(key: "computed", title: "data"),
    .init(key: "agrees", title: "agrees"), .init(key: "quote", title: "quote"),
  ]

  static let figureMachineColumns: [ReportColumn] = [
    .init(key: "source", title: ""), .init(key: "label", title: ""),
    .init(key: "measure", title: ""), .init(key: "scope", title: ""),
    .init(key: "qualifier", title: ""), .init(key: "value", title: ""),
    .init(key: "computed", title: ""), .init(key: "agrees", title: ""),
    .init(key: "quote", title: ""),
  ]

  static func figureCells(_ f: FigureCheck, machine: Bool) -> [ReportCell] {
    let stated: [ReportCell] =
      machine ? [.text(f.qualifier.rawValue), .int(f.value)] : [.text(f.qualifier.phrase(f.value))]
    return [
      .text(f.source.rawValue), .text(f.label), .text(f.measure.rawValue),
      .text(StatisticsPrinter.describe(f.scope)),
    ] + stated + [.int(f.computed), .flag(f.agrees), .text(f.quote ?? "")]
  }

  func figureTable() -> ReportTable {
    var table = ReportTable(
      name: "figures", title: "Figures the sources state",
      notes: ["each recomputed from the data under its own scope"],
      columns: Self.figureColumns,
      rows: figures.map { Self.figureCells($0, machine: false) },
      machineRows: figures.map { Self.figureCells($0, machine: true) })
    table.machineColumns = Self.figureMachineColumns
    return table
  }

  func figureConflictTable() -> ReportTable {
    var rows: [[ReportCell]] = []
    var machine: [[ReportCell]] = []
    for (n, conflict) in figureConflicts.enumerated() {
      for f in conflict.figures {
        rows.append([.int(n + 1)] + Self.figureCells(f, machine: false))
        machine.append([.int(n + 1)] + Self.figureCells(f, machine: true))
      }
    }
    var table = ReportTable(
      name: "figure_conflicts", title: "Figures that cannot all hold",
      notes: ["figures of several sources on one measure and scope with no value in common"],
      columns: [.init(key: "conflict", title: "conflict")] + Self.figureColumns,
      rows: rows, machineRows: machine, showWhenEmpty: false)
    table.machineColumns = [.init(key: "conflict", title: "")] + Self.figureMachineColumns
    return table
  }
}
