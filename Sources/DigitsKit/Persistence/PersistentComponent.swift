/// A transform or classifier that can be written into a model file and read back: its
/// configuration (hyper-parameters) as JSON for the model card, its fitted state as tensors.
public protocol PersistentComponent: Sendable {
    static var kind: String { get }
    /// The hyper-parameters, as stored in the model card.
    var configuration: JSONValue { get }
    /// The fitted state; names are local to the component (the file prefixes them).
    func stateTensors() throws -> [String: Tensor]
    /// Rebuilds a fitted component, checking every tensor's shape against the configuration.
    static func restore(configuration: JSONValue, state: StoredState) throws -> Self
}

/// The tensors of one component inside a model file, with checked look-ups.
public struct StoredState: Sendable {
    let file: String
    let prefix: String
    let tensors: [String: Tensor]

    public init(file: String, prefix: String, tensors: [String: Tensor]) {
        self.file = file
        self.prefix = prefix
        self.tensors = tensors
    }

    /// The tensor `name`, which must have exactly `shape` (`nil` entries match any size).
    public func tensor(_ name: String, shape: [Int?]) throws(ModelFileError) -> Tensor {
        let fullName = prefix + name
        guard let tensor = tensors[fullName] else { throw .missingTensor(file: file, name: fullName) }
        let matches = tensor.shape.count == shape.count && zip(tensor.shape, shape).allSatisfy { $1 == nil || $0 == $1 }
        guard matches else {
            throw .badShape(file: file, name: fullName, shape: tensor.shape,
                            expected: shape.map { $0.map(String.init) ?? "any" })
        }
        return tensor
    }

    /// The hyper-parameters of a model card, decoded and checked as `fit` would check them.
    public func parameters<P: HyperParameters>(_ type: P.Type, from configuration: JSONValue, kind: String) throws -> P {
        do {
            let parameters = try configuration.decode(as: P.self)
            try parameters.validate()
            return parameters
        } catch {
            throw ModelFileError.badConfiguration(file: file, kind: kind, detail: "\(error)")
        }
    }

    public func floats(_ name: String, shape: [Int?]) throws -> [Float] {
        try tensor(name, shape: shape).floats()
    }

    public func matrix(_ name: String, shape: [Int?]) throws -> Matrix {
        try tensor(name, shape: shape).matrix()
    }
}

public enum ModelFileError: Error, Equatable, CustomStringConvertible {
    case notADigitsModel(file: String)
    case unsupportedVersion(file: String, version: Int)
    case badCard(file: String, detail: String)
    case unknownKind(file: String, kind: String)
    case missingTensor(file: String, name: String)
    case badShape(file: String, name: String, shape: [Int], expected: [String])
    case badConfiguration(file: String, kind: String, detail: String)
    /// A tensor of the right shape whose contents cannot be right (an index out of range).
    case badTensorValue(file: String, name: String, detail: String)

    public var description: String {
        switch self {
        case let .notADigitsModel(file):
            return "\(file): a safetensors file, but not a Digits model (no 'digits.card' metadata)"
        case let .unsupportedVersion(file, version):
            return "\(file): model format version \(version) is newer than this digits understands (\(ModelCard.currentFormatVersion)); upgrade digits"
        case let .badCard(file, detail):
            return "\(file): the model card is damaged: \(detail)"
        case let .unknownKind(file, kind):
            return "\(file): unknown model or transform kind '\(kind)'"
        case let .missingTensor(file, name):
            return "\(file): tensor '\(name)' is missing"
        case let .badShape(file, name, shape, expected):
            return "\(file): tensor '\(name)' has shape \(shape), expected [\(expected.joined(separator: ", "))]"
        case let .badConfiguration(file, kind, detail):
            return "\(file): the \(kind) configuration is invalid: \(detail)"
        case let .badTensorValue(file, name, detail):
            return "\(file): tensor '\(name)' is damaged: \(detail)"
        }
    }
}
