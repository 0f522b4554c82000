import Foundation

/// A support vector classifier with libsvm's semantics (scikit-learn's `SVC`): one binary
/// C-SVM per pair of digits, solved by SMO (see `SMOSolver`), prediction by voting over the
/// pairs with ties going to the lower digit.
///
/// The pair problems are independent, so they are solved in parallel, largest first for load
/// balance. Support vectors are stored once (a sample serves up to nine pairs) with a dense
/// `supportVectors × pairs` coefficient matrix, so prediction is two GEMMs and an exponential.
public struct SVC: Classifier {
    public static let kind = "svc"
    public let parameters: Parameters
    /// What `fit` learns, kept together so that a model is either wholly fitted or not at all.
    struct Fitted: Sendable {
        /// The digits seen in training, ascending; pair `p` follows libsvm's order (0,1), (0,2), …
        var classes: [Int]
        /// The digit of each support vector (they are grouped by digit).
        var supportClasses: [Int]
        /// γ as used: `scale` and `auto` resolved on the training data.
        var gamma: Float
        /// Per-pair Platt sigmoids `P(first digit) = 1 / (1 + exp(A·f + B))`; empty unless `probability`.
        var plattA: [Float]
        var plattB: [Float]
        var expansion: KernelExpansion
    }

    private(set) var fitted: Fitted?

    public var isFitted: Bool { fitted != nil }
    public var classes: [Int] { fitted?.classes ?? [] }
    public var supportClasses: [Int] { fitted?.supportClasses ?? [] }
    public var gamma: Float { fitted?.gamma ?? 0 }

    public init(parameters: Parameters = Parameters()) {
        self.parameters = parameters
    }

    /// A fitted model from stored state (used when loading a model file).
    init(parameters: Parameters, fitted: Fitted) {
        self.parameters = parameters
        self.fitted = fitted
    }

    /// The pairs of class positions (into `classes`), in libsvm's order.
    static func pairs(classCount: Int) -> [(Int, Int)] {
        (0..<classCount).flatMap { a in (a + 1 ..< classCount).map { (a, $0) } }
    }

    public mutating func fit(_ x: Matrix, labels: [Int], options: FitOptions) throws -> FitSummary {
        try checkFit(x, labels: labels)
        var byClass = [[Int]](repeating: [], count: Dataset.classCount)
        for (index, label) in labels.enumerated() { byClass[label].append(index) }
        let classes = byClass.indices.filter { !byClass[$0].isEmpty }
        guard classes.count >= 2 else {
            throw ParameterError.invalid(model: Parameters.modelName, name: "labels", expected: "at least two different digits",
                                         got: "only digit \(classes.first ?? 0)")
        }
        let kernel = try makeKernel(for: x)
        let groups = classes.map { byClass[$0] }
        let pairs = Self.pairs(classCount: classes.count)
        var seeds = SplitMix64(seed: options.seed)
        let pairSeeds = pairs.map { _ in seeds.next() }
        // Largest problems first, so the last ones to finish are short.
        let order = pairs.indices.sorted {
            let (a, b) = (pairs[$0], pairs[$1])
            return (groups[a.0].count + groups[a.1].count, -$0) > (groups[b.0].count + groups[b.1].count, -$1)
        }
        let cacheBytes = Int(parameters.cacheSize * 1_048_576) / max(1, min(workerCount, pairs.count))
        let task = PairTask(x: x, kernel: kernel, C: parameters.C, tolerance: parameters.tol, cacheBytes: cacheBytes,
                            probability: parameters.probability)
        var solutions = [PairSolution?](repeating: nil, count: pairs.count)
        solutions.withUnsafeMutableBufferPointer { slots in
            parallelFor(order.count) { t in
                let p = order[t]
                slots[p] = task.solve(positive: groups[pairs[p].0], negative: groups[pairs[p].1], seed: pairSeeds[p])
            }
        }
        let solved = solutions.compactMap { $0 }
        guard solved.count == pairs.count else {
            throw ClassifierError.diverged(kind: Self.kind, detail: "a pair problem returned no solution")
        }
        install(solved, classes: classes, groups: groups, x: x, kernel: kernel)
        let iterations = solved.map(\.iterations).reduce(0, +)
        let unconverged = solved.filter { !$0.converged }.count
        return FitSummary(
            iterations: iterations, finalLoss: nil, converged: unconverged == 0,
            stopReason: unconverged == 0
                ? "KKT violation below tol in all \(pairs.count) pair problems"
                : "iteration limit reached in \(unconverged) of \(pairs.count) pair problems")
    }

    private func makeKernel(for x: Matrix) throws -> SVMKernel {
        guard let kind = SVMKernel.Kind(rawValue: parameters.kernel) else {
            throw ParameterError.invalid(model: Parameters.modelName, name: "kernel", expected: "a known kernel", got: parameters.kernel)
        }
        let gamma: Double
        switch parameters.gamma {
        case .scale:
            // scikit-learn: 1 / (n_features · X.var()), the variance over every entry of X.
            let variance = x.entryVariance()
            gamma = variance > 0 ? 1 / (Double(x.columns) * variance) : 1
        case .auto:
            gamma = 1 / Double(x.columns)
        case let .value(value):
            gamma = value
        case let .unknown(word):
            throw ParameterError.invalid(model: Parameters.modelName, name: "gamma", expected: "'scale', 'auto' or a float", got: word)
        }
        return SVMKernel(kind: kind, gamma: Float(gamma), degree: parameters.degree, coef0: Float(parameters.coef0))
    }

    /// Keeps each support vector once and builds the `supportVectors × pairs` coefficients.
    private mutating func install(_ solutions: [PairSolution], classes: [Int], groups: [[Int]], x: Matrix, kernel: SVMKernel) {
        var isSupport = [Bool](repeating: false, count: x.rows)
        for solution in solutions {
            for (r, alpha) in solution.alpha.enumerated() where alpha > 0 { isSupport[solution.rows[r]] = true }
        }
        var supportRows: [Int] = [], supportClasses: [Int] = []
        for (position, group) in groups.enumerated() {
            for index in group where isSupport[index] {
                supportRows.append(index)
                supportClasses.append(classes[position])
            }
        }
        var rowOfSample = [Int](repeating: -1, count: x.rows)
        for (row, index) in supportRows.enumerated() { rowOfSample[index] = row }
        var coefficients = Matrix(rows: supportRows.count, columns: solutions.count)
        for (p, solution) in solutions.enumerated() {
            for (r, alpha) in solution.alpha.enumerated() where alpha > 0 {
                coefficients[rowOfSample[solution.rows[r]], p] = Float(alpha) * solution.labels[r]
            }
        }
        let probability = parameters.probability
        fitted = Fitted(
            classes: classes, supportClasses: supportClasses, gamma: kernel.gamma,
            plattA: probability ? solutions.map(\.plattA) : [], plattB: probability ? solutions.map(\.plattB) : [],
            expansion: KernelExpansion(supportVectors: x.rows(at: supportRows), coefficients: coefficients,
                                       intercepts: solutions.map { Float(-$0.rho) }, kernel: kernel))
    }
}

extension Matrix {
    /// The variance of all entries together (numpy's `X.var()`), accumulated in `Double`.
    func entryVariance() -> Double {
        guard count > 0 else { return 0 }
        var sum = 0.0, squares = 0.0
        storage.withUnsafeBufferPointer { values in
            for value in values {
                sum += Double(value)
                squares += Double(value) * Double(value)
            }
        }
        let mean = sum / Double(count)
        return max(0, squares / Double(count) - mean * mean)
    }
}
