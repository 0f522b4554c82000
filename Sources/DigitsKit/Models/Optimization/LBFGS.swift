/// Limited-memory BFGS with a strong-Wolfe line search (Nocedal & Wright, Algorithms 7.4,
/// 3.5 and 3.6): the solver behind logistic regression, as in scikit-learn's default `lbfgs`.
///
/// The objective returns the value and the gradient at a point. The optimiser keeps its own
/// state in `Double`; objectives may compute in `Float` as long as the noise stays below the
/// tolerance asked for.
public struct LBFGS: Sendable {
    public typealias Objective = ([Double]) -> (value: Double, gradient: [Double])

    /// Correction pairs kept.
    public var memory = 10
    public var maxIterations = 100
    /// Stop when the largest gradient component is at most this (scipy's `pgtol`).
    public var gradientTolerance = 1e-4
    /// Function evaluations allowed in one line search.
    public var maxLineSearchEvaluations = 25

    public init(maxIterations: Int = 100, gradientTolerance: Double = 1e-4, memory: Int = 10) {
        self.maxIterations = maxIterations
        self.gradientTolerance = gradientTolerance
        self.memory = memory
    }

    public struct Result: Sendable {
        public var x: [Double]
        public var value: Double
        public var iterations: Int
        public var evaluations: Int
        public var largestGradient: Double
        public var converged: Bool
        public var stopReason: String
    }

    /// Minimises `objective` from `start`. `onIteration(iteration, value, largestGradient)` is
    /// called after every accepted step.
    public func minimize(
        from start: [Double],
        objective: Objective,
        onIteration: (Int, Double, Double) -> Void = { _, _, _ in }
    ) -> Result {
        var x = start
        var (f, g) = objective(x)
        var evaluations = 1
        var s: [[Double]] = [], y: [[Double]] = [], rho: [Double] = []

        func result(_ iterations: Int, converged: Bool, _ reason: String) -> Result {
            Result(x: x, value: f, iterations: iterations, evaluations: evaluations,
                   largestGradient: largestMagnitude(g), converged: converged, stopReason: reason)
        }

        if largestMagnitude(g) <= gradientTolerance {
            return result(0, converged: true, "gradient below tol at the start")
        }
        for iteration in 1...max(1, maxIterations) {
            var direction = searchDirection(gradient: g, s: s, y: y, rho: rho)
            var slope = dot(direction, g)
            if slope >= 0 {
                // Curvature information went stale: fall back to steepest descent.
                s.removeAll(); y.removeAll(); rho.removeAll()
                direction = g.map { -$0 }
                slope = dot(direction, g)
            }
            let initialStep = s.isEmpty ? min(1, 1 / max(norm(g), 1e-12)) : 1
            guard let step = lineSearch(x: x, f: f, slope: slope, direction: direction,
                                        initialStep: initialStep, objective: objective, evaluations: &evaluations)
            else {
                return result(iteration - 1, converged: false,
                              "line search found no further decrease (precision limit reached)")
            }
            let sk = direction.map { $0 * step.alpha }
            let yk = zip(step.gradient, g).map { $0 - $1 }
            let sy = dot(sk, yk)
            let previousValue = f
            for i in x.indices { x[i] += sk[i] }
            f = step.value
            g = step.gradient
            if sy > 1e-10 * dot(yk, yk) {
                s.append(sk); y.append(yk); rho.append(1 / sy)
                if s.count > memory { s.removeFirst(); y.removeFirst(); rho.removeFirst() }
            }
            let largest = largestMagnitude(g)
            onIteration(iteration, f, largest)
            if largest <= gradientTolerance {
                return result(iteration, converged: true, "gradient below tol")
            }
            if abs(previousValue - f) <= 1e-12 * max(abs(previousValue), abs(f), 1) {
                return result(iteration, converged: true, "relative decrease below 1e-12")
            }
        }
        return result(maxIterations, converged: false, "maxIter reached")
    }

    /// The two-loop recursion: `-H·g` with `H` built from the stored pairs.
    private func searchDirection(gradient g: [Double], s: [[Double]], y: [[Double]], rho: [Double]) -> [Double] {
        var q = g
        var alpha = [Double](repeating: 0, count: s.count)
        for i in stride(from: s.count - 1, through: 0, by: -1) {
            alpha[i] = rho[i] * dot(s[i], q)
            axpy(-alpha[i], y[i], &q)
        }
        if let lastS = s.last, let lastY = y.last {
            let gamma = dot(lastS, lastY) / dot(lastY, lastY)
            for i in q.indices { q[i] *= gamma }
        }
        for i in 0..<s.count {
            let beta = rho[i] * dot(y[i], q)
            axpy(alpha[i] - beta, s[i], &q)
        }
        return q.map { -$0 }
    }

    private struct Step {
        var alpha: Double
        var value: Double
        var gradient: [Double]
    }

    /// Finds a step satisfying the strong Wolfe conditions (c1 = 1e-4, c2 = 0.9).
    private func lineSearch(
        x: [Double], f: Double, slope: Double, direction: [Double], initialStep: Double,
        objective: Objective, evaluations: inout Int
    ) -> Step? {
        let c1 = 1e-4, c2 = 0.9
        var budget = maxLineSearchEvaluations
        func evaluate(_ alpha: Double) -> (Step, Double) {
            budget -= 1
            evaluations += 1
            var point = x
            axpy(alpha, direction, &point)
            let (value, gradient) = objective(point)
            return (Step(alpha: alpha, value: value, gradient: gradient), dot(gradient, direction))
        }

        func zoom(_ low: (Step, Double), _ high: (Step, Double)) -> Step? {
            var lo = low, hi = high
            while budget > 0 {
                let alpha = interpolate(lo, hi)
                let trial = evaluate(alpha)
                if !trial.0.value.isFinite || trial.0.value > f + c1 * alpha * slope || trial.0.value >= lo.0.value {
                    hi = trial
                } else {
                    if abs(trial.1) <= -c2 * slope { return trial.0 }
                    if trial.1 * (hi.0.alpha - lo.0.alpha) >= 0 { hi = lo }
                    lo = trial
                }
                if abs(hi.0.alpha - lo.0.alpha) <= 1e-14 * max(1, abs(lo.0.alpha)) { break }
            }
            // Out of budget: accept the best point found if it decreased the objective at all.
            return lo.0.value < f ? lo.0 : nil
        }

        let origin = (Step(alpha: 0, value: f, gradient: []), slope)
        var previous = origin
        var alpha = initialStep
        for attempt in 0..<budget {
            let trial = evaluate(alpha)
            if !trial.0.value.isFinite || trial.0.value > f + c1 * alpha * slope
                || (attempt > 0 && trial.0.value >= previous.0.value) {
                return zoom(previous, trial)
            }
            if abs(trial.1) <= -c2 * slope { return trial.0 }
            if trial.1 >= 0 { return zoom(trial, previous) }
            previous = trial
            alpha *= 2
        }
        return previous.0.alpha > 0 && previous.0.value < f ? previous.0 : nil
    }

    /// The minimiser of the cubic through both ends (values and slopes), kept well inside the
    /// interval; bisection when the cubic is not usable.
    private func interpolate(_ a: (Step, Double), _ b: (Step, Double)) -> Double {
        let (a0, f0, d0) = (a.0.alpha, a.0.value, a.1)
        let (a1, f1, d1) = (b.0.alpha, b.0.value, b.1)
        let low = min(a0, a1), high = max(a0, a1), width = high - low
        let middle = (a0 + a1) / 2
        guard f1.isFinite, width > 0 else { return middle }
        let e1 = d0 + d1 - 3 * (f0 - f1) / (a0 - a1)
        let radicand = e1 * e1 - d0 * d1
        guard radicand >= 0 else { return middle }
        let e2 = (a1 > a0 ? 1.0 : -1.0) * radicand.squareRoot()
        let denominator = d1 - d0 + 2 * e2
        guard denominator != 0 else { return middle }
        let candidate = a1 - (a1 - a0) * (d1 + e2 - e1) / denominator
        guard candidate.isFinite, candidate > low + 0.1 * width, candidate < high - 0.1 * width else { return middle }
        return candidate
    }
}

@inline(__always) private func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for i in a.indices { sum += a[i] * b[i] }
    return sum
}

@inline(__always) private func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
    for i in y.indices { y[i] += alpha * x[i] }
}

private func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }

private func largestMagnitude(_ a: [Double]) -> Double { a.reduce(0) { max($0, abs($1)) } }
