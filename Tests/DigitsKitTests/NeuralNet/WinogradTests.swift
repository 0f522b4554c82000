import Testing
@testable import DigitsKit

/// The Winograd F(2×2, 3×3) convolution against a direct sum in Double: the same outputs to
/// float32 rounding, whatever the padding, the parity of the sizes, and the channel counts.
@Suite struct WinogradTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let height: Int, width: Int, channels: Int, filters: Int, padding: Int
        var activation = Architecture.Activation.linear
        var testDescription: String { "\(height)×\(width)×\(channels) → \(filters), padding \(padding), \(activation)" }
    }

    static let cases = [
        Case(height: 5, width: 4, channels: 2, filters: 3, padding: 1),
        Case(height: 5, width: 4, channels: 2, filters: 3, padding: 0),
        Case(height: 7, width: 9, channels: 3, filters: 5, padding: 1, activation: .relu),
        Case(height: 8, width: 8, channels: 16, filters: 8, padding: 0),
        Case(height: 3, width: 3, channels: 1, filters: 4, padding: 1),
        Case(height: 14, width: 13, channels: 32, filters: 64, padding: 1, activation: .relu),
        Case(height: 6, width: 5, channels: 4, filters: 4, padding: 2),
    ]

    /// The direct convolution of `x` (N, H, W, C) with `w` (3, 3, C, F), in Double.
    static func reference(_ x: [Float], _ w: [Float], bias: [Float], batch: Int, _ c: Case, output: Shape) -> [Double] {
        var y = [Double](repeating: 0, count: batch * output.count)
        for n in 0..<batch {
            for oy in 0..<output.height {
                for ox in 0..<output.width {
                    for f in 0..<c.filters {
                        var sum = Double(bias[f])
                        for ky in 0..<3 {
                            for kx in 0..<3 {
                                let (iy, ix) = (oy - c.padding + ky, ox - c.padding + kx)
                                guard iy >= 0, iy < c.height, ix >= 0, ix < c.width else { continue }
                                for k in 0..<c.channels {
                                    sum += Double(x[((n * c.height + iy) * c.width + ix) * c.channels + k])
                                        * Double(w[((ky * 3 + kx) * c.channels + k) * c.filters + f])
                                }
                            }
                        }
                        y[((n * output.height + oy) * output.width + ox) * c.filters + f]
                            = c.activation == .relu ? max(sum, 0) : sum
                    }
                }
            }
        }
        return y
    }

    @Test(arguments: cases)
    func matchesTheDirectConvolution(_ c: Case) {
        let input = Shape(height: c.height, width: c.width, channels: c.channels)
        let output = Shape(height: c.height + 2 * c.padding - 2, width: c.width + 2 * c.padding - 2, channels: c.filters)
        let winograd = Winograd(input: input, output: output, padding: c.padding)
        var random = SplitMix64(seed: UInt64(c.channels * 100 + c.padding))
        let w = (0..<(9 * c.channels * c.filters)).map { _ in random.nextUnitFloat() * 2 - 1 }
        let bias = (0..<c.filters).map { _ in random.nextUnitFloat() * 2 - 1 }
        let batch = 3
        let x = (0..<(batch * input.count)).map { _ in random.nextUnitFloat() * 2 - 1 }
        var u = [Float](repeating: 0, count: Winograd.positions * c.channels * c.filters)
        var space = [Float](repeating: 0, count: winograd.workspacePerStep)
        var y = [Float](repeating: .nan, count: batch * output.count)
        Winograd.transformFilters(w, into: &u, channels: c.channels, filters: c.filters)
        // Two calls, so that an image's offset in the batch is exercised too.
        for images in [0..<1, 1..<batch] {
            winograd.forward(x, filters: u, bias: bias, activation: c.activation, &y, images: images, workspace: &space)
        }
        let expected = Self.reference(x, w, bias: bias, batch: batch, c, output: output)
        let scale = expected.map(abs).max() ?? 1
        #expect(y.allSatisfy { $0.isFinite }, "every output written")
        let worst = zip(y, expected).map { abs(Double($0) - $1) }.max() ?? .nan
        #expect(worst <= 2e-6 * scale, "worst difference \(worst) at output scale \(scale)")
    }

    /// A layer wide enough to predict through Winograd predicts what its im2col training
    /// pass computes, to float32 rounding.
    @Test(arguments: [0, 1])
    func layerPredictionMatchesItsTrainingPass(padding: Int) {
        let input = Shape(height: 9, width: 8, channels: 16)
        let output = Shape(height: 7 + 2 * padding, width: 6 + 2 * padding, channels: 32)
        let layer = ConvolutionLayer(filters: 32, kernel: 3, stride: 1, padding: padding, activation: .relu, input: input, output: output)
        let store = ParameterStore(layers: [layer])
        var random = SplitMix64(seed: 9)
        for i in 0..<store.count { store.values[i] = random.nextUnitFloat() * 2 - 1 }
        let batch = 5
        let x = (0..<(batch * input.count)).map { _ in random.nextUnitFloat() * 2 - 1 }
        layer.reserve(batch: batch)
        func run(training: Bool) -> [Float] {
            var y = [Float](repeating: .nan, count: batch * output.count)
            layer.forward(x, &y, batch: batch, training: training)
            return y
        }
        let (predicted, trained) = (run(training: false), run(training: true))
        let scale = trained.map(abs).max() ?? 1
        #expect(scale > 1, "the outputs are not all zero")
        #expect(zip(predicted, trained).allSatisfy { abs($0 - $1) <= 2e-6 * scale })
    }
}
