import Foundation

/// One model configuration of `digits bench classical`, named like its scikit-learn twin in
/// `scripts/bench/sklearn_twins.py` (which must build the same model with the same
/// hyper-parameters and preprocessing).
public struct BenchmarkConfiguration: Sendable {
    public let id: String
    public let kind: ModelKind
    public let parameters: [String]

    public init(_ id: String, _ kind: ModelKind, _ parameters: [String] = []) {
        self.id = id
        self.kind = kind
        self.parameters = parameters
    }

    /// The rows of the classical benchmark, in table order.
    public static let classical: [BenchmarkConfiguration] = [
        BenchmarkConfiguration("logreg", .logreg),
        BenchmarkConfiguration("logreg-c1", .logreg, ["C=1"]),
        BenchmarkConfiguration("sgd", .sgd),
        BenchmarkConfiguration("tree", .tree),
        BenchmarkConfiguration("tree-entropy30", .tree, ["criterion=entropy", "maxDepth=30"]),
        BenchmarkConfiguration("forest", .forest),
        BenchmarkConfiguration("extratrees", .extratrees),
        BenchmarkConfiguration("knn", .knn),
        BenchmarkConfiguration("knn1", .knn, ["nNeighbors=1", "weights=uniform", "metric=euclidean"]),
        BenchmarkConfiguration("knn3", .knn, ["nNeighbors=3", "weights=uniform", "metric=euclidean"]),
        BenchmarkConfiguration("pca-svc", .pcaSVC),
        BenchmarkConfiguration("pca-svc-c5", .pcaSVC, ["nComponents=0.95", "C=5"]),
        BenchmarkConfiguration("pca-svc-c1", .pcaSVC, ["nComponents=0.95", "C=1"]),
        BenchmarkConfiguration("svc", .svc, ["C=1"]),
    ]
}

/// What one configuration scored and cost on the standard split.
public struct BenchmarkMeasurement: Sendable, Codable, Equatable {
    public var id: String
    public var accuracy: Double
    public var fitSeconds: Double
    public var predictSeconds: Double
    /// Median time to predict one image on its own.
    public var latencyMs: Double
    /// Peak resident memory of the whole process (data included).
    public var peakMemoryMb: Double

    enum CodingKeys: String, CodingKey {
        case id, accuracy
        case fitSeconds = "fit_seconds", predictSeconds = "predict_seconds"
        case latencyMs = "latency_ms", peakMemoryMb = "peak_memory_mb"
    }

    /// Fits `configuration` on `split.train`, scores `split.test`, and times single images.
    public static func measure(_ configuration: BenchmarkConfiguration, split: DataSplit, seed: UInt64 = 0) throws -> BenchmarkMeasurement {
        let pipeline = try configuration.kind.makePipeline(parameters: configuration.parameters)
        let run = try TrainingRun.run(kind: configuration.kind, pipeline: pipeline, split: split, splitSpec: .standard, seed: seed)
        let model = run.model.pipeline
        var timings: [Double] = []
        for index in 0..<min(50, split.test.count) {
            let one = split.test.subset([index])
            let start = DispatchTime.now()
            _ = try model.probabilities(one)
            timings.append(secondsSince(start))
        }
        timings.sort()
        let latency = timings.isEmpty ? 0 : timings[timings.count / 2]
        return BenchmarkMeasurement(id: configuration.id, accuracy: run.test.report.accuracy, fitSeconds: run.fitSeconds,
                                    predictSeconds: run.test.predictSeconds, latencyMs: latency * 1000,
                                    peakMemoryMb: ProcessStats.peakResidentMegabytes())
    }
}
