/// Class counts per bin for every feature of one node: `features × 256` `ClassCounts` (class
/// lanes, and distinct samples when counted; the weight lane is filled in when scanned), plus
/// the range of bins each built feature occupies (so clearing and scanning skip the rest).
///
/// Indexed by feature number, so a child can inherit its parent's histogram whatever features
/// it searches. Only the features listed in `features` hold data; `clear` zeroes just those.
final class HistogramBuffer {
    let featureCount: Int
    let bins: UnsafeMutablePointer<ClassCounts>
    let lowestBin: UnsafeMutablePointer<UInt8>
    let highestBin: UnsafeMutablePointer<UInt8>
    /// The features counted into this buffer since it was last cleared.
    var features: [Int] = []

    init(featureCount: Int) {
        self.featureCount = featureCount
        let count = featureCount * BinnedFeatures.binCount
        bins = .allocate(capacity: count)
        bins.initialize(repeating: .zero, count: count)
        lowestBin = .allocate(capacity: featureCount)
        lowestBin.initialize(repeating: 0, count: featureCount)
        highestBin = .allocate(capacity: featureCount)
        highestBin.initialize(repeating: 0, count: featureCount)
    }

    deinit {
        bins.deallocate()
        lowestBin.deallocate()
        highestBin.deallocate()
    }

    func clear() {
        for f in features {
            let row = bins + f * BinnedFeatures.binCount
            for b in Int(lowestBin[f])...Int(highestBin[f]) { row[b] = .zero }
        }
        features.removeAll(keepingCapacity: true)
    }

    /// Removes `other`'s counts of `features` (a subset of the samples counted here).
    func subtract(_ other: HistogramBuffer, features: [Int]) {
        for f in features {
            let row = bins + f * BinnedFeatures.binCount, otherRow = other.bins + f * BinnedFeatures.binCount
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
