import Foundation

/// A linear classifier fitted by stochastic gradient descent, as scikit-learn's `SGDClassifier`
/// with an L2 penalty: one binary problem per digit (that digit against the rest), each minimising
/// `mean loss(y · (w·x + b)) + alpha/2 · ‖w‖²` one sample at a time, the ten run in parallel.
///
/// Probabilities: for `log_loss` the ten sigmoids normalised to sum to 1, for `modified_huber`
/// scikit-learn's `(clip(score, −1, 1) + 1) / 2` normalised — both as `predict_proba` computes
/// them. `hinge` has no probabilistic reading (scikit-learn refuses `predict_proba`); here it gets
/// the softmax of the scores, so the most probable digit is the one with the largest score.
public typealias SGDClassifier = LinearModel<SGDMethod>

/// How `SGDClassifier` fits and predicts.
public enum SGDMethod: LinearMethod {
    public struct Parameters: HyperParameters {
        public static let modelName = "SGDClassifier"
        public static let specs: [ParameterSpec] = [
            ParameterSpec("loss", .choice(SGDLoss.allCases.map(\.rawValue)), help: "the loss of each binary problem"),
            ParameterSpec("alpha", .real(min: 0, max: nil, minInclusive: false), help: "strength of the L2 penalty"),
            ParameterSpec("maxIter", .integer(min: 1), help: "most passes (epochs) over the training data"),
            ParameterSpec("tol", .real(min: 0, max: nil), help: "an epoch improves when the summed loss falls by more than tol × samples"),
            ParameterSpec("nIterNoChange", .integer(min: 1), help: "stop after this many epochs without improvement"),
            ParameterSpec("averaged", .boolean, help: "use the average of the iterates (ASGD) as the model"),
            ParameterSpec("learningRate", .choice(LearningRate.allCases.map(\.rawValue)),
                          help: "step size schedule: 'optimal' 1/(alpha (t0 + t)), 'constant' eta0, 'invscaling' eta0 / t^powerT, 'adaptive' eta0 divided by 5 on each stall"),
            ParameterSpec("eta0", .real(min: 0, max: nil), help: "initial step size (all schedules but 'optimal')"),
            ParameterSpec("powerT", .real(min: nil, max: nil), help: "exponent of the 'invscaling' schedule"),
            ParameterSpec("shuffle", .boolean, help: "shuffle the samples before each epoch"),
        ]

        public var loss: String
        public var alpha: Double
        public var maxIter: Int
        public var tol: Double
        public var nIterNoChange: Int
        public var averaged: Bool
        public var learningRate: String
        public var eta0: Double
        public var powerT: Double
        public var shuffle: Bool

        /// scikit-learn's defaults.
        public init() {
            loss = SGDLoss.hinge.rawValue
            alpha = 1e-4
            maxIter = 1000
            tol = 1e-3
            nIterNoChange = 5
            averaged = false
            learningRate = LearningRate.optimal.rawValue
            eta0 = 0
            powerT = 0.5
            shuffle = true
        }
    }

    public enum LearningRate: String, CaseIterable, Sendable {
        case optimal, constant, invscaling, adaptive
    }

    public static let kind = "sgd"

    public static func fit(_ x: Matrix, labels: [Int], parameters: Parameters, options: FitOptions) throws -> LinearFit {
        let schedule = try Schedule(parameters)
        let data = SparseRows(x)
        var rng = SplitMix64(seed: options.seed)
        let seeds = (0..<Dataset.classCount).map { _ in rng.next() }
        var fits = [BinarySGD.Result?](repeating: nil, count: Dataset.classCount)
        fits.withUnsafeMutableBufferPointer { fits in
            parallelFor(Dataset.classCount) { digit in
                var problem = BinarySGD(data: data, labels: labels, positive: digit, schedule: schedule, seed: seeds[digit])
                fits[digit] = problem.run()
            }
        }
        let results = fits.compactMap { $0 }
        var weights = Matrix(rows: x.columns, columns: Dataset.classCount)
        var intercepts = [Float](repeating: 0, count: Dataset.classCount)
        for (digit, result) in results.enumerated() {
            for feature in 0..<x.columns { weights[feature, digit] = Float(result.weights[feature]) }
            intercepts[digit] = Float(result.intercept)
            guard intercepts[digit].isFinite, (0..<x.columns).allSatisfy({ weights[$0, digit].isFinite }) else {
                throw ClassifierError.diverged(
                    kind: kind, detail: "the weights of digit \(digit) overflowed; lower eta0 or raise alpha")
            }
        }
        let epochs = results.map(\.epochs).max() ?? 0
        let converged = results.allSatisfy(\.converged)
        // The mean over the ten binary problems of each one's last-epoch objective.
        let objective = results.map(\.objective).reduce(0, +) / Double(results.count)
        options.progress?(FitProgress(step: epochs, totalSteps: parameters.maxIter, loss: objective))
        return LinearFit(weights: weights, intercepts: intercepts, summary: FitSummary(
            iterations: epochs, finalLoss: objective, converged: converged,
            stopReason: converged ? "objective improved by less than tol for \(parameters.nIterNoChange) epochs" : "maxIter reached"))
    }

    public static func probabilities(scores: Matrix, parameters: Parameters) -> Matrix {
        var scores = scores
        switch SGDLoss(rawValue: parameters.loss) ?? .hinge {
        case .hinge:
            scores.applySoftmaxPerRow()
        case .logLoss:
            scores.normalizeRows { 1 / (1 + exp(-$0)) }
        case .modifiedHuber:
            scores.normalizeRows { (min(1, max(-1, $0)) + 1) / 2 }
        }
        return scores
    }
}

extension LinearModel where Method == SGDMethod {
    public typealias LearningRate = SGDMethod.LearningRate
}

extension Matrix {
    /// Maps every value through `f` (in `Double`) and divides each row by its sum; a row that
    /// sums to zero becomes uniform, as scikit-learn's modified-Huber probabilities do.
    fileprivate mutating func normalizeRows(_ f: (Double) -> Double) {
        for r in 0..<rows {
            let mapped = (0..<columns).map { f(Double(self[r, $0])) }
            let total = mapped.reduce(0, +)
            for c in 0..<columns { self[r, c] = total > 0 ? Float(mapped[c] / total) : 1 / Float(columns) }
        }
    }
}
