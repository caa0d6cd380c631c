import Foundation
import Testing

@testable import DiploGraph

/// Dates known to the month or year only, and dates whose day/month order is ambiguous.
@Suite struct PartialDateTests {
  @Test func partialDatesParseAsWritten() throws {
    #expect(PartialDate(iso: "2022-03") == PartialDate(year: 2022, month: 3))
    #expect(PartialDate(iso: "2022") == PartialDate(year: 2022))
    #expect(PartialDate(iso: "2022-03")?.description == "2022-03")
    #expect(PartialDate(iso: "0987")?.description == "0987")
    for bad in ["2022-13", "2022-00", "0000", "22-03", "2022-3", "2022-03-01", "", "abcd"] {
      #expect(PartialDate(iso: bad) == nil, "\(bad)")
    }
    #expect(PartialDate(iso: "2022")! < PartialDate(iso: "2022-01")!)
    #expect(PartialDate(iso: "2021-12")! < PartialDate(iso: "2022")!)
  }

  /// `--since 2022-03` is the first day of March, `--until 2022-03` its last; leap years.
  @Test func periodBounds() {
    #expect(Day(bound: "2022-03", end: false) == Day(iso: "2022-03-01"))
    #expect(Day(bound: "2022-03", end: true) == Day(iso: "2022-03-31"))
    #expect(Day(bound: "2024-02", end: true) == Day(iso: "2024-02-29"))
    #expect(Day(bound: "2023-02", end: true) == Day(iso: "2023-02-28"))
    #expect(Day(bound: "2022", end: false) == Day(iso: "2022-01-01"))
    #expect(Day(bound: "2022", end: true) == Day(iso: "2022-12-31"))
    #expect(Day(bound: "2022-03-14", end: true) == Day(iso: "2022-03-14"))
    #expect(Day(bound: "March 2022", end: true) == nil)
  }

  @Test func ambiguousOrdersAreExplained() {
    #expect(Day.ambiguityAdvice("17/04/2021") == "ambiguous day/month order; write 2021-04-17")
    #expect(
      Day.ambiguityAdvice("04/05/2021")
        == "ambiguous day/month order; write 2021-04-05 or 2021-05-04")
    #expect(
      Day.ambiguityAdvice("4.5.2021") == "ambiguous day/month order; write 2021-04-05 or 2021-05-04"
    )
    #expect(Day.ambiguityAdvice("05/05/2021") == "ambiguous day/month order; write 2021-05-05")
    #expect(Day.ambiguityAdvice("31/02/2021") == nil)  // no day either way: the plain error
    #expect(Day.ambiguityAdvice("2021/04/17") == nil)
    #expect(Day.ambiguityAdvice("17-04-2021") == nil)
  }

  static let csv = """
    actor,target,kind,count,date,source\r
    RUS,GBR,expulsion,23,2018-03,s1\r
    GBR,RUS,expulsion,23,2018,s1\r
    USA,RUS,expulsion,60,2018-03-26,s1\r
    RUS,USA,expulsion,60,2018-03-29,s1\r

    """

  /// Read in one part or three, written back as CSV and as JSON: the same bytes, the same data
  /// set.
  @Test(arguments: [1, 3])
  func partialDatesRoundTripThroughCSVAndJSON(parts: Int) throws {
    let read = try readCSV(Self.csv, parts: parts)
    #expect(read.diagnostics.isEmpty)
    let rows = Array(read.dataSet.actions)
    #expect(
      rows.map(\.partialDate) == [
        PartialDate(year: 2018, month: 3), PartialDate(year: 2018), nil, nil,
      ])
    #expect(rows.map(\.date) == [nil, nil, Day(iso: "2018-03-26"), Day(iso: "2018-03-29")])
    #expect(String(decoding: try CSVFormat.writeActions(read.dataSet), as: UTF8.self) == Self.csv)
    let json = CanonicalJSON.write(read.dataSet)
    #expect(String(decoding: json, as: UTF8.self).contains("\"date\": \"2018-03\""))
    let back = try CanonicalJSON.read(json)
    #expect(back.diagnostics.isEmpty)
    #expect(back.dataSet == read.dataSet)
  }

  /// The treatment documented in docs/spreadsheets.md: partially dated actions weigh in every
  /// total and count as undated; `since`/`until` keep one whose whole period is in the range
  /// and leave out one wholly outside or straddling a bound (``Selection/straddling(in:)``).
  @Test func partiallyDatedActionsAreUndatedForAnalytics() throws {
    let dataSet = try readCSV(Self.csv).dataSet
    let all = try Statistics(dataSet)
    #expect(all.overview.actions == 4)
    #expect(all.overview.undatedActions == 2)
    #expect(all.overview.partlyDatedActions == 2)  // 2018-03 and 2018: no day, but a date
    #expect(all.overview.totalWeight == 166)
    #expect(all.overview.firstDate == Day(iso: "2018-03-26"))
    let march = try Statistics(
      dataSet,
      selection: Selection(
        since: Day(bound: "2018-03", end: false), until: Day(bound: "2018-03", end: true)))
    // By hand: 2018-03 is inside March (kept: 23 + 60 + 60); 2018 straddles it (left out).
    #expect(march.overview.actions == 3)
    #expect(march.overview.partlyDatedActions == 1)
    #expect(march.overview.totalWeight == 143)
    let marchSelection = march.selection
    #expect(marchSelection.straddling(in: dataSet).map(\.period) == [PartialDate(year: 2018)])
    #expect(marchSelection.straddling(in: dataSet).map(\.actions) == [1])
    // The whole of 2018 keeps both; April onwards is wholly after 2018-03 and straddles 2018.
    let year = Selection(since: Day(iso: "2018-01-01"), until: Day(iso: "2018-12-31"))
    #expect(try Statistics(dataSet, selection: year).overview.actions == 4)
    #expect(year.straddling(in: dataSet).isEmpty)
    let april = Selection(since: Day(iso: "2018-04-01"))
    #expect(try Statistics(dataSet, selection: april).overview.actions == 0)
    #expect(april.straddling(in: dataSet).map(\.period) == [PartialDate(year: 2018)])
    #expect(Selection.all.straddling(in: dataSet).isEmpty)
  }

  /// An ambiguous date is refused at its place, with one line that says how to write it.
  @Test func ambiguousDatesAreRefusedWithTheirPlace() throws {
    let read = try readCSV(
      "actor,target,kind,date\nRUS,GBR,expulsion,17/04/2021\nGBR,RUS,expulsion,04/05/2021\n")
    #expect(
      read.diagnostics.map(\.description) == [
        "actions.csv:2:19 (row 1, column \"date\"): error: expected a date as YYYY-MM-DD, found "
          + "\"17/04/2021\": ambiguous day/month order; write 2021-04-17",
        "actions.csv:3:19 (row 2, column \"date\"): error: expected a date as YYYY-MM-DD, found "
          + "\"04/05/2021\": ambiguous day/month order; write 2021-04-05 or 2021-05-04",
      ])
    #expect(read.dataSet.actions.map(\.date) == [nil, nil])
  }
}
