import ArgumentParser
import DigitsKit
import Foundation

extension ModelKind: ExpressibleByArgument {}

/// `digits train MODEL`: fit on a split's training set, report on its test set, save the model.
struct Train: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a model on MNIST, print its test report and save it.",
        discussion: modelHelp + "\n\n" + """
        Splits: 'standard' is MNIST's own 60000 training and 10000 test images; percentages such as \
        80/10/10 or counts such as 50000/10000/10000 pool all 70000 images and split them stratified \
        by digit, with --seed.
        """)

    /// Every model with its defaults, for `--help`.
    static var modelHelp: String {
        ModelKind.allCases.map { kind in
            (["\(kind.rawValue): \(kind.summary)"] + kind.parameterHelp.map { "  --param \($0)" }).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    @Argument(help: "The model to train.")
    var model: ModelKind

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "How to split MNIST: standard, 80/10/10, 50000/10000/10000 …")
    var split: String = "standard"

    @Option(help: "Seed for every random choice (split, initialisation, shuffling).")
    var seed: UInt64 = 0

    @Option(name: .customLong("param"), parsing: .singleValue,
            help: ArgumentHelp("A hyper-parameter as NAME=VALUE (repeatable), e.g. --param C=0.5.", valueName: "NAME=VALUE"))
    var parameters: [String] = []

    @Option(name: .customLong("extra-data"), parsing: .singleValue,
            help: ArgumentHelp("A folder with an extra training set as IDX files (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz]), e.g. from `digits feedback export`; repeatable. Added to the training part only, never to validation or test.", valueName: "DIR"))
    var extraData: [String] = []

    @Option(help: ArgumentHelp("Where to save the trained model (.safetensors).", valueName: "FILE"))
    var out: String

    @Option(help: ArgumentHelp("Train a one-digit detector (\"is it a 7?\"): this digit against the rest.", valueName: "DIGIT"))
    var positive: Int?

    @Option(help: "Epochs for neural networks (the epochs or maxIter parameter).")
    var epochs: Int?

    @Option(help: ArgumentHelp("Neural networks: checkpoint after every epoch here (default: OUT.checkpoint).", valueName: "FILE"))
    var checkpoint: String?

    @Flag(help: "Neural networks: continue from the checkpoint when it exists.")
    var resume = false

    @Flag(help: "Print one JSON object instead of the human report (networks: one JSON line per epoch first).")
    var json = false

    func validate() throws {
        if epochs != nil, model.epochsParameter == nil {
            throw ValidationError("--epochs applies to neural networks only, not \(model.rawValue)")
        }
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1") }
    }

    func run() async throws {
        // Everything that can be wrong with the command is checked before data is loaded.
        let splitSpec = try SplitSpec(parsing: split)
        let task = try positive.map { digit throws(DatasetError) in try BinaryTask(positive: digit) }
        let assignments = parameters + (epochs.flatMap { count in model.epochsParameter.map { "\($0)=\(count)" } }.map { [$0] } ?? [])
        let pipeline = try model.makePipeline(parameters: assignments)
        let folder = try dataOptions.resolvedFolder()
        let mnist = try MNIST.load(from: folder)
        var data = try DataSplit(train: mnist.train, test: mnist.test, spec: splitSpec, seed: seed)
        for extra in extraData {
            let set = try MNIST.loadTrainingSet(from: URL(fileURLWithPath: extra, isDirectory: true))
            data = data.addingTraining(set)
            if !json { print("Adding \(set.count) training images from \(extra)") }
        }

        let parameterSummary = (pipeline.classifier.parameters).summary
        if !json {
            let detector = task.map { " as a detector of digit \($0.positive) against the rest" } ?? ""
        print("Training \(model.rawValue) (\(parameterSummary))\(detector) on \(data.train.count) images "
                  + "from \(folder.path) (split \(splitSpec), seed \(seed))")
        }
        let bar = ProgressBar(label: "fitting", enabled: !json && ProgressBar.terminalsAttached)
        let epochOutput = EpochOutput(json: json)
        let started = DispatchTime.now()
        let interrupt = InterruptSignal()
        let checkpointURL = model.epochsParameter == nil ? nil : URL(fileURLWithPath: checkpoint ?? out + ".checkpoint")
        if checkpointURL != nil { interrupt.install() }
        defer { interrupt.uninstall() }
        defer { bar.finish() }
        let run = try TrainingRun.run(kind: model, pipeline: pipeline, split: data, splitSpec: splitSpec, seed: seed,
                                      task: task, progress: { progress in
            if let epoch = progress.epoch {
                bar.finish()
                epochOutput.print(epoch, elapsed: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
                return
            }
            let loss = progress.loss.map { String(format: "loss %.6f", $0) } ?? ""
            let fraction = progress.totalSteps.map { Double(progress.step) / Double($0) }
            let step = progress.note.map { "\($0) batch \(progress.step)" } ?? "iteration \(progress.step)"
            bar.update(fraction: fraction, detail: "\(step) \(loss)")
        }, checkpoint: checkpointURL, resume: resume, shouldStop: { interrupt.isRaised }, exclusive: Digits.ownsProcess)

        let outURL = URL(fileURLWithPath: out)
        try ModelFile.save(run.model, to: outURL)

        if json {
            var report = EvaluationJSON(model: model.rawValue, card: run.model.card, result: run.test, on: "test")
            report.fitSeconds = run.fitSeconds
            report.iterations = run.summary.iterations
            report.finalLoss = run.summary.finalLoss
            report.converged = run.summary.converged
            report.validationAccuracy = run.validation?.report.accuracy
            report.out = outURL.path
            try printJSON(report)
            return
        }
        let loss = run.summary.finalLoss.map { String(format: ", final loss %.6f", $0) } ?? ""
        let outcome = run.summary.ranPlannedEpochs == true
            ? run.summary.outcome : "\(run.summary.outcome) (\(run.summary.stopReason))"
        print(String(format: "Fitted in %.2f s: %d iterations", run.fitSeconds, run.summary.iterations) + "\(loss), \(outcome)")
        if let validation = run.validation {
            print(String(format: "Validation set (%d images): accuracy %.2f %%", validation.report.sampleCount,
                         validation.report.accuracy * 100))
        }
        printHumanReport(run.test, setName: "Test set")
        print("\nSaved \(outURL.path) (\(fileSize(outURL)))")
    }
}
