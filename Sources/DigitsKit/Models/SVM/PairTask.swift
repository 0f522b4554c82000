/// One pair of digits' binary problem, solved.
struct PairSolution: Sendable {
    /// Sample indices (into the training matrix): the first digit's, then the second's.
    var rows: [Int]
    /// +1 for the first digit, −1 for the second.
    var labels: [Float]
    var alpha: [Double]
    var rho: Double
    var iterations: Int
    var converged: Bool
    var plattA: Float = 0
    var plattB: Float = 0
}

/// What every pair problem of one fit shares: the data, the kernel and the solver settings.
struct PairTask: Sendable {
    let x: Matrix
    let kernel: SVMKernel
    let C: Double
    let tolerance: Double
    let cacheBytes: Int
    let probability: Bool

    /// libsvm's folds for the decision values its Platt sigmoids are fitted on.
    static let plattFolds = 5

    /// Solves the pair `positive` (+1) against `negative` (−1), and fits its Platt sigmoid
    /// when probabilities are asked for.
    func solve(positive: [Int], negative: [Int], seed: UInt64) -> PairSolution {
        let rows = positive + negative
        let labels = [Float](repeating: 1, count: positive.count) + [Float](repeating: -1, count: negative.count)
        let (alpha, rho, iterations, converged) = solveBinary(rows: rows, labels: labels)
        var solution = PairSolution(rows: rows, labels: labels, alpha: alpha, rho: rho, iterations: iterations, converged: converged)
        if probability {
            let decisions = crossValidatedDecisions(rows: rows, labels: labels, seed: seed)
            (solution.plattA, solution.plattB) = PlattSigmoid.fit(decisions: decisions, labels: labels)
        }
        return solution
    }

    private func solveBinary(rows: [Int], labels: [Float]) -> ([Double], Double, Int, Bool) {
        x.storage.withUnsafeBufferPointer { data in
            let q = KernelRows(data: data.baseAddress!, features: x.columns, rows: rows, labels: labels,
                               kernel: kernel, cacheBytes: cacheBytes)
            let solver = SMOSolver(rows: q, labels: labels, C: C, tolerance: tolerance)
            // libsvm's iteration cap: generous enough that it only stops a degenerate problem.
            let solution = solver.solve(maxIterations: max(10_000_000, 100 * rows.count))
            return (solution.alpha, solution.rho, solution.iterations, solution.converged)
        }
    }

    /// Each sample's decision value from a model trained without its fold (libsvm's
    /// `svm_binary_svc_probability`): honest inputs for the sigmoid, unlike training decision
    /// values, which cluster at ±1 on the margin.
    private func crossValidatedDecisions(rows: [Int], labels: [Float], seed: UInt64) -> [Float] {
        var order = Array(rows.indices)
        var rng = SplitMix64(seed: seed)
        order.seededShuffle(using: &rng)
        var decisions = [Float](repeating: 0, count: rows.count)
        let folds = Self.plattFolds
        for fold in 0..<folds {
            let held = Array(order[fold * rows.count / folds ..< (fold + 1) * rows.count / folds])
            guard !held.isEmpty else { continue }
            let heldSet = Set(held)
            let kept = order.filter { !heldSet.contains($0) }
            let keptLabels = kept.map { labels[$0] }
            let positives = keptLabels.filter { $0 > 0 }.count
            if positives == 0 || positives == kept.count {
                // One class only: libsvm answers with its label as the decision value.
                for h in held { decisions[h] = positives > 0 ? 1 : -1 }
                continue
            }
            let keptRows = kept.map { rows[$0] }
            let (alpha, rho, _, _) = solveBinary(rows: keptRows, labels: keptLabels)
            let support = alpha.indices.filter { alpha[$0] > 0 }
            let coefficients = Matrix(rows: support.count, columns: 1,
                                      storage: support.map { Float(alpha[$0]) * keptLabels[$0] })
            let model = KernelExpansion(supportVectors: x.rows(at: support.map { keptRows[$0] }),
                                        coefficients: coefficients, intercepts: [Float(-rho)], kernel: kernel)
            let values = model.evaluate(x.rows(at: held.map { rows[$0] }), parallel: false)
            for (r, h) in held.enumerated() { decisions[h] = values[r, 0] }
        }
        return decisions
    }
}
