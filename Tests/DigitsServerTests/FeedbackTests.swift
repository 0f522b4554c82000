import DigitsKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import DigitsServer

@Suite struct FeedbackAPITests {
    struct Sample: Decodable {
        var id: Int64
        var label: Int
        var predicted: Int?
        var model: String?
        var source: String
        var image: String
    }

    struct SampleList: Decodable {
        var total: Int
        var samples: [Sample]
        var next: Int64?
    }

    static let json: HTTPFields = [.contentType: "application/json"]

    /// A vertical bar whose brightness encodes `seed`, so samples can be told apart.
    static func body(label: Int, predicted: Int? = 1, seed: Int = 0, source: String = "draw") -> String {
        let pixels = (0..<784).map { $0 % 28 == 14 ? 100 + seed : 0 }
        let predictedText = predicted.map(String.init) ?? "null"
        return #"{"input28": \#(pixels), "label": \#(label), "predicted": \#(predictedText), "source": "\#(source)"}"#
    }

    static func post(_ client: some TestClientProtocol, _ body: String) async throws -> Sample {
        try await client.execute(uri: "/api/feedback", method: .post, headers: json, body: ByteBuffer(string: body)) { response in
            #expect(response.status == .created)
            return try response.decoded(Sample.self)
        }
    }

    @Test func aStoredSampleIsListedShownAsPNGAndDeleted() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            let stored = try await Self.post(client, Self.body(label: 7, predicted: 1))
            #expect(stored.label == 7 && stored.predicted == 1 && stored.source == "draw")
            #expect(stored.model == "blocks.safetensors" && stored.image == "/api/feedback/\(stored.id).png")

            try await client.execute(uri: "/api/feedback", method: .get) { response in
                let list = try response.decoded(SampleList.self)
                #expect(list.total == 1 && list.samples.map(\.id) == [stored.id] && list.next == nil)
            }
            try await client.execute(uri: stored.image, method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "image/png")
                let image = try ImageDecoder().decode([UInt8](response.body.readableBytesView))
                #expect(image.width == 112 && image.height == 112)
                // The bar at column 14 of 28 is lit, scaled ×4; the corner is black.
                #expect(image.pixels[56 * image.channels] == 100 && image.pixels[0] == 0)
            }
            try await client.execute(uri: "/api/feedback/\(stored.id)", method: .delete) { response in
                #expect(response.status == .noContent)
            }
            for (uri, method) in [("/api/feedback/\(stored.id)", HTTPRequest.Method.delete), (stored.image, .get)] {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .notFound)
                    let decoded = try response.decoded(ErrorBody.self)
                    #expect(decoded.error == "unknown sample")
                }
            }
        }
    }

    @Test func listsNewestFirstInPages() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var ids: [Int64] = []
            for label in [3, 4, 5] { ids.append(try await Self.post(client, Self.body(label: label, predicted: nil)).id) }
            let next = try await client.execute(uri: "/api/feedback?limit=2", method: .get) { response in
                let list = try response.decoded(SampleList.self)
                #expect(list.total == 3 && list.samples.map(\.label) == [5, 4] && list.samples[0].predicted == nil)
                return try #require(list.next)
            }
            try await client.execute(uri: "/api/feedback?limit=2&before=\(next)", method: .get) { response in
                let list = try response.decoded(SampleList.self)
                #expect(list.samples.map(\.id) == [ids[0]] && list.next == nil)
            }
            for query in ["limit=0", "limit=201", "limit=ten", "before=-3"] {
                try await client.execute(uri: "/api/feedback?\(query)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(query)")
                }
            }
        }
    }

    @Test(arguments: [
        ("", "empty body"),
        ("{\"input28\": [1, 2", "malformed JSON"),
        (#"{"input28": [1, 2, 3], "label": 3}"#, "invalid input28"),
        (FeedbackAPITests.body(label: 3).replacingOccurrences(of: "[0,", with: "[256,"), "invalid input28"),
        (FeedbackAPITests.body(label: 10), "invalid label"),
        (FeedbackAPITests.body(label: -1), "invalid label"),
        (FeedbackAPITests.body(label: 3, predicted: 12), "invalid predicted"),
        (FeedbackAPITests.body(label: 3, source: "fax"), "invalid source"),
        (FeedbackAPITests.body(label: 3).replacingOccurrences(of: "\"label\": 3", with: "\"label\": \"3\""), "unexpected JSON"),
        (FeedbackAPITests.body(label: 3).replacingOccurrences(of: "\"draw\"", with: "\"draw\", \"model\": \"../../etc/passwd\""), "invalid model name"),
    ])
    func badSamplesAreRefusedWithA400(body: String, error: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/api/feedback", method: .post, headers: Self.json, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .badRequest)
                let decoded = try response.decoded(ErrorBody.self)
                #expect(decoded.error == error)
            }
            try await client.execute(uri: "/api/feedback", method: .get) { response in
                let decoded = try response.decoded(SampleList.self)
                #expect(decoded.total == 0)
            }
        }
    }

    @Test func anOversizedOriginalIsA413() async throws {
        let fixture = try ServerFixture()
        let original = Data(repeating: 7, count: FeedbackSample.originalLimit + 1).base64EncodedString()
        let body = Self.body(label: 3).replacingOccurrences(of: "\"draw\"", with: "\"draw\", \"original\": \"\(original)\"")
        try await fixture.test { client in
            try await client.execute(uri: "/api/feedback", method: .post, headers: Self.json, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test(arguments: [
        ("/api/feedback/abc.png", HTTPResponse.Status.badRequest),
        ("/api/feedback/0.png", .badRequest),
        ("/api/feedback/99.png", .notFound),
        ("/api/feedback/99.jpg", .notFound),
        ("/api/feedback/..%2F..%2Fetc%2Fpasswd.png", .badRequest),
        // Hummingbird refuses the `..` before any route sees it.
        ("/api/feedback/export/..%2Fdigits.sqlite", .badRequest),
        ("/api/feedback/export/t10k-images-idx3-ubyte.gz", .notFound),
    ])
    func badImageAndExportNamesAreJSONErrors(uri: String, status: HTTPResponse.Status) async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == status)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
            try await client.execute(uri: "/api/feedback/abc", method: .delete) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func exportIsAnMNISTStyleGzipPair() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            for (seed, label) in [2, 9, 4].enumerated() { _ = try await Self.post(client, Self.body(label: label, seed: seed)) }
            let labels = try await client.execute(uri: "/api/feedback/export/train-labels-idx1-ubyte.gz", method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentDisposition]?.contains("train-labels-idx1-ubyte.gz") == true)
                return try IDX.labels(from: Gzip.decompress([UInt8](response.body.readableBytesView)), file: "labels")
            }
            #expect(labels == [2, 9, 4])
            let pixels = try await client.execute(uri: "/api/feedback/export/train-images-idx3-ubyte.gz", method: .get) { response in
                try IDX.images(from: Gzip.decompress([UInt8](response.body.readableBytesView)), file: "images")
            }
            #expect(pixels.count == 3 * 784 && pixels[784 + 14] == 101)
        }
    }
}
