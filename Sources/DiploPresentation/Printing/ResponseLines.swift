import DiploGraph

/// The lines of the responses in the stats document: outcomes per kind of original, the time
/// to answer and the chains.
extension Statistics {
  /// One line per kind of original and kind of actor, expulsions first: "expulsions by
  /// states (31 actions): 22 in kind, …, 4 unanswered (BEL, GEO, HUN, MNE)".
  static func outcomeLines(_ responses: ResponseAnalysis) -> [String] {
    var lines: [String] = []
    for group in responses.outcomesByKind where group.originals > 0 {
      var parts: [String] = []
      for summary in group.outcomes where summary.originals > 0 {
        var part = "\(NumberText.grouped(summary.originals)) \(Wording.outcome(summary.outcome))"
        if summary.outcome != .inKind && summary.outcome != .notComparable {
          part += " (" + Wording.abbreviated(summary.actors.map(\.rawValue)) + ")"
        }
        parts.append(part)
      }
      let who = Wording.actorKindPlural(group.actorKind)
      lines.append(
        "  \(Wording.kindPlural(group.kind, capitalised: false)) by \(who) ("
          + NumberText.counted(group.originals, "action") + "): "
          + parts.joined(separator: ", "))
    }
    let t = responses.timeToAnswer.all
    if t.originals > 0 {
      var line =
        "time to answer (Kaplan-Meier over \(NumberText.counted(t.originals, "original action")), "
        + "\(NumberText.grouped(t.answered)) answered, \(NumberText.grouped(t.censored)) censored): "
      line += Self.medianText(t)
      lines.append(line)
    }
    let c = responses.chains
    if c.count > 0 {
      var line =
        NumberText.counted(c.count, "chain") + " of answers, "
        + "\(NumberText.grouped(c.longerThanTwo)) of three steps or more"
      if let longest = c.longest.first, longest.length > 2 {
        line += "; longest: " + Self.chainText(longest)
      }
      lines.append(line)
    }
    return lines
  }

  /// "median 3 days (95% CI 3–4)", or why there is none.
  static func medianText(_ curve: SurvivalCurve) -> String {
    guard let median = curve.medianDays else {
      return "median not reached (more than half still unanswered)"
    }
    let low = curve.medianLowerDays.map(String.init) ?? "?"
    let high = curve.medianUpperDays.map(String.init) ?? "not reached"
    return "median \(NumberText.counted(median, "day")) (95% CI \(low) to \(high))"
  }

  /// "USA → RUS → USA (3 steps, 246 days, ended open)".
  static func chainText(_ chain: ResponseChain) -> String {
    let movers = chain.steps.map(\.actor.rawValue).joined(separator: " → ")
    var s = "\(movers) (\(NumberText.counted(chain.length, "step"))"
    if let d = chain.durationDays { s += ", " + NumberText.counted(d, "day") }
    return s + ", ended \(Wording.ending(chain.ending)))"
  }
}
