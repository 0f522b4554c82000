import ArgumentParser
import DigitsKit
import Foundation

/// `digits evaluate [FILE]`: score a saved model (the default model when none is named) on the
/// test or validation set it was split with.
struct Evaluate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a saved model on MNIST and print the classification report and confusion matrix.")

    enum HeldOutSet: String, ExpressibleByArgument, CaseIterable {
        case test, validation
    }

    @Argument(help: ArgumentHelp("The model file (.safetensors); default \(DefaultModel.relativePath) in this folder or the repository.",
                                 valueName: "FILE"))
    var file: String?

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "Which held-out set to score: test or validation (the split and seed come from the model card).")
    var on: HeldOutSet = .test

    @Option(help: ArgumentHelp("Distort the held-out images first, as training-time augmentation does: "
                               + TestDistortion.allCases.map(\.rawValue).joined(separator: ", ") + ".", valueName: "KIND"))
    var distort: TestDistortion?

    @Option(name: .customLong("distort-seed"), help: "Seed of the distortions (the same seed, the same distorted set).")
    var distortSeed: UInt64 = 0

    @Option(help: ArgumentHelp("Write the confusion matrices (and a detector's curves) as SVG into this folder.", valueName: "DIR"))
    var charts: String?

    @Flag(help: "Print one JSON object instead of the human report.")
    var json = false

    func run() async throws {
        let url = try file.map { URL(fileURLWithPath: $0) } ?? DefaultModel.locate()
        let saved = try ModelFile.load(from: url)
        let splitText = saved.card.training?.split ?? "standard"
        let seed = saved.card.training?.seed ?? 0
        let spec = try SplitSpec(parsing: splitText)
        let folder = try dataOptions.resolvedFolder()
        let mnist = try MNIST.load(from: folder)
        let data = try DataSplit(train: mnist.train, test: mnist.test, spec: spec, seed: seed)
        let held = on == .test ? data.test : data.validation
        let target = distort.map { held.distorted(by: $0, seed: distortSeed) } ?? held
        let setName = (on == .test ? "Test set" : "Validation set")
            + (distort.map { " distorted by \($0.rawValue) (seed \(distortSeed))" } ?? "")
        guard target.count > 0 else {
            throw ValidationError("\(url.lastPathComponent) was trained on the '\(splitText)' split, which has no \(on.rawValue) set")
        }
        var warnings: [String] = []
        if let fingerprint = saved.card.training?.dataFingerprint, fingerprint != data.train.fingerprint() {
            warnings.append("the training images in \(folder.path) differ from the ones this model was trained on")
        }
        let task = try saved.card.positive.map { digit throws(DatasetError) in try BinaryTask(positive: digit) }
        let result = try EvaluationResult(pipeline: saved.pipeline, data: target, task: task)
        var written: [String] = []
        if let charts {
            let title = saved.card.kind + (saved.card.positive.map { " (is it a \($0)?)" } ?? "")
            var svgs = EvaluationCharts.all(result, title: title)
            if let mistakes = EvaluationCharts.worstMistakes(result, data: target, title: title) { svgs.append(("mistakes", mistakes)) }
            written = try writeCharts(svgs, to: URL(fileURLWithPath: charts))
        }
        if json {
            var report = EvaluationJSON(model: saved.card.kind, card: saved.card, result: result,
                                        on: on.rawValue + (distort.map { "+\($0.rawValue)" } ?? ""))
            report.distortSeed = distort.map { _ in distortSeed }
            report.warnings = warnings
            try printJSON(report)
            return
        }
        for warning in warnings { printError("warning: \(warning)") }
        print("Model \(url.lastPathComponent): \(saved.card.kind), trained \(saved.card.createdAt) on split \(splitText), seed \(seed)")
        printHumanReport(result, setName: setName)
        if let roc = result.binary?.roc, let auc = roc.auc { print(String(format: "ROC AUC %.4f", auc)) }
        if !written.isEmpty { print("\nCharts: " + written.joined(separator: ", ")) }
    }
}

extension TestDistortion: ExpressibleByArgument {}
