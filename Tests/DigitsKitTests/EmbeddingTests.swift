import Foundation
import Testing
@testable import DigitsKit

/// Cluster quality of the 2-D maps, measured as the leave-one-out 5-NN accuracy of the digit
/// labels in the embedding.
@Suite struct EmbeddingTests {
    @Test func neighborAccuracySeesSeparateAndMixedClusters() {
        var coordinates: [Float] = []
        for i in 0..<20 { coordinates += [Float(i % 2) * 100 + Float(i) / 100, 0] }
        let separate = Matrix(rows: 20, columns: 2, storage: coordinates)
        #expect(Embedding.neighborAccuracy(separate, labels: (0..<20).map { $0 % 2 }) == 1)
        let line = Matrix(rows: 20, columns: 1, storage: (0..<20).map { Float($0) })
        #expect(Embedding.neighborAccuracy(line, labels: (0..<20).map { $0 % 2 }) < 0.5)
    }

    @Test func quadTreeRepulsionMatchesTheExactSumWhenThetaIsZero() {
        var rng = SplitMix64(seed: 5)
        let xs = (0..<200).map { _ in Double(rng.nextUnitFloat()) * 10 }, ys = (0..<200).map { _ in Double(rng.nextUnitFloat()) * 10 }
        xs.withUnsafeBufferPointer { xb in
            ys.withUnsafeBufferPointer { yb in
                let tree = QuadTree(x: xb, y: yb)
                var stack: [Int32] = []
                for i in [0, 57, 199] {
                    let force = tree.repulsion(point: i, x: xs[i], y: ys[i], thetaSquared: 0, stack: &stack)
                    var fx = 0.0, z = 0.0
                    for j in 0..<200 where j != i {
                        let dx = xs[i] - xs[j], dy = ys[i] - ys[j]
                        let q = 1 / (1 + dx * dx + dy * dy)
                        z += q
                        fx += q * q * dx
                    }
                    #expect(abs(force.z - z) < 1e-9 && abs(force.fx - fx) < 1e-9)
                }
            }
        }
    }

    /// On MNIST (DIGITS_DATA set): 2000 stratified training images. t-SNE keeps digits in
    /// tight clusters (published 2-D maps reach ~0.9–0.95 neighbour accuracy), while two
    /// principal components mix most digits (~0.4–0.5); 0.85 and 0.6 leave room for the
    /// sample without letting a broken optimiser through. Without data: ten synthetic blobs.
    @Test func tsneSeparatesDigitsBetterThanPCA() throws {
        let data: Dataset
        let tsneFloor: Double, pcaCeiling: Double
        if let folder = ProcessInfo.processInfo.environment["DIGITS_DATA"] {
            let train = try MNIST.load(from: URL(fileURLWithPath: folder)).train
            data = train.subset(stratifiedPartition(labels: train.labels, sizes: [2000], seed: 0)[0])
            tsneFloor = 0.85
            pcaCeiling = 0.6
        } else {
            data = try blockDigits(count: 500, seed: 3)
            tsneFloor = 0.95
            pcaCeiling = 1
        }
        var tsne = TSNE()
        if data.count < 1000 { tsne.iterations = 500 }
        let embedded = try Embedding.tsne(data, configuration: tsne)
        let tsneScore = Embedding.neighborAccuracy(embedded, labels: data.intLabels)
        let pcaScore = Embedding.neighborAccuracy(try Embedding.pca(data), labels: data.intLabels)
        #expect(tsneScore >= tsneFloor, "t-SNE 5-NN accuracy \(tsneScore)")
        #expect(pcaScore <= pcaCeiling, "PCA 5-NN accuracy \(pcaScore)")
        let finite = embedded.storage.allSatisfy { $0.isFinite }
        #expect(finite)
        let again = try Embedding.tsne(data, configuration: tsne)
        #expect(again == embedded)
    }
}
