import DiploGraph
import DiploPresentation

/// Properties shared by the targets.
enum Checks {
  /// A reader's error: a ``DiploGraphError`` of one of `codes`, located in one of `files`
  /// with a line and column when it has a line, printed in the one shape of every message.
  static func readingError(
    _ error: any Error, files: Set<String>, codes: Set<DiploGraphError.Code>
  ) throws {
    guard let error = error as? DiploGraphError else {
      throw FuzzFinding("a reader threw something other than DiploGraphError: \(error)")
    }
    guard codes.contains(error.code) else {
      throw FuzzFinding("unexpected error code \(error.code): \(error)")
    }
    guard let location = error.location, let file = location.file, files.contains(file) else {
      throw FuzzFinding("an error without its file: \(error)")
    }
    if let line = location.line, line < 1 || (location.column ?? 1) < 1 {
      throw FuzzFinding("an error at an impossible place: \(error)")
    }
    guard !error.message.isEmpty, error.description.hasPrefix(file),
      error.description.contains(": error: ")
    else {
      throw FuzzFinding("an error not in the shape FILE:LINE:COLUMN: error: message: \(error)")
    }
  }

  /// Diagnostics located in one of `files`, with sensible lines.
  static func located(_ diagnostics: [Diagnostic], files: Set<String>) throws {
    for d in diagnostics {
      guard let file = d.location?.file, files.contains(file) else {
        throw FuzzFinding("a diagnostic without its file: \(d)")
      }
      if let line = d.location?.line, line < 1 { throw FuzzFinding("a diagnostic at line \(line)") }
    }
  }

  /// What every data set read without errors must survive: validation, the network, every
  /// analysis and printer, GraphML, and a canonical JSON write → read → write that gives the
  /// same data set and the same bytes.
  ///
  /// - Returns: whether the data set was error-free (the later checks ran).
  @discardableResult
  static func afterReading(_ document: Document, files: Set<String>) throws -> Bool {
    try located(document.diagnostics, files: files)
    let validation = Validator.validate(document)
    try located(validation, files: files)
    guard !(document.diagnostics + validation).contains(where: { $0.severity == .error }) else {
      return false
    }
    let data = document.dataSet

    // Canonical JSON: write → read gives the data set back; writing that gives the same bytes.
    let text = CanonicalJSON.write(data)
    let again: Document
    do {
      again = try CanonicalJSON.read(text, file: "again.json")
    } catch {
      throw FuzzFinding("the canonical JSON written does not read back: \(error)")
    }
    if let problem = again.diagnostics.first(where: { $0.severity == .error }) {
      throw FuzzFinding("the canonical JSON written reads back with an error: \(problem)")
    }
    guard again.dataSet == data else {
      throw FuzzFinding("the canonical JSON written reads back as another data set")
    }
    guard CanonicalJSON.write(again.dataSet) == text else {
      throw FuzzFinding("writing the canonical JSON twice gives different bytes")
    }

    // Analyses and printers, on everything and on a selection.
    var selections: [Selection] = [.all]
    if data.actions.count > 0 {
      var first = Selection()
      first.kinds = [data.actions.kind(row: 0)]
      if let day = data.actions.date(row: 0) { first.since = day }
      selections.append(first)
    }
    for (index, selection) in selections.enumerated() {
      let network: Network
      do {
        network = try Network(data, selection: selection)
      } catch let error as DiploGraphError where error.code == .overflow {
        continue
      }
      _ = GraphMLWriter(edgeMode: .perAction).write(network)
      do {
        let statistics = try Statistics(network)
        for format in formats(for: data, selection: index) {
          let printed = StatisticsPrinter.render(statistics, as: format, rowLimit: 3)
          if format == .json {
            do {
              _ = try JSON.parse(printed)
            } catch {
              throw FuzzFinding("stats --format json is not JSON: \(error)")
            }
          }
        }
        let sources = try SourceAnalysis(network)
        for format in formats(for: data, selection: index + 1) {
          _ = StatisticsPrinter.render(
            sources, title: data.title, selection: selection, as: format, rowLimit: 2)
        }
      } catch let error as DiploGraphError where error.code == .overflow {
        continue
      }
    }
    return true
  }

  /// The printers an input goes through: JSON, whose output is checked, and one other format
  /// in turn (by the number of actions, which the fuzzer's mutations change), so that each
  /// input pays for two printers rather than four and every printer still sees every shape.
  static func formats(for data: DataSet, selection: Int) -> [StatisticsFormat] {
    let others = StatisticsFormat.allCases.filter { $0 != .json }
    return [.json, others[(data.actions.count + selection) % others.count]]
  }
}
