import DiploGraph
import Foundation

/// Deterministic synthetic event data in the CSV format of DESIGN.md: the shape of a
/// GDELT/ICEWS-style export filtered to expulsions, at any size. The benchmark
/// (`diplograph-bench`) and the differential tests use it.
///
/// It follows `../shared/bench/gen_actions.py`, the peer benchmark's generator, in every
/// property that matters to the analyses (the random streams differ, so the files do):
///
/// - `actors.csv` (`id,name,kind,blocs`): K actors `A0001`, `A0002`, … (at least four digits),
///   a made-up name, `organisation` with probability 0.15 (else `state`), and 0, 1 or 2 blocs
///   (probabilities ¼, ½, ¼) out of `B1`…`B6`, so blocs overlap.
/// - `actions.csv` (`actor,target,kind,count,date,source`): N rows. Actors are drawn with a
///   Zipf-like activity (weight 1/(r+1)^0.8 for rank r, ranks shuffled), never acting on
///   themselves. Each `expulsion` has a count 1…60, skewed small (1 + ⌊Exp(mean 4.5)⌋, capped);
///   60% of them are answered, within the next max(2, min(200, N/50)) rows, by a `retaliation`
///   in the reverse direction with a count uniform in 1…(the expulsion's count); answers that
///   would fall after row N are dropped. Dates run from 1990-01-01, non-decreasing, over
///   min(N, 36·365) days; `source` is `S1`…`S40`.
public struct SyntheticEvents: Sendable {
  public var actions: Int
  public var actors: Int
  public var seed: UInt64

  public static let blocCount = 6
  public static let sourceCount = 40
  public static let retaliationProbability = 0.6

  /// - Precondition: `actions` ≥ 0 and `actors` ≥ 2.
  public init(actions: Int, actors: Int, seed: UInt64 = 42) {
    precondition(actions >= 0 && actors >= 2, "need at least two actors")
    self.actions = actions
    self.actors = actors
    self.seed = seed
  }

  /// The actor ids, `A0001`…
  public var actorIDs: [String] {
    let width = max(4, String(actors).count)
    return (1...actors).map { i in
      let digits = String(i)
      return "A" + String(repeating: "0", count: width - digits.count) + digits
    }
  }

  /// The text of `actors.csv`.
  public func actorsCSV() -> [UInt8] {
    var rng = SplitMix64(seed: seed ^ 0xA5A5_A5A5)
    let syllables = [
      "ka", "lo", "mar", "te", "vin", "sa", "ru", "do", "bel", "gor", "an", "is", "tu", "ven",
      "ra", "mo", "li", "zan", "pe", "or",
    ]
    var text = "id,name,kind,blocs\n"
    for id in actorIDs {
      let organisation = Double.random(in: 0..<1, using: &rng) < 0.15
      var name = (0..<Int.random(in: 2...3, using: &rng)).map { _ in
        syllables.randomElement(using: &rng)!
      }.joined()
      name = name.prefix(1).uppercased() + name.dropFirst()
      if organisation {
        name += " " + ["Union", "League", "Council", "Pact", "Forum"].randomElement(using: &rng)!
      } else {
        name += ["ia", "land", "stan", "a", " Republic", ""].randomElement(using: &rng)!
      }
      let u = Double.random(in: 0..<1, using: &rng)
      let blocCount = u < 0.25 ? 0 : (u < 0.75 ? 1 : 2)
      var blocs = Array(1...Self.blocCount)
      blocs.shuffle(using: &rng)
      let chosen = blocs.prefix(blocCount).sorted().map { "B\($0)" }.joined(separator: ";")
      text += "\(id),\(name),\(organisation ? "organisation" : "state"),\(chosen)\n"
    }
    return Array(text.utf8)
  }

  /// The text of `actions.csv`, whole (for tests; the benchmark streams it with
  /// ``writeActions(chunkBytes:_:)``).
  public func actionsCSV() -> [UInt8] {
    var all: [UInt8] = []
    writeActions { all.append(contentsOf: $0) }
    return all
  }

  /// Generates `actions.csv`, handing it over in chunks of about `chunkBytes` bytes.
  ///
  /// - Complexity: O(N log K) time, O(K + chunkBytes + pending answers) memory.
  public func writeActions(
    chunkBytes: Int = 1 << 20, _ write: (ArraySlice<UInt8>) throws -> Void
  ) rethrows {
    var rng = SplitMix64(seed: seed)
    let ids = actorIDs.map { Array($0.utf8) }
    // Zipf-like activity, ranks shuffled so that activity is not tied to id order.
    var activity = (0..<actors).map { 1.0 / pow(Double($0 + 1), 0.8) }
    activity.shuffle(using: &rng)
    var cumulative: [Double] = []
    var sum = 0.0
    for a in activity {
      sum += a
      cumulative.append(sum)
    }
    func pick(_ rng: inout SplitMix64) -> Int {
      let x = Double.random(in: 0..<1, using: &rng) * sum
      var lo = 0
      var hi = cumulative.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if cumulative[mid] <= x { lo = mid + 1 } else { hi = mid }
      }
      return min(lo, actors - 1)
    }
    let span = max(1, min(actions, 36 * 365))
    let maxDelay = min(200, max(2, actions / 50))
    let dates = (0..<span).map {
      Array(Day(daysSinceEpoch: Self.firstDay + Int32($0)).description.utf8)
    }
    let kinds = (Array("expulsion".utf8), Array("retaliation".utf8))
    let sources = (1...Self.sourceCount).map { Array("S\($0)".utf8) }

    var pending = AnswerQueue()
    var sequence: UInt64 = 0
    var out: [UInt8] = []
    out.reserveCapacity(chunkBytes + 256)
    out.append(contentsOf: "actor,target,kind,count,date,source\n".utf8)
    func number(_ n: Int, into out: inout [UInt8]) {
      if n >= 10 { number(n / 10, into: &out) }
      out.append(UInt8(ascii: "0") + UInt8(n % 10))
    }
    for row in 0..<actions {
      let day = dates[Int((Int64(row) * Int64(span)) / Int64(actions))]
      let source = sources[Int.random(in: 0..<Self.sourceCount, using: &rng)]
      let actor: Int
      let target: Int
      let count: Int
      let kind: [UInt8]
      if let due = pending.first, due.row <= row {
        pending.removeFirst()
        (actor, target, count, kind) = (due.actor, due.target, due.count, kinds.1)
      } else {
        actor = pick(&rng)
        var t = pick(&rng)
        while t == actor { t = pick(&rng) }
        target = t
        // 1 + ⌊Exp(mean 4.5)⌋, at most 60.
        let u = Double.random(in: 0..<1, using: &rng)
        count = min(60, 1 + Int(-4.5 * log1p(-u)))
        kind = kinds.0
        if Double.random(in: 0..<1, using: &rng) < Self.retaliationProbability {
          sequence += 1
          pending.insert(
            PendingAnswer(
              row: row + Int.random(in: 1...maxDelay, using: &rng), sequence: sequence,
              actor: target, target: actor, count: Int.random(in: 1...count, using: &rng)))
        }
      }
      out.append(contentsOf: ids[actor])
      out.append(UInt8(ascii: ","))
      out.append(contentsOf: ids[target])
      out.append(UInt8(ascii: ","))
      out.append(contentsOf: kind)
      out.append(UInt8(ascii: ","))
      number(count, into: &out)
      out.append(UInt8(ascii: ","))
      out.append(contentsOf: day)
      out.append(UInt8(ascii: ","))
      out.append(contentsOf: source)
      out.append(UInt8(ascii: "\n"))
      if out.count >= chunkBytes {
        try write(out[...])
        out.removeAll(keepingCapacity: true)
      }
    }
    if !out.isEmpty { try write(out[...]) }
  }

  /// 1990-01-01.
  public static let firstDay = Day(year: 1990, month: 1, day: 1)!.daysSinceEpoch
}

/// An answer waiting for its row.
struct PendingAnswer {
  var row: Int
  var sequence: UInt64
  var actor: Int
  var target: Int
  var count: Int

  func precedes(_ other: PendingAnswer) -> Bool {
    (row, sequence) < (other.row, other.sequence)
  }
}

/// A binary min-heap of pending answers, by (row, sequence).
struct AnswerQueue {
  private var heap: [PendingAnswer] = []

  var first: PendingAnswer? { heap.first }

  mutating func insert(_ x: PendingAnswer) {
    heap.append(x)
    var i = heap.count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      guard heap[i].precedes(heap[parent]) else { break }
      heap.swapAt(i, parent)
      i = parent
    }
  }

  mutating func removeFirst() {
    let last = heap.removeLast()
    guard !heap.isEmpty else { return }
    heap[0] = last
    var i = 0
    while true {
      let l = 2 * i + 1
      let r = l + 1
      var smallest = i
      if l < heap.count && heap[l].precedes(heap[smallest]) { smallest = l }
      if r < heap.count && heap[r].precedes(heap[smallest]) { smallest = r }
      if smallest == i { break }
      heap.swapAt(i, smallest)
      i = smallest
    }
  }
}
