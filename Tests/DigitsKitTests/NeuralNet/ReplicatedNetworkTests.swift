import Testing
@testable import DigitsKit

@Suite struct ReplicatedNetworkTests {
    /// Replicas splitting a batch must produce the gradient one network computes on it whole.
    @Test(arguments: [2, 3])
    func replicasGiveTheWholeBatchGradient(count: Int) throws {
        let architecture = try Architecture(parsing: "conv4k3,pool2,dense8,dense10")
        let (x, labels) = try NeuralNetworkTests.data(7, seed: 3)
        let single = try Network(architecture)
        let replicated = try ReplicatedNetwork(architecture, dropoutSeed: 0, count: count)
        #expect(replicated.count == count)
        var random = SplitMix64(seed: 4)
        for i in 0..<single.store.count {
            single.store.values[i] = random.nextUnitFloat() - 0.5
            replicated.primary.store.values[i] = single.store.values[i]
        }
        let rows = Array(0..<7)[...]
        let (whole, split) = x.storage.withUnsafeBufferPointer { pixels in
            let batch = single.loadBatch(pixels.baseAddress!, rows: rows, labels: labels)
            return (single.trainStep(batch: batch),
                    replicated.trainStep(pixels.baseAddress!, rows: rows, labels: labels))
        }
        #expect(abs(whole.loss - split.loss) < 1e-5)
        #expect(whole.correct == split.correct)
        var worst: Float = 0, largest: Float = 0
        for i in 0..<single.store.count {
            worst = max(worst, abs(single.store.gradients[i] - replicated.primary.store.gradients[i]))
            largest = max(largest, abs(single.store.gradients[i]))
        }
        #expect(largest > 1e-3, "a vanishing gradient would make the comparison empty")
        #expect(worst < 1e-5 * max(1, largest))
    }
}
