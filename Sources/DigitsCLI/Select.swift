import ArgumentParser
import DigitsKit
import Foundation

/// `digits select MODEL…`: choose on validation, refit on training + validation, test once.
struct Select: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Choose the best of several models on a validation set, refit it on training + validation, score it on the test set once, save it.",
        discussion: """
        Each MODEL is KIND[:NAME=VALUE…], e.g. logreg:C=0.1 logreg:C=1 pca-svc:C=5. With --split standard (the \
        default), --validation-size images are carved out of MNIST's 60000 training images (stratified, seeded) \
        and the refit uses all 60000; a three-part split such as 50000/10000/10000 brings its own validation set.
        """)

    @Argument(help: "The candidate models: KIND[:NAME=VALUE…].")
    var models: [ModelSpec]

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "standard (with a validation carve-out) or a three-part split such as 50000/10000/10000.")
    var split = "standard"

    @Option(help: "Validation images carved out of the training set when the split has no validation part.")
    var validationSize = 10000

    @Option(help: "Seed for the split and every fit.")
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Where to save the chosen, refitted model (.safetensors).", valueName: "FILE"))
    var out: String

    @Flag(help: "Print one JSON object.")
    var json = false

    struct Output: Encodable {
        var split: String
        var seed: UInt64
        var trainSamples: Int
        var validationSamples: Int
        var candidates: [ModelSelection.Candidate]
        var chosen: String
        var refitSamples: Int
        var refitSeconds: Double
        var testAccuracy: Double
        var out: String

        enum CodingKeys: String, CodingKey {
            case split, seed, candidates, chosen, out
            case trainSamples = "train_samples", validationSamples = "validation_samples", refitSamples = "refit_samples"
            case refitSeconds = "refit_seconds", testAccuracy = "test_accuracy"
        }
    }

    func validate() throws {
        if models.isEmpty { throw ValidationError("name at least one model") }
    }

    func run() async throws {
        let spec = try SplitSpec(parsing: split)
        let folder = try dataOptions.resolvedFolder()
        let mnist = try MNIST.load(from: folder)
        let data = try DataSplit(train: mnist.train, test: mnist.test, spec: spec, seed: seed).carvingValidation(count: validationSize, seed: seed)
        if !json {
            print("Choosing among \(models.count) models on \(data.validation.count) validation images "
                  + "(training \(data.train.count), test \(data.test.count); split \(spec), seed \(seed))\n")
        }
        let quiet = json
        let selection = try ModelSelection.run(models, split: data, splitSpec: spec, seed: seed) { message in
            if !quiet { printError(message) }
        }
        let url = URL(fileURLWithPath: out)
        try ModelFile.save(selection.final.model, to: url)
        if json {
            try printJSON(Output(split: spec.description, seed: seed, trainSamples: data.train.count, validationSamples: data.validation.count,
                                 candidates: selection.candidates, chosen: selection.chosen.description,
                                 refitSamples: selection.final.model.card.training?.trainingSamples ?? 0,
                                 refitSeconds: selection.final.fitSeconds, testAccuracy: selection.final.test.report.accuracy,
                                 out: url.path))
            return
        }
        let width = max(5, selection.candidates.map(\.model.count).max() ?? 0)
        print("1. Fitted on the training set, scored on the validation set:")
        for candidate in selection.candidates {
            let mark = candidate.model == selection.chosen.description ? "  ← best" : ""
            print("   " + candidate.model.padding(toLength: width, withPad: " ", startingAt: 0)
                  + "  validation \(percentText(candidate.validationAccuracy))  fit \(String(format: "%.2f", candidate.fitSeconds)) s\(mark)")
        }
        print("2. Chose \(selection.chosen) and refitted it on training + validation "
              + "(\(selection.final.model.card.training?.trainingSamples ?? 0) images) in \(String(format: "%.2f", selection.final.fitSeconds)) s.")
        print("3. Scored once on the test set:")
        printHumanReport(selection.final.test, setName: "Test set")
        print("\nSaved \(url.path) (\(fileSize(url)))")
    }
}
