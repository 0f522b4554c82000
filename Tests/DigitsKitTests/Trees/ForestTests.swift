import Foundation
import Testing
@testable import DigitsKit

@Suite struct ForestTests {
    @Test func sameSeedSameForestWhateverTheThreadCount() throws {
        let data = try blockDigits(count: 300, seed: 1)
        let x = data.featureMatrix()
        func fit(_ assignments: [String], seed: UInt64) throws -> TreeEnsemble {
            var forest = RandomForest(parameters: try .parse(["nEstimators=8"] + assignments))
            _ = try forest.fit(x, labels: data.intLabels, options: FitOptions(seed: seed))
            return try #require(forest.trees)
        }
        let a = try fit([], seed: 4)
        #expect(a == (try fit(["nJobs=1"], seed: 4)))
        #expect(a != (try fit([], seed: 5)))
        #expect(a.treeCount == 8)
        a.checkInvariants()
    }

    @Test func forestsLearnAndImportancesSumToOne() throws {
        let train = try blockDigits(count: 400, seed: 2), test = try blockDigits(count: 200, seed: 3)
        for kind in [ModelKind.forest, .extratrees] {
            var pipeline = try kind.makePipeline(parameters: ["nEstimators=10", "minSamplesLeaf=2", "maxSamples=0.8"]
                .filter { kind == .forest || !$0.hasPrefix("maxSamples") })
            _ = try pipeline.fit(train, options: FitOptions(seed: 1))
            let report = ClassificationReport(truth: test.intLabels, predicted: try pipeline.predict(test))
            #expect(report.accuracy >= 0.97, "\(kind)")
            let classifier = try #require(pipeline.classifier as? any TreeClassifier)
            let importances = try classifier.featureImportances()
            #expect(importances.count == 784)
            #expect(abs(importances.reduce(0, +) - 1) < 1e-4)
            try #require(classifier.trees).checkInvariants(minSamplesLeaf: 2)
        }
    }

    @Test func defaultsFollowScikitLearn() throws {
        let forest = RandomForest.Parameters(), extra = ExtraTrees.Parameters(), tree = TreeParameters()
        #expect(forest.nEstimators == 100 && forest.bootstrap && forest.maxFeatures == .sqrt && forest.criterion == "gini")
        #expect(extra.nEstimators == 100 && !extra.bootstrap && extra.maxFeatures == .sqrt)
        #expect(tree.maxFeatures == .all && tree.maxDepth == nil && tree.minSamplesSplit == 2 && tree.minSamplesLeaf == 1)
        #expect(MaxFeatures.sqrt.count(featureCount: 784) == 28)
        #expect(MaxFeatures.log2.count(featureCount: 784) == 9)
        #expect(MaxFeatures.number(0.5).count(featureCount: 784) == 392)
        #expect(MaxFeatures.number(40).count(featureCount: 784) == 40)
        #expect(MaxFeatures.number(40.5).count(featureCount: 784) == nil)
    }

    @Test func maxSamplesNeedsBootstrapAndFitsTheData() throws {
        let data = try blockDigits(count: 50, seed: 1)
        var extra = ExtraTrees(parameters: try .parse(["maxSamples=0.5"]))
        #expect(throws: ParameterError.self) { try extra.fit(data.featureMatrix(), labels: data.intLabels, options: FitOptions()) }
        extra = ExtraTrees(parameters: try .parse(["maxSamples=10", "bootstrap=true", "nEstimators=2"]))
        _ = try extra.fit(data.featureMatrix(), labels: data.intLabels, options: FitOptions())
        var forest = RandomForest(parameters: try .parse(["maxSamples=51"]))
        #expect(throws: ParameterError.self) { try forest.fit(data.featureMatrix(), labels: data.intLabels, options: FitOptions()) }
    }
}
