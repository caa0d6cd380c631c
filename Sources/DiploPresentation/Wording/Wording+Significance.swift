import DiploGraph

/// The words of the significance section: each null model's name and what it keeps of the
/// observed graph, the headline line of `stats`, and the plain sentence and the methods
/// paragraph of the reports.
extension Wording {
  /// The name analysts read for a null model's key (see ``NullModelRow``).
  static func nullModelName(_ key: String) -> String {
    switch key {
    case "dbcm": return "DBCM"
    case "edge_swaps": return "swap null"
    case "wrg": return "WRG"
    case "wcm": return "WCM"
    default: return key
    }
  }

  /// What a null model keeps of the observed graph, and where it comes from.
  static func nullModelConditions(_ key: String) -> String {
    switch key {
    case "dbcm":
      return "directed binary configuration model, each actor's out- and in-degree kept on "
        + "average (Squartini & Garlaschelli 2011)"
    case "edge_swaps":
      return "graphs with exactly the observed degrees, drawn by degree-preserving swaps "
        + "(Milo et al. 2003); p (≥): (k + 1) / (R + 1), k the graphs with at least the "
        + "observed L↔"
    case "wrg":
      return "weighted random graph, N and the total weight W kept on average (Squartini et "
        + "al. 2013)"
    case "wcm":
      return "weighted configuration model, each actor's out- and in-strength kept on average "
        + "(Squartini et al. 2013)"
    default: return ""
    }
  }

  /// "swap null: R = 1,000 graphs, seed 0, 10 attempted swaps per link (41.2% accepted)".
  static func swapSettings(_ swaps: EdgeSwapTest) -> String {
    "swap null: R = \(NumberText.grouped(swaps.samples)) graphs, seed \(swaps.seed), "
      + "\(NumberText.grouped(swaps.attemptsPerLink)) attempted swaps per link"
      + (swaps.acceptance.map { " (\(NumberText.percent($0)) accepted)" } ?? "")
  }

  /// A p-value as people read it: "p < 0.001" below a thousandth, else three decimals.
  static func pValue(_ p: Double) -> String {
    p < 0.001 ? "p < 0.001" : "p = \(NumberText.fixed(p, decimals: 3))"
  }

  /// The headline lines of `stats`: each statistic's z against its models, and the swap null.
  static func significanceLines(_ s: Significance) -> [String] {
    guard s.links > 0 else { return ["no links: nothing to test"] }
    func z(_ x: Double?) -> String { x.map { NumberText.fixed($0, decimals: 2) } ?? "undefined" }
    var binary = "L↔ = \(NumberText.grouped(s.reciprocatedLinks))"
    if let dbcm = s.binaryConfigurationModel {
      binary +=
        dbcm.z == nil
        ? ": what the degrees force, the DBCM leaves it no freedom"
        : ": z = \(z(dbcm.z)) against the DBCM (expected "
          + "\(NumberText.fixed(dbcm.expected, decimals: 1)), degrees kept on average)"
    }
    var lines = [binary]
    if let swaps = s.edgeSwaps {
      lines.append(
        (swaps.z == nil
          ? "every one of the \(NumberText.grouped(swaps.samples)) swapped graphs has it"
          : "z = \(z(swaps.z)), \(pValue(swaps.pAtLeast)) over "
            + "\(NumberText.grouped(swaps.samples)) swapped graphs")
          + " (degrees kept exactly; seed \(swaps.seed))")
    }
    var weighted = "W↔ = \(NumberText.grouped(s.reciprocatedWeight)): z = "
    weighted += z(s.weightedRandomGraph.z) + " against the WRG"
    if let wcm = s.weightedConfigurationModel {
      weighted += ", " + z(wcm.z) + " against the WCM (strengths kept on average)"
    }
    lines.append(weighted)
    return lines
  }

  /// The plain sentences of the reports: whether reciprocity is above what each actor's
  /// activity alone would give — against the swap null when it ran (z and p over its graphs),
  /// else against the DBCM (z) — and, when the WCM was fitted, the same of the diplomats
  /// matched by weight. `nil` when neither says anything (no links, or no model fitted).
  static func significanceSentence(_ s: Significance) -> String? {
    guard s.links > 0 else { return nil }
    var sentences: [String] = []
    if let swaps = s.edgeSwaps {
      sentences.append(
        verdict(
          "Reciprocity", swaps.z,
          (swaps.z.map { "z = \(NumberText.fixed($0, decimals: 1)), " } ?? "")
            + "\(pValue(swaps.pAtLeast)) over \(NumberText.grouped(swaps.samples)) rewired "
            + "graphs that keep every actor's links in and out"))
    } else if let dbcm = s.binaryConfigurationModel {
      sentences.append(
        verdict(
          "Reciprocity", dbcm.z,
          dbcm.z.map {
            "z = \(NumberText.fixed($0, decimals: 1)) against random graphs that keep every "
              + "actor's links in and out on average"
          } ?? ""))
    }
    if let wcm = s.weightedConfigurationModel, let z = wcm.z {
      sentences.append(
        verdict(
          "By weight, the matched diplomats are", z,
          "z = \(NumberText.fixed(z, decimals: 1)) against random counts that keep what each "
            + "actor expelled and lost on average"))
    }
    return sentences.isEmpty ? nil : sentences.joined(separator: " ")
  }

  /// "<subject> is far above what each actor's activity alone would give: <figures>.", the
  /// words from z; with z undefined, that the activity admits nothing else.
  private static func verdict(_ subject: String, _ z: Double?, _ figures: String) -> String {
    let verb = subject.hasSuffix(" are") ? "" : " is"
    guard let z else {
      return "\(subject)\(verb) exactly what each actor's activity alone would give: the "
        + "number of links each actor sent and received admits no other pattern of returned "
        + "links."
    }
    let words: String
    switch z {
    case 3...: words = "far above"
    case 2..<3: words = "above"
    case -2..<2: words = "about"
    case -3 ..< -2: words = "below"
    default: words = "far below"
    }
    return "\(subject)\(verb) \(words) what each actor's activity alone would give: \(figures)."
  }

  /// The methods paragraph of the reports on the null models, with this report's settings.
  static func significanceMethod(_ s: Significance) -> (String, String, String) {
    var words =
      "How many links would come back if each actor sent and received as many links as it did, "
      + "but to and from partners chosen at random? The directed binary configuration model "
      + "(Squartini and Garlaschelli, New J. Phys. 13, 083001, 2011) answers in closed form: "
      + "each link i → j is present with p_ij = x_i y_j / (1 + x_i y_j), x and y fitted so that "
      + "every actor's expected links out and in are its observed ones; z measures how far the "
      + "observed L↔ lies from the expected, in standard deviations. By weight, the weighted "
      + "configuration model (Squartini, Picciolo, Ruzzenenti and Garlaschelli, 2013) does the "
      + "same for the diplomats: each count i → j random, geometric with ratio x_i y_j, so that "
      + "every actor's expected diplomats expelled and lost are its observed ones; z compares the "
      + "matched diplomats W↔ = Σ min(w_ij, w_ji) with their expectation."
    if let swaps = s.edgeSwaps {
      words +=
        " As a check, \(NumberText.grouped(swaps.samples)) random graphs with exactly the "
        + "observed links of every actor were drawn by swapping the ends of links "
        + "(\(NumberText.grouped(swaps.attemptsPerLink)) attempted swaps per link, seed "
        + "\(swaps.seed)); p = (k + 1) / (R + 1), k the graphs with at least as many returned "
        + "links as observed."
    }
    return (
      "Reciprocity against chance",
      "z = (L↔ − E[L↔]) / √Var[L↔],  E[L↔] = Σ_{i≠j} p_ij p_ji", words
    )
  }
}
