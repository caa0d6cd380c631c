import DiploGraph
import PropertyBased
import Testing

@Suite struct DayTests {
  @Test func knownDays() throws {
    #expect(Day(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
    #expect(Day(year: 2018, month: 3, day: 4)?.daysSinceEpoch == 17_594)
    #expect(Day(iso: "2018-03-26")?.description == "2018-03-26")
    #expect(Day(iso: "2000-02-29") != nil)
    #expect(Day(iso: "1900-02-29") == nil)
    #expect(Day(iso: "2018-13-01") == nil)
    #expect(Day(iso: "2018-3-1") == nil)
    #expect(Day(iso: "0000-01-01") == nil)
    let a = try #require(Day(iso: "2018-03-14"))
    let b = try #require(Day(iso: "2018-03-17"))
    #expect(a.days(to: b) == 3)
    #expect(a.adding(days: 3) == b)
  }

  @Test func textRoundTrips() async {
    await propertyCheck(input: Gen.int(in: -719_162...2_932_896)) { n in
      let day = Day(daysSinceEpoch: Int32(n))
      #expect(Day(iso: day.description) == day)
      let (y, m, d) = day.parts
      #expect(Day(year: y, month: m, day: d) == day)
    }
  }
}
