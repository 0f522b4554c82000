/// Trees grown on bootstrap samples with `maxFeatures` random candidates per split, whose
/// class distributions are averaged (scikit-learn's `RandomForestClassifier`).
public enum RandomForestVariant: ForestVariant {
    public static let kind = "forest"
    public static let modelName = "RandomForestClassifier"
    public static let bootstrapByDefault = true
    public static let randomThresholds = false
}

/// Like a random forest, but each candidate feature gets one random threshold and trees see
/// the whole training set by default (scikit-learn's `ExtraTreesClassifier`).
public enum ExtraTreesVariant: ForestVariant {
    public static let kind = "extratrees"
    public static let modelName = "ExtraTreesClassifier"
    public static let bootstrapByDefault = false
    public static let randomThresholds = true
}

public typealias RandomForest = Forest<RandomForestVariant>
public typealias ExtraTrees = Forest<ExtraTreesVariant>

/// An ensemble of decision trees grown in parallel (one tree per worker at a time), each from
/// its own seed drawn in order, so the forest depends on the seed and not on thread timing.
public struct Forest<Variant: ForestVariant>: TreeClassifier {
    public typealias Parameters = ForestParameters<Variant>

    public static var kind: String { Variant.kind }
    public let parameters: Parameters
    public private(set) var trees: TreeEnsemble?

    public init(parameters: Parameters, trees: TreeEnsemble?) {
        self.parameters = parameters
        self.trees = trees
    }

    public static func treeCount(_ parameters: Parameters) -> Int { parameters.nEstimators }

    public mutating func fit(_ x: Matrix, labels: [Int], options: FitOptions) throws -> FitSummary {
        try parameters.validate()
        trees = nil
        let (data, labels) = try binTrainingData(x, labels: labels)
        let draws = try bootstrapDraws(sampleCount: data.sampleCount)
        let growth = try TreeGrowth(parameters.tree, modelName: Parameters.modelName, data: data,
                                    randomThresholds: Variant.randomThresholds, parallelFeatures: false)
        let count = parameters.nEstimators
        let workers = min(parameters.nJobs ?? workerCount, workerCount, count)
        var seeds = SplitMix64(seed: options.seed)
        let treeSeeds = (0..<count).map { _ in seeds.next() }
        var grown = [TreeEnsemble?](repeating: nil, count: count)
        grown.withUnsafeMutableBufferPointer { grown in
            parallelFor(workers) { worker in
                let grower = TreeGrower(data: data, labels: labels, growth: growth)
                for t in stride(from: worker, to: count, by: workers) {
                    var rng = SplitMix64(seed: treeSeeds[t])
                    let weights = draws.map { Self.bootstrap(sampleCount: data.sampleCount, draws: $0, rng: &rng) }
                    grown[t] = grower.grow(weights: weights, rng: &rng)
                    options.progress?(FitProgress(step: t + 1, totalSteps: count, note: "tree \(t + 1) of \(count)"))
                }
            }
        }
        var forest = TreeEnsemble(featureCount: data.featureCount)
        var importances = [Double](repeating: 0, count: data.featureCount)
        for case let tree? in grown {
            forest.append(tree)
            // As scikit-learn: average the trees that split at all, then normalise.
            if tree.nodeCount > 1 { for f in importances.indices { importances[f] += Double(tree.importances[f]) } }
        }
        let total = importances.reduce(0, +)
        if total > 0 { forest.importances = importances.map { Float($0 / total) } }
        forest.finish()
        trees = forest
        return FitSummary(iterations: count, finalLoss: nil, converged: true,
                          stopReason: "grew \(count) trees, \(forest.nodeCount) nodes, deepest \(forest.maxDepth)")
    }

    /// Draws per tree, or nil without bootstrap; checks `maxSamples` against the data.
    private func bootstrapDraws(sampleCount: Int) throws(ParameterError) -> Int? {
        guard parameters.bootstrap else {
            if let maxSamples = parameters.maxSamples {
                throw .invalid(model: Parameters.modelName, name: "maxSamples",
                               expected: "absent when bootstrap is false", got: "\(maxSamples)")
            }
            return nil
        }
        guard let maxSamples = parameters.maxSamples else { return sampleCount }
        if maxSamples < 1 { return max(1, Int((maxSamples * Double(sampleCount)).rounded())) }
        guard maxSamples == maxSamples.rounded(), maxSamples <= Double(sampleCount) else {
            throw .invalid(model: Parameters.modelName, name: "maxSamples",
                           expected: "a fraction below 1 or a whole count up to the \(sampleCount) training samples",
                           got: "\(maxSamples)")
        }
        return Int(maxSamples)
    }

    /// How often each sample is drawn in `draws` draws with replacement.
    private static func bootstrap(sampleCount: Int, draws: Int, rng: inout SplitMix64) -> [Int32] {
        var weights = [Int32](repeating: 0, count: sampleCount)
        for _ in 0..<draws { weights[Int(rng.next() % UInt64(sampleCount))] += 1 }
        return weights
    }
}
