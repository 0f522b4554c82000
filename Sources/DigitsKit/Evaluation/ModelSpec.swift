/// A model kind with hyper-parameters, written on the command line as
/// `KIND[:NAME=VALUE[:NAME=VALUE…]]`, e.g. `logreg:C=0.5:maxIter=200` or `pca-svc:C=5`.
///
/// Colons separate the parts because no value ever holds one, while commas do (grids,
/// `hiddenLayerSizes=100,50`) and semicolons would need quoting in the shell.
public struct ModelSpec: Sendable, Equatable, CustomStringConvertible {
    public let kind: ModelKind
    public let parameters: [String]

    public init(kind: ModelKind, parameters: [String] = []) {
        self.kind = kind
        self.parameters = parameters
    }

    /// Parses and checks the text, so a typo fails before any data is read.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let kind = ModelKind(rawValue: parts[0]) else {
            throw ModelSpecError.unknownKind(parts[0], known: ModelKind.allCases.map(\.rawValue))
        }
        self.init(kind: kind, parameters: Array(parts.dropFirst()))
        _ = try makePipeline()
    }

    /// A fresh, unfitted pipeline of this kind with these parameters.
    public func makePipeline() throws -> Pipeline {
        try kind.makePipeline(parameters: parameters)
    }

    public var description: String {
        ([kind.rawValue] + parameters).joined(separator: ":")
    }
}

public enum ModelSpecError: Error, Equatable, CustomStringConvertible {
    case unknownKind(String, known: [String])

    public var description: String {
        switch self {
        case let .unknownKind(name, known):
            return "'\(name)' is not a model; write KIND[:NAME=VALUE…] with KIND one of \(known.joined(separator: ", "))"
        }
    }
}

extension ModelKind {
    /// Whether fitting this kind already keeps both cores busy (BLAS, `parallelFor` inside the
    /// model). Searches and cross-validation fit such kinds one at a time, and fit the others
    /// several at once, so either way the cores are used without oversubscribing them.
    ///
    /// - logreg: the softmax loss and gradient are computed in parallel chunks; sgd: the ten
    ///   one-vs-rest problems run in parallel; knn: its distances are BLAS products.
    /// - svc, pca-svc: the one-vs-one pair problems are solved in parallel.
    /// - tree: each node's features are searched in parallel; forest, extratrees: one tree per core.
    /// - mlp, cnn and their presets: BLAS matrix products and parallel im2col/pooling.
    ///
    /// A kind added later must choose here; one whose fit runs on one core should return false.
    public var fitsInParallel: Bool {
        switch self {
        case .logreg, .sgd, .knn, .svc, .pcaSVC, .tree, .forest, .extratrees: return true
        case .mlp, .cnn, .mlp6416, .mlp6432, .mlp512, .cnn32f, .cnn3216f, .cnn3216x3f, .cnnA, .cnnB, .cnnFlagship, .cnnQuick, .cnnWide: return true
        }
    }
}
