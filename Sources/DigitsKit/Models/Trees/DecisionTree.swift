/// One classification tree, grown greedily to purity unless limited (scikit-learn's
/// `DecisionTreeClassifier`), on raw features.
///
/// Splits are searched over 8-bit bins (see `BinnedFeatures`): histograms for large nodes, with
/// the larger child's histogram derived from its parent's, and a sort for small ones; the
/// features of a node are searched in parallel.
public struct DecisionTree: TreeClassifier {
    public typealias Parameters = TreeParameters

    public static let kind = "tree"
    public let parameters: Parameters
    public private(set) var trees: TreeEnsemble?

    public init(parameters: Parameters, trees: TreeEnsemble?) {
        self.parameters = parameters
        self.trees = trees
    }

    public static func treeCount(_ parameters: Parameters) -> Int { 1 }

    public mutating func fit(_ x: Matrix, labels: [Int], options: FitOptions) throws -> FitSummary {
        try parameters.validate()
        trees = nil
        let (data, labels) = try binTrainingData(x, labels: labels)
        let growth = try TreeGrowth(parameters, modelName: Parameters.modelName, data: data,
                                    randomThresholds: false, parallelFeatures: true)
        var rng = SplitMix64(seed: options.seed)
        var tree = TreeGrower(data: data, labels: labels, growth: growth).grow(weights: nil, rng: &rng)
        tree.finish()
        trees = tree
        return FitSummary(iterations: 1, finalLoss: nil, converged: true,
                          stopReason: "grew \(tree.nodeCount) nodes, depth \(tree.maxDepth)")
    }
}
