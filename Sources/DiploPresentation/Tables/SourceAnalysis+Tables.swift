import DiploGraph

/// The tables of the sources analysis, each built once for either audience (see
/// `Statistics+Tables.swift`).

extension SourceAnalysis {
  /// What each source reports. Readers read a source by its short name, with its title and
  /// date beside it.
  func sourceTable(_ words: Wording, limit: Int? = nil) -> Table {
    let who = words.audience
    return Table(
      name: "sources", title: who.pick("Sources", "What each source reports"),
      notes: [
        who.pick(
          "diplomats: the summed counts of the actions a source lists, as the data set uses them",
          "Diplomats: the summed counts of the actions a source reports, as the data set uses "
            + "them.")
      ] + leftOutNote(who),
      rows: sources, limit: limit,
      columns: [
        ColumnSpec("source", "source", readers: "Source") {
          Table.Cell(
            words.text(words.name($0.id)).content,
            detail: who == .readers ? Self.detail(of: $0) : nil)
        },
        ColumnSpec("title", "title") {
          .text($0.title ?? ($0.declared ? "" : "(not declared)"), value: $0.title ?? "")
        },
        ColumnSpec("publisher", "publisher") { .text($0.publisher ?? "") },
        ColumnSpec("date", "date") { .optional($0.date) },
        ColumnSpec("actions", "actions", readers: "Actions") { .int($0.actions) },
        ColumnSpec("actors", "actors", readers: "Actors") { .int($0.actors.count) },
        ColumnSpec("diplomats", "diplomats", readers: "Diplomats") { .int($0.diplomats) },
        ColumnSpec("actions_without_count", "without count") { .int($0.actionsWithoutCount) },
        ColumnSpec("claims", "claims", readers: "Claims") { .int($0.claims) },
        ColumnSpec("figures", "figures", readers: "Figures") { .int($0.figures) },
      ], for: who)
  }

  /// The note that says how many sources the listing left out (none when it left none out).
  func leftOutNote(_ who: Audience) -> [String] {
    guard unlistedSources > 0 else { return [] }
    let listed = NumberText.grouped(sources.count)
    let all = NumberText.grouped(sourceCount)
    let left = NumberText.grouped(unlistedSources)
    return [
      who.pick(
        "\(listed) of \(all) sources listed, those that report the most actions; \(left) left out",
        "The \(listed) sources that report the most actions are listed, of \(all); \(left) are "
          + "left out.")
    ]
  }

  /// “Title”, 14 March 2018: what readers see under a source's name (`nil` when nothing).
  static func detail(of s: SourceSummary) -> String? {
    var detail = s.title.map { "“\($0)”" } ?? (s.declared ? "" : "not declared in the data set")
    if let date = s.date { detail += (detail.isEmpty ? "" : ", ") + Wording.date(date) }
    return detail.isEmpty ? nil : detail
  }

  /// Every figure a source states, recomputed from the data under its own scope. People read
  /// the figure as stated ("about 24"); programs its qualifier and value apart.
  func figureTable(_ words: Wording, limit: Int? = nil) -> Table {
    let who = words.audience
    var table = Table(
      name: "figures",
      title: who.pick(
        "Figures the sources state", "Figures the sources state, recomputed from the data"),
      notes: [
        who.pick(
          "each recomputed from the data under its own scope",
          "Each figure is recomputed from the actions it is about (its kinds, dates and actors), "
            + "whatever the selection of this report.")
      ],
      rows: figures, limit: limit, columns: Self.figureColumns(words), for: who)
    table.cardsOnPhones = true
    return table
  }

  static func figureColumns(_ words: Wording) -> [ColumnSpec<FigureCheck>] {
    let who = words.audience
    return [
      ColumnSpec("source", "source", readers: "Source") { words.text(words.name($0.source)) },
      ColumnSpec("label", "figure", readers: "Figure") { f in
        var detail = words.describe(f.scope).capitalisedFirst
        if let quote = f.quote, !quote.isEmpty { detail += " — “\(quote)”" }
        return Table.Cell(words.text(f.label).content, detail: who == .readers ? detail : nil)
      },
      ColumnSpec("measure", "measure") { .text($0.measure.rawValue) },
      ColumnSpec("scope", "scope") { .text(words.describe($0.scope)) },
      ColumnSpec("stated", "stated", readers: "Stated", shown: .people) {
        let stated = $0.qualifier.phrase($0.value)
        return Table.Cell(who.pick(.text(stated), .figure(stated)))
      },
      ColumnSpec("qualifier", "qualifier", shown: .programs) { .text($0.qualifier.rawValue) },
      ColumnSpec("value", "value", shown: .programs) { .int($0.value) },
      ColumnSpec("computed", "data", readers: "The data") { .int($0.computed) },
      ColumnSpec("agrees", "agrees", readers: "Borne out") { words.verdict($0.agrees) },
      ColumnSpec("quote", "quote") { .text($0.quote ?? "") },
    ]
  }

  /// Groups of figures, of several sources on one measure and scope, that cannot all hold.
  func figureConflictTable() -> Table {
    let rows = figureConflicts.enumerated().flatMap { n, conflict in
      conflict.figures.map { (n + 1, $0) }
    }
    var table = Table(
      name: "figure_conflicts", title: "Figures that cannot all hold",
      notes: ["figures of several sources on one measure and scope with no value in common"],
      rows: rows,
      columns: [ColumnSpec("conflict", "conflict") { .int($0.0) }]
        + Self.figureColumns(.analysts).map { $0.pulledBack(\.1) },
      for: .analysts)
    table.showWhenEmpty = false
    return table
  }

  /// Every claim on an action where one contradicts the data's figure or another claim.
  /// Analysts read the action's row, ends and kind; readers the action in words, with its date.
  func claimTable(_ words: Wording, limit: Int? = nil) -> Table {
    let who = words.audience
    let rows = claimDisagreements.lazy.flatMap { d in d.claims.lazy.map { (d, $0) } }
    var table = Table(
      name: who.pick("claim_disagreements", "claims"),
      title: who.pick(
        "Claims that disagree", "Claims that disagree with the data or with each other"),
      notes: who.pick(
        ["every claim on an action where one contradicts the data's figure or another claim"], []),
      rows: rows, limit: limit,
      columns: [
        ColumnSpec("action", nil, readers: "Action") { d, _ in
          let a = d.action
          return Table.Cell(
            .verbatim(
              "\(words.name(a.actor)) → \(words.name(a.target)), " + Wording.kind(a.kind)),
            detail: a.date.map(Wording.shortDate))
        },
        ColumnSpec("row", "#") { d, _ in .int(d.action.row) },
        ColumnSpec("actor", "actor") { d, _ in .text(d.action.actor.rawValue) },
        ColumnSpec("target", "target") { d, _ in .text(d.action.target.rawValue) },
        ColumnSpec("kind", "kind") { d, _ in .text(d.action.kind.rawValue) },
        ColumnSpec("count", "data", readers: "The data") { d, _ in .optional(d.action.count) },
        ColumnSpec("source", "source", readers: "Source") { _, claim in
          words.text(words.name(claim.source))
        },
        ColumnSpec("claim", "claim", readers: "Claim", shown: .people) { _, claim in
          let stated = claim.count.map { claim.qualifier.phrase($0) }
          return who == .analysts
            ? .text(stated ?? "")
            : Table.Cell(.verbatim(stated ?? "no figure"), detail: claim.quote.map { "“\($0)”" })
        },
        ColumnSpec("claim_count", "claim_count", shown: .programs) { _, claim in
          .optional(claim.count)
        },
        ColumnSpec("claim_qualifier", "claim_qualifier", shown: .programs) { _, claim in
          .text(claim.qualifier.rawValue)
        },
        ColumnSpec("agrees", "agrees", readers: "Agrees with the data") { _, claim in
          words.verdict(claim.agreesWithAction)
        },
        ColumnSpec("conflicts_with", "conflicts with", readers: "Contradicts") { d, claim in
          let others = d.conflicts.compactMap { pair -> SourceID? in
            if pair.first == claim.source { return pair.second }
            if pair.second == claim.source { return pair.first }
            return nil
          }
          let ids = others.map(\.rawValue)
          return who == .analysts
            ? .text(ids.joined(separator: ", "), value: ids.joined(separator: ";"))
            : .text(Wording.list(others.map { words.name($0) }))
        },
        ColumnSpec("quote", "quote") { _, claim in .text(claim.quote ?? "") },
      ], for: who)
    table.cardsOnPhones = true
    return table
  }

  /// Per source that reports selected actions: the actors some of whose actions it leaves out.
  func omissionTable() -> Table {
    let rows = omissions.flatMap { o in o.actors.map { (o.source, $0) } }
    return Table(
      name: "omissions", title: "Omissions",
      notes: [
        "per source that reports selected actions: the actors some of whose actions it does not "
          + "list"
      ]
        + (omittingSources > omissions.count
          ? [
            "\(NumberText.grouped(omittingSources)) sources omit something: the "
              + "\(NumberText.grouped(omissions.count)) that report the most actions are listed"
          ] : []),
      rows: rows,
      columns: [
        ColumnSpec("source", "source") { .text($0.0.rawValue) },
        ColumnSpec("actor", "actor") { .text($0.1.actor.rawValue) },
        ColumnSpec("actions", "actions left out") { .int($0.1.actions) },
        ColumnSpec("of_actions", "of (sourced)") { .int($0.1.ofActions) },
        ColumnSpec("weight", "diplomats") { .int($0.1.weight) },
      ], for: .analysts)
  }
}
