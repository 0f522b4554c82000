import Foundation
import Testing
@testable import DigitsKit

/// The split a one-level tree chooses, against a slow brute-force search over every feature
/// and every threshold between consecutive distinct values.
@Suite struct TreeSplitReferenceTests {
    static func weightedImpurity(_ labels: [Int], criterion: String) -> Double {
        guard !labels.isEmpty else { return 0 }
        var counts = [Double](repeating: 0, count: 10)
        for label in labels { counts[label] += 1 }
        let n = Double(labels.count)
        let impurity = criterion == "gini"
            ? 1 - counts.reduce(0) { $0 + ($1 / n) * ($1 / n) }
            : -counts.reduce(0) { $0 + ($1 > 0 ? ($1 / n) * log2($1 / n) : 0) }
        return n * impurity
    }

    /// The children's total weighted impurity of the best valid split, or nil when none exists.
    static func bruteForceBest(_ x: Matrix, _ labels: [Int], criterion: String, minLeaf: Int) -> Double? {
        var best: Double?
        for f in 0..<x.columns {
            let values = Set((0..<x.rows).map { x[$0, f] }).sorted()
            for (a, b) in zip(values, values.dropFirst()) {
                let threshold = a / 2 + b / 2
                let left = (0..<x.rows).filter { x[$0, f] <= threshold }.map { labels[$0] }
                let right = (0..<x.rows).filter { x[$0, f] > threshold }.map { labels[$0] }
                guard left.count >= minLeaf, right.count >= minLeaf else { continue }
                let total = weightedImpurity(left, criterion: criterion) + weightedImpurity(right, criterion: criterion)
                if best.map({ total < $0 }) ?? true { best = total }
            }
        }
        return best
    }

    @Test func rootSplitMatchesBruteForce() throws {
        for seed in UInt64(0)..<60 {
            var rng = SplitMix64(seed: seed)
            let n = 6 + Int(rng.next() % 300)         // both the sort path and the histogram path
            let features = 1 + Int(rng.next() % 4)
            let classes = 2 + Int(rng.next() % 3)
            let levels = 2 + rng.next() % 12
            let criterion = seed % 2 == 0 ? "gini" : "entropy"
            let minLeaf = 1 + Int(rng.next() % 3)
            var x = Matrix(rows: n, columns: features)
            var labels: [Int] = []
            for i in 0..<n {
                let label = Int(rng.next() % UInt64(classes))
                labels.append(label)
                for f in 0..<features {
                    // Values that lean on the label, so splits have something to find.
                    x[i, f] = Float((rng.next() % levels + UInt64(label * f)) % 256)
                }
            }
            guard Set(labels).count > 1 else { continue }
            var tree = DecisionTree(parameters: TreeParameters(criterion: criterion, maxDepth: 1, minSamplesSplit: 2,
                                                               minSamplesLeaf: minLeaf, maxFeatures: .all))
            _ = try tree.fit(x, labels: labels, options: FitOptions(seed: seed))
            let trees = try #require(tree.trees)
            let expected = Self.bruteForceBest(x, labels, criterion: criterion, minLeaf: minLeaf)
            guard let expected else {
                #expect(trees.nodeCount == 1, "seed \(seed): no valid split exists, the root must stay a leaf")
                continue
            }
            try #require(trees.nodeCount == 3, "seed \(seed): the root must split")
            let f = Int(trees.feature[0]), threshold = trees.threshold[0]
            let left = (0..<n).filter { x[$0, f] <= threshold }.map { labels[$0] }
            let right = (0..<n).filter { x[$0, f] > threshold }.map { labels[$0] }
            let chosen = Self.weightedImpurity(left, criterion: criterion) + Self.weightedImpurity(right, criterion: criterion)
            #expect(abs(chosen - expected) < 1e-9 * Double(n), "seed \(seed): chose \(chosen), best is \(expected)")
            #expect(left.count >= minLeaf && right.count >= minLeaf)
            // The threshold lies halfway between two training values, as scikit-learn's does.
            let values = Set((0..<n).map { x[$0, f] }).sorted()
            #expect(zip(values, values.dropFirst()).contains { $0 / 2 + $1 / 2 == threshold }, "seed \(seed)")
        }
    }

    @Test func extraTreesThresholdsLieInsideTheNode() throws {
        for seed in UInt64(0)..<20 {
            let data = try blockDigits(count: 120, seed: seed)
            var forest = ExtraTrees(parameters: try .parse(["nEstimators=3", "maxDepth=4"]))
            _ = try forest.fit(data.featureMatrix(), labels: data.intLabels, options: FitOptions(seed: seed))
            let trees = try #require(forest.trees)
            trees.checkInvariants(maxDepth: 4)
            let x = data.featureMatrix()
            // At each tree's root every sample is present: the threshold must leave some on each side.
            for t in 0..<trees.treeCount where trees.left[Int(trees.treeStarts[t])] >= 0 {
                let root = Int(trees.treeStarts[t])
                let f = Int(trees.feature[root])
                let goLeft = (0..<x.rows).filter { x[$0, f] <= trees.threshold[root] }.count
                #expect(goLeft > 0 && goLeft < x.rows, "seed \(seed), tree \(t)")
            }
        }
    }
}
