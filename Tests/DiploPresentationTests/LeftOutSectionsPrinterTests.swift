import DiploGraph
import Foundation
import TestSupport
import Testing

@testable import DiploPresentation

/// Statistics with sections left out (``AnalysisOptions/leftOut``), printed: those sections are
/// `null` in JSON, absent from the tables and CSV files, said to be left out in the headline,
/// and left out of reports; everything else is what the whole analysis prints.
@Suite struct LeftOutSectionsPrinterTests {
  static let network: Network = {
    do {
      return try Network(DataSetFile.read(Fixtures.graph("skripal-2018.json").path).dataSet)
    } catch {
      preconditionFailure("the Skripal wave reads: \(error)")
    }
  }()

  static func statistics(leaving leftOut: Set<StatisticsSection>) throws -> Statistics {
    try Statistics(network, options: AnalysisOptions(leftOut: leftOut))
  }

  static func object(_ json: String) throws -> [String: Any] {
    try #require(try StatisticsPrinterTests.parse(json) as? [String: Any])
  }

  @Test(arguments: StatisticsSection.allCases)
  func jsonHasNullForTheSectionAndTheSameValuesElsewhere(section: StatisticsSection) throws {
    let whole = try Self.object(
      StatisticsPrinter.render(try Self.statistics(leaving: []), as: .json))
    let json = StatisticsPrinter.render(try Self.statistics(leaving: [section]), as: .json)
    let part = try Self.object(json)
    #expect(part[section.rawValue] is NSNull)
    #expect(Set(part.keys) == Set(whole.keys))
    for key in whole.keys where key != section.rawValue {
      #expect(
        (part[key] as? NSObject) == (whole[key] as? NSObject), "\(key) with \(section) left out")
    }
    let schema = try StatisticsPrinterTests.schema("stats.schema.json")
    let problems = SchemaCheck(root: schema, files: ["stats.schema.json": schema])
      .problems(in: try StatisticsPrinterTests.parse(json))
    #expect(problems == [])
  }

  /// The tables of the document are the whole document's, less those of the sections left out,
  /// and those are the names `csvTableNames(of:)` gives.
  @Test func theTablesOfASectionLeftOutAreTheOnesItNames() throws {
    let whole = try Self.statistics(leaving: []).document().tables.map(\.name)
    #expect(
      Set(whole)
        == Set(StatisticsPrinter.csvTableNames).subtracting(["significance_swaps", "bloc_cohesion"])
    )
    for section in StatisticsSection.allCases {
      let part = try Self.statistics(leaving: [section]).document().tables.map(\.name)
      let named = StatisticsPrinter.csvTableNames(of: section)
      #expect(part == whole.filter { !named.contains($0) }, "\(section)")
      #expect(Set(named).isSubset(of: StatisticsPrinter.csvTableNames))
    }
    let none = try Self.statistics(leaving: Set(StatisticsSection.allCases))
    #expect(none.document().tables.map(\.name) == ["overview", "reciprocity", "actors", "dyads"])
    // The sources' counts in the overview are empty cells, not zeros.
    let csv = StatisticsPrinter.csvTables(none)
    let overview = try #require(csv.table(named: "overview")).text
    #expect(overview.contains("\nsources,\n") || overview.contains("\r\nsources,\r\n"))
  }

  @Test func theHeadlineSaysWhatIsLeftOut() throws {
    let text = StatisticsPrinter.render(
      try Self.statistics(leaving: [.responses, .significance]), as: .table)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasPrefix("  Responses") && $0.hasSuffix("left out, as asked") })
    #expect(lines.contains { $0.hasPrefix("  Significance") && $0.hasSuffix("left out, as asked") })
    #expect(lines.contains { $0.hasPrefix("  Blocs") && !$0.contains("left out") })
    #expect(!text.contains("Time to answer") && !text.contains("\nExchanges\n"))
    // The automatic rule's wording stays for a selection too large for the null models.
    #expect(!text.contains("more than 1,000 actors"))
  }

  /// A report of statistics with sections left out leaves those sections out, and says the
  /// rest as the whole report does.
  @Test func reportsLeaveTheSectionsOut() throws {
    let whole = Report(
      network: Self.network, statistics: try Self.statistics(leaving: []), diagram: nil
    )
    let part = Report(
      network: Self.network,
      statistics: try Self.statistics(leaving: [.responses, .blocs, .sources]), diagram: nil)
    let wholeHTML = whole.html()
    let html = part.html()
    for id in ["responses", "blocs", "sources", "sources-check"] {
      #expect(wholeHTML.contains("id=\"\(id)\""), "\(id)")
      #expect(!html.contains("id=\"\(id)\""), "\(id)")
    }
    #expect(html.contains("id=\"actors\"") && html.contains("id=\"timeline\""))
    #expect(
      !html.contains("Answers matched within") && wholeHTML.contains("Answers matched within"))
    let markdown = part.markdown(baseName: "report")
    #expect(!markdown.markdown.contains("## Who answered"))
    #expect(!markdown.markdown.contains("## Blocs"))
    #expect(markdown.markdown.contains("## Actors"))
    #expect(!markdown.files.map(\.name).contains("report-blocs.svg"))
    #expect(whole.markdown(baseName: "report").files.map(\.name).contains("report-blocs.svg"))
  }
}
