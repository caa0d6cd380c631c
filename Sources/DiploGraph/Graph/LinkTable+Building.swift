/// Building the links: the selected actions summed per ordered pair.

extension LinkTable {
  /// Sums the selected rows into links.
  ///
  /// Up to 256 nodes, each ordered pair has a slot in a dense K×K table that stays in the
  /// cache (16 bytes: weight and action count side by side), and the links come out of a scan
  /// of the table in (from, to) order. Up to 65,536 nodes, the rows are first distributed by
  /// acting node (a counting sort of 8-byte (target, count) entries), then each node's targets
  /// are summed in a K-slot table: both passes touch memory in order, where one K×K table of
  /// millions of slots would cost a cache miss per row. With many rows (`parallelFrom`) and
  /// `threads` above 1, the work is split in `threads` parts built at once: up to 256 nodes,
  /// ranges of nodes, each part reading every row and keeping those whose actor is in its
  /// range; beyond, ranges of rows distribute them (each range's entries after those of the
  /// ranges before it), then ranges of nodes sum them. Either way each node range's links are in
  /// (from, to) order, and the ranges joined in order are the links of one part: the same table
  /// whatever `threads` is. Beyond 65,536 nodes (or with counts of 2^47 or more), the (pair,
  /// row) keys are sorted and merged.
  ///
  /// - Throws: ``DiploGraphError`` with code `overflow` when a summed weight exceeds 2^63 − 1.
  /// - Parameters:
  ///   - actions: the selected actions (self-loops are never links).
  ///   - name: the id of a node, for messages.
  ///   - threads: the parts built at once (1 or more).
  ///   - parallelFrom: the fewest selected rows built in parts.
  init(
    _ actions: SelectedActions, nodeCount k: Int, threads: Int = 1, parallelFrom: Int = 1 << 18,
    name: (Int) -> String
  ) throws {
    func overflow(_ i: Int, _ j: Int) -> DiploGraphError {
      overflowError("the summed count of the actions of \(name(i)) on \(name(j))")
    }
    var from: [Int32] = []
    var to: [Int32] = []
    var weight: [Int64] = []
    var counts: [Int32] = []
    let many = actions.positions.count >= parallelFrom
    let bucketed =
      k > 256 && k <= 1 << 16
      && !concurrentContains(actions.countColumn, threads: many ? threads : 1) { $0 >= 1 << 47 }
    if k <= 256 || bucketed {
      let parts = many ? Swift.max(1, Swift.min(threads, k)) : 1
      let built: [DenseLinks]
      if bucketed {
        built = DenseLinks.bucketing(actions, nodeCount: k, threads: parts)
      } else {
        let bounds = partBounds(k, parts: parts)
        built = concurrentMap(Array(0..<parts)) { part in
          DenseLinks(actions, nodeCount: k, nodes: bounds[part]..<bounds[part + 1])
        }
      }
      if let pair = built.lazy.compactMap(\.overflowedPair).first { throw overflow(pair.0, pair.1) }
      from = concurrentJoined(built.map(\.from), threads: parts)
      to = concurrentJoined(built.map(\.to), threads: parts)
      weight = concurrentJoined(built.map(\.weight), threads: parts)
      counts = concurrentJoined(built.map(\.actions), threads: parts)
    } else {
      // Sort (pair key, row) and merge runs.
      var keyed: [(key: Int, count: Int64)] = []
      keyed.reserveCapacity(actions.positions.count)
      actions.forEachAction { keyed.append(($0.actor * k + $0.target, $0.weight)) }
      keyed.sort { $0.key < $1.key }
      var n = 0
      while n < keyed.count {
        let key = keyed[n].key
        var sum: Int64 = 0
        var c: Int32 = 0
        while n < keyed.count && keyed[n].key == key {
          let (s, o) = sum.addingReportingOverflow(keyed[n].count)
          if o { throw overflow(key / k, key % k) }
          sum = s
          c += 1
          n += 1
        }
        from.append(Int32(key / k))
        to.append(Int32(key % k))
        weight.append(sum)
        counts.append(c)
      }
    }
    // The links are in (from, to) order: node i's start is the first link from i or beyond
    // (counting link by link into the node's slot made each count wait for the one before).
    var outStart = [Int32](repeating: 0, count: k + 1)
    var e = 0
    for i in 0...k {
      while e < from.count && Int(from[e]) < i { e += 1 }
      outStart[i] = Int32(e)
    }
    var total: Int64 = 0
    for w in weight {
      let (s, o) = total.addingReportingOverflow(w)
      if o { throw overflowError("the summed count of all the actions") }
      total = s
    }
    self.init(
      from: from, to: to, weight: weight, actionCount: counts, outStart: outStart,
      totalWeight: total)
  }

}

/// The bounds of `parts` contiguous ranges of near equal size that cover 0..<count:
/// range p is `bounds[p]..<bounds[p + 1]`.
func partBounds(_ count: Int, parts: Int) -> [Int] {
  (0...parts).map { $0 * count / parts }
}

/// The links out of a range of nodes, summed in a dense table.
private struct DenseLinks {
  var from: [Int32] = []
  var to: [Int32] = []
  var weight: [Int64] = []
  var actions: [Int32] = []
  /// The (from, to) pair whose summed count overflowed, if one did.
  var overflowedPair: (Int, Int)?

  /// Stops the summing at the pair whose count overflowed.
  private struct Overflow: Error {
    var pair: (Int, Int)
  }

  struct Slot {
    var weight: Int64 = 0
    var actions: Int32 = 0
  }

  /// The links out of `nodes`, summed in a K-slot row per node.
  ///
  /// - Parameter selected: the selected actions (those whose actor is one of `nodes` are read).
  init(_ selected: SelectedActions, nodeCount k: Int, nodes: Range<Int>) {
    guard !nodes.isEmpty else { return }
    var slots = [Slot](repeating: Slot(), count: nodes.count * k)
    let low = nodes.lowerBound
    do {
      try slots.withUnsafeMutableBufferPointer { slots in
        try selected.forEachAction(actingFrom: nodes) { action in
          let s = (action.actor - low) * k + action.target
          let c = action.storedCount
          if c > 0 {
            let (sum, o) = slots[s].weight.addingReportingOverflow(c)
            if o { throw Overflow(pair: (action.actor, action.target)) }
            slots[s].weight = sum
          }
          slots[s].actions &+= 1
        }
      }
    } catch {
      overflowedPair = (error as? Overflow)?.pair
      return
    }
    var links = 0
    for s in slots.indices where slots[s].actions > 0 { links += 1 }
    from.reserveCapacity(links)
    to.reserveCapacity(links)
    weight.reserveCapacity(links)
    actions.reserveCapacity(links)
    for s in slots.indices where slots[s].actions > 0 {
      from.append(Int32(low + s / k))
      to.append(Int32(s % k))
      weight.append(slots[s].weight)
      actions.append(slots[s].actions)
    }
  }
}

extension DenseLinks {
  /// The links out of every node, by distributing the rows to their acting node first: the
  /// rows in `threads` ranges at once (each counts its actions per acting node, then writes
  /// them after those of the ranges before it, so that each node's entries stay in row order),
  /// then the nodes in `threads` ranges of equal size at once, each range's links in (from, to)
  /// order. Every row is read twice whatever `threads` is.
  ///
  /// - Parameter selected: the selected actions.
  /// - Returns: the node ranges' links, in range order.
  /// - Precondition: K ≤ 65,536 and every count < 2^47, so an entry packs the target in its
  ///   high 16 bits and the count (0 for none) in the rest.
  static func bucketing(_ selected: SelectedActions, nodeCount k: Int, threads: Int) -> [Self] {
    // The caller chose the threads from the number of rows.
    let rowParts = partRanges(
      of: selected.positions.count, threads: threads, minimumPart: 1, perThread: 1)
    let counts = concurrentMap(rowParts, threads: threads) { rows in
      var counts = [Int](repeating: 0, count: k)
      counts.withUnsafeMutableBufferPointer { counts in
        selected.forEachAction(at: rows) { action in
          if !action.isSelfLoop { counts[action.actor] += 1 }
        }
      }
      return counts
    }
    let (start, partStart) = partGroupStarts(counts, groups: k)
    let entries = [UInt64](unsafeUninitializedCapacity: start[k]) { buffer, count in
      // Unchecked: each range of rows initializes the places its cursors give, no two the
      // same.
      nonisolated(unsafe) let buffer = buffer
      _ = concurrentMap(Array(rowParts.indices), threads: threads) { part in
        var cursor = partStart[part]
        cursor.withUnsafeMutableBufferPointer { cursor in
          selected.forEachAction(at: rowParts[part]) { action in
            guard !action.isSelfLoop else { return }
            (buffer.baseAddress! + cursor[action.actor]).initialize(
              to: UInt64(action.target) << 47 | UInt64(action.weight))
            cursor[action.actor] += 1
          }
        }
      }
      count = start[k]
    }
    let nodeParts = max(1, min(threads, k))
    let bounds = partBounds(k, parts: nodeParts)
    return concurrentMap(Array(0..<nodeParts), threads: threads) { part in
      DenseLinks(
        summing: entries, start: start, nodes: bounds[part]..<bounds[part + 1], nodeCount: k)
    }
  }

  /// The links out of `nodes` from the entries of each node v at `start[v]..<start[v + 1]`:
  /// each node's targets summed in a K-slot table, the targets met, sorted, give the links.
  init(summing entries: [UInt64], start: [Int], nodes: Range<Int>, nodeCount k: Int) {
    var slotWeight = [Int64](repeating: 0, count: k)
    var slotActions = [Int32](repeating: 0, count: k)
    var touched: [Int] = []
    for v in nodes {
      touched.removeAll(keepingCapacity: true)
      for e in start[v]..<start[v + 1] {
        let entry = entries[e]
        let j = Int(entry >> 47)
        if slotActions[j] == 0 { touched.append(j) }
        slotActions[j] += 1
        let (sum, o) = slotWeight[j].addingReportingOverflow(Int64(entry & (1 << 47 - 1)))
        if o {
          overflowedPair = (v, j)
          return
        }
        slotWeight[j] = sum
      }
      // The targets in ascending order: a scan of every slot when most are touched (the sort
      // of a thousand targets per node cost more than reading two thousand slots), else a
      // sort of those touched.
      if touched.count * (Int.bitWidth - touched.count.leadingZeroBitCount) >= k {
        for j in 0..<k where slotActions[j] != 0 { takeSlot(j) }
      } else {
        touched.sort()
        for j in touched { takeSlot(j) }
      }
      func takeSlot(_ j: Int) {
        from.append(Int32(v))
        to.append(Int32(j))
        weight.append(slotWeight[j])
        actions.append(slotActions[j])
        slotWeight[j] = 0
        slotActions[j] = 0
      }
    }
  }
}
