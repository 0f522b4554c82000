import DigitsKit
import Foundation
import Hummingbird
import NIOPosix

/// `GET /api/models/{name}` (the model card, with the cached latency) and
/// `GET /api/models/{name}/latency` (measured on first request, then cached in the store until
/// the file changes). Names are checked by `ModelLibrary`, so none reaches outside the folder.
struct ModelDetailsController {
    let library: ModelLibrary
    let store: AppStore

    /// Timed single-image predictions after the warm-up; the median is reported.
    static let timedRuns = 25
    static let warmUpRuns = 5

    var endpoints: RouteCollection<DigitsContext> {
        RouteCollection(context: DigitsContext.self)
            .get("models/{name}", use: details)
            .get("models/{name}/latency", use: latency)
    }

    struct Details: ResponseEncodable {
        var name: String
        var bytes: Int
        var firstSeen: String?
        var latencyMs: Double?
        var card: ModelCard

        enum CodingKeys: String, CodingKey {
            case name, bytes, card, firstSeen = "first_seen", latencyMs = "latency_ms"
        }
    }

    struct Latency: ResponseEncodable {
        var name: String
        var latencyMs: Double
        var measuredAt: String
        /// False when this request measured it.
        var cached: Bool

        enum CodingKeys: String, CodingKey {
            case name, cached, latencyMs = "latency_ms", measuredAt = "measured_at"
        }
    }

    func details(request: Request, context: DigitsContext) async throws -> Details {
        let name = context.parameters.get("name") ?? ""
        let url = try library.url(forName: name)
        let card = try await NIOThreadPool.singleton.runIfActive { try ModelFile.readCard(from: url) }
        let stamp = ModelFileStamp(url: url)
        var record = try await store.modelRecord(name: name)
        if record == nil {
            // The registry remembers when this server first showed the model.
            let seen = ModelRecord(name: name, firstSeen: Date(), bytes: stamp.bytes, modified: stamp.modified)
            try await store.saveModelRecord(seen)
            record = seen
        }
        let current = record.flatMap { $0.describes(stamp) ? $0 : nil }
        return Details(name: name, bytes: stamp.bytes, firstSeen: record?.firstSeen.formatted(.iso8601),
                       latencyMs: current?.latencyMs, card: card)
    }

    func latency(request: Request, context: DigitsContext) async throws -> Latency {
        let name = context.parameters.get("name") ?? ""
        let url = try library.url(forName: name)
        let stamp = ModelFileStamp(url: url)
        if let record = try await store.modelRecord(name: name), record.describes(stamp),
           let cached = record.latencyMs, let when = record.measuredAt {
            return Latency(name: name, latencyMs: cached, measuredAt: when.formatted(.iso8601), cached: true)
        }
        let pipeline = try await library.model(at: url).pipeline
        let milliseconds = try await NIOThreadPool.singleton.runIfActive { try Self.measure(pipeline) }
        let now = Date()
        try await store.saveModelRecord(ModelRecord(name: name, firstSeen: now, bytes: stamp.bytes, modified: stamp.modified,
                                                    latencyMs: milliseconds, measuredAt: now))
        return Latency(name: name, latencyMs: milliseconds, measuredAt: now.formatted(.iso8601), cached: false)
    }

    /// The median time of one single-image prediction, in milliseconds: what a drawing costs.
    static func measure(_ pipeline: Pipeline) throws -> Double {
        // A vertical stroke, as a drawn "1" looks after MNIST normalisation.
        let pixels = (0..<Dataset.featureCount).map { index in (index % 28 == 14 && (4..<24).contains(index / 28)) ? UInt8(255) : 0 }
        let image = try Dataset(pixels: pixels, labels: [1])
        for _ in 0..<warmUpRuns { _ = try pipeline.probabilities(image) }
        let times = try (0..<timedRuns).map { _ in
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try pipeline.probabilities(image)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        }
        return times.sorted()[times.count / 2]
    }
}
