/// A node as prediction walks it: one load gives the feature, the comparison and the next node.
///
/// Leaves point to themselves, so a step from a leaf stays there and several rows walk a tree
/// in lockstep without branching per row. A leaf also names the digit of a pure leaf (class
/// distribution exactly one-hot), which prediction adds without reading the leaf's
/// distribution: in a forest grown to purity those reads are the costliest cache misses.
protocol WalkNode {
    var featureIndex: Int { get }
    /// The node after this one (at `position`) for a row whose feature value is `value`.
    func next(from position: Int32, value: Float) -> Int32
    /// At a leaf: its pure digit, or -1.
    var pureDigit: Int32 { get }
}

/// 16 bytes for any float input. A leaf has threshold −∞ and goes right to itself (inputs are
/// clamped above −∞); its `left` holds the pure digit.
struct PackedNode: Sendable, Equatable, WalkNode {
    var feature: Int32
    var threshold: Float
    /// Child indices within the tree (at a leaf, `left` is its pure digit or -1).
    var left: Int32
    var right: Int32

    var featureIndex: Int { Int(feature) }
    var pureDigit: Int32 { left }

    @inline(__always)
    func next(from position: Int32, value: Float) -> Int32 {
        max(value, -.greatestFiniteMagnitude) <= threshold ? left : right
    }
}

/// 8 bytes for 8-bit input, twice as many nodes per cache line: the threshold rounded down to
/// a whole grey level (`x ≤ t` and `x ≤ ⌊t⌋` agree for whole `x`), and no left child, which
/// always follows its parent (trees are stored depth first, left subtree first). A negative
/// threshold is never met: leaves hold -1, or -2 − digit when pure, and go right to themselves.
struct ByteNode: Sendable, Equatable, WalkNode {
    var feature: UInt16
    var threshold: Int16
    var right: Int32

    var featureIndex: Int { Int(feature) }
    var pureDigit: Int32 { threshold <= -2 ? -2 - Int32(threshold) : -1 }

    @inline(__always)
    func next(from position: Int32, value: Float) -> Int32 {
        value <= Float(threshold) ? position &+ 1 : right
    }
}

extension TreeEnsemble {
    /// The node arrays interleaved for prediction (derived, never stored).
    func packedNodes() -> [PackedNode] {
        nodesForPrediction { index, local in
            feature[index] < 0
                ? PackedNode(feature: 0, threshold: -.infinity, left: pureDigit(leaf: index), right: local)
                : PackedNode(feature: feature[index], threshold: threshold[index], left: left[index], right: right[index])
        }
    }

    /// The nodes in 8 bytes, or nil for trees that do not fit them (too many features, or a
    /// left child stored elsewhere than right after its parent, as no grower here stores it).
    func byteNodes() -> [ByteNode]? {
        guard featureCount <= Int(UInt16.max) else { return nil }
        for t in 0..<treeCount {
            let base = Int(treeStarts[t])
            for index in base..<Int(treeStarts[t + 1]) where feature[index] >= 0 && Int(left[index]) != index - base + 1 {
                return nil
            }
        }
        return nodesForPrediction { index, local in
            if feature[index] < 0 {
                let digit = pureDigit(leaf: index)
                return ByteNode(feature: 0, threshold: Int16(digit >= 0 ? -2 - digit : -1), right: local)
            }
            // A NaN threshold sends every row right, as the float comparison does.
            let t = threshold[index]
            let level: Int16 = t.isNaN ? -1 : Int16(min(255, max(-1, t.rounded(.down))))
            return ByteNode(feature: UInt16(feature[index]), threshold: level, right: right[index])
        }
    }

    private func nodesForPrediction<Node>(_ make: (_ index: Int, _ local: Int32) -> Node) -> [Node] {
        var nodes: [Node] = []
        nodes.reserveCapacity(nodeCount)
        for t in 0..<treeCount {
            let base = Int(treeStarts[t])
            for index in base..<Int(treeStarts[t + 1]) { nodes.append(make(index, Int32(index - base))) }
        }
        return nodes
    }

    /// The digit whose probability is exactly 1 at leaf `index`, or -1.
    private func pureDigit(leaf index: Int) -> Int32 {
        let row = value[index * Self.classCount ..< (index + 1) * Self.classCount]
        guard row.allSatisfy({ $0 == 0 || $0 == 1 }), row.count(where: { $0 == 1 }) == 1,
              let c = row.firstIndex(of: 1) else { return -1 }
        return Int32(c - index * Self.classCount)
    }

    /// The mean of the trees' leaf distributions for each row of `x` (scikit-learn's
    /// `predict_proba`), rows spread over the cores.
    func probabilities(_ x: Matrix) -> Matrix {
        x.storage.withUnsafeBufferPointer { probabilities(.floats($0), columns: x.columns) }
    }

    /// The same for raw grey levels (`columns` per row): a tree compares `x[f] <= threshold`,
    /// so 8-bit pixels need no conversion to a float matrix first, and walk the 8-byte nodes.
    /// Both give the same sums in the same order, so bytes and floats agree bit for bit.
    func probabilities(_ rows: RawRows, columns: Int) -> Matrix {
        switch rows {
        case let .bytes(values):
            if let byteNodes = packedBytes { return probabilities(rows: values, columns: columns, nodes: byteNodes) }
            return probabilities(rows: values, columns: columns, nodes: packed)
        case let .floats(values):
            return probabilities(rows: values, columns: columns, nodes: packed)
        }
    }

    private func probabilities<Value: GreyLevel, Node: WalkNode>(rows x: UnsafeBufferPointer<Value>, columns: Int,
                                                                  nodes: [Node]) -> Matrix {
        let rowCount = columns > 0 ? x.count / columns : 0
        var result = Matrix(rows: rowCount, columns: Self.classCount)
        let classes = Self.classCount, trees = treeCount
        let scale = 1 / Float(trees)
        // Rows go through the trees in blocks, so one tree's nodes serve a whole block from cache,
        // and within a block eight rows walk each tree at once, so their memory loads overlap. A
        // row that reaches its leaf hands its lane to the block's next row: paths differ in
        // length, and lanes walking in lockstep would idle until the longest one ends.
        // Blocks are handed to the cores one at a time, so a core slowed by other work takes fewer.
        let block = 256, lanes = 8
        result.storage.withUnsafeMutableBufferPointer { out in
            treeStarts.withUnsafeBufferPointer { starts in
                nodes.withUnsafeBufferPointer { nodes in
                    value.withUnsafeBufferPointer { value in
                        parallelFor((rowCount + block - 1) / block) { b in
                            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * lanes) { lanesState in
                                // Each lane's row (-1: idle) and its position in the current tree.
                                let row = lanesState.baseAddress!, position = row + lanes
                                let rows = b * block ..< min((b + 1) * block, rowCount)
                                for t in 0..<trees {
                                    let tree = nodes.baseAddress! + Int(starts[t])
                                    var next = rows.lowerBound, active = 0
                                    for l in 0..<lanes {
                                        position[l] = 0
                                        row[l] = next < rows.upperBound ? Int32(next) : -1
                                        if next < rows.upperBound { next += 1; active += 1 }
                                    }
                                    while active > 0 {
                                        for l in 0..<lanes where row[l] >= 0 {
                                            let r = Int(row[l]), at = position[l]
                                            let node = tree[Int(at)]
                                            let step = node.next(from: at, value: x[r * columns + node.featureIndex].floatValue)
                                            if step != at {
                                                position[l] = step
                                                continue
                                            }
                                            let target = out.baseAddress! + r * classes
                                            let pure = node.pureDigit
                                            if pure >= 0 {
                                                // Adding the leaf's row would add exactly this and zeros.
                                                target[Int(pure)] += 1
                                            } else {
                                                let source = value.baseAddress! + (Int(starts[t]) + Int(at)) * classes
                                                for c in 0..<classes { target[c] += source[c] }
                                            }
                                            position[l] = 0
                                            if next < rows.upperBound {
                                                row[l] = Int32(next)
                                                next += 1
                                            } else {
                                                row[l] = -1
                                                active -= 1
                                            }
                                        }
                                    }
                                }
                                for r in rows {
                                    for c in 0..<classes { out[r * classes + c] *= scale }
                                }
                            }
                        }
                    }
                }
            }
        }
        return result
    }
}
