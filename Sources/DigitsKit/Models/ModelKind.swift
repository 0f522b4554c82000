/// The models `digits train` knows, each with the preprocessing it is trained with.
public enum ModelKind: String, CaseIterable, Sendable {
    case logreg
    case sgd
    case knn
    case tree
    case forest
    case extratrees
    case svc
    case pcaSVC = "pca-svc"
    /// scikit-learn's MLPClassifier, by its parameter names.
    case mlp
    /// Any network by `arch` and training recipe (defaults: the report's CNN B).
    case cnn
    case mlp6416 = "mlp-64-16"
    case mlp6432 = "mlp-64-32"
    case mlp512 = "mlp-512"
    case cnn32f = "cnn-32f"
    case cnn3216f = "cnn-32-16f"
    case cnn3216x3f = "cnn-32-16x3f"
    case cnnA = "cnn-a"
    case cnnB = "cnn-b"
    /// Our own design for real handwriting; `cnn-wide`, the default model, is it at 1.5× its
    /// filters, and it trains 1.7× faster.
    case cnnFlagship = "cnn-flagship"
    /// The flagship's batch norm, Adam and one-cycle schedule on cnn-b's layers, in bfloat16
    /// where the processor has it: our fastest way to a 99 % model.
    case cnnQuick = "cnn-quick"
    /// The flagship at 1.5× its filters: the default model of evaluate, predict and serve
    /// (seed 0), and the members of `make ensemble`.
    case cnnWide = "cnn-wide"

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
        // Trees compare one pixel with a threshold, which no monotone rescaling changes: raw grey
        // levels, as the scikit-learn twins, and bins that are the grey levels themselves.
        case .tree:
            return Pipeline(transforms: [], classifier: DecisionTree(parameters: try .parse(assignments)))
        case .forest:
            return Pipeline(transforms: [], classifier: RandomForest(parameters: try .parse(assignments)))
        case .extratrees:
            return Pipeline(transforms: [], classifier: ExtraTrees(parameters: try .parse(assignments)))
        case .svc:
            // scikit-learn's twin scales pixels to [0, 1] so that gamma="scale" means the same.
            let parameters = try SVC.Parameters.parse(assignments)
            return Pipeline(transforms: [PixelScaler()], classifier: SVC(parameters: parameters))
        case .pcaSVC:
            return try PCASVCDefaults.makePipeline(assignments)
        case .mlp, .mlp512:
            let base = mlpPreset ?? MLPParameters()
            return try Self.networkPipeline(MLPParameters.parse(assignments, over: base).networkParameters())
        default:
            let base = networkPreset ?? NeuralNetwork.Parameters()
            return try Self.networkPipeline(NeuralNetwork.Parameters.parse(assignments, over: base))
        }
    }

    /// Networks read pixels / 255, as the reports' Keras and scikit-learn models did.
    private static func networkPipeline(_ parameters: NeuralNetwork.Parameters) throws -> Pipeline {
        // A bad architecture is refused here, before any data is loaded.
        _ = try parameters.architecture()
        return Pipeline(transforms: [PixelScaler()], classifier: NeuralNetwork(parameters: parameters))
    }

    /// The hyper-parameters as the user sets them, with the defaults this kind starts from
    /// (which may differ from the classifier's own, e.g. `pca-svc`'s C=10 or a preset's recipe).
    var defaultParameters: any HyperParameters {
        switch self {
        case .logreg: return LogisticRegression.Parameters()
        case .sgd: return SGDClassifier.Parameters()
        case .knn: return KNeighborsClassifier.Parameters()
        case .tree: return DecisionTree.Parameters()
        case .forest: return RandomForest.Parameters()
        case .extratrees: return ExtraTrees.Parameters()
        case .svc: return SVC.Parameters()
        case .pcaSVC: return (try? SVC.Parameters.parse(PCASVCDefaults.svcAssignments)) ?? SVC.Parameters()
        case .mlp, .mlp512: return mlpPreset ?? MLPParameters()
        default: return networkPreset ?? NeuralNetwork.Parameters()
        }
    }

    /// "C=0.1 (a float in (0, ∞)): inverse of the L2 regularisation strength", one per parameter.
    public var parameterHelp: [String] {
        let parameters = defaultParameters
        let defaults = try? JSONValue(encoding: parameters)
        var lines: [String] = []
        if self == .pcaSVC {
            lines.append("nComponents=\(PCASVCDefaults.components) (\(PCASVCDefaults.componentsExpectation)): \(PCASVCDefaults.componentsHelp)")
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
        case .sgd: return "linear classifier by stochastic gradient descent (one digit against the rest) on pixels / 255"
        case .knn: return "k-nearest neighbours (exact brute-force search on BLAS) on pixels / 255"
        case .tree: return "decision tree (gini or entropy, histogram splits) on raw pixels"
        case .forest: return "random forest (bootstrap, sqrt(784) features per split) on raw pixels"
        case .extratrees: return "extremely randomised trees (random thresholds) on raw pixels"
        case .svc: return "support vector classifier (libsvm's one-vs-one SMO) on pixels/255"
        case .pcaSVC:
            return "pixels/255 → PCA (nComponents=\(PCASVCDefaults.components)) → SVC "
                + "(\(PCASVCDefaults.svcAssignments.joined(separator: " ")), rbf, gamma=scale)"
        case .mlp: return "scikit-learn's MLPClassifier (its parameter names) on pixels/255"
        case .cnn: return "any network given by arch and a training recipe, on pixels/255"
        case .mlp6416: return "dense 784-64-16-10 (51 450 parameters), SGD 3e-3, L2 1e-5, batch 32, 100 epochs"
        case .mlp6432: return "dense 784-64-32-10 (52 650 parameters), SGD 3e-3, L2 1e-5, batch 32, 100 epochs"
        case .mlp512: return "MLPClassifier((512,)), adam, early stopping"
        case .cnn32f: return "conv32-pool-dense10 (54 410 parameters), Adam"
        case .cnn3216f: return "conv32-conv16-pool-dense10 (27 994 parameters), Adam"
        case .cnn3216x3f: return "conv32-conv16×3-pool-dense10 (25 594 parameters), Adam"
        case .cnnA: return "conv32-pool-dense100-dense10, SGD 0.01 momentum 0.9, He-uniform, batch 64, 15 epochs"
        case .cnnB: return "conv32-pool-conv64-conv64-pool-dense100-dense10, SGD 0.01 momentum 0.9, He-uniform, batch 64, 15 epochs"
        case .cnnFlagship:
            return "conv32×2-pool-conv64×2-pool-dense256 with batch norm and dropout, Adam one-cycle, "
                + "trained on affine, elastic, stroke-width and blur distortions"
        case .cnnQuick:
            return "conv32-pool-conv64-conv64-pool-dense100 with batch norm, Adam one-cycle, batch 128, 3 epochs, "
                + "bfloat16 products where the processor has them"
        case .cnnWide:
            return "the flagship with 48 and 96 filters instead of 32 and 64, bfloat16 products where the processor has them"
        }
    }
}
