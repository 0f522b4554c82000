import ArgumentParser
import DigitsKit
import Foundation
import Testing
@testable import DigitsCLI

/// `digits ensemble` end to end: members trained on the bar digits, averaged into one file
/// that loads, evaluates and predicts like any model, and bad member lists refused.
@Suite struct EnsembleCommandTests {
    static func train(_ arguments: [String], in folder: URL, name: String) async throws -> URL {
        let model = folder.appendingPathComponent(name)
        var train = try #require(try Digits.parseAsRoot(["train"] + arguments + ["--data", folder.path, "--out", model.path, "--json"]) as? Train)
        try await train.run()
        return model
    }

    static func ensemble(_ arguments: [String]) throws -> EnsembleCommand {
        try #require(try Digits.parseAsRoot(["ensemble"] + arguments) as? EnsembleCommand)
    }

    @Test func theEnsembleAveragesItsMembersAndLoadsLikeAnyModel() async throws {
        let folder = try TrainEvaluateTests.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let logreg = try await Self.train(["logreg"], in: folder, name: "a.safetensors")
        let knn = try await Self.train(["knn", "--param", "nNeighbors=3"], in: folder, name: "b.safetensors")
        let out = folder.appendingPathComponent("ab.safetensors")
        var command = try Self.ensemble([logreg.path, knn.path, "--out", out.path, "--data", folder.path])
        try await command.run()

        let saved = try ModelFile.load(from: out)
        #expect(saved.card.kind == "ensemble")
        #expect(saved.card.metrics["test_accuracy"] == 1)
        let test = try TrainEvaluateTests.barDigits(count: 40, seed: 3)
        let members = try [logreg, knn].map { try ModelFile.load(from: $0).pipeline.probabilities(test) }
        let mean = try saved.pipeline.probabilities(test)
        for (index, value) in mean.storage.enumerated() {
            #expect(abs(value - (members[0].storage[index] + members[1].storage[index]) / 2) < 1e-5)
        }
        var evaluate = try #require(try Digits.parseAsRoot(["evaluate", out.path, "--data", folder.path]) as? Evaluate)
        try await evaluate.run()
    }

    @Test func tooFewMembersAreRefusedBeforeAnythingIsRead() throws {
        #expect(throws: (any Error).self) { try Self.ensemble(["--out", "/tmp/none.safetensors"]) }
        #expect(throws: (any Error).self) { try Self.ensemble(["/nonexistent/a.safetensors", "--out", "/tmp/none.safetensors"]) }
        #expect(throws: EnsembleError.tooFewMembers(0)) { try Ensemble.assemble([], files: []).card }
    }

    @Test func anUnreadableOrMismatchedMemberIsNamed() async throws {
        let folder = try TrainEvaluateTests.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let digits = try await Self.train(["logreg"], in: folder, name: "digits.safetensors")
        let seven = try await Self.train(["logreg", "--positive", "7"], in: folder, name: "seven.safetensors")
        let out = folder.appendingPathComponent("bad.safetensors")
        let garbage = folder.appendingPathComponent("garbage.safetensors")
        try Data("not a model".utf8).write(to: garbage)
        for members in [[digits.path, garbage.path], [digits.path, folder.appendingPathComponent("missing.safetensors").path]] {
            var command = try Self.ensemble(members + ["--out", out.path, "--data", folder.path])
            await #expect(throws: (any Error).self) { try await command.run() }
        }
        var mixed = try Self.ensemble([digits.path, seven.path, "--out", out.path, "--data", folder.path])
        do {
            try await mixed.run()
            Issue.record("a digit classifier and a detector were averaged")
        } catch let error as EnsembleError {
            #expect(error.description.contains("seven.safetensors"))
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
