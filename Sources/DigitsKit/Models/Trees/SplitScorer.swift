import Foundation

/// The class counts of a set of samples in one SIMD vector: lanes 0–9 hold the weight of each
/// digit, lane 10 the number of distinct samples, lane 11 their total weight (bootstrap draws).
/// Whole histograms are arrays of these, so adding a bin is one vector addition.
typealias ClassCounts = SIMD16<Float>

extension ClassCounts {
    static let sampleLane = 10
    static let weightLane = 11
    /// 1 in the ten class lanes, 0 elsewhere.
    static let classMaskFloat = ClassCounts(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0)

    /// One sample of `label` drawn `weight` times.
    static func sample(label: Int, weight: Float) -> ClassCounts {
        var counts = ClassCounts.zero
        counts[label] = weight
        counts[sampleLane] = 1
        counts[weightLane] = weight
        return counts
    }

    var samples: Float { self[Self.sampleLane] }
    var weight: Float { self[Self.weightLane] }
}

/// Which impurity a tree minimises.
enum SplitCriterion: String, Sendable {
    case gini, entropy
}

/// Scores candidate splits of one node: the larger the score, the smaller the weighted
/// impurity of the two children (scikit-learn's "proxy impurity improvement", which drops the
/// terms every split of the node shares).
struct SplitScorer: Sendable {
    let criterion: SplitCriterion
    let minSamplesLeaf: Float
    /// `k · ln k` for every whole weight a node can hold (weights are bootstrap draw counts).
    let xLogX: [Double]

    init(criterion: SplitCriterion, minSamplesLeaf: Int, largestWeight: Int) {
        self.criterion = criterion
        self.minSamplesLeaf = Float(minSamplesLeaf)
        xLogX = criterion == .entropy ? (0...max(largestWeight, 1)).map { $0 == 0 ? 0 : Double($0) * log(Double($0)) } : []
    }

    /// The score of sending `left` one way and the rest of `total` the other, or nil when a
    /// child would keep fewer than `minSamplesLeaf` samples.
    @inline(__always)
    func score(left: ClassCounts, total: ClassCounts) -> Double? {
        let right = total - left
        guard left.samples >= minSamplesLeaf, right.samples >= minSamplesLeaf else { return nil }
        switch criterion {
        case .gini:
            // n·Gini = n − Σ c²/n on each side: maximise Σ c²/n. The squares are summed in Float
            // (exact for counts below 4096, within 1e-7 above), the quotients in Double.
            return Double((left * left * ClassCounts.classMaskFloat).sum()) / Double(left.weight)
                + Double((right * right * ClassCounts.classMaskFloat).sum()) / Double(right.weight)
        case .entropy:
            // n·H = n ln n − Σ c ln c on each side: minimise it.
            var sum = -xLogX[Int(left.weight)] - xLogX[Int(right.weight)]
            for c in 0..<10 { sum += xLogX[Int(left[c])] + xLogX[Int(right[c])] }
            return sum
        }
    }

    /// The impurity of a node (in bits for entropy, as scikit-learn reports it).
    func impurity(_ counts: ClassCounts) -> Double {
        let total = Double(counts.weight)
        guard total > 0 else { return 0 }
        var result = criterion == .gini ? 1.0 : 0.0
        for c in 0..<10 where counts[c] > 0 {
            let p = Double(counts[c]) / total
            result -= criterion == .gini ? p * p : p * Foundation.log2(p)
        }
        return result
    }
}

/// The best split of one feature found so far while bins are visited in increasing order.
struct SplitSweep {
    let scorer: SplitScorer
    let total: ClassCounts
    private(set) var left = ClassCounts.zero
    private(set) var previousBin = -1
    private(set) var binsSeen = 0
    private(set) var bestScore = -Double.infinity
    private(set) var bestLeftBin = 0
    private(set) var bestRightBin = 0
    private(set) var bestLeft = ClassCounts.zero

    init(scorer: SplitScorer, total: ClassCounts) {
        self.scorer = scorer
        self.total = total
    }

    /// Adds the samples of `bin` (larger than every bin added before), first scoring the split
    /// between the previous bin and this one.
    @inline(__always)
    mutating func add(bin: Int, counts: ClassCounts) {
        if binsSeen > 0, let score = scorer.score(left: left, total: total), score > bestScore {
            bestScore = score
            bestLeftBin = previousBin
            bestRightBin = bin
            bestLeft = left
        }
        left += counts
        previousBin = bin
        binsSeen += 1
    }

    /// The outcome: constant when every sample fell in one bin.
    var result: FeatureSplit {
        guard binsSeen > 1 else { return .constant }
        guard bestScore > -Double.infinity else { return FeatureSplit(isConstant: false) }
        return FeatureSplit(isConstant: false, score: bestScore, leftBin: bestLeftBin, rightBin: bestRightBin,
                            left: bestLeft)
    }
}

/// How one candidate feature would split a node.
struct FeatureSplit: Sendable {
    var isConstant: Bool
    /// -∞ when no split of the feature leaves `minSamplesLeaf` samples on both sides.
    var score = -Double.infinity
    /// Samples in bins up to this one go left.
    var leftBin = 0
    /// The node's next occupied bin (the threshold lies between the two).
    var rightBin = 0
    /// The class counts sent left (from a histogram without distinct samples, the sample lane
    /// holds their weight instead).
    var left = ClassCounts.zero
    /// The raw threshold when already drawn (extra trees); otherwise derived from the bins once
    /// the feature is chosen, so losing candidates never touch the bin bounds.
    var threshold: Float?

    static let constant = FeatureSplit(isConstant: true)
}
