#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Fitting a directed configuration model — the DBCM's Bernoulli pairs or the WCM's geometric
/// ones — to an observed degree (or strength) sequence by maximum likelihood.
///
/// The models: every ordered pair i ≠ j is independent, with
/// - **binary** (DBCM): P(a_ij = 1) = p_ij = x_i y_j / (1 + x_i y_j);
/// - **geometric** (WCM): P(w_ij = w) = (x_i y_j)^w (1 − x_i y_j), w = 0, 1, 2, …, with
///   x_i y_j < 1, so E[w_ij] = x_i y_j / (1 − x_i y_j);
///
/// and x, y chosen so that each actor's expected out- and in-degree (strength) equal the
/// observed ones — the maximum-likelihood condition (Squartini & Garlaschelli 2011). Actors with
/// the same (out, in) pair get the same x and y, so the fit runs on C ≤ N degree classes. Pairs
/// that the degrees force (``ForcedPairs``: zero-degree actors, saturated ones, and any other
/// pair fixed on the border of the model's domain) get p = 0 or 1 (x_i y_j = 0) exactly and are
/// left out of the fit.
///
/// The solver is Newton's method on the convex function of the log-parameters
/// u_c = ln x_c, v_d = ln y_d
///   F(u, v) = Σ_{free c,d} m_cd ψ(u_c + v_d) − Σ_c n_c (k_c^out u_c + k_c^in v_c),
/// ψ(t) = ln(1 + e^t) (binary) or −ln(1 − e^t) (geometric, t < 0), whose gradient is n_c times
/// the degree errors ⟨k_c⟩ − k_c; each step solves the Newton system by conjugate gradients
/// (Jacobi-preconditioned; the Hessian is never formed beyond its C² pair entries) and is
/// shortened by backtracking until F decreases (Armijo). It stops when every class's largest
/// degree error |⟨k⟩ − k| is at most 10⁻¹⁰ · max(1, k), after at most 200 steps; otherwise it
/// throws. With the forced pairs removed the degrees lie inside the model's domain, where F has
/// a minimum, so the method converges (x and y are unique up to x·s, y/s on each connected part).
///
/// - Complexity: O(C²) memory and O(C²) time per conjugate-gradient iteration and per line-search
///   trial, for C degree classes (C ≤ N; C ≪ N when actors share degrees); typically 5–30
///   Newton steps of a few tens of conjugate-gradient iterations each.
///
/// References: T. Squartini, D. Garlaschelli, "Analytical maximum-likelihood method to detect
/// patterns in real networks", New J. Phys. 13, 083001 (2011),
/// doi:10.1088/1367-2630/13/8/083001; J. Nocedal, S. J. Wright, *Numerical Optimization*,
/// 2nd ed., Springer (2006), ch. 7 (inexact Newton), doi:10.1007/978-0-387-40065-5.
struct ConfigurationFit {
  enum Kind {
    /// Bernoulli pairs, a capacity of one link per pair: the DBCM.
    case binary
    /// Geometric pairs, unbounded integer weights: the WCM.
    case geometric
  }

  let kind: Kind
  /// n_c, actors per class; classes in ascending (out, in) order.
  let sizes: [Int]
  /// Each class's out- and in-degree (strength).
  let out: [Int64]
  let inDegrees: [Int64]
  let forced: ForcedPairs
  /// ln x_c and ln y_c (−∞ where no pair of the class is free).
  let logX: [Double]
  let logY: [Double]
  /// Newton steps taken.
  let iterations: Int
  /// max over classes of |⟨k⟩ − k| / max(1, k) at the solution.
  let largestError: Double

  static let tolerance = 1e-10
  static let maxIterations = 200

  var classCount: Int { sizes.count }

  /// Fits the model to the degrees of N actors.
  ///
  /// - Throws: ``DiploGraphError`` with code `noConvergence` when Newton's method does not
  ///   reach the tolerance (numerically extreme degrees).
  init(_ kind: Kind, out actorOut: [Int64], in actorIn: [Int64]) throws {
    self.kind = kind
    // Degree classes, in ascending (out, in) order: the result does not depend on actor order.
    var keys = Array(Set(zip(actorOut, actorIn).map { Pair($0.0, $0.1) }))
    keys.sort()
    var size: [Pair: Int] = [:]
    for pair in zip(actorOut, actorIn) { size[Pair(pair.0, pair.1), default: 0] += 1 }
    sizes = keys.map { size[$0]! }
    out = keys.map(\.out)
    inDegrees = keys.map(\.in)
    forced = ForcedPairs(
      sizes: sizes, out: out, in: inDegrees, pairCapacity: kind == .binary ? 1 : nil)
    var problem = FitProblem(kind: kind, sizes: sizes, out: out, in: inDegrees, forced: forced)
    (iterations, largestError) = try problem.solve()
    logX = Array(problem.theta[0..<sizes.count])
    logY = Array(problem.theta[sizes.count...])
  }

  /// m_cd: ordered pairs of distinct actors from class c to class d.
  func pairs(_ c: Int, _ d: Int) -> Double {
    Double(sizes[c]) * Double(c == d ? sizes[d] - 1 : sizes[d])
  }

  /// The pair parameter from class c to class d: p_cd (binary) or x_c y_d (geometric); 0 or 1
  /// exactly on forced pairs.
  func parameter(_ c: Int, _ d: Int) -> Double {
    switch forced.state[c * sizes.count + d] {
    case .zero: return 0
    case .full: return 1
    case .free:
      let t = logX[c] + logY[d]
      return kind == .binary ? logistic(t) : exp(t)
    }
  }
}

/// A class key: (out, in), ordered.
private struct Pair: Hashable, Comparable {
  var out: Int64
  var `in`: Int64
  init(_ out: Int64, _ in: Int64) {
    self.out = out
    self.in = `in`
  }
  static func < (a: Pair, b: Pair) -> Bool { (a.out, a.in) < (b.out, b.in) }
}

/// 1 / (1 + e^−t), without overflow.
@inline(__always)
func logistic(_ t: Double) -> Double {
  t >= 0 ? 1 / (1 + exp(-t)) : exp(t) / (1 + exp(t))
}

/// The optimisation problem of ``ConfigurationFit``: free pairs, residual degrees, Newton.
private struct FitProblem {
  let kind: ConfigurationFit.Kind
  let classes: Int
  let sizes: [Double]
  /// Observed degrees per actor of each class (for the relative tolerance).
  let degreeOut: [Double]
  let degreeIn: [Double]
  /// Per actor, the degrees left once the forced pairs are counted.
  var targetOut: [Double]
  var targetIn: [Double]
  /// m_cd on free pairs, 0 elsewhere (row-major C×C).
  var freePairs: [Double]
  /// (u, v): ln x of each class, then ln y.
  var theta: [Double]

  init(
    kind: ConfigurationFit.Kind, sizes: [Int], out: [Int64], in inDegrees: [Int64],
    forced: ForcedPairs
  ) {
    self.kind = kind
    classes = sizes.count
    self.sizes = sizes.map(Double.init)
    degreeOut = out.map(Double.init)
    degreeIn = inDegrees.map(Double.init)
    targetOut = degreeOut
    targetIn = degreeIn
    freePairs = [Double](repeating: 0, count: classes * classes)
    var hasOut = [Bool](repeating: false, count: classes)
    var hasIn = [Bool](repeating: false, count: classes)
    for c in 0..<classes {
      for d in 0..<classes {
        let m = Double(sizes[c]) * Double(c == d ? sizes[d] - 1 : sizes[d])
        switch forced.state[c * classes + d] {
        case .zero: break
        case .full:
          targetOut[c] -= m / Double(sizes[c])
          targetIn[d] -= m / Double(sizes[d])
        case .free:
          freePairs[c * classes + d] = m
          hasOut[c] = true
          hasIn[d] = true
        }
      }
    }
    // Start near the sparse-graph solution x_c y_d ≈ k_c^out k_d^in / L: x_c = k/(k + √L)
    // (and y_d alike), which also keeps x_c y_d < 1, the geometric model's domain.
    let root = max(1, zip(self.sizes, targetOut).map { $0.0 * $0.1 }.reduce(0, +)).squareRoot()
    let classCount = sizes.count
    func start(_ has: [Bool], _ target: [Double]) -> [Double] {
      (0..<classCount).map { has[$0] ? log(target[$0] / (target[$0] + root)) : -.infinity }
    }
    theta = start(hasOut, targetOut) + start(hasIn, targetIn)
  }

  /// ψ(t), ψ′(t) and ψ″(t) at t = u_c + v_d, with one exponential and one logarithm:
  /// ln(1 + e^t), p and p(1 − p) (binary); −ln(1 − e^t), μ = e^t/(1 − e^t) and μ(1 + μ)
  /// (geometric; ψ = +∞ for t ≥ 0, outside the domain).
  @inline(__always)
  static func terms(_ kind: ConfigurationFit.Kind, _ t: Double) -> (Double, Double, Double) {
    switch kind {
    case .binary:
      let e = exp(-abs(t))
      let p = t >= 0 ? 1 / (1 + e) : e / (1 + e)
      return (max(t, 0) + log1p(e), p, p * (1 - p))
    case .geometric:
      guard t < 0 else { return (.infinity, .infinity, .infinity) }
      // 1 − e^t without cancellation: from e^t when it is small, from expm1 near 0.
      let (e, oneMinus) = t < -1 ? (exp(t), 1 - exp(t)) : (1 + expm1(t), -expm1(t))
      let mean = e / oneMinus
      return (-log(oneMinus), mean, mean * (1 + mean))
    }
  }

  /// F at θ with its gradient and the Hessian's pair entries and diagonal, in one pass; `nil`
  /// outside the domain.
  func evaluate(_ theta: [Double]) -> Evaluation? {
    let (kind, classes, free) = (self.kind, self.classes, freePairs)
    var e = Evaluation(
      value: 0, gradient: [Double](repeating: 0, count: 2 * classes),
      curvature: [Double](repeating: 0, count: classes * classes),
      diagonal: [Double](repeating: 0, count: 2 * classes))
    for c in 0..<classes {
      let u = theta[c]
      for d in 0..<classes where free[c * classes + d] > 0 {
        let m = free[c * classes + d]
        let (value, mean, variance) = Self.terms(kind, u + theta[classes + d])
        if value == .infinity { return nil }
        e.value += m * value
        e.gradient[c] += m * mean
        e.gradient[classes + d] += m * mean
        e.curvature[c * classes + d] = m * variance
        e.diagonal[c] += m * variance
        e.diagonal[classes + d] += m * variance
      }
    }
    for c in 0..<classes {
      if e.diagonal[c] > 0 {
        e.value -= sizes[c] * targetOut[c] * theta[c]
        e.gradient[c] -= sizes[c] * targetOut[c]
      }
      if e.diagonal[classes + c] > 0 {
        e.value -= sizes[c] * targetIn[c] * theta[classes + c]
        e.gradient[classes + c] -= sizes[c] * targetIn[c]
      }
    }
    return e
  }

  /// F, ∇F and the parts of the Hessian at one point.
  struct Evaluation {
    var value: Double
    var gradient: [Double]
    /// m_cd ψ″(u_c + v_d), row-major C×C.
    var curvature: [Double]
    var diagonal: [Double]
  }

  /// The longest step along `direction` that stays in the domain (t < 0 on every free pair
  /// of the geometric model): 0.99 of the way to its border, at most 1.
  func firstStep(_ direction: [Double]) -> Double {
    guard kind == .geometric else { return 1 }
    let (classes, free) = (self.classes, freePairs)
    var alpha = 1.0
    for c in 0..<classes {
      for d in 0..<classes where free[c * classes + d] > 0 {
        let rise = direction[c] + direction[classes + d]
        if rise > 0 { alpha = min(alpha, -0.99 * (theta[c] + theta[classes + d]) / rise) }
      }
    }
    return alpha
  }

  /// Newton's method; returns the steps taken and the final largest relative degree error.
  mutating func solve() throws -> (Int, Double) {
    guard var current = evaluate(theta) else {
      preconditionFailure("the starting point lies in the domain")
    }
    for step in 0...ConfigurationFit.maxIterations {
      var error = 0.0
      for c in 0..<classes {
        if current.diagonal[c] > 0 {
          error = max(error, abs(current.gradient[c]) / sizes[c] / max(1, degreeOut[c]))
        }
        if current.diagonal[classes + c] > 0 {
          let g = current.gradient[classes + c]
          error = max(error, abs(g) / sizes[c] / max(1, degreeIn[c]))
        }
      }
      if !error.isFinite { break }
      if error <= ConfigurationFit.tolerance { return (step, error) }
      if step == ConfigurationFit.maxIterations { break }
      let direction = conjugateGradient(
        gradient: current.gradient, curvature: current.curvature, diagonal: current.diagonal)
      // Backtracking until F decreases enough (Armijo; rounding of F allowed for).
      let slope = dot(current.gradient, direction)
      var alpha = firstStep(direction)
      var accepted = false
      for _ in 0..<60 {
        let trial = zip(theta, direction).map { $0.0.isFinite ? $0.0 + alpha * $0.1 : $0.0 }
        let f0 = current.value
        if let next = evaluate(trial), next.value <= f0 + 1e-4 * alpha * slope + 1e-13 * abs(f0) {
          theta = trial
          current = next
          accepted = true
          break
        }
        alpha /= 2
      }
      if !accepted { break }
    }
    throw DiploGraphError(
      .noConvergence,
      "the directed \(kind == .binary ? "binary" : "weighted") configuration model did not "
        + "reach degree errors of at most \(ConfigurationFit.tolerance) within "
        + "\(ConfigurationFit.maxIterations) Newton steps (\(classes) classes of actors)")
  }

  /// Solves (H + λI) δ = −g approximately: conjugate gradients preconditioned with the
  /// diagonal, to a residual of min(0.1, √‖g‖)·‖g‖ (an inexact Newton step).
  func conjugateGradient(gradient: [Double], curvature: [Double], diagonal: [Double])
    -> [Double]
  {
    let n = gradient.count
    let shift = 1e-12 * (diagonal.max() ?? 0)
    let scale = diagonal.map { $0 > 0 ? 1 / ($0 + shift) : 0 }
    func product(_ x: [Double]) -> [Double] {
      var y = [Double](repeating: 0, count: n)
      for k in 0..<n where diagonal[k] > 0 { y[k] = (diagonal[k] + shift) * x[k] }
      for c in 0..<classes {
        var sum = 0.0
        for d in 0..<classes {
          let h = curvature[c * classes + d]
          sum += h * x[classes + d]
          y[classes + d] += h * x[c]
        }
        y[c] += sum
      }
      return y
    }
    var x = [Double](repeating: 0, count: n)
    var r = gradient.map { -$0 }
    let norm = dot(r, r).squareRoot()
    let goal = min(0.1, norm.squareRoot()) * norm
    var z = zip(r, scale).map { $0.0 * $0.1 }
    var p = z
    var rz = dot(r, z)
    for _ in 0..<max(50, n) {
      let ap = product(p)
      let along = dot(p, ap)
      guard along > 0 else { break }
      let alpha = rz / along
      for k in 0..<n {
        x[k] += alpha * p[k]
        r[k] -= alpha * ap[k]
      }
      if dot(r, r).squareRoot() <= goal { break }
      z = zip(r, scale).map { $0.0 * $0.1 }
      let next = dot(r, z)
      let beta = next / rz
      rz = next
      for k in 0..<n { p[k] = z[k] + beta * p[k] }
    }
    return x
  }
}

/// Σ a_k b_k.
private func dot(_ a: [Double], _ b: [Double]) -> Double {
  var sum = 0.0
  for k in a.indices { sum += a[k] * b[k] }
  return sum
}
