import DiploGraph

/// The significance section of `stats`: reciprocity against each null model, the swap null's
/// settings, the dyad and triad censuses and the bloc cohesion tests, for analysts.

/// One null model's line of the reciprocity table: the model, what it tests, and the figures.
struct NullModelRow {
  /// The model's stable key (`dbcm`, `edge_swaps`, `wrg`, `wcm`).
  var key: String
  /// The statistic tested: L↔ (links) or W↔ (weight).
  var statistic: String
  var observed: Int64
  var expected: Double?
  var standardDeviation: Double?
  var z: Double?
  var expectedReciprocity: Double?
  var rho: Double?
  /// The swap null's one-sided empirical p-values; `nil` for the analytic models.
  var pAtLeast: Double?
  var pAtMost: Double?
}

extension Significance {
  /// The rows of the reciprocity table, in the order DBCM, swap null, WRG, WCM; a model that
  /// was not run (no samples) or could not be (too many degree classes) has no row.
  var nullModelRows: [NullModelRow] {
    func analytic(_ key: String, _ statistic: String, _ test: NullModelTest?) -> NullModelRow? {
      test.map {
        NullModelRow(
          key: key, statistic: statistic, observed: $0.observed, expected: $0.expected,
          standardDeviation: $0.standardDeviation, z: $0.z,
          expectedReciprocity: $0.expectedReciprocity, rho: $0.rho)
      }
    }
    var rows: [NullModelRow?] = [analytic("dbcm", "L↔", binaryConfigurationModel)]
    if let swaps = edgeSwaps {
      rows.append(
        NullModelRow(
          key: "edge_swaps", statistic: "L↔", observed: Int64(swaps.observed),
          expected: swaps.mean, standardDeviation: swaps.standardDeviation, z: swaps.z,
          expectedReciprocity: links == 0 ? nil : swaps.mean / Double(links),
          pAtLeast: swaps.pAtLeast, pAtMost: swaps.pAtMost))
    }
    rows.append(analytic("wrg", "W↔", weightedRandomGraph))
    rows.append(analytic("wcm", "W↔", weightedConfigurationModel))
    return rows.compactMap { $0 }
  }
}

extension Statistics {
  /// The tables of the significance section, in print order; none when it was not computed.
  func significanceTables() -> [Table] {
    guard let s = significance else { return [] }
    var tables = [nullModelTable(s), dyadCensusTable(s), triadCensusTable(s)]
    if let swaps = s.edgeSwaps { tables.insert(swapSettingsTable(swaps), at: 1) }
    if let blocs = s.blocCohesion { tables.append(blocCohesionTable(blocs)) }
    return tables
  }

  /// Reciprocity against each null model, one row per model.
  func nullModelTable(_ s: Significance) -> Table {
    var notes = [
      "z = (observed − expected) / sd; expected r: expected / L (or W); "
        + "ρ = (r − expected r) / (1 − expected r)"
    ]
    notes += s.nullModelRows.map { "\($0.key): " + Wording.nullModelConditions($0.key) }
    if let swaps = s.edgeSwaps { notes.append(Wording.swapSettings(swaps)) }
    if s.binaryConfigurationModel == nil || s.weightedConfigurationModel == nil {
      notes.append(
        "a configuration model with more than \(NumberText.grouped(NullModelTest.maxClasses)) "
          + "classes of actors with equal degrees (strengths) is not fitted")
    }
    return Table(
      name: "significance", title: "Reciprocity against null models", notes: notes,
      rows: s.nullModelRows,
      columns: [
        ColumnSpec("model", "model") {
          .text(Wording.nullModelName($0.key), value: $0.key)
        },
        ColumnSpec("statistic", "of") { .text($0.statistic) },
        ColumnSpec("observed", "observed") { .int($0.observed) },
        ColumnSpec("expected", "expected") { .ratio($0.expected) },
        ColumnSpec("standard_deviation", "sd") { .ratio($0.standardDeviation) },
        ColumnSpec("z", "z") { .ratio($0.z) },
        ColumnSpec("expected_reciprocity", "expected r") { .ratio($0.expectedReciprocity) },
        ColumnSpec("rho", "ρ") { .ratio($0.rho) },
        ColumnSpec("p_at_least", "p (≥)") { .ratio($0.pAtLeast) },
        ColumnSpec("p_at_most", "p (≤)") { .ratio($0.pAtMost) },
      ], for: .analysts)
  }

  /// The swap null's settings, for programs (people read them in the notes).
  func swapSettingsTable(_ swaps: EdgeSwapTest) -> Table {
    var table = Table.values(
      "significance_swaps", "Swap null",
      [
        ("samples", "random graphs (R)", .int(swaps.samples)),
        ("seed", "seed", Table.Cell(.figure(String(swaps.seed)))),
        ("attempts_per_link", "attempted swaps per link", .int(swaps.attemptsPerLink)),
        ("acceptance", "accepted swaps", .share(swaps.acceptance)),
      ])
    table.shownToPeople = false
    return table
  }

  /// Mutual, asymmetric and null dyads (Holland & Leinhardt).
  func dyadCensusTable(_ s: Significance) -> Table {
    Table.values(
      "dyad_census", "Dyad census",
      notes: ["pairs of the \(NumberText.grouped(s.actors)) actors with a link, C(N, 2) in all"],
      [
        ("mutual", "mutual (both ways)", .int(s.dyads.mutual)),
        ("asymmetric", "asymmetric (one way)", .int(s.dyads.asymmetric)),
        ("null", "null (no link)", .int(s.dyads.null)),
      ])
  }

  /// The 16 triad types, keyed as networkx's `triadic_census` names them.
  func triadCensusTable(_ s: Significance) -> Table {
    Table(
      name: "triad_census", title: "Triad census",
      notes: [
        "triples of actors with a link, C(N, 3) in all; types as networkx's triadic_census "
          + "(M-A-N: mutual, asymmetric, null dyads; D down, U up, C cyclic, T transitive)"
      ],
      rows: Array(zip(TriadType.allCases, s.triads.counts)),
      columns: [
        ColumnSpec("type", "type") { .text($0.0.rawValue) },
        ColumnSpec("count", "triads") { .int($0.1) },
      ], for: .analysts)
  }

  /// Each bloc's E-I index against shuffled bloc labels.
  func blocCohesionTable(_ tests: [BlocCohesionTest]) -> Table {
    var table = Table(
      name: "bloc_cohesion", title: "Bloc cohesion against shuffled blocs",
      notes: [
        "E-I on weights against bloc labels shuffled among the actors with a link (sizes kept); "
          + "p (≤): (k + 1) / (R + 1), k the shuffles with E-I ≤ the observed (small: cohesive)"
      ],
      rows: tests,
      columns: [
        ColumnSpec("bloc", "bloc") { .text($0.bloc.rawValue) },
        ColumnSpec("members", "members with a link") { .int($0.members) },
        ColumnSpec("ei_index", "E-I") { .ratio($0.observed) },
        ColumnSpec("mean", "null mean") { .ratio($0.mean) },
        ColumnSpec("standard_deviation", "sd") { .ratio($0.standardDeviation) },
        ColumnSpec("z", "z") { .ratio($0.z) },
        ColumnSpec("p_at_most", "p (≤)") { .ratio($0.pAtMost) },
        ColumnSpec("p_at_least", "p (≥)") { .ratio($0.pAtLeast) },
        ColumnSpec("samples", "shuffles") { .int($0.definedSamples) },
      ], for: .analysts)
    table.showWhenEmpty = false
    return table
  }
}
