/// The canonical writer: the layout of docs/format.md, "Output rules".
///
/// Objects put one member per line, indented two spaces per level; arrays of objects put one
/// element per line; arrays of strings stay on one line (`["a", "b"]`) when the line fits in
/// 100 columns, else one string per line; empty arrays are `[]`.
/// Keys come in the order of ``CanonicalJSON/ObjectKeys``; optional keys are left out when absent or
/// empty; the sets of a figure's scope are sorted.
struct CanonicalWriter {
  private(set) var out: [UInt8] = []
  /// Per open container: whether it has no member yet.
  private var empty: [Bool] = []

  private mutating func raw(_ text: String) { out.append(contentsOf: text.utf8) }

  private mutating func newline() {
    out.append(UInt8(ascii: "\n"))
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * empty.count))
  }

  private mutating func beginObject() {
    out.append(UInt8(ascii: "{"))
    empty.append(true)
  }

  private mutating func endObject() {
    let wasEmpty = empty.removeLast()
    if !wasEmpty { newline() }
    out.append(UInt8(ascii: "}"))
  }

  private mutating func beginArray() {
    out.append(UInt8(ascii: "["))
    empty.append(true)
  }

  private mutating func endArray() {
    let wasEmpty = empty.removeLast()
    if !wasEmpty { newline() }
    out.append(UInt8(ascii: "]"))
  }

  /// Starts the next member or element of the open container.
  private mutating func next() {
    if empty[empty.count - 1] {
      empty[empty.count - 1] = false
    } else {
      out.append(UInt8(ascii: ","))
    }
    newline()
  }

  private mutating func key(_ name: String) {
    next()
    JSON.appendQuoted(name, to: &out)
    raw(": ")
  }

  private mutating func member(_ name: String, _ value: String) {
    key(name)
    JSON.appendQuoted(value, to: &out)
  }

  private mutating func member(_ name: String, _ value: String?) {
    if let value { member(name, value) }
  }

  private mutating func member(_ name: String, _ value: Int) {
    key(name)
    raw(String(value))
  }

  private mutating func member(_ name: String, _ value: Day?) {
    if let value { member(name, value.description) }
  }

  /// A string array: on one line when the whole line fits in ``lineWidth`` columns (a bloc's
  /// members, an action's sources), else one string per line (prose such as notes), so that
  /// either way a change to one item is a one-line diff where it matters.
  private mutating func member(_ name: String, strings: [String]) {
    key(name)
    var inline: [UInt8] = [UInt8(ascii: "[")]
    for (i, s) in strings.enumerated() {
      if i > 0 { inline.append(contentsOf: ", ".utf8) }
      JSON.appendQuoted(s, to: &inline)
    }
    inline.append(UInt8(ascii: "]"))
    let lineStart = (out.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
    let width = Self.columns(out[lineStart...]) + Self.columns(inline[...])
    if width <= Self.lineWidth || strings.count < 2 {
      out.append(contentsOf: inline)
      return
    }
    beginArray()
    for s in strings {
      next()
      JSON.appendQuoted(s, to: &out)
    }
    endArray()
  }

  /// The widest line an inline array of strings may make.
  static let lineWidth = 100

  /// Columns taken by UTF-8 bytes: one per scalar (continuation bytes take none).
  private static func columns(_ bytes: ArraySlice<UInt8>) -> Int {
    bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }

  /// An array of objects, one per line; left out when empty.
  private mutating func member<T>(
    _ name: String, objects: some Collection<T>, _ writeOne: (inout Self, T) -> Void
  ) {
    guard !objects.isEmpty else { return }
    key(name)
    beginArray()
    for object in objects {
      next()
      beginObject()
      writeOne(&self, object)
      endObject()
    }
    endArray()
  }

  // MARK: The data set

  mutating func write(_ dataSet: DataSet) {
    beginObject()
    member("format", CanonicalJSON.formatName)
    member("version", DataSet.formatVersion)
    member("title", dataSet.title)
    member("description", dataSet.description)
    if !dataSet.notes.isEmpty { member("notes", strings: dataSet.notes) }
    member("sources", objects: dataSet.sources) { $0.write($1) }
    member("actors", objects: dataSet.actors) { $0.write($1) }
    member("blocs", objects: dataSet.blocs) { $0.write($1) }
    member("actions", objects: dataSet.actions) { $0.write($1) }
    member("figures", objects: dataSet.figures) { $0.write($1) }
    endObject()
    out.append(UInt8(ascii: "\n"))
  }

  private mutating func write(_ source: Source) {
    member("id", source.id.rawValue)
    member("title", source.title)
    member("publisher", source.publisher)
    member("date", source.date)
    member("url", source.url)
    member("note", source.note)
  }

  private mutating func write(_ actor: Actor) {
    member("id", actor.id.rawValue)
    member("name", actor.name)
    member("kind", actor.kind.rawValue)
    member("note", actor.note)
  }

  private mutating func write(_ bloc: Bloc) {
    member("id", bloc.id.rawValue)
    member("name", bloc.name)
    member("members", strings: bloc.members.map(\.rawValue))
    member("note", bloc.note)
  }

  private mutating func write(_ action: Action) {
    member("id", action.id?.rawValue)
    member("actor", action.actor.rawValue)
    member("target", action.target.rawValue)
    member("kind", action.kind.rawValue)
    if let count = action.count { member("count", count) }
    if action.date == nil, let partial = action.partialDate {
      member("date", partial.description)
    } else {
      member("date", action.date)
    }
    if !action.respondsTo.isEmpty {
      member("respondsTo", strings: action.respondsTo.map(\.rawValue))
    }
    member("sources", strings: action.sources.map(\.rawValue))
    member("claims", objects: action.claims) { $0.write($1) }
    member("note", action.note)
  }

  private mutating func write(_ claim: Claim) {
    member("source", claim.source.rawValue)
    if let count = claim.count { member("count", count) }
    if claim.qualifier != .exact { member("qualifier", claim.qualifier.rawValue) }
    member("quote", claim.quote)
  }

  private mutating func write(_ figure: ReportedFigure) {
    member("source", figure.source.rawValue)
    member("label", figure.label)
    member("measure", figure.measure.rawValue)
    member("value", figure.value)
    if figure.qualifier != .exact { member("qualifier", figure.qualifier.rawValue) }
    let scope = figure.scope
    if !scope.isAll || scope.side != .either {
      key("scope")
      beginObject()
      if let kinds = scope.kinds { member("kinds", strings: kinds.map(\.rawValue).sorted()) }
      member("since", scope.since)
      member("until", scope.until)
      if let blocs = scope.blocs { member("blocs", strings: blocs.map(\.rawValue).sorted()) }
      if let actors = scope.actors { member("actors", strings: actors.map(\.rawValue).sorted()) }
      if scope.side != .either { member("side", scope.side.rawValue) }
      endObject()
    }
    member("quote", figure.quote)
    member("note", figure.note)
  }
}
