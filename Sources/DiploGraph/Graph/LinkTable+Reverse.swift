/// The reverse-link index: for every link i→j, where its reverse j→i is.

extension LinkTable {
  /// For each link `k` (i→j), the index of the link j→i, or −1 when there is none.
  ///
  /// Reciprocity, strengths and dyads all need it; computing it once makes each of them a
  /// single pass over the links.
  ///
  /// - Complexity: O(L + K) time and memory for L links among K nodes: a stable counting sort
  ///   of the links by target, then one merge per node of its out-links (sorted by target) with
  ///   its in-links (sorted by source).
  public func reverseLinks() -> [Int32] {
    reverseLinkIndex(from: from, to: to, nodeCount: outStart.count - 1)
  }
}

/// The reverse-link index of links sorted by (from, to), each pair at most once, no self-loops.
func reverseLinkIndex(from: [Int32], to: [Int32], nodeCount k: Int) -> [Int32] {
  let l = from.count
  var reverse = [Int32](repeating: -1, count: l)
  guard l > 0, k > 0 else { return reverse }
  assert(isSortedPairs(from: from, to: to), "links must be sorted by (from, to) without repeats")
  var outStart = [Int](repeating: 0, count: k + 1)
  var inStart = [Int](repeating: 0, count: k + 1)
  for e in 0..<l {
    outStart[Int(from[e]) + 1] += 1
    inStart[Int(to[e]) + 1] += 1
  }
  for v in 0..<k {
    outStart[v + 1] += outStart[v]
    inStart[v + 1] += inStart[v]
  }
  // Links ordered by (to, from): stable counting sort of the (from, to)-ordered links by `to`.
  var fill = inStart
  var inOrder = [Int32](repeating: 0, count: l)
  for e in 0..<l {
    let t = Int(to[e])
    inOrder[fill[t]] = Int32(e)
    fill[t] += 1
  }
  for v in 0..<k {
    var a = outStart[v]
    var b = inStart[v]
    let aEnd = outStart[v + 1]
    let bEnd = inStart[v + 1]
    while a < aEnd && b < bEnd {
      let target = to[a]
      let origin = from[Int(inOrder[b])]
      if target < origin {
        a += 1
      } else if target > origin {
        b += 1
      } else {
        reverse[a] = inOrder[b]
        a += 1
        b += 1
      }
    }
  }
  return reverse
}

/// Whether (from[k], to[k]) strictly ascend: the LinkTable order.
func isSortedPairs(from: [Int32], to: [Int32]) -> Bool {
  for k in from.indices.dropFirst() {
    let before = (from[k - 1], to[k - 1])
    if !(before.0 < from[k] || (before.0 == from[k] && before.1 < to[k])) { return false }
  }
  return true
}
