/// "Is it a 7?": one digit against the rest, as in the student report's detector.
///
/// Training relabels the data (the positive digit becomes class 1, every other digit class 0),
/// so any model of `digits train` becomes a detector; its score is the probability of class 1.
public struct BinaryTask: Sendable, Equatable, Codable {
    public let positive: Int

    public init(positive: Int) throws(DatasetError) {
        guard (0..<Dataset.classCount).contains(positive) else {
            throw .labelOutOfRange(index: 0, value: positive)
        }
        self.positive = positive
    }

    /// The same images labelled 1 (the positive digit) or 0 (any other).
    public func relabel(_ data: Dataset) -> Dataset {
        // Labels 0 and 1 are valid digits, so the checked initialiser cannot fail here.
        (try? Dataset(pixels: data.pixels, labels: data.labels.map { Int($0) == positive ? 1 : 0 })) ?? .empty
    }
}

/// Precision, recall and F1 of the positive class, and precision and recall at every threshold:
/// scikit-learn's `precision_recall_fscore_support(average="binary")` and
/// `precision_recall_curve` (thresholds ascending, the point precision 1 / recall 0 last), and
/// the ROC curve with its AUC (`roc_curve`, `roc_auc_score`).
public struct BinaryDetectionReport: Sendable, Equatable, Codable {
    public let precision: Double
    public let recall: Double
    public let f1: Double
    public let positives: Int
    public let negatives: Int
    /// The distinct scores, ascending; point i predicts "positive" for scores ≥ thresholds[i].
    public let thresholds: [Double]
    /// One more entry than `thresholds`: the last is precision 1, recall 0.
    public let curvePrecision: [Double]
    public let curveRecall: [Double]
    /// The ROC curve and its area.
    public let roc: ROCCurve

    /// `truth` holds 1 for the positive class; `scores` the positive-class probability;
    /// `predicted` the model's decisions (1 = positive).
    public init(truth: [Int], scores: [Double], predicted: [Int]) {
        precondition(truth.count == scores.count && truth.count == predicted.count, "one score per label")
        var truePositives = 0, falsePositives = 0
        for (t, p) in zip(truth, predicted) where p == 1 {
            if t == 1 { truePositives += 1 } else { falsePositives += 1 }
        }
        let positives = truth.filter { $0 == 1 }.count
        precision = truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
        recall = positives == 0 ? 0 : Double(truePositives) / Double(positives)
        f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        self.positives = positives
        self.negatives = truth.count - positives

        let sweep = thresholdSweep(truth: truth, scores: scores)
        let (thresholds, tps, fps) = sweep
        let precisions = zip(tps, fps).map { $0 / ($0 + $1) }
        let recalls = tps.map { positives == 0 ? 0 : $0 / Double(positives) }
        self.thresholds = thresholds.reversed()
        self.curvePrecision = precisions.reversed() + [1]
        self.curveRecall = recalls.reversed() + [0]
        self.roc = ROCCurve(sweep: sweep)
    }
}
