import DigitsKit
import Foundation
import Hummingbird
import NIOCore

/// `GET /api/explore/overview`, `/api/explore/tsne` and `/api/explore/models/{name}`: the data
/// exploration charts and each model's evaluation charts, as JSON holding SVG documents made by
/// the same chart code as `digits explore` and `digits report`. Each is computed once in the
/// background and kept in the store; until it is ready the answer is 202 `{"status": "computing"}`.
struct ExploreController {
    let library: ModelLibrary
    let dataFolder: URL?
    let results: BackgroundResults

    /// Images in the PCA and t-SNE maps: t-SNE of 3000 points takes about a minute on two cores.
    static let embeddingSample = 3000
    static let seed: UInt64 = 0

    var endpoints: RouteCollection<DigitsContext> {
        RouteCollection(context: DigitsContext.self)
            .get("explore/overview", use: overview)
            .get("explore/tsne", use: tsne)
            .get("explore/models/{name}", use: evaluation)
    }

    struct Chart: Codable, Sendable {
        var name: String
        var svg: String
    }

    struct Charts: Codable, Sendable {
        var charts: [Chart]
        var classCounts: [Int]?
        var accuracy: Double?
        /// Per-class F1 on the MNIST test set, digits 0–9.
        var f1: [Double]?
        var score: Double?
        var samples: Int?

        enum CodingKeys: String, CodingKey {
            case charts, accuracy, f1, score, samples, classCounts = "class_counts"
        }
    }

    func overview(request: Request, context: DigitsContext) async throws -> Response {
        let folder = try mnistFolder()
        return try await answer(key: "overview:v1:\(folder.path)") {
            let train = try MNIST.load(from: folder).train
            let overview = DataOverview(train, seed: Self.seed)
            let pca = try OverviewCharts.embedding(of: Embedding.sample(train, count: Self.embeddingSample, seed: Self.seed), method: .pca)
            let charts = OverviewCharts.all(overview, data: train, setName: "training set") + [("pca", pca.svg)]
            return Charts(charts: charts.map { Chart(name: $0.name, svg: $0.svg) }, classCounts: overview.classCounts,
                          score: pca.score, samples: train.count)
        }
    }

    func tsne(request: Request, context: DigitsContext) async throws -> Response {
        let folder = try mnistFolder()
        return try await answer(key: "tsne:v1:\(Self.embeddingSample):\(Self.seed):\(folder.path)") {
            let train = try MNIST.load(from: folder).train
            let tsne = try OverviewCharts.embedding(of: Embedding.sample(train, count: Self.embeddingSample, seed: Self.seed), method: .tsne)
            return Charts(charts: [Chart(name: "tsne", svg: tsne.svg)], score: tsne.score, samples: Self.embeddingSample)
        }
    }

    /// Confusion matrices, the most confident mistakes and per-class F1 of one model on the
    /// MNIST test set, once per model file (its size and modification time are in the key).
    func evaluation(request: Request, context: DigitsContext) async throws -> Response {
        let name = context.parameters.get("name") ?? ""
        let url = try library.url(forName: name)
        let folder = try mnistFolder()
        let saved = try await library.model(at: url)
        let stamp = ModelFileStamp(url: url)
        return try await answer(key: "evaluation:v1:\(name):\(stamp.bytes):\(stamp.modified):\(folder.path)") {
            let test = try MNIST.load(from: folder).test
            let task = saved.card.positive.flatMap { try? BinaryTask(positive: $0) }
            let result = try EvaluationResult(pipeline: saved.pipeline, data: test, task: task)
            let title = name.replacingOccurrences(of: ".safetensors", with: "")
            var charts = EvaluationCharts.all(result, title: title).map { Chart(name: $0.name, svg: $0.svg) }
            if let worst = EvaluationCharts.worstMistakes(result, data: test, title: title) {
                charts.append(Chart(name: "worst-mistakes", svg: worst))
            }
            return Charts(charts: charts, accuracy: result.report.accuracy, f1: result.report.classes.map(\.f1), samples: test.count)
        }
    }

    private func mnistFolder() throws(APIError) -> URL {
        guard let dataFolder, MNIST.hasFiles(in: dataFolder) else {
            throw APIError(.serviceUnavailable, "MNIST not found",
                           detail: "MNIST not found — run `digits data download`, or start the server with --data DIR")
        }
        return dataFolder
    }

    private func answer(key: String, compute: @escaping @Sendable () throws -> Charts) async throws -> Response {
        let state = await results.state(for: key) { try JSONEncoder().encode(compute()) }
        switch state {
        case let .ready(data):
            return .json(data)
        case .computing:
            return .json(#"{"status":"computing"}"#.utf8, status: .accepted, headers: [.retryAfter: "2"])
        case let .failed(reason):
            throw APIError(.internalServerError, "computation failed", detail: reason)
        }
    }
}

/// A model file's size and modification time: what cached figures about it are keyed by.
struct ModelFileStamp: Equatable {
    var bytes: Int
    var modified: Double

    init(bytes: Int, modified: Double) {
        self.bytes = bytes
        self.modified = modified
    }

    init(url: URL) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        bytes = attributes?[.size] as? Int ?? 0
        modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    }
}
