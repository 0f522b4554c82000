import ArgumentParser
import DigitsKit
import Foundation

/// `digits bench …`: programs that measure speed and accuracy and print tables (never timed
/// unit tests).
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure accuracy, speed and memory of the models.",
        subcommands: [BenchClassical.self, BenchVision.self, BenchNN.self])
}

struct BenchClassical: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classical",
        abstract: "Train and score each classical model on the standard split, optionally next to scikit-learn.",
        discussion: """
        Each configuration runs in its own process so that its peak memory is its own. With --sklearn, \
        scripts/bench/sklearn_twins.py runs the scikit-learn twin of each configuration right after it, \
        on the same files, and the table shows the ratios (needs python3 with scikit-learn).
        Configurations: \(BenchmarkConfiguration.classical.map(\.id).joined(separator: ", ")).
        """)

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "Comma-separated configuration ids (default: all).")
    var models: String?

    @Flag(help: "Also run the scikit-learn twins and show the ratios.")
    var sklearn = false

    @Option(help: ArgumentHelp("The twins script.", valueName: "FILE"))
    var sklearnScript = "scripts/bench/sklearn_twins.py"

    @Flag(help: "Print JSON lines instead of the table.")
    var json = false

    @Flag(help: .hidden)
    var child = false

    func validate() throws {
        for id in selectedIDs where !BenchmarkConfiguration.classical.contains(where: { $0.id == id }) {
            throw ValidationError("unknown configuration '\(id)'; known: \(BenchmarkConfiguration.classical.map(\.id).joined(separator: ", "))")
        }
    }

    var selectedIDs: [String] {
        models.map { $0.split(separator: ",").map(String.init) } ?? BenchmarkConfiguration.classical.map(\.id)
    }

    func run() async throws {
        let folder = try dataOptions.resolvedFolder()
        if child {
            // One configuration, measured in this process.
            let mnist = try MNIST.load(from: folder)
            let split = try DataSplit(train: mnist.train, test: mnist.test, spec: .standard, seed: 0)
            for id in selectedIDs {
                guard let configuration = BenchmarkConfiguration.classical.first(where: { $0.id == id }) else { continue }
                try printJSON(try BenchmarkMeasurement.measure(configuration, split: split))
            }
            return
        }
        var rows: [(ours: BenchmarkMeasurement, twin: BenchmarkMeasurement?)] = []
        for id in selectedIDs {
            if !json { printError("measuring \(id) …") }
            let ours = try measureInChild(executable: selfExecutable(), arguments: ["bench", "classical", "--child", "--models", id, "--data", folder.path])
            let twin = sklearn ? try measureInChild(executable: "/usr/bin/env", arguments: ["python3", sklearnScript, "--config", id, "--data", folder.path]) : nil
            if json {
                try printJSON(ours)
                if let twin { try printJSON(TwinJSON(sklearn: twin)) }
            }
            rows.append((ours, twin))
        }
        if !json {
            print("MNIST standard split; BLAS kernels: \(BLASKernels.current); \(workerCount) cores\n")
            print(BenchTable.render(rows))
        }
    }

    /// Runs a measuring process and decodes the JSON line it prints last.
    private func measureInChild(executable: String, arguments: [String]) throws -> BenchmarkMeasurement {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last
        else {
            throw ValidationError("\(([executable] + arguments).joined(separator: " ")) failed with status \(process.terminationStatus)")
        }
        return try JSONDecoder().decode(BenchmarkMeasurement.self, from: Data(line.utf8))
    }

    private func selfExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

/// A twin's line in `--json` output, tagged so the two series can be told apart.
private struct TwinJSON: Encodable {
    let sklearn: BenchmarkMeasurement
}

enum BenchTable {
    static func render(_ rows: [(ours: BenchmarkMeasurement, twin: BenchmarkMeasurement?)]) -> String {
        let hasTwins = rows.contains { $0.twin != nil }
        var header = ["model", "accuracy", "fit s", "predict s", "1 image ms", "peak MB"]
        if hasTwins { header += ["sklearn acc", "sklearn fit", "sklearn pred", "fit ×", "predict ×"] }
        var lines = [header]
        for (ours, twin) in rows {
            var cells = [ours.id, percent(ours.accuracy), seconds(ours.fitSeconds), seconds(ours.predictSeconds),
                         String(format: "%.3f", ours.latencyMs), String(format: "%.0f", ours.peakMemoryMb)]
            if let twin {
                cells += [percent(twin.accuracy), seconds(twin.fitSeconds), seconds(twin.predictSeconds),
                          ratio(twin.fitSeconds, ours.fitSeconds), ratio(twin.predictSeconds, ours.predictSeconds)]
            } else if hasTwins {
                cells += Array(repeating: "—", count: 5)
            }
            lines.append(cells)
        }
        let widths = header.indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        return lines.map { cells in
            cells.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    private static func percent(_ x: Double) -> String { String(format: "%.2f %%", x * 100) }
    private static func seconds(_ x: Double) -> String { x < 10 ? String(format: "%.3f", x) : String(format: "%.1f", x) }
    private static func ratio(_ theirs: Double, _ ours: Double) -> String {
        ours > 0 ? String(format: "%.1f×", theirs / ours) : "—"
    }
}
