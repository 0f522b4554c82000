import Foundation

extension OverviewCharts {
    /// The four charts of a data set, named as `digits explore` writes them.
    public static func all(_ overview: DataOverview, data: Dataset, setName: String) -> [(name: String, svg: String)] {
        [
            ("class-distribution", classDistribution(overview, setName: setName)),
            ("mean-images", meanImages(overview)),
            ("samples", samples(overview, data: data)),
            ("pixel-variance", pixelVariance(overview)),
        ]
    }

    /// A 2-D map of `sample` ("PCA" or "t-SNE"), scored by its 5-nearest-neighbour accuracy.
    public static func embedding(of sample: Dataset, method: Embedding.Method) throws -> (svg: String, score: Double, seconds: Double) {
        let start = Date()
        let points = try method == .pca ? Embedding.pca(sample) : Embedding.tsne(sample)
        let seconds = Date().timeIntervalSince(start)
        let labels = sample.intLabels
        let score = Embedding.neighborAccuracy(points, labels: labels)
        return (embedding(points, labels: labels, method: method.rawValue, score: score), score, seconds)
    }
}

extension Embedding {
    public enum Method: String, Sendable {
        case pca = "PCA", tsne = "t-SNE"
    }

    /// `count` images of `data`, stratified by digit and seeded: what the 2-D maps show.
    public static func sample(_ data: Dataset, count: Int, seed: UInt64) -> Dataset {
        data.subset(stratifiedPartition(labels: data.labels, sizes: [min(count, data.count)], seed: seed)[0])
    }
}
