/// What the student reports looked at first: how many images of each digit, the mean image
/// of each digit, a few random images per digit, and how much each pixel varies.
public struct DataOverview: Sendable {
    public let classCounts: [Int]
    /// 784 grey levels per digit (rounded means).
    public let meanImages: [[UInt8]]
    /// Per-pixel variance over all images (population variance, grey levels²).
    public let pixelVariance: [Double]
    /// `samplesPerClass` random image indices per digit (fewer if the digit is rarer).
    public let samples: [[Int]]

    public init(_ data: Dataset, samplesPerClass: Int = 8, seed: UInt64 = 0) {
        let d = Dataset.featureCount
        var sums = [[Double]](repeating: [Double](repeating: 0, count: d), count: Dataset.classCount)
        var total = [Double](repeating: 0, count: d), squares = [Double](repeating: 0, count: d)
        var byClass = [[Int]](repeating: [], count: Dataset.classCount)
        data.pixels.withUnsafeBufferPointer { pixels in
            for i in 0..<data.count {
                let c = Int(data.labels[i])
                byClass[c].append(i)
                for p in 0..<d {
                    let v = Double(pixels[i * d + p])
                    sums[c][p] += v
                    total[p] += v
                    squares[p] += v * v
                }
            }
        }
        classCounts = byClass.map(\.count)
        meanImages = zip(sums, classCounts).map { sum, count in
            sum.map { UInt8(min(255, ($0 / Double(max(count, 1))).rounded())) }
        }
        let n = Double(max(data.count, 1))
        pixelVariance = zip(total, squares).map { max(0, $1 / n - ($0 / n) * ($0 / n)) }
        var rng = SplitMix64(seed: seed)
        samples = byClass.map { indices in
            var shuffled = indices
            shuffled.seededShuffle(using: &rng)
            return Array(shuffled.prefix(samplesPerClass))
        }
    }
}

/// Two-dimensional views of the images, and a number for how well they keep digits apart.
public enum Embedding {
    /// The first two principal components of the images (pixels scaled to [0, 1]).
    public static func pca(_ data: Dataset) throws -> Matrix {
        var pca = PCA(components: .count(2))
        return try pca.fitTransform(scaledPixels(data))
    }

    /// Barnes–Hut t-SNE of the images (pixels scaled to [0, 1], PCA-50 first).
    public static func tsne(_ data: Dataset, configuration: TSNE = TSNE()) throws -> Matrix {
        try configuration.embed(scaledPixels(data))
    }

    /// Leave-one-out k-nearest-neighbour accuracy of `labels` among the rows of `points`
    /// (majority vote, ties to the nearer neighbour's label): near 1 when the classes form
    /// separate clusters, near 0.1 when ten classes are mixed.
    public static func neighborAccuracy(_ points: Matrix, labels: [Int], k: Int = 5) -> Double {
        let neighbors = NearestNeighbors(points, k: k)
        guard neighbors.k > 0, !labels.isEmpty else { return 0 }
        var correct = 0
        for i in 0..<points.rows {
            var votes = [Int](repeating: 0, count: Dataset.classCount)
            var winner = -1
            for m in 0..<neighbors.k {
                let label = labels[Int(neighbors.indices[i * neighbors.k + m])]
                votes[label] += 1
                // Strictly more votes take the lead, so a tie stays with the label reached first.
                if winner < 0 || votes[label] > votes[winner] { winner = label }
            }
            if winner == labels[i] { correct += 1 }
        }
        return Double(correct) / Double(points.rows)
    }

    private static func scaledPixels(_ data: Dataset) -> Matrix {
        var x = data.featureMatrix()
        for i in x.storage.indices { x.storage[i] *= 1 / 255 }
        return x
    }
}
