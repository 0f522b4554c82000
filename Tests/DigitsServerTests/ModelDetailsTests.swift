import DigitsKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import DigitsServer

@Suite struct ModelDetailsAPITests {
    struct Details: Decodable {
        var name: String
        var bytes: Int
        var latency_ms: Double?
        var card: ModelCard
    }

    struct Latency: Decodable {
        var latency_ms: Double
        var cached: Bool
    }

    @Test func theCardAndAMeasuredLatencyThatIsRemembered() async throws {
        let fixture = try ModelsAPITests.folderWithThreeFiles()
        try await fixture.test { client in
            try await client.execute(uri: "/api/models/blocks.safetensors", method: .get) { response in
                #expect(response.status == .ok)
                let details = try response.decoded(Details.self)
                #expect(details.card.kind == "logreg" && details.card.metrics["test_accuracy"] == 1 && details.latency_ms == nil)
                #expect(details.card.training?.trainingSamples == 300)
            }
            let first = try await client.execute(uri: "/api/models/blocks.safetensors/latency", method: .get) { response in
                try response.decoded(Latency.self)
            }
            #expect(!first.cached && first.latency_ms > 0 && first.latency_ms < 1000)
            try await client.execute(uri: "/api/models/blocks.safetensors/latency", method: .get) { response in
                let again = try response.decoded(Latency.self)
                #expect(again.cached && again.latency_ms == first.latency_ms)
            }
            try await client.execute(uri: "/api/models/blocks.safetensors", method: .get) { response in
                let decoded = try response.decoded(Details.self)
                #expect(decoded.latency_ms == first.latency_ms)
            }
        }
    }

    @Test(arguments: [
        ("/api/models/..%2F..%2Fetc%2Fpasswd", HTTPResponse.Status.badRequest, "invalid model name"),
        ("/api/models/..%2Fblocks.safetensors/latency", .badRequest, "invalid model name"),
        ("/api/models/missing.safetensors", .notFound, "unknown model"),
        ("/api/models/missing.safetensors/latency", .notFound, "unknown model"),
        ("/api/models/broken.safetensors", .internalServerError, "model unavailable"),
        ("/api/models/broken.safetensors/latency", .internalServerError, "model unavailable"),
        ("/api/explore/models/..%2Fx.safetensors", .badRequest, "invalid model name"),
        ("/api/explore/models/missing.safetensors", .notFound, "unknown model"),
    ])
    func badNamesAreJSONErrors(uri: String, status: HTTPResponse.Status, error: String) async throws {
        var fixture = try ModelsAPITests.folderWithThreeFiles()
        fixture.dataFolder = try fixture.writeSmallMNIST()
        try await fixture.test { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == status)
                let decoded = try response.decoded(ErrorBody.self)
                #expect(decoded.error == error)
            }
        }
    }
}

@Suite struct ExploreAPITests {
    struct Charts: Decodable {
        struct Chart: Decodable {
            var name: String
            var svg: String
        }

        var charts: [Chart]
        var accuracy: Double?
        var f1: [Double]?
        var samples: Int?
        var class_counts: [Int]?
    }

    /// Asks until the background computation is done (202 meanwhile).
    static func ready(_ client: some TestClientProtocol, _ uri: String) async throws -> Charts {
        for _ in 0..<1200 {
            let (status, body) = try await client.execute(uri: uri, method: .get) { response in
                (response.status, Data(response.body.readableBytesView))
            }
            if status == .ok { return try JSONDecoder().decode(Charts.self, from: body) }
            #expect(status == .accepted, "\(String(decoding: body, as: UTF8.self))")
            if status != .accepted { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw APIError(.internalServerError, "not ready", detail: uri)
    }

    @Test func withoutMNISTTheChartsAreA503() async throws {
        var fixture = try ServerFixture()
        fixture.dataFolder = nil
        try await fixture.test { client in
            for uri in ["/api/explore/overview", "/api/explore/tsne", "/api/explore/models/blocks.safetensors"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    let decoded = try response.decoded(ErrorBody.self)
                    #expect(decoded.detail.contains("digits data download"))
                }
            }
        }
    }

    @Test func chartsAreComputedOnceAndServedAsSVG() async throws {
        var fixture = try ServerFixture()
        fixture.dataFolder = try fixture.writeSmallMNIST()
        try await fixture.test { client in
            let overview = try await Self.ready(client, "/api/explore/overview")
            #expect(overview.charts.map(\.name) == ["class-distribution", "mean-images", "samples", "pixel-variance", "pca"])
            #expect(overview.class_counts == Array(repeating: 30, count: 10) && overview.samples == 300)
            #expect(overview.charts.allSatisfy { $0.svg.hasPrefix("<svg") })

            let evaluation = try await Self.ready(client, "/api/explore/models/blocks.safetensors")
            #expect(evaluation.accuracy == 1 && evaluation.f1 == Array(repeating: 1, count: 10) && evaluation.samples == 100)
            #expect(evaluation.charts.map(\.name).starts(with: ["confusion", "confusion-normalised"]))
            // Cached: the second answer is immediate and the same.
            try await client.execute(uri: "/api/explore/models/blocks.safetensors", method: .get) { response in
                #expect(response.status == .ok)
                let decoded = try response.decoded(Charts.self)
                #expect(decoded.charts.count == evaluation.charts.count)
            }
        }
    }
}
