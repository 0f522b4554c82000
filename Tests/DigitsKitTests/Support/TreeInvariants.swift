import Testing
@testable import DigitsKit

extension TreeEnsemble {
    /// Records an issue for every broken structural promise of fitted trees: children inside
    /// their tree and after their parent, every node reached once, distributions summing to 1,
    /// children splitting their parent's samples, depth and leaf sizes within the limits.
    func checkInvariants(maxDepth: Int? = nil, minSamplesLeaf: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(firstProblem() == nil, sourceLocation: sourceLocation)
        #expect(importances.count == featureCount, sourceLocation: sourceLocation)
        for t in 0..<treeCount {
            let base = Int(treeStarts[t]), size = Int(treeStarts[t + 1]) - base
            var depth = [Int](repeating: -1, count: size)
            depth[0] = 0
            for local in 0..<size {
                let node = base + local
                #expect(depth[local] >= 0, "node \(local) of tree \(t) is never reached", sourceLocation: sourceLocation)
                let total = (0..<Self.classCount).reduce(Float(0)) { $0 + value[node * Self.classCount + $1] }
                #expect(abs(total - 1) < 1e-5, "node \(local) distribution sums to \(total)", sourceLocation: sourceLocation)
                guard left[node] >= 0 else {
                    #expect(Int(samples[node]) >= minSamplesLeaf, sourceLocation: sourceLocation)
                    continue
                }
                let l = Int(left[node]), r = Int(right[node])
                #expect(depth[l] == -1 && depth[r] == -1, "a node has two parents", sourceLocation: sourceLocation)
                depth[l] = depth[local] + 1
                depth[r] = depth[local] + 1
                #expect(samples[base + l] + samples[base + r] == samples[node], sourceLocation: sourceLocation)
                if let maxDepth { #expect(depth[l] <= maxDepth, sourceLocation: sourceLocation) }
            }
        }
    }
}
