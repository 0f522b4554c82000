import ArgumentParser
import DigitsKit
import Foundation
import Testing
@testable import DigitsCLI

/// `digits train` and `digits evaluate` end to end on a small MNIST-shaped folder.
@Suite struct TrainEvaluateTests {
    /// Digit d is a bright horizontal bar on row 3 + 2·d, with a little noise elsewhere.
    static func barDigits(count: Int, seed: UInt64) throws -> Dataset {
        var rng = SplitMix64(seed: seed)
        var pixels = [UInt8](repeating: 0, count: count * 784)
        let labels = (0..<count).map { UInt8($0 % 10) }
        for i in 0..<count {
            for p in 0..<784 where rng.next() % 10 == 0 { pixels[i * 784 + p] = UInt8(rng.next() % 60) }
            let row = 3 + 2 * Int(labels[i])
            for column in 4..<24 { pixels[i * 784 + row * 28 + column] = 255 }
        }
        return try Dataset(pixels: pixels, labels: labels)
    }

    static func dataFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("digits-cli-train-\(UUID().uuidString)")
        try barDigits(count: 300, seed: 1).writeIDX(to: folder, prefix: "train")
        try barDigits(count: 100, seed: 2).writeIDX(to: folder, prefix: "t10k")
        return folder
    }

    /// A logistic regression trained on `dataFolder()`'s bars, saved as `m.safetensors` there.
    static func trainedModel(in folder: URL) async throws -> URL {
        let model = folder.appendingPathComponent("m.safetensors")
        let train = try #require(try Digits.parseAsRoot(["train", "logreg", "--data", folder.path, "--out", model.path, "--json"]) as? Train)
        try await train.run()
        return model
    }

    @Test func trainSavesAModelThatEvaluateReloads() async throws {
        let folder = try Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("out/logreg.safetensors")
        var train = try #require(try Digits.parseAsRoot(
            ["train", "logreg", "--data", folder.path, "--param", "C=1", "--out", model.path, "--json"]) as? Train)
        try await train.run()
        let saved = try ModelFile.load(from: model)
        #expect(saved.card.kind == "logreg")
        #expect(saved.card.parameters["C"] == .number(1))
        #expect(saved.card.metrics["test_accuracy"] == 1)

        var evaluate = try #require(try Digits.parseAsRoot(["evaluate", model.path, "--data", folder.path]) as? Evaluate)
        try await evaluate.run()
    }

    @Test func evaluateRefusesAValidationSetTheSplitDoesNotHave() async throws {
        let folder = try Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try await Self.trainedModel(in: folder)
        var evaluate = try #require(try Digits.parseAsRoot(["evaluate", model.path, "--data", folder.path, "--on", "validation"]) as? Evaluate)
        await #expect(throws: ValidationError.self) { try await evaluate.run() }
    }

    @Test func badParametersAndSplitsFailBeforeAnyDataIsRead() async throws {
        // The data folder does not exist: only the up-front checks can produce these errors.
        let missing = "/nonexistent/digits-data"
        var badParameter = try #require(try Digits.parseAsRoot(["train", "logreg", "--data", missing, "--param", "C=-1", "--out", "/tmp/x"]) as? Train)
        await #expect(throws: ParameterError.self) { try await badParameter.run() }
        var badSplit = try #require(try Digits.parseAsRoot(["train", "logreg", "--data", missing, "--split", "70/70", "--out", "/tmp/x"]) as? Train)
        await #expect(throws: SplitError.self) { try await badSplit.run() }
    }

    @Test func positiveTrainsAOneDigitDetector() async throws {
        let folder = try Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("seven.safetensors")
        var train = try #require(try Digits.parseAsRoot(
            ["train", "logreg", "--positive", "7", "--data", folder.path, "--out", model.path, "--json"]) as? Train)
        try await train.run()
        let saved = try ModelFile.load(from: model)
        #expect(saved.card.positive == 7)
        let test = try Self.barDigits(count: 100, seed: 2)
        let result = try EvaluationResult(pipeline: saved.pipeline, data: test, task: BinaryTask(positive: 7))
        #expect(result.report.classes.count == 2)
        #expect(result.report.classes[1].support == 10)
        #expect(result.binary?.recall == 1 && result.binary?.precision == 1)
        var bad = try #require(try Digits.parseAsRoot(["train", "logreg", "--positive", "12", "--data", folder.path, "--out", model.path]) as? Train)
        await #expect(throws: DatasetError.self) { try await bad.run() }
    }

    @Test func unknownModelIsAParseError() {
        #expect(throws: (any Error).self) { try Digits.parseAsRoot(["train", "resnet", "--out", "x"]) }
        #expect(throws: (any Error).self) { try Digits.parseAsRoot(["train", "logreg"]) }
    }

    @Test func evaluateRejectsAFileThatIsNotAModel() async throws {
        let folder = try Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let junk = folder.appendingPathComponent("junk.safetensors")
        try Data("not a model".utf8).write(to: junk)
        var evaluate = try #require(try Digits.parseAsRoot(["evaluate", junk.path, "--data", folder.path]) as? Evaluate)
        await #expect(throws: SafeTensorsError.self) { try await evaluate.run() }
    }

    @Test func evaluateWithoutAFileUsesTheDefaultModel() throws {
        let evaluate = try #require(try Digits.parseAsRoot(["evaluate", "--on", "test"]) as? Evaluate)
        #expect(evaluate.file == nil)
    }
}
