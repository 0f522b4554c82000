import ArgumentParser
import DigitsKit
import Foundation

/// The `--data DIR` option shared by every command that reads MNIST.
public struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"),
            help: ArgumentHelp("Folder holding MNIST (default: $DIGITS_DATA, ./data/mnist, then the user cache folder).",
                               valueName: "DIR"))
    public var data: String?

    public init() {}

    /// The folder to read MNIST from, resolved as `DataFolder.resolve` describes.
    public func resolvedFolder(environment: [String: String] = ProcessInfo.processInfo.environment,
                               currentDirectory: URL = DataOptions.currentDirectory,
                               home: URL = FileManager.default.homeDirectoryForCurrentUser) throws -> URL {
        try DataFolder.resolve(explicit: data, environment: environment, currentDirectory: currentDirectory, home: home)
    }

    public static var currentDirectory: URL {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    }
}
