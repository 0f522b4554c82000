/// One node's samples seen through raw pointers, with the three ways of splitting a feature:
/// scanning a histogram, sorting (small nodes), or one random threshold (extra trees).
///
/// Each method touches only its own feature's data, so features can be searched in parallel.
struct NodeView {
    let columns: UnsafePointer<UInt8>
    let sampleCount: Int
    /// Inside a small subtree, the bins of its samples row after row, and each node sample's
    /// row there; nil elsewhere (bins are read from `columns`).
    let localRows: UnsafePointer<UInt8>?
    let localSlots: UnsafePointer<Int32>
    let featureCount: Int
    /// The node's sample indices.
    let indices: UnsafeBufferPointer<Int32>
    /// The class counts of each of the node's samples, in `indices` order: gathered once per
    /// node so that every feature reads them in sequence.
    let vectors: UnsafePointer<ClassCounts>
    /// The label and weight of each of the node's samples, in `indices` order.
    let labels: UnsafePointer<Int32>
    let weights: UnsafePointer<Float>
    /// The node's samples as runs of one label, in `indices` order (about ten: see `LabelRun`).
    let runs: UnsafeBufferPointer<LabelRun>
    /// Whether every sample weighs 1 (no bootstrap), so that counting samples counts weight.
    let unitWeights: Bool
    /// Whether histograms count distinct samples (otherwise a bin's weight stands for them).
    let tracksSamples: Bool
    let total: ClassCounts
    let scorer: SplitScorer
    let binning: BinnedFeatures

    /// The bin of the node's `i`-th sample for `feature`.
    @inline(__always)
    func bin(_ feature: Int, _ i: Int) -> UInt8 {
        if let localRows { return localRows[Int(localSlots[i]) &* featureCount &+ feature] }
        return columns[feature &* sampleCount &+ Int(indices[i])]
    }

    /// Counts the node's samples of `feature` into `histogram` (whose rows must be zero).
    ///
    /// One scalar addition per sample, without branches: a bin's total weight is summed from
    /// its class lanes when it is scanned, and distinct samples are only counted when
    /// `minSamplesLeaf` needs them (weighted samples and a leaf minimum above 1).
    ///
    /// Most samples of a pixel fall in bin 0 (background), and adding each to the same cell
    /// would wait on the previous addition there. Bin 0 is derived instead: the node's total
    /// minus the other bins (counts are whole numbers, so exactly), while its samples go to four
    /// spare cells in turn, which keeps the loop free of branches and of that wait.
    func build(_ histogram: HistogramBuffer, feature: Int) {
        let row = histogram.row(feature)
        let cells = UnsafeMutableRawPointer(row).assumingMemoryBound(to: Float.self)
        let lanes = ClassCounts.scalarCount, n = indices.count
        let labels = labels, weights = weights, tracksSamples = tracksSamples
        // The bins are gathered first: the counting loop then reads one contiguous block, and
        // the smallest and largest bin come from a vector pass instead of two chains per sample.
        let (lowest, highest) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { bins in
            let bins = bins.baseAddress!
            gather(feature, into: bins)
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 4 * lanes) { spare in
                let spare = spare.baseAddress!
                for i in 0..<n {
                    let bin = bins[i]
                    let target = bin == 0 ? spare + (i & 3) &* lanes : cells + Int(bin) &* lanes
                    target[Int(labels[i])] += weights[i]
                    if tracksSamples { target[ClassCounts.sampleLane] += 1 }
                }
            }
            return Self.range(UnsafePointer(bins), count: n)
        }
        if lowest == 0 {
            var others = ClassCounts.zero
            if highest > 0 { for b in 1...Int(highest) { others += row[b] } }
            var kept = ClassCounts.classMaskFloat
            if tracksSamples { kept[ClassCounts.sampleLane] = 1 }
            row[0] = (total - others) * kept
        }
        histogram.lowestBin[feature] = lowest
        histogram.highestBin[feature] = highest
    }

    /// The best split of `feature` from its counted histogram.
    func scan(_ histogram: HistogramBuffer, feature: Int) -> FeatureSplit {
        let row = histogram.row(feature)
        var comparable = total
        if !tracksSamples { comparable[ClassCounts.sampleLane] = total.weight }
        var sweep = SplitSweep(scorer: scorer, total: comparable)
        for bin in Int(histogram.lowestBin[feature])...Int(histogram.highestBin[feature]) {
            var counts = row[bin]
            let weight = (counts * ClassCounts.classMaskFloat).sum()
            if weight == 0 { continue }
            counts[ClassCounts.weightLane] = weight
            if !tracksSamples { counts[ClassCounts.sampleLane] = weight }
            sweep.add(bin: bin, counts: counts)
        }
        return sweep.result
    }

    /// The best split of `feature` by sorting the node's samples on it; `keys` holds at least
    /// as many values as the node has samples (fewer than 2²⁴).
    func sortedSplit(feature: Int, keys: UnsafeMutableBufferPointer<UInt32>) -> FeatureSplit {
        let n = indices.count
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { bins in
            gather(feature, into: bins.baseAddress!)
            for i in 0..<n { keys[i] = UInt32(bins[i]) << 24 | UInt32(i) }
        }
        var sorted = UnsafeMutableBufferPointer(rebasing: keys[0..<n])
        sorted.sort()
        var sweep = SplitSweep(scorer: scorer, total: total)
        var bin = Int(sorted[0] >> 24)
        var run = ClassCounts.zero
        for key in sorted {
            let keyBin = Int(key >> 24)
            if keyBin != bin {
                sweep.add(bin: bin, counts: run)
                run = .zero
                bin = keyBin
            }
            run += vectors[Int(key & 0xFF_FFFF)]
        }
        sweep.add(bin: bin, counts: run)
        return sweep.result
    }

    /// Extra trees: a threshold drawn uniformly (`uniform` in [0, 1)) between the node's
    /// smallest and largest value of `feature`, as scikit-learn's random splitter does.
    func randomSplit(feature: Int, uniform: Float) -> FeatureSplit {
        // The bins are read once, into a contiguous block that the later passes stream.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: indices.count) { bins in
            gather(feature, into: bins.baseAddress!)
            let (lowest, highest) = Self.range(UnsafePointer(bins.baseAddress!), count: indices.count)
            guard lowest < highest else { return .constant }
            let base = feature * BinnedFeatures.binCount
            let smallest = binning.low[base + Int(lowest)], largest = binning.high[base + Int(highest)]
            var threshold = smallest + uniform * (largest - smallest)
            if threshold >= largest { threshold = smallest }
            // Bins wholly at or below the threshold go left (a quantile bin straddling it goes right).
            // Bounds rise with the bin: bisect for the last one below `highest` whose largest value
            // is at most the threshold (or `lowest`).
            var leftBin = Int(lowest), above = Int(highest)
            while above - leftBin > 1 {
                let middle = (leftBin + above) / 2
                if binning.high[base + middle] <= threshold { leftBin = middle } else { above = middle }
            }
            let left = leftCounts(bins: UnsafePointer(bins.baseAddress!), atMost: UInt8(leftBin))
            guard let score = scorer.score(left: left, total: total) else { return FeatureSplit(isConstant: false) }
            // The stored threshold must send every training value of bin `leftBin + 1` right.
            if binning.low[base + leftBin + 1] <= threshold {
                threshold = binning.threshold(feature: feature, leftBin: leftBin, rightBin: leftBin + 1)
            }
            return FeatureSplit(isConstant: false, score: score, leftBin: leftBin, rightBin: leftBin + 1,
                                left: left, threshold: threshold)
        }
    }

    /// Copies the bins of `feature` of the node's samples into `bins`, in node order.
    ///
    /// The view's fields are copied to locals first: a byte store may alias them, and the loop
    /// would otherwise reload them for every sample.
    @inline(__always)
    private func gather(_ feature: Int, into bins: UnsafeMutablePointer<UInt8>) {
        let n = indices.count
        if let localRows {
            let source = localRows + feature, slots = localSlots, stride = featureCount
            for i in 0..<n { bins[i] = source[Int(slots[i]) &* stride] }
        } else {
            let source = columns + feature &* sampleCount, indices = indices.baseAddress!
            for i in 0..<n { bins[i] = source[Int(indices[i])] }
        }
    }

    /// The smallest and largest of `count` bytes from `values` (a loop the compiler vectorises).
    private static func range(_ values: UnsafePointer<UInt8>, count: Int) -> (lowest: UInt8, highest: UInt8) {
        var lowest = UInt8.max, highest = UInt8.min
        for value in UnsafeBufferPointer(start: values, count: count) {
            lowest = min(lowest, value)
            highest = max(highest, value)
        }
        return (lowest, highest)
    }

    /// The class counts of the samples whose bin (`bins`, in node order) is at most `cut`.
    ///
    /// Which side a sample falls is a coin toss, so a branch per sample would be mispredicted
    /// half the time, and adding a whole class vector per sample moves 64 bytes for one bit.
    /// Samples come in runs of one label instead: each run is one count of bytes, 32 at a time.
    private func leftCounts(bins: UnsafePointer<UInt8>, atMost cut: UInt8) -> ClassCounts {
        var left = ClassCounts.zero
        var samples = 0
        for run in runs {
            let start = Int(run.start), count = Int(run.end) - start
            let below = Self.count(bins + start, count: count, atMost: cut)
            samples += below
            if unitWeights {
                left[Int(run.label)] += Float(below)
            } else {
                var weight: Float = 0
                for i in start..<start + count { weight += bins[i] <= cut ? weights[i] : 0 }
                left[Int(run.label)] += weight
            }
        }
        left[ClassCounts.sampleLane] = Float(samples)
        left[ClassCounts.weightLane] = (left * ClassCounts.classMaskFloat).sum()
        return left
    }

    /// How many of `count` bytes from `values` are at most `cut`.
    ///
    /// `(cut − value) >> 31` is −1 exactly for values above `cut`: arithmetic without a
    /// comparison, which the compiler turns into 8-lane vector code (a comparison it does not).
    private static func count(_ values: UnsafePointer<UInt8>, count: Int, atMost cut: UInt8) -> Int {
        var above: Int32 = 0
        for value in UnsafeBufferPointer(start: values, count: count) { above &+= (Int32(cut) &- Int32(value)) >> 31 }
        return count + Int(above)
    }
}

/// Consecutive samples of a node that share one label. Training rows are binned grouped by
/// digit and partitioning is stable, so a node's samples (in increasing order) form at most
/// ten runs; any order would still be counted right, only with more runs.
struct LabelRun {
    var label: Int32
    var start: Int32
    var end: Int32
}
