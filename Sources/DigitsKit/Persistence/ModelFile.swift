import Foundation

/// A trained pipeline with its model card, as stored in one safetensors file:
/// tensors `transform.<i>.<name>` and `classifier.<name>`, metadata `digits.format`,
/// `digits.format_version` and `digits.card` (the card as JSON).
public struct SavedModel: Sendable {
    public var pipeline: Pipeline
    public var card: ModelCard

    public init(pipeline: Pipeline, card: ModelCard) {
        self.pipeline = pipeline
        self.card = card
    }
}

public enum ModelFile {
    static let formatName = "digits-model"

    /// Writes `model` to `url` atomically.
    public static func save(_ model: SavedModel, to url: URL) throws {
        try encode(model).write(to: url)
    }

    /// Reads and checks a model file: the container, the card, and every tensor's shape.
    public static func load(from url: URL) throws -> SavedModel {
        try decode(SafeTensorsFile.read(from: url), file: url.lastPathComponent)
    }

    public static func encode(_ model: SavedModel) throws -> SafeTensorsFile {
        var tensors: [String: Tensor] = [:]
        for (index, transform) in model.pipeline.transforms.enumerated() {
            guard let stored = transform as? any PersistentComponent else { continue }
            for (name, tensor) in try stored.stateTensors() { tensors["transform.\(index).\(name)"] = tensor }
        }
        guard let classifier = model.pipeline.classifier as? any PersistentComponent else {
            throw ModelFileError.unknownKind(file: "(new model)", kind: model.pipeline.kind)
        }
        for (name, tensor) in try classifier.stateTensors() { tensors["classifier.\(name)"] = tensor }
        let card = String(decoding: try JSONEncoder.stable.encode(model.card), as: UTF8.self)
        return try SafeTensorsFile(tensors: tensors, metadata: [
            "digits.format": formatName,
            "digits.format_version": String(ModelCard.currentFormatVersion),
            "digits.card": card,
        ])
    }

    public static func decode(_ container: SafeTensorsFile, file: String) throws -> SavedModel {
        try decode(card: card(from: container.metadata, file: file), tensors: container.tensors, file: file)
    }

    /// The model `card` describes, from its tensors (also an ensemble member's, unprefixed).
    static func decode(card: ModelCard, tensors: [String: Tensor], file: String) throws -> SavedModel {
        guard card.formatVersion <= ModelCard.currentFormatVersion else {
            throw ModelFileError.unsupportedVersion(file: file, version: card.formatVersion)
        }
        var transforms: [any Transform] = []
        for (index, description) in card.transforms.enumerated() {
            guard let type = ComponentRegistry.transforms[description.kind] else {
                throw ModelFileError.unknownKind(file: file, kind: description.kind)
            }
            let state = StoredState(file: file, prefix: "transform.\(index).", tensors: tensors)
            transforms.append(try type.restore(configuration: description.configuration, state: state))
        }
        guard let type = ComponentRegistry.classifiers[card.classifier] else {
            throw ModelFileError.unknownKind(file: file, kind: card.classifier)
        }
        let state = StoredState(file: file, prefix: "classifier.", tensors: tensors)
        let classifier = try type.restore(configuration: card.parameters, state: state)
        return SavedModel(pipeline: Pipeline(transforms: transforms, classifier: classifier), card: card)
    }

    static func card(from metadata: [String: String], file: String) throws -> ModelCard {
        guard metadata["digits.format"] == formatName, let cardText = metadata["digits.card"] else {
            throw ModelFileError.notADigitsModel(file: file)
        }
        do {
            return try JSONDecoder().decode(ModelCard.self, from: Data(cardText.utf8))
        } catch {
            throw ModelFileError.badCard(file: file, detail: "\(error)")
        }
    }
}

/// Every component a model file may name, by kind.
enum ComponentRegistry {
    static let transforms: [String: any (Transform & PersistentComponent).Type] = [
        PixelScaler.kind: PixelScaler.self,
        StandardScaler.kind: StandardScaler.self,
        PCA.kind: PCA.self,
    ]
    static let classifiers: [String: any (Classifier & PersistentComponent).Type] = [
        LogisticRegression.kind: LogisticRegression.self,
        SVC.kind: SVC.self,
        NeuralNetwork.kind: NeuralNetwork.self,
        DecisionTree.kind: DecisionTree.self,
        RandomForest.kind: RandomForest.self,
        ExtraTrees.kind: ExtraTrees.self,
        KNeighborsClassifier.kind: KNeighborsClassifier.self,
        SGDClassifier.kind: SGDClassifier.self,
        Ensemble.kind: Ensemble.self,
    ]
}
