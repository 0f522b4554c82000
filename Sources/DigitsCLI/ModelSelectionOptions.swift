import ArgumentParser
import DigitsKit
import Foundation

extension ModelSpec: ExpressibleByArgument {
    public init?(argument: String) {
        try? self.init(parsing: argument)
    }
}

/// Options shared by `cv` and `tune`: where the training images come from and how many to use.
struct TrainingSetOptions: ParsableArguments {
    @OptionGroup var dataOptions: DataOptions

    @Option(help: "Seed for the folds, the random search and every fit.")
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Use a stratified sample of this many training images (default: all 60000).", valueName: "N"))
    var trainSize: Int?

    /// MNIST's training set, or a stratified sample of it.
    func trainingSet() throws -> (data: Dataset, folder: URL) {
        let folder = try dataOptions.resolvedFolder()
        let train = try MNIST.load(from: folder).train
        guard let size = trainSize, size < train.count else { return (train, folder) }
        guard size >= 20 else { throw ValidationError("--train-size must be at least 20") }
        return (train.subset(stratifiedPartition(labels: train.labels, sizes: [size], seed: seed)[0]), folder)
    }
}

/// Writes `charts` as NAME.svg into `directory`, creating it; returns the paths written.
func writeCharts(_ charts: [(name: String, svg: String)], to directory: URL) throws -> [String] {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return try charts.map { chart in
        let url = directory.appendingPathComponent(chart.name + ".svg")
        try Data(chart.svg.utf8).write(to: url, options: .atomic)
        return url.path
    }
}

func percentText(_ x: Double) -> String { String(format: "%.2f %%", x * 100) }
