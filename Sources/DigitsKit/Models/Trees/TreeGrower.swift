/// Settings for growing one tree, resolved from the hyper-parameters and the data.
struct TreeGrowth: Sendable {
    var scorer: SplitScorer
    var maxDepth: Int
    var minSamplesSplit: Int
    var minSamplesLeaf: Int
    var featuresPerSplit: Int
    var randomThresholds: Bool
    /// Spread each node's split search over the cores: for a lone tree (forests spread trees).
    var parallelFeatures: Bool

    /// Nodes with fewer samples sort each feature's values; larger ones count them in a
    /// histogram (whose 256 bins cost more to scan than a short sort). Every choice gives the
    /// same splits; tests move these limits to compare the paths.
    var histogramMinimum = 128
    /// A child at least this large gets its histogram by subtraction (parent − sibling), which
    /// costs a pass over 256 bins per feature instead of one per sample.
    var subtractionMinimum = 2048
    /// A node with fewer samples copies their rows into a block that its whole subtree reads
    /// (at most this many × features bytes, kept within the core's L2 cache).
    var localMaximum = 1024
    /// Histograms kept for pending children at most (each is features × 256 × 64 bytes).
    static let retainedHistogramLimit = 24
}

/// A node waiting on the grower's stack.
struct PendingNode {
    var start: Int
    var end: Int
    var depth: Int
    var parent: Int
    var isLeft: Bool
    var counts: ClassCounts
    /// Features known to be constant over the node's samples (one bit each).
    var constants: [UInt64]
    /// The node's histogram over every non-constant feature, when derived from its parent's.
    var histogram: HistogramBuffer?
    /// Whether the node lies in the current small subtree, whose rows sit in `localRows`.
    var isLocal = false
}

/// Grows trees over binned data, depth first, partitioning sample indices in place.
///
/// One grower serves one thread: its sample list, feature order and histograms are scratch
/// space reused from tree to tree.
final class TreeGrower {
    let data: BinnedFeatures
    let labels: [UInt8]
    let growth: TreeGrowth
    /// The node's samples are `samples[start..<end]`; partitioning reorders them in place.
    var samples: [Int32] = []
    /// Each sample's contribution to class counts (zero for samples a bootstrap left out).
    var vectors: [ClassCounts]
    /// The current node's `vectors`, in its sample order.
    var nodeVectors: [ClassCounts]
    var nodeLabels: [Int32]
    var nodeWeights: [Float]
    /// The current node's samples as runs of one label.
    var nodeRuns: [LabelRun]
    /// Each sample's weight (its bootstrap draws; 0 when left out, 1 without bootstrap).
    var sampleWeights: [Float]
    /// Whether every sample weighs 1 (no bootstrap).
    var unitWeights = true
    /// Whether histograms count distinct samples: only bootstrap weights with a leaf minimum
    /// above 1 need them.
    var tracksSamples = false
    /// Scratch for the right-hand samples while partitioning.
    var spill: [Int32]
    var spillSlots: [Int32]
    /// The bins of the current small subtree's samples, row after row, and where each entry
    /// of `samples` has its row: reading one block that stays in cache beats reading one
    /// byte per sample from each of the columns a small node draws.
    var localRows: [UInt8] = []
    var slots: [Int32]
    /// A permutation of the features; each node draws candidates from its front.
    var order: [Int32]
    let histograms: HistogramPool

    init(data: BinnedFeatures, labels: [UInt8], growth: TreeGrowth) {
        self.data = data
        self.labels = labels
        self.growth = growth
        vectors = [ClassCounts](repeating: .zero, count: data.sampleCount)
        nodeVectors = vectors
        nodeLabels = [Int32](repeating: 0, count: data.sampleCount)
        nodeWeights = [Float](repeating: 0, count: data.sampleCount)
        nodeRuns = [LabelRun](repeating: LabelRun(label: 0, start: 0, end: 0), count: data.sampleCount)
        sampleWeights = nodeWeights
        spill = [Int32](repeating: 0, count: data.sampleCount)
        spillSlots = spill
        slots = spill
        order = (0..<Int32(data.featureCount)).map { $0 }
        histograms = HistogramPool(featureCount: data.featureCount)
    }

    /// One tree over the samples with positive `weights` (every sample once when nil), with its
    /// feature importances.
    func grow(weights: [Int32]?, rng: inout SplitMix64) -> TreeEnsemble {
        samples.removeAll(keepingCapacity: true)
        // Each tree starts from the same feature order, so it depends on its seed alone and
        // not on which trees this grower grew before.
        for f in order.indices { order[f] = Int32(f) }
        tracksSamples = weights != nil && growth.minSamplesLeaf > 1
        unitWeights = weights == nil
        var rootCounts = ClassCounts.zero
        for i in 0..<data.sampleCount {
            let weight = weights?[i] ?? 1
            vectors[i] = weight > 0 ? .sample(label: Int(labels[i]), weight: Float(weight)) : .zero
            sampleWeights[i] = Float(weight)
            if weight > 0 {
                samples.append(Int32(i))
                rootCounts += vectors[i]
            }
        }
        var tree = TreeEnsemble(featureCount: data.featureCount)
        tree.beginTree()
        var importances = [Double](repeating: 0, count: data.featureCount)
        var stack = [PendingNode(start: 0, end: samples.count, depth: 0, parent: -1, isLeft: false, counts: rootCounts,
                                 constants: [UInt64](repeating: 0, count: (data.featureCount + 63) / 64), histogram: nil)]
        while var node = stack.popLast() {
            if !node.isLocal && node.end - node.start <= growth.localMaximum {
                gatherLocalRows(node.start..<node.end)
                node.isLocal = true
            }
            let id = tree.appendLeaf(counts: node.counts)
            if node.parent >= 0 { tree.link(parent: node.parent, child: id, isLeft: node.isLeft) }
            guard canSplit(node) else {
                node.histogram.map(histograms.release)
                continue
            }
            let search = searchSplit(node, rng: &rng)
            guard let best = search.best else {
                search.histogram.map(histograms.release)
                continue
            }
            let middle = partition(node.start..<node.end, feature: best.feature, leftBin: best.split.leftBin,
                                   isLocal: node.isLocal)
            // The search already summed the left side; only its sample count may stand for weight.
            var leftCounts = best.split.left
            leftCounts[ClassCounts.sampleLane] = Float(middle - node.start)
            let rightCounts = node.counts - leftCounts
            let split = best.split
            tree.makeSplit(id, feature: best.feature, threshold: split.threshold
                ?? data.threshold(feature: best.feature, leftBin: split.leftBin, rightBin: split.rightBin))
            let scorer = growth.scorer
            importances[best.feature] += Double(node.counts.weight) * scorer.impurity(node.counts)
                - Double(leftCounts.weight) * scorer.impurity(leftCounts)
                - Double(rightCounts.weight) * scorer.impurity(rightCounts)

            var constants = node.constants
            for f in search.newConstants { constants[f >> 6] |= 1 << UInt64(f & 63) }
            let (leftHistogram, rightHistogram) = childHistograms(search.histogram, node: node, middle: middle,
                                                                  leftCounts: leftCounts, newConstants: search.newConstants)
            stack.append(PendingNode(start: middle, end: node.end, depth: node.depth + 1, parent: id, isLeft: false,
                                     counts: rightCounts, constants: constants, histogram: rightHistogram,
                                     isLocal: node.isLocal))
            stack.append(PendingNode(start: node.start, end: middle, depth: node.depth + 1, parent: id, isLeft: true,
                                     counts: leftCounts, constants: constants, histogram: leftHistogram,
                                     isLocal: node.isLocal))
        }
        let total = importances.reduce(0, +)
        if total > 0 { tree.importances = importances.map { Float($0 / total) } }
        return tree
    }

    private func canSplit(_ node: PendingNode) -> Bool {
        let n = node.end - node.start
        let classesPresent = (0..<TreeEnsemble.classCount).filter { node.counts[$0] > 0 }.count
        return node.depth < growth.maxDepth && n >= growth.minSamplesSplit && n >= 2 * growth.minSamplesLeaf
            && classesPresent > 1
    }

    /// Copies the rows of the samples in `range` into `localRows`, where the whole subtree below
    /// reads them (depth first, so no other subtree needs the block meanwhile).
    private func gatherLocalRows(_ range: Range<Int>) {
        let features = data.featureCount
        if localRows.count < range.count * features {
            localRows = [UInt8](repeating: 0, count: range.count * features)
        }
        data.rows.withUnsafeBufferPointer { rows in
            localRows.withUnsafeMutableBufferPointer { local in
                for (slot, i) in range.enumerated() {
                    let source = rows.baseAddress! + Int(samples[i]) * features
                    (local.baseAddress! + slot * features).update(from: source, count: features)
                    slots[i] = Int32(slot)
                }
            }
        }
    }

    /// Moves the samples of `range` whose bin of `feature` is at most `leftBin` to its front;
    /// returns where the others begin.
    ///
    /// Stable, so every node's samples stay in increasing order and the per-feature column reads
    /// of a histogram walk forward through memory.
    private func partition(_ range: Range<Int>, feature: Int, leftBin: Int, isLocal: Bool) -> Int {
        let features = data.featureCount, column = feature * data.sampleCount
        var kept = range.lowerBound, spilled = 0
        data.columns.withUnsafeBufferPointer { columns in
            localRows.withUnsafeBufferPointer { localRows in
                samples.withUnsafeMutableBufferPointer { samples in
                    slots.withUnsafeMutableBufferPointer { slots in
                        spill.withUnsafeMutableBufferPointer { spill in
                            spillSlots.withUnsafeMutableBufferPointer { spillSlots in
                                for i in range {
                                    let sample = samples[i], slot = slots[i]
                                    let bin = isLocal ? localRows[Int(slot) * features + feature]
                                        : columns[column + Int(sample)]
                                    // Written to both sides, kept by one: no branch to mispredict.
                                    let goesLeft = Int(bin) <= leftBin ? 1 : 0
                                    samples[kept] = sample
                                    slots[kept] = slot
                                    spill[spilled] = sample
                                    spillSlots[spilled] = slot
                                    kept += goesLeft
                                    spilled += 1 - goesLeft
                                }
                                for i in 0..<spilled {
                                    samples[kept + i] = spill[i]
                                    slots[kept + i] = spillSlots[i]
                                }
                            }
                        }
                    }
                }
            }
        }
        return kept
    }

    /// Hands the parent's histogram on: the smaller child's is counted, the larger child's is
    /// the parent's minus it (scikit-learn cannot do this; LightGBM does).
    private func childHistograms(_ parent: HistogramBuffer?, node: PendingNode, middle: Int, leftCounts: ClassCounts,
                                 newConstants: [Int]) -> (HistogramBuffer?, HistogramBuffer?) {
        guard let parent else { return (nil, nil) }
        let leftCount = middle - node.start, rightCount = node.end - middle
        // Children draw their own features unless every split looks at all of them.
        let childrenSearchTheSameFeatures = growth.featuresPerSplit == data.featureCount && !growth.randomThresholds
        guard childrenSearchTheSameFeatures, max(leftCount, rightCount) >= growth.subtractionMinimum,
              histograms.retained < TreeGrowth.retainedHistogramLimit
        else {
            histograms.release(parent)
            return (nil, nil)
        }
        let smallRange = leftCount <= rightCount ? node.start..<middle : middle..<node.end
        let constant = Set(newConstants)
        let features = parent.features.filter { !constant.contains($0) }
        let small = histograms.take()
        build(small, features: features, range: smallRange,
              total: leftCount <= rightCount ? leftCounts : node.counts - leftCounts)
        parent.subtract(small, features: features)
        let keepSmall = smallRange.count >= growth.histogramMinimum
        if !keepSmall { histograms.release(small) }
        let smallHistogram = keepSmall ? small : nil
        return leftCount <= rightCount ? (smallHistogram, parent) : (parent, smallHistogram)
    }
}
