import ArgumentParser
import DigitsKit
import Foundation

/// `digits ensemble A B C --out FILE`: one model file whose probabilities are the mean of the
/// members' (soft voting), scored on the MNIST test set when the data is at hand.
struct EnsembleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ensemble",
        abstract: "Average the class probabilities of several trained models into one model file.")

    @Argument(help: ArgumentHelp("Two or more model files (.safetensors).", valueName: "FILE"))
    var members: [String] = []

    @Option(help: ArgumentHelp("Where to write the ensemble.", valueName: "FILE"))
    var out: String

    @OptionGroup var dataOptions: DataOptions

    @Flag(help: "Save without scoring on the MNIST test set.")
    var noEvaluate = false

    @Flag(help: "Print one JSON object instead of the human summary.")
    var json = false

    func validate() throws {
        if members.count < 2 { throw ValidationError(EnsembleError.tooFewMembers(members.count).description) }
    }

    struct Summary: Encodable {
        var out: String
        var members: [String]
        var memberAccuracies: [Double?]
        var accuracy: Double?
        var samples: Int?
        var predictSeconds: Double?

        enum CodingKeys: String, CodingKey {
            case out, members, accuracy, samples
            case memberAccuracies = "member_accuracies", predictSeconds = "predict_seconds"
        }
    }

    func run() async throws {
        let models = try members.map { try ModelFile.load(from: URL(fileURLWithPath: $0)) }
        var ensemble = try Ensemble.assemble(models, files: members)
        var summary = Summary(out: out, members: members, memberAccuracies: models.map { $0.card.metrics["test_accuracy"] })
        if !noEvaluate {
            let mnist = try MNIST.load(from: try dataOptions.resolvedFolder())
            let task = try ensemble.card.positive.map { digit throws(DatasetError) in try BinaryTask(positive: digit) }
            let result = try EvaluationResult(pipeline: ensemble.pipeline, data: mnist.test, task: task)
            ensemble.card.metrics["test_accuracy"] = result.report.accuracy
            summary.accuracy = result.report.accuracy
            summary.predictSeconds = result.predictSeconds
            summary.samples = mnist.test.count
        }
        try ModelFile.save(ensemble, to: URL(fileURLWithPath: out))
        if json {
            try printJSON(summary)
            return
        }
        for (file, accuracy) in zip(members, summary.memberAccuracies) {
            print("  \(file): " + (accuracy.map { String(format: "%.2f %% test accuracy (its card)", $0 * 100) } ?? "no test accuracy on its card"))
        }
        if let accuracy = summary.accuracy, let seconds = summary.predictSeconds, let samples = summary.samples {
            print(String(format: "Ensemble of %d: %.2f %% on the %d MNIST test images (predicted in %.2f s)",
                         models.count, accuracy * 100, samples, seconds))
        }
        print("Saved \(out)")
    }
}
