import DigitsKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
@testable import DigitsServer

/// A models folder with a small logistic regression trained on striped digits, and the app
/// serving it.
struct ServerFixture: ServeArguments {
    let folder: URL
    var model: String? { folder.appendingPathComponent("blocks.safetensors").path }
    var modelsDir: String? { folder.path }
    let host = "127.0.0.1"
    let port = 0
    /// Quiet: failures show in the assertions, not in a log line per request.
    let logLevel = Logger.Level.warning
    /// Full MNIST where the test run has it (`DIGITS_DATA`), as `digits serve` would find it.
    var dataFolder: URL? = ProcessInfo.processInfo.environment["DIGITS_DATA"].map { URL(fileURLWithPath: $0) }
    /// A store of its own beside the models, never the user's.
    var storePath: String? { folder.appendingPathComponent("digits.sqlite").path }

    /// Digit d lights every pixel whose index is d modulo 10, at a brightness that varies by sample.
    static func stripedDigits(count: Int, offset: Int) throws -> Dataset {
        let labels = (0..<count).map { UInt8($0 % 10) }
        let pixels = labels.indices.flatMap { sample in
            let ink = UInt8(150 + (sample + offset) * 37 % 100)
            return (0..<784).map { $0 % 10 == Int(labels[sample]) ? ink : 0 }
        }
        return try Dataset(pixels: pixels, labels: labels)
    }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("digits-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let split = try DataSplit(train: Self.stripedDigits(count: 300, offset: 0), test: Self.stripedDigits(count: 100, offset: 1),
                                  spec: .standard, seed: 0)
        let run = try TrainingRun.run(kind: .logreg, pipeline: ModelKind.logreg.makePipeline(parameters: []),
                                      split: split, splitSpec: .standard, seed: 0)
        try ModelFile.save(run.model, to: folder.appendingPathComponent("blocks.safetensors"))
    }

    /// A small MNIST-shaped folder (300 training and 100 test striped digits) inside the
    /// fixture's folder, for the pages that read MNIST.
    func writeSmallMNIST() throws -> URL {
        let data = folder.appendingPathComponent("mnist")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Self.stripedDigits(count: 300, offset: 0).writeIDX(to: data, prefix: "train")
        try Self.stripedDigits(count: 100, offset: 1).writeIDX(to: data, prefix: "t10k")
        return data
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
