import DiploGraph

/// What `stats` prints: the headline in words, then one table per section, for analysts.

extension Statistics {
  /// The document; with a `rowLimit` (for people), the long tables are built with that many
  /// rows only, and say how many they leave out. With a `summary` listing, the exchanges,
  /// unmatched answers and unresolved references are counted, not listed.
  func document(rowLimit: Int? = nil, listing: ResponseListing = .full) -> TableDocument {
    let listed = listing.resolved(for: responses) == .full
    let words = Wording.analysts
    var tables = [
      overviewTable(), reciprocityTable(), actorTable(words, limit: rowLimit),
      dyadTable(words, limit: rowLimit),
    ]
    // A section left out has no tables (nor, in CSV, files).
    if let responses {
      tables += [
        outcomeTable(words, responses), outcomeByKindTable(words, responses),
        timeToAnswerTable(words, responses),
        exchangeTable(words, responses, limit: listed ? rowLimit : 0),
        unmatchedTable(responses, listed ? rowLimit : 0),
        unresolvedTable(responses, listed ? rowLimit : 0),
      ]
    }
    if let blocs {
      tables += [
        blocTable(words, blocs), partitionTable(blocs), matrixTable(blocs), blocGraphTable(blocs),
      ]
    }
    if let sources { tables.append(sources.sourceTable(words)) }
    tables += significanceTables()
    if !listed {
      for t in tables.indices
      where ["exchanges", "unmatched_answers", "unresolved_references"].contains(tables[t].name) {
        tables[t].unlisted = tables[t].omittedRows
        tables[t].omittedRows = 0
      }
    }
    return TableDocument(
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
    if o.actionsWithoutCount > 0 && o.weight == .count {
      notes.append("\(NumberText.grouped(o.actionsWithoutCount)) without a count, weight 0")
    }
    if o.undatedActions > 0 {
      var undated = "\(NumberText.grouped(o.undatedActions)) undated"
      if o.partlyDatedActions > 0 {
        let partly = NumberText.grouped(o.partlyDatedActions)
        undated += ", \(partly) of them dated to the month or year"
      }
      notes.append(undated)
    }
    if !notes.isEmpty { actions += " (" + notes.joined(separator: "; ") + ")" }
    var dates = Table.Cell.none
    if let first = o.firstDate, let last = o.lastDate {
      dates = first == last ? first.description : "\(first) to \(last)"
    }
    let actors =
      "\(NumberText.grouped(o.actors)) with a link "
      + "(\(NumberText.grouped(o.declaredActors)) declared)"
    return [
      ("Selection", [Wording.analysts.describe(selection)]),
      ("Actors", [actors]),
      ("Actions", [actions]),
      ("Links", [NumberText.grouped(o.links)]),
      ("Total weight", ["\(NumberText.grouped(o.totalWeight)) \(o.weight.unit)"]),
      ("Dates", [dates]),
      ("Reciprocity", Self.reciprocityLines(reciprocity, unit: o.weight.unit)),
      ("Responses", responses.map { responseLines($0, listed: listed) } ?? [Self.leftOutLine]),
      ("Blocs", [blocs.map(Self.partitionLine) ?? Self.leftOutLine]),
      ("Sources", [sources.map(Self.sourceLine) ?? Self.leftOutLine]),
      (
        "Significance",
        significance.map(Wording.significanceLines)
          ?? [
            leftOut.contains(.significance)
              ? Self.leftOutLine
              : "not computed (more than \(NumberText.grouped(Self.automaticSignificanceLimit)) "
                + "actors with a link; ask for it)"
          ]
      ),
    ]
  }

  /// What the headline says of a section left out (``AnalysisOptions/leftOut``).
  static let leftOutLine = "left out, as asked"

  static func reciprocityLines(_ r: Reciprocity, unit: String = "diplomats") -> [String] {
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
          + "\(NumberText.grouped(r.totalWeight)) \(unit) are matched by weight the other way")
    } else if r.links > 0 {
      lines.append("r_w undefined: the total weight is 0")
    }
    return lines
  }

  func responseLines(_ responses: ResponseAnalysis, listed: Bool = true) -> [String] {
    var lines: [String] = []
    let originals = responses.originalCount
    lines.append(
      originals == 0
        ? "no original actions"
        : NumberText.counted(originals, "original action") + " in "
          + NumberText.counted(responses.exchanges.count, "exchange")
          + ", by kind of original (counts of original actions):")
    lines += Self.outcomeLines(responses)
    if responses.answersOutsideSelection > 0 {
      lines.append(
        NumberText.counted(responses.answersOutsideSelection, "exchange")
          + " answered by an action outside the selection (answers are looked for in the "
          + "whole data set)")
    }
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
        "\(names): disjoint; acting actors in no bloc: "
        + "\(Wording.abbreviated(p.unassignedActors.map(\.rawValue))) "
        + "(\(NumberText.grouped(p.unassignedWeight)) diplomats)"
    case .overlapping:
      return
        "\(names): overlapping; in several blocs: "
        + "\(Wording.abbreviated(p.overlappingActors.map(\.rawValue))) "
        + "(their weight counts in each)"
    }
  }

  static func sourceLine(_ s: SourceAnalysis) -> String {
    let notBorneOut = s.figures.filter { !$0.agrees }.count
    return NumberText.counted(s.sourceCount, "source") + "; "
      + NumberText.counted(s.claimDisagreements.count, "action") + " with disagreeing claims, "
      + NumberText.counted(s.omittingSources, "source") + " with omissions, "
      + NumberText.counted(notBorneOut, "figure") + " not borne out, "
      + NumberText.counted(s.figureConflicts.count, "figure conflict")
  }

  // MARK: The analysts' other tables

  func overviewTable() -> Table {
    let o = overview
    var table = Table.values(
      "overview", "Overview",
      [
        ("actors", "actors with a link", .int(o.actors)),
        ("declared_actors", "declared actors", .int(o.declaredActors)),
        ("actions", "actions", .int(o.actions)),
        ("self_loops_excluded", "self-loops left out", .int(o.selfLoopsExcluded)),
        ("actions_without_count", "actions without a count", .int(o.actionsWithoutCount)),
        ("undated_actions", "undated actions", .int(o.undatedActions)),
        (
          "partly_dated_actions", "undated actions dated to the month or year",
          .int(o.partlyDatedActions)
        ),
        ("links", "links", .int(o.links)),
        ("total_weight", "total weight", .int(o.totalWeight)),
        ("first_date", "first date", .optional(o.firstDate)),
        ("last_date", "last date", .optional(o.lastDate)),
        // The sources table lists at most `--sources` of them: these say how many it leaves out.
        // Empty when the sources are left out.
        ("sources", "sources", .optional(sources?.sourceCount)),
        ("sources_listed", "sources listed", .optional(sources?.sources.count)),
      ])
    table.shownToPeople = false
    return table
  }

  static func reciprocityValues(_ name: String, _ title: String, _ r: Reciprocity) -> Table {
    Table.values(
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

  func reciprocityTable() -> Table {
    var table = Self.reciprocityValues("reciprocity", "Reciprocity", reciprocity)
    table.shownToPeople = false
    return table
  }

  /// The columns of an action cited by the responses.
  static var actionColumns: [ColumnSpec<ActionReference>] {
    [
      ColumnSpec("row", "#") { .int($0.row) },
      ColumnSpec("id", "id") { .text($0.id?.rawValue ?? "") },
      ColumnSpec("actor", "actor") { .text($0.actor.rawValue) },
      ColumnSpec("target", "target") { .text($0.target.rawValue) },
      ColumnSpec("kind", "kind") { .text($0.kind.rawValue) },
      ColumnSpec("count", "count") { .optional($0.count) },
      ColumnSpec("date", "date") { .optional($0.date) },
    ]
  }

  func unmatchedTable(_ responses: ResponseAnalysis, _ limit: Int?) -> Table {
    var table = Table(
      name: "unmatched_answers", title: "Answers without an original",
      rows: responses.unmatchedAnswers, limit: limit, columns: Self.actionColumns,
      for: .analysts)
    table.showWhenEmpty = false
    return table
  }

  func unresolvedTable(_ responses: ResponseAnalysis, _ limit: Int?) -> Table {
    var table = Table(
      name: "unresolved_references", title: "respondsTo links not followed",
      rows: responses.unresolvedReferences, limit: limit,
      columns: Self.actionColumns.map { $0.pulledBack(\UnresolvedReference.action) } + [
        ColumnSpec("reference", "respondsTo") { .text($0.reference.rawValue) },
        ColumnSpec("reason", "reason") {
          .text($0.reason.rawValue.replacingUnderscores(), value: $0.reason.rawValue)
        },
      ], for: .analysts)
    table.showWhenEmpty = false
    return table
  }

  func partitionTable(_ blocs: BlocAnalysis) -> Table {
    let p = blocs.partition
    var table = Table.values(
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
    table.shownToPeople = false
    return table
  }

  func matrixTable(_ blocs: BlocAnalysis) -> Table {
    let m = blocs.matrix
    var columns = [Table.Column(key: "from", title: "from \\ to")]
    columns += m.blocs.map { Table.Column(key: $0.rawValue, title: $0.rawValue) }
    columns.append(Table.Column(key: "unassigned", title: "no bloc"))
    var rows: [[Table.Cell]] = []
    for (a, id) in m.blocs.enumerated() {
      rows.append([.text(id.rawValue)] + m.weights[a].map { .int($0) } + [.int(m.toUnassigned[a])])
    }
    rows.append(
      [.text("no bloc", value: "unassigned")] + m.fromUnassigned.map { .int($0) }
        + [.int(m.unassignedToUnassigned)])
    var table = Table(
      name: "bloc_matrix", title: "Bloc matrix",
      notes: ["M_AB = Σ w_ij, i in A, j in B; a member of several blocs counts in each"],
      columns: columns, rows: m.blocs.isEmpty ? [] : rows)
    table.showWhenEmpty = false
    return table
  }

  func blocGraphTable(_ blocs: BlocAnalysis) -> Table {
    var table = Self.reciprocityValues(
      "bloc_reciprocity", "Reciprocity between blocs", blocs.blocGraph)
    table.notes = ["nodes: the blocs, and each linked actor in no bloc on its own"]
    table.shownToPeople = !blocs.blocs.isEmpty
    return table
  }
}
