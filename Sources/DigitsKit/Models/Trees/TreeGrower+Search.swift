/// What a node's split search found.
struct SplitSearch {
    var best: (feature: Int, split: FeatureSplit)?
    /// Features found constant over the node's samples: its children skip them.
    var newConstants: [Int] = []
    /// The histogram the search counted or inherited, for the children or the pool.
    var histogram: HistogramBuffer?
}

extension TreeGrower {
    /// Draws candidate features as scikit-learn does and keeps the best split among them.
    ///
    /// `featuresPerSplit` draws without replacement; a draw of a feature already known to be
    /// constant in this node counts but costs nothing. If every drawn feature turns out
    /// constant, drawing goes on until one varies or none is left.
    func searchSplit(_ node: PendingNode, rng: inout SplitMix64) -> SplitSearch {
        let featureCount = data.featureCount
        let knownConstants = node.constants.reduce(0) { $0 + $1.nonzeroBitCount }
        var search = SplitSearch(histogram: node.histogram)
        var drawn = 0, drawnConstants = 0, visited = 0
        var foundVarying = false
        while !foundVarying {
            let target = max(growth.featuresPerSplit, visited + 1)
            var batch: [Int] = []
            while visited < target, featureCount - knownConstants - (drawn - drawnConstants) > 0 {
                let j = drawn + Int(rng.next() % UInt64(featureCount - drawn))
                order.swapAt(drawn, j)
                let f = Int(order[drawn])
                drawn += 1
                visited += 1
                if node.constants[f >> 6] & (1 << UInt64(f & 63)) != 0 {
                    drawnConstants += 1
                } else {
                    batch.append(f)
                }
            }
            if batch.isEmpty { break }
            let uniforms = growth.randomThresholds ? batch.map { _ in rng.nextUnitFloat() } : []
            let results = evaluate(batch, node: node, uniforms: uniforms, search: &search)
            for (f, result) in zip(batch, results) {
                if result.isConstant {
                    search.newConstants.append(f)
                    continue
                }
                foundVarying = true
                // The first best in draw order wins ties, as in scikit-learn.
                if result.score > (search.best?.split.score ?? -.infinity) { search.best = (f, result) }
            }
        }
        return search
    }

    /// The split each of `batch` offers, searched in parallel over features when the node is
    /// large and the grower owns the cores.
    private func evaluate(_ batch: [Int], node: PendingNode, uniforms: [Float],
                          search: inout SplitSearch) -> [FeatureSplit] {
        let n = node.end - node.start
        var histogram: HistogramBuffer?
        var needsCounting = [Bool](repeating: false, count: batch.count)
        if !growth.randomThresholds, search.histogram != nil || n >= growth.histogramMinimum {
            let buffer = search.histogram ?? histograms.take()
            search.histogram = buffer
            histogram = buffer
            let counted = Set(buffer.features)
            needsCounting = batch.map { !counted.contains($0) }
            buffer.add(batch.filter { !counted.contains($0) })
        }
        var results = [FeatureSplit](repeating: .constant, count: batch.count)
        let parallel = growth.parallelFeatures && batch.count > 1 && n * batch.count >= 1 << 15
        let randomThresholds = growth.randomThresholds
        withNodeView(node.start..<node.end, total: node.counts, isLocal: node.isLocal,
                     needsVectors: histogram == nil && !randomThresholds) { view in
            results.withUnsafeMutableBufferPointer { buffer in
                let results = buffer
                let searchRange = { (range: Range<Int>) in
                    var keys = [UInt32](repeating: 0, count: histogram == nil && !randomThresholds ? n : 0)
                    keys.withUnsafeMutableBufferPointer { keys in
                        for i in range {
                            let f = batch[i]
                            if randomThresholds {
                                results[i] = view.randomSplit(feature: f, uniform: uniforms[i])
                            } else if let histogram {
                                if needsCounting[i] { view.build(histogram, feature: f) }
                                results[i] = view.scan(histogram, feature: f)
                            } else {
                                results[i] = view.sortedSplit(feature: f, keys: keys)
                            }
                        }
                    }
                }
                if parallel {
                    parallelRanges(batch.count, searchRange)
                } else {
                    searchRange(0..<batch.count)
                }
            }
        }
        return results
    }

    /// Counts the samples of `range` (whose class counts are `total`) for `features` into
    /// `histogram`.
    func build(_ histogram: HistogramBuffer, features: [Int], range: Range<Int>, total: ClassCounts) {
        histogram.add(features)
        let parallel = growth.parallelFeatures && range.count * features.count >= 1 << 15
        withNodeView(range, total: total, isLocal: false, needsVectors: false) { view in
            if parallel {
                parallelRanges(features.count) { chunk in
                    for i in chunk { view.build(histogram, feature: features[i]) }
                }
            } else {
                for f in features { view.build(histogram, feature: f) }
            }
        }
    }

    /// Runs `body` on a view of the samples in `range`, with their labels, weights and label
    /// runs gathered in node order (and their class counts when `needsVectors`: only the sorted
    /// search reads them); `isLocal` nodes read their bins from the local row block.
    func withNodeView<Result>(_ range: Range<Int>, total: ClassCounts, isLocal: Bool, needsVectors: Bool,
                              _ body: (NodeView) -> Result) -> Result {
        let n = range.count
        var runCount = 0
        samples.withUnsafeBufferPointer { samples in
            vectors.withUnsafeBufferPointer { vectors in
                labels.withUnsafeBufferPointer { labels in
                    sampleWeights.withUnsafeBufferPointer { sampleWeights in
                        nodeVectors.withUnsafeMutableBufferPointer { nodeVectors in
                            nodeLabels.withUnsafeMutableBufferPointer { nodeLabels in
                                nodeWeights.withUnsafeMutableBufferPointer { nodeWeights in
                                    nodeRuns.withUnsafeMutableBufferPointer { runs in
                                        for (i, sample) in samples[range].enumerated() {
                                            let label = Int32(labels[Int(sample)])
                                            if needsVectors { nodeVectors[i] = vectors[Int(sample)] }
                                            nodeLabels[i] = label
                                            nodeWeights[i] = sampleWeights[Int(sample)]
                                            if runCount == 0 || runs[runCount - 1].label != label {
                                                runs[runCount] = LabelRun(label: label, start: Int32(i), end: Int32(i))
                                                runCount += 1
                                            }
                                            runs[runCount - 1].end = Int32(i + 1)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return data.columns.withUnsafeBufferPointer { columns in
            localRows.withUnsafeBufferPointer { localRows in
                slots.withUnsafeBufferPointer { slots in
                    samples.withUnsafeBufferPointer { samples in
                        nodeVectors.withUnsafeBufferPointer { nodeVectors in
                            nodeLabels.withUnsafeBufferPointer { nodeLabels in
                                nodeWeights.withUnsafeBufferPointer { nodeWeights in
                                    nodeRuns.withUnsafeBufferPointer { runs in
                                        body(NodeView(
                                            columns: columns.baseAddress!, sampleCount: data.sampleCount,
                                            localRows: isLocal ? localRows.baseAddress : nil,
                                            localSlots: slots.baseAddress! + range.lowerBound,
                                            featureCount: data.featureCount,
                                            indices: UnsafeBufferPointer(rebasing: samples[range]),
                                            vectors: nodeVectors.baseAddress!, labels: nodeLabels.baseAddress!,
                                            weights: nodeWeights.baseAddress!,
                                            runs: UnsafeBufferPointer(rebasing: runs[0..<runCount]),
                                            unitWeights: unitWeights, tracksSamples: tracksSamples && n > 0,
                                            total: total, scorer: growth.scorer, binning: data))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
