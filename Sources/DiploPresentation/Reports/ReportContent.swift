import DiploGraph

/// What a report says, as plain text and table values, built once from a network, its
/// statistics and the options; ``Report/html()`` and ``Report/markdown(baseName:)`` only lay it out and
/// escape it, so the two always say the same thing.
struct ReportContent {
  /// One of the key figures at the top: a big number, what it counts, and a line of detail.
  struct KeyFigure {
    var value: String
    var label: String
    var detail: String
  }

  let network: Network
  let statistics: Statistics
  let options: ReportOptions
  let wording: Wording
  let title: String
  /// `nil` when the statistics leave the blocs out.
  let blocChart: BlocWeightChart?
  let timeline: TimelineChart

  init(network: Network, statistics: Statistics, options: ReportOptions) {
    self.network = network
    self.statistics = statistics
    self.options = options
    wording = Wording(readersOf: network.dataSet)
    let title = options.title ?? network.dataSet.title
    self.title = title.isEmpty ? "Diplomatic actions" : title
    blocChart = statistics.blocs.map {
      BlocWeightChart(analysis: $0, dataSet: network.dataSet, palette: options.palette)
    }
    timeline = TimelineChart(
      network: network, palette: options.palette, maximumBins: options.timelineColumns)
  }

  var dataSet: DataSet { network.dataSet }

  // MARK: Tables

  /// At most this many rows per table; the others are counted.
  var rowLimit: Int { max(1, options.maximumRows) }

  /// The statistics' tables, as readers see them (those of a section the statistics leave out
  /// are not asked for: the section is not written).
  func figureTable(_ sources: SourceAnalysis) -> Table {
    sources.figureTable(wording, limit: rowLimit)
  }
  func claimTable(_ sources: SourceAnalysis) -> Table {
    sources.claimTable(wording, limit: rowLimit)
  }
  func outcomeTable(_ responses: ResponseAnalysis) -> Table {
    statistics.outcomeTable(wording, responses).limited(to: rowLimit)
  }
  func exchangeTable(_ responses: ResponseAnalysis) -> Table {
    statistics.exchangeTable(wording, responses, limit: rowLimit)
  }
  func blocTable(_ blocs: BlocAnalysis) -> Table {
    statistics.blocTable(wording, blocs, limit: rowLimit)
  }
  var dyadTable: Table { statistics.dyadTable(wording, limit: rowLimit) }
  func sourceTable(_ sources: SourceAnalysis) -> Table {
    sources.sourceTable(wording, limit: rowLimit)
  }
  var actorTable: Table {
    var table = statistics.actorTable(wording, limit: rowLimit)
    table.folded = statistics.actors.count > options.foldRowsAbove
    return table
  }

  /// What a reader reads after a table that leaves `rows` out.
  func omitted(_ rows: Int) -> String {
    NumberText.counted(rows, "more row") + " not shown"
      + (options.moreRows.map { "; " + $0 } ?? "") + "."
  }

  // MARK: Headline

  /// "All actions" or the selection in words, and the analysis settings that change results.
  var selectionLine: String {
    let what = wording.describe(statistics.selection)
    guard let responses = statistics.responses else { return "Selection: \(what)." }
    return "Selection: \(what). Answers matched within \(responses.windowDays) days."
  }

  /// The selection line, then the sources by name.
  var mastheadLine: String {
    let sources = dataSet.sources.map { wording.name($0.id) }
    return selectionLine + (sources.isEmpty ? "" : " Sources: " + Wording.list(sources) + ".")
  }

  var keyFigures: [KeyFigure] {
    let o = statistics.overview
    let r = statistics.reciprocity
    var figures = [
      KeyFigure(
        value: NumberText.grouped(o.totalWeight), label: o.weight.unit,
        detail: "in " + NumberText.counted(o.actions, "action"))
    ]
    let organisations = statistics.actors.filter { wording.kind(of: $0.actor) == .organisation }
    let states = statistics.actors.count - organisations.count
    figures.append(
      KeyFigure(
        value: NumberText.grouped(o.actors), label: o.actors == 1 ? "actor" : "actors",
        detail: organisations.isEmpty
          ? (states == 1 ? "a state" : "all states")
          : NumberText.counted(states, "state") + ", "
            + NumberText.counted(organisations.count, "organisation")))
    if let first = o.firstDate, let last = o.lastDate {
      let days = first.days(to: last) + 1
      figures.append(
        KeyFigure(
          value: NumberText.grouped(days), label: days == 1 ? "day" : "days",
          detail: Wording.range(first, last)))
    }
    /// A ratio, and the two numbers it is the ratio of.
    func ratio(_ x: Double?, _ label: String, _ part: Int64, of whole: Int64, _ what: String) {
      guard let x else { return }
      figures.append(
        KeyFigure(
          value: NumberText.fixed(x, decimals: 3), label: label,
          detail: "\(NumberText.grouped(part)) of \(NumberText.grouped(whole)) \(what)"))
    }
    ratio(
      r.binary, "reciprocity r", Int64(r.reciprocatedLinks), of: Int64(r.links), "links returned")
    ratio(
      r.weighted, "weighted reciprocity r_w", r.reciprocatedWeight, of: r.totalWeight,
      "diplomats matched")
    // Counted in original actions, and said so: of the originals, not of every action.
    if let responses = statistics.responses, responses.originalCount > 0 {
      let originals = responses.originalCount
      let unanswered = responses.summary(.unanswered).originals
      let pending = responses.summary(.pending).originals
      var detail =
        "of " + NumberText.counted(originals, "original action") + " ("
        + NumberText.counted(o.actions, "action") + " in all)"
      if pending > 0 { detail += "; \(NumberText.grouped(pending)) pending" }
      figures.append(
        KeyFigure(value: NumberText.grouped(unanswered), label: "unanswered", detail: detail))
    }
    return figures
  }

  /// The summary in words: who, how many, when; reciprocity; answers; what went unanswered.
  var summary: [String] {
    var paragraphs: [String] = []
    let o = statistics.overview
    guard o.actions > 0 else {
      return ["The selection holds no action between two actors."]
    }
    var who =
      "\(NumberText.counted(o.actors, "actor")) took "
      + "\(NumberText.counted(o.actions, "action")) against one another"
    switch o.weight {
    case .count:
      who += ", concerning \(NumberText.counted(Int(clamping: o.totalWeight), "diplomat")) in all"
    case .events:
      who += " (each event weighs 1: the data has no counts of diplomats)"
    case .mentions:
      who += ", weighed by their \(NumberText.counted(Int(clamping: o.totalWeight), "mention"))"
    }
    if let first = o.firstDate, let last = o.lastDate {
      who =
        (first == last
          ? "On \(Wording.date(first)), " : "Between \(Wording.between(first, last)), ")
        + who
    }
    if o.undatedActions > 0 {
      who += " (\(NumberText.grouped(o.undatedActions)) of the actions undated)"
    }
    who += "."
    if let top = statistics.actors.max(by: {
      ($0.outStrength &+ $0.inStrength) < ($1.outStrength &+ $1.inStrength)
    }),
      top.outStrength &+ top.inStrength > 0, statistics.actors.count > 2
    {
      let name = wording.name(top.actor)
      who +=
        " \(name) was the most involved: it expelled "
        + NumberText.counted(Int(clamping: top.outStrength), "diplomat")
        + " and had \(NumberText.grouped(top.inStrength)) of its own expelled."
    }
    paragraphs.append(who)

    let r = statistics.reciprocity
    if let binary = r.binary {
      let lead: String
      switch binary {
      case 0: lead = "No link was returned"
      case ..<0.5: lead = "Some links were returned"
      case ..<1: lead = "Most links were returned"
      default: lead = "Every link was returned"
      }
      var s =
        "\(lead): \(NumberText.grouped(r.reciprocatedLinks)) of the \(NumberText.grouped(r.links)) "
        + "directed links between two actors have a link back (reciprocity r = "
        + "\(NumberText.fixed(binary, decimals: 3))"
      if let rho = r.rho {
        let how =
          rho > 0 ? "more often than" : (rho < 0 ? "less often than" : "as often as")
        s +=
          "; ρ = \(NumberText.fixed(rho, decimals: 3)): links are returned \(how) the density of "
          + "the network alone predicts"
      }
      s += ")."
      if let weighted = r.weighted {
        s +=
          " By weight, \(NumberText.grouped(r.reciprocatedWeight)) of the "
          + "\(NumberText.grouped(r.totalWeight)) diplomats (\(NumberText.percent(weighted))) "
          + "were matched by diplomats expelled the other way (r_w = "
          + "\(NumberText.fixed(weighted, decimals: 3)))."
      }
      paragraphs.append(s)
      if let sentences = statistics.significance.flatMap(Wording.significanceSentence) {
        paragraphs.append(sentences)
      }
    }

    if let responses = statistics.responses, !responses.exchanges.isEmpty {
      var parts: [String] = []
      for (outcome, words) in Self.outcomeWords {
        let n = responses.summary(outcome).originals
        guard n > 0 else { continue }
        let verb = outcome == .unanswered || outcome == .pending ? "" : (n == 1 ? "was " : "were ")
        parts.append("\(NumberText.grouped(n)) \(verb)\(words)")
      }
      var s =
        "Of the \(NumberText.counted(responses.originalCount, "original action")) (actions "
        + "that answer nothing), \(Wording.list(parts))."
      let uneven = responses.exchanges.filter { $0.outcome == .more || $0.outcome == .less }
      if !uneven.isEmpty && uneven.count <= 4 {
        s +=
          " "
          + uneven.map { e in
            "\(wording.name(e.actor)): \(Wording.actions(e.originals)), answered "
              + "with \(NumberText.grouped(e.answerTotal ?? 0))"
          }.joined(separator: "; ") + "."
      }
      if let median = responses.medianLagDays {
        s +=
          " Answers came a median of \(NumberText.trimmed(median, decimals: 1)) "
          + (median == 1 ? "day" : "days") + " after the action they answer."
      }
      paragraphs.append(s)
      let unanswered = unansweredByKind(responses)
      if !unanswered.isEmpty { paragraphs.append(unanswered.joined(separator: " ")) }
    }
    return paragraphs
  }

  static let outcomeWords: [(Exchange.Outcome, String)] = [
    (.inKind, "answered in kind"), (.more, "answered with more"), (.less, "answered with less"),
    (.notComparable, "answered without counts to compare"), (.declined, "declined on record"),
    (.unanswered, "went unanswered"), (.pending, "are pending (their window still open)"),
    (.undated, "undated, so not judged"),
  ]

  /// One sentence per kind of original action left unanswered, naming the actors, states
  /// first: "Expulsions left unanswered: four states (Belgium, Georgia, Hungary and
  /// Montenegro) and NATO."
  func unansweredByKind(_ responses: ResponseAnalysis) -> [String] {
    var order: [ActionKind] = []
    var actorsByKind: [ActionKind: [ActorID]] = [:]
    for e in responses.exchanges where e.outcome == .unanswered {
      let kind = e.originals[0].kind
      if actorsByKind[kind] == nil { order.append(kind) }
      if !actorsByKind[kind, default: []].contains(e.actor) {
        actorsByKind[kind, default: []].append(e.actor)
      }
    }
    let known = ActionKind.known.filter { actorsByKind[$0] != nil }
    order = known + order.filter { !$0.isKnown }
    return order.map { kind in
      let actors = actorsByKind[kind]!
      let states = wording.sortedNames(actors.filter { wording.kind(of: $0) == .state })
      let organisations = wording.sortedNames(
        actors.filter { wording.kind(of: $0) == .organisation })
      var groups: [String] = []
      if !states.isEmpty {
        let count = Wording.spelled(states.count) + (states.count == 1 ? " state" : " states")
        groups.append("\(count) (\(Wording.list(states)))")
      }
      if !organisations.isEmpty { groups.append(Wording.list(organisations)) }
      return "\(Wording.kindPlural(kind)) left unanswered: "
        + Wording.list(groups) + "."
    }
  }

  /// What the sources' figures and claims come to, in a sentence.
  func sourcesLine(_ s: SourceAnalysis) -> String {
    let notBorneOut = s.figures.filter { !$0.agrees }.count
    var line =
      "\(NumberText.counted(s.sourceCount, "source")) state "
      + "\(NumberText.counted(s.figures.count, "figure")) of their own"
    if s.figures.isEmpty {
      line = "The sources state no figures of their own."
    } else if notBorneOut == 0 {
      line += "; the data bears out every one."
    } else {
      line +=
        "; the data bears out \(NumberText.grouped(s.figures.count - notBorneOut)) "
        + "and not \(NumberText.grouped(notBorneOut))."
    }
    return line
  }

  /// "Al Jazeera and AFP disagree on ‘EU member states expelling’: 18 (Al Jazeera), 17 (AFP);
  /// the data gives 18."
  func figureConflicts(_ sources: SourceAnalysis) -> [String] {
    sources.figureConflicts.map { conflict in
      let names = conflict.figures.map { wording.name($0.source) }
      var unique: [String] = []
      for name in names where !unique.contains(name) { unique.append(name) }
      let label = conflict.figures.first?.label ?? conflict.measure.rawValue
      let stated = conflict.figures.map {
        "\($0.qualifier.phrase($0.value)) (\(wording.name($0.source)))"
      }
      return "\(Wording.list(unique)) disagree on ‘\(label)’: "
        + stated.joined(separator: ", ")
        + "; the data gives \(NumberText.grouped(conflict.computed))."
    }
  }

  /// One sentence per source that leaves actions out.
  func omissions(_ sources: SourceAnalysis) -> [String] {
    sources.omissions.map { omission in
      var whole: [String] = []
      var partial: [String] = []
      for a in omission.actors {
        let name = wording.name(a.actor)
        if a.actions >= a.ofActions {
          whole.append(name)
        } else {
          partial.append(
            "\(NumberText.grouped(a.actions)) of \(NumberText.grouped(a.ofActions)) by \(name)")
        }
      }
      whole.sort()
      var s =
        "\(wording.name(omission.source)) leaves out "
        + NumberText.counted(omission.actions, "action")
        + " (\(NumberText.counted(Int(clamping: omission.weight), "diplomat")))"
      var parts: [String] = []
      if !whole.isEmpty { parts.append("every action by " + Wording.list(whole, limit: 20)) }
      if !partial.isEmpty { parts.append(Wording.list(partial, limit: 20)) }
      s += ": " + parts.joined(separator: "; ") + "."
      return s
    }
  }

  /// The blocs' partition status, in words.
  func blocNotes(_ blocs: BlocAnalysis) -> [String] {
    guard !blocs.blocs.isEmpty else { return [] }
    var notes: [String] = []
    let p = blocs.partition
    switch p.status {
    case .partition:
      notes.append("The blocs split the acting actors cleanly: the shares add up to 100%.")
    case .disjointIncomplete:
      notes.append(
        "The blocs do not overlap; acting actors in none of them: "
          + Wording.list(wording.sortedNames(p.unassignedActors))
          + " (\(NumberText.grouped(p.unassignedWeight)) diplomats).")
    case .overlapping:
      notes.append(
        "The blocs overlap (\(NumberText.counted(p.overlappingActors.count, "actor")) "
          + "belong to two or more): a member of two blocs counts in both, so the shares add up "
          + "to more than 100%.")
    }
    if let r = blocs.blocGraph.binary {
      var s =
        "Between blocs (each bloc as one node, each actor in no bloc on its own): reciprocity "
        + "r = \(NumberText.fixed(r, decimals: 3))"
      if let w = blocs.blocGraph.weighted { s += ", r_w = \(NumberText.fixed(w, decimals: 3))" }
      notes.append(s + ".")
    }
    return notes
  }
}
