/// The models `digits train` knows, each with the preprocessing it is trained with.
public enum ModelKind: String, CaseIterable, Sendable {
    case logreg

    /// A fresh pipeline with `NAME=VALUE` hyper-parameters applied and checked — before any
    /// data is loaded, so a typo costs nothing.
    public func makePipeline(parameters assignments: [String]) throws -> Pipeline {
        switch self {
        case .logreg:
            // Standardising gives every pixel the same scale, which the shared penalty on all
            // weights assumes (the student reports' StandardScaler → LogisticRegression).
            let parameters = try LogisticRegression.Parameters.parse(assignments)
            return Pipeline(transforms: [StandardScaler()], classifier: LogisticRegression(parameters: parameters))
        }
    }

    /// The hyper-parameters the model takes.
    public var parametersType: any HyperParameters.Type {
        switch self {
        case .logreg: return LogisticRegression.Parameters.self
        }
    }

    /// "C=0.1 (a float in (0, ∞)): inverse of the L2 regularisation strength", one per parameter.
    public var parameterHelp: [String] {
        let type = parametersType
        let defaults = type.init().jsonObject()
        return type.specs.map { spec in
            let value = defaults[spec.name].map { "\($0)" } ?? "none"
            return "\(spec.name)=\(value) (\(spec.expectation)): \(spec.help)"
        }
    }

    /// One line for `--help` and listings.
    public var summary: String {
        switch self {
        case .logreg: return "multinomial logistic regression (L2, L-BFGS) on standardised pixels"
        }
    }
}
