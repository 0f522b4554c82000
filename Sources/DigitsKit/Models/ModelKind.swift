/// The models `digits train` knows, each with the preprocessing it is trained with.
public enum ModelKind: String, CaseIterable, Sendable {
    case logreg
    case svc
    case pcaSVC = "pca-svc"

    /// A fresh pipeline with `NAME=VALUE` hyper-parameters applied and checked — before any
    /// data is loaded, so a typo costs nothing.
    public func makePipeline(parameters assignments: [String]) throws -> Pipeline {
        switch self {
        case .logreg:
            // Standardising gives every pixel the same scale, which the shared penalty on all
            // weights assumes (the student reports' StandardScaler → LogisticRegression).
            let parameters = try LogisticRegression.Parameters.parse(assignments)
            return Pipeline(transforms: [StandardScaler()], classifier: LogisticRegression(parameters: parameters))
        case .svc:
            // scikit-learn's twin scales pixels to [0, 1] so that gamma="scale" means the same.
            let parameters = try SVC.Parameters.parse(assignments)
            return Pipeline(transforms: [PixelScaler()], classifier: SVC(parameters: parameters))
        case .pcaSVC:
            return try PCASVCDefaults.makePipeline(assignments)
        }
    }

    /// "C=0.1 (a float in (0, ∞)): inverse of the L2 regularisation strength", one per parameter,
    /// with the defaults this kind really uses (which may differ from the classifier's own).
    public var parameterHelp: [String] {
        guard let pipeline = try? makePipeline(parameters: []) else { return [] }
        let parameters = pipeline.classifier.parameters
        let defaults = try? JSONValue(encoding: parameters)
        var lines: [String] = []
        if self == .pcaSVC {
            lines.append("nComponents=\(PCASVCDefaults.components) (an int in [1, ∞) or a float in (0, 1)): "
                         + "principal components to keep, or the share of variance they must explain")
        }
        return lines + type(of: parameters).specs.map { spec in
            let value = defaults?[spec.name]?.text ?? "none"
            return "\(spec.name)=\(value) (\(spec.expectation)): \(spec.help)"
        }
    }

    /// One line for `--help` and listings.
    public var summary: String {
        switch self {
        case .logreg: return "multinomial logistic regression (L2, L-BFGS) on standardised pixels"
        case .svc: return "support vector classifier (libsvm's one-vs-one SMO) on pixels/255"
        case .pcaSVC:
            return "pixels/255 → PCA (nComponents=\(PCASVCDefaults.components)) → SVC "
                + "(\(PCASVCDefaults.svcAssignments.joined(separator: " ")), rbf, gamma=scale)"
        }
    }
}
