import Foundation
import Testing
@testable import DigitsKit

@Suite struct DecisionTreeTests {
    /// Four digits in the four quadrants of a 2-D square: no single threshold separates them,
    /// two levels do.
    static func quadrants(count: Int, seed: UInt64) -> (Matrix, [Int]) {
        var rng = SplitMix64(seed: seed)
        var x = Matrix(rows: count, columns: 2)
        var labels: [Int] = []
        for i in 0..<count {
            let label = i % 4
            x[i, 0] = Float(label % 2 == 0 ? rng.next() % 100 : 120 + rng.next() % 100)
            x[i, 1] = Float(label / 2 == 0 ? rng.next() % 100 : 120 + rng.next() % 100)
            labels.append(label)
        }
        return (x, labels)
    }

    @Test func separatesAHandMadeSetPerfectly() throws {
        let (x, labels) = Self.quadrants(count: 200, seed: 1)
        var tree = DecisionTree()
        _ = try tree.fit(x, labels: labels, options: FitOptions(seed: 1))
        #expect(try tree.predict(x) == labels)
        let trees = try #require(tree.trees)
        trees.checkInvariants()
        #expect(trees.maxDepth == 2)
        #expect(trees.nodeCount == 7)
        // Thresholds sit halfway between the groups' values, as scikit-learn places them.
        let (test, testLabels) = Self.quadrants(count: 80, seed: 2)
        #expect(try tree.predict(test) == testLabels)
    }

    @Test func separatesNonIntegerFeaturesThroughQuantileBins() throws {
        // More than 256 distinct values per feature: binned by quantiles, thresholds still raw.
        let (raw, labels) = Self.quadrants(count: 1200, seed: 3)
        var x = raw
        var rng = SplitMix64(seed: 4)
        for i in x.storage.indices { x.storage[i] = x.storage[i] / 7 + 0.01 * rng.nextUnitFloat() }
        var tree = DecisionTree()
        _ = try tree.fit(x, labels: labels, options: FitOptions(seed: 1))
        // A quantile bin may straddle the gap between two groups, so a few points can stay mixed.
        let correct = zip(try tree.predict(x), labels).filter { $0 == $1 }.count
        #expect(correct >= 1190)
        try #require(tree.trees).checkInvariants()
    }

    @Test func respectsDepthAndLeafLimits() throws {
        let data = try blockDigits(count: 300, seed: 5)
        let x = data.featureMatrix()
        for (depth, leaf) in [(1, 1), (3, 1), (4, 7), (30, 20)] {
            var tree = DecisionTree(parameters: TreeParameters(criterion: "entropy", maxDepth: depth, minSamplesSplit: 2,
                                                               minSamplesLeaf: leaf, maxFeatures: .sqrt))
            _ = try tree.fit(x, labels: data.intLabels, options: FitOptions(seed: 2))
            let trees = try #require(tree.trees)
            trees.checkInvariants(maxDepth: depth, minSamplesLeaf: leaf)
            #expect(trees.maxDepth <= depth)
        }
    }

    @Test func histogramSortSubtractionAndLocalPathsGrowTheSameTree() throws {
        // Labels from two features plus noise: the tree must grow deep to reach pure leaves.
        var rng = SplitMix64(seed: 7)
        var x = Matrix(rows: 3000, columns: 40)
        for i in x.storage.indices { x.storage[i] = Float(rng.next() % 256) }
        let labels = (0..<x.rows).map { r in
            rng.next() % 4 == 0 ? Int(rng.next() % 10) : Int(x[r, 3] + x[r, 17]) / 52 % 10
        }
        let (binned, binnedLabels) = try binTrainingData(x, labels: labels)
        for criterion in ["gini", "entropy"] {
            var parameters = TreeParameters()
            parameters.criterion = criterion
            var growth = try TreeGrowth(parameters, modelName: "t", data: binned, randomThresholds: false,
                                        parallelFeatures: true)
            func grow(histogramMinimum: Int, subtractionMinimum: Int, localMaximum: Int = 0) -> TreeEnsemble {
                growth.histogramMinimum = histogramMinimum
                growth.subtractionMinimum = subtractionMinimum
                growth.localMaximum = localMaximum
                var rng = SplitMix64(seed: 11)
                return TreeGrower(data: binned, labels: binnedLabels, growth: growth).grow(weights: nil, rng: &rng)
            }
            let sorted = grow(histogramMinimum: .max, subtractionMinimum: .max)
            let counted = grow(histogramMinimum: 0, subtractionMinimum: .max)
            let subtracted = grow(histogramMinimum: 0, subtractionMinimum: 0)
            #expect(sorted.nodeCount > 500)
            #expect(sorted == counted)
            #expect(sorted == subtracted)
            // Subtrees reading their rows from a local block, sorted or counted.
            #expect(sorted == grow(histogramMinimum: .max, subtractionMinimum: .max, localMaximum: 400))
            #expect(sorted == grow(histogramMinimum: 0, subtractionMinimum: 0, localMaximum: 400))
        }
    }

    @Test func importancesAreANormalisedPixelMap() throws {
        let data = try blockDigits(count: 400, seed: 7)
        var tree = DecisionTree()
        _ = try tree.fit(data.featureMatrix(), labels: data.intLabels, options: FitOptions(seed: 0))
        let importances = try tree.featureImportances()
        #expect(importances.count == 784)
        #expect(abs(importances.reduce(0, +) - 1) < 1e-5)
        #expect(importances.allSatisfy { $0 >= 0 })
        // Only pixels inside the digits' blocks (rows 2–5 and 14–17) tell the digits apart.
        let inBlocks = importances.indices.filter { [2, 3, 4, 5, 14, 15, 16, 17].contains($0 / 28) }
        #expect(inBlocks.reduce(Float(0)) { $0 + importances[$1] } > 0.99)
    }

    @Test func rejectsNonsenseParameters() throws {
        #expect(throws: ParameterError.self) { try TreeParameters.parse(["maxDepth=0"]) }
        #expect(throws: ParameterError.self) { try TreeParameters.parse(["minSamplesSplit=1"]) }
        #expect(throws: ParameterError.self) { try TreeParameters.parse(["criterion=variance"]) }
        #expect(throws: ParameterError.self) { try TreeParameters.parse(["maxFeatures=-2"]) }
        do {
            _ = try TreeParameters.parse(["maxDepth=0"])
        } catch {
            #expect(error.description == "The 'maxDepth' parameter of DecisionTreeClassifier must be an int in [1, ∞). Got 0.")
        }
        let parsed = try TreeParameters.parse(["maxDepth=30", "criterion=entropy", "maxFeatures=0.5"])
        #expect(parsed.maxDepth == 30 && parsed.criterion == "entropy" && parsed.maxFeatures == .number(0.5))
        #expect(try TreeParameters.parse([]).maxDepth == nil)

        // A count larger than the data's features is only known at fit time.
        var tree = DecisionTree(parameters: try TreeParameters.parse(["maxFeatures=3"]))
        let (x, labels) = Self.quadrants(count: 20, seed: 1)
        #expect(throws: ParameterError.self) { try tree.fit(x, labels: labels, options: FitOptions()) }
        var bad = x
        bad[3, 1] = .nan
        tree = DecisionTree()
        #expect(throws: TreeError.nonFiniteFeature(row: 3, column: 1)) { try tree.fit(bad, labels: labels, options: FitOptions()) }
    }
}
