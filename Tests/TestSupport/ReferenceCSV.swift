import DiploGraph

/// A deliberately plain reader of the CSV format, the oracle the fast reader is tested against.
///
/// It shares no code with `CSVFormat`'s reader: it cuts the whole file into records and fields
/// in one simple pass (CSV syntax is ASCII, so it works on bytes), turns every field into a
/// `String`, reads values with `String` operations, builds the table with
/// `ActionTable.append(_:)`, and computes lines and columns from the byte offsets. Slow on
/// purpose; obviously right is the point. It implements the same rules and messages as the
/// format's description at the top of `CSVFormat.swift`.
public enum ReferenceCSV {
  public struct Output: Sendable {
    public var dataSet: DataSet
    public var diagnostics: [Diagnostic]
  }

  static let actionColumns = [
    "actor", "target", "kind", "count", "date", "source", "id", "responds_to", "note",
  ]
  static let actorColumns = ["id", "name", "kind", "blocs"]

  public static func read(
    actions: [UInt8], actors: [UInt8]? = nil, actionsFile: String? = nil,
    actorsFile: String? = nil, maxDiagnostics: Int = 1000
  ) throws -> Output {
    var all: [Diagnostic] = []
    var table = ActionTable()
    let actionsText = try Text(actions, file: actionsFile, known: actionColumns, required: 3)
    all += actionsText.warnings
    var kindsSeen = Set<String>()
    // Kinds without regard to case (issue 12): the first spelling of each, and a warning for
    // each other spelling where it first appears, after the rows' own diagnostics.
    var firstSpelling: [String: String] = [:]
    var variantWarnings: [Diagnostic] = []
    var variantsSeen = Set<String>()
    for (row, record) in actionsText.records.enumerated() {
      var problems = actionsText.shapeProblems(record, row: row)
      var read = FieldReader(text: actionsText, record: record, row: row)
      let actor = read.symbol("actor", emptyMessage: "expected an actor id, found an empty field")
      let target = read.symbol(
        "target", emptyMessage: "expected a target actor id, found an empty field")
      var kind = read.symbol("kind", emptyMessage: "expected an action kind, found an empty field")
      if let first = firstSpelling[kind.lowercased()], first != kind {
        if variantsSeen.insert(kind).inserted {
          let field = record.fields[actionsText.column("kind")!]
          variantWarnings.append(
            Diagnostic(
              .warning,
              "the kind \(ReferenceCSV.quoted(kind)) is read as \(ReferenceCSV.quoted(first)) "
                + "(kinds are matched without regard to case; the first spelling in the file is "
                + "kept)", at: actionsText.location(field, row: row)))
        }
        kind = first
      } else if firstSpelling[kind.lowercased()] == nil {
        firstSpelling[kind.lowercased()] = kind
      }
      kindsSeen.insert(kind)
      if kindsSeen.count > Int(UInt16.max) + 1 {
        let location = actionsText.location(record.fields[actionsText.column("kind")!], row: row)
        throw DiploGraphError(
          .limit, "expected at most 65536 different action kinds, found more", at: location)
      }
      let count = read.count()
      let date = read.date()
      let sources = read.list("source", what: "source ids")
      let id = read.optional("id")
      let respondsTo = read.list("responds_to", what: "action ids")
      let note = read.optional("note")
      problems += read.problems
      all += problems.sorted { $0.key < $1.key }.map(\.diagnostic)
      table.append(
        Action(
          id: id.map { ActionID($0) }, actor: ActorID(actor), target: ActorID(target),
          kind: ActionKind(kind), count: count, date: date.day,
          respondsTo: respondsTo.map { ActionID($0) }, sources: sources.map { SourceID($0) },
          note: note, partialDate: date.partial))
    }
    all += variantWarnings

    var declared: [Actor] = []
    var blocIDs: [String] = []
    var members: [String: [ActorID]] = [:]
    if let actors {
      let text = try Text(actors, file: actorsFile, known: actorColumns, required: 1)
      all += text.warnings
      for (row, record) in text.records.enumerated() {
        var problems = text.shapeProblems(record, row: row)
        var read = FieldReader(text: text, record: record, row: row)
        let id = read.symbol("id", emptyMessage: "expected an actor id, found an empty field")
        var name = read.optional("name") ?? ""
        if name.isEmpty { name = id }
        var kind = ActorKind.state
        if let spelled = read.optional("kind") {
          if let known = ActorKind(rawValue: spelled) {
            kind = known
          } else {
            read.report(
              "kind",
              "expected one of \"state\", \"organisation\", \"region\", found \(quoted(spelled))")
          }
        }
        for bloc in read.list("blocs", what: "bloc ids") {
          if members[bloc] == nil {
            blocIDs.append(bloc)
            members[bloc] = []
          }
          members[bloc]!.append(ActorID(id))
        }
        problems += read.problems
        all += problems.sorted { $0.key < $1.key }.map(\.diagnostic)
        declared.append(Actor(id: ActorID(id), name: name, kind: kind))
      }
    }

    var diagnostics = Array(all.prefix(maxDiagnostics))
    let dropped = all.dropFirst(maxDiagnostics)
    if !dropped.isEmpty {
      diagnostics.append(
        Diagnostic(
          dropped.contains { $0.severity == .error } ? .error : .warning,
          "\(dropped.count) more problem\(dropped.count == 1 ? "" : "s") not listed (only the "
            + "first \(maxDiagnostics) are)", at: SourceLocation(file: actionsFile)))
    }
    let dataSet = DataSet(
      actors: declared,
      blocs: blocIDs.map { Bloc(id: BlocID($0), name: $0, members: members[$0]!) },
      sources: table.sourceSymbols.strings.map { Source(id: SourceID($0), title: $0) },
      actions: table)
    return Output(dataSet: dataSet, diagnostics: diagnostics)
  }

  /// How a diagnostic quotes a field: lossy UTF-8, escapes, at most 40 characters.
  static func quoted(_ text: String) -> String {
    var out = ""
    for (i, scalar) in text.unicodeScalars.enumerated() {
      if i == 40 {
        out += "…"
        break
      }
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return "\"" + out + "\""
  }
}

/// One field as the reference tokenizer cut it.
struct ReferenceField {
  var bytes: [UInt8] = []
  /// Byte offset of the field's first byte in the file.
  var offset: Int
  var quoted = false
  var strayQuote = false
  var textAfterQuote = false

  var lossy: String { String(decoding: bytes, as: UTF8.self) }
  var string: String? { String(validating: bytes, as: UTF8.self) }
}

struct ReferenceRecord {
  var fields: [ReferenceField]
  /// Byte offset where the record's last field ends.
  var end: Int
}

/// A problem and its place among its record's problems.
struct ReferenceProblem {
  var key: Int
  var diagnostic: Diagnostic
}
