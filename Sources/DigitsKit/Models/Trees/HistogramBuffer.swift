/// Class counts per bin for the features of one node: 256 `ClassCounts` per feature (class
/// lanes, and distinct samples when counted; the weight lane is filled in when scanned), plus
/// the range of bins each built feature occupies (so clearing and scanning skip the rest).
///
/// Looked up by feature number, so a child can inherit its parent's histogram whatever features
/// it searches. Rows are handed out in the order features are added, so the few features a
/// forest's node draws share a compact block that stays in cache from node to node (rows at
/// the features' own places would scatter them over megabytes). Only the features listed in
/// `features` hold data; `clear` zeroes just those.
final class HistogramBuffer {
    let featureCount: Int
    private let bins: UnsafeMutablePointer<ClassCounts>
    /// Each feature's row number in `bins`, or -1.
    private let rowOf: UnsafeMutablePointer<Int32>
    let lowestBin: UnsafeMutablePointer<UInt8>
    let highestBin: UnsafeMutablePointer<UInt8>
    /// The features counted into this buffer since it was last cleared, in row order.
    private(set) var features: [Int] = []

    init(featureCount: Int) {
        self.featureCount = featureCount
        let count = featureCount * BinnedFeatures.binCount
        bins = .allocate(capacity: count)
        bins.initialize(repeating: .zero, count: count)
        rowOf = .allocate(capacity: featureCount)
        rowOf.initialize(repeating: -1, count: featureCount)
        lowestBin = .allocate(capacity: featureCount)
        lowestBin.initialize(repeating: 0, count: featureCount)
        highestBin = .allocate(capacity: featureCount)
        highestBin.initialize(repeating: 0, count: featureCount)
    }

    deinit {
        bins.deallocate()
        rowOf.deallocate()
        lowestBin.deallocate()
        highestBin.deallocate()
    }

    /// Gives each of `added` (features not yet here) a zeroed row, before they are counted.
    func add(_ added: [Int]) {
        for f in added {
            rowOf[f] = Int32(features.count)
            features.append(f)
        }
    }

    /// The 256 bins of `feature`, which must have been added.
    @inline(__always)
    func row(_ feature: Int) -> UnsafeMutablePointer<ClassCounts> {
        bins + Int(rowOf[feature]) &* BinnedFeatures.binCount
    }

    func clear() {
        for f in features {
            let row = row(f)
            for b in Int(lowestBin[f])...Int(highestBin[f]) { row[b] = .zero }
            rowOf[f] = -1
        }
        features.removeAll(keepingCapacity: true)
    }

    /// Removes `other`'s counts of `features` (a subset of the samples counted here).
    func subtract(_ other: HistogramBuffer, features: [Int]) {
        for f in features {
            let row = row(f), otherRow = other.row(f)
            for b in Int(other.lowestBin[f])...Int(other.highestBin[f]) { row[b] -= otherRow[b] }
        }
    }
}

/// Histogram buffers for one grower, reused from node to node and tree to tree.
final class HistogramPool {
    let featureCount: Int
    private var free: [HistogramBuffer] = []
    /// Buffers handed out and not yet released.
    private(set) var retained = 0

    init(featureCount: Int) {
        self.featureCount = featureCount
    }

    func take() -> HistogramBuffer {
        retained += 1
        return free.popLast() ?? HistogramBuffer(featureCount: featureCount)
    }

    func release(_ buffer: HistogramBuffer) {
        buffer.clear()
        retained -= 1
        free.append(buffer)
    }
}
