import ArgumentParser
import DigitsKit
import DigitsServer
import Foundation
import Hummingbird

/// `digits serve`: the web app — draw a digit and watch the model read it.
struct Serve: AsyncParsableCommand, ServeArguments {
    static let configuration = CommandConfiguration(
        abstract: "Serve the web app: draw digits in the browser and see what the model reads.",
        discussion: """
            Pages at /, a JSON API under /api/ (POST /api/predict, GET /api/models, \
            POST /api/session/model). Binds to 127.0.0.1 unless --host says otherwise; \
            stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
            """)

    @Option(help: ArgumentHelp("The default model; default \(DefaultModel.relativePath) in this folder or the repository.", valueName: "FILE"))
    var model: String?

    @Option(help: ArgumentHelp("The folder of models a browser may choose from; default the default model's folder.", valueName: "DIR"))
    var modelsDir: String?

    @Option(help: "The address to listen on; 0.0.0.0 makes the app reachable from other machines.")
    var host = "127.0.0.1"

    @Option(help: "The TCP port.")
    var port = 8080

    @OptionGroup var dataOptions: DataOptions

    @Option(name: .customLong("store"),
            help: ArgumentHelp("The SQLite file for feedback and the model registry (default $XDG_DATA_HOME/digits/digits.sqlite, else ~/.local/share/digits/digits.sqlite; :memory: keeps nothing).", valueName: "FILE"))
    var storePath: String?

    var dataFolder: URL? { try? dataOptions.resolvedFolder() }

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535, not \(port)") }
    }

    func run() async throws {
        // Reading one picture multiplies one-row matrices, where OpenBLAS's second thread costs
        // more than it gains; and a training job then leaves a core to the predictions.
        if Digits.ownsProcess { BLASThreads.useCallingThreadOnly() }
        try await buildApplication(self).runService()
    }
}
