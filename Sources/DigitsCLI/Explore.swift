import ArgumentParser
import DigitsKit
import Foundation

/// `digits explore`: the first look at the data, as numbers and SVG charts.
struct Explore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explore MNIST's training set: class distribution, mean digits, samples, pixel variance, PCA and t-SNE maps.",
        discussion: """
        Writes class-distribution.svg, mean-images.svg, samples.svg, pixel-variance.svg, pca.svg and tsne.svg. \
        The 2-D maps use a stratified sample of --sample images (t-SNE: Barnes–Hut, perplexity 30, PCA-50 input, \
        1000 iterations); each is scored by the leave-one-out 5-nearest-neighbour accuracy of the digit labels in 2-D.
        """)

    @OptionGroup var dataOptions: DataOptions

    @Option(help: ArgumentHelp("Folder for the SVG charts.", valueName: "DIR"))
    var out = "explore"

    @Option(help: ArgumentHelp("Images in the PCA and t-SNE maps (0 skips them).", valueName: "N"))
    var sample = 5000

    @Option(help: "Seed for the samples.")
    var seed: UInt64 = 0

    @Flag(help: "Print one JSON object.")
    var json = false

    struct Output: Encodable {
        var samples: Int
        var classCounts: [Int]
        var embeddingSamples: Int
        var pcaNeighborAccuracy: Double?
        var tsneNeighborAccuracy: Double?
        var tsneSeconds: Double?
        var charts: [String]

        enum CodingKeys: String, CodingKey {
            case samples, charts
            case classCounts = "class_counts", embeddingSamples = "embedding_samples"
            case pcaNeighborAccuracy = "pca_5nn_accuracy", tsneNeighborAccuracy = "tsne_5nn_accuracy", tsneSeconds = "tsne_seconds"
        }
    }

    func validate() throws {
        if sample < 0 { throw ValidationError("--sample must not be negative") }
    }

    func run() async throws {
        let folder = try dataOptions.resolvedFolder()
        let train = try MNIST.load(from: folder).train
        let overview = DataOverview(train, seed: seed)
        var charts = OverviewCharts.all(overview, data: train, setName: "training set")
        var output = Output(samples: train.count, classCounts: overview.classCounts, embeddingSamples: 0, charts: [])
        if !json {
            print("MNIST training set in \(folder.path): \(train.count) images")
            for (digit, count) in overview.classCounts.enumerated() {
                print(String(format: "  digit %d: %5d images (%.1f %%)", digit, count, Double(count) * 100 / Double(max(train.count, 1))))
            }
        }
        if sample > 0 {
            let subset = Embedding.sample(train, count: sample, seed: seed)
            let pca = try OverviewCharts.embedding(of: subset, method: .pca)
            charts.append(("pca", pca.svg))
            let tsne = try OverviewCharts.embedding(of: subset, method: .tsne)
            charts.append(("tsne", tsne.svg))
            output.embeddingSamples = subset.count
            output.pcaNeighborAccuracy = pca.score
            output.tsneNeighborAccuracy = tsne.score
            output.tsneSeconds = tsne.seconds
            if !json {
                print(String(format: "2-D maps of %d images, 5-NN accuracy of the digit labels: PCA %.3f, t-SNE %.3f (t-SNE took %.1f s)",
                             subset.count, pca.score, tsne.score, tsne.seconds))
            }
        }
        output.charts = try writeCharts(charts, to: URL(fileURLWithPath: out))
        if json {
            try printJSON(output)
        } else {
            print("Charts in \(out): " + charts.map { $0.name + ".svg" }.joined(separator: ", "))
        }
    }
}
