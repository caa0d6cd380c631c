/// Sorts without comparisons for the analytics' bulk orderings.

/// The indices `0..<count` in the order of their days, undated (`ActionTable.noDate`) last,
/// equal days in index order (a stable sort).
///
/// - Complexity: O(count + D) with a counting sort when the D days spanned are not many more
///   than the indices (the common case: dates run over years, rows over millions), else
///   O(count log count).
func orderedByDay(count: Int, day: (Int) -> Int32) -> [Int32] {
  var low = Int32.max
  var high = Int32.min
  for i in 0..<count {
    let d = day(i)
    if d == ActionTable.noDate { continue }
    low = min(low, d)
    high = max(high, d)
  }
  guard low <= high else { return Array(0..<Int32(count)) }
  let span = Int(high) - Int(low) + 1
  if span <= max(1 << 16, 4 * count) {
    // Bucket `span` holds the undated.
    var start = [Int32](repeating: 0, count: span + 2)
    for i in 0..<count {
      let d = day(i)
      start[(d == ActionTable.noDate ? span : Int(d) - Int(low)) + 1] += 1
    }
    for b in 0...span { start[b + 1] += start[b] }
    var order = [Int32](repeating: 0, count: count)
    for i in 0..<count {
      let d = day(i)
      let b = d == ActionTable.noDate ? span : Int(d) - Int(low)
      order[Int(start[b])] = Int32(i)
      start[b] += 1
    }
    return order
  }
  var keyed = (0..<count).map { i -> UInt64 in
    let d = day(i)
    let k: UInt64 =
      d == ActionTable.noDate ? 0xFFFF_FFFF : UInt64(UInt32(bitPattern: d) ^ 0x8000_0000)
    return k << 32 | UInt64(i)
  }
  keyed.sort()
  return keyed.map { Int32(truncatingIfNeeded: $0) }
}

/// The permutation that sorts `keys` ascending (equal keys keep their order): an LSD radix
/// sort on 16-bit digits, skipping the digits every key shares.
///
/// - Complexity: O(d · (n + 65,536)) for n keys and d ≤ 4 digits that differ.
func radixOrder(_ keys: [UInt64]) -> [Int32] {
  let n = keys.count
  var order = Array(0..<Int32(n))
  guard n > 1 else { return order }
  var spread: UInt64 = 0
  let first = keys[0]
  for key in keys { spread |= key ^ first }
  var scratch = [Int32](repeating: 0, count: n)
  var counts = [Int](repeating: 0, count: 1 << 16)
  for shift in stride(from: 0, to: 64, by: 16) where (spread >> UInt64(shift)) & 0xFFFF != 0 {
    for b in counts.indices { counts[b] = 0 }
    for key in keys { counts[Int((key >> UInt64(shift)) & 0xFFFF)] += 1 }
    var sum = 0
    for b in counts.indices {
      let c = counts[b]
      counts[b] = sum
      sum += c
    }
    for index in order {
      let digit = Int((keys[Int(index)] >> UInt64(shift)) & 0xFFFF)
      scratch[counts[digit]] = index
      counts[digit] += 1
    }
    swap(&order, &scratch)
  }
  return order
}
