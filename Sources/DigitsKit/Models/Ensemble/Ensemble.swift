import CBLAS
import Foundation

/// Several trained models answering as one: the mean of their class probabilities (soft
/// voting). Each member keeps its own transforms, so an ensemble reads raw grey-level rows and
/// may mix kinds (a CNN and an SVC). It is assembled from trained model files by
/// `Ensemble.assemble` (`digits ensemble A B C --out FILE`), never fitted, and stored as one
/// model file: the members' cards in the configuration, their tensors under `member<i>.`.
public struct Ensemble: Classifier, PersistentComponent {
    public static let kind = "ensemble"

    /// The members' model cards; their order is the order of `members`.
    public struct Parameters: HyperParameters {
        public static let modelName = "Ensemble"
        public static let specs: [ParameterSpec] = []
        public var members: [ModelCard]
        public init() { members = [] }
    }

    public let parameters: Parameters
    public let members: [Pipeline]
    public var isFitted: Bool { !members.isEmpty }

    public init(parameters: Parameters) {
        self.parameters = parameters
        members = []
    }

    init(members: [SavedModel]) {
        var parameters = Parameters()
        parameters.members = members.map(\.card)
        self.parameters = parameters
        self.members = members.map(\.pipeline)
    }

    public mutating func fit(_ x: Matrix, labels: [Int], options: FitOptions) throws -> FitSummary {
        throw EnsembleError.notTrainable
    }

    /// The mean of the members' probabilities for raw grey-level rows (N×784).
    public func probabilities(_ x: Matrix) throws -> Matrix {
        guard let first = members.first else { throw ClassifierError.notFitted(kind: Self.kind) }
        var mean = try first.probabilities(features: x)
        for (index, member) in members.enumerated().dropFirst() {
            let p = try member.probabilities(features: x)
            guard p.rows == mean.rows, p.columns == mean.columns else {
                throw EnsembleError.mismatchedClasses(member: index, expected: mean.columns, got: p.columns)
            }
            cblas_saxpy(Int32(p.storage.count), 1, p.storage, 1, &mean.storage, 1)
        }
        cblas_sscal(Int32(mean.storage.count), 1 / Float(members.count), &mean.storage, 1)
        return mean
    }

    /// One model file from trained models (`files` name them in messages): at least two, all
    /// classifying the same classes (all digits, or all the same one-digit detector).
    public static func assemble(_ models: [SavedModel], files: [String]) throws -> SavedModel {
        guard models.count >= 2 else { throw EnsembleError.tooFewMembers(models.count) }
        let positive = models[0].card.positive
        if let odd = models.firstIndex(where: { $0.card.positive != positive }) {
            throw EnsembleError.mismatchedTasks(file: files.indices.contains(odd) ? files[odd] : "member \(odd)",
                                                detail: describe(models[odd].card.positive), expected: describe(positive))
        }
        let ensemble = Ensemble(members: models)
        let card = ModelCard(kind: kind, classifier: kind, parameters: ensemble.configuration, transforms: [],
                             training: nil, metrics: [:], positive: positive)
        return SavedModel(pipeline: Pipeline(transforms: [], classifier: ensemble), card: card)
    }

    private static func describe(_ positive: Int?) -> String {
        positive.map { "a detector of \($0)s" } ?? "a digit classifier"
    }

    // MARK: PersistentComponent

    public var configuration: JSONValue { (try? JSONValue(encoding: parameters)) ?? .null }

    public func stateTensors() throws -> [String: Tensor] {
        var tensors: [String: Tensor] = [:]
        for (index, (member, card)) in zip(members, parameters.members).enumerated() {
            for (name, tensor) in try ModelFile.encode(SavedModel(pipeline: member, card: card)).tensors {
                tensors["member\(index).\(name)"] = tensor
            }
        }
        return tensors
    }

    public static func restore(configuration: JSONValue, state: StoredState) throws -> Ensemble {
        let parameters = try state.parameters(Parameters.self, from: configuration, kind: kind)
        guard parameters.members.count >= 2 else {
            throw ModelFileError.badConfiguration(file: state.file, kind: kind, detail: EnsembleError.tooFewMembers(parameters.members.count).description)
        }
        let members = try parameters.members.enumerated().map { index, card in
            let prefix = state.prefix + "member\(index)."
            var tensors: [String: Tensor] = [:]
            for (name, tensor) in state.tensors where name.hasPrefix(prefix) { tensors[String(name.dropFirst(prefix.count))] = tensor }
            return try ModelFile.decode(card: card, tensors: tensors, file: state.file)
        }
        return Ensemble(members: members)
    }
}

public enum EnsembleError: Error, Equatable, CustomStringConvertible {
    case tooFewMembers(Int)
    case mismatchedTasks(file: String, detail: String, expected: String)
    case mismatchedClasses(member: Int, expected: Int, got: Int)
    case notTrainable

    public var description: String {
        switch self {
        case let .tooFewMembers(count):
            return "an ensemble needs at least two models, got \(count)"
        case let .mismatchedTasks(file, detail, expected):
            return "\(file) is \(detail), but the first model is \(expected); an ensemble's members must answer the same question"
        case let .mismatchedClasses(member, expected, got):
            return "ensemble member \(member + 1) gives \(got) class probabilities, the first gives \(expected)"
        case .notTrainable:
            return "an ensemble is not trained: assemble trained model files with `digits ensemble A B --out FILE`"
        }
    }
}
