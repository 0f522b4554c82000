/// A node as prediction reads it: everything one step needs in 16 bytes, one load.
///
/// A leaf points to itself through both children with an infinite threshold, so a step from
/// a leaf stays there and several rows can walk a tree in lockstep without branching per row.
struct PackedNode: Sendable, Equatable {
    var feature: Int32
    var threshold: Float
    /// Child indices within the tree.
    var left: Int32
    var right: Int32
}

extension TreeEnsemble {
    /// The node arrays interleaved for prediction (derived, never stored).
    func packedNodes() -> [PackedNode] {
        var nodes: [PackedNode] = []
        nodes.reserveCapacity(nodeCount)
        for t in 0..<treeCount {
            let base = Int(treeStarts[t])
            for index in base..<Int(treeStarts[t + 1]) {
                let local = Int32(index - base)
                nodes.append(feature[index] < 0
                    ? PackedNode(feature: 0, threshold: .infinity, left: local, right: local)
                    : PackedNode(feature: feature[index], threshold: threshold[index], left: left[index], right: right[index]))
            }
        }
        return nodes
    }

    /// The mean of the trees' leaf distributions for each row of `x` (scikit-learn's
    /// `predict_proba`), rows spread over the cores.
    func probabilities(_ x: Matrix) -> Matrix {
        x.storage.withUnsafeBufferPointer { probabilities(rows: $0, columns: x.columns) }
    }

    /// The same for raw grey levels (`columns` per row): a tree compares `x[f] <= threshold`,
    /// so 8-bit pixels need no conversion to a float matrix first.
    func probabilities(_ rows: RawRows, columns: Int) -> Matrix {
        switch rows {
        case let .bytes(values): return probabilities(rows: values, columns: columns)
        case let .floats(values): return probabilities(rows: values, columns: columns)
        }
    }

    private func probabilities<Value: GreyLevel>(rows x: UnsafeBufferPointer<Value>, columns: Int) -> Matrix {
        let rowCount = columns > 0 ? x.count / columns : 0
        var result = Matrix(rows: rowCount, columns: Self.classCount)
        let classes = Self.classCount, trees = treeCount
        let scale = 1 / Float(trees)
        // Rows go through the trees in blocks, so one tree's nodes serve a whole block from cache,
        // and within a block eight rows walk each tree together, so their memory loads overlap.
        let block = 64, lanes = 8
        let leftOffset = MemoryLayout<PackedNode>.offset(of: \PackedNode.left) ?? 8
        let rightOffset = MemoryLayout<PackedNode>.offset(of: \PackedNode.right) ?? 12
        do {
            result.storage.withUnsafeMutableBufferPointer { out in
                treeStarts.withUnsafeBufferPointer { starts in
                    packed.withUnsafeBufferPointer { nodes in
                        value.withUnsafeBufferPointer { value in
                            parallelRanges((rowCount + block - 1) / block) { blocks in
                                var position = [Int32](repeating: 0, count: lanes)
                                for b in blocks {
                                    let rows = b * block ..< min((b + 1) * block, rowCount)
                                    for t in 0..<trees {
                                        let tree = nodes.baseAddress! + Int(starts[t])
                                        for first in stride(from: rows.lowerBound, to: rows.upperBound, by: lanes) {
                                            let count = min(lanes, rows.upperBound - first)
                                            for l in 0..<count { position[l] = 0 }
                                            var moved = true
                                            while moved {
                                                moved = false
                                                for l in 0..<count {
                                                    let address = UnsafeRawPointer(tree + Int(position[l]))
                                                    let node = address.load(as: PackedNode.self)
                                                    let value = x[(first + l) * columns + Int(node.feature)].floatValue
                                                    // The child is loaded at an offset picked by the comparison
                                                    // rather than through a branch: the comparison is a coin toss.
                                                    let offset = value <= node.threshold ? leftOffset : rightOffset
                                                    let next = address.load(fromByteOffset: offset, as: Int32.self)
                                                    moved = moved || next != position[l]
                                                    position[l] = next
                                                }
                                            }
                                            for l in 0..<count {
                                                let target = out.baseAddress! + (first + l) * classes
                                                let source = value.baseAddress! + (Int(starts[t]) + Int(position[l])) * classes
                                                for c in 0..<classes { target[c] += source[c] }
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
        }
        return result
    }
}
