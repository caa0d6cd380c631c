/// How names and codes as written are compared: the key that ignores case, spacing,
/// punctuation, accents and Unicode normalisation.

/// The comparison key of actor names and codes, and the check for ids that differ only in it.
///
/// The key of a spelling is made, scalar by scalar, without Foundation:
/// 1. combining marks (general category Mn) are dropped, so an NFD spelling (`u` + U+0308)
///    loses its accents;
/// 2. the rest is lower-cased (Unicode's lowercase mapping);
/// 3. Latin letters U+00C0–U+024F are folded to ASCII by a table generated from Unicode's
///    canonical decompositions (`ü` → `u`, `ș` → `s`), with the usual English spelling for the
///    letters that have none (`ß` → `ss`, `ø` → `o`, `ł` → `l`), so NFC spellings fold like NFD
///    ones; other letters (Greek, Cyrillic, …) and digits are kept as they are;
/// 4. anything else (spaces, hyphens, dots, apostrophes, commas, brackets) separates words, and
///    `&` is the word `and`;
/// 5. a leading word `the` is dropped and a word `st` is read `saint`, when more words follow;
/// 6. the words are joined with nothing between them.
///
/// So `" Russia "`, `"RUSSIA"` and `"russia"` have the key `russia`; `"U.S."` has `us`;
/// `"Côte d’Ivoire"` (NFC or NFD) and `"Cote d'Ivoire"` have `cotedivoire`; `"The Gambia"`
/// has `gambia`; `"St. Lucia"` has `saintlucia`. Letters outside the table that have a
/// canonical decomposition but are written precomposed (Vietnamese `ễ`) keep their accent:
/// no country name of the reference needs them.
public enum ActorSpelling {
  /// The comparison key of `text`; empty when `text` has no letter or digit.
  ///
  /// - Complexity: O(n) in the length of `text`.
  public static func key(_ text: some StringProtocol) -> String {
    var words: [String] = []
    var current = ""
    func endWord() {
      if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    for scalar in text.unicodeScalars {
      if scalar == "&" {
        endWord()
        words.append("and")
        continue
      }
      for lower in scalar.properties.lowercaseMapping.unicodeScalars {
        let properties = lower.properties
        if properties.generalCategory == .nonspacingMark { continue }
        if let folded = latinFolds[lower] {
          current += folded
        } else if lower.isASCII {
          let value = lower.value
          if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
            current.unicodeScalars.append(lower)
          } else {
            endWord()
          }
        } else if properties.isAlphabetic || properties.numericType != nil {
          current.unicodeScalars.append(lower)
        } else {
          endWord()
        }
      }
    }
    endWord()
    if words.count > 1 && words[0] == "the" { words.removeFirst() }
    if words.count > 1 {
      for i in words.indices where words[i] == "st" { words[i] = "saint" }
    }
    return words.joined()
  }

  /// The ids of one data set that differ only in their key (case, spacing, punctuation,
  /// accents): groups of two or more distinct ids with the same ``key(_:)``, each group sorted,
  /// the groups sorted by their first id. Meant for a warning: `RUS`, `rus` and `Rus` are
  /// three actors to the analytics.
  ///
  /// Ids whose key is empty (no letter or digit) are grouped under the empty key too.
  ///
  /// - Complexity: O(n·k + g log g), for n ids of length at most k and g ids in groups.
  public static func confusableGroups(_ ids: some Sequence<ActorID>) -> [[ActorID]] {
    var byKey: [String: Set<ActorID>] = [:]
    for id in ids { byKey[key(id.rawValue), default: []].insert(id) }
    return byKey.values.filter { $0.count > 1 }.map { $0.sorted() }
      .sorted { $0[0] < $1[0] }
  }

  /// Lower-case Latin letter → ASCII, from ``ReferenceTables/latinFolds``.
  static let latinFolds: [Unicode.Scalar: String] = {
    var table: [Unicode.Scalar: String] = [:]
    for line in ReferenceTables.latinFolds.split(separator: "\n") {
      let fields = line.split(separator: "\t")
      guard fields.count == 2, let letter = fields[0].unicodeScalars.first else {
        preconditionFailure("malformed fold table line \(line)")
      }
      table[letter] = String(fields[1])
    }
    return table
  }()
}
