import TestSupport
import Testing

@testable import DiploGraph

/// The ways the bulk path keeps its memory in proportion to what it holds: a selection of
/// every row without a list of them, a chain member's direction and ending in one word, a
/// column's spare capacity given back. Each must read exactly as the plain form would.
@Suite struct CompactStorageTests {
  @Test func everyRowIsAnIdentityWithoutAList() throws {
    let events = SyntheticEvents(actions: 2_000, actors: 40, seed: 9)
    let data = try CSVFormat.read(actions: events.actionsCSV(), actors: events.actorsCSV())
      .dataSet
    let n = data.actions.count
    let all = try Network(data)
    #expect(all.rows.isEveryRow && all.rows.list.isEmpty)
    #expect(Array(all.rows) == (0..<Int32(n)).map { $0 })
    // A selection that happens to keep every row reads the same as `.all`.
    let kinds = Set(data.actions.map(\.kind))
    let everyKind = try Network(data, selection: Selection(kinds: kinds))
    #expect(everyKind.rows.isEveryRow)
    #expect(everyKind.links.from == all.links.from && everyKind.links.to == all.links.to)
    #expect(everyKind.links.weight == all.links.weight)
    // One that leaves some out lists them, and its positions read those rows.
    let some = try Network(data, selection: Selection(kinds: [.retaliation]))
    let kept = data.actions.indices.filter { data.actions[$0].kind == .retaliation }
    #expect(!some.rows.isEveryRow && some.rows.count == kept.count)
    #expect(some.rows.map(Int.init) == kept)
    #expect(some.actions.positions.map { some.actions.row(at: $0) } == kept)
    #expect(some.actions.withReader { r in r.positions.map { r.row(at: $0) } } == kept)
    #expect(kept.allSatisfy { some.selects(row: $0) })
    #expect(some.position(ofRow: kept[3]) == 3)
  }

  @Test func aMemberKeepsItsKeyAndEndingApart() {
    let keys: [Int32] = [-1, 0, 1, 65_535, 1 << 20, (1 << 28) - 2]
    let endings: [Int32] = (0...7).flatMap { [$0, $0 | 256] }
    for key in keys {
      for ending in endings {
        var member = ChainMember(
          x: 7, key: key, day: -3, row: 11, answerDay: ActionTable.noDate, answerRow: -1,
          ending: ending)
        #expect(member.key == key && member.ending == ending)
        #expect(member.x == 7 && member.day == -3 && member.row == 11 && member.answerRow == -1)
        // Setting one leaves the other.
        member.key = key == -1 ? 5 : -1
        #expect(member.ending == ending)
        member.ending = ending ^ 256
        #expect(member.key == (key == -1 ? 5 : -1))
      }
    }
    #expect(MemoryLayout<ChainMember>.stride == 24)
  }

  @Test func givingBackSpareCapacityKeepsTheRows() {
    // Large enough to span many pages past the rows kept, written all through first.
    let capacity = 1 << 20
    let used = 1_000
    var column = [Int64](unsafeUninitializedCapacity: capacity) { buffer, count in
      for i in 0..<capacity { buffer[i] = Int64(i) &* 2_654_435_761 }
      releaseUnusedPages(of: buffer, after: used)
      count = used
    }
    #expect(column.indices.allSatisfy { column[$0] == Int64($0) &* 2_654_435_761 })
    // The capacity is still the array's: it grows into the pages given back.
    column.append(contentsOf: (0..<Int64(5_000)).map { -$0 })
    #expect(column.count == used + 5_000)
    #expect(column[used + 4_999] == -4_999 && column[used - 1] == Int64(used - 1) &* 2_654_435_761)
    // Nothing to give back, or nothing kept: no change.
    var small = [Int32](repeating: 1, count: 10)
    small.withUnsafeMutableBufferPointer { releaseUnusedPages(of: $0, after: 10) }
    #expect(small == [Int32](repeating: 1, count: 10))
  }
}
