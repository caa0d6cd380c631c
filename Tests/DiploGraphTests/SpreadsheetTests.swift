import Foundation
import PropertyBased
import Testing

@_spi(Testing) @testable import DiploGraph

/// Reads `actions` as a spreadsheet: with `sheet`, in `parts` parts (every offset a split when
/// `parts` is more than one, so records across parts are exercised).
private func readSheet(
  _ actions: String, sheet: CSVFormat.Sheet = CSVFormat.Sheet(), parts: Int = 1,
  actors: String? = nil
) throws -> Document {
  var options = CSVFormat.ReadOptions(parallelism: parts)
  options.sheet = sheet
  options.minimumPartBytes = 1
  return try CSVFormat.read(
    actions: Array(actions.utf8), actors: actors.map { Array($0.utf8) },
    actionsFile: "sheet.csv", actorsFile: "actors.csv", options: options)
}

/// What a reading problem says, as one line.
private func failure(_ body: () throws -> Document) -> String {
  do {
    _ = try body()
    return "no error"
  } catch let error as DiploGraphError {
    return error.description
  } catch {
    return "\(error)"
  }
}

@Suite struct SpreadsheetTests {
  static let germanSheet = """
    Datum;Land;Ziel;Art;Anzahl;Quelle
    2018-03-14;GBR;RUS;expulsion;23;bbc
    2018-03-17;RUS;GBR;expulsion;23;"bbc;tass"
    2018-03-26;USA;RUS;expulsion;60;nyt

    """
  static let germanColumns = [
    "actor": "Land", "target": "Ziel", "kind": "art", "count": " ANZAHL ", "date": "Datum",
    "source": "Quelle",
  ]

  /// A semicolon sheet with its own headers reads as the same sheet in the format's layout.
  @Test(arguments: [1, 3])
  func semicolonSheetWithOtherHeadersThroughColumns(parts: Int) throws {
    let sheet = CSVFormat.Sheet(delimiter: UInt8(ascii: ";"), columns: Self.germanColumns)
    let read = try readSheet(Self.germanSheet, sheet: sheet, parts: parts)
    let canonical = try readCSV(
      """
      actor,target,kind,count,date,source
      GBR,RUS,expulsion,23,2018-03-14,bbc
      RUS,GBR,expulsion,23,2018-03-17,bbc;tass
      USA,RUS,expulsion,60,2018-03-26,nyt

      """)
    #expect(read.diagnostics.isEmpty)
    #expect(read.dataSet == canonical.dataSet)
    // 23 + 23 + 60 diplomats; one reciprocated pair (GBR, RUS).
    let stats = try Statistics(read.dataSet)
    #expect(stats == (try Statistics(canonical.dataSet)))
  }

  /// Without `--delimiter`, a header line with `;` and no comma is read with `;`.
  @Test func semicolonDetectedFromTheHeaderLine() throws {
    let read = try readSheet(
      Self.germanSheet, sheet: CSVFormat.Sheet(columns: Self.germanColumns))
    #expect(read.dataSet.actions.count == 3)
    #expect(try CSVLayout.detectDelimiter(CSVInput(bytes: Array("a\tb\n".utf8))) == 0x09)
    #expect(try CSVLayout.detectDelimiter(CSVInput(bytes: Array("\"a;b\",c\n".utf8))) == 0x2C)
    #expect(try CSVLayout.detectDelimiter(CSVInput(bytes: Array("\u{FEFF}\n\na;b\n".utf8))) == 0x3B)
  }

  /// Errors in a semicolon sheet keep their line and column, and name the sheet's header.
  @Test func errorsKeepTheirPlace() throws {
    let sheet = CSVFormat.Sheet(delimiter: UInt8(ascii: ";"), columns: Self.germanColumns)
    let read = try readSheet(
      "Datum;Land;Ziel;Art;Anzahl;Quelle\n2018-03-14;GBR;RUS;expulsion;2.5;bbc\n", sheet: sheet)
    #expect(
      read.diagnostics.map(\.description) == [
        "sheet.csv:2:30 (row 1, column \"Anzahl\"): error: expected a whole number of "
          + "diplomats ≥ 0, found \"2.5\""
      ])
  }

  /// A header the file does not have, a field that does not exist, one header for two fields:
  /// one line each, listing what there is.
  @Test func badColumnsAreOneClearLine() throws {
    #expect(
      failure {
        try readSheet(Self.germanSheet, sheet: CSVFormat.Sheet(columns: ["actor": "Country"]))
      }
        == "sheet.csv:1:1 (header): error: expected a column \"Country\" for the field actor, "
        + "found none; the header has \"Datum\", \"Land\", \"Ziel\", \"Art\", \"Anzahl\", "
        + "\"Quelle\"")
    #expect(
      failure { try readSheet(Self.germanSheet, sheet: CSVFormat.Sheet(columns: ["who": "Land"])) }
        == "sheet.csv:1:1 (header): error: found an unknown field \"who\"; the fields are "
        + "actor, target, kind, count, date, source, id, responds_to, note")
    #expect(
      failure {
        try readSheet(
          "actor,target,kind\nA,B,x\n", sheet: CSVFormat.Sheet(columns: ["actor": "target"]))
      }
        == "sheet.csv:1:1 (header): error: expected one field per header, found \"target\" given "
        + "to both actor and target")
    #expect(throws: DiploGraphError.self) { try CSVFormat.Sheet.column(parsing: "actor") }
    #expect(throws: DiploGraphError.self) { try CSVFormat.Sheet.column(parsing: "size=n") }
    #expect(try CSVFormat.Sheet.column(parsing: " Actor =Land=1") == ("actor", "Land=1"))
  }

  /// The delimiters users write.
  @Test func delimitersParsed() {
    #expect(CSVFormat.Sheet.delimiter(parsing: ";") == 0x3B)
    #expect(CSVFormat.Sheet.delimiter(parsing: "tab") == 0x09)
    #expect(CSVFormat.Sheet.delimiter(parsing: "\\t") == 0x09)
    #expect(CSVFormat.Sheet.delimiter(parsing: "\t") == 0x09)
    #expect(CSVFormat.Sheet.delimiter(parsing: "|") == 0x7C)
    #expect(CSVFormat.Sheet.delimiter(parsing: "\"") == nil)
    #expect(CSVFormat.Sheet.delimiter(parsing: ";;") == nil)
    #expect(CSVFormat.Sheet.delimiter(parsing: "\n") == nil)
    #expect(CSVFormat.Sheet.delimiter(parsing: "é") == nil)
  }

  /// "Expulsion" and "expulsion" are one kind, spelled as first written; each other spelling
  /// is one warning at the row where it first appears, whatever the parts.
  @Test(arguments: [1, 4])
  func caseVariantKindsAreOneKindWithOneWarningEach(parts: Int) throws {
    let read = try readSheet(
      """
      actor,target,kind,count
      GBR,RUS,Expulsion,23
      RUS,GBR,expulsion,23
      USA,RUS,EXPULSION,60
      RUS,USA,expulsion,60
      FRA,RUS,retaliation,4

      """, parts: parts)
    #expect(read.dataSet.actionKinds == ["Expulsion", "retaliation"])
    #expect(
      read.dataSet.actions.map(\.kind) == [
        "Expulsion", "Expulsion", "Expulsion", "Expulsion", "retaliation",
      ])
    #expect(
      read.diagnostics.map(\.description) == [
        "sheet.csv:3:9 (row 2, column \"kind\"): warning: the kind \"expulsion\" is read as "
          + "\"Expulsion\" (kinds are matched without regard to case; the first spelling in the "
          + "file is kept)",
        "sheet.csv:4:9 (row 3, column \"kind\"): warning: the kind \"EXPULSION\" is read as "
          + "\"Expulsion\" (kinds are matched without regard to case; the first spelling in the "
          + "file is kept)",
      ])
  }

  /// `--kind` matches without regard to case; an unknown kind lists the kinds present.
  @Test func kindsNamedAreCheckedAgainstTheDataSet() throws {
    let read = try readSheet("actor,target,kind\nA,B,expulsion\nB,A,closure\n")
    #expect(try read.dataSet.matchingKinds(["EXPULSION"]) == ["expulsion"])
    #expect(try read.dataSet.matchingKinds(["closure", "Expulsion"]) == ["expulsion", "closure"])
    #expect(throws: DiploGraphError.self) { try read.dataSet.matchingKinds(["expulsions"]) }
    do {
      _ = try read.dataSet.matchingKinds(["expulsions"])
    } catch let error as DiploGraphError {
      #expect(
        error.message
          == "found no action of the kind \"expulsions\"; the data set has the kinds: "
          + "expulsion, closure")
    }
  }

  /// Property: a generated data set written with any delimiter (fields escaped for it), and
  /// read back with that delimiter, gives the statistics of the same data set written with
  /// commas.
  @Test func anyDelimiterRoundTripsToTheSameStatistics() async throws {
    let delimiters: [UInt8] = [0x3B, 0x09, 0x7C, 0x2C, 0x3A, 0x20, 0x23, 0x7E]
    let names = ["RUS", "GBR", "a;b", "x|y", "q\"t", "sp ace", "c,d", "t\tab"]
    let row = zip(
      Gen.element(of: names), Gen.element(of: names), Gen.element(of: ["expulsion", "closure"]),
      Gen.int(in: 0...40), Gen.int(in: 0...27)
    ).map { a, t, k, c, d in [a!, t!, k!, String(c), "2018-03-\(String(format: "%02d", d + 1))"] }
    let input = zip(Gen.element(of: delimiters), row.array(of: 1...30))
    await propertyCheck(count: 150, input: input) { pair in
      let (delimiter, rows) = (pair.0!, pair.1)
      func text(_ d: UInt8) -> String {
        let header = ["actor", "target", "kind", "count", "date"]
        return ([header] + rows).map { fields in
          fields.map { CSVEscaping.field($0, delimiter: d) }
            .joined(separator: String(UnicodeScalar(d)))
        }.joined(separator: "\n") + "\n"
      }
      do {
        let commas = try readSheet(text(0x2C), sheet: CSVFormat.Sheet(delimiter: 0x2C))
        let other = try readSheet(
          text(delimiter), sheet: CSVFormat.Sheet(delimiter: delimiter), parts: 3)
        #expect(other.dataSet == commas.dataSet, "delimiter \(delimiter)")
        #expect(try Statistics(other.dataSet) == Statistics(commas.dataSet))
      } catch {
        Issue.record("\(error)")
      }
    }
  }
}
