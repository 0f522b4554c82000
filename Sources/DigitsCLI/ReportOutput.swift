import DigitsKit
import Foundation

/// The JSON object `train --json` and `evaluate --json` print (snake_case keys).
struct EvaluationJSON: Encodable {
    struct ClassJSON: Encodable {
        var digit: Int?
        var precision: Double
        var recall: Double
        var f1: Double
        var support: Int
    }

    var model: String
    var parameters: JSONValue
    var on: String
    var split: String?
    var seed: UInt64?
    var samples: Int
    var accuracy: Double
    var perClass: [ClassJSON]
    var macroAvg: ClassJSON
    var weightedAvg: ClassJSON
    var confusion: [[Int]]
    var predictSeconds: Double
    var fitSeconds: Double?
    var iterations: Int?
    var finalLoss: Double?
    var converged: Bool?
    var validationAccuracy: Double?
    /// The seed of `evaluate --distort`, when the set was distorted.
    var distortSeed: UInt64?
    var out: String?
    var warnings: [String]?
    var positive: Int?
    var binary: BinaryJSON?

    /// The detector's view, for `--positive D` models.
    struct BinaryJSON: Encodable {
        var precision: Double
        var recall: Double
        var f1: Double
        var thresholds: [Double]
        var curvePrecision: [Double]
        var curveRecall: [Double]
        var roc: ROCCurve

        enum CodingKeys: String, CodingKey {
            case precision, recall, f1, thresholds, roc
            case curvePrecision = "curve_precision", curveRecall = "curve_recall"
        }
    }

    enum CodingKeys: String, CodingKey {
        case model, parameters, on, split, seed, samples, accuracy, confusion, iterations, converged, out, warnings
        case positive, binary
        case perClass = "per_class", macroAvg = "macro_avg", weightedAvg = "weighted_avg"
        case predictSeconds = "predict_seconds", fitSeconds = "fit_seconds", finalLoss = "final_loss"
        case validationAccuracy = "validation_accuracy", distortSeed = "distort_seed"
    }

    init(model: String, card: ModelCard, result: EvaluationResult, on: String) {
        let report = result.report
        func scores(_ s: ClassificationReport.ClassScores, digit: Int? = nil) -> ClassJSON {
            ClassJSON(digit: digit, precision: s.precision, recall: s.recall, f1: s.f1, support: s.support)
        }
        self.model = model
        self.parameters = card.parameters
        self.on = on
        self.split = card.training?.split
        self.seed = card.training?.seed
        self.samples = report.sampleCount
        self.accuracy = report.accuracy
        self.perClass = report.classes.enumerated().map { scores($1, digit: $0) }
        self.macroAvg = scores(report.macroAverage)
        self.weightedAvg = scores(report.weightedAverage)
        self.confusion = report.confusion
        self.predictSeconds = result.predictSeconds
        self.positive = card.positive
        self.binary = result.binary.map {
            BinaryJSON(precision: $0.precision, recall: $0.recall, f1: $0.f1, thresholds: $0.thresholds,
                       curvePrecision: $0.curvePrecision, curveRecall: $0.curveRecall, roc: $0.roc)
        }
    }
}

func printJSON(_ value: some Encodable) throws {
    print(String(decoding: try JSONEncoder.stable.encode(value), as: UTF8.self))
}

func printHumanReport(_ result: EvaluationResult, setName: String) {
    let report = result.report
    print(String(format: "\n%@ (%d images): accuracy %.2f %%  (predicted in %.3f s)\n", setName,
                 report.sampleCount, report.accuracy * 100, result.predictSeconds))
    print(report.formatted())
    if let binary = result.binary {
        print(String(format: "\nPositive class: precision %.4f, recall %.4f, F1 %.4f (%d positives, %d negatives); "
                     + "--json gives precision and recall at all %d thresholds",
                     binary.precision, binary.recall, binary.f1, binary.positives, binary.negatives, binary.thresholds.count))
    }
    print("\nConfusion matrix")
    print(report.formattedConfusion())
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

func fileSize(_ url: URL) -> String {
    let bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    return bytes >= 1_000_000 ? String(format: "%.1f MB", Double(bytes) / 1e6) : String(format: "%.1f KB", Double(bytes) / 1e3)
}
