import Foundation

/// The losses of `SGDClassifier`, as functions of the score `p` and the target `y` (±1).
enum SGDLoss: String, CaseIterable, Sendable {
    case hinge
    case logLoss = "log_loss"
    case modifiedHuber = "modified_huber"

    func loss(_ p: Double, _ y: Double) -> Double {
        let z = p * y
        switch self {
        case .hinge:
            return max(0, 1 - z)
        case .logLoss:
            // log(1 + e^p) − y₀₁·p with y₀₁ ∈ {0, 1}: scikit-learn's half-binomial loss, in its
            // overflow-safe pieces. SGD's large early steps amplify rounding differences, so the
            // formulas follow scikit-learn's exactly.
            let y01 = (y + 1) / 2
            let softplus: Double
            if p <= -37 { softplus = exp(p) }
            else if p <= -2 { softplus = log1p(exp(p)) }
            else if p <= 18 { softplus = log(1 + exp(p)) }
            else if p <= 33.3 { softplus = p + exp(-p) }
            else { softplus = p }
            return softplus - y01 * p
        case .modifiedHuber:
            if z >= 1 { return 0 }
            if z >= -1 { return (1 - z) * (1 - z) }
            return -4 * z
        }
    }

    /// d loss / d p.
    func derivative(_ p: Double, _ y: Double) -> Double {
        let z = p * y
        switch self {
        case .hinge:
            return z <= 1 ? -y : 0
        case .logLoss:
            // σ(p) − y₀₁.
            let y01 = (y + 1) / 2
            if p <= -37 { return exp(p) - y01 }
            let e = exp(-p)
            return ((1 - y01) - y01 * e) / (1 + e)
        case .modifiedHuber:
            if z >= 1 { return 0 }
            if z >= -1 { return -2 * (1 - z) * y }
            return -4 * y
        }
    }
}

extension SGDMethod {
    /// The parameters of one fit, checked together (eta0 must be positive unless 'optimal').
    struct Schedule: Sendable {
        let loss: SGDLoss
        let learningRate: LearningRate
        let parameters: Parameters

        init(_ parameters: Parameters) throws(ParameterError) {
            loss = SGDLoss(rawValue: parameters.loss) ?? .hinge
            learningRate = LearningRate(rawValue: parameters.learningRate) ?? .optimal
            if learningRate != .optimal && parameters.eta0 <= 0 {
                throw .invalid(model: Parameters.modelName, name: "eta0",
                               expected: "a float in (0, ∞) when learningRate is '\(learningRate.rawValue)'",
                               got: "\(parameters.eta0)")
            }
            self.parameters = parameters
        }
    }
}

/// One digit against the rest, fitted by plain or averaged SGD over sparse rows (Bottou's
/// "SGD" and "ASGD" programs, as scikit-learn's `_plain_sgd` runs them).
///
/// The L2 penalty shrinks every weight at every step; keeping `w = scale · v` makes that one
/// multiplication of `scale`, so a step costs only the sample's non-zero entries. The average
/// of the iterates is kept lazily the same way: `average = (A + a · v) / b`.
struct BinarySGD {
    struct Result: Sendable {
        var weights: [Double]
        var intercept: Double
        var epochs: Int
        /// The mean objective (loss plus penalty) of the last epoch.
        var objective: Double
        var converged: Bool
    }

    let data: SparseRows
    let targets: [Double]
    let schedule: SGDMethod.Schedule
    let shuffleSeed: UInt64

    /// The weights are `scale · v`; the average of the iterates is `(averageA + a · v) / b`.
    private var v: UnsafeMutableBufferPointer<Double>
    private var averageA: UnsafeMutableBufferPointer<Double>?
    private var scale = 1.0
    /// ‖v‖², kept up to date step by step for the penalty in the stopping rule's objective.
    private var squaredNormV = 0.0
    private var a = 0.0, b = 1.0
    private var intercept = 0.0
    private var averageIntercept = 0.0

    init(data: SparseRows, labels: [Int], positive: Int, schedule: SGDMethod.Schedule, seed: UInt64) {
        self.data = data
        targets = labels.map { $0 == positive ? 1 : -1 }
        self.schedule = schedule
        shuffleSeed = seed
        v = .allocate(capacity: data.columns)
        v.initialize(repeating: 0)
        if schedule.parameters.averaged {
            let average = UnsafeMutableBufferPointer<Double>.allocate(capacity: data.columns)
            average.initialize(repeating: 0)
            averageA = average
        }
    }

    /// Runs the epochs and frees the working buffers; call once.
    mutating func run() -> Result {
        defer {
            v.deallocate()
            averageA?.deallocate()
        }
        let p = schedule.parameters
        let alpha = p.alpha
        let n = data.rows
        // scikit-learn's 'optimal' schedule: η = 1 / (α (t0 + t − 1)), with t0 chosen so that the
        // first step has the size of a typical weight, 1 / √α ^ ½ (Bottou's heuristic).
        let typicalWeight = (1 / alpha.squareRoot()).squareRoot()
        let firstStep = typicalWeight / max(1, schedule.loss.derivative(-typicalWeight, 1))
        let t0 = 1 / (firstStep * alpha)
        var eta = p.eta0
        var t = 1.0
        var order = Array(0..<n)
        var bestObjective = Double.infinity
        var stalls = 0
        var epochs = 0
        var objective = 0.0
        var converged = false
        while epochs < p.maxIter {
            if p.shuffle {
                // scikit-learn's shuffle takes its seed by value, so every epoch applies the same
                // swaps to the current order (epoch e visits the samples in order Pᵉ). Fresh
                // shuffles each epoch stop sooner and score about 0.4 point lower on MNIST.
                var swaps = SplitMix64(seed: shuffleSeed)
                order.seededShuffle(using: &swaps)
            }
            // Recomputed each epoch so that rounding in the running update cannot drift.
            squaredNormV = v.reduce(0) { $0 + $1 * $1 }
            var total = 0.0
            data.columnIndices.withUnsafeBufferPointer { columns in
                data.values.withUnsafeBufferPointer { values in
                    for i in order {
                        switch schedule.learningRate {
                        case .optimal: eta = 1 / (alpha * (t0 + t - 1))
                        case .invscaling: eta = p.eta0 / pow(t, p.powerT)
                        case .constant, .adaptive: break
                        }
                        let range = data.rowStart[i]..<data.rowStart[i + 1]
                        total += step(columns: UnsafeBufferPointer(rebasing: columns[range]),
                                      values: UnsafeBufferPointer(rebasing: values[range]),
                                      y: targets[i], eta: eta, t: t)
                        t += 1
                    }
                }
            }
            epochs += 1
            objective = total / Double(n)
            if !(intercept.isFinite && scale.isFinite && v.allSatisfy(\.isFinite)) { break }
            stalls = objective > bestObjective - p.tol ? stalls + 1 : 0
            bestObjective = min(bestObjective, objective)
            if stalls >= p.nIterNoChange {
                if schedule.learningRate == .adaptive && eta > 1e-6 {
                    eta /= 5
                    stalls = 0
                } else {
                    converged = true
                    break
                }
            }
        }
        foldScale()
        if let averageA {
            return Result(weights: Array(averageA), intercept: averageIntercept, epochs: epochs, objective: objective, converged: converged)
        }
        return Result(weights: Array(v), intercept: intercept, epochs: epochs, objective: objective, converged: converged)
    }

    /// One stochastic step on the sample with these non-zero entries and target `y`, at step
    /// size `eta` (step number `t`); returns the sample's objective before the step.
    private mutating func step(columns: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Float>,
                               y: Double, eta: Double, t: Double) -> Double {
        var dot = 0.0
        for k in 0..<columns.count { dot += v[Int(columns[k])] * Double(values[k]) }
        let score = dot * scale + intercept
        let alpha = schedule.parameters.alpha
        // The stopping rule watches loss + α/2 ‖w‖², with w as it was before this step.
        let objective = schedule.loss.loss(score, y) + alpha * 0.5 * squaredNormV * scale * scale
        // scikit-learn clips the derivative at ±1e12 against runaway steps.
        let update = -eta * min(1e12, max(-1e12, schedule.loss.derivative(score, y)))
        let shrink = max(0, 1 - eta * alpha)
        scale *= shrink
        if scale < 1e-9 { foldScale() }
        if update != 0 {
            let delta = update / scale
            var change = 0.0
            for k in 0..<columns.count {
                let c = Int(columns[k])
                let old = v[c]
                v[c] = old + delta * Double(values[k])
                change += v[c] * v[c] - old * old
            }
            squaredNormV += change
            intercept += update
            if let averageA {
                // Moving v would move the average too; take that back out of averageA.
                let correction = a * delta
                for k in 0..<columns.count { averageA[Int(columns[k])] -= correction * Double(values[k]) }
            }
        }
        if averageA != nil {
            // average ← (1 − μ) average + μ w with μ = 1/t, all in a and b.
            let mu = 1 / t
            if t > 1 { b /= 1 - mu }
            a += mu * b * scale
            averageIntercept += (intercept - averageIntercept) / t
        }
        return objective
    }

    /// Makes `scale` 1 (and `a` 0, `b` 1) without changing the weights or their average.
    private mutating func foldScale() {
        if let averageA {
            for c in 0..<v.count { averageA[c] = (averageA[c] + a * v[c]) / b }
            a = 0
            b = 1
        }
        for c in 0..<v.count { v[c] *= scale }
        squaredNormV *= scale * scale
        scale = 1
    }
}
