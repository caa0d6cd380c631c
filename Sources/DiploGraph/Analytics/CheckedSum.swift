/// Overflow-checked sums for the analytics: every total is an `Int64` that either is exact or
/// makes the analysis throw ``DiploGraphError`` with code `overflow`; ratios are computed in
/// `Double` from exact totals.

/// `a + b`, or an `overflow` error naming what was being summed.
@inline(__always)
func checkedAdd(_ a: Int64, _ b: Int64, _ what: @autoclosure () -> String) throws -> Int64 {
  let (sum, overflow) = a.addingReportingOverflow(b)
  if overflow { throw overflowError(what()) }
  return sum
}

/// The error thrown when a sum does not fit in 64 bits.
func overflowError(_ what: String) -> DiploGraphError {
  DiploGraphError(
    .overflow,
    "\(what) exceeds 9,223,372,036,854,775,807 (2⁶³ − 1, the largest sum of counts); expected "
      + "counts whose sums fit")
}

/// `numerator / denominator` in `Double`, or `nil` when the denominator is zero.
@inline(__always)
func fraction(_ numerator: Int64, _ denominator: Int64) -> Double? {
  denominator == 0 ? nil : Double(numerator) / Double(denominator)
}
