import Foundation

/// How a search scores each combination.
public enum SearchProtocol: Sendable, Equatable {
    /// Stratified k-fold cross-validation on the training set.
    case crossValidation(folds: Int)
    /// One fit on the training set minus a stratified validation carve-out of this many images.
    case validation(count: Int)

    public var description: String {
        switch self {
        case let .crossValidation(folds): return "\(folds)-fold stratified cross-validation"
        case let .validation(count): return "a stratified validation set of \(count) images"
        }
    }
}

/// One combination and how it scored.
public struct SearchTrial: Sendable, Equatable, Codable {
    /// `NAME=VALUE`, one per grid axis.
    public let assignments: [String]
    public let meanScore: Double
    public let standardDeviation: Double
    public let foldScores: [Double]
    public let fitSeconds: Double

    public func value(of name: String) -> String? {
        assignments.first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
    }

    enum CodingKeys: String, CodingKey {
        case assignments, meanScore = "mean_score", standardDeviation = "std_score", foldScores = "fold_scores"
        case fitSeconds = "fit_seconds"
    }
}

/// A grid or random search over hyper-parameters: scikit-learn's `GridSearchCV` /
/// `RandomizedSearchCV` scoring by accuracy, without the refit (that is `ModelSelection`'s job).
public struct HyperparameterSearch: Sendable {
    public let kind: ModelKind
    public let grid: ParameterGrid
    public let method: SearchProtocol
    /// In the order tried (grid order, or the random draw's order).
    public let trials: [SearchTrial]

    /// Tries `combinations` (default: the whole grid) of `kind`, each on top of `fixed`
    /// parameters. Every fit uses `seed`, as do the folds and the validation carve-out, so a
    /// search is repeatable; combinations run in parallel when the kind does not parallelise
    /// its own fit (`ModelKind.fitsInParallel`), with the same results either way.
    public static func run(kind: ModelKind, fixed: [String] = [], grid: ParameterGrid, combinations: [[String]]? = nil,
                           method: SearchProtocol, data: Dataset, seed: UInt64, parallel: Bool? = nil,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> HyperparameterSearch {
        let chosen = combinations ?? grid.combinations
        let specs = chosen.map { ModelSpec(kind: kind, parameters: fixed + $0) }
        for spec in specs { _ = try spec.makePipeline() }  // every combination is checked before any fit
        var carved: (train: Dataset, validation: Dataset)?
        if case let .validation(count) = method {
            guard count > 0, count < data.count else { throw SplitError.tooLarge(requested: count, available: data.count) }
            let parts = stratifiedPartition(labels: data.labels, sizes: [data.count - count, count], seed: seed)
            carved = (data.subset(parts[0]), data.subset(parts[1]))
        }
        let holdOut = carved
        let inParallel = parallel ?? !kind.fitsInParallel
        let counter = ProgressCounter(total: specs.count, report: progress)
        let trials = try concurrentMap(specs.count, parallel: inParallel) { index in
            defer { counter.tick() }
            let spec = specs[index]
            switch method {
            case let .crossValidation(folds):
                let result = try CrossValidation.score(spec, data: data, folds: folds, seed: seed, parallel: false)
                return SearchTrial(assignments: chosen[index], meanScore: result.mean, standardDeviation: result.standardDeviation,
                                   foldScores: result.foldScores, fitSeconds: result.fitSeconds.reduce(0, +) / Double(folds))
            case .validation:
                let sets = holdOut ?? (data, data)
                let outcome = try CrossValidation.holdOutScore(spec, train: sets.train, validation: sets.validation, seed: seed)
                return SearchTrial(assignments: chosen[index], meanScore: outcome.accuracy, standardDeviation: 0,
                                   foldScores: [outcome.accuracy], fitSeconds: outcome.fitSeconds)
            }
        }
        return HyperparameterSearch(kind: kind, grid: grid, method: method, trials: trials)
    }

    /// Best first; ties keep the order tried, so the simplest-listed value wins a tie.
    public var ranked: [SearchTrial] {
        trials.enumerated().sorted { a, b in
            a.element.meanScore != b.element.meanScore ? a.element.meanScore > b.element.meanScore : a.offset < b.offset
        }.map(\.element)
    }

    public var best: SearchTrial? { ranked.first }
}

/// Counts finished tasks from any thread and reports them.
private final class ProgressCounter: @unchecked Sendable {
    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?
    private var done = 0
    private let lock = NSLock()

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func tick() {
        let finished = lock.withLock { done += 1; return done }
        report?(finished, total)
    }
}
