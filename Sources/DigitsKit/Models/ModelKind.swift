/// The models `digits train` knows, each with the preprocessing it is trained with.
public enum ModelKind: String, CaseIterable, Sendable {
    case logreg
    case knn
    case sgd

    /// A fresh pipeline with `NAME=VALUE` hyper-parameters applied and checked — before any
    /// data is loaded, so a typo costs nothing.
    public func makePipeline(parameters assignments: [String]) throws -> Pipeline {
        switch self {
        case .logreg:
            // Standardising gives every pixel the same scale, which the shared penalty on all
            // weights assumes (the student reports' StandardScaler → LogisticRegression).
            let parameters = try LogisticRegression.Parameters.parse(assignments)
            return Pipeline(transforms: [StandardScaler()], classifier: LogisticRegression(parameters: parameters))
        case .knn:
            // Pixels in [0, 1], as the student reports' k-NN (and U8 rows in the model file).
            let parameters = try KNeighborsClassifier.Parameters.parse(assignments)
            return Pipeline(transforms: [PixelScaler()], classifier: KNeighborsClassifier(parameters: parameters))
        case .sgd:
            // Pixels in [0, 1], as the scikit-learn twin: the default step sizes assume features of order 1.
            let parameters = try SGDClassifier.Parameters.parse(assignments)
            return Pipeline(transforms: [PixelScaler()], classifier: SGDClassifier(parameters: parameters))
        }
    }

    /// One line for `--help` and listings.
    public var summary: String {
        switch self {
        case .logreg: return "multinomial logistic regression (L2, L-BFGS) on standardised pixels"
        case .sgd: return "linear classifier by stochastic gradient descent (one digit against the rest) on pixels / 255"
        case .knn: return "k-nearest neighbours (exact brute-force search on BLAS) on pixels / 255"
        }
    }
}
