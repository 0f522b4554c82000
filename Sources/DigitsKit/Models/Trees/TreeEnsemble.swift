/// Fitted trees as flat arrays, node after node and tree after tree, exactly as they are
/// stored in a model file.
///
/// Nodes are numbered in the order they were grown (parent before children), and children are
/// indices within their own tree, always larger than their parent's: following children can
/// only move forward, so a loaded tree cannot loop (`validate` checks it).
public struct TreeEnsemble: Sendable, Equatable {
    static let classCount = Dataset.classCount

    let featureCount: Int
    /// Where each tree's nodes begin, then the total node count (`trees + 1` entries).
    var treeStarts: [Int32] = [0]
    /// The feature a node compares (`x[feature] <= threshold` goes left); -1 at leaves.
    var feature: [Int32] = []
    var threshold: [Float] = []
    /// Child indices within the tree; -1 at leaves.
    var left: [Int32] = []
    var right: [Int32] = []
    /// Distinct training samples that reached each node.
    var samples: [Int32] = []
    /// Each node's class distribution (weighted training counts, normalised): nodes × 10.
    var value: [Float] = []
    /// Impurity decrease credited to each feature, normalised to sum to 1 (all zero when no
    /// tree split at all), as scikit-learn's `feature_importances_`.
    var importances: [Float]
    /// The nodes as prediction reads them; `finish()` fills it once the arrays are complete.
    private(set) var packed: [PackedNode] = []
    /// The same in 8 bytes for 8-bit input, when the trees allow it.
    private(set) var packedBytes: [ByteNode]?

    init(featureCount: Int) {
        self.featureCount = featureCount
        importances = [Float](repeating: 0, count: featureCount)
    }

    public var treeCount: Int { treeStarts.count - 1 }
    public var nodeCount: Int { feature.count }

    /// The depth of the deepest leaf over all trees (a lone root has depth 0).
    public var maxDepth: Int {
        var deepest = 0
        for t in 0..<treeCount {
            let base = Int(treeStarts[t])
            var depth = [Int](repeating: 0, count: Int(treeStarts[t + 1]) - base)
            // Children come after their parent, so one forward pass sees every parent first.
            for node in depth.indices where left[base + node] >= 0 {
                depth[Int(left[base + node])] = depth[node] + 1
                depth[Int(right[base + node])] = depth[node] + 1
            }
            deepest = max(deepest, depth.max() ?? 0)
        }
        return deepest
    }

    /// Adds a leaf holding `counts` to the last tree; returns its index within that tree.
    mutating func appendLeaf(counts: ClassCounts) -> Int {
        let local = nodeCount - Int(treeStarts[treeCount - 1])
        feature.append(-1)
        threshold.append(0)
        left.append(-1)
        right.append(-1)
        samples.append(Int32(counts.samples))
        // Divided rather than multiplied by a reciprocal, so that a pure leaf holds exactly 1
        // (prediction adds those without reading the row).
        for c in 0..<Self.classCount { value.append(counts[c] / counts.weight) }
        treeStarts[treeCount] = Int32(nodeCount)
        return local
    }

    /// Turns leaf `node` of the last tree into a split.
    mutating func makeSplit(_ node: Int, feature f: Int, threshold t: Float) {
        let index = Int(treeStarts[treeCount - 1]) + node
        feature[index] = Int32(f)
        threshold[index] = t
    }

    mutating func link(parent: Int, child: Int, isLeft: Bool) {
        let index = Int(treeStarts[treeCount - 1]) + parent
        if isLeft { left[index] = Int32(child) } else { right[index] = Int32(child) }
    }

    /// Prepares the finished arrays for prediction.
    mutating func finish() {
        packed = packedNodes()
        packedBytes = byteNodes()
    }

    /// Starts a new, empty tree.
    mutating func beginTree() {
        treeStarts.append(treeStarts[treeCount])
    }

    /// Appends every tree of `other` (same feature count) after these.
    mutating func append(_ other: TreeEnsemble) {
        let offset = treeStarts[treeCount]
        treeStarts += other.treeStarts.dropFirst().map { $0 + offset }
        feature += other.feature
        threshold += other.threshold
        left += other.left
        right += other.right
        samples += other.samples
        value += other.value
    }
}
