/// Reading each kind of element of the canonical format (docs/format.md, the tables per
/// element). Each returns the element and its places for the source map, or `nil` when the
/// element was skipped (its problems are already reported).
extension CanonicalReader {
  mutating func readSource(_ node: JSONNode, path: String, index: Int) -> (
    Source, JSONSourceMap.Element
  )? {
    guard
      let f = fields(
        of: node, path: path, .source, fileIndex: index)
    else { return nil }
    let id = self.id(f, "id")
    let title = string(f, "title") ?? ""
    let source = Source(
      id: SourceID(id ?? ""), title: title, publisher: string(f, "publisher"),
      date: day(f, "date"), url: string(f, "url"), note: string(f, "note"))
    guard id != nil else { return nil }
    return (source, f.element)
  }

  mutating func readActor(_ node: JSONNode, path: String, index: Int) -> (
    Actor, JSONSourceMap.Element
  )? {
    guard
      let f = fields(
        of: node, path: path, .actor, fileIndex: index)
    else { return nil }
    let id = self.id(f, "id")
    let name = string(f, "name") ?? ""
    let kind = choice(f, "kind", as: ActorKind.self) ?? .state
    let note = string(f, "note")
    guard let id else { return nil }
    return (Actor(id: ActorID(id), name: name, kind: kind, note: note), f.element)
  }

  mutating func readBloc(_ node: JSONNode, path: String, index: Int) -> (
    Bloc, JSONSourceMap.Element
  )? {
    guard
      var f = fields(
        of: node, path: path, .bloc, fileIndex: index)
    else { return nil }
    let id = self.id(f, "id")
    let name = string(f, "name") ?? ""
    let members = strings(&f, "members", ids: true) ?? []
    let note = string(f, "note")
    guard let id else { return nil }
    let bloc = Bloc(id: BlocID(id), name: name, members: members.map { ActorID($0) }, note: note)
    return (bloc, f.element)
  }

  mutating func readAction(_ node: JSONNode, path: String, index: Int) -> (
    Action, JSONSourceMap.Element
  )? {
    guard
      var f = fields(
        of: node, path: path, .action, fileIndex: index)
    else { return nil }
    let id = self.id(f, "id")
    let actor = self.id(f, "actor")
    let target = self.id(f, "target")
    let kind = self.id(f, "kind")
    let count = wholeNumber(f, "count")
    let partialDate = f.values["date"]?.string.flatMap { PartialDate(iso: $0) }
    let date = partialDate == nil ? day(f, "date") : nil
    let respondsTo = strings(&f, "respondsTo", ids: true) ?? []
    let sources = strings(&f, "sources", ids: true) ?? []
    let claims = readClaims(&f)
    let note = string(f, "note")
    guard let actor, let target, let kind else { return nil }
    if !kinds.contains(kind) {
      guard kinds.count < ActionTable.maxKinds else {
        report(
          .error,
          "found a new action kind \(JSON.quoted(Self.excerpt(kind))) after \(ActionTable.maxKinds) distinct "
            + "kinds; expected at most \(ActionTable.maxKinds)",
          at: f.values["kind"]?.position ?? node.position, path: "\(path).kind")
        return nil
      }
      kinds.insert(kind)
    }
    let action = Action(
      id: id.map { ActionID($0) }, actor: ActorID(actor), target: ActorID(target),
      kind: ActionKind(kind), count: count, date: date,
      respondsTo: respondsTo.map { ActionID($0) }, sources: sources.map { SourceID($0) },
      claims: claims, note: note, partialDate: partialDate)
    return (action, f.element)
  }

  /// The claims of an action; a claim without a usable source is skipped. Their places are
  /// recorded as `claims[k].source` and so on, `k` counting the claims kept.
  private mutating func readClaims(_ action: inout Fields) -> [Claim] {
    guard let node = action.values["claims"] else { return [] }
    if case .null = node.value { return [] }
    guard let items = node.elements else {
      report(
        .error, "expected \"claims\" to be an array of claims, found \(Self.describe(node))",
        at: node.position, path: "\(action.path).claims")
      return []
    }
    var claims: [Claim] = []
    var kept: [JSONPosition] = []
    for (i, item) in items.enumerated() {
      guard
        let f = fields(
          of: item, path: "\(action.path).claims[\(i)]", .claim, prefix: "claims[\(claims.count)].")
      else { continue }
      let source = id(f, "source")
      let count = wholeNumber(f, "count")
      let qualifier = choice(f, "qualifier", as: Qualifier.self) ?? .exact
      let quote = string(f, "quote")
      guard let source else { continue }
      claims.append(
        Claim(source: SourceID(source), count: count, qualifier: qualifier, quote: quote))
      kept.append(item.position)
      action.element.fields.append(contentsOf: f.element.fields)
    }
    if kept.count != items.count { action.element.setItems("claims", kept) }
    return claims
  }

  mutating func readFigure(_ node: JSONNode, path: String, index: Int) -> (
    ReportedFigure, JSONSourceMap.Element
  )? {
    guard
      var f = fields(
        of: node, path: path, .figure, fileIndex: index)
    else { return nil }
    let source = id(f, "source")
    let label = string(f, "label") ?? ""
    let measure = choice(f, "measure", as: Measure.self)
    let value = wholeNumber(f, "value")
    let qualifier = choice(f, "qualifier", as: Qualifier.self) ?? .exact
    let scope = readSelection(&f)
    let quote = string(f, "quote")
    let note = string(f, "note")
    guard let source, let measure, let value else { return nil }
    let figure = ReportedFigure(
      source: SourceID(source), label: label, measure: measure, value: value,
      qualifier: qualifier, scope: scope, quote: quote, note: note)
    return (figure, f.element)
  }

  /// A figure's `scope`; places recorded as `scope.kinds` and so on.
  private mutating func readSelection(_ figure: inout Fields) -> Selection {
    guard let node = figure.values["scope"] else { return Selection() }
    if case .null = node.value { return Selection() }
    guard
      var f = fields(
        of: node, path: "\(figure.path).scope", .selection, prefix: "scope.")
    else { return Selection() }
    let selection = Selection(
      kinds: idSet(&f, "kinds").map { Set($0.map { ActionKind($0) }) },
      since: day(f, "since"),
      until: day(f, "until"),
      blocs: idSet(&f, "blocs").map { Set($0.map { BlocID($0) }) },
      actors: idSet(&f, "actors").map { Set($0.map { ActorID($0) }) },
      side: choice(f, "side", as: Selection.Side.self) ?? .either)
    figure.element.fields.append(contentsOf: f.element.fields)
    return selection
  }
}
