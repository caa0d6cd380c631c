import TestSupport
import Testing

@testable import DiploGraph
@testable import DiploPresentation

/// The one table model: a table built once reads as each audience needs it, and each writer
/// lays out what its audience sees.
@Suite struct TableTests {
  static func statistics() throws -> Statistics {
    try Statistics(dataSet(AnalyticsFixtures.responses, blocs: [("EU", ["FRA", "DEU", "BEL"])]))
  }

  @Test func theSameTableReadsAsEachAudienceNeedsIt() throws {
    let stats = try Self.statistics()
    let analysts = stats.actorTable(.analysts, limit: nil)
    #expect(
      analysts.columns.map(\.key) == [
        "actor", "name", "out_strength", "in_strength", "reciprocated_strength",
        "non_reciprocated_out_strength", "non_reciprocated_in_strength", "reciprocated_share",
        "balance", "out_degree", "in_degree", "reciprocated_degree", "link_reciprocity",
      ])
    // Analysts read ids in the statistics' order; readers names, the most involved first.
    #expect(analysts.rows.map { $0[0].text } == stats.actors.map(\.actor.rawValue))
    let readers = stats.actorTable(
      Wording(readersOf: dataSet(AnalyticsFixtures.responses)), limit: 3)
    #expect(
      readers.columns.map(\.title) == [
        "Actor", "Expelled", "Lost", "Matched", "Matched share", "Balance", "Links out",
        "Links in",
      ])
    #expect(readers.rows.map { $0[0].text } == ["Name of RUS", "Name of USA", "Name of GBR"])
    #expect(readers.omittedRows == stats.actors.count - 3)
    // The balance: a plain number for analysts, signed with a true minus for readers.
    let balance = try #require(analysts.columns.firstIndex { $0.key == "balance" })
    let gbr = try #require(analysts.rows.first { $0[0].text == "GBR" })
    #expect(gbr[balance].text == "-50" && gbr[balance].value == "-50")
    #expect(readers.rows[2][5].text == "−50")
    #expect(readers.rows[0][5].text == "+50")
  }

  @Test func peopleAndProgramsSeeTheirOwnColumns() throws {
    let figure = FigureCheck(
      source: "AFP", label: "EU states", measure: .actors, value: 17, qualifier: .atLeast,
      scope: Selection(blocs: ["EU"]), quote: nil, computed: 3, agrees: false)
    let analysts = Table(
      name: "figures", title: "Figures", rows: [figure],
      columns: SourceAnalysis.figureColumns(.analysts), for: .analysts)
    // People read the figure as stated; programs its qualifier and value apart.
    #expect(
      analysts.peopleColumns.map(\.column.key) == [
        "source", "label", "measure", "scope", "stated", "computed", "agrees", "quote",
      ])
    #expect(
      analysts.csv()
        == "section,source,label,measure,scope,qualifier,value,computed,agrees,quote\n"
        + "figures,AFP,EU states,actors,blocs EU,at_least,17,3,false,\n")
    #expect(analysts.text().contains("  AFP     EU states  actors   blocs EU  at least 17"))
    // Readers: the scope in words under the label, the statement aligned as a number, a mark.
    let words = Wording(readersOf: dataSet([], blocs: [("EU", [])], sources: ["AFP"]))
    let readers = Table(
      name: "figures", title: "Figures", rows: [figure],
      columns: SourceAnalysis.figureColumns(words), for: .readers)
    #expect(
      readers.columns.map(\.title) == ["Source", "Figure", "Stated", "The data", "Borne out"])
    let row = try #require(readers.rows.first)
    #expect(row[1].detail == "All kinds of action, involving Bloc EU")
    #expect(row[2].text == "at least 17" && row[2].isNumber)
    #expect(row[4].text == "no" && row[4].mark == .no)
    #expect(readers.markdown(escaping: MarkdownEscaping.line).contains("| ✗ no |"))
  }

  @Test func writersShowWhatIsLeftOutAndAlignNumbers() throws {
    let stats = try Self.statistics()
    let dyads = stats.dyadTable(.analysts, limit: nil).limited(to: 2)
    #expect(dyads.rows.count == 2 && dyads.omittedRows == stats.dyads.count - 2)
    let text = dyads.text()
    #expect(text.hasSuffix("  … \(stats.dyads.count - 2) more rows\n"))
    let markdown = dyads.markdown(escaping: MarkdownEscaping.inline)
    #expect(markdown.hasPrefix("| first | second | first→second |"))
    #expect(markdown.contains("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"))
    // A table with no row keeps its header in CSV, and aligns nothing.
    let none = dyads.limited(to: 0)
    #expect(!none.isNumeric(2, in: none.rows))
    #expect(stats.dyadTable(.analysts, limit: 0).csv().split(separator: "\n").count == 1)
  }
}
