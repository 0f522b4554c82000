import ArgumentParser
import DigitsKit
import Foundation

/// `digits bench nn`: seconds per epoch and test accuracy of the network presets next to
/// Keras's figures, the fraction of the measured sgemm peak the training loop reaches, and the
/// time a recipe (by default cnn-quick) takes to 99 % test accuracy.
struct BenchNN: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nn",
        abstract: "Time the network presets per epoch next to Keras, and the time to 99 % test accuracy.",
        discussion: """
        Each preset trains for --epochs epochs on the standard split (its learning-rate schedule \
        compressed to them) and the test set is scored after every epoch, for reporting only. The \
        peak is a 2048³ float32 matrix product through OpenBLAS, measured first; "of peak" is the \
        share of it the convolution and dense products of an epoch reach (6 × multiply-adds per \
        image). With --precision float32,bfloat16 each preset trains in each precision of its matrix \
        products; a bfloat16 row counts the same operations, so its "of peak" (of the float32 peak) \
        may pass 100 %. The time to 99 % trains --tta-model (cnn-quick: the flagship's batch \
        norm, Adam and one-cycle schedule on cnn-b's layers) for --tta-epochs epochs and sums the \
        epoch times until the test accuracy first reaches 99 %. Keras figures: tensorflow-cpu 2.21 \
        measured on this machine (ANCHORS.md). Timings depend on the machine's load: run it quiet.
        """)

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "Comma-separated presets.")
    var models = "cnn-a,cnn-b,cnn-flagship"

    @Option(help: "Comma-separated precisions of the training matrix products, each preset trained in each (float32, bfloat16).")
    var precision = MatrixPrecision.float32.rawValue

    @Option(help: "Epochs per preset.")
    var epochs = 2

    @Option(name: .customLong("tta-model"), help: "The preset of the time-to-99 % run.")
    var ttaModel = ModelKind.cnnQuick.rawValue

    @Option(name: .customLong("tta-epochs"), help: "Epochs of the time-to-99 % run (0: skip it).")
    var ttaEpochs = 3

    @Option(help: "Seed of every run.")
    var seed: UInt64 = 0

    @Flag(help: "Print one JSON object instead of the table.")
    var json = false

    var kinds: [ModelKind] {
        get throws { try models.split(separator: ",").map { try Self.preset(named: String($0)) } }
    }

    var ttaKind: ModelKind {
        get throws { try Self.preset(named: ttaModel) }
    }

    private static func preset(named name: String) throws -> ModelKind {
        guard let kind = ModelKind(rawValue: name), kind.isNetworkPreset else {
            let presets = ModelKind.allCases.filter(\.isNetworkPreset).map(\.rawValue).joined(separator: ", ")
            throw ValidationError("'\(name)' is not a network preset; one of \(presets)")
        }
        return kind
    }

    var precisions: [MatrixPrecision] {
        get throws {
            try precision.split(separator: ",").map { name in
                guard let precision = MatrixPrecision(rawValue: String(name)) else {
                    throw ValidationError("'\(name)' is not a precision; try float32, bfloat16 or float32,bfloat16")
                }
                return precision
            }
        }
    }

    func validate() throws {
        _ = try kinds
        _ = try precisions
        _ = try ttaKind
        guard epochs >= 1, ttaEpochs >= 0 else { throw ValidationError("--epochs must be at least 1 and --tta-epochs at least 0") }
    }

    struct Report: Encodable {
        var peakGflops: Double
        var runs: [NetworkBenchmark.Run]
        var timeTo99: NetworkBenchmark.Run?
        var secondsTo99: Double?
        /// Wall seconds to distort the 60000 training images with every distortion at once (all cores).
        var distortSeconds: Double

        enum CodingKeys: String, CodingKey {
            case runs
            case distortSeconds = "distort_seconds_60000"
            case peakGflops = "peak_gflops", timeTo99 = "time_to_99_run", secondsTo99 = "seconds_to_99"
        }
    }

    func run() async throws {
        let mnist = try MNIST.load(from: try dataOptions.resolvedFolder())
        let split = try DataSplit(train: mnist.train, test: mnist.test, spec: .standard, seed: seed)
        let peak = NetworkBenchmark.sgemmPeak()
        if !json { printError(String(format: "sgemm peak %.0f GFLOP/s", peak)) }
        let quiet = json
        let progress: @Sendable (FitProgress) -> Void = { update in
            guard !quiet, let epoch = update.epoch else { return }
            printError(String(format: "  epoch %d/%d: %.1f s, test %.2f %%", epoch.epoch, epoch.epochs, epoch.seconds,
                              (epoch.validationAccuracy ?? 0) * 100))
        }
        let distortStart = Date()
        _ = split.train.distorted(by: .all, seed: seed)
        var report = Report(peakGflops: peak, runs: [], distortSeconds: Date().timeIntervalSince(distortStart))
        for kind in try kinds {
            for precision in try precisions {
                if !json { printError("training \(kind.rawValue) in \(precision.rawValue) for \(epochs) epochs …") }
                let parameters = (kind.epochsParameter.map { ["\($0)=\(epochs)"] } ?? []) + ["precision=\(precision.rawValue)"]
                report.runs.append(try NetworkBenchmark.run(kind, parameters: parameters, split: split, seed: seed,
                                                            exclusive: Digits.ownsProcess, progress: progress))
            }
        }
        if ttaEpochs > 0 {
            if !json { printError("time to 99 %: \(try ttaKind.rawValue) for \(ttaEpochs) epochs …") }
            let run = try NetworkBenchmark.run(try ttaKind, parameters: ["epochs=\(ttaEpochs)"], split: split, seed: seed,
                                               exclusive: Digits.ownsProcess, progress: progress)
            report.timeTo99 = run
            report.secondsTo99 = run.secondsTo(0.99)
        }
        if json { try printJSON(report) } else { print(Self.render(report)) }
    }

    static func render(_ report: Report) -> String {
        var lines = [["model", "precision", "epochs", "s/epoch", "test acc", "GFLOP/s", "of peak", "Keras s/epoch", "Keras acc (epochs)"]]
        for run in report.runs {
            let rate = run.flopsPerEpoch / run.secondsPerEpoch / 1e9
            let keras = run.keras.map { reference in
                let range = reference.secondsPerEpoch
                return (range.lowerBound == range.upperBound ? String(format: "%.1f", range.lowerBound)
                        : String(format: "%.1f–%.1f", range.lowerBound, range.upperBound),
                        String(format: "%.2f %% (%d)", reference.accuracy * 100, reference.epochs))
            }
            lines.append([run.model, run.precision.rawValue, "\(run.epochs.count)", String(format: "%.2f", run.secondsPerEpoch),
                          run.testAccuracy.map { String(format: "%.2f %%", $0 * 100) } ?? "—",
                          String(format: "%.0f", rate), String(format: "%.0f %%", 100 * rate / report.peakGflops),
                          keras?.0 ?? "—", keras?.1 ?? "—"])
        }
        let widths = lines[0].indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        var text = String(format: "sgemm peak (2048³, OpenBLAS): %.0f GFLOP/s; every augmentation at once over 60000 images: %.2f s "
                          + "(bytes to floats and back included)\n\n", report.peakGflops, report.distortSeconds)
        text += lines.map { cells in
            cells.enumerated().map { column, cell in cell.padding(toLength: widths[column], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
        if let run = report.timeTo99 {
            let reached = report.secondsTo99.map { String(format: "%.1f s", $0) } ?? "not reached"
            text += "\n\nTime to 99 % test accuracy, \(run.model) (\(run.precision.rawValue)) in \(run.epochs.count) epochs: \(reached)"
                + String(format: " (Keras cnn-b: about %.0f s); final %.2f %%", NetworkBenchmark.kerasSecondsTo99, (run.testAccuracy ?? 0) * 100)
        }
        return text
    }
}
