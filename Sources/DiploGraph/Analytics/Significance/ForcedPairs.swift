/// Which pairs of actors a degree (or strength) sequence forces to be linked or unlinked.
///
/// A maximum-entropy model with given expected degrees (the DBCM) or strengths (the WCM) has
/// finite parameters only when the degrees lie inside the region its expectations can reach. On
/// that region's border some pairs are determined by the degrees alone: an actor that acts on
/// every other (degree N − 1) is linked to all of them with probability 1, an actor that acts on
/// no one with probability 0 — and so, less visibly, are the pairs of a star whose hub receives
/// from every actor: each of the others has spent its one link on the hub. The model's
/// probabilities there are exactly 0 or 1, its parameters infinite, and a solver that tried to
/// reach them would not converge. So we find those pairs first, exactly, and fit the model on
/// the others.
///
/// The expected matrices of the model are the points of a transportation polytope: entries
/// a_ij ∈ [0, c] (c = 1 for the DBCM, unbounded for the WCM), a_ii = 0, row sums k_i^out, column
/// sums k_j^in. A pair is forced when a_ij takes the same value at every point of it. Actors with
/// the same (out, in) degrees are interchangeable, so the question is asked of degree classes: a
/// flow network source → out-class c (capacity n_c·k_c^out) → in-class d (capacity m_cd·c, with
/// m_cd = n_c·n_d ordered pairs, or n_c(n_c − 1) when c = d) → sink (n_d·k_d^in). Its maximum
/// flows are the class totals of the polytope's points; an arc has the same flow in every maximum
/// flow exactly when its two ends lie in different strongly connected components of the residual
/// graph (two maximum flows differ by a circulation on its cycles), and it is then forced to its
/// present flow: 0, or its capacity.
///
/// - Complexity: O(C²) memory and O(C²) per phase of Dinic's algorithm (a few phases in
///   practice) for C degree classes, and O(C²) for the components (Tarjan); C ≤ N, small when
///   many actors share their degrees.
///
/// References: E. A. Dinitz, "Algorithm for solution of a problem of maximum flow in networks
/// with power estimation", Soviet Math. Dokl. 11, 1277–1280 (1970); R. E. Tarjan, "Depth-first
/// search and linear graph algorithms", SIAM J. Comput. 1(2), 146–160 (1972),
/// doi:10.1137/0201010.
struct ForcedPairs {
  /// What the degrees say of one ordered pair of classes.
  enum State: UInt8 {
    /// Not forced: the model's probability lies strictly between its bounds.
    case free
    /// Never linked (including the pairs that do not exist: an actor with itself).
    case zero
    /// Always linked, at capacity (only with a finite capacity per pair).
    case full
  }

  /// `state[c * C + d]`: the pairs from class c to class d.
  let state: [State]

  /// - Parameters:
  ///   - sizes: n_c, actors per class.
  ///   - out: each actor's out-degree (or out-strength) in class c.
  ///   - in: each actor's in-degree (or in-strength) in class c.
  ///   - pairCapacity: the bound c on one ordered pair (1 for binary links), `nil` for none.
  /// - Precondition: the degrees are those of a graph, so that a flow saturating source and sink
  ///   exists (checked).
  init(sizes: [Int], out: [Int64], in inDegrees: [Int64], pairCapacity: Int64?) {
    var flow = ClassFlow(sizes: sizes, out: out, in: inDegrees, pairCapacity: pairCapacity)
    let value = flow.maximize()
    precondition(value == flow.supply.reduce(0, +), "degrees that no graph has")
    let component = flow.residualComponents()
    let classes = sizes.count
    var state = [State](repeating: .zero, count: classes * classes)
    for c in 0..<classes {
      for d in 0..<classes where flow.capacity(c, d) > 0 {
        if component[c] == component[classes + d] {
          state[c * classes + d] = .free
        } else {
          state[c * classes + d] = flow.flow[c * classes + d] == 0 ? .zero : .full
        }
      }
    }
    self.state = state
  }
}

/// The flow network of ``ForcedPairs``, with its arcs implicit: node 0 is the source, 1…C the
/// out-classes, C+1…2C the in-classes, 2C+1 the sink; the flows between classes are a dense
/// C×C matrix.
private struct ClassFlow {
  let classes: Int
  let sizes: [Int]
  let out: [Int64]
  let inDegrees: [Int64]
  let pairCapacity: Int64?
  /// n_c·k_c^out, and what the source has sent to each out-class.
  let supply: [Int64]
  var sent: [Int64]
  /// n_d·k_d^in, and what each in-class has passed to the sink.
  let demand: [Int64]
  var received: [Int64]
  /// `flow[c * C + d]`.
  var flow: [Int64]
  /// The capacity that stands for "unbounded": more than all the flow there is.
  let unbounded: Int64

  init(sizes: [Int], out: [Int64], in inDegrees: [Int64], pairCapacity: Int64?) {
    classes = sizes.count
    self.sizes = sizes
    self.out = out
    self.inDegrees = inDegrees
    self.pairCapacity = pairCapacity
    supply = sizes.indices.map { Int64(sizes[$0]) * out[$0] }
    demand = sizes.indices.map { Int64(sizes[$0]) * inDegrees[$0] }
    sent = [Int64](repeating: 0, count: classes)
    received = sent
    flow = [Int64](repeating: 0, count: classes * classes)
    unbounded = supply.reduce(0, +) + 1
  }

  /// The capacity of the arc from out-class c to in-class d (0 when it carries nothing).
  func capacity(_ c: Int, _ d: Int) -> Int64 {
    guard out[c] > 0, inDegrees[d] > 0 else { return 0 }
    let pairs = Int64(sizes[c]) * Int64(c == d ? sizes[d] - 1 : sizes[d])
    guard pairs > 0 else { return 0 }
    return pairCapacity.map { pairs * $0 } ?? unbounded
  }

  var nodeCount: Int { 2 * classes + 2 }
  var sink: Int { 2 * classes + 1 }

  /// Arcs out of `node`, numbered 0..<arcCount(node).
  func arcCount(_ node: Int) -> Int {
    node == 0 ? classes : (node <= classes ? classes : (node == sink ? 0 : classes + 1))
  }

  /// The head of arc `k` of `node` and its residual capacity.
  func arc(_ node: Int, _ k: Int) -> (head: Int, residual: Int64) {
    if node == 0 { return (1 + k, supply[k] - sent[k]) }
    if node <= classes {
      let c = node - 1
      return (1 + classes + k, capacity(c, k) - flow[c * classes + k])
    }
    let d = node - 1 - classes
    if k == 0 { return (sink, demand[d] - received[d]) }
    return (1 + (k - 1), flow[(k - 1) * classes + d])
  }

  /// Pushes `amount` along arc `k` of `node`.
  mutating func push(_ node: Int, _ k: Int, _ amount: Int64) {
    if node == 0 {
      sent[k] += amount
    } else if node <= classes {
      flow[(node - 1) * classes + k] += amount
    } else if k == 0 {
      received[node - 1 - classes] += amount
    } else {
      flow[(k - 1) * classes + (node - 1 - classes)] -= amount
    }
  }

  /// Dinic's algorithm: a maximum flow from source to sink; returns its value.
  mutating func maximize() -> Int64 {
    var total: Int64 = 0
    var level = [Int](repeating: -1, count: nodeCount)
    var queue: [Int] = []
    queue.reserveCapacity(nodeCount)
    while true {
      for v in level.indices { level[v] = -1 }
      level[0] = 0
      queue.removeAll(keepingCapacity: true)
      queue.append(0)
      var front = 0
      while front < queue.count {
        let u = queue[front]
        front += 1
        for k in 0..<arcCount(u) {
          let (v, r) = arc(u, k)
          if r > 0 && level[v] < 0 {
            level[v] = level[u] + 1
            queue.append(v)
          }
        }
      }
      if level[sink] < 0 { return total }
      // A blocking flow: depth first along the levels, with a pointer per node.
      var current = [Int](repeating: 0, count: nodeCount)
      var path: [(node: Int, arc: Int)] = []
      var u = 0
      while true {
        if u == sink {
          var amount = Int64.max
          for step in path { amount = min(amount, arc(step.node, step.arc).residual) }
          var cut = path.count
          for (i, step) in path.enumerated() {
            push(step.node, step.arc, amount)
            if cut == path.count && arc(step.node, step.arc).residual == 0 { cut = i }
          }
          total += amount
          // Back to the tail of the first arc that the push saturated.
          u = path[cut].node
          path.removeSubrange(cut...)
          continue
        }
        var k = current[u]
        while k < arcCount(u) {
          let (v, r) = arc(u, k)
          if r > 0 && level[v] == level[u] + 1 { break }
          k += 1
        }
        current[u] = k
        if k < arcCount(u) {
          path.append((u, k))
          u = arc(u, k).head
        } else {
          level[u] = -1  // a dead end for the rest of this phase
          guard let last = path.popLast() else { break }
          u = last.node
          current[u] += 1
        }
      }
    }
  }

  /// The strongly connected component of each class node (0..<2C: out-classes, then
  /// in-classes) in the residual graph among the classes (Tarjan's algorithm, iterative).
  func residualComponents() -> [Int] {
    let count = 2 * classes
    // Residual arcs among class nodes, as node → the k-th candidate (out-class: in-class k;
    // in-class: out-class k).
    func residual(_ v: Int, _ k: Int) -> Bool {
      v < classes
        ? capacity(v, k) - flow[v * classes + k] > 0
        : flow[k * classes + (v - classes)] > 0
    }
    func head(_ v: Int, _ k: Int) -> Int { v < classes ? classes + k : k }
    var index = [Int](repeating: -1, count: count)
    var low = [Int](repeating: 0, count: count)
    var onStack = [Bool](repeating: false, count: count)
    var component = [Int](repeating: -1, count: count)
    var current = [Int](repeating: 0, count: count)
    var stack: [Int] = []
    var counter = 0
    var components = 0
    for root in 0..<count where index[root] < 0 {
      var call = [root]
      index[root] = counter
      low[root] = counter
      counter += 1
      stack.append(root)
      onStack[root] = true
      while let u = call.last {
        var k = current[u]
        while k < classes && !residual(u, k) { k += 1 }
        if k < classes {
          current[u] = k + 1
          let v = head(u, k)
          if index[v] < 0 {
            index[v] = counter
            low[v] = counter
            counter += 1
            stack.append(v)
            onStack[v] = true
            call.append(v)
          } else if onStack[v] {
            low[u] = min(low[u], index[v])
          }
          continue
        }
        current[u] = classes
        call.removeLast()
        if let parent = call.last { low[parent] = min(low[parent], low[u]) }
        if low[u] == index[u] {
          while let w = stack.popLast() {
            onStack[w] = false
            component[w] = components
            if w == u { break }
          }
          components += 1
        }
      }
    }
    return component
  }
}
