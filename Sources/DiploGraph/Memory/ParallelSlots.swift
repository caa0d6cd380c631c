/// One result slot per part of a parallel computation, written by that part only and read
/// once every part has finished: how the parts hand their results back.
///
/// Owns its memory: the slots are deinitialized and freed with the object.
final class ParallelSlots<Value>: @unchecked Sendable {
  // Unchecked: part i touches slot i alone, and the slots are read after the parts join.
  private let base: UnsafeMutablePointer<Value?>
  let count: Int

  init(count: Int) {
    self.count = count
    base = .allocate(capacity: count)
    base.initialize(repeating: nil, count: count)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  /// Slot `i`: set by part `i` only; read once every part has finished.
  subscript(i: Int) -> Value? {
    get { base[i] }
    set { base[i] = newValue }
  }
}

/// `body` of each input, run at once on the cores; the results in the order of the inputs.
///
/// Each run of `body` reads its own input alone, so the inputs need not be `Sendable` (the
/// regions of memory the CSV reader's parts write to are not); what `body` captures must be.
func concurrentMap<Input, Value>(_ inputs: [Input], _ body: @Sendable (Input) -> Value)
  -> [Value]
{
  concurrentMap(inputs, threads: inputs.count, body)
}
