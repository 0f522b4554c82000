extension NeuralNetwork {
    /// A network's architecture and training recipe. The defaults are the report's CNN B
    /// recipe (Keras: SGD 0.01, momentum 0.9, He-uniform, batch 64, 15 epochs).
    public struct Parameters: HyperParameters {
        public static let modelName = "NeuralNetwork"
        public static let specs: [ParameterSpec] = [
            ParameterSpec("arch", .text, help: "comma-separated layers, input 28×28×1, last dense10: convFkK[sS][pP|same][ACT], denseN[ACT], poolP[sS], avgpoolP[sS], dropR, bn, relu, tanh, sigmoid, flatten; ACT is relu (default), tanh, sigmoid or linear; e.g. conv32k3,pool2,drop0.25,dense100,dense10"),
            ParameterSpec("epochs", .integer(min: 1), help: "passes over the training set (the most, with early stopping)"),
            ParameterSpec("batchSize", .integer(min: 1), help: "samples per gradient step"),
            ParameterSpec("learningRate", .real(min: 0, max: nil, minInclusive: false), help: "base step size"),
            ParameterSpec("optimizer", .choice(["sgd", "adam", "adamw"]), help: "update rule (adamw: decoupled weight decay)"),
            ParameterSpec("momentum", .real(min: 0, max: 1, maxInclusive: false), help: "SGD momentum"),
            ParameterSpec("nesterov", .boolean, help: "Nesterov momentum for SGD"),
            ParameterSpec("weightDecay", .real(min: 0, max: nil), help: "L2 coefficient on the weights (not biases), added to the gradient"),
            ParameterSpec("schedule", .choice(LearningRateSchedule.allCases.map(\.rawValue)),
                          help: "learning-rate schedule over the epochs"),
            ParameterSpec("initializer", .choice(Initializer.allCases.map(\.rawValue)), help: "weight initialisation"),
            ParameterSpec("earlyStopping", .boolean,
                          help: "stop when validation accuracy stalls and keep the best epoch's weights"),
            ParameterSpec("validationFraction", .real(min: 0, max: 1, minInclusive: false, maxInclusive: false),
                          help: "share of the training set held out for early stopping when the split has no validation set"),
            ParameterSpec("nIterNoChange", .integer(min: 1), help: "epochs without improvement before stopping (patience)"),
            ParameterSpec("augment", .real(min: 0, max: 2),
                          help: "training-time distortion strength (0 or unset: none; 1: ±12° rotation, ±10 % size, ±0.2 shear, ±2 px shift, ±0.05 noise)"),
            ParameterSpec("elastic", .real(min: 0, max: 100),
                          help: "training-time elastic distortion α, in pixels (0 or unset: none; Simard et al.: 34)"),
            ParameterSpec("elasticSigma", .real(min: 0.5, max: 10),
                          help: "smoothing σ of the elastic displacement field, in pixels (unset: 4)"),
            ParameterSpec("thicken", .real(min: 0, max: 3),
                          help: "largest training-time stroke dilation, in pixels per side (0 or unset: none)"),
            ParameterSpec("thin", .real(min: 0, max: 3),
                          help: "largest training-time stroke erosion, in pixels per side (0 or unset: none)"),
            ParameterSpec("blur", .real(min: 0, max: 3),
                          help: "largest training-time Gaussian blur σ, in pixels (0 or unset: none)"),
            ParameterSpec("style", .real(min: 0, max: 1),
                          help: "probability that a training 1 gets a flag, a 7 a crossbar and a 0 a slash drawn on (0 or unset: none)"),
            ParameterSpec("segments", .real(min: 0, max: 1),
                          help: "probability that a training digit other than 1 is redrawn in seven-segment style (0 or unset: none)"),
            ParameterSpec("gaps", .real(min: 0, max: 1),
                          help: "probability that a training digit gets a gap cut across its strokes, as a pen lift leaves (0 or unset: none)"),
            ParameterSpec("precision", .choice(MatrixPrecision.allCases.map(\.rawValue)),
                          help: "arithmetic of the training matrix products (bfloat16: operands rounded to bfloat16, sums, weights and predictions in float32; needs AVX512-BF16)"),
            ParameterSpec("tol", .real(min: 0, max: nil),
                          help: "least improvement that counts; without early stopping, > 0 stops on a training-loss plateau"),
            ParameterSpec("labelSmoothing", .real(min: 0, max: 1, maxInclusive: false),
                          help: "share ε of each label's target spread evenly over the 10 classes (0 or unset: one-hot targets)"),
        ]

        public var arch: String
        public var epochs: Int
        public var batchSize: Int
        public var learningRate: Double
        public var optimizer: String
        public var momentum: Double
        public var nesterov: Bool
        public var weightDecay: Double
        public var schedule: String
        public var initializer: String
        public var earlyStopping: Bool
        public var validationFraction: Double
        public var nIterNoChange: Int
        public var tol: Double
        /// Optional, as the other distortions, so that model files written before they existed still load.
        public var augment: Double?
        public var elastic: Double?
        public var elasticSigma: Double?
        public var thicken: Double?
        public var thin: Double?
        public var blur: Double?
        public var style: Double?
        public var segments: Double?
        public var gaps: Double?
        /// Optional so that model files written before it existed still load (as float32).
        public var precision: String?
        /// Optional, as `precision`: older model files trained without it.
        public var labelSmoothing: Double?

        public init() {
            arch = "conv32k3,pool2,conv64k3,conv64k3,pool2,dense100,dense10"
            epochs = 15
            batchSize = 64
            learningRate = 0.01
            optimizer = "sgd"
            momentum = 0.9
            nesterov = false
            weightDecay = 0
            schedule = LearningRateSchedule.constant.rawValue
            initializer = Initializer.heUniform.rawValue
            earlyStopping = false
            validationFraction = 0.1
            nIterNoChange = 10
            tol = 0
        }

        /// The defaults with another architecture and recipe, for the presets.
        init(arch: String, epochs: Int, batchSize: Int, learningRate: Double, optimizer: String,
             initializer: Initializer, weightDecay: Double = 0) {
            self.init()
            self.arch = arch
            self.epochs = epochs
            self.batchSize = batchSize
            self.learningRate = learningRate
            self.optimizer = optimizer
            self.initializer = initializer.rawValue
            self.weightDecay = weightDecay
            if optimizer != "sgd" { momentum = 0 }
        }

        /// The architecture, parsed and shape-checked.
        public func architecture() throws(ArchitectureError) -> Architecture {
            try Architecture(parsing: arch)
        }

        func makeOptimizer() -> any Optimizer {
            switch optimizer {
            case "adam": return Adam(weightDecay: Float(weightDecay), decoupled: false)
            case "adamw": return Adam(weightDecay: Float(weightDecay), decoupled: true)
            default: return SGD(momentum: Float(momentum), nesterov: nesterov, weightDecay: Float(weightDecay))
            }
        }

        /// The training-time distortions these parameters ask for, nil for none.
        var augmentation: Augmentation? {
            var augmentation = Augmentation(magnitude: Float(augment ?? 0))
            augmentation.elasticAlpha = Float(elastic ?? 0)
            augmentation.elasticSigma = Float(elasticSigma ?? 4)
            augmentation.thickness = -Float(thin ?? 0)...Float(thicken ?? 0)
            augmentation.blur = 0...Float(blur ?? 0)
            augmentation.style = Float(style ?? 0)
            augmentation.segments = Float(segments ?? 0)
            augmentation.gaps = Float(gaps ?? 0)
            return augmentation.isIdentity ? nil : augmentation
        }

        var matrixPrecision: MatrixPrecision { precision.flatMap(MatrixPrecision.init(rawValue:)) ?? .float32 }

        /// Rejects `precision=bfloat16` on a processor without the instructions, before training starts.
        func checkPrecisionSupported(bfloat16Supported: Bool = MatrixPrecision.bfloat16Supported) throws(ParameterError) {
            guard matrixPrecision == .bfloat16, !bfloat16Supported else { return }
            throw .unsupported(model: Self.modelName, name: "precision", value: MatrixPrecision.bfloat16.rawValue,
                               reason: "this processor lacks the AVX512-BF16 instructions (with AVX512F, AVX512BW and AVX512VL) "
                                   + "that its bfloat16 matrix products use; train with precision=float32")
        }

        var learningRateSchedule: LearningRateSchedule { LearningRateSchedule(rawValue: schedule) ?? .constant }
        var weightInitializer: Initializer { Initializer(rawValue: initializer) ?? .heUniform }
    }
}
