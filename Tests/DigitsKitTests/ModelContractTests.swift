import Foundation
import Testing
@testable import DigitsKit

/// The contract every model of `digits train` keeps (scikit-learn's `estimator_checks` in
/// spirit): checked parameters, no predictions before fit, determinism for a seed, identical
/// answers after save and load, and a small problem actually solved.
@Suite struct ModelContractTests {
    /// Parameters that keep each model quick on the small contract data.
    static let quickParameters: [ModelKind: [String]] = [
        .mlp: ["hiddenLayerSizes=32", "maxIter=15"],
        .mlp512: ["hiddenLayerSizes=32", "maxIter=15"],
        .mlp6416: ["epochs=10", "learningRate=0.1"],
        .mlp6432: ["epochs=10", "learningRate=0.1"],
        .cnn: ["arch=conv4k3s2,pool2,dense10", "epochs=8", "learningRate=0.05"],
        .cnn32f: ["epochs=3"],
        .cnn3216f: ["epochs=3"],
        .cnn3216x3f: ["epochs=3"],
        .cnnA: ["epochs=3"],
        .cnnB: ["epochs=3"],
        .cnnFlagship: ["epochs=5", "batchSize=32"],
        .cnnQuick: ["batchSize=32"],
        .cnnWide: ["epochs=5", "batchSize=32"],
        .forest: ["nEstimators=10"],
        .extratrees: ["nEstimators=10"],
        .knn: ["nNeighbors=3"],
    ]

    static func pipeline(_ kind: ModelKind) throws -> Pipeline {
        try kind.makePipeline(parameters: quickParameters[kind] ?? [])
    }

    @Test(arguments: ModelKind.allCases)
    func solvesASmallProblem(kind: ModelKind) throws {
        var pipeline = try Self.pipeline(kind)
        _ = try pipeline.fit(try blockDigits(count: 400, seed: 1), options: FitOptions(seed: 3))
        let test = try blockDigits(count: 200, seed: 2)
        let report = ClassificationReport(truth: test.intLabels, predicted: try pipeline.predict(test))
        #expect(report.accuracy >= 0.95, "\(kind) reached only \(report.accuracy)")
    }

    @Test(arguments: ModelKind.allCases)
    func probabilitiesAreDistributions(kind: ModelKind) throws {
        var pipeline = try Self.pipeline(kind)
        _ = try pipeline.fit(try blockDigits(count: 200, seed: 1), options: FitOptions(seed: 3))
        let p = try pipeline.probabilities(try blockDigits(count: 50, seed: 2))
        #expect(p.columns == 10)
        for r in 0..<p.rows {
            let row = p.row(r)
            #expect(row.allSatisfy { $0 >= 0 && $0 <= 1 })
            #expect(abs(row.reduce(0, +) - 1) < 1e-4)
        }
    }

    @Test(arguments: ModelKind.allCases)
    func sameSeedGivesTheSameModel(kind: ModelKind) throws {
        let train = try blockDigits(count: 200, seed: 1)
        let test = try blockDigits(count: 50, seed: 2)
        var a = try Self.pipeline(kind), b = try Self.pipeline(kind)
        _ = try a.fit(train, options: FitOptions(seed: 9))
        _ = try b.fit(train, options: FitOptions(seed: 9))
        #expect(try a.probabilities(test) == b.probabilities(test))
        // Fitting again replaces the model rather than continuing from it.
        _ = try a.fit(train, options: FitOptions(seed: 9))
        #expect(try a.probabilities(test) == b.probabilities(test))
    }

    @Test(arguments: ModelKind.allCases)
    func refusesToPredictBeforeFit(kind: ModelKind) throws {
        let pipeline = try Self.pipeline(kind)
        #expect(throws: (any Error).self) { try pipeline.probabilities(try blockDigits(count: 10, seed: 2)) }
    }

    @Test(arguments: ModelKind.allCases)
    func saveAndLoadGiveIdenticalProbabilities(kind: ModelKind) throws {
        let train = try blockDigits(count: 200, seed: 1)
        let test = try blockDigits(count: 50, seed: 2)
        let split = try DataSplit(train: train, test: test, spec: .standard, seed: 0)
        let run = try TrainingRun.run(kind: kind, pipeline: Self.pipeline(kind), split: split, splitSpec: .standard, seed: 5)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("\(kind).safetensors")
        try ModelFile.save(run.model, to: url)
        let loaded = try ModelFile.load(from: url)
        let before = try run.model.pipeline.probabilities(test)
        let after = try loaded.pipeline.probabilities(test)
        #expect(before.storage.map(\.bitPattern) == after.storage.map(\.bitPattern))
    }

    /// Images as bytes (a data set) and as float rows (an extraction) get the same answer, bit
    /// for bit, and models that read raw rows themselves (trees, linear models with their scaler
    /// folded in) agree with running the pipeline's transforms and then the classifier.
    @Test(arguments: ModelKind.allCases)
    func rawPixelsAndTransformedRowsAgree(kind: ModelKind) throws {
        var pipeline = try Self.pipeline(kind)
        _ = try pipeline.fit(try blockDigits(count: 200, seed: 1), options: FitOptions(seed: 3))
        let test = try blockDigits(count: 37, seed: 2)
        let fromBytes = try pipeline.probabilities(test)
        let fromFloats = try pipeline.probabilities(features: test.featureMatrix())
        #expect(fromBytes.storage.map(\.bitPattern) == fromFloats.storage.map(\.bitPattern))
        var x = test.featureMatrix()
        for transform in pipeline.transforms { x = try transform.transform(x) }
        let stepByStep = try pipeline.classifier.probabilities(x)
        let largestGap = zip(fromBytes.storage, stepByStep.storage).map { abs($0 - $1) }.max() ?? 0
        #expect(largestGap < 1e-4, "\(kind): raw rows and transformed rows differ by \(largestGap)")
    }

    @Test(arguments: ModelKind.allCases)
    func rejectsUnknownParametersBeforeTraining(kind: ModelKind) {
        #expect(throws: ParameterError.self) { try kind.makePipeline(parameters: ["noSuchKnob=1"]) }
    }
}
