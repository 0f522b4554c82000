extension TreeEnsemble {
    func stateTensors() throws -> [String: Tensor] {
        [
            "tree_starts": try Tensor(treeStarts, shape: [treeStarts.count]),
            "feature": try Tensor(feature, shape: [nodeCount]),
            "threshold": try Tensor(threshold, shape: [nodeCount]),
            "children_left": try Tensor(left, shape: [nodeCount]),
            "children_right": try Tensor(right, shape: [nodeCount]),
            "n_node_samples": try Tensor(samples, shape: [nodeCount]),
            "value": try Tensor(value, shape: [nodeCount, Self.classCount]),
            "feature_importances": try Tensor(importances, shape: [featureCount]),
        ]
    }

    /// Reads trees back, checking every index before prediction can follow it.
    static func restore(state: StoredState, expectedTrees: Int?) throws -> TreeEnsemble {
        let importances = try state.floats("feature_importances", shape: [nil])
        var trees = TreeEnsemble(featureCount: importances.count)
        trees.importances = importances
        trees.treeStarts = try state.tensor("tree_starts", shape: [expectedTrees.map { $0 + 1 }]).int32s()
        trees.feature = try state.tensor("feature", shape: [nil]).int32s()
        let nodes = trees.feature.count
        trees.threshold = try state.floats("threshold", shape: [nodes])
        trees.left = try state.tensor("children_left", shape: [nodes]).int32s()
        trees.right = try state.tensor("children_right", shape: [nodes]).int32s()
        trees.samples = try state.tensor("n_node_samples", shape: [nodes]).int32s()
        trees.value = try state.floats("value", shape: [nodes, classCount])
        if let problem = trees.firstProblem() { throw TreeError.badTree(file: state.file, detail: problem) }
        trees.finish()
        return trees
    }

    /// What makes these arrays unusable as trees, or nil when prediction can follow them safely.
    func firstProblem() -> String? {
        guard treeStarts.count >= 2, treeStarts.first == 0, Int(treeStarts[treeCount]) == nodeCount else {
            return "tree_starts must run from 0 to the node count (\(nodeCount)) over at least one tree"
        }
        guard featureCount > 0, importances.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            return "feature_importances must be finite and non-negative, one per feature"
        }
        for t in 0..<treeCount {
            let start = Int(treeStarts[t]), end = Int(treeStarts[t + 1])
            guard start < end else { return "tree \(t) has no nodes" }
            let size = end - start
            for local in 0..<size {
                let node = start + local
                let l = Int(left[node]), r = Int(right[node]), f = Int(feature[node])
                if l == -1 && r == -1 {
                    guard f == -1 else { return "leaf \(local) of tree \(t) names feature \(f); leaves have feature -1" }
                    continue
                }
                // Children after their parent: following them can never come back (no cycle).
                guard l > local, l < size, r > local, r < size, l != r else {
                    return "node \(local) of tree \(t) has children \(l) and \(r), not later nodes of its tree (\(size) nodes)"
                }
                guard f >= 0, f < featureCount else {
                    return "node \(local) of tree \(t) splits on feature \(f), but the model has \(featureCount) features"
                }
                guard !threshold[node].isNaN else { return "node \(local) of tree \(t) has no threshold" }
            }
        }
        guard value.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 1 }) else {
            return "node class distributions must lie in [0, 1]"
        }
        return nil
    }
}
