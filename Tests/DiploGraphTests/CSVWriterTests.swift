import DiploGraph
import PropertyBased
import Testing

@Suite struct CSVWriterTests {
  static let sample: DataSet = {
    var actions = ActionTable()
    actions.append(
      Action(
        id: "a1", actor: "GBR", target: "RUS", kind: .expulsion, count: 23,
        date: Day(iso: "2018-03-14"), sources: ["bbc", "guardian"],
        claims: [Claim(source: "guardian", count: 23, qualifier: .atLeast)]))
    actions.append(
      Action(
        actor: "RUS", target: "GBR", kind: .retaliation, count: 23, date: Day(iso: "2018-03-17"),
        respondsTo: ["a1"], sources: ["bbc"], note: "tit, for \"tat\""))
    actions.append(
      Action(actor: "USA", target: "RUS", kind: .consulateClosure, note: " padded"))
    return DataSet(
      title: "Salisbury", description: "2018", notes: ["method"],
      actors: [
        Actor(id: "GBR", name: "United Kingdom", note: "lost in CSV"),
        Actor(id: "NATO", name: "North Atlantic, Treaty", kind: .organisation),
        Actor(id: "RUS", name: "Russia"),
      ],
      blocs: [
        Bloc(id: "NATO_M", name: "NATO members", members: ["GBR", "USA"]),
        Bloc(id: "EU", name: "European Union", members: ["GBR", "GBR"]),
        Bloc(id: "EMPTY", name: "No one", members: []),
      ],
      sources: [
        Source(id: "guardian", title: "The Guardian", publisher: "GMG"),
        Source(id: "bbc", title: "BBC News"), Source(id: "unused", title: "Never cited"),
      ],
      actions: actions,
      figures: [ReportedFigure(source: "bbc", label: "all", measure: .diplomats, value: 46)])
  }()

  @Test func writesRFC4180WithCRLFAndOnlyTheColumnsUsed() throws {
    let actions = String(decoding: try CSVFormat.writeActions(Self.sample), as: UTF8.self)
    #expect(
      actions
        == "actor,target,kind,count,date,source,id,responds_to,note\r\n"
        + "GBR,RUS,expulsion,23,2018-03-14,bbc;guardian,a1,,\r\n"
        + "RUS,GBR,retaliation,23,2018-03-17,bbc,,a1,\"tit, for \"\"tat\"\"\"\r\n"
        + "USA,RUS,consulate_closure,,,,,,\" padded\"\r\n")
    let actors = String(decoding: try CSVFormat.writeActors(Self.sample), as: UTF8.self)
    #expect(
      actors
        == "id,name,kind,blocs\r\n" + "GBR,United Kingdom,state,NATO_M;EU\r\n"
        + "NATO,\"North Atlantic, Treaty\",organisation,\r\n" + "RUS,Russia,state,\r\n")
    let bare = DataSet(actions: ActionTable([Action(actor: "A", target: "B", kind: "x")]))
    #expect(
      String(decoding: try CSVFormat.writeActions(bare), as: UTF8.self)
        == "actor,target,kind,count,date,source\r\nA,B,x,,,\r\n")
    #expect(
      String(decoding: try CSVFormat.writeActions(DataSet()), as: UTF8.self)
        == "actor,target,kind,count,date,source\r\n")
  }

  @Test func quotesWhatNeedsQuoting() throws {
    let notes = ["a,b", "q\"", "l\nf", "c\rr", " lead", "trail\t", "in side", "naïve", "=1+1"]
    let table = ActionTable(notes.map { Action(actor: "A", target: "B", kind: "x", note: $0) })
    let text = String(decoding: try CSVFormat.writeActions(DataSet(actions: table)), as: UTF8.self)
    let fields = text.split(separator: "\r\n", omittingEmptySubsequences: false).dropFirst()
      .prefix(notes.count).map { $0.dropFirst("A,B,x,,,,".count) }
    #expect(
      fields == [
        "\"a,b\"", "\"q\"\"\"", "\"l\nf\"", "\"c\rr\"", "\" lead\"", "\"trail\t\"", "in side",
        "naïve", "=1+1",
      ])
  }

  @Test func refusesWhatWouldReadBackAsSomethingElse() {
    func refusal(_ action: Action) -> String {
      let table = ActionTable([Action(actor: "A", target: "B", kind: "x"), action])
      do {
        _ = try CSVFormat.writeActions(DataSet(actions: table))
        return "written"
      } catch {
        return "\(error)"
      }
    }
    #expect(
      refusal(Action(actor: "A", target: "", kind: "x"))
        == "<input> ($.actions[1].target): error: cannot write action 1 as CSV: an empty id reads "
        + "back as a missing value")
    #expect(
      refusal(Action(actor: "A", target: "B", kind: ""))
        == "<input> ($.actions[1].kind): error: cannot write action 1 as CSV: an empty kind reads "
        + "back as a missing value")
    #expect(
      refusal(Action(actor: "A", target: "B", kind: "x", sources: ["ok", "a;b"]))
        == "<input> ($.actions[1].sources[1]): error: cannot write action 1 as CSV: its source id "
        + "\"a;b\" holds \";\", which separates ids in the list")
    #expect(
      refusal(Action(actor: "A", target: "B", kind: "x", sources: [""]))
        == "<input> ($.actions[1].sources[0]): error: cannot write action 1 as CSV: its source id "
        + "is empty, which reads back as a missing value")
    #expect(
      refusal(Action(actor: "A", target: "B", kind: "x", respondsTo: ["r;1"]))
        == "<input> ($.actions[1].respondsTo[0]): error: cannot write action 1 as CSV: its "
        + "answered id \"r;1\" holds \";\", which separates ids in the list")
    #expect(
      refusal(Action(id: "", actor: "A", target: "B", kind: "x"))
        == "<input> ($.actions[1].id): error: cannot write action 1 as CSV: an empty id reads back "
        + "as no id")
    #expect(
      refusal(Action(actor: "A", target: "B", kind: "x", date: Day(daysSinceEpoch: .max)))
        == "<input> ($.actions[1].date): error: cannot write action 1 as CSV: its date is outside "
        + "the years 1–9999")
    #expect(refusal(Action(actor: "A;B", target: " ", kind: "x;y", sources: [" s "])) == "written")
    let blocs = DataSet(
      actors: [Actor(id: "A", name: "A")], blocs: [Bloc(id: "E;U", name: "EU", members: ["A"])])
    #expect(throws: DiploGraphError.self) { try CSVFormat.writeActors(blocs) }
    let noID = DataSet(actors: [Actor(id: "", name: "nameless")])
    #expect(throws: DiploGraphError.self) { try CSVFormat.writeActors(noID) }
  }

  /// A data set made in code (as the JSON reader makes it) keeps, through CSV, every field
  /// CSV has a place for.
  @Test func modelThroughCSVKeepsWhatCSVCarries() throws {
    let back = try CSVFormat.read(
      actions: try CSVFormat.writeActions(Self.sample),
      actors: try CSVFormat.writeActors(Self.sample))
    #expect(back.diagnostics.isEmpty)
    #expect(back.dataSet == csvProjection(Self.sample))
    // Spelled out: what was lost is exactly what the format's header comment lists.
    #expect(back.dataSet.actions[0].claims.isEmpty)
    #expect(back.dataSet.sources.map(\.title) == ["bbc", "guardian"])
    #expect(back.dataSet.blocs.map(\.name) == ["NATO_M", "EU"])
    #expect(back.dataSet.blocs.map(\.members) == [["GBR"], ["GBR"]])
    #expect(back.dataSet.figures.isEmpty && back.dataSet.title.isEmpty)
    var lossless = Self.sample.actions
    lossless = ActionTable(
      lossless.map {
        var a = $0
        a.claims = []
        return a
      })
    #expect(back.dataSet.actions == lossless)
  }

  /// A CSV file as the writer writes it reads and writes back to the same bytes.
  @Test func csvThroughTheModelIsByteIdentical() throws {
    let actions =
      "actor,target,kind,count,date,source,id,responds_to,note\r\n"
      + "\" GBR\",RUS,expulsion,0,0001-01-01,s1;s2,a1,,\"multi\r\nline, \"\"quoted\"\"\"\r\n"
      + "RUS,\" GBR\",retaliation,9223372036854775807,9999-12-31,s2,a2,a1;a0,\r\n"
      + "RUS,X,staff_cut,,,,,,naïve 😀\r\n"
    let actors =
      "id,name,kind,blocs\r\n" + "\" GBR\",\"Kingdom, United\",state,NATO;EU\r\n"
      + "RUS,Russia,state,\r\n" + "X,X,organisation,EU\r\n"
    let document = try CSVFormat.read(actions: Array(actions.utf8), actors: Array(actors.utf8))
    #expect(document.diagnostics.isEmpty)
    #expect(
      String(decoding: try CSVFormat.writeActions(document.dataSet), as: UTF8.self) == actions)
    #expect(String(decoding: try CSVFormat.writeActors(document.dataSet), as: UTF8.self) == actors)
  }

  @Test func roundTripsGeneratedDataSets() async {
    let actors = ["GBR", "RUS", "USA", "a;b", " lead", "x,y", "q\"q", "Côte", "😀", "l\nf"]
    let kinds = ActionKind.known.map(\.rawValue) + ["trade,sanction", "odd \"kind\""]
    let sources = ["S1", "S2", "bbc", "x,y", "Ünï", " s ", "\"q\""]
    let ids = ["a1", "a2", "r,1", "id\"q", "é"]
    let notes = ["n", "two\r\nlines", "a,b", " pad ", "\"", "<b>", "\u{FEFF}"]
    let days =
      Int(
        Day(year: 1, month: 1, day: 1)!.daysSinceEpoch)...Int(
        Day(year: 9999, month: 12, day: 31)!.daysSinceEpoch)
    let head = zip(
      pick(actors), pick(actors), pick(kinds), Gen.int(in: 0...1_000_000_000_000).optional,
      Gen.int(in: days).optional)
    let tail = zip(
      pick(sources).array(of: 0...3), pick(ids).optional, pick(ids).array(of: 0...2),
      pick(notes).optional)
    let action = zip(head, tail).map {
      (first: (String, String, String, Int?, Int?), second: ([String], String?, [String], String?))
        -> Action in
      Action(
        id: second.1.map { ActionID($0) }, actor: ActorID(first.0), target: ActorID(first.1),
        kind: ActionKind(first.2), count: first.3,
        date: first.4.map { Day(daysSinceEpoch: Int32($0)) },
        respondsTo: second.2.map { ActionID($0) }, sources: second.0.map { SourceID($0) },
        claims: first.3.map { [Claim(source: "S1", count: $0 + 1)] } ?? [], note: second.3)
    }
    let declared = zip(pick(actors), pick(notes + [""]), Gen.bool).map {
      (id: String, name: String, organisation: Bool) -> DiploGraph.Actor in
      DiploGraph.Actor(id: ActorID(id), name: name, kind: organisation ? .organisation : .state)
    }
    let bloc = zip(pick(["EU", "NATO", "G 7", "x,y"]), pick(actors).array(of: 0...4)).map {
      (id: String, members: [String]) -> Bloc in
      Bloc(id: BlocID(id), name: "The \(id)", members: members.map { ActorID($0) })
    }
    await propertyCheck(
      count: 200, input: action.array(of: 0...25), declared.array(of: 0...6), bloc.array(of: 0...3)
    ) { actions, declared, blocs in
      var seen = Set<BlocID>()
      let data = DataSet(
        title: "generated", actors: declared, blocs: blocs.filter { seen.insert($0.id).inserted },
        actions: ActionTable(actions))
      let actionsCSV = try CSVFormat.writeActions(data)
      let actorsCSV = try CSVFormat.writeActors(data)
      let back = try CSVFormat.read(actions: actionsCSV, actors: actorsCSV)
      #expect(back.diagnostics.isEmpty)
      #expect(back.dataSet == csvProjection(data))
      // Written again: actions.csv is identical; actors.csv may list an actor's blocs in
      // another order the first time (blocs are read in order of first appearance), then is
      // a fixed point.
      #expect(try CSVFormat.writeActions(back.dataSet) == actionsCSV)
      let again = try CSVFormat.read(
        actions: actionsCSV, actors: try CSVFormat.writeActors(back.dataSet))
      #expect(again.dataSet == back.dataSet)
      #expect(try CSVFormat.writeActors(again.dataSet) == CSVFormat.writeActors(back.dataSet))
    }
  }
}

/// A generator of the elements of `pool`, shrinking towards the first.
func pick<T: Sendable>(_ pool: [T]) -> Generator<T, Shrink.Integer<Int>> {
  Gen.int(in: 0...pool.count - 1).map { pool[$0] }
}

/// What a data set becomes through CSV: the fields the format carries (see the header comment
/// of `CSVFormat.swift`), computed independently of the writer and reader.
func csvProjection(_ data: DataSet) -> DataSet {
  let table = ActionTable(
    data.actions.map { action in
      var copy = action
      copy.claims = []
      if copy.note == "" { copy.note = nil }
      return copy
    })
  var order: [BlocID] = []
  var members: [BlocID: [ActorID]] = [:]
  for actor in data.actors {
    for bloc in data.blocs where bloc.members.contains(actor.id) {
      if members[bloc.id] == nil {
        order.append(bloc.id)
        members[bloc.id] = []
      }
      members[bloc.id]!.append(actor.id)
    }
  }
  return DataSet(
    actors: data.actors.map {
      DiploGraph.Actor(id: $0.id, name: $0.name.isEmpty ? $0.id.rawValue : $0.name, kind: $0.kind)
    },
    blocs: order.map { Bloc(id: $0, name: $0.rawValue, members: members[$0]!) },
    sources: table.sourceSymbols.strings.map { Source(id: SourceID($0), title: $0) },
    actions: table)
}
