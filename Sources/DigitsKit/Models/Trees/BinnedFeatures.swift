/// Training features reduced to at most 256 bins each, so that a split search can count
/// classes per bin (a histogram) instead of sorting values.
///
/// A feature whose training values are all whole numbers in 0…255 (raw grey levels) is its own
/// binning; any other feature gets up to 256 quantile bins. Each bin remembers the smallest and
/// largest training value it holds, so thresholds stored in a tree are raw values and
/// prediction compares `x[f] <= threshold` without binning.
struct BinnedFeatures: Sendable {
    static let binCount = 256

    let sampleCount: Int
    let featureCount: Int
    /// `featureCount × sampleCount` bin numbers, feature after feature: a histogram of one
    /// feature reads one contiguous column.
    let columns: [UInt8]
    /// The same bins sample after sample (`sampleCount × featureCount`): small nodes copy their
    /// samples' rows from here into a block that stays in cache for the whole subtree.
    let rows: [UInt8]
    /// Smallest / largest training value in each bin, `featureCount × 256` (unused bins of a
    /// quantile feature repeat the last bin's bounds).
    let low: [Float]
    let high: [Float]

    /// Bins the rows of `x` taken in `rowOrder` (a permutation of its rows).
    init(_ x: Matrix, rowOrder: [Int]) {
        let n = x.rows, features = x.columns, bins = Self.binCount
        var columns = [UInt8](repeating: 0, count: n * features)
        var low = [Float](repeating: 0, count: features * bins)
        var high = [Float](repeating: 0, count: features * bins)
        let greyLevels = Self.greyLevelFeatures(x)
        x.storage.withUnsafeBufferPointer { values in
            columns.withUnsafeMutableBufferPointer { columns in
                low.withUnsafeMutableBufferPointer { low in
                    high.withUnsafeMutableBufferPointer { high in
                        parallelRanges(features) { chunk in
                            // Rows in blocks, so the strided reads of a block stay in cache.
                            let block = 512
                            for blockStart in stride(from: 0, to: n, by: block) {
                                for f in chunk where greyLevels[f] {
                                    for r in blockStart..<min(n, blockStart + block) {
                                        columns[f * n + r] = UInt8(values[rowOrder[r] * features + f])
                                    }
                                }
                            }
                            for f in chunk {
                                if greyLevels[f] {
                                    for b in 0..<bins { low[f * bins + b] = Float(b); high[f * bins + b] = Float(b) }
                                } else {
                                    Self.quantileBins(
                                        feature: f, of: values, rowOrder: rowOrder, stride: features,
                                        into: UnsafeMutableBufferPointer(rebasing: columns[f * n ..< (f + 1) * n]),
                                        low: UnsafeMutableBufferPointer(rebasing: low[f * bins ..< (f + 1) * bins]),
                                        high: UnsafeMutableBufferPointer(rebasing: high[f * bins ..< (f + 1) * bins]))
                                }
                            }
                        }
                    }
                }
            }
        }
        var rows = [UInt8](repeating: 0, count: n * features)
        columns.withUnsafeBufferPointer { columns in
            rows.withUnsafeMutableBufferPointer { rows in
                parallelRanges(n) { chunk in
                    for r in chunk {
                        for f in 0..<features { rows[r * features + f] = columns[f * n + r] }
                    }
                }
            }
        }
        self.sampleCount = n
        self.featureCount = features
        self.columns = columns
        self.rows = rows
        self.low = low
        self.high = high
    }

    /// Which features hold only whole numbers in 0…255, and so are their own bins.
    private static func greyLevelFeatures(_ x: Matrix) -> [Bool] {
        var greyLevel = [Bool](repeating: true, count: x.columns)
        x.storage.withUnsafeBufferPointer { values in
            for r in 0..<x.rows {
                for f in 0..<x.columns {
                    let v = values[r * x.columns + f]
                    if !(v >= 0 && v <= 255 && v == v.rounded()) { greyLevel[f] = false }
                }
            }
        }
        return greyLevel
    }

    private static func quantileBins(feature f: Int, of values: UnsafeBufferPointer<Float>, rowOrder: [Int], stride: Int,
                                     into column: UnsafeMutableBufferPointer<UInt8>,
                                     low: UnsafeMutableBufferPointer<Float>, high: UnsafeMutableBufferPointer<Float>) {
        // Quantile bins: cut the sorted values into 256 runs of equal size, never splitting a
        // run of equal values (so each bin's values form an interval and bins never overlap).
        let n = rowOrder.count
        var sorted = rowOrder.map { values[$0 * stride + f] }
        sorted.sort()
        var upper: [Float] = []
        var index = 0
        while index < n {
            let target = min(n - 1, max(index, (upper.count + 1) * n / binCount - 1))
            var end = target
            while end + 1 < n && sorted[end + 1] == sorted[end] { end += 1 }
            low[upper.count] = sorted[index]
            high[upper.count] = sorted[end]
            upper.append(sorted[end])
            index = end + 1
            if upper.count == binCount - 1 && index < n {
                low[upper.count] = sorted[index]
                high[upper.count] = sorted[n - 1]
                upper.append(sorted[n - 1])
                break
            }
        }
        for b in upper.count..<binCount { low[b] = high[upper.count - 1]; high[b] = high[upper.count - 1] }
        for r in 0..<n {
            let v = values[rowOrder[r] * stride + f]
            // The first bin whose largest value is at least v.
            var lo = 0, hi = upper.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if upper[mid] >= v { hi = mid } else { lo = mid + 1 }
            }
            column[r] = UInt8(lo)
        }
    }

    /// The raw threshold between bin `left` and the next bin holding node samples, `right`:
    /// the midpoint of the values on either side, as scikit-learn places it.
    func threshold(feature f: Int, leftBin: Int, rightBin: Int) -> Float {
        let a = high[f * Self.binCount + leftBin], b = low[f * Self.binCount + rightBin]
        let middle = a / 2 + b / 2
        // Adjacent floats have no midpoint strictly below b.
        return middle < b ? middle : a
    }
}
