import Foundation

/// Fit a pipeline on a split's training set, score it on the held-out sets, and describe the
/// result in a model card: the one training path shared by the CLI, the server and benchmarks.
public struct TrainingRun: Sendable {
    public let model: SavedModel
    public let fitSeconds: Double
    public let summary: FitSummary
    public let test: EvaluationResult
    /// `nil` when the split has no validation set.
    public let validation: EvaluationResult?

    public static func run(
        kind: ModelKind, pipeline: Pipeline, split: DataSplit, splitSpec: SplitSpec, seed: UInt64,
        progress: (@Sendable (FitProgress) -> Void)? = nil
    ) throws -> TrainingRun {
        var pipeline = pipeline
        let start = DispatchTime.now()
        let summary = try pipeline.fit(split.train, options: FitOptions(seed: seed, progress: progress))
        let fitSeconds = secondsSince(start)
        let test = try EvaluationResult(pipeline: pipeline, data: split.test)
        let validation = split.validation.count > 0 ? try EvaluationResult(pipeline: pipeline, data: split.validation) : nil
        var metrics = ["test_accuracy": test.report.accuracy]
        if let validation { metrics["validation_accuracy"] = validation.report.accuracy }
        let card = ModelCard(
            kind: kind.rawValue,
            parameters: pipeline.classifierConfiguration,
            transforms: pipeline.transformDescriptions,
            training: .init(dataFingerprint: split.train.fingerprint(), split: splitSpec.description, seed: seed,
                            trainingSamples: split.train.count, fitSeconds: fitSeconds, summary: summary),
            metrics: metrics)
        return TrainingRun(model: SavedModel(pipeline: pipeline, card: card), fitSeconds: fitSeconds,
                           summary: summary, test: test, validation: validation)
    }
}

/// A pipeline's predictions on a labelled set, scored, with the time predicting took.
public struct EvaluationResult: Sendable {
    public let report: ClassificationReport
    public let predictSeconds: Double
    public let predictions: [Int]

    public init(pipeline: Pipeline, data: Dataset) throws {
        let start = DispatchTime.now()
        predictions = try pipeline.predict(data)
        predictSeconds = secondsSince(start)
        report = ClassificationReport(truth: data.intLabels, predicted: predictions)
    }
}

extension Pipeline {
    var classifierConfiguration: JSONValue {
        (classifier as? any PersistentComponent)?.configuration ?? .null
    }

    var transformDescriptions: [ModelCard.ComponentDescription] {
        transforms.map { transform in
            let stored = transform as? any PersistentComponent
            return .init(kind: type(of: transform).kind, configuration: stored?.configuration ?? .object([:]))
        }
    }
}

func secondsSince(_ start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}
