#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs `body(0)`, `body(1)`, … `body(count − 1)` at once, `body(0)` on the calling thread and
/// each other on a thread of its own, and returns when all have returned.
///
/// Why not `DispatchQueue.concurrentPerform`: Dispatch divides the cores among nested calls,
/// so a parallel stage inside one of the statistics sections (run at once themselves) got one
/// thread, and kept it after the other sections had finished and their cores were idle. Threads
/// of their own let the operating system share the cores among all the work there is; a
/// thread costs tens of microseconds to start, nothing beside the stages it runs.
///
/// When a thread cannot be started, its `body` runs on the calling thread after `body(0)`: the
/// callers hand out their work through a ``TicketCounter``, so the work is done either way.
func runWorkers(_ count: Int, _ body: @Sendable (Int) -> Void) {
  guard count > 1 else {
    if count == 1 { body(0) }
    return
  }
  withoutActuallyEscaping(body) { body in
    var started: [pthread_t] = []
    var notStarted: [Int] = []
    for worker in 1..<count {
      let start = Unmanaged.passRetained(WorkerStart(body: body, worker: worker)).toOpaque()
      if let thread = startThread(start) {
        started.append(thread)
      } else {
        Unmanaged<WorkerStart>.fromOpaque(start).release()
        notStarted.append(worker)
      }
    }
    body(0)
    for worker in notStarted { body(worker) }
    for thread in started { pthread_join(thread, nil) }
  }
}

/// Starts `body` on a thread that nobody joins (the process may end before it does); returns
/// whether one could be started. For work done ahead of need, such as a table built while the
/// calling thread parses its arguments: the caller that needs the result first waits for it
/// (a `static let`'s initialisation runs once), so nothing is lost when no thread starts.
@discardableResult
package func startDetached(_ body: @escaping @Sendable () -> Void) -> Bool {
  let start = Unmanaged.passRetained(WorkerStart(body: { _ in body() }, worker: 0)).toOpaque()
  guard let thread = startThread(start) else {
    Unmanaged<WorkerStart>.fromOpaque(start).release()
    return false
  }
  pthread_detach(thread)
  return true
}

/// What a worker thread runs: retained by its starter, released by the thread.
private final class WorkerStart: @unchecked Sendable {
  // Unchecked: set before the thread starts and only read by it.
  let body: @Sendable (Int) -> Void
  let worker: Int

  init(body: @escaping @Sendable (Int) -> Void, worker: Int) {
    self.body = body
    self.worker = worker
  }
}

/// The stack of a worker thread: 8 MB, the main thread's on Linux (the sorts and the readers
/// keep little on the stack; this is a bound, not what is used).
private let workerStackBytes = 8 << 20

/// A joinable thread running `start` (a retained ``WorkerStart``); `nil` when none could be
/// made.
private func startThread(_ start: UnsafeMutableRawPointer) -> pthread_t? {
  var attributes = pthread_attr_t()
  pthread_attr_init(&attributes)
  defer { pthread_attr_destroy(&attributes) }
  pthread_attr_setstacksize(&attributes, workerStackBytes)
  #if canImport(Darwin)
    var thread: pthread_t?
    let made = pthread_create(&thread, &attributes, runWorker, start)
    return made == 0 ? thread : nil
  #else
    var thread = pthread_t()
    let made = pthread_create(&thread, &attributes, runWorker, start)
    return made == 0 ? thread : nil
  #endif
}

#if canImport(Darwin)
  private func runWorker(_ start: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
    let start = Unmanaged<WorkerStart>.fromOpaque(start).takeRetainedValue()
    start.body(start.worker)
    return nil
  }
#else
  private func runWorker(_ start: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    let start = Unmanaged<WorkerStart>.fromOpaque(start!).takeRetainedValue()
    start.body(start.worker)
    return nil
  }
#endif
