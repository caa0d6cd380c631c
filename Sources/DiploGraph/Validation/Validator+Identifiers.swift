// The rule on the characters of ids: no control character (C0, DEL, C1) in any id, each
// reported once at its first place (`Fra\u{0}nce` is refused, not made an actor).

extension Validation {
  /// The first control character of `id`, if any.
  static func controlCharacter(in id: String) -> Unicode.Scalar? {
    id.unicodeScalars.first { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
  }

  /// `U+0000`.
  static func code(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  private mutating func controlCharacter(_ id: String, _ noun: String, at path: DataPath) {
    guard let scalar = Self.controlCharacter(in: id) else { return }
    error(
      "found the \(noun) \(JSON.quoted(id)), which holds the control character "
        + "\(Self.code(scalar)); expected an id without control characters",
      at: path)
  }

  /// Checks every id: the declared ones, the actions' ids, and each actor or target an action
  /// names (once, at the first row that names it).
  ///
  /// - Complexity: O(n + s) for n actions and s characters of distinct ids.
  mutating func checkControlCharacters() {
    for (i, source) in dataSet.sources.enumerated() {
      controlCharacter(source.id.rawValue, "source id", at: DataPath(.sources, i, field: "id"))
    }
    for (i, actor) in dataSet.actors.enumerated() {
      controlCharacter(actor.id.rawValue, "actor id", at: DataPath(.actors, i, field: "id"))
    }
    for (i, bloc) in dataSet.blocs.enumerated() {
      controlCharacter(bloc.id.rawValue, "bloc id", at: DataPath(.blocs, i, field: "id"))
    }
    let table = dataSet.actions
    for (symbol, id) in table.idSymbols.strings.enumerated() where symbol < rowOfID.count {
      let row = Int(rowOfID[symbol])
      if row >= 0 { controlCharacter(id, "action id", at: DataPath(.actions, row, field: "id")) }
    }
    let bad = table.endpointSymbols.strings.map { Self.controlCharacter(in: $0) != nil }
    guard bad.contains(true) else { return }
    var reported = [Bool](repeating: false, count: bad.count)
    for row in 0..<table.count {
      for (symbol, field) in [
        (table.actorColumn[row], "actor"), (table.targetColumn[row], "target"),
      ]
      where bad[Int(symbol)] && !reported[Int(symbol)] {
        reported[Int(symbol)] = true
        controlCharacter(
          table.endpointSymbols[symbol], field, at: DataPath(.actions, row, field: field))
      }
    }
  }
}
