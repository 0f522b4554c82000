import Foundation
import Testing
@testable import DigitsKit

/// Every layer's backward pass against central finite differences on tiny shapes.
@Suite struct LayerGradientTests {
    static let tolerance = 5e-3

    @Test(arguments: Architecture.Activation.allCases)
    func dense(activation: Architecture.Activation) {
        let layer = DenseLayer(units: 4, activation: activation, input: Shape(height: 2, width: 1, channels: 3))
        #expect(GradientCheck(layer: layer, batch: 3).worstError(seed: 1) < Self.tolerance)
    }

    @Test(arguments: [(1, 0, Architecture.Activation.relu), (2, 1, .linear), (1, 1, .tanh), (2, 0, .sigmoid), (1, 2, .linear)])
    func convolution(stride: Int, padding: Int, activation: Architecture.Activation) {
        let input = Shape(height: 5, width: 4, channels: 2)
        let kernel = 3
        let output = Shape(height: (5 + 2 * padding - kernel) / stride + 1, width: (4 + 2 * padding - kernel) / stride + 1, channels: 3)
        let layer = ConvolutionLayer(filters: 3, kernel: kernel, stride: stride, padding: padding, activation: activation,
                                     input: input, output: output)
        #expect(GradientCheck(layer: layer).worstError(seed: 2) < Self.tolerance)
    }

    @Test(arguments: [(2, 2, false), (3, 2, false), (2, 2, true), (3, 1, true)])
    func pooling(size: Int, stride: Int, average: Bool) {
        let input = Shape(height: 6, width: 5, channels: 2)
        let output = Shape(height: (6 - size) / stride + 1, width: (5 - size) / stride + 1, channels: 2)
        let layer = PoolingLayer(size: size, stride: stride, average: average, input: input, output: output)
        #expect(GradientCheck(layer: layer).worstError(seed: 3) < Self.tolerance)
    }

    @Test func batchNormInTraining() {
        let layer = BatchNormLayer(shape: Shape(height: 2, width: 2, channels: 3))
        #expect(GradientCheck(layer: layer, batch: 3).worstError(seed: 4) < Self.tolerance)
    }

    @Test func dropoutWithAFixedMask() {
        let layer = DropoutLayer(rate: 0.4, shape: Shape(height: 1, width: 1, channels: 12), random: SplitMix64(seed: 5))
        let check = GradientCheck(layer: layer, batch: 2, beforeForward: { layer.random = SplitMix64(seed: 5) })
        #expect(check.worstError(seed: 5) < Self.tolerance)
    }

    @Test(arguments: Architecture.Activation.allCases)
    func standaloneActivation(function: Architecture.Activation) {
        let layer = ActivationLayer(function, shape: Shape(height: 2, width: 2, channels: 2))
        #expect(GradientCheck(layer: layer).worstError(seed: 6) < Self.tolerance)
    }

    @Test(arguments: [Float(0), 0.1])
    func softmaxCrossEntropyGradient(smoothing: Float) {
        var random = SplitMix64(seed: 7)
        let (batch, classes) = (3, 10)
        let logits = (0..<(batch * classes)).map { _ in random.nextUnitFloat() * 4 - 2 }
        let labels: [Int32] = [3, 0, 9]
        func lossAndGradient(_ values: [Float]) -> (loss: Double, gradient: [Float]) {
            var copy = values
            let loss = copy.withUnsafeMutableBufferPointer { p in
                labels.withUnsafeBufferPointer {
                    SoftmaxCrossEntropy.lossAndGradient(p.baseAddress!, labels: $0.baseAddress!, batch: batch, classes: classes,
                                                        smoothing: smoothing).loss
                }
            }
            return (loss, copy)
        }
        // The loss itself: −Σ q log softmax(z), q = (1 − ε)·one-hot + ε/10, averaged over the rows.
        var expected = 0.0
        for n in 0..<batch {
            let row = logits[(n * classes)..<((n + 1) * classes)].map(Double.init)
            let logSum = log(row.map { exp($0) }.reduce(0, +))
            for k in 0..<classes {
                let target = (k == Int(labels[n]) ? 1 - Double(smoothing) : 0) + Double(smoothing) / Double(classes)
                expected -= target * (row[k] - logSum) / Double(batch)
            }
        }
        let (loss, gradient) = lossAndGradient(logits)
        #expect(abs(loss - expected) < 1e-5)
        for i in logits.indices {
            var plus = logits, minus = logits
            plus[i] += 1e-3
            minus[i] -= 1e-3
            let numeric = (lossAndGradient(plus).loss - lossAndGradient(minus).loss) / 2e-3
            #expect(abs(numeric - Double(gradient[i])) < 1e-3, "logit \(i)")
        }
    }

    @Test func softmaxCrossEntropyIsFiniteOnHugeLogits() {
        var logits: [Float] = [1e30, -1e30, 0, 0, 0, 0, 0, 0, 0, 0, -3e38, 3e38, 0, 0, 0, 0, 0, 0, 0, 0]
        let labels: [Int32] = [1, 0]
        let result = logits.withUnsafeMutableBufferPointer { p in
            labels.withUnsafeBufferPointer { SoftmaxCrossEntropy.lossAndGradient(p.baseAddress!, labels: $0.baseAddress!, batch: 2, classes: 10) }
        }
        #expect(result.loss.isFinite)
        #expect(result.loss > 1e29, "a confident wrong answer costs its full margin")
        #expect(logits.allSatisfy { $0.isFinite })
        #expect(abs(logits[0] - 0.5) < 1e-6 && abs(logits[1] + 0.5) < 1e-6, "(p − y) / N")
    }
}
