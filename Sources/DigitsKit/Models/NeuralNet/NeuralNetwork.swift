import Foundation

/// A feed-forward network (dense, convolution, pooling, dropout, batch-norm layers) trained by
/// mini-batch gradient descent on the softmax cross-entropy, as Keras and scikit-learn's
/// `MLPClassifier` train theirs. Inputs are 784 pixels scaled to [0, 1], read as 28×28×1.
public struct NeuralNetwork: Classifier {
    public static let kind = "nn"
    public let parameters: Parameters
    /// Set by `fit` or loading.
    public private(set) var architecture: Architecture?
    /// Every trainable value in the network's parameter-store order.
    private(set) var values: [Float] = []
    /// Batch norm running statistics.
    private(set) var state: [Float] = []
    /// The epochs of the last `fit`.
    public private(set) var history: [EpochReport] = []
    /// Networks holding `values`, reused across predictions; a new fit starts a new pool.
    private var networks = NetworkPool()

    public var isFitted: Bool { architecture != nil }

    public init(parameters: Parameters = Parameters()) {
        self.parameters = parameters
    }

    init(parameters: Parameters, architecture: Architecture, values: [Float], state: [Float]) {
        self.parameters = parameters
        self.architecture = architecture
        self.values = values
        self.state = state
    }

    public mutating func fit(_ x: Matrix, labels: [Int], options: FitOptions) throws -> FitSummary {
        try parameters.validate()
        try parameters.checkPrecisionSupported()
        let architecture = try parameters.architecture()
        try checkTrainingInput(x, labels: labels)
        guard x.columns == Architecture.inputShape.count else {
            throw ClassifierError.featureCountMismatch(kind: Self.kind, expected: Architecture.inputShape.count, got: x.columns)
        }
        var trainer = try NetworkTrainer(parameters: parameters, architecture: architecture, x: x, labels: labels, options: options)
        let summary = try trainer.run()
        self.architecture = architecture
        values = trainer.network.store.valueArray
        state = trainer.network.store.stateArray
        networks = NetworkPool()
        history = trainer.progress.history
        return summary
    }

    public func probabilities(_ x: Matrix) throws -> Matrix {
        // Many rows: one network per core on its share of them, BLAS on the calling thread. One
        // network on BLAS's threads would hand every product of a batch to them and wait.
        let parts = x.rows >= 2 * Self.predictionBatch ? workerCount : 1
        return try networks.withNetworks(parts, make: network) { networks in
            let network = networks[0]
            guard x.columns == network.inputSize else {
                throw ClassifierError.featureCountMismatch(kind: Self.kind, expected: network.inputSize, got: x.columns)
            }
            guard parts > 1 else { return network.probabilities(x, batchSize: Self.predictionBatch) }
            return BLASThreads.callingThreadOnly {
                network.probabilities(x, batchSize: Self.predictionBatch, helpers: Array(networks.dropFirst()))
            }
        }
    }

    /// Images per forward pass when predicting.
    static let predictionBatch = 256

    /// A network holding the fitted values.
    func network() throws -> Network {
        guard let architecture else { throw ClassifierError.notFitted(kind: Self.kind) }
        let network = try Network(architecture)
        guard network.store.load(values: values, state: state) else {
            throw ClassifierError.featureCountMismatch(kind: Self.kind, expected: network.store.count, got: values.count)
        }
        return network
    }
}
