import DigitsKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import DigitsServer

/// A models folder with a small logistic regression trained on block digits (digit d is a
/// bright 4×4 block at a place of its own), and the app serving it.
struct ServerFixture: ServeArguments {
    let folder: URL
    var model: String? { folder.appendingPathComponent("blocks.safetensors").path }
    var modelsDir: String? { folder.path }
    let host = "127.0.0.1"
    let port = 0

    static func blockDigits(count: Int, seed: UInt64) throws -> Dataset {
        var rng = SplitMix64(seed: seed)
        var pixels = [UInt8](repeating: 0, count: count * 784)
        var labels = [UInt8](repeating: 0, count: count)
        for i in 0..<count {
            let digit = i % 10
            labels[i] = UInt8(digit)
            for p in 0..<784 { pixels[i * 784 + p] = UInt8(rng.next() % 40) }
            let top = 2 + (digit / 5) * 12, left = 2 + (digit % 5) * 5
            for y in top..<(top + 4) {
                for x in left..<(left + 4) { pixels[i * 784 + y * 28 + x] = 200 + UInt8(rng.next() % 56) }
            }
        }
        return try Dataset(pixels: pixels, labels: labels)
    }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("digits-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let split = try DataSplit(train: Self.blockDigits(count: 300, seed: 1), test: Self.blockDigits(count: 100, seed: 2),
                                  spec: .standard, seed: 0)
        let run = try TrainingRun.run(kind: .logreg, pipeline: ModelKind.logreg.makePipeline(parameters: []),
                                      split: split, splitSpec: .standard, seed: 0)
        try ModelFile.save(run.model, to: folder.appendingPathComponent("blocks.safetensors"))
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `body` against the app in-process, then deletes the folder.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        defer { remove() }
        try await buildApplication(self).test(.router, body)
    }

    static func fixture(_ name: String) throws -> ByteBuffer {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return ByteBuffer(bytes: try Data(contentsOf: url))
    }

    /// A dark bar on light paper, as PNG: something the extractor finds one digit in.
    static func barPNG() throws -> ByteBuffer {
        var pixels = [UInt8](repeating: 235, count: 120 * 120)
        for y in 30..<90 { for x in 56..<64 { pixels[y * 120 + x] = 20 } }
        return ByteBuffer(bytes: try #require(RasterImage(width: 120, height: 120, channels: 1, pixels: pixels)).pngData())
    }
}

struct PredictionBody: Decodable {
    struct Digit: Decodable {
        var digit: Int
        var confidence: Float
        var probabilities: [Float]
        var box: [Int]
        var input28: [Int]?
    }

    var file: String?
    var text: String?
    var digits: [Digit]
    var warnings: [String]
}

struct ErrorBody: Decodable {
    var error: String
    var detail: String
}

extension TestResponse {
    func decoded<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(body.readableBytesView))
    }
}
