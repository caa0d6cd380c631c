import Foundation
import Testing

@testable import DiploGraph

/// The parallel stages' helpers: every input once, results in order, and a stage inside
/// another still gets threads of its own.
@Suite struct WorkerTests {
  /// The workers that ran, by the thread they ran on.
  final class Threads: @unchecked Sendable {
    // Unchecked: `seen` is read and written under `lock` only.
    private let lock = NSLock()
    private var seen: Set<UInt> = []

    func note() {
      let id = UInt(bitPattern: Int(bitPattern: pthread_self()))
      lock.lock()
      seen.insert(id)
      lock.unlock()
    }

    var count: Int {
      lock.lock()
      defer { lock.unlock() }
      return seen.count
    }
  }

  @Test(arguments: [1, 2, 3, 8, 16])
  func everyInputIsMappedOnceInOrder(threads: Int) {
    let inputs = Array(0..<1_000)
    let calls = ParallelSlots<Int>(count: inputs.count)
    let results = concurrentMap(inputs, threads: threads) { i in
      calls[i] = (calls[i] ?? 0) + 1
      return i * i
    }
    #expect(results == inputs.map { $0 * $0 })
    #expect((0..<inputs.count).allSatisfy { calls[$0] == 1 })
  }

  /// The pieces reach the consumer in order, each once, on the calling thread, and none is made
  /// more than the window ahead of the next to consume.
  @Test(arguments: [1, 2, 3, 8, 16])
  func orderedPiecesAreConsumedInOrderWithinTheWindow(threads: Int) {
    final class Progress: @unchecked Sendable {
      // Unchecked: read and written under `lock` only.
      let lock = NSLock()
      var consumed = 0
      var aheadOfWindow: [Int] = []
    }
    let (count, window) = (500, 3)
    let progress = Progress()
    let caller = pthread_self()
    var order: [Int] = []
    var onCaller = true
    orderedPieces(count: count, threads: threads, window: window) { piece in
      progress.lock.lock()
      if piece >= progress.consumed + window { progress.aheadOfWindow.append(piece) }
      progress.lock.unlock()
      // Uneven work, so that pieces finish out of order.
      if piece % 7 == 0 { usleep(200) }
      return piece * 3
    } consume: { value in
      order.append(value)
      onCaller = onCaller && pthread_equal(pthread_self(), caller) != 0
      progress.lock.lock()
      progress.consumed += 1
      progress.lock.unlock()
    }
    #expect(order == (0..<count).map { $0 * 3 })
    #expect(onCaller)
    #expect(progress.aheadOfWindow.isEmpty)
  }

  /// The indices found in ranges are those a plain filter finds, in order, whatever the
  /// threads and however small the parts.
  @Test(arguments: [1, 2, 3, 8, 16])
  func concurrentIndicesAreThoseOfAFilter(threads: Int) {
    for count in [0, 1, 7, 1_000, 4_099] {
      let matches: @Sendable (Int) -> Bool = { $0 % 13 == 5 || $0 == count - 1 }
      let expected = (0..<count).filter(matches).map(Int32.init)
      for minimumPart in [1, 3, 64, 1 << 16] {
        #expect(
          concurrentIndices(
            count: count, threads: threads, minimumPart: minimumPart, where: matches) == expected,
          "\(count) indices, parts of at least \(minimumPart)")
      }
    }
  }

  /// Parts joined on threads are the parts joined in order; a search in ranges finds what a
  /// plain search finds, the match first, last or nowhere.
  @Test(arguments: [1, 2, 3, 8, 16])
  func joinedAndContainsAgreeWithTheSequentialOnes(threads: Int) {
    let parts: [[Int32]] = [[], [1, 2, 3], [], [4], Array(5..<1_000), []]
    #expect(concurrentJoined(parts, threads: threads) == Array(parts.joined()))
    #expect(concurrentJoined([[7, 8]], threads: threads) == [7, 8])
    #expect(concurrentJoined([[Int64]](), threads: threads).isEmpty)
    let values = Array(0..<5_000)
    for target in [-1, 0, 2_499, 4_999] {
      for minimumPart in [1, 100, 1 << 18] {
        #expect(
          concurrentContains(values, threads: threads, minimumPart: minimumPart) {
            $0 == target
          } == (target >= 0), "\(target), parts of at least \(minimumPart)")
      }
    }
  }

  @Test func runWorkersRunsEachWorkerOnce() {
    for count in [0, 1, 2, 5] {
      let ran = ParallelSlots<Int>(count: max(count, 1))
      runWorkers(count) { ran[$0] = $0 }
      #expect((0..<count).allSatisfy { ran[$0] == $0 }, "\(count) workers")
    }
  }

  /// The calling thread's id.
  static func threadID() -> UInt64 {
    #if canImport(Darwin)
      var id: UInt64 = 0
      pthread_threadid_np(nil, &id)
      return id
    #else
      return UInt64(pthread_self())
    #endif
  }

  /// A detached thread runs its body on another thread while the caller goes on, and the
  /// reference tables prepared so are the ones every caller reads.
  @Test func aDetachedBodyRunsOnAThreadOfItsOwn() {
    let done = DispatchSemaphore(value: 0)
    let ranOn = ParallelSlots<UInt64>(count: 1)
    #expect(
      startDetached {
        ranOn[0] = Self.threadID()
        done.signal()
      })
    #expect(done.wait(timeout: .now() + 10) == .success)
    #expect(ranOn[0] != Self.threadID())
    ReferenceData.prepareInBackground()
    #expect(ReferenceData.standard.actor(ActorID("RUS"))?.name == "Russia")
  }

  /// A stage nested in another (the responses' parts inside the statistics sections) is not
  /// left one thread: each outer input's inner stage runs on two threads.
  @Test(.enabled(if: Parallelism.cores >= 2))
  func aNestedStageGetsThreadsOfItsOwn() {
    let inner = concurrentMap([0, 1], threads: 2) { _ in
      let threads = Threads()
      let started = TicketCounter()
      _ = concurrentMap([0, 1], threads: 2) { _ in
        threads.note()
        _ = started.take()
        // Each inner input waits (up to 10 s) until both have started: only two threads at
        // once get there.
        let deadline = Date().addingTimeInterval(10)
        while started.peek() < 2 && Date() < deadline { usleep(1_000) }
      }
      return threads.count
    }
    #expect(inner == [2, 2])
  }
}
