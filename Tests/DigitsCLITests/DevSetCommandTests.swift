import ArgumentParser
import DigitsKit
import Foundation
import Testing
@testable import DigitsCLI

@Suite struct DevSetCommandTests {
    /// `devset generate` writes a folder that `bench vision` scores, and bad options fail early.
    @Test func generateThenBenchVision() async throws {
        let folder = try TrainEvaluateTests.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try await TrainEvaluateTests.trainedModel(in: folder)

        let devset = folder.appendingPathComponent("devset")
        let generate = try #require(try Digits.parseAsRoot(
            ["devset", "generate", "--data", folder.path, "--out", devset.path, "--count", "2",
             "--kinds", "clean-canvas,multi", "--photo-scale", "0.3"]) as? DevSetGenerate)
        try await generate.run()
        let reading = try DevSetReading(folder: devset)
        #expect(reading.entries.map(\.kind) == ["clean-canvas", "clean-canvas", "multi", "multi"])

        let bench = try #require(try Digits.parseAsRoot(
            ["bench", "vision", "--model", model.path, "--devset", devset.path, "--photo-runs", "1", "--canvas-runs", "2", "--json"]) as? BenchVision)
        try await bench.run()
        // A photo of one's own, in a phone's format; one that is no image fails.
        let images = SelectionCommandTests.devSetFixtures.deletingLastPathComponent().appendingPathComponent("images")
        let phone = images.appendingPathComponent("phone-photo-two.heic")
        let ownPhoto = try #require(try Digits.parseAsRoot(
            ["bench", "vision", "--model", model.path, "--photo", phone.path, "--photo-runs", "1", "--canvas-runs", "1", "--json"]) as? BenchVision)
        try await ownPhoto.run()
        let text = images.appendingPathComponent("not-an-image.png")
        let notPhoto = try #require(try Digits.parseAsRoot(
            ["bench", "vision", "--model", model.path, "--photo", text.path, "--photo-runs", "1", "--canvas-runs", "1"]) as? BenchVision)
        await #expect(throws: ImageDecodingError.self) { try await notPhoto.run() }

        #expect(throws: (any Error).self) { try Digits.parseAsRoot(["devset", "generate", "--out", "x", "--kinds", "pencil,crayon"]) }
        #expect(throws: (any Error).self) { try Digits.parseAsRoot(["devset", "generate", "--out", "x", "--count", "0"]) }
    }
}
