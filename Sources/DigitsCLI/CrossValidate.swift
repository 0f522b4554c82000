import ArgumentParser
import DigitsKit
import Foundation

/// `digits cv MODEL`: stratified k-fold accuracy on the training set.
struct CrossValidate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cv",
        abstract: "Cross-validate a model on MNIST's training set: accuracy per fold, mean ± std.",
        discussion: "The standard deviation is the population one (ddof = 0), as in scikit-learn's cv_results_.")

    @Argument(help: "The model, optionally with parameters: KIND[:NAME=VALUE…], e.g. logreg:C=0.5.")
    var model: ModelSpec

    @Option(help: "Number of stratified folds.")
    var folds = 5

    @Option(name: .customLong("param"), parsing: .singleValue, help: ArgumentHelp("A hyper-parameter NAME=VALUE (repeatable).", valueName: "NAME=VALUE"))
    var parameters: [String] = []

    @OptionGroup var training: TrainingSetOptions

    @Flag(help: "Print one JSON object.")
    var json = false

    struct Output: Encodable {
        var model: String
        var folds: Int
        var seed: UInt64
        var samples: Int
        var foldScores: [Double]
        var mean: Double
        var std: Double
        var fitSeconds: [Double]

        enum CodingKeys: String, CodingKey {
            case model, folds, seed, samples, mean, std
            case foldScores = "fold_scores", fitSeconds = "fit_seconds"
        }
    }

    func run() async throws {
        let spec = ModelSpec(kind: model.kind, parameters: model.parameters + parameters)
        _ = try spec.makePipeline()
        let (data, folder) = try training.trainingSet()
        if !json { print("\(folds)-fold stratified cross-validation of \(spec) on \(data.count) training images from \(folder.path) (seed \(training.seed))") }
        let result = try CrossValidation.score(spec, data: data, folds: folds, seed: training.seed)
        if json {
            try printJSON(Output(model: spec.description, folds: folds, seed: training.seed, samples: data.count,
                                 foldScores: result.foldScores, mean: result.mean, std: result.standardDeviation,
                                 fitSeconds: result.fitSeconds))
            return
        }
        for (fold, score) in result.foldScores.enumerated() {
            print("  fold \(fold + 1): accuracy \(percentText(score))  (fit \(String(format: "%.2f", result.fitSeconds[fold])) s)")
        }
        print(String(format: "Accuracy %.2f %% ± %.2f %% (mean ± std over %d folds)", result.mean * 100, result.standardDeviation * 100, folds))
    }
}
