/// The models `digits train` knows, each with the preprocessing it is trained with.
public enum ModelKind: String, CaseIterable, Sendable {
    case logreg
    case knn

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
        }
    }

    /// One line for `--help` and listings.
    public var summary: String {
        switch self {
        case .logreg: return "multinomial logistic regression (L2, L-BFGS) on standardised pixels"
        case .knn: return "k-nearest neighbours (exact brute-force search on BLAS) on pixels / 255"
        }
    }
}
