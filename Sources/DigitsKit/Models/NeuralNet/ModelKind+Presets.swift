/// The student reports' networks, as recipes.
extension ModelKind {
    /// The parameter that counts epochs (`digits train --epochs`), nil for models not trained in epochs.
    public var epochsParameter: String? {
        switch self {
        case .logreg, .sgd, .knn, .tree, .forest, .extratrees, .svc, .pcaSVC: return nil
        case .mlp, .mlp512: return "maxIter"
        default: return "epochs"
        }
    }

    /// The recipe of a network preset (nil for other kinds).
    var networkPreset: NeuralNetwork.Parameters? {
        typealias Recipe = NeuralNetwork.Parameters
        // The reports' small CNNs were Keras models compiled with Adam and default settings.
        func smallCNN(_ arch: String) -> Recipe {
            Recipe(arch: arch, epochs: 10, batchSize: 64, learningRate: 1e-3, optimizer: "adam", initializer: .glorotUniform)
        }
        // Keras dense nets: SGD 3e-3 with an L2(1e-5) kernel penalty, whose gradient is 2e-5·W.
        func kerasDense(_ arch: String) -> Recipe {
            Recipe(arch: arch, epochs: 100, batchSize: 32, learningRate: 3e-3, optimizer: "sgd",
                   initializer: .glorotUniform, weightDecay: 2e-5)
        }
        switch self {
        case .mlp6416: return kerasDense("dense64,dense16,dense10")
        case .mlp6432: return kerasDense("dense64,dense32,dense10")
        case .cnn32f: return smallCNN("conv32k3,pool2,dense10")
        case .cnn3216f: return smallCNN("conv32k3,conv16k3,pool2,dense10")
        case .cnn3216x3f: return smallCNN("conv32k3,conv16k3,conv16k3,conv16k3,pool2,dense10")
        case .cnnA:
            var recipe = Recipe()
            recipe.arch = "conv32k3,pool2,dense100,dense10"
            return recipe
        case .cnnB, .cnn: return Recipe()
        default: return nil
        }
    }

    /// The MLPClassifier settings of `mlp-512` (nil for other kinds).
    var mlpPreset: MLPParameters? {
        guard self == .mlp512 else { return nil }
        var parameters = MLPParameters()
        parameters.hiddenLayerSizes = "512"
        parameters.earlyStopping = true
        return parameters
    }
}
