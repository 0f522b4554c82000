/// scikit-learn's `MLPClassifier` knobs, by their names, for `digits train mlp`; they map onto
/// a dense `NeuralNetwork` recipe.
public struct MLPParameters: HyperParameters {
    public static let modelName = "MLPClassifier"
    public static let specs: [ParameterSpec] = [
        ParameterSpec("hiddenLayerSizes", .text, help: "units of each hidden layer, e.g. 64,32"),
        ParameterSpec("activation", .choice(["relu", "tanh", "logistic", "identity"]), help: "hidden-layer activation"),
        ParameterSpec("alpha", .real(min: 0, max: nil), help: "L2 penalty, scaled by 1/batchSize as scikit-learn does"),
        ParameterSpec("solver", .choice(["adam", "sgd"]), help: "optimiser"),
        ParameterSpec("learningRateInit", .real(min: 0, max: nil, minInclusive: false), help: "step size"),
        ParameterSpec("momentum", .real(min: 0, max: 1), help: "SGD momentum"),
        ParameterSpec("nesterovsMomentum", .boolean, help: "Nesterov momentum for SGD"),
        ParameterSpec("batchSize", .integer(min: 1), help: "samples per step (capped at the training-set size)"),
        ParameterSpec("maxIter", .integer(min: 1), help: "most epochs"),
        ParameterSpec("tol", .real(min: 0, max: nil), help: "least improvement of the loss or validation score"),
        ParameterSpec("earlyStopping", .boolean, help: "hold out validationFraction and stop when its accuracy stalls"),
        ParameterSpec("validationFraction", .real(min: 0, max: 1, minInclusive: false, maxInclusive: false),
                      help: "share held out for early stopping"),
        ParameterSpec("nIterNoChange", .integer(min: 1), help: "epochs without improvement before stopping"),
        // Not one of scikit-learn's knobs: the network recipe's, offered under the same name.
        ParameterSpec("precision", .choice(MatrixPrecision.allCases.map(\.rawValue)),
                      help: "arithmetic of the training matrix products (bfloat16 needs AVX512-BF16; predictions stay float32)"),
    ]

    public var hiddenLayerSizes: String
    public var activation: String
    public var alpha: Double
    public var solver: String
    public var learningRateInit: Double
    public var momentum: Double
    public var nesterovsMomentum: Bool
    public var batchSize: Int
    public var maxIter: Int
    public var tol: Double
    public var earlyStopping: Bool
    public var validationFraction: Double
    public var nIterNoChange: Int
    public var precision: String

    /// scikit-learn 1.9's defaults.
    public init() {
        hiddenLayerSizes = "100"
        activation = "relu"
        alpha = 1e-4
        solver = "adam"
        learningRateInit = 1e-3
        momentum = 0.9
        nesterovsMomentum = true
        batchSize = 200
        maxIter = 200
        tol = 1e-4
        earlyStopping = false
        validationFraction = 0.1
        nIterNoChange = 10
        precision = MatrixPrecision.float32.rawValue
    }

    /// The equivalent network recipe; a malformed `hiddenLayerSizes` is a parameter error.
    public func networkParameters() throws(ParameterError) -> NeuralNetwork.Parameters {
        let sizes = hiddenLayerSizes.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty, sizes.allSatisfy({ ($0 ?? 0) >= 1 }) else {
            throw .invalid(model: Self.modelName, name: "hiddenLayerSizes",
                           expected: "positive layer sizes separated by commas, e.g. 64,32", got: "'\(hiddenLayerSizes)'")
        }
        let suffix = ["relu": "", "tanh": "tanh", "logistic": "sigmoid", "identity": "linear"][activation] ?? ""
        var recipe = NeuralNetwork.Parameters(
            arch: (sizes.compactMap { $0 }.map { "dense\($0)\(suffix)" } + ["dense10"]).joined(separator: ","),
            epochs: maxIter, batchSize: batchSize, learningRate: learningRateInit, optimizer: solver,
            initializer: .glorotUniform,
            // scikit-learn adds alpha·W / batch size to each batch's mean gradient.
            weightDecay: alpha / Double(batchSize))
        if solver == "sgd" {
            recipe.momentum = momentum
            recipe.nesterov = nesterovsMomentum
        }
        recipe.tol = tol
        recipe.earlyStopping = earlyStopping
        recipe.validationFraction = validationFraction
        recipe.nIterNoChange = nIterNoChange
        recipe.precision = precision
        return recipe
    }
}
