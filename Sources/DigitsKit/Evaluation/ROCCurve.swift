/// The receiver operating characteristic of a detector's scores and the area under it:
/// scikit-learn's `roc_curve` (with its default `drop_intermediate=True`) and `roc_auc_score`.
///
/// Points run from (0, 0) at threshold +∞ to (1, 1) at the lowest score; thresholds descend.
/// Points that lie on a straight line between their neighbours are dropped, as scikit-learn
/// does, which changes neither the curve's shape nor its area.
public struct ROCCurve: Sendable, Equatable {
    public let thresholds: [Double]
    public let falsePositiveRate: [Double]
    public let truePositiveRate: [Double]
    /// `nil` when only one class occurs: scikit-learn refuses to score that case.
    public let auc: Double?

    /// `truth` holds 1 for the positive class, anything else for negatives.
    public init(truth: [Int], scores: [Double]) {
        precondition(truth.count == scores.count, "one score per label")
        self.init(sweep: thresholdSweep(truth: truth, scores: scores))
    }

    /// From a `thresholdSweep` already made (the detector report sweeps once for both curves).
    init(sweep: (thresholds: [Double], truePositives: [Double], falsePositives: [Double])) {
        var (cut, tps, fps) = sweep
        if fps.count > 2 {
            // Keep the ends and every point where either count's second difference is non-zero.
            var keep = [0]
            for i in 1..<(fps.count - 1)
            where fps[i + 1] - 2 * fps[i] + fps[i - 1] != 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] != 0 {
                keep.append(i)
            }
            keep.append(fps.count - 1)
            fps = keep.map { fps[$0] }
            tps = keep.map { tps[$0] }
            cut = keep.map { cut[$0] }
        }
        fps.insert(0, at: 0)
        tps.insert(0, at: 0)
        thresholds = [.infinity] + cut
        let negatives = fps.last ?? 0, positives = tps.last ?? 0
        // scikit-learn returns NaN rates (with a warning) when a class is absent.
        falsePositiveRate = fps.map { negatives > 0 ? $0 / negatives : .nan }
        truePositiveRate = tps.map { positives > 0 ? $0 / positives : .nan }
        if negatives > 0, positives > 0 {
            var area = 0.0
            for i in 1..<falsePositiveRate.count {
                area += (falsePositiveRate[i] - falsePositiveRate[i - 1]) * (truePositiveRate[i] + truePositiveRate[i - 1]) / 2
            }
            auc = area
        } else {
            auc = nil
        }
    }

    public static func == (a: ROCCurve, b: ROCCurve) -> Bool {
        func same(_ x: [Double], _ y: [Double]) -> Bool {
            x.count == y.count && zip(x, y).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
        }
        return same(a.thresholds, b.thresholds) && same(a.falsePositiveRate, b.falsePositiveRate)
            && same(a.truePositiveRate, b.truePositiveRate) && a.auc == b.auc
    }
}

extension ROCCurve: Codable {
    enum CodingKeys: String, CodingKey {
        case thresholds, fpr, tpr, auc
    }

    // JSON has no infinity or NaN: they are written as null.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        func finite(_ values: [Double]) -> [Double?] { values.map { $0.isFinite ? $0 : nil } }
        try container.encode(finite(thresholds), forKey: .thresholds)
        try container.encode(finite(falsePositiveRate), forKey: .fpr)
        try container.encode(finite(truePositiveRate), forKey: .tpr)
        try container.encode(auc, forKey: .auc)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        thresholds = try container.decode([Double?].self, forKey: .thresholds).map { $0 ?? .infinity }
        falsePositiveRate = try container.decode([Double?].self, forKey: .fpr).map { $0 ?? .nan }
        truePositiveRate = try container.decode([Double?].self, forKey: .tpr).map { $0 ?? .nan }
        auc = try container.decodeIfPresent(Double.self, forKey: .auc)
    }
}

/// True and false positives when predicting "positive" for scores ≥ each distinct score, from
/// the highest score down (scikit-learn's `_binary_clf_curve`): the shared core of the ROC and
/// precision–recall curves.
func thresholdSweep(truth: [Int], scores: [Double]) -> (thresholds: [Double], truePositives: [Double], falsePositives: [Double]) {
    let order = scores.indices.sorted { scores[$0] > scores[$1] }
    var thresholds: [Double] = [], tps: [Double] = [], fps: [Double] = []
    var tp = 0.0, fp = 0.0, index = 0
    while index < order.count {
        let score = scores[order[index]]
        // Equal scores fall on the same side of every threshold, so they enter together.
        while index < order.count && scores[order[index]] == score {
            if truth[order[index]] == 1 { tp += 1 } else { fp += 1 }
            index += 1
        }
        thresholds.append(score)
        tps.append(tp)
        fps.append(fp)
    }
    return (thresholds, tps, fps)
}
