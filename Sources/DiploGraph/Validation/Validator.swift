/// The rules a data set must keep to be analysed, checked all at once.
///
/// Errors (the data set cannot be used as it is):
/// - an id declared twice (actors, blocs, sources, actions);
/// - an action naming an actor the data set does not declare (checked only when it declares
///   actors at all: a CSV data set without an actors file declares none, and then every actor
///   an action names is implied);
/// - a source id that no declared source has, in an action, a claim or a figure (checked only
///   when the data set declares sources at all, for the same reason);
/// - a bloc member that is not an actor of the data set (the declared actors, or when none is
///   declared, the actors the actions name);
/// - a figure's scope naming a bloc or an actor the data set does not have;
/// - a `respondsTo` naming no action, naming its own action, or closing a cycle of answers;
/// - an id holding a control character (C0, DEL or C1: `Fra\u{0}nce`).
///
/// Warnings (the data set can be used, but probably is not what was meant):
/// - a figure's scope naming a kind no action has;
/// - an action whose actor is its own target (a self-loop);
/// - an action with no source;
/// - a claim by a source that is not among the action's sources;
/// - an answer dated before the action it answers;
/// - an answer that does not go the reverse way of the action it answers;
/// - actor ids that differ only in case, spacing or punctuation (`RUS`, `rus`).
///
/// A declared actor that takes part in no action is not a problem.
///
/// Every diagnostic is located through the data set's ``SourceMap`` (file, line and column for
/// JSON) and names what was found and what was expected.
public enum Validator {
  /// The reading diagnostics of `document` and the findings of every rule, in the order of
  /// their places in the file. Each list is capped at ``maxListedDiagnostics``, with a last
  /// diagnostic saying how many more were found (an error when one of them is).
  ///
  /// - Complexity: O(n + s log s) for n actions, where s is the number of diagnostics.
  ///
  /// - Parameter threads: threads for the scans of the actions (`nil`: every core); the
  ///   diagnostics are the same for any number.
  public static func validate(_ document: Document, threads: Int? = nil) -> [Diagnostic] {
    let findings = validate(document.dataSet, map: document.map, threads: threads)
    return inFileOrder(document.diagnostics + findings)
  }

  /// The findings of every rule on `dataSet`, located through `map`, in the order of their
  /// places (by line and column when the map knows them, else by the order of the data set:
  /// sources, actors, blocs, actions, figures, each in index order). The first
  /// ``maxListedDiagnostics`` findings the rules make are listed, then one diagnostic says how
  /// many more there are (an error when one of them is).
  ///
  /// Runs on the action table's columns and symbol tables: one pass per rule, no `Action`
  /// values built for the rows, no recursion (a chain of a million answers is fine).
  ///
  /// - Complexity: O(n + a + b + f + s log s) for n actions, a actors, b bloc memberships,
  ///   f figures and s diagnostics.
  public static func validate(
    _ dataSet: DataSet, map: any SourceMap = NoSourceMap(), threads: Int? = nil
  ) -> [Diagnostic] {
    var validation = Validation(
      dataSet: dataSet, map: map, threads: (try? Parallelism.threads(threads)) ?? Parallelism.cores)
    validation.run()
    let located = validation.findings.kept.enumerated().map { order, finding in
      (
        diagnostic: Diagnostic(
          finding.severity, finding.message, at: map.location(of: finding.path)),
        key: finding.path, order: order
      )
    }
    let sorted = located.sorted { lhs, rhs in
      let l = lhs.diagnostic.location
      let r = rhs.diagnostic.location
      let lp = (l?.line ?? Int.max, l?.column ?? Int.max)
      let rp = (r?.line ?? Int.max, r?.column ?? Int.max)
      if lp != rp { return lp < rp }
      let lk = rank(lhs.key)
      let rk = rank(rhs.key)
      if lk != rk { return lk < rk }
      return lhs.order < rhs.order
    }
    var listed = CappedDiagnostics<Diagnostic>(limit: validation.findings.limit)
    listed.append(contentsOf: sorted.map(\.diagnostic))
    listed.count(
      validation.findings.droppedErrors ? .error : .warning, times: validation.findings.dropped)
    var file = map.location(of: DataPath())
    (file.line, file.column, file.path) = (nil, nil, nil)
    return listed.listed(at: file)
  }

  /// `diagnostics` sorted by line and column, keeping the given order among equal places and
  /// among diagnostics without a line.
  static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { lhs, rhs in
      let l = lhs.element.location
      let r = rhs.element.location
      let lp = (l?.line ?? Int.max, l?.column ?? Int.max)
      let rp = (r?.line ?? Int.max, r?.column ?? Int.max)
      if lp != rp { return lp < rp }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }

  /// The order of a data path in a data set: top-level fields, then the collections.
  private static func rank(_ path: DataPath) -> (Int, Int) {
    let collection: Int
    switch path.collection {
    case nil: collection = -1
    case .sources: collection = 0
    case .actors: collection = 1
    case .blocs: collection = 2
    case .actions: collection = 3
    case .figures: collection = 4
    }
    return (collection, path.index ?? -1)
  }
}

/// One run of the rules over one data set.
struct Validation {
  struct Finding: Severe {
    var severity: Diagnostic.Severity
    var message: String
    var path: DataPath
  }

  let dataSet: DataSet
  let map: any SourceMap
  /// The first ``maxListedDiagnostics`` findings, and how many more (memory proportional to
  /// the data set, not to the number of its problems).
  var findings = CappedDiagnostics<Finding>(limit: maxListedDiagnostics)
  /// The first row that carries each action id symbol, or -1.
  var rowOfID: [Int32] = []
  /// Threads for the scans of the actions.
  let threads: Int

  init(dataSet: DataSet, map: any SourceMap, threads: Int) {
    self.dataSet = dataSet
    self.map = map
    self.threads = threads
  }

  mutating func error(_ message: String, at path: DataPath) {
    findings.append(Finding(severity: .error, message: message, path: path))
  }

  mutating func warning(_ message: String, at path: DataPath) {
    findings.append(Finding(severity: .warning, message: message, path: path))
  }

  /// A short name of the place of `path` for messages (`12:5`, or the JSON path).
  func place(_ path: DataPath) -> String {
    let location = map.location(of: path)
    if let line = location.line {
      return location.column.map { "\(line):\($0)" } ?? "line \(line)"
    }
    return location.path ?? path.jsonPath
  }

  mutating func run() {
    checkDuplicates()
    checkControlCharacters()
    checkActions()
    checkBlocs()
    checkFigures()
    checkResponses()
    checkConfusableSpellings()
  }

  // MARK: Ids

  private mutating func checkDuplicates() {
    duplicates(dataSet.sources.map(\.id.rawValue), .sources, "source")
    duplicates(dataSet.actors.map(\.id.rawValue), .actors, "actor")
    duplicates(dataSet.blocs.map(\.id.rawValue), .blocs, "bloc")
    let table = dataSet.actions
    if table.idsAreNumbers { return checkDuplicateNumbers(table.idNumbers) }
    rowOfID = [Int32](repeating: -1, count: table.idSymbols.count)
    for (row, symbol) in table.idColumn.enumerated() where symbol >= 0 {
      let first = rowOfID[Int(symbol)]
      if first < 0 {
        rowOfID[Int(symbol)] = Int32(row)
      } else {
        let earlier = place(DataPath(.actions, Int(first), field: "id"))
        error(
          "found the action id \(JSON.quoted(table.idSymbols[symbol])) a second time (first at "
            + "\(earlier)); expected each action id once",
          at: DataPath(.actions, row, field: "id"))
      }
    }
  }

  /// Action ids kept as numbers said twice, in the order of the rows that repeat them, as the
  /// symbols' check says them. Event data's ids mostly ascend through the file, which one pass
  /// shows, with no memory; else the rows are sorted by id.
  ///
  /// - Complexity: O(n) when the ids ascend, else O(n log n); 4 bytes per row.
  private mutating func checkDuplicateNumbers(_ numbers: [Int64]) {
    var last: Int64 = -1
    var ascending = true
    for number in numbers where number >= 0 {
      if number <= last {
        ascending = false
        break
      }
      last = number
    }
    if ascending { return }
    var order = (0..<Int32(numbers.count)).filter { numbers[Int($0)] >= 0 }
    order.sort { (numbers[Int($0)], $0) < (numbers[Int($1)], $1) }
    var repeats: [(row: Int32, first: Int32)] = []
    var first = 0
    for i in order.indices.dropFirst() {
      if numbers[Int(order[i])] == numbers[Int(order[first])] {
        repeats.append((order[i], order[first]))
      } else {
        first = i
      }
    }
    repeats.sort { $0.row < $1.row }
    for (row, first) in repeats {
      let earlier = place(DataPath(.actions, Int(first), field: "id"))
      error(
        "found the action id \(JSON.quoted(String(numbers[Int(row)]))) a second time (first at "
          + "\(earlier)); expected each action id once",
        at: DataPath(.actions, Int(row), field: "id"))
    }
  }

  private mutating func duplicates(
    _ ids: [String], _ collection: DataPath.Collection, _ noun: String
  ) {
    var first: [String: Int] = [:]
    for (i, id) in ids.enumerated() {
      if let earlier = first[id] {
        error(
          "found the \(noun) id \(JSON.quoted(id)) a second time (first at "
            + "\(place(DataPath(collection, earlier, field: "id")))); expected each \(noun) id once",
          at: DataPath(collection, i, field: "id"))
      } else {
        first[id] = i
      }
    }
  }

  // MARK: Actions

  /// Actor ids the data set knows: the declared ones, or every endpoint when none is declared.
  var knownActors: Set<String> {
    dataSet.actors.isEmpty
      ? Set(dataSet.actions.endpointSymbols.strings) : Set(dataSet.actors.map(\.id.rawValue))
  }

  var declaredSources: Set<String> { Set(dataSet.sources.map(\.id.rawValue)) }

  private mutating func checkActions() {
    let table = dataSet.actions
    let declared = Set(dataSet.actors.map(\.id.rawValue))
    let checkActors = !dataSet.actors.isEmpty
    let endpointKnown = table.endpointSymbols.strings.map { declared.contains($0) }
    let sources = declaredSources
    let checkSources = !dataSet.sources.isEmpty
    // Per distinct source list: the positions of its unknown ids.
    let unknownInSet: [[Int]] = table.sourceSetTable.map { set in
      guard checkSources else { return [] }
      return set.indices.filter { !sources.contains(table.sourceSymbols[set[$0]]) }
    }
    // Whether a row's source list gets a diagnostic: no source, or an unknown one. Most rows
    // get none, and are passed over without reading their list.
    let setFlagged = table.sourceSetTable.indices.map {
      table.sourceSetTable[$0].isEmpty || !unknownInSet[$0].isEmpty
    }
    // Whether an endpoint is an actor the data set does not declare (when it declares any).
    let endpointFlagged = endpointKnown.map { checkActors && !$0 }
    // Most rows get no diagnostic: they are found on every thread, then reported in order.
    let flaggedRows = concurrentIndices(count: table.count, threads: threads) { row in
      let actor = table.actorColumn[row]
      let target = table.targetColumn[row]
      return endpointFlagged[Int(actor)] || endpointFlagged[Int(target)] || actor == target
        || setFlagged[Int(table.sourceSetColumn[row])]
    }
    for row in flaggedRows.lazy.map(Int.init) {
      let actor = table.actorColumn[row]
      let target = table.targetColumn[row]
      let set = Int(table.sourceSetColumn[row])
      if endpointFlagged[Int(actor)] {
        unknownActor(table.endpointSymbols[actor], "actor", row: row)
      }
      if endpointFlagged[Int(target)] {
        unknownActor(table.endpointSymbols[target], "target", row: row)
      }
      if actor == target {
        warning(
          "found an action of \(table.endpointSymbols[actor]) on itself; expected the target "
            + "to differ from the actor", at: DataPath(.actions, row, field: "target"))
      }
      if table.sourceSetTable[set].isEmpty {
        warning(
          "found an action with no source; expected at least one source id in \"sources\"",
          at: DataPath(.actions, row, field: "sources"))
      }
      for item in unknownInSet[set] {
        let id = table.sourceSymbols[table.sourceSetTable[set][item]]
        error(unknownSource(id), at: DataPath(.actions, row, field: "sources", item: item))
      }
    }
    for (row, claims) in table.claimsColumn.entries {
      let row = Int(row)
      let own = Set(table.sources(row: row).map(\.rawValue))
      for (k, claim) in claims.enumerated() {
        let id = claim.source.rawValue
        if checkSources && !sources.contains(id) {
          error(unknownSource(id), at: DataPath(.actions, row, field: "claims[\(k)].source"))
        } else if !own.contains(id) {
          warning(
            "found a claim by \(JSON.quoted(id)), which is not among the action's sources; "
              + "expected it listed in \"sources\" too",
            at: DataPath(.actions, row, field: "claims[\(k)].source"))
        }
      }
    }
  }

  private mutating func unknownActor(_ id: String, _ field: String, row: Int) {
    error(
      "found the \(field) \(JSON.quoted(id)), which the data set does not declare; expected "
        + "the id of an actor in \"actors\"", at: DataPath(.actions, row, field: field))
  }

  func unknownSource(_ id: String) -> String {
    "found the source \(JSON.quoted(id)), which the data set does not declare; expected the id "
      + "of a source in \"sources\""
  }

  // MARK: Blocs and figures

  private mutating func checkBlocs() {
    let known = knownActors
    let expected =
      dataSet.actors.isEmpty
      ? "expected an actor that some action names" : "expected the id of an actor in \"actors\""
    for (i, bloc) in dataSet.blocs.enumerated() {
      for (k, member) in bloc.members.enumerated() where !known.contains(member.rawValue) {
        error(
          "found the member \(JSON.quoted(member.rawValue)) in bloc \(JSON.quoted(bloc.id.rawValue)), "
            + "which is not an actor of the data set; \(expected)",
          at: DataPath(.blocs, i, field: "members", item: k))
      }
    }
  }

  private mutating func checkFigures() {
    let actors = knownActors
    let blocs = Set(dataSet.blocs.map(\.id.rawValue))
    let kinds = Set(dataSet.actions.kindSymbols.strings)
    let sources = declaredSources
    for (i, figure) in dataSet.figures.enumerated() {
      if !dataSet.sources.isEmpty && !sources.contains(figure.source.rawValue) {
        error(unknownSource(figure.source.rawValue), at: DataPath(.figures, i, field: "source"))
      }
      let scope = figure.scope
      for bloc in (scope.blocs ?? []).map(\.rawValue).sorted() where !blocs.contains(bloc) {
        error(
          "found the bloc \(JSON.quoted(bloc)) in the figure's scope, which the data set does "
            + "not declare; expected the id of a bloc in \"blocs\"",
          at: DataPath(.figures, i, field: "scope.blocs"))
      }
      for actor in (scope.actors ?? []).map(\.rawValue).sorted() where !actors.contains(actor) {
        error(
          "found the actor \(JSON.quoted(actor)) in the figure's scope, which is not an actor "
            + "of the data set; expected a declared actor or one that some action names",
          at: DataPath(.figures, i, field: "scope.actors"))
      }
      for kind in (scope.kinds ?? []).map(\.rawValue).sorted() where !kinds.contains(kind) {
        warning(
          "found the kind \(JSON.quoted(kind)) in the figure's scope, which no action has; "
            + "expected one of the kinds the actions use, so the figure has something to count",
          at: DataPath(.figures, i, field: "scope.kinds"))
      }
    }
  }
}
