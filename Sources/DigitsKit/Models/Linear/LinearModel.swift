/// What tells one linear classifier from another: how its weights are fitted and how its scores
/// become probabilities. `LinearModel` holds the rest (the fitted map, the checks, persistence,
/// prediction from raw rows), shared by `LogisticRegression` and `SGDClassifier`.
public protocol LinearMethod: Sendable {
    associatedtype Parameters: HyperParameters
    static var kind: String { get }
    /// Weights (features × 10) and one intercept per digit fitted to checked rows and labels.
    static func fit(_ x: Matrix, labels: [Int], parameters: Parameters, options: FitOptions) throws -> LinearFit
    /// Class probabilities from the scores `x · weights + intercepts` (N×10).
    static func probabilities(scores: Matrix, parameters: Parameters) -> Matrix
}

/// A fitted linear map and how fitting ended.
public struct LinearFit: Sendable {
    var weights: Matrix
    var intercepts: [Float]
    var summary: FitSummary
}

/// A linear classifier whose fitting and probabilities follow `Method`.
public struct LinearModel<Method: LinearMethod>: LinearClassifier {
    public typealias Parameters = Method.Parameters

    public static var kind: String { Method.kind }
    public let parameters: Parameters
    /// `features × 10`.
    public private(set) var weights: Matrix
    /// One per digit.
    public private(set) var intercepts: [Float]

    /// A fitted model from stored weights (used when loading a model file).
    public init(parameters: Parameters, weights: Matrix, intercepts: [Float]) {
        self.parameters = parameters
        self.weights = weights
        self.intercepts = intercepts
    }

    public mutating func fit(_ x: Matrix, labels: [Int], options: FitOptions) throws -> FitSummary {
        try checkFit(x, labels: labels)
        let fitted = try Method.fit(x, labels: labels, parameters: parameters, options: options)
        weights = fitted.weights
        intercepts = fitted.intercepts
        return fitted.summary
    }

    public func probabilities(scores: Matrix) -> Matrix {
        Method.probabilities(scores: scores, parameters: parameters)
    }
}
