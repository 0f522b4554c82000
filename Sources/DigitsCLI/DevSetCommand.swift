import ArgumentParser
import DigitsKit
import Foundation

/// `digits devset …`: the realistic development set.
struct DevSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devset",
        abstract: "Generate the labelled development set of realistic pictures.",
        subcommands: [DevSetGenerate.self])
}

struct DevSetGenerate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Render MNIST test digits and stroke-built digits as photos, scans and drawings.",
        discussion: """
        Writes COUNT pictures of each kind (\(DevSetKind.allCases.map(\.rawValue).joined(separator: ", "))) \
        into DIR, with labels.csv (file,value: what `digits predict --labels` reads) and kinds.csv \
        (file,kind). Only MNIST's test digits are used, never its training digits. The same seed gives \
        the same pictures; a larger count keeps the smaller set as its prefix.
        """)

    @OptionGroup var dataOptions: DataOptions

    @Option(help: ArgumentHelp("The folder to write.", valueName: "DIR"))
    var out: String

    @Option(help: "Pictures of each kind.")
    var count = 40

    @Option(help: "Seed of every random choice.")
    var seed: UInt64 = 0

    @Option(help: "Scale of photographed pages and their digits (0.5 for small test fixtures).")
    var photoScale: Float = 1

    @Option(help: ArgumentHelp("Comma-separated kinds (default: all).", valueName: "KINDS"))
    var kinds: String?

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1") }
        guard photoScale >= 0.1 && photoScale <= 4 else { throw ValidationError("--photo-scale must be in 0.1…4") }
        _ = try selectedKinds()
    }

    func selectedKinds() throws -> [DevSetKind] {
        guard let kinds else { return DevSetKind.allCases }
        return try kinds.split(separator: ",").map { name in
            guard let kind = DevSetKind(rawValue: String(name)) else {
                throw ValidationError("unknown kind '\(name)'; known: \(DevSetKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return kind
        }
    }

    func run() async throws {
        let mnist = try MNIST.load(from: try dataOptions.resolvedFolder())
        let generator = DevSetGenerator(testDigits: mnist.test, seed: seed, photoScale: photoScale)
        let start = Date()
        let rows = try DevSetWriter.write(generator, kinds: try selectedKinds(), count: count, to: URL(fileURLWithPath: out))
        print(String(format: "wrote %d pictures, labels.csv and kinds.csv to %@ in %.1f s", rows.count, out, Date().timeIntervalSince(start)))
    }
}
