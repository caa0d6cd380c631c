import DiploGraph
import Foundation
import TestSupport
import Testing

@_spi(Testing) @testable import DiploPresentation

/// `stats --format csv` as one file per table: each table is its section of the one-stream
/// CSV, without the `section` column, with a single header.
@Suite struct CSVTablesTests {
  @Test func eachTableIsItsSectionWithoutTheSectionColumn() throws {
    let statistics = try StatisticsPrinterTests.statistics()
    let stream = try CSVProbe.parse(StatisticsPrinter.render(statistics, as: .csv))
    let tables = StatisticsPrinter.csvTables(statistics, responses: .full)
    #expect(tables.notListed.isEmpty)
    // The stream's sections in order: a header `section,…` opens each; its rows follow.
    var sections: [[[String]]] = []
    for record in stream where record != [""] {
      if record.first == "section" { sections.append([]) }
      sections[sections.count - 1].append(Array(record.dropFirst()))
    }
    #expect(sections.count == tables.tables.count)
    for (table, section) in zip(tables.tables, sections) {
      let records = try CSVProbe.parse(table.text)
      #expect(records == section, "\(table.name)")
      #expect(records.allSatisfy { $0.count == records[0].count })
      #expect(!records[0].contains("section"))
    }
  }

  @Test func namesAreThoseDeclaredInTheirOrder() throws {
    let data = try Fixtures.skripal2018()
    let options = AnalysisOptions(significance: SignificanceOptions(samples: 20, seed: 1))
    let all = StatisticsPrinter.csvTables(try Statistics(data, options: options))
    // Every table, the null models' included: the declared list, in its order.
    #expect(all.tables.map(\.name) == StatisticsPrinter.csvTableNames)
    let plain = StatisticsPrinter.csvTables(
      try Statistics(data, options: AnalysisOptions(significance: nil)))
    let names = plain.tables.map(\.name)
    #expect(names == StatisticsPrinter.csvTableNames.filter(names.contains))
  }

  @Test func aSummaryNamesTheTablesItDoesNotList() throws {
    let summary = StatisticsPrinter.csvTables(
      try StatisticsPrinterTests.statistics(), responses: .summary)
    #expect(summary.notListed == ["exchanges", "unmatched_answers", "unresolved_references"])
    #expect(summary.table(named: "exchanges") == nil)
    #expect(summary.table(named: "response_outcomes")?.text.hasPrefix("outcome,") == true)
  }
}
