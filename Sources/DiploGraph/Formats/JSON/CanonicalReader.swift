/// The mapping from a parsed JSON tree to a ``DataSet`` (docs/format.md, version 1).
///
/// Every problem of type or shape becomes a located ``Diagnostic`` and reading goes on:
/// a bad optional field is left absent; a bad required field is left empty (`""`, `[]`,
/// `state`) when the element can still be told apart from the others; an element whose
/// identifying keys are unusable (an id; an action's actor, target or kind; a figure's
/// source, measure or value; a claim's source) is skipped.
struct CanonicalReader {
  let file: String?
  /// The problems found, the first ``maxListedDiagnostics`` of them listed.
  var capped = CappedDiagnostics<Diagnostic>(limit: maxListedDiagnostics)
  /// The problems listed, and a last one saying how many more were found.
  var diagnostics: [Diagnostic] { capped.listed(at: SourceLocation(file: file)) }
  var map: JSONSourceMap
  /// The distinct action kinds read so far (the action table holds at most
  /// `ActionTable.maxKinds`).
  var kinds = Set<String>()
  var maxActions = DataSetFile.Limits.defaultMaxActions
  var maxActors = DataSetFile.Limits.defaultMaxActors

  init(file: String?, root: JSONPosition) {
    self.file = file
    self.map = JSONSourceMap(file: file, root: root)
  }

  /// Lookup of a member's value by key.
  struct Values {
    let members: [JSONMember]
    subscript(key: String) -> JSONNode? { members.first { $0.key == key }?.value }
  }

  /// The keys of one JSON object, checked against the keys its kind accepts, and the places
  /// of its values for the source map.
  struct Fields {
    let object: JSONNode
    let path: String
    /// The keys of this kind of object.
    let spec: CanonicalJSON.ObjectKeys
    /// How messages name the object: `an action`.
    var what: String { spec.what }
    /// Prefix of the names recorded in the source map (`claims[2].`, `scope.`).
    let prefix: String
    /// The members with known keys (objects of the format have at most ten, so a list
    /// searched in order beats a dictionary).
    var members: [JSONMember] = []
    var values: Values { Values(members: members) }
    var element: JSONSourceMap.Element
  }

  // MARK: Diagnostics

  mutating func report(
    _ severity: Diagnostic.Severity, _ message: String, at position: JSONPosition, path: String
  ) {
    guard capped.kept.count < capped.limit else {
      // Counted, not made: a million problems cost no message each.
      capped.count(severity)
      return
    }
    capped.append(Diagnostic(severity, message, at: position.location(in: file, path: path)))
  }

  /// How messages name a value that was found.
  static func describe(_ node: JSONNode) -> String {
    guard case .string(let s) = node.value else { return node.kindDescription }
    return "the string \(JSON.quoted(excerpt(s)))"
  }

  /// `text`, or when it is longer than 40 characters its first 40 and `…`: a message quotes
  /// a short excerpt of a value, never 5 MB of it.
  static func excerpt(_ text: String) -> String {
    let head = text.prefix(41)
    return head.count > 40 ? String(head.prefix(40)) + "…" : text
  }

  private mutating func typeError(_ key: String, _ expected: String, _ node: JSONNode, path: String)
  {
    report(
      .error, "expected \"\(key)\" to be \(expected), found \(Self.describe(node))",
      at: node.position, path: path)
  }

  // MARK: Objects and keys

  /// The fields of `node`, or `nil` (reported) when it is not an object. Unknown keys are
  /// reported and ignored.
  mutating func fields(
    of node: JSONNode, path: String, _ spec: CanonicalJSON.ObjectKeys, fileIndex: Int = 0,
    prefix: String = ""
  ) -> Fields? {
    let what = spec.what
    let keys = spec.keys
    guard let members = node.members else {
      report(
        .error, "expected \(what) (an object), found \(Self.describe(node))",
        at: node.position, path: path)
      return nil
    }
    var f = Fields(
      object: node, path: path, spec: spec, prefix: prefix,
      element: JSONSourceMap.Element(fileIndex: fileIndex, position: node.position))
    for member in members {
      guard keys.contains(member.key) else {
        var message =
          "found the unknown key \(JSON.quoted(Self.excerpt(member.key))) in \(what); expected one of "
          + keys.joined(separator: ", ")
        if let near = Self.nearest(member.key, in: keys) {
          message += " (did you mean \"\(near)\"?)"
        }
        report(.error, message, at: member.keyPosition, path: path)
        continue
      }
      f.members.append(member)
      f.element.fields.append(
        JSONSourceMap.Field(
          name: prefix + member.key, position: member.value.position,
          items: member.value.elements?.map(\.position) ?? []))
    }
    return f
  }

  /// The value of `key`, or `nil` when it is absent or `null` (reported when the key is
  /// required).
  private mutating func present(_ f: Fields, _ key: String) -> JSONNode? {
    let node = f.values[key]
    let required = f.spec.required.contains(key)
    if let node, case .null = node.value {
      if required {
        report(
          .error, "expected the required key \"\(key)\" in \(f.what) to have a value, found null",
          at: node.position, path: "\(f.path).\(key)")
      }
      return nil
    }
    if node == nil && required {
      report(
        .error, "expected the required key \"\(key)\" in \(f.what), found no such key",
        at: f.object.position, path: f.path)
    }
    return node
  }

  mutating func string(_ f: Fields, _ key: String) -> String? {
    guard let node = present(f, key) else { return nil }
    guard let s = node.string else {
      typeError(key, "a string", node, path: "\(f.path).\(key)")
      return nil
    }
    return s
  }

  /// A non-empty string naming something (an id or a reference to one).
  mutating func id(_ f: Fields, _ key: String) -> String? {
    guard let s = string(f, key) else { return nil }
    guard !s.isEmpty else {
      if let node = f.values[key] {
        report(
          .error, "expected \"\(key)\" to be a non-empty id, found an empty string",
          at: node.position, path: "\(f.path).\(key)")
      }
      return nil
    }
    return s
  }

  /// An array of strings (non-empty ones when `ids`); items of another type are reported and
  /// left out.
  mutating func strings(
    _ f: inout Fields, _ key: String, ids: Bool = false
  ) -> [String]? {
    guard let node = present(f, key) else { return nil }
    let what = ids ? "an array of ids" : "an array of strings"
    guard let items = node.elements else {
      typeError(key, what, node, path: "\(f.path).\(key)")
      return nil
    }
    var result: [String] = []
    var kept: [JSONPosition] = []
    for (i, item) in items.enumerated() {
      let itemPath = "\(f.path).\(key)[\(i)]"
      guard let s = item.string else {
        report(
          .error, "expected \"\(key)\" to hold only strings, found \(Self.describe(item))",
          at: item.position, path: itemPath)
        continue
      }
      if ids && s.isEmpty {
        report(
          .error, "expected \"\(key)\" to hold non-empty ids, found an empty string",
          at: item.position, path: itemPath)
        continue
      }
      result.append(s)
      kept.append(item.position)
    }
    if kept.count != items.count { f.element.setItems(f.prefix + key, kept) }
    return result
  }

  /// A set of ids; an id listed twice is a warning.
  mutating func idSet(_ f: inout Fields, _ key: String) -> Set<String>? {
    guard let list = strings(&f, key, ids: true) else { return nil }
    var set = Set<String>()
    for (i, s) in list.enumerated() where !set.insert(s).inserted {
      let items = f.element.fields.first { $0.name == f.prefix + key }?.items ?? []
      let position = items.indices.contains(i) ? items[i] : nil
      report(
        .warning,
        "found \(JSON.quoted(Self.excerpt(s))) twice in \"\(key)\"; expected each id once (a set)",
        at: position ?? f.object.position, path: "\(f.path).\(key)")
    }
    return set
  }

  /// A whole number in 0...Int64.max, written without fraction or exponent.
  mutating func wholeNumber(_ f: Fields, _ key: String) -> Int? {
    guard let node = present(f, key) else { return nil }
    let path = "\(f.path).\(key)"
    guard case .number(let number) = node.value else {
      typeError(key, "a non-negative whole number", node, path: path)
      return nil
    }
    let shown = Self.excerpt(number.text)
    let expected = "expected \"\(key)\" to be a non-negative whole number, found \(shown)"
    guard number.isIntegerLiteral else {
      let hint =
        number.text.contains(".") ? "" : " (write whole numbers without an exponent)"
      report(.error, expected + hint, at: node.position, path: path)
      return nil
    }
    guard let value = number.int64 else {
      if number.isNegative {
        report(.error, expected, at: node.position, path: path)
      } else {
        report(
          .error, "expected \"\(key)\" to be at most \(Int64.max), found \(shown)",
          at: node.position, path: path)
      }
      return nil
    }
    // `-0` is a sign, not a digit: the format's whole numbers are digits only (as in CSV).
    guard value >= 0, !number.isNegative, let result = Int(exactly: value) else {
      report(.error, expected, at: node.position, path: path)
      return nil
    }
    return result
  }

  /// A day written `YYYY-MM-DD`.
  mutating func day(_ f: Fields, _ key: String) -> Day? {
    guard let node = present(f, key) else { return nil }
    let path = "\(f.path).\(key)"
    guard let s = node.string else {
      typeError(key, "a date written YYYY-MM-DD", node, path: path)
      return nil
    }
    if let day = Day(iso: s) { return day }
    let shape =
      s.utf8.count == 10
      && s.utf8.enumerated().allSatisfy { i, b in
        i == 4 || i == 7 ? b == UInt8(ascii: "-") : (b >= 0x30 && b <= 0x39)
      }
    if shape {
      report(
        .error,
        "expected \"\(key)\" to be a day of the calendar (years 0001–9999), found \(s), "
          + "which is no such day", at: node.position, path: path)
    } else {
      typeError(key, "a date written YYYY-MM-DD", node, path: path)
    }
    return nil
  }

  /// One of the raw values of `T`.
  mutating func choice<T: RawRepresentable<String> & CaseIterable>(
    _ f: Fields, _ key: String, as type: T.Type
  ) -> T? {
    guard let node = present(f, key) else { return nil }
    let allowed = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
    guard let s = node.string, let value = T(rawValue: s) else {
      typeError(key, "one of \(allowed)", node, path: "\(f.path).\(key)")
      return nil
    }
    return value
  }

  /// The closest of `keys` to a misspelt `key` (edit distance at most 2), for hints.
  static func nearest(_ key: String, in keys: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
      var previous = Array(0...b.count)
      for (i, ca) in a.enumerated() {
        var current = [i + 1]
        for (j, cb) in b.enumerated() {
          current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
        }
        previous = current
      }
      return previous[b.count]
    }
    let a = Array(key.lowercased())
    guard a.count < 40 else { return nil }
    let scored = keys.map { ($0, distance(a, Array($0.lowercased()))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
    return best.0
  }

  // MARK: Collections

  /// Reads the array under `key` of the document, element by element, recording each kept
  /// element's places in the source map.
  private mutating func collection<T>(
    _ f: Fields, _ key: DataPath.Collection,
    _ readOne: (inout Self, JSONNode, String, Int) -> (T, JSONSourceMap.Element)?
  ) -> [T] {
    guard let node = present(f, key.rawValue) else { return [] }
    guard let elements = node.elements else {
      typeError(key.rawValue, "an array of objects", node, path: "$.\(key.rawValue)")
      return []
    }
    map.collections[key] = JSONSourceMap.Element(fileIndex: 0, position: node.position)
    var result: [T] = []
    var entries = JSONSourceMap.ElementList()
    result.reserveCapacity(elements.count)
    for (i, element) in elements.enumerated() {
      if let (value, entry) = readOne(&self, element, "$.\(key.rawValue)[\(i)]", i) {
        result.append(value)
        entries.append(entry)
      }
    }
    map.elements[key] = entries
    return result
  }

  // MARK: Limits

  /// Refuses a collection longer than `limit`, at its first element past the limit.
  private func checkLength(_ f: Fields, _ key: DataPath.Collection, limit: DiploGraphError.Limit)
    throws
  {
    guard let elements = f.values[key.rawValue]?.elements else { return }
    try checkLength(key, count: elements.count, limit: limit) { elements[$0].position }
  }

  /// Refuses `count` elements of a collection when more than `limit`, at the first one past it.
  func checkLength(
    _ key: DataPath.Collection, count: Int, limit: DiploGraphError.Limit,
    position: (Int) -> JSONPosition
  ) throws {
    guard count > limit.value else { return }
    let at = position(limit.value).location(in: file, path: "$.\(key.rawValue)[\(limit.value)]")
    throw DiploGraphError(limit, at: at) {
      "found \(count) \(key.rawValue); expected at most \(limit.value) (\($0))"
    }
  }

  /// Refuses more than `maxActors` distinct actors, declared or named by the actions, at the
  /// action that names the first one past the limit.
  private func checkActorCount(_ dataSet: DataSet) throws {
    let table = dataSet.actions
    guard dataSet.actors.count + table.endpointSymbols.count > maxActors else { return }
    let declared = Set(dataSet.actors.map(\.id.rawValue))
    var total = declared.count
    var counted = [Bool](repeating: false, count: table.endpointSymbols.count)
    for row in table.indices {
      for symbol in [table.actorColumn[row], table.targetColumn[row]]
      where !counted[Int(symbol)] {
        counted[Int(symbol)] = true
        if declared.contains(table.endpointSymbols[symbol]) { continue }
        total += 1
        if total > maxActors {
          let position =
            map.elements[.actions]?[row].position ?? JSONPosition(line: 1, column: 1)
          throw DiploGraphError.tooMany(
            "distinct actors (declared, or named by an action)", .init(.maxActors, maxActors),
            at: position.location(
              in: file, path: "$.actions[\(map.elements[.actions]?[row].fileIndex ?? row)]"))
        }
      }
    }
  }

  // MARK: The document

  /// Maps the document `root` to a data set; with `streamed`, its actions were read already
  /// (``CanonicalStream``) and `root`'s `actions` member stands for them.
  mutating func readDocument(_ root: JSONNode, streamed: StreamedActions? = nil) throws
    -> Document
  {
    guard
      var f = fields(
        of: root, path: "$", .document)
    else {
      throw DiploGraphError(
        .schema,
        "expected a JSON object (a DiploGraph data set) at the top level, found "
          + Self.describe(root), at: root.position.location(in: file, path: "$"))
    }
    if let format = string(f, "format"), format != CanonicalJSON.formatName,
      let node = f.values["format"]
    {
      typeError("format", "\"\(CanonicalJSON.formatName)\"", node, path: "$.format")
    }
    if let version = wholeNumber(f, "version"),
      version != DataSet.formatVersion, let node = f.values["version"]
    {
      report(
        .error,
        "expected \"version\" to be \(DataSet.formatVersion) (the version this library "
          + "reads), found \(version)", at: node.position, path: "$.version")
    }
    var dataSet = DataSet()
    dataSet.title = string(f, "title") ?? ""
    dataSet.description = string(f, "description")
    dataSet.notes = strings(&f, "notes") ?? []
    try checkLength(f, .actors, limit: .init(.maxActors, maxActors))
    if let streamed {
      try checkLength(.actions, count: streamed.total, limit: .init(.maxActions, maxActions)) {
        streamed.elementPositions[$0]
      }
    } else {
      try checkLength(f, .actions, limit: .init(.maxActions, maxActions))
    }
    dataSet.sources = collection(f, .sources) { $0.readSource($1, path: $2, index: $3) }
    dataSet.actors = collection(f, .actors) { $0.readActor($1, path: $2, index: $3) }
    dataSet.blocs = collection(f, .blocs) { $0.readBloc($1, path: $2, index: $3) }
    if let streamed {
      map.collections[.actions] = JSONSourceMap.Element(
        fileIndex: 0, position: streamed.position)
      capped.append(streamed.capped) { $0 }
      map.elements[.actions] = streamed.elements
      dataSet.actions = streamed.table
    } else {
      dataSet.actions = ActionTable(
        collection(f, .actions) { $0.readAction($1, path: $2, index: $3) })
    }
    try checkActorCount(dataSet)
    dataSet.figures = collection(f, .figures) { $0.readFigure($1, path: $2, index: $3) }
    map.documentFields = f.element
    if let streamed { map.documentFields.setItems("actions", streamed.elementPositions) }
    map.documentFields.position = root.position
    return Document(dataSet: dataSet, map: map, diagnostics: diagnostics)
  }
}
