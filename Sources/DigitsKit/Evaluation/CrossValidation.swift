import Foundation

/// The accuracy of one model configuration on each fold of a stratified k-fold split:
/// scikit-learn's `cross_val_score` (and `GridSearchCV`'s `mean_test_score`/`std_test_score`,
/// where the standard deviation is the population one, ddof = 0).
public struct CrossValidationResult: Sendable, Equatable, Codable {
    public let foldScores: [Double]
    public let fitSeconds: [Double]

    public init(foldScores: [Double], fitSeconds: [Double]) {
        self.foldScores = foldScores
        self.fitSeconds = fitSeconds
    }

    public var mean: Double { foldScores.isEmpty ? 0 : foldScores.reduce(0, +) / Double(foldScores.count) }

    public var standardDeviation: Double {
        guard !foldScores.isEmpty else { return 0 }
        let m = mean
        return (foldScores.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(foldScores.count)).squareRoot()
    }

    enum CodingKeys: String, CodingKey {
        case foldScores = "fold_scores", fitSeconds = "fit_seconds"
    }
}

public enum CrossValidation {
    /// Fits `spec` on k−1 folds and scores the held-out fold, for each of `folds` stratified
    /// folds of `data` (seeded by `seed`, which also seeds every fit). With `parallel`, folds are
    /// fitted concurrently; the result is the same either way.
    public static func score(_ spec: ModelSpec, data: Dataset, folds: Int, seed: UInt64,
                             parallel: Bool? = nil) throws -> CrossValidationResult {
        let splits = try stratifiedKFold(labels: data.labels, folds: folds, seed: seed)
        let outcomes = try concurrentMap(splits.count, parallel: parallel ?? !spec.kind.fitsInParallel) { fold in
            try holdOutScore(spec, train: data.subset(splits[fold].train), validation: data.subset(splits[fold].validation), seed: seed)
        }
        return CrossValidationResult(foldScores: outcomes.map(\.accuracy), fitSeconds: outcomes.map(\.fitSeconds))
    }

    /// Fits on `train`, returns the accuracy on `validation` and the fit time.
    public static func holdOutScore(_ spec: ModelSpec, train: Dataset, validation: Dataset,
                                    seed: UInt64) throws -> (accuracy: Double, fitSeconds: Double) {
        var pipeline = try spec.makePipeline()
        let start = DispatchTime.now()
        _ = try pipeline.fit(train, options: FitOptions(seed: seed))
        let seconds = secondsSince(start)
        let predicted = try pipeline.predict(validation)
        let correct = zip(predicted, validation.labels).filter { $0 == Int($1) }.count
        return (validation.count == 0 ? 0 : Double(correct) / Double(validation.count), seconds)
    }
}

/// `transform(i)` for `0..<count`, in order; on all cores when `parallel`. The first error (by
/// index) is rethrown, so the outcome does not depend on scheduling.
func concurrentMap<T: Sendable>(_ count: Int, parallel: Bool, _ transform: @Sendable (Int) throws -> T) throws -> [T] {
    guard parallel, count > 1 else { return try (0..<count).map(transform) }
    let results = ResultSlots<T>(count: count)
    parallelFor(count) { index in
        results.set(index, Result { try transform(index) })
    }
    return try results.values()
}

/// One slot per task, each written by exactly one task.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var slots: [Result<T, any Error>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<T, any Error>) {
        lock.withLock { slots[index] = result }
    }

    func values() throws -> [T] {
        try lock.withLock { slots }.map { slot in
            guard let slot else { throw CancellationError() }
            return try slot.get()
        }
    }
}
