/// The dual of one binary C-SVM, solved by sequential minimal optimisation as libsvm does
/// (Fan, Chen & Lin 2005):
///
///     minimise ½ αᵀQα − Σα   subject to 0 ≤ α ≤ C, yᵀα = 0,
///
/// two variables at a time, chosen by second-order working-set selection (WSS3), with
/// shrinking of variables stuck at a bound and the gradient kept for the active set only.
/// Stops when the maximal KKT violation `m(α) − M(α)` is below `tolerance`.
final class SMOSolver {
    struct Solution {
        /// One per sample of the problem, in [0, C].
        var alpha: [Double]
        /// The offset: the decision function is `Σ αᵢyᵢk(xᵢ, x) − rho`.
        var rho: Double
        var iterations: Int
        var converged: Bool
    }

    private let q: KernelRows
    private let l: Int
    private let C: Double
    private let tolerance: Double
    // Raw buffers rather than arrays: the loops over them are the solver's inner loops, and
    // class-held arrays would pay exclusivity and bounds checks on every element.
    private let y: UnsafeMutablePointer<Double>
    private let alpha: UnsafeMutablePointer<Double>
    /// ∇f(α) = Qα − 1 (exact on the active set; on shrunk variables only after reconstruction).
    private let gradient: UnsafeMutablePointer<Double>
    /// `C · Σ_{j at upper bound} Q_j`: lets the gradient of shrunk variables be rebuilt from
    /// the free variables alone.
    private let upperGradient: UnsafeMutablePointer<Double>
    private var active: [Int]
    private var unshrunk = false
    /// A too-small curvature is replaced by this, as libsvm's TAU, so a step stays finite.
    private let tau = 1e-12

    init(rows: KernelRows, labels: [Float], C: Double, tolerance: Double) {
        q = rows
        l = rows.count
        self.C = C
        self.tolerance = tolerance
        y = .allocate(capacity: max(1, l))
        alpha = .allocate(capacity: max(1, l))
        gradient = .allocate(capacity: max(1, l))
        upperGradient = .allocate(capacity: max(1, l))
        for i in 0..<l { y[i] = Double(labels[i]) }
        alpha.initialize(repeating: 0, count: l)
        gradient.initialize(repeating: -1, count: l)
        upperGradient.initialize(repeating: 0, count: l)
        active = Array(0..<l)
    }

    deinit {
        y.deallocate()
        alpha.deallocate()
        gradient.deallocate()
        upperGradient.deallocate()
    }

    private func isUpper(_ i: Int) -> Bool { alpha[i] >= C }
    private func isLower(_ i: Int) -> Bool { alpha[i] <= 0 }

    func solve(maxIterations: Int) -> Solution {
        var iterations = 0
        var converged = false
        var countdown = min(l, 1000)
        while iterations < maxIterations {
            countdown -= 1
            if countdown == 0 {
                countdown = min(l, 1000)
                shrink()
            }
            var pair = selectWorkingSet()
            if pair == nil {
                // Optimal on the active set: check the whole problem before stopping.
                reconstructGradient()
                active = Array(0..<l)
                pair = selectWorkingSet()
                if pair == nil {
                    converged = true
                    break
                }
                countdown = 1
            }
            guard let (i, j) = pair else { break }
            iterations += 1
            update(i, j)
        }
        if !converged { reconstructGradient() }
        return Solution(alpha: Array(UnsafeBufferPointer(start: alpha, count: l)), rho: rho(), iterations: iterations, converged: converged)
    }

    /// WSS3: `i` maximises the violation `−yᵢ∇ᵢf` over I_up; `j` minimises the second-order
    /// decrease of the objective among the variables that violate the pair with `i`.
    private func selectWorkingSet() -> (Int, Int)? {
        var gmax = -Double.infinity
        var best = -1
        for t in active {
            if y[t] > 0 {
                if !isUpper(t), -gradient[t] >= gmax { gmax = -gradient[t]; best = t }
            } else if !isLower(t), gradient[t] >= gmax {
                gmax = gradient[t]
                best = t
            }
        }
        guard best >= 0 else { return nil }
        let i = best
        let qi = q.row(i)
        let qii = q.diagonal[i]
        var gmax2 = -Double.infinity
        var smallestDecrease = Double.infinity
        var chosen = -1
        for j in active {
            let violation: Double
            if y[j] > 0 {
                guard !isLower(j) else { continue }
                gmax2 = max(gmax2, gradient[j])
                violation = gmax + gradient[j]
            } else {
                guard !isUpper(j) else { continue }
                gmax2 = max(gmax2, -gradient[j])
                violation = gmax - gradient[j]
            }
            guard violation > 0 else { continue }
            // Curvature along the pair's direction: K_ii + K_jj − 2K_ij.
            let curvature = qii + q.diagonal[j] - 2 * y[i] * y[j] * Double(qi[j])
            let decrease = -(violation * violation) / (curvature > 0 ? curvature : tau)
            if decrease <= smallestDecrease {
                smallestDecrease = decrease
                chosen = j
            }
        }
        if gmax + gmax2 < tolerance || chosen < 0 { return nil }
        return (i, chosen)
    }

    /// Moves αᵢ and αⱼ to the optimum along their line, clipped to the box, and updates the
    /// gradient (and the upper-bound part of it when a variable reaches or leaves C).
    private func update(_ i: Int, _ j: Int) {
        let qi = q.row(i)
        let qj = q.row(j)
        let oldI = alpha[i], oldJ = alpha[j]
        let wasUpperI = isUpper(i), wasUpperJ = isUpper(j)
        var ai = oldI, aj = oldJ
        if y[i] != y[j] {
            let curvature = positive(q.diagonal[i] + q.diagonal[j] + 2 * Double(qi[j]))
            let delta = (-gradient[i] - gradient[j]) / curvature
            let difference = ai - aj
            ai += delta
            aj += delta
            if difference > 0 {
                if aj < 0 { aj = 0; ai = difference }
            } else if ai < 0 {
                ai = 0
                aj = -difference
            }
            if difference > 0 {
                if ai > C { ai = C; aj = C - difference }
            } else if aj > C {
                aj = C
                ai = C + difference
            }
        } else {
            let curvature = positive(q.diagonal[i] + q.diagonal[j] - 2 * Double(qi[j]))
            let delta = (gradient[i] - gradient[j]) / curvature
            let sum = ai + aj
            ai -= delta
            aj += delta
            if sum > C {
                if ai > C { ai = C; aj = sum - C }
                if aj > C { aj = C; ai = sum - C }
            } else {
                if aj < 0 { aj = 0; ai = sum }
                if ai < 0 { ai = 0; aj = sum }
            }
        }
        alpha[i] = ai
        alpha[j] = aj
        let deltaI = ai - oldI, deltaJ = aj - oldJ
        for k in active {
            gradient[k] += Double(qi[k]) * deltaI + Double(qj[k]) * deltaJ
        }
        updateUpperGradient(row: qi, wasUpper: wasUpperI, isUpper: isUpper(i))
        updateUpperGradient(row: qj, wasUpper: wasUpperJ, isUpper: isUpper(j))
    }

    private func positive(_ curvature: Double) -> Double { curvature > 0 ? curvature : tau }

    private func updateUpperGradient(row: UnsafePointer<Float>, wasUpper: Bool, isUpper: Bool) {
        guard wasUpper != isUpper else { return }
        let step = isUpper ? C : -C
        for k in 0..<l { upperGradient[k] += step * Double(row[k]) }
    }

    /// The largest violations `m(α)` over I_up and `−M(α)` over I_low, as in libsvm's shrinking.
    private func extremeViolations() -> (up: Double, low: Double) {
        var up = -Double.infinity, low = -Double.infinity
        for t in active {
            if y[t] > 0 {
                if !isUpper(t) { up = max(up, -gradient[t]) }
                if !isLower(t) { low = max(low, gradient[t]) }
            } else {
                if !isUpper(t) { low = max(low, -gradient[t]) }
                if !isLower(t) { up = max(up, gradient[t]) }
            }
        }
        return (up, low)
    }

    /// Drops from the active set the variables at a bound whose gradient says they will stay
    /// there; once the problem is nearly solved, brings everything back once (libsvm's rule).
    private func shrink() {
        var (up, low) = extremeViolations()
        if !unshrunk, up + low <= tolerance * 10 {
            unshrunk = true
            reconstructGradient()
            active = Array(0..<l)
            (up, low) = extremeViolations()
        }
        active.removeAll { t in
            if isUpper(t) { return y[t] > 0 ? -gradient[t] > up : -gradient[t] > low }
            if isLower(t) { return y[t] > 0 ? gradient[t] > low : gradient[t] > up }
            return false
        }
    }

    /// Recomputes the gradient of the shrunk variables from `upperGradient` and the free ones.
    private func reconstructGradient() {
        guard active.count < l else { return }
        var isActive = [Bool](repeating: false, count: l)
        for t in active { isActive[t] = true }
        let inactive = (0..<l).filter { !isActive[$0] }
        for k in inactive { gradient[k] = upperGradient[k] - 1 }
        for i in active where !isUpper(i) && !isLower(i) {
            let qi = q.row(i)
            let a = alpha[i]
            for k in inactive { gradient[k] += a * Double(qi[k]) }
        }
    }

    /// The offset: the mean of `yᵢ∇ᵢf` over free variables, or the middle of the feasible
    /// interval when no variable is free.
    private func rho() -> Double {
        var upper = Double.infinity, lower = -Double.infinity
        var freeCount = 0
        var freeSum = 0.0
        for i in 0..<l {
            let value = y[i] * gradient[i]
            if isUpper(i) {
                if y[i] < 0 { upper = min(upper, value) } else { lower = max(lower, value) }
            } else if isLower(i) {
                if y[i] > 0 { upper = min(upper, value) } else { lower = max(lower, value) }
            } else {
                freeCount += 1
                freeSum += value
            }
        }
        return freeCount > 0 ? freeSum / Double(freeCount) : (upper + lower) / 2
    }
}
