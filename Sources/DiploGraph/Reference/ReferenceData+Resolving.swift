/// From names and codes as written to reference ids.

extension ReferenceData {
  /// The actor a name or code as written stands for, and how it was recognised; `nil` when it
  /// is none the reference knows (or one that two actors claim: ``ambiguousSpellings``).
  ///
  /// The spelling is looked up as written first (`"RUS"` → `RUS` by id, `"Türkiye"` by name,
  /// `"ROM"` → `ROU` by CAMEO code, all `exact`), then by its key
  /// (``ActorSpelling/key(_:)``), which ignores case, spacing, punctuation, accents and a
  /// leading "the" (`" russia "`, `"TURKEY"`, `"the united states"`, `"U.S."`: not `exact`).
  /// Swift compares strings by canonical equivalence, so an NFD `"Türkiye"` is exact too.
  ///
  /// Ids: ISO 3166-1 alpha-3 for states, `XKX` for Kosovo, the short code for organisations
  /// (`NATO`), CAMEO's code for regions (`EUR`). Alpha-2 codes (`GB`) and three-digit numeric
  /// codes (`826`) resolve too; note that `AU` is Australia, not the African Union (`AFU`).
  ///
  /// - Complexity: O(k) for a spelling of length k (two hash look-ups and one key).
  public func resolve(_ spelling: some StringProtocol) -> ActorMatch? {
    if let match = exactSpellings[String(spelling)] { return match }
    let key = ActorSpelling.key(spelling)
    return key.isEmpty ? nil : foldedSpellings[key]
  }
}
