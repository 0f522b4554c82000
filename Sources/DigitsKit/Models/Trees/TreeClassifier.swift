/// What the tree models share: fitted trees, and answers read from them.
public protocol TreeClassifier: RawRowsClassifier {
    /// nil before `fit`.
    var trees: TreeEnsemble? { get }
    /// A model holding `trees` (nil: unfitted; stored trees when loading a model file).
    init(parameters: Parameters, trees: TreeEnsemble?)
    /// How many trees a model with `parameters` holds.
    static func treeCount(_ parameters: Parameters) -> Int
}

extension TreeClassifier {
    /// An unfitted model.
    public init(parameters: Parameters = Parameters()) {
        self.init(parameters: parameters, trees: nil)
    }

    public var isFitted: Bool { trees != nil }

    public func probabilities(_ x: Matrix) throws -> Matrix {
        guard let trees else { throw ClassifierError.notFitted(kind: Self.kind) }
        guard x.columns == trees.featureCount else {
            throw ClassifierError.featureCountMismatch(kind: Self.kind, expected: trees.featureCount, got: x.columns)
        }
        return trees.probabilities(x)
    }

    /// Trees read raw grey levels as they are; a pipeline with transforms goes the usual way.
    public func rawRowsPredictor(after transforms: [any Transform]) -> RawRowsPredictor? {
        guard transforms.isEmpty, let trees else { return nil }
        return RawRowsPredictor(columns: trees.featureCount) { trees.probabilities($0, columns: trees.featureCount) }
    }

    /// How much each feature's splits reduced impurity, normalised to sum to 1 (scikit-learn's
    /// `feature_importances_`): for raw MNIST pixels, a 28×28 map read row by row.
    public func featureImportances() throws -> [Float] {
        guard let trees else { throw ClassifierError.notFitted(kind: Self.kind) }
        return trees.importances
    }
}

extension TreeGrowth {
    /// Settings for trees of a `modelName` model from `parameters`, checked against the data.
    init(_ parameters: TreeParameters, modelName: String, data: BinnedFeatures, randomThresholds: Bool,
         parallelFeatures: Bool) throws(ParameterError) {
        guard let perSplit = parameters.maxFeatures.count(featureCount: data.featureCount) else {
            throw .invalid(model: modelName, name: "maxFeatures",
                           expected: "a fraction below 1 or a whole count up to the \(data.featureCount) features",
                           got: parameters.maxFeatures.description)
        }
        let criterion: SplitCriterion = parameters.criterion == "entropy" ? .entropy : .gini
        self.init(scorer: SplitScorer(criterion: criterion, minSamplesLeaf: parameters.minSamplesLeaf,
                                      largestWeight: data.sampleCount),
                  maxDepth: parameters.maxDepth ?? Int.max, minSamplesSplit: parameters.minSamplesSplit,
                  minSamplesLeaf: parameters.minSamplesLeaf, featuresPerSplit: perSplit,
                  randomThresholds: randomThresholds, parallelFeatures: parallelFeatures)
    }
}

/// Checks the training rows and bins them; trees need ordered, finite values.
///
/// The rows are binned grouped by label (in their order within each digit): deep nodes hold
/// mostly one or two digits, so their samples then sit close together in each feature's column
/// and the split search reads fewer cache lines. Labels are returned in that order.
func binTrainingData(_ x: Matrix, labels: [Int]) throws -> (BinnedFeatures, [UInt8]) {
    try checkTrainingInput(x, labels: labels)
    if let bad = x.storage.firstIndex(where: { !$0.isFinite }) {
        throw TreeError.nonFiniteFeature(row: bad / x.columns, column: bad % x.columns)
    }
    let order = labels.indices.sorted { (labels[$0], $0) < (labels[$1], $1) }
    return (BinnedFeatures(x, rowOrder: order), order.map { UInt8(labels[$0]) })
}
