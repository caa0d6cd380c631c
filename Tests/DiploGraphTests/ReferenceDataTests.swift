import DiploGraph
import Foundation
import PropertyBased
import TestSupport
import Testing

/// The shipped reference data: its facts checked by hand against the sources named in
/// Sources/DiploGraph/Reference/Data, and its internal consistency.
@Suite struct ReferenceDataTests {
  let reference = ReferenceData.standard

  func day(_ text: String) throws -> Day { try #require(Day(iso: text)) }

  // MARK: Membership at a date

  @Test func unitedKingdomLeavesTheEUAfter31January2020() throws {
    #expect(reference.isMember("GBR", of: "EU", on: try day("2018-03-26")))
    #expect(reference.isMember("GBR", of: "EU", on: try day("2020-01-31")))
    #expect(!reference.isMember("GBR", of: "EU", on: try day("2020-02-01")))
    #expect(!reference.isMember("GBR", of: "EU", on: try day("2022-03-01")))
    #expect(!reference.isMember("GBR", of: "EU", on: try day("1972-12-31")))
    #expect(reference.isMember("GBR", of: "EU", on: try day("1973-01-01")))
  }

  @Test func finlandAndSwedenJoinNATO() throws {
    #expect(!reference.isMember("FIN", of: "NATO", on: try day("2023-04-03")))
    #expect(reference.isMember("FIN", of: "NATO", on: try day("2023-04-04")))
    #expect(!reference.isMember("SWE", of: "NATO", on: try day("2024-03-06")))
    #expect(reference.isMember("SWE", of: "NATO", on: try day("2024-03-07")))
  }

  @Test func croatiaJoinsTheEUOn1July2013() throws {
    #expect(!reference.isMember("HRV", of: "EU", on: try day("2013-06-30")))
    #expect(reference.isMember("HRV", of: "EU", on: try day("2013-07-01")))
  }

  /// The EU of 26 March 2018: the 28 states of the 2018 data set's own EU bloc (its note: "The
  /// 28 members of March 2018, the United Kingdom among them").
  @Test func theEUOf2018HasTwentyEightMembers() throws {
    let members = reference.members(of: "EU", on: try day("2018-03-26"))
    let expected: [ActorID] = [
      "AUT", "BEL", "BGR", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GBR",
      "GRC", "HRV", "HUN", "IRL", "ITA", "LTU", "LUX", "LVA", "MLT", "NLD", "POL", "PRT",
      "ROU", "SVK", "SVN", "SWE",
    ]
    #expect(members == expected)
    // Two years later the United Kingdom is gone: the EU-27.
    #expect(reference.members(of: "EU", on: try day("2020-02-01")).count == 27)
  }

  /// NATO on 26 March 2018: 12 founders, Greece and Turkey (1952), Germany (1955), Spain
  /// (1982), 3 in 1999, 7 in 2004, Albania and Croatia (2009) = 12+2+1+1+3+7+2 = 28, then
  /// Montenegro (2017) = 29. North Macedonia (2020) is not yet in.
  @Test func natoHasTwentyNineMembersOn26March2018() throws {
    let members = reference.members(of: "NATO", on: try day("2018-03-26"))
    #expect(members.count == 29)
    #expect(members.contains("MNE"))
    #expect(!members.contains("MKD"))
    #expect(reference.members(of: "NATO", on: try day("2024-03-07")).count == 32)
  }

  @Test func otherBlocsAtADate() throws {
    // CSTO: Uzbekistan's two periods, Armenia still a member (participation frozen, 2024).
    #expect(reference.isMember("UZB", of: "CSTO", on: try day("1995-01-01")))
    #expect(!reference.isMember("UZB", of: "CSTO", on: try day("2003-01-01")))
    #expect(reference.isMember("UZB", of: "CSTO", on: try day("2010-01-01")))
    #expect(!reference.isMember("UZB", of: "CSTO", on: try day("2018-03-26")))
    #expect(reference.isMember("ARM", of: "CSTO", on: try day("2025-01-01")))
    #expect(!reference.isMember("GEO", of: "CSTO", on: try day("2018-03-26")))
    // SCO: India and Pakistan from 9 June 2017, Iran from 4 July 2023.
    #expect(reference.members(of: "SCO", on: try day("2018-03-26")).count == 8)
    #expect(!reference.isMember("IRN", of: "SCO", on: try day("2023-07-03")))
    #expect(reference.isMember("IRN", of: "SCO", on: try day("2023-07-04")))
    #expect(reference.members(of: "G7", on: try day("2018-03-26")).count == 7)
    #expect(reference.members(of: "FVEY", on: try day("2018-03-26")).count == 5)
    #expect(
      reference.blocs(of: "GBR", on: try day("2018-03-26")) == ["EU", "NATO", "G7", "FVEY"])
    #expect(reference.blocs(of: "GBR", on: try day("2022-03-01")) == ["NATO", "G7", "FVEY"])
    #expect(!reference.isMember("XYZ", of: "EU", on: try day("2018-03-26")))
    #expect(reference.members(of: "XYZ", on: try day("2018-03-26")).isEmpty)
  }

  /// An undated action counts for a bloc only when its actor was a member on every day of the
  /// data set's dated span; without a span, on the edition day.
  @Test func undatedActionsUseTheWholeSpan() throws {
    let span2018 = try day("2018-03-01")...day("2018-04-30")
    #expect(reference.isMember("GBR", of: "EU", on: nil, undatedSpan: span2018))
    // A span across Brexit: the United Kingdom was not a member on all of it.
    let acrossBrexit = try day("2019-06-01")...day("2020-06-01")
    #expect(!reference.isMember("GBR", of: "EU", on: nil, undatedSpan: acrossBrexit))
    #expect(reference.isMember("FRA", of: "EU", on: nil, undatedSpan: acrossBrexit))
    // Across Uzbekistan's gap in the CSTO (1999–2006): not a member throughout.
    let acrossGap = try day("1998-01-01")...day("2008-01-01")
    #expect(!reference.isMember("UZB", of: "CSTO", on: nil, undatedSpan: acrossGap))
    // A dated action ignores the span.
    #expect(
      reference.isMember("GBR", of: "EU", on: try day("2019-06-01"), undatedSpan: acrossBrexit))
    // No span: the edition day (2025-06-30): Finland is in NATO, the United Kingdom not in the EU.
    #expect(reference.isMember("FIN", of: "NATO", on: nil, undatedSpan: nil))
    #expect(!reference.isMember("GBR", of: "EU", on: nil, undatedSpan: nil))
  }

  /// The 2018 wave, with membership taken from the reference at each action's date instead of
  /// the data set's own bloc: the same 28 states, and for the coordinated wave of 26–27 March
  /// the expulsions by EU member states sum to 35, as the articles say. By hand, from
  /// Graphs/skripal-2018.json: FRA 4, POL 4, DEU 4, LTU 3, CZE 3, DNK 2, ITA 2, ESP 2, NLD 2,
  /// and 1 each for EST, LVA, SWE, BEL, FIN, ROU, HRV, HUN, IRL: 12 + 6 + 8 + 9 = 35 (Bulgaria
  /// and Luxembourg recalled their ambassadors, without a count).
  @Test func theSkripalWaveGivesEUMemberStates35() throws {
    let data = try Fixtures.skripal2018()
    let ownEU = try #require(data.blocs.first { $0.id == "EU" })
    let march26 = try day("2018-03-26")
    #expect(Set(reference.members(of: "EU", on: march26)) == Set(ownEU.members))
    let waveDays = try [day("2018-03-26"), day("2018-03-27")]
    var total = 0
    for action in data.actions where action.kind == .expulsion && action.target == "RUS" {
      guard let date = action.date, waveDays.contains(date) else { continue }
      if reference.isMember(action.actor, of: "EU", on: date) { total += action.count ?? 0 }
    }
    #expect(total == 35)
  }

  /// A sheet with country names only, and no actors file: the names resolve, and membership
  /// follows each row's date (the United Kingdom counts in the EU in 2018, not in 2022).
  @Test func countryNamesWithoutAnActorsFile() throws {
    let rows: [(actor: String, target: String, count: Int, date: String)] = [
      ("United Kingdom", "Russia", 23, "2018-03-14"),
      ("Czech Republic", "Russian Federation", 3, "2018-03-26"),
      ("Britain", "Russia", 0, "2022-03-01"),
      ("Czechia", "RUSSIA", 1, "2022-03-31"),
      ("Finland", "Russia", 2, "2023-04-03"),
      ("finland", "russia", 9, "2023-04-04"),
    ]
    var eu = 0
    var nato = 0
    for row in rows {
      let actor = try #require(reference.resolve(row.actor)).id
      #expect(reference.resolve(row.target)?.id == "RUS")
      let date = try day(row.date)
      if reference.isMember(actor, of: "EU", on: date) { eu += row.count }
      if reference.isMember(actor, of: "NATO", on: date) { nato += row.count }
    }
    // EU: 23 (UK 2018) + 3 + 1 + 2 + 9 (Finland, an EU member since 1995) = 38; the UK's
    // 2022 row is outside the EU. NATO: 23 + 3 + 0 + 1 + 9 = 36 (Finland only from
    // 4 April 2023: its 2 of 3 April do not count).
    #expect(eu == 38)
    #expect(nato == 36)
  }

  // MARK: Consistency of the data

  @Test func everySpellingResolvesToAnActorThatExists() throws {
    #expect(reference.actors.count > 249 + 40)
    for actor in reference.actors {
      #expect(
        reference.resolve(actor.id.rawValue) == ActorMatch(id: actor.id, via: .id, exact: true))
      for spelling in actor.aliases {
        let match = try #require(reference.resolve(spelling), "\(spelling)")
        #expect(match.id == actor.id, "\(spelling) → \(match.id), expected \(actor.id)")
        #expect(reference.actor(match.id) != nil)
      }
    }
    for bloc in reference.blocs {
      if let actor = bloc.actor { #expect(reference.actor(actor)?.kind == .organisation) }
    }
    for period in reference.memberships {
      #expect(reference.actor(period.member)?.kind == .state, "\(period.member)")
      if let until = period.until { #expect(period.from <= until) }
    }
  }

  @Test func noSpellingNamesTwoActors() {
    #expect(reference.ambiguousSpellings.isEmpty)
  }

  @Test func everyStateHasISOCodes() {
    let states = reference.actors.filter { $0.kind == .state }
    #expect(states.count == 250)  // ISO 3166-1's 249 and Kosovo
    for state in states {
      #expect(state.id.rawValue.count == 3)
      #expect(state.alpha2?.count == 2)
      #expect(state.numeric == nil ? state.id == "XKX" : state.numeric?.count == 3)
    }
    #expect(reference.actor("GBR")?.name == "United Kingdom")
    #expect(reference.actor("RUS")?.name == "Russia")
    #expect(reference.actor("IRN")?.name == "Iran")
    #expect(reference.actor("NATO")?.kind == .organisation)
    #expect(reference.actor("EUR")?.kind == .region)
  }

  @Test func membershipPeriodsOfOneStateDoNotOverlap() {
    var byPair: [String: [Membership]] = [:]
    for m in reference.memberships { byPair["\(m.bloc) \(m.member)", default: []].append(m) }
    for periods in byPair.values where periods.count > 1 {
      let sorted = periods.sorted { $0.from < $1.from }
      for (a, b) in zip(sorted, sorted.dropFirst()) {
        #expect(a.until.map { $0 < b.from } ?? false, "\(a) overlaps \(b)")
      }
    }
  }

  @Test func snapshotIsAModelBloc() throws {
    let eu = try #require(reference.snapshot(of: "EU", on: try day("2018-03-26")))
    #expect(eu.members.count == 28)
    #expect(eu.note?.contains("2018-03-26") == true)
    #expect(reference.snapshot(of: "XYZ", on: try day("2018-03-26")) == nil)
  }
}
