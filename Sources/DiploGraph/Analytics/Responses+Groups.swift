/// The window matching of ``ResponseMatcher`` for many actors: the candidate actions are first
/// distributed by the lower node of their pair, then each group is matched with its queues in
/// the cache.
///
/// With K actors there are K(K − 1)/2 pairs: for 2,000 actors a table of a queue per pair
/// takes 32 MB, and an action visited in date order finds its pair's queue anywhere in it (a
/// cache and TLB miss per action). The matching of one pair depends only on the actions of
/// that pair, in (date, position) order, so the pairs can be matched one group after another:
/// a counting sort of the candidates by group (a few lower nodes each; it keeps the visiting
/// order within a group and writes one stream per group, with each candidate's position in a
/// column beside), the matching of each group with its queues (at most 512 KB), then each
/// exchange found written to the matcher's roles and links from that column. Few groups keep
/// the streams few: with one per node, 2,000 streams cost as much as the misses they replace.

/// A candidate action in its group: 8 bytes (its position is in a column beside the candidates).
struct GroupedCandidate {
  /// The action's date. Once it is taken as an answer, ``ActionTable/noDate`` (every candidate
  /// is dated, so the value is free).
  var date: Int32
  /// The pair's queue in the group (its lower node's offset in the group × K + its higher
  /// node) << 2 | 2 when the action goes up (from the lower node) | 1 when its kind is an
  /// answer kind: below 2^18. While the action waits in its queue as an original, the next
  /// original of the queue (an index into the candidates) when there is one. Once it is taken
  /// as an answer, its original (an index).
  var key: UInt32
}

extension ResponseMatcher {
  /// Whether the window matching distributes the actions by pair first: when a queue per pair
  /// would not stay in the cache, and a queue's index fits a ``GroupedCandidate``'s key.
  static func matchesByGroups(nodes k: Int) -> Bool { k > 256 && k <= 1 << 16 }

  /// How many lower nodes share a group: the most (a power of two) that keep the group's
  /// queues (16 bytes for each pair of one of its nodes and any node) within 512 KB.
  static func groupSpan(nodes k: Int) -> Int {
    var span = 1
    while 2 * span * k <= 1 << 15 { span *= 2 }
    return span
  }

  /// The window matching of ``matchInWindow(_:)`` (the same rule, the same results), by groups
  /// of pairs.
  ///
  /// On several threads, the visiting order is cut into parts, one per thread, each walked
  /// with cursors of its own (where its candidates of each group go: after those of the parts
  /// before it), and the groups are matched in runs of consecutive groups, one per thread, each
  /// with queues of its own. The exchanges found are then written to the roles and links in
  /// parts of the candidates, through the candidates' positions.
  ///
  /// - Parameters:
  ///   - order: the positions in (date, position) order, when `inOrder` is false.
  ///   - inOrder: whether the positions come in date order as they are.
  ///   - actions: the selected actions, read by position.
  /// - Complexity: O(n + K) time; 12 bytes per candidate action (6 beyond
  ///   ``candidatesInOneRound`` candidates) and 512 KB of queues per thread.
  mutating func matchInWindowByGroups(
    order: [Int32], inOrder: Bool, actions: SelectedActions.Reader
  ) {
    let answerKind = self.answerKind
    let k = network.nodeCount
    let count = actions.positions.count
    let span = Self.groupSpan(nodes: k)
    let shift = span.trailingZeroBitCount
    let groupCount = (k + span - 1) >> shift
    let threads = self.threads
    let window = Int64(options.windowDays)
    let parts = partRanges(of: count, threads: threads, minimumPart: minimumPart, perThread: 1)

    withUnsafeMutableBufferPointers(&role, &link) { role, link in
      // Unchecked: the parts read the actions' reader and the roles; the roles and links are
      // written once the parts have read them, each place by one candidate; all outlive the
      // parts.
      nonisolated(unsafe) let (role, link, actions) = (role, link, actions)

      /// Calls `body` with each candidate at visiting places `range` (date, then position): the
      /// open, dated actions that are not self-loops.
      @Sendable func forEachCandidate(in range: Range<Int>, _ body: (SelectedAction) -> Void) {
        for n in range {
          let p = inOrder ? n : Int(order[n])
          guard role[p] == .open else { continue }
          let action = actions[p]
          if action.storedDate == ActionTable.noDate {
            if inOrder { continue } else { break }  // the undated come last
          }
          if action.isSelfLoop { continue }
          body(action)
        }
      }

      // Each part's candidates per group; where each group starts; where each part's
      // candidates of each group start.
      let counts = concurrentMap(parts, threads: threads) { range in
        var counts = [Int](repeating: 0, count: groupCount)
        counts.withUnsafeMutableBufferPointer { counts in
          forEachCandidate(in: range) { counts[min($0.actor, $0.target) >> shift] += 1 }
        }
        return counts
      }
      let (start, partStart) = partGroupStarts(counts, groups: groupCount)
      // With many candidates, the groups are matched in two rounds (each group's candidates
      // at once), each reading the actions again, to halve the memory the candidates take.
      let total = start[groupCount]
      var bounds = [0, groupCount]
      if total > candidatesInOneRound {
        bounds = [0, (0...groupCount).first { start[$0] >= total / 2 }!, groupCount]
      }
      // One pair of buffers for every round, never filled in advance: each round's parts write
      // every place of its groups (the counting sort's cursors cover them exactly) before
      // anything reads them. Made for the largest round, they are faulted in once, by the
      // parts, instead of zeroed on one thread and made again for the second round.
      let largest = (0..<bounds.count - 1).map { start[bounds[$0 + 1]] - start[bounds[$0]] }.max()!
      let candidateBuffer = OwnedBuffer<GroupedCandidate>(capacity: largest)
      let positionBuffer = OwnedBuffer<Int32>(capacity: largest)
      for round in 0..<bounds.count - 1 {
        let groups = bounds[round]..<bounds[round + 1]
        let base = start[groups.lowerBound]
        let size = start[groups.upperBound] - base
        if size == 0 { continue }
        // Unchecked: each part writes the places its cursors give, no two parts the same.
        nonisolated(unsafe) let candidates = UnsafeMutableBufferPointer(
          start: candidateBuffer.base, count: size)
        nonisolated(unsafe) let positions = UnsafeMutableBufferPointer(
          start: positionBuffer.base, count: size)
        _ = concurrentMap(Array(parts.indices), threads: threads) { part in
          var cursor = partStart[part]
          cursor.withUnsafeMutableBufferPointer { cursor in
            forEachCandidate(in: parts[part]) { action in
              let upward = action.actor < action.target
              let (low, high) =
                upward ? (action.actor, action.target) : (action.target, action.actor)
              let g = low >> shift
              guard groups.contains(g) else { return }
              let queue = (low - (g << shift)) * k + high
              let e = cursor[g] - base
              candidates[e] = GroupedCandidate(
                date: action.storedDate,
                key: UInt32(queue) << 2 | (upward ? 2 : 0)
                  | (answerKind[action.kindSymbol] ? 1 : 0))
              positions[e] = Int32(action.position)
              cursor[g] += 1
            }
          }
        }
        // The groups in runs of about equal candidates, one per thread.
        let runCount = min(threads, groups.count)
        var runs: [Range<Int>] = []
        var from = groups.lowerBound
        for run in 1...runCount {
          let end =
            run == runCount
            ? groups.upperBound
            : (from...groups.upperBound).first { start[$0] - base >= size * run / runCount }!
          if end > from { runs.append(from..<end) }
          from = end
        }
        _ = concurrentMap(runs, threads: threads) { run in
          Self.matchGroups(
            candidates, start: start[run.lowerBound...run.upperBound].map { $0 - base },
            queues: span * k, window: window)
        }
        // Each answer found: its role, and its original's link (an original has one answer,
        // an answer one original, so no two candidates write the same place).
        forEachPart(of: size, threads: threads, minimumPart: minimumPart) { range in
          for e in range where candidates[e].date == ActionTable.noDate {
            let answer = positions[e]
            role[Int(answer)] = .windowAnswer
            link[Int(positions[Int(candidates[e].key)])] = -2 - answer
          }
        }
      }
    }
  }

  /// Matches each group of candidates (see ``matchInWindow(_:)`` for the rule), leaving the
  /// results in the candidates: an answer's date becomes ``ActionTable/noDate`` and its key
  /// its original's index.
  ///
  /// - Parameters:
  ///   - candidates: group g's candidates at `start[g]..<start[g + 1]`, in visiting order.
  ///   - queues: the queues of a group; the candidates' keys index them.
  static func matchGroups(
    _ candidates: UnsafeMutableBufferPointer<GroupedCandidate>, start: [Int], queues count: Int,
    window: Int64
  ) {
    /// The originals waiting in one direction of a pair, as a list through their keys. A queue
    /// belongs to the group its stamp names: one left by an earlier group is empty.
    struct Queue {
      var head: Int32 = -1
      var tail: Int32 = -1
      var headDate: Int32 = 0
      /// (group + 1) << 1 | 1 when the originals go from the lower node up to the higher one.
      var stamp: UInt32 = 0
    }
    var queues = [Queue](repeating: Queue(), count: count)
    queues.withUnsafeMutableBufferPointer { queues in
      for g in 0..<start.count - 1 where start[g] < start[g + 1] {
        let mark = UInt32(g + 1) << 1
        for e in start[g]..<start[g + 1] {
          let key = candidates[e].key
          let q = Int(key >> 2)
          let upward: UInt32 = key & 2 != 0 ? 1 : 0
          let date = candidates[e].date
          var queue = queues[q]
          if queue.stamp & ~1 != mark {
            queue = Queue(head: -1, tail: -1, headDate: 0, stamp: mark)
          }
          var answered = false
          if queue.head >= 0 && queue.stamp & 1 != upward {
            repeat {
              // Take the first original off the queue: e answers it when in time, else it
              // stays unanswered (e was its first candidate).
              let o = Int(queue.head)
              let inTime = Int64(date) - Int64(queue.headDate) <= window
              if queue.tail == Int32(o) {
                queue.head = -1
                queue.tail = -1
              } else {
                let next = Int(candidates[o].key)
                queue.head = Int32(next)
                queue.headDate = candidates[next].date
              }
              if inTime {
                candidates[e].key = UInt32(o)
                candidates[e].date = ActionTable.noDate
                answered = true
              }
            } while !answered && queue.head >= 0
          }
          if !answered && key & 1 == 0 {
            // An original: it waits at the end of its queue.
            if queue.head >= 0 {
              candidates[Int(queue.tail)].key = UInt32(e)
            } else {
              queue.head = Int32(e)
              queue.headDate = date
              queue.stamp = mark | upward
            }
            queue.tail = Int32(e)
          }
          queues[q] = queue
        }
      }
    }
  }
}
