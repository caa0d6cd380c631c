import ArgumentParser
import DiploGraph

/// `--delimiter` and `--column FIELD=HEADER`: how a CSV data set in another layout than the
/// format's own is read (``CSVFormat/Sheet``).
struct SpreadsheetOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "For CSV: the byte between fields: ; or , or | or tab (\\t), or any single ASCII character. Default: ; when the header line has ; and no comma, else the comma.",
      valueName: "char"))
  var delimiter: String?

  @Option(
    name: .customLong("column"),
    help: ArgumentHelp(
      "For CSV: the header that holds a field (repeatable), e.g. actor=\"Expelling state\". Fields: actor, target, kind, count, date, source, id, responds_to, note.",
      valueName: "field=header"))
  var columns: [String] = []

  func validate() throws {
    _ = try sheet()
  }

  /// The sheet these options describe.
  ///
  /// - Throws: `ValidationError` naming the option, for a delimiter that cannot be one, an
  ///   unknown field (the message lists the fields), or a field given twice.
  func sheet() throws -> CSVFormat.Sheet {
    var sheet = CSVFormat.Sheet()
    if let delimiter {
      guard let byte = CSVFormat.Sheet.delimiter(parsing: delimiter) else {
        throw ValidationError(
          "--delimiter expects one ASCII character (not a quote or a line end), or tab; "
            + "found \"\(delimiter)\"")
      }
      sheet.delimiter = byte
    }
    for text in columns {
      let column: (field: String, header: String)
      do {
        column = try CSVFormat.Sheet.column(parsing: text)
      } catch let error as DiploGraphError {
        throw ValidationError("--column: \(error.message)")
      }
      guard sheet.columns[column.field] == nil else {
        throw ValidationError("--column: found the field \(column.field) twice; expected it once")
      }
      sheet.columns[column.field] = column.header
    }
    return sheet
  }
}

/// The kinds `--kind` names, matched in `dataSet` without regard to case.
///
/// - Throws: a usage failure for a kind the data set does not have, listing the kinds it has
///   (as `--bloc` does for blocs).
func kindSelection(_ names: [String], in dataSet: DataSet) throws -> Set<ActionKind> {
  do {
    return try dataSet.matchingKinds(names)
  } catch is DiploGraphError {
    let known = Set(dataSet.actionKinds.map { $0.rawValue.lowercased() })
    let unknown = names.first { !known.contains($0.lowercased()) } ?? names[0]
    let list = dataSet.actionKinds.map(\.rawValue).joined(separator: ", ")
    throw CommandFailure.usage(
      "--kind \(unknown): the data set has no such kind (it has: \(list.isEmpty ? "none" : list))")
  }
}
