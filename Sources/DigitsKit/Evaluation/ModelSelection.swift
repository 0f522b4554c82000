import Foundation

/// The student reports' protocol, end to end: fit every candidate on the training set, score
/// each on the validation set, choose the best there, refit it on training + validation, and
/// score it on the test set exactly once.
public struct ModelSelection: Sendable {
    public struct Candidate: Sendable, Equatable, Codable {
        public let model: String
        public let validationAccuracy: Double
        public let fitSeconds: Double

        enum CodingKeys: String, CodingKey {
            case model, validationAccuracy = "validation_accuracy", fitSeconds = "fit_seconds"
        }
    }

    /// In the order given.
    public let candidates: [Candidate]
    public let chosen: ModelSpec
    /// The chosen model refitted on training + validation and scored on the test set.
    public let final: TrainingRun

    /// `split` must have a validation set. Ties on validation go to the candidate listed first.
    /// The final model's card records `splitSpec` with the refit's training set (training +
    /// validation, which for `standard` is exactly MNIST's 60000 training images).
    public static func run(_ specs: [ModelSpec], split: DataSplit, splitSpec: SplitSpec, seed: UInt64,
                           progress: (@Sendable (String) -> Void)? = nil) throws -> ModelSelection {
        guard split.validation.count > 0 else { throw SelectionError.noValidationSet }
        guard !specs.isEmpty else { throw SelectionError.noCandidates }
        var candidates: [Candidate] = []
        for spec in specs {
            progress?("fitting \(spec) on \(split.train.count) images")
            let outcome = try CrossValidation.holdOutScore(spec, train: split.train, validation: split.validation, seed: seed)
            candidates.append(Candidate(model: spec.description, validationAccuracy: outcome.accuracy, fitSeconds: outcome.fitSeconds))
        }
        var bestIndex = 0
        for (index, candidate) in candidates.enumerated() where candidate.validationAccuracy > candidates[bestIndex].validationAccuracy {
            bestIndex = index
        }
        let chosen = specs[bestIndex]
        progress?("refitting \(chosen) on training + validation (\(split.train.count + split.validation.count) images)")
        let refit = DataSplit(train: split.trainingAndValidation, validation: .empty, test: split.test)
        let final = try TrainingRun.run(kind: chosen.kind, pipeline: try chosen.makePipeline(), split: refit,
                                        splitSpec: splitSpec, seed: seed)
        return ModelSelection(candidates: candidates, chosen: chosen, final: final)
    }
}

public enum SelectionError: Error, Equatable, CustomStringConvertible {
    case noValidationSet
    case noCandidates

    public var description: String {
        switch self {
        case .noValidationSet: return "model selection needs a validation set; use a three-part split such as 50000/10000/10000"
        case .noCandidates: return "name at least one model to choose from"
        }
    }
}
