import DiploGraph
import Foundation
import PropertyBased
import TestSupport
import Testing

/// Names and codes as written, resolved to reference ids; the comparison key; the generated
/// tables against the script that makes them.
@Suite struct ReferenceSpellingTests {
  let reference = ReferenceData.standard

  func match(_ spelling: String) -> ActorMatch? { reference.resolve(spelling) }

  @Test func resolvesCodesAndNamesAsWritten() {
    #expect(match("RUS") == ActorMatch(id: "RUS", via: .id, exact: true))
    #expect(match("RU") == ActorMatch(id: "RUS", via: .alpha2, exact: true))
    #expect(match("643") == ActorMatch(id: "RUS", via: .numeric, exact: true))
    #expect(match("Russia") == ActorMatch(id: "RUS", via: .name, exact: true))
    #expect(match("Russian Federation") == ActorMatch(id: "RUS", via: .name, exact: true))
    #expect(match("rus") == ActorMatch(id: "RUS", via: .id, exact: false))
    #expect(match(" russia ") == ActorMatch(id: "RUS", via: .name, exact: false))
    #expect(match("RUSSIAN  FEDERATION") == ActorMatch(id: "RUS", via: .name, exact: false))
    #expect(match("ROM") == ActorMatch(id: "ROU", via: .cameo, exact: true))
    #expect(match("TMP") == ActorMatch(id: "TLS", via: .cameo, exact: true))
    #expect(match("IMY")?.id == "IMN")
    #expect(match("MTN")?.id == "MNE")
    #expect(match("ZAR") == ActorMatch(id: "COD", via: .formerCode, exact: true))
    #expect(match("NAT") == ActorMatch(id: "NATO", via: .cameo, exact: true))
    #expect(match("Türkiye") == ActorMatch(id: "TUR", via: .name, exact: true))
    #expect(match("TURKEY") == ActorMatch(id: "TUR", via: .alias, exact: false))
    #expect(match("Turkey") == ActorMatch(id: "TUR", via: .alias, exact: true))
    #expect(match("Occupied Palestinian Territory")?.id == "PSE")
    #expect(match("Kosovo") == ActorMatch(id: "XKX", via: .name, exact: true))
  }

  /// The spellings the brief names, and the variants news uses.
  @Test func resolvesNewsAndEventDataVariants() {
    let cases: [(String, ActorID)] = [
      ("Macedonia", "MKD"), ("North Macedonia", "MKD"), ("Czech Republic", "CZE"),
      ("Czechia", "CZE"), ("US", "USA"), ("USA", "USA"), ("U.S.", "USA"),
      ("United States of America", "USA"), ("the United States", "USA"), ("UK", "GBR"),
      ("Britain", "GBR"), ("Great Britain", "GBR"), ("GB", "GBR"), ("South Korea", "KOR"),
      ("North Korea", "PRK"), ("Iran", "IRN"), ("Syria", "SYR"), ("Vatican", "VAT"),
      ("Holy See", "VAT"), ("Ivory Coast", "CIV"), ("Côte d’Ivoire", "CIV"),
      ("Cote d'Ivoire", "CIV"), ("Burma", "MMR"), ("Myanmar", "MMR"), ("Swaziland", "SWZ"),
      ("Eswatini", "SWZ"), ("Cape Verde", "CPV"), ("Cabo Verde", "CPV"),
      ("East Timor", "TLS"), ("Timor-Leste", "TLS"), ("The Gambia", "GMB"),
      ("St. Lucia", "LCA"), ("Saint Kitts & Nevis", "KNA"), ("Bosnia & Herzegovina", "BIH"),
      ("DR Congo", "COD"), ("Congo", "COG"), ("Laos", "LAO"), ("Vietnam", "VNM"),
      ("Viet Nam", "VNM"), ("Moldova", "MDA"), ("UAE", "ARE"), ("Netherlands", "NLD"),
      ("the Netherlands", "NLD"), ("Åland Islands", "ALA"), ("Aland Islands", "ALA"),
      ("Réunion", "REU"), ("Curaçao", "CUW"), ("São Tomé and Príncipe", "STP"),
      ("European Union", "EU"), ("NATO", "NATO"), ("African Union", "AFU"),
      ("Middle East", "MEA"), ("EUR", "EUR"),
    ]
    for (spelling, id) in cases {
      #expect(match(spelling)?.id == id, "\(spelling)")
    }
  }

  @Test func unknownAndAmbiguousSpellingsResolveToNothing() {
    #expect(match("") == nil)
    #expect(match("  ") == nil)
    #expect(match("...") == nil)
    #expect(match("Atlantis") == nil)
    #expect(match("Korea") == nil)
    #expect(match("RUSS") == nil)
    // AU is Australia's alpha-2 code, not the African Union.
    #expect(match("AU")?.id == "AUS")
  }

  /// NFC and NFD spellings of the same name match alike: exactly (Swift's `String` equality
  /// is canonical equivalence) and by key.
  @Test func unicodeNormalisationDoesNotMatter() {
    let nfc = "T\u{00FC}rkiye"
    let nfd = "Tu\u{0308}rkiye"
    #expect(nfc.unicodeScalars.count != nfd.unicodeScalars.count)
    #expect(match(nfd) == ActorMatch(id: "TUR", via: .name, exact: true))
    #expect(match(nfd.uppercased())?.id == "TUR")
    #expect(ActorSpelling.key(nfc) == "turkiye")
    #expect(ActorSpelling.key(nfd) == "turkiye")
    #expect(ActorSpelling.key("C\u{00F4}te d\u{2019}Ivoire") == "cotedivoire")
    #expect(ActorSpelling.key("Co\u{0302}te d'Ivoire") == "cotedivoire")
    #expect(ActorSpelling.key("Gro\u{00DF}britannien") == "grossbritannien")
    #expect(ActorSpelling.key("Rom\u{00E2}nia") == "romania")
    #expect(ActorSpelling.key("ROMÂNIA") == "romania")
    #expect(ActorSpelling.key("Россия") == "россия")
    #expect(ActorSpelling.key("St") == "st")
    #expect(ActorSpelling.key("The") == "the")
  }

  /// Any ISO name, written with its case changed, its accents decomposed (NFD) and spaces
  /// around it, resolves to the same actor as the name itself.
  @Test func everyNameSurvivesCaseNormalisationAndSpacing() async {
    let names = reference.actors.flatMap { actor in actor.aliases.map { ($0, actor.id) } }
    let variant = zip(Gen.element(of: names), Gen.int(in: 0...3), Gen.int(in: 0...2)).map {
      (pair: (String, ActorID)?, casing: Int, spaces: Int) -> (String, ActorID) in
      let (name, id) = pair!
      var text: String
      switch casing {
      case 0: text = name.uppercased()
      case 1: text = name.lowercased()
      case 2: text = name.decomposedStringWithCanonicalMapping
      default: text = name.precomposedStringWithCanonicalMapping.uppercased()
      }
      let pad = String(repeating: " ", count: spaces)
      text = pad + text + pad
      return (text, id)
    }
    await propertyCheck(count: 300, input: variant) { pair in
      #expect(reference.resolve(pair.0)?.id == pair.1, "\(pair.0)")
    }
  }

  /// The key is idempotent and does not see case.
  @Test func keyIsIdempotentAndCaseBlind() async {
    let alphabet = Array("abcXYZ éÜß-. '&0").map(String.init)
    let text = Gen.element(of: alphabet).array(of: 0...12).map { $0.compactMap { $0 }.joined() }
    await propertyCheck(count: 300, input: text) { s in
      let key = ActorSpelling.key(s)
      #expect(ActorSpelling.key(key) == key)
      #expect(ActorSpelling.key(s.uppercased()) == key)
      #expect(ActorSpelling.key(s.lowercased()) == key)
    }
  }

  @Test func confusableIdsAreGrouped() {
    let groups = ActorSpelling.confusableGroups([
      "RUS", "rus", "Rus", "GBR", "U.S.", "US", "us ", "FRA", "RUS",
    ])
    #expect(groups == [["RUS", "Rus", "rus"], ["U.S.", "US", "us "]])
    #expect(ActorSpelling.confusableGroups(["RUS", "GBR", "RUS"]).isEmpty)
    #expect(ActorSpelling.confusableGroups([ActorID]()).isEmpty)
  }

  /// The committed ReferenceTables.swift is what the script makes from the data files.
  @Test func generatedTablesMatchTheScript() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let reference = Fixtures.packageRoot.appendingPathComponent("Sources/DiploGraph/Reference")
    let output = folder.appendingPathComponent("ReferenceTables.swift")
    let result = try CommandRunner.run(
      executable: URL(fileURLWithPath: "/usr/bin/env"),
      [
        "python3", reference.appendingPathComponent("generate_reference.py").path,
        "--swift-out", output.path,
      ], timeout: 120)
    #expect(result.status == 0, "\(result.stderr)")
    let made = try Data(contentsOf: output)
    let committed = try Data(contentsOf: reference.appendingPathComponent("ReferenceTables.swift"))
    #expect(made == committed, "run python3 Sources/DiploGraph/Reference/generate_reference.py")
  }
}
