import DiploGraph

extension ReportContent {
  /// The methods section: per measure, its name, its formula and what it means, with the
  /// settings of this report (the response window, the answer kinds).
  static func methods(_ statistics: Statistics) -> [(String, String, String)] {
    var methods = [
      (
        "Weights and links",
        "w_ij = Σ counts of the actions of i against j;  a_ij = 1 when there is at least one",
        "Every measure runs on the report's selection. An action without a count (a consulate "
          + "closure, an ambassador recall) is a link of weight 0; an action of an actor against "
          + "itself is left out. N is the number of actors with a link, L the number of directed "
          + "links, W = Σ w_ij the total weight."
      ),
      (
        "Reciprocity",
        "r = L↔ / L",
        "The share of directed links i → j whose reverse j → i exists (L↔ counts them), as "
          + "networkx's reciprocity computes it."
      ),
      (
        "Reciprocity beyond chance",
        "ρ = (r − ā) / (1 − ā),  ā = L / (N(N − 1))",
        "Garlaschelli and Loffredo's ρ compares r with the density ā: 0 when links are returned "
          + "as often as chance would have it, positive when more often, negative when less "
          + "(Phys. Rev. Lett. 93, 268701, 2004)."
      ),
      (
        "Weighted reciprocity",
        "r_w = Σ_{i≠j} min(w_ij, w_ji) / Σ_{i≠j} w_ij",
        "The share of the diplomats matched by diplomats expelled the other way (Squartini, "
          + "Picciolo, Ruzzenenti and Garlaschelli, Sci. Rep. 3, 2729, 2013)."
      ),

      (
        "Actors and pairs",
        "s_out(i) = Σ_j w_ij,  s_in(i) = Σ_j w_ji,  matched(i) = Σ_j min(w_ij, w_ji)",
        "Expelled is the out-strength, lost the in-strength; the matched share is matched / "
          + "s_out and the balance s_out − s_in. A pair lists both directions, the side that "
          + "expelled more first."
      ),
      (
        "Blocs",
        "W_B = Σ_{i∈B} s_out(i);  share = W_B / W;  E-I = (E − I) / (E + I)",
        "A bloc's weight is what its members expelled; a member of two blocs counts in both. "
          + "The E-I index (Krackhardt and Stern, 1988) weighs the links crossing the bloc's "
          + "border (E) against those inside it (I): +1 when all cross, −1 when all stay inside."
      ),
      (
        "Sources",
        "",
        "Each figure a source states is recomputed from the actions it refers to (its kinds, "
          + "dates and actors), whatever the report's selection, and is borne out when the "
          + "source's wording (exactly, about, at least, more than…) accepts the data's value. "
          + "A source's claims on a single action are checked the same way; a source leaves an "
          + "action out when it does not report it."
      ),
    ]
    // Each section's method is said only when the section is there.
    if statistics.sources == nil { methods.removeAll { $0.0 == "Sources" } }
    if statistics.blocs == nil { methods.removeAll { $0.0 == "Blocs" } }
    if let responses = statistics.responses { methods.insert(answersMethod(responses), at: 5) }
    if let significance = statistics.significance {
      methods.insert(Wording.significanceMethod(significance), at: 4)
    }
    return methods
  }

  /// How answers are matched, with this report's window and answer kinds.
  static func answersMethod(_ responses: ResponseAnalysis) -> (String, String, String) {
    let answerKinds = Wording.list(
      responses.answerKinds.map { Wording.kindPlural($0, capitalised: false) })
    return (
      "Answers",
      "ratio = answer's diplomats / action's diplomats;  lag = answer's date − action's date",
      "An action that names the action it answers is its answer; any other action gets as "
        + "its answer the first action the other way within \(responses.windowDays) days "
        + "that is not already an answer. Answered in kind: the same number of diplomats; "
        + "with more or with less otherwise; unanswered: no answer found. "
        + (answerKinds.isEmpty
          ? ""
          : "\(answerKinds.capitalisedFirst) are answers by nature and never counted as "
            + "unanswered actions.")
    )
  }
}
