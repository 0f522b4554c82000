import Foundation
import Testing
@testable import DigitsKit

/// A tiny learnable set: digit d is a bright 4×4 block at a position that depends on d, on
/// a noisy background.
func blockDigits(count: Int, seed: UInt64) throws -> Dataset {
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

@Suite struct ModelFileTests {
    static func trainedModel() throws -> (SavedModel, Dataset) {
        let train = try blockDigits(count: 300, seed: 1)
        let test = try blockDigits(count: 100, seed: 2)
        let split = try DataSplit(train: train, test: test, spec: .standard, seed: 0)
        let run = try TrainingRun.run(kind: .logreg, pipeline: ModelKind.logreg.makePipeline(parameters: []),
                                      split: split, splitSpec: .standard, seed: 0)
        #expect(run.test.report.accuracy == 1)
        return (run.model, test)
    }

    @Test func saveLoadPredictGivesBitIdenticalProbabilities() throws {
        let (model, test) = try Self.trainedModel()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("logreg.safetensors")
        try ModelFile.save(model, to: url)
        let loaded = try ModelFile.load(from: url)
        #expect(loaded.card == model.card)
        let before = try model.pipeline.probabilities(test)
        let after = try loaded.pipeline.probabilities(test)
        #expect(before.storage.map(\.bitPattern) == after.storage.map(\.bitPattern))
        #expect(try folder.contents() == ["logreg.safetensors"], "no temporary file is left behind")
    }

    @Test func cardRecordsHowTheModelWasMade() throws {
        let (model, _) = try Self.trainedModel()
        #expect(model.card.kind == "logreg")
        #expect(model.card.transforms.map(\.kind) == ["standard"])
        #expect(model.card.training?.trainingSamples == 300)
        #expect(model.card.training?.split == "standard")
        #expect(model.card.metrics["test_accuracy"] == 1)
        #expect(model.card.parameters["C"] == .number(0.1))
    }

    @Test func damagedModelFilesAreClearErrors() throws {
        let (model, _) = try Self.trainedModel()
        let good = try ModelFile.encode(model)

        var noCard = good
        noCard.metadata["digits.card"] = nil
        #expect(throws: ModelFileError.notADigitsModel(file: "m")) { try ModelFile.decode(noCard, file: "m") }

        var garbledCard = good
        garbledCard.metadata["digits.card"] = "{\"kind\": 3"
        #expect(throws: ModelFileError.self) { try ModelFile.decode(garbledCard, file: "m") }

        var unknownKind = good
        unknownKind.metadata["digits.card"] = good.metadata["digits.card"]!.replacingOccurrences(of: "\"classifier\":\"logreg\"", with: "\"classifier\":\"quantum\"")
        #expect(throws: ModelFileError.unknownKind(file: "m", kind: "quantum")) { try ModelFile.decode(unknownKind, file: "m") }

        var tensors = good.tensors
        tensors["classifier.intercepts"] = try Tensor([Float](repeating: 0, count: 9), shape: [9])
        let wrongShape = try SafeTensorsFile(tensors: tensors, metadata: good.metadata)
        #expect(throws: ModelFileError.self) { try ModelFile.decode(wrongShape, file: "m") }

        tensors["classifier.intercepts"] = nil
        let missing = try SafeTensorsFile(tensors: tensors, metadata: good.metadata)
        #expect(throws: ModelFileError.missingTensor(file: "m", name: "classifier.intercepts")) {
            try ModelFile.decode(missing, file: "m")
        }

        var future = good
        future.metadata["digits.card"] = good.metadata["digits.card"]!.replacingOccurrences(of: "\"formatVersion\":1", with: "\"formatVersion\":99")
        #expect(throws: ModelFileError.unsupportedVersion(file: "m", version: 99)) { try ModelFile.decode(future, file: "m") }
    }

    @Test func truncatedModelFileIsAClearError() throws {
        let (model, _) = try Self.trainedModel()
        let bytes = try ModelFile.encode(model).serialized()
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            #expect(throws: (any Error).self) {
                try ModelFile.decode(SafeTensorsFile(bytes: Array(bytes[..<cut])), file: "m")
            }
        }
    }

    @Test(.enabled(if: pythonEnabled)) func modelFileOpensInPythonSafetensors() throws {
        let (model, _) = try Self.trainedModel()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("logreg.safetensors")
        try ModelFile.save(model, to: url)
        let script = """
        import json, sys
        from safetensors import safe_open
        with safe_open(sys.argv[1], framework="numpy") as f:
            card = json.loads(f.metadata()["digits.card"])
            shapes = {k: list(f.get_tensor(k).shape) for k in f.keys()}
        print(json.dumps({"kind": card["kind"], "shapes": shapes}))
        """
        guard let output = try runPython(script, [url.path]) else { return }
        struct View: Decodable { let kind: String; let shapes: [String: [Int]] }
        let view = try JSONDecoder().decode(View.self, from: output)
        #expect(view.kind == "logreg")
        #expect(view.shapes["classifier.weights"] == [784, 10])
        #expect(view.shapes["classifier.intercepts"] == [10])
        #expect(view.shapes["transform.0.mean"] == [784])
    }
}
