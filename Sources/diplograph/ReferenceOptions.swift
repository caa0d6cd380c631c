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

  /// The first of `ids` that is neither the data set's bloc nor the reference's, refused with
  /// the blocs there are: the data set's own, then the reference's (`--bloc`, `--compare-blocs`
  /// and `--colour-blocs` say the same).
  static func checkBlocs(_ ids: [String], option: String, in dataSet: DataSet) throws {
    let known = knownBlocs(in: dataSet)
    guard let unknown = ids.first(where: { !known.contains($0) }) else { return }
    let own = dataSet.blocs.map(\.id.rawValue).joined(separator: ", ")
    let reference = ReferenceData.standard.blocs.map(\.id.rawValue).joined(separator: ", ")
    throw CommandFailure.usage(
      "\(option) \(unknown): no such bloc (the data set's: \(own.isEmpty ? "none" : own); "
        + "the reference's, membership by date: \(reference))")
  }

  /// Maps the data set's actor spellings to the reference's ids unless `--keep-ids`, and
  /// keeps the report for `validate`. Either way a data set that declares no actor declares
  /// those its actions name, with the reference's names and kinds where it knows the id.
  func apply(to dataSet: inout DataSet) {
    if keepIds {
      runActorMapping = nil
      dataSet.declareActionActors()
    } else {
      runActorMapping = dataSet.mapActorSpellings()
    }
  }

  /// The lines `validate` prints about the mapping: each spelling renamed and how, then the
  /// ids not recognised, at most `limit` of them in all (then how many more), so that the
  /// report and the diagnostics share one cap; one line of counts when `limit` is 0 (the
  /// diagnostics fill the list). Empty when nothing was renamed or left unrecognised.
  static func report(_ mapping: ActorMapping?, limit: Int) -> String {
    guard let mapping else { return "actor ids kept as written (--keep-ids)\n" }
    let mapped = mapping.mapped.count
    let unknown = mapping.unrecognised.count
    let implied = mapping.declared
    let declaredLine =
      implied.fromReference + implied.asWritten == 0
      ? ""
      : "declared the \(implied.fromReference + implied.asWritten) actor(s) the actions name "
        + "(no actors file): \(implied.fromReference) with the reference's name and kind, "
        + "\(implied.asWritten) as written\n"
    guard mapped + unknown > 0 else { return declaredLine }
    let counts =
      "\(mapped) actor spelling(s) mapped to reference ids (\(mapping.idsBefore) distinct ids "
      + "became \(mapping.idsAfter)), \(unknown) not recognised"
    guard limit > 0 else {
      return counts + " (not listed: the problems fill the list)\n" + declaredLine
    }
    var text = ""
    var left = limit
    func list(_ header: String, _ lines: [String]) {
      guard !lines.isEmpty else { return }
      text += header
      for line in lines.prefix(left) { text += "  \(line)\n" }
      if lines.count > left { text += "  … and \(lines.count - left) more not listed\n" }
      left = max(0, left - lines.count)
    }
    list(
      "mapped \(mapped) actor spelling(s) to reference ids (\(mapping.idsBefore) distinct ids "
        + "became \(mapping.idsAfter)):\n",
      mapping.mapped.map { "\(JSON.quoted($0.spelling)) → \($0.id) (\($0.how))" })
    list(
      "not recognised by the reference, kept as written: \(unknown) actor id(s):\n",
      mapping.unrecognised.map { JSON.quoted($0.rawValue) })
    for (declared, id) in mapping.declaredClaims.sorted(by: { $0.key < $1.key }).prefix(left) {
      text += "declared actor \(JSON.quoted(declared.rawValue)) kept; it stands for \(id)\n"
    }
    return text + declaredLine
  }
}
