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

    /// With a `task`, the model learns "this digit or not" instead of the ten digits.
    public static func run(
        kind: ModelKind, pipeline: Pipeline, split: DataSplit, splitSpec: SplitSpec, seed: UInt64,
        task: BinaryTask? = nil, progress: (@Sendable (FitProgress) -> Void)? = nil,
        checkpoint: URL? = nil, resume: Bool = false, shouldStop: (@Sendable () -> Bool)? = nil
    ) throws -> TrainingRun {
        var pipeline = pipeline
        let start = DispatchTime.now()
        let train = task?.relabel(split.train) ?? split.train
        let validationSet = split.validation.count > 0 ? task?.relabel(split.validation) ?? split.validation : nil
        let options = FitOptions(seed: seed, progress: progress, checkpoint: checkpoint, resume: resume, shouldStop: shouldStop)
        let summary = try pipeline.fit(train, validation: validationSet, options: options)
        let fitSeconds = secondsSince(start)
        let test = try EvaluationResult(pipeline: pipeline, data: split.test, task: task)
        let validation = split.validation.count > 0
            ? try EvaluationResult(pipeline: pipeline, data: split.validation, task: task) : nil
        var metrics = ["test_accuracy": test.report.accuracy]
        if let validation { metrics["validation_accuracy"] = validation.report.accuracy }
        let card = ModelCard(
            kind: kind.rawValue,
            classifier: pipeline.kind,
            parameters: pipeline.classifierConfiguration,
            transforms: pipeline.transformDescriptions,
            training: .init(dataFingerprint: split.train.fingerprint(), split: splitSpec.description, seed: seed,
                            trainingSamples: split.train.count, fitSeconds: fitSeconds, summary: summary),
            metrics: metrics, positive: task?.positive)
        return TrainingRun(model: SavedModel(pipeline: pipeline, card: card), fitSeconds: fitSeconds,
                           summary: summary, test: test, validation: validation)
    }
}

/// A pipeline's predictions on a labelled set, scored, with the time predicting took.
public struct EvaluationResult: Sendable {
    public let report: ClassificationReport
    public let predictSeconds: Double
    public let predictions: [Int]
    /// The probability the model gave its own prediction, per image.
    public let confidences: [Double]
    /// For a one-digit detector: the positive class's scores and curves.
    public let binary: BinaryDetectionReport?

    /// Scores `pipeline` on `data`; with a `task`, on the data relabelled as that detector sees it.
    public init(pipeline: Pipeline, data: Dataset, task: BinaryTask? = nil) throws {
        let data = task?.relabel(data) ?? data
        let start = DispatchTime.now()
        let probabilities = try pipeline.probabilities(data)
        predictions = probabilities.argmaxPerRow()
        predictSeconds = secondsSince(start)
        confidences = predictions.enumerated().map { Double(probabilities[$0, $1]) }
        let truth = data.intLabels
        if task != nil {
            report = ClassificationReport(truth: truth, predicted: predictions.map { min($0, 1) }, classCount: 2)
            let scores = (0..<probabilities.rows).map { Double(probabilities[$0, 1]) }
            binary = BinaryDetectionReport(truth: truth, scores: scores, predicted: predictions.map { $0 == 1 ? 1 : 0 })
        } else {
            report = ClassificationReport(truth: truth, predicted: predictions)
            binary = nil
        }
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
