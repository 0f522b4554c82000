/// A classifier whose fitted state is a linear map: `features × 10` weights and one intercept
/// per digit. It is saved as the tensors `weights` and `intercepts`.
public protocol LinearClassifier: RawRowsClassifier, PersistentComponent {
    var weights: Matrix { get }
    var intercepts: [Float] { get }
    init(parameters: Parameters, weights: Matrix, intercepts: [Float])
    /// Class probabilities from the scores of `decisionFunction` (N×10, turned in place).
    func probabilities(scores: Matrix) -> Matrix
}

extension LinearClassifier {
    /// An unfitted model.
    public init(parameters: Parameters) {
        self.init(parameters: parameters, weights: Matrix(rows: 0, columns: 0),
                  intercepts: [Float](repeating: 0, count: Dataset.classCount))
    }

    /// An unfitted model with the default hyper-parameters.
    public init() {
        self.init(parameters: Parameters())
    }

    public var isFitted: Bool { weights.rows > 0 }

    /// `x · weights + intercepts`: one score per digit and row, larger meaning more likely.
    public func decisionFunction(_ x: Matrix) throws -> Matrix {
        guard isFitted else { throw ClassifierError.notFitted(kind: Self.kind) }
        guard x.columns == weights.rows else {
            throw ClassifierError.featureCountMismatch(kind: Self.kind, expected: weights.rows, got: x.columns)
        }
        return Matrix.affine(x, weights, plus: intercepts)
    }

    public func probabilities(_ x: Matrix) throws -> Matrix {
        probabilities(scores: try decisionFunction(x))
    }

    public var configuration: JSONValue { (try? JSONValue(encoding: parameters)) ?? .null }

    public func stateTensors() throws -> [String: Tensor] {
        ["weights": Tensor(weights), "intercepts": try Tensor(intercepts, shape: [intercepts.count])]
    }

    public static func restore(configuration: JSONValue, state: StoredState) throws -> Self {
        let parameters = try state.parameters(Parameters.self, from: configuration, kind: kind)
        let weights = try state.matrix("weights", shape: [nil, Dataset.classCount])
        let intercepts = try state.floats("intercepts", shape: [Dataset.classCount])
        return Self(parameters: parameters, weights: weights, intercepts: intercepts)
    }
}
