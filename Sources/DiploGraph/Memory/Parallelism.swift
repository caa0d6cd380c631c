import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How many threads the parallel stages use: the reader's parts, the aggregation's node
/// ranges, the statistics sections run at once and the null models' samples.
///
/// Every stage gives the same result whatever the number (the parts are merged in a fixed
/// order); only the time depends on it. The library has no global setting: each stage takes
/// its number from its options (``CSVFormat/ReadOptions/parallelism``,
/// ``DataSetFile/Limits/threads``, ``Network/init(_:selection:threads:)``,
/// ``AnalysisOptions/threads``, ``SignificanceOptions/threads``), `nil` meaning ``cores``.
public enum Parallelism {
  /// The cores online (at least 1).
  public static let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

  /// The most threads a stage may be asked for: 1,024.
  public static let maxThreads = 1024

  /// `threads`, or ``cores`` when `nil`.
  ///
  /// - Throws: ``DiploGraphError`` with code `limit` when `threads` is outside
  ///   1…``maxThreads``.
  public static func threads(_ threads: Int?) throws -> Int {
    guard let threads else { return cores }
    guard (1...maxThreads).contains(threads) else {
      throw DiploGraphError(
        .limit, "expected a number of threads from 1 to \(maxThreads), found \(threads)")
    }
    return threads
  }
}

/// `body` of each input on at most `threads` threads at once; the results in the order of the
/// inputs.
///
/// Each of the workers takes the next input not yet taken until none is left, so a long input
/// does not hold up the others queued behind it (put the longest first). No more than
/// `threads` run at once, nor more than the cores: more threads than cores would only take
/// turns. A stage called from inside another (the responses' parts inside the statistics
/// sections) starts threads of its own (``runWorkers(_:_:)``). With one thread, the inputs
/// run in order on the calling thread.
package func concurrentMap<Input, Value>(
  _ inputs: [Input], threads: Int, _ body: @Sendable (Input) -> Value
) -> [Value] {
  let workers = max(1, min(threads, inputs.count, Parallelism.cores))
  if workers == 1 { return inputs.map(body) }
  // Unchecked: run i reads inputs[i] only, and the array outlives the runs.
  nonisolated(unsafe) let inputs = inputs
  let slots = ParallelSlots<Value>(count: inputs.count)
  let next = TicketCounter()
  runWorkers(workers) { _ in
    while true {
      let i = next.take()
      guard i < inputs.count else { return }
      slots[i] = body(inputs[i])
    }
  }
  return (0..<inputs.count).map { slots[$0]! }
}

/// Calls `body` with consecutive ranges that cover 0..<count, on up to `threads` threads at
/// once: four ranges per thread, so that a slow range does not hold the others up, none
/// shorter than `minimumPart` (tests lower it); one range on the calling thread when
/// `threads` is 1 or `count` is small.
func forEachPart(
  of count: Int, threads: Int, minimumPart: Int = 4096, _ body: @Sendable (Range<Int>) -> Void
) {
  let ranges = partRanges(of: count, threads: threads, minimumPart: minimumPart)
  if ranges.count == 1 {
    body(ranges[0])
    return
  }
  _ = concurrentMap(ranges, threads: threads, body)
}

/// Consecutive ranges that cover 0..<count: `perThread` per thread, none shorter than
/// `minimumPart`; one when `threads` is 1 or `count` is small.
func partRanges(of count: Int, threads: Int, minimumPart: Int = 4096, perThread: Int = 4)
  -> [Range<Int>]
{
  let parts = threads <= 1 ? 1 : min(perThread * threads, count / max(1, minimumPart))
  if parts <= 1 { return [0..<count] }
  return (0..<parts).map { i in (count * i / parts)..<(count * (i + 1) / parts) }
}

/// Hands out 0, 1, 2, … to the threads that ask, each number once.
final class TicketCounter: @unchecked Sendable {
  // Unchecked: `value` is read and written under `lock` only.
  private let lock = NSLock()
  private var value = 0

  /// How many numbers were handed out.
  func peek() -> Int {
    lock.lock()
    defer { lock.unlock() }
    return value
  }

  /// The next number.
  func take() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value - 1
  }
}

/// Makes pieces 0, 1, … `count − 1` on at most `threads` threads and hands each to `consume`,
/// in order, on the calling thread, as soon as it and every piece before it are made.
///
/// The calling thread consumes a piece whenever the next one is ready and makes pieces itself
/// otherwise, so no thread waits on a barrier between batches: the pieces in the making and
/// the one being consumed overlap. No piece is made more than `window` pieces ahead of the
/// next to consume, which bounds the memory of the pieces waiting to `window`. With one
/// thread, each piece is made and consumed in turn.
package func orderedPieces<Value>(
  count: Int, threads: Int, window: Int, make: @Sendable (Int) -> Value,
  consume: (Value) -> Void
) {
  let workers = max(1, min(threads, count, Parallelism.cores))
  if workers == 1 {
    for piece in 0..<count { consume(make(piece)) }
    return
  }
  let pipeline = OrderedPipeline<Value>(count: count, window: max(1, window))
  // Unchecked: `consume` runs on the calling thread only (worker 0 of `runWorkers`).
  nonisolated(unsafe) let consume = consume
  runWorkers(workers) { worker in
    if worker == 0 {
      pipeline.consumeInOrder(make: make, consume: consume)
    } else {
      pipeline.makeUntilDone(make: make)
    }
  }
}

/// The shared state of ``orderedPieces(count:threads:window:make:consume:)``: the pieces made
/// and not yet consumed, the next piece to hand out and the next to consume, under one
/// condition's lock.
private final class OrderedPipeline<Value>: @unchecked Sendable {
  // Unchecked: every property but `count` and `window` is read and written under `condition`.
  private let condition = NSCondition()
  private var made: [Value?]
  private var nextToMake = 0
  private var nextToConsume = 0
  private let count: Int
  private let window: Int

  init(count: Int, window: Int) {
    self.count = count
    self.window = window
    made = Array(repeating: nil, count: count)
  }

  /// The next piece to make, if one may be made now (under the lock).
  private func takePiece() -> Int? {
    guard nextToMake < count && nextToMake < nextToConsume + window else { return nil }
    nextToMake += 1
    return nextToMake - 1
  }

  /// A helper thread: makes pieces until none is left to hand out, waiting while the window is
  /// full.
  func makeUntilDone(make: (Int) -> Value) {
    condition.lock()
    defer { condition.unlock() }
    while nextToMake < count {
      guard let piece = takePiece() else {
        condition.wait()
        continue
      }
      condition.unlock()
      let value = make(piece)
      condition.lock()
      made[piece] = value
      condition.broadcast()
    }
  }

  /// The calling thread: consumes the pieces in order, making pieces itself while the next to
  /// consume is not ready.
  func consumeInOrder(make: (Int) -> Value, consume: (Value) -> Void) {
    condition.lock()
    defer { condition.unlock() }
    while nextToConsume < count {
      if let value = made[nextToConsume] {
        made[nextToConsume] = nil
        condition.unlock()
        consume(value)
        condition.lock()
        nextToConsume += 1
        // The window moved: a helper waiting for it may go on.
        condition.broadcast()
      } else if let piece = takePiece() {
        condition.unlock()
        let value = make(piece)
        condition.lock()
        made[piece] = value
      } else {
        condition.wait()
      }
    }
  }
}

/// The indices in `0..<count` where `matches` holds, in order, found in ranges on up to
/// `threads` threads (none smaller than `minimumPart`): for scans where few indices match,
/// such as the rows that get a diagnostic. Four bytes an index found.
///
/// - Precondition: `count` ≤ `Int32.max`.
package func concurrentIndices(
  count: Int, threads: Int, minimumPart: Int = 1 << 16, where matches: @Sendable (Int) -> Bool
) -> [Int32] {
  precondition(count <= Int(Int32.max), "\(count) indices do not fit in 32 bits")
  let parts = partRanges(of: count, threads: threads, minimumPart: minimumPart)
  let found = concurrentMap(parts, threads: threads) { range in
    var indices: [Int32] = []
    for i in range where matches(i) { indices.append(Int32(i)) }
    return indices
  }
  return found.count == 1 ? found[0] : Array(found.joined())
}

/// The parts one after the other, each copied into place on one of up to `threads` threads.
package func concurrentJoined<Element: BitwiseCopyable>(_ parts: [[Element]], threads: Int)
  -> [Element]
{
  if parts.count == 1 { return parts[0] }
  var starts = [0]
  for part in parts { starts.append(starts[starts.count - 1] + part.count) }
  let total = starts[starts.count - 1]
  return [Element](unsafeUninitializedCapacity: total) { buffer, initialized in
    // Unchecked: part p reads `parts[p]` and writes `buffer[starts[p]..<starts[p + 1]]` only.
    nonisolated(unsafe) let (base, parts) = (buffer.baseAddress, parts)
    let starts = starts
    _ = concurrentMap(Array(parts.indices), threads: threads) { p in
      parts[p].withUnsafeBufferPointer { part in
        if let from = part.baseAddress, let base {
          (base + starts[p]).initialize(from: from, count: part.count)
        }
      }
    }
    initialized = total
  }
}

/// Whether `matches` holds for some element of `elements`, searched in ranges on up to
/// `threads` threads (none smaller than `minimumPart`).
package func concurrentContains<Element>(
  _ elements: [Element], threads: Int, minimumPart: Int = 1 << 18,
  where matches: @Sendable (Element) -> Bool
) -> Bool {
  let parts = partRanges(of: elements.count, threads: threads, minimumPart: minimumPart)
  if parts.count == 1 { return elements.contains(where: matches) }
  // Unchecked: the parts only read the array.
  nonisolated(unsafe) let elements = elements
  return concurrentMap(parts, threads: threads) { elements[$0].contains(where: matches) }
    .contains(true)
}
