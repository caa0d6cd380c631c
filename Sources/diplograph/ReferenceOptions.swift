import ArgumentParser
import DiploGraph

/// What the mapping pass did to the data set this run reads (`nil` with `--keep-ids`): set
/// once, by ``InputOptions/read(threads:)``, for `validate` to report.
nonisolated(unsafe) var runActorMapping: ActorMapping?

/// The options of the reference data: whether actor names and codes are mapped to its ids.
struct ReferenceOptions: ParsableArguments {
  @Flag(
    help:
      "Keep actor ids as the data set writes them (by default names and codes the reference knows, such as Russia, rus or UK, become ISO alpha-3 ids)."
  )
  var keepIds = false

  /// The bloc ids `--bloc` and `--compare-blocs` accept: the data set's own, then the
  /// reference's (membership at the date of each action).
  static func knownBlocs(in dataSet: DataSet) -> Set<String> {
    Set(dataSet.blocs.map(\.id.rawValue) + ReferenceData.standard.blocs.map(\.id.rawValue))
  }

  /// Maps the data set's actor spellings to the reference's ids unless `--keep-ids`, and
  /// keeps the report for `validate`.
  func apply(to dataSet: inout DataSet) {
    runActorMapping = keepIds ? nil : dataSet.mapActorSpellings()
  }

  /// The lines `validate` prints about the mapping: each spelling renamed and how, then the
  /// ids not recognised, each list capped like the diagnostics; empty when nothing was
  /// renamed and nothing left unrecognised.
  static func report(_ mapping: ActorMapping?, limit: Int = maxListedDiagnostics) -> String {
    guard let mapping else { return "actor ids kept as written (--keep-ids)\n" }
    var text = ""
    func more(_ total: Int) {
      if total > limit { text += "  … and \(total - limit) more not listed\n" }
    }
    if !mapping.mapped.isEmpty {
      text +=
        "mapped \(mapping.mapped.count) actor spelling(s) to reference ids "
        + "(\(mapping.idsBefore) distinct ids became \(mapping.idsAfter)):\n"
      for entry in mapping.mapped.prefix(limit) {
        text += "  \(JSON.quoted(entry.spelling)) → \(entry.id) (\(entry.how))\n"
      }
      more(mapping.mapped.count)
    }
    if !mapping.unrecognised.isEmpty {
      text +=
        "not recognised by the reference, kept as written: \(mapping.unrecognised.count) "
        + "actor id(s):\n"
      for id in mapping.unrecognised.prefix(limit) { text += "  \(JSON.quoted(id.rawValue))\n" }
      more(mapping.unrecognised.count)
    }
    for (declared, id) in mapping.declaredClaims.sorted(by: { $0.key < $1.key }).prefix(limit) {
      text += "declared actor \(JSON.quoted(declared.rawValue)) kept; it stands for \(id)\n"
    }
    return text
  }
}
