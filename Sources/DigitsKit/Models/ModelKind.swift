/// The models `digits train` knows, each with the preprocessing it is trained with.
public enum ModelKind: String, CaseIterable, Sendable {
    case logreg
    case tree
    case forest
    case extratrees

    /// A fresh pipeline with `NAME=VALUE` hyper-parameters applied and checked — before any
    /// data is loaded, so a typo costs nothing.
    public func makePipeline(parameters assignments: [String]) throws -> Pipeline {
        switch self {
        case .logreg:
            // Standardising gives every pixel the same scale, which the shared penalty on all
            // weights assumes (the student reports' StandardScaler → LogisticRegression).
            let parameters = try LogisticRegression.Parameters.parse(assignments)
            return Pipeline(transforms: [StandardScaler()], classifier: LogisticRegression(parameters: parameters))
        // Trees compare one pixel with a threshold, which no monotone rescaling changes: raw grey
        // levels, as the scikit-learn twins, and bins that are the grey levels themselves.
        case .tree:
            return Pipeline(transforms: [], classifier: DecisionTree(parameters: try .parse(assignments)))
        case .forest:
            return Pipeline(transforms: [], classifier: RandomForest(parameters: try .parse(assignments)))
        case .extratrees:
            return Pipeline(transforms: [], classifier: ExtraTrees(parameters: try .parse(assignments)))
        }
    }

    /// One line for `--help` and listings.
    public var summary: String {
        switch self {
        case .logreg: return "multinomial logistic regression (L2, L-BFGS) on standardised pixels"
        case .tree: return "decision tree (gini or entropy, histogram splits) on raw pixels"
        case .forest: return "random forest (bootstrap, sqrt(784) features per split) on raw pixels"
        case .extratrees: return "extremely randomised trees (random thresholds) on raw pixels"
        }
    }
}
