import Foundation
import Testing
@testable import DigitsKit

@Suite struct TreeModelFileTests {
    static func savedForest() throws -> SafeTensorsFile {
        let train = try blockDigits(count: 200, seed: 1), test = try blockDigits(count: 50, seed: 2)
        let split = try DataSplit(train: train, test: test, spec: .standard, seed: 0)
        let run = try TrainingRun.run(kind: .forest, pipeline: ModelKind.forest.makePipeline(parameters: ["nEstimators=3"]),
                                      split: split, splitSpec: .standard, seed: 0)
        return try ModelFile.encode(run.model)
    }

    static func replacing(_ file: SafeTensorsFile, _ name: String, _ edit: (inout [Int32]) -> Void) throws -> SafeTensorsFile {
        var tensors = file.tensors
        let original = try #require(tensors["classifier.\(name)"])
        var values = try original.int32s()
        edit(&values)
        tensors["classifier.\(name)"] = try Tensor(values, shape: original.shape)
        return try SafeTensorsFile(tensors: tensors, metadata: file.metadata)
    }

    static func expectBadTree(_ file: SafeTensorsFile, mentioning words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try ModelFile.decode(file, file: "m")
            Issue.record("a damaged tree must not load", sourceLocation: sourceLocation)
        } catch let error as TreeError {
            #expect(error.description.contains(words), "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected a TreeError, got \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func storesTreesAsNamedTensors() throws {
        let file = try Self.savedForest()
        let decoded = try ModelFile.decode(file, file: "m")
        let forest = try #require(decoded.pipeline.classifier as? RandomForest)
        #expect(forest.trees?.treeCount == 3)
        #expect(file.tensors["classifier.feature_importances"]?.shape == [784])
        #expect(file.tensors["classifier.tree_starts"]?.shape == [4])
    }

    @Test func hostileTreesAreClearErrors() throws {
        let good = try Self.savedForest()
        let root = 0
        Self.expectBadTree(try Self.replacing(good, "children_left") { $0[root] = 1_000_000 }, mentioning: "children")
        Self.expectBadTree(try Self.replacing(good, "children_left") { $0[root] = 0 }, mentioning: "children")
        Self.expectBadTree(try Self.replacing(good, "children_right") { $0[root] = -5 }, mentioning: "children")
        Self.expectBadTree(try Self.replacing(good, "feature") { $0[root] = 784 }, mentioning: "feature 784")
        Self.expectBadTree(try Self.replacing(good, "feature") { $0[root] = -3 }, mentioning: "feature -3")
        Self.expectBadTree(try Self.replacing(good, "tree_starts") { $0[1] = $0[3] + 1 }, mentioning: "tree")
        Self.expectBadTree(try Self.replacing(good, "tree_starts") { $0[3] += 1 }, mentioning: "tree_starts")
        let features = try #require(good.tensors["classifier.feature"]).int32s()
        let leaf = try #require(features.firstIndex(of: -1))
        Self.expectBadTree(try Self.replacing(good, "feature") { $0[leaf] = 5 }, mentioning: "leaves have feature -1")
        // A cycle: a node sending samples back to an earlier node.
        let lefts = try #require(good.tensors["classifier.children_left"]).int32s()
        let deeper = try #require(lefts.indices.first { $0 > 0 && lefts[$0] > 0 })
        Self.expectBadTree(try Self.replacing(good, "children_left") { $0[deeper] = 0 }, mentioning: "children")
    }
}
