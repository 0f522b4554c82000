import ArgumentParser
import DigitsKit
import DigitsServer
import Foundation

/// `digits feedback …`: the samples users corrected in the web app.
struct FeedbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "Work with the corrected samples stored by `digits serve`.",
        subcommands: [Export.self]
    )

    /// `digits feedback export --out DIR`: the samples as an MNIST-style training pair.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the feedback samples as gzip-compressed IDX files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz).",
            discussion: "Train with them: digits train MODEL --extra-data DIR --out FILE.")

        @Option(name: .customLong("store"),
                help: ArgumentHelp("The web app's database (default: the one `digits serve` uses).", valueName: "FILE"))
        var storePath: String?

        @Option(help: ArgumentHelp("The folder to write the two files into (created when missing).", valueName: "DIR"))
        var out: String

        func run() async throws {
            let location = storePath.map { URL(fileURLWithPath: $0) } ?? AppStore.defaultLocation()
            // Opening would create an empty database: a mistyped path is reported instead.
            guard FileManager.default.fileExists(atPath: location.path) else { throw StoreError.missing(path: location.path) }
            let count = try AppStore.exportFeedback(from: location, to: URL(fileURLWithPath: out, isDirectory: true))
            print("Wrote \(count) samples to \(out)/train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz")
        }
    }
}
