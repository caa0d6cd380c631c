import Dispatch

/// Running Monte Carlo samples on every core, with results that do not depend on how many.

/// `body(s)` for every sample s in 0..<count, on up to `threads` threads, in index order.
///
/// The samples are cut into `threads` contiguous blocks, one per task; each result lands in
/// its sample's place, so the array is the same whatever the scheduling.
func parallelSamples<T>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
  guard count > 0 else { return [] }
  let parts = max(1, min(count, threads))
  if parts == 1 { return (0..<count).map(body) }
  let blocks = concurrentMap(Array(0..<parts)) { part in
    ((part * count / parts)..<((part + 1) * count / parts)).map(body)
  }
  return blocks.flatMap { $0 }
}

/// The mean and the sample standard deviation (divisor n − 1; 0 when n < 2) of `values`,
/// summed in order.
func meanAndDeviation(_ values: [Double]) -> (mean: Double, deviation: Double) {
  guard !values.isEmpty else { return (0, 0) }
  let mean = values.reduce(0, +) / Double(values.count)
  guard values.count >= 2 else { return (mean, 0) }
  let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
  return (mean, (squares / Double(values.count - 1)).squareRoot())
}
