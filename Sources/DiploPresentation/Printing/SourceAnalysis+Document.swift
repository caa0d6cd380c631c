import DiploGraph

/// What `sources` prints: what each source reports, then every disagreement, for analysts.

extension SourceAnalysis {
  func document(title: String, selection: Selection) -> TableDocument {
    let words = Wording.analysts
    return TableDocument(
      title: title.isEmpty ? "Sources" : "Sources: \(title)",
      headline: headline(selection: selection),
      tables: [
        sourceTable(words), claimTable(words), omissionTable(), figureTable(words),
        figureConflictTable(),
      ])
  }

  func headline(selection: Selection) -> [(label: String, lines: [String])] {
    let reporting = sources.filter { $0.actions > 0 }.count
    let notBorneOut = figures.filter { !$0.agrees }
    var omitted: [String] = []
    if omittingSources > omissions.count {
      omitted.append(
        NumberText.counted(omittingSources, "source") + " omit something; the "
          + NumberText.grouped(omissions.count) + " that report the most actions are listed")
    }
    for o in omissions {
      omitted.append(
        "\(o.source): " + NumberText.counted(o.actions, "action") + " of "
          + Wording.abbreviated(o.actors.map(\.actor.rawValue)))
    }
    var figureLines = [
      "\(NumberText.grouped(figures.count)) stated, \(NumberText.grouped(notBorneOut.count)) not borne out by the data"
    ]
    for f in notBorneOut {
      figureLines.append(
        "\(f.source): \(f.label) \(f.qualifier.phrase(f.value)), the data gives \(NumberText.grouped(f.computed))"
      )
    }
    let reports =
      unlistedSources > 0
      ? "the \(NumberText.grouped(sources.count)) that report the most actions listed, "
        + "\(NumberText.grouped(unlistedSources)) left out"
      : "\(NumberText.grouped(reporting)) report selected actions"
    let sourceLine =
      "\(NumberText.grouped(sourceCount)) (\(reports)); "
      + NumberText.counted(unsourcedActions, "action") + " without a source"
    return [
      ("Selection", [Wording.analysts.describe(selection)]),
      ("Sources", [sourceLine]),
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
}
