import Foundation
import TestSupport
import Testing

@_spi(Testing) @testable import DiploGraph

/// Action ids kept as numbers (``ActionTable/idNumbers``): what counts as a plain number, when
/// a table keeps its ids as numbers and when it spells them, and that every reader of ids
/// (actions, validation, the CSV writer, the event readers) sees the same ids either way.
@Suite struct ActionIDNumbersTests {
  @Test(
    arguments: [
      ("0", 0), ("7", 7), ("500000000", 500_000_000),
      ("999999999999999999", 999_999_999_999_999_999),
    ] as [(String, Int64)])
  func plainNumbersAreNumbers(spelling: String, value: Int64) {
    #expect(ActionTable.plainNumber(spelling) == value)
    #expect(String(value) == spelling)
  }

  /// Nothing that would spell back otherwise: signs, leading zeros, spaces, other digits,
  /// more than 18 digits.
  @Test(arguments: [
    "", "00", "0123", "-1", "+1", " 1", "1 ", "1e3", "1.0", "12a", "١٢", "１２",
    "1000000000000000000", "99999999999999999999",
  ])
  func otherSpellingsAreNot(spelling: String) {
    #expect(ActionTable.plainNumber(spelling) == nil)
  }

  static func action(_ id: String?, respondsTo: [String] = []) -> Action {
    Action(
      id: id.map { ActionID($0) }, actor: "A", target: "B", kind: .expulsion, count: 1,
      respondsTo: respondsTo.map { ActionID($0) })
  }

  @Test func aTableKeepsPlainNumbersAsNumbersUntilAnIdIsNot() {
    var table = ActionTable([Self.action("12"), Self.action(nil), Self.action("7")])
    #expect(table.idsAreNumbers)
    #expect(table.idNumbers == [12, -1, 7])
    #expect(table.idSymbols.count == 0)
    #expect(table.hasIDs)
    table.append(Self.action("e-9"))
    #expect(!table.idsAreNumbers)
    #expect(table.idSymbols.strings == ["12", "7", "e-9"])
    #expect(table.map(\.id?.rawValue) == ["12", nil, "7", "e-9"])
    #expect(table.checkInvariants())
    // Symbols once: a plain number appended later is a symbol too.
    table.append(Self.action("8"))
    #expect(!table.idsAreNumbers)
    #expect(table.actionID(row: 4) == "8")
  }

  @Test func anAnswerTurnsTheNumbersIntoSymbols() {
    var table = ActionTable([Self.action("1"), Self.action("2")])
    #expect(table.idsAreNumbers)
    table.append(Self.action("3", respondsTo: ["1"]))
    #expect(!table.idsAreNumbers)
    #expect(table.idSymbols.strings == ["1", "2", "3"])
    #expect(table.respondsTo(row: 2) == ["1"])
    #expect(table.checkInvariants())
  }

  @Test func aTableWithoutIdsHasNoNumbers() {
    let table = ActionTable([Self.action(nil), Self.action(nil)])
    #expect(!table.idsAreNumbers)
    #expect(!table.hasIDs)
  }

  /// Random actions: ids plain, with leading zeros, words or none, some answering others.
  /// The table gives back the actions it was given, keeps numbers exactly when every id is a
  /// plain number and nothing answers, and spelling them changes no action.
  @Test(arguments: 0..<40)
  func aTableGivesBackItsActionsWhateverItsIds(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let words = rng.next() % 2 == 0
    let answers = rng.next() % 3 == 0
    var actions: [Action] = []
    for i in 0..<Int(rng.next() % 40) {
      let id: String? =
        switch rng.next() % 6 {
        case 0: nil
        case 1 where words: "0\(rng.next() % 100)"
        case 2 where words: "id\(i)"
        default: "\(rng.next() % 1000)"
        }
      let respondsTo = answers && rng.next() % 5 == 0 ? ["\(rng.next() % 1000)"] : []
      actions.append(Self.action(id, respondsTo: respondsTo))
    }
    let table = ActionTable(actions)
    #expect(Array(table) == actions)
    #expect(table.checkInvariants())
    let plain = actions.allSatisfy {
      $0.id.map { ActionTable.plainNumber($0.rawValue) != nil } ?? true
    }
    let numbers =
      plain && actions.allSatisfy(\.respondsTo.isEmpty) && actions.contains { $0.id != nil }
    #expect(table.idsAreNumbers == numbers)
    var spelled = table
    spelled.spellNumericIDs()
    #expect(!spelled.idsAreNumbers)
    #expect(Array(spelled) == actions)
    #expect(spelled.checkInvariants())
    #expect(spelled.hasIDs == table.hasIDs)
  }

  /// Validation says a repeated id the same way whether the ids are numbers or symbols: the
  /// oracle is the same ids as words ("x" before each), which are symbols.
  @Test(arguments: 0..<12)
  func repeatedNumbersAreSaidAsRepeatedSymbols(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let n = 1 + Int(rng.next() % 60)
    let ids: [Int?] = (0..<n).map { _ in rng.next() % 7 == 0 ? nil : Int(rng.next() % UInt64(n)) }
    func dataSet(_ prefix: String) -> DataSet {
      DataSet(
        actors: [Actor(id: "A", name: "A"), Actor(id: "B", name: "B")],
        actions: ActionTable(ids.map { Self.action($0.map { "\(prefix)\($0)" }) }))
    }
    let numbers = dataSet("")
    let words = dataSet("x")
    #expect(numbers.actions.idsAreNumbers == ids.contains { $0 != nil })
    #expect(!words.actions.idsAreNumbers)
    let said = Validator.validate(numbers).map(\.message)
    let oracle = Validator.validate(words).map {
      $0.message.replacingOccurrences(of: "\"x", with: "\"")
    }
    #expect(said == oracle)
    var seen: Set<Int> = []
    let repeats = ids.compactMap { $0 }.filter { !seen.insert($0).inserted }.count
    #expect(said.filter { $0.hasPrefix("found the action id") }.count == repeats)
  }

  @Test func ascendingNumbersAreCheckedWithoutSorting() {
    let table = ActionTable((0..<500).map { Self.action("\(1_000 + 3 * $0)") })
    let dataSet = DataSet(
      actors: [Actor(id: "A", name: "A"), Actor(id: "B", name: "B")], actions: table)
    #expect(table.idsAreNumbers)
    #expect(!Validator.validate(dataSet).contains { $0.message.contains("action id") })
  }

  /// The CSV writer writes the same bytes for ids kept as numbers and the same ids spelled.
  @Test func theCSVOfNumbersIsTheCSVOfTheirSpellings() throws {
    let table = ActionTable(
      [Self.action("500000000"), Self.action(nil), Self.action("0"), Self.action("42")])
    var spelled = table
    spelled.spellNumericIDs()
    #expect(table.idsAreNumbers && !spelled.idsAreNumbers)
    let numbers = try CSVFormat.writeActions(DataSet(actions: table))
    let symbols = try CSVFormat.writeActions(DataSet(actions: spelled))
    #expect(numbers == symbols)
    #expect(String(decoding: numbers, as: UTF8.self).contains(",500000000\r\n"))
  }
}
