extension SVC {
    /// scikit-learn's `SVC` knobs, in Swift casing.
    public struct Parameters: HyperParameters {
        public static let modelName = "SVC"
        public static let specs: [ParameterSpec] = [
            ParameterSpec("kernel", .choice(SVMKernel.Kind.allCases.map(\.rawValue)), help: "kernel function"),
            ParameterSpec("C", .real(min: 0, max: nil, minInclusive: false), help: "penalty on margin violations"),
            ParameterSpec("gamma", .choiceOrReal(["scale", "auto"], min: 0, minInclusive: false),
                          help: "kernel width: 'scale' = 1/(features·variance), 'auto' = 1/features, or a number"),
            ParameterSpec("degree", .integer(min: 1), help: "degree of the poly kernel"),
            ParameterSpec("coef0", .real(min: nil, max: nil), help: "constant term of the poly kernel"),
            ParameterSpec("tol", .real(min: 0, max: nil, minInclusive: false), help: "stopping tolerance on the KKT violation"),
            ParameterSpec("cacheSize", .real(min: 1, max: 3072),
                          help: "kernel-row cache in MB, shared by the sub-problems solved at the same time"),
            ParameterSpec("probability", .boolean, help: "fit Platt sigmoids (5-fold CV per pair) for calibrated probabilities"),
        ]

        public var kernel: String
        public var C: Double
        public var gamma: Gamma
        public var degree: Int
        public var coef0: Double
        public var tol: Double
        public var cacheSize: Double
        public var probability: Bool

        public init() {
            // scikit-learn's defaults, except a larger cache: 2 × 512 MB holds nearly every row
            // of MNIST's largest pair problems (12 000 samples) and stays far below 4 GiB.
            self.init(kernel: "rbf", C: 1, gamma: .scale, degree: 3, coef0: 0, tol: 1e-3, cacheSize: 1024, probability: false)
        }

        public init(kernel: String, C: Double, gamma: Gamma, degree: Int, coef0: Double, tol: Double,
                    cacheSize: Double, probability: Bool) {
            self.kernel = kernel
            self.C = C
            self.gamma = gamma
            self.degree = degree
            self.coef0 = coef0
            self.tol = tol
            self.cacheSize = cacheSize
            self.probability = probability
        }
    }

    /// `gamma`: a word (`"scale"`, `"auto"`) resolved on the training data, or a number.
    /// Unknown words decode as they are, so `validate()` names them instead of a decoding error.
    public enum Gamma: Codable, Sendable, Equatable {
        case scale
        case auto
        case value(Double)
        case unknown(String)

        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                self = .value(number)
                return
            }
            switch try container.decode(String.self) {
            case "scale": self = .scale
            case "auto": self = .auto
            case let word: self = .unknown(word)
            }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .scale: try container.encode("scale")
            case .auto: try container.encode("auto")
            case let .value(number): try container.encode(number)
            case let .unknown(word): try container.encode(word)
            }
        }
    }
}
