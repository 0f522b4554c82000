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
    func predictionMatchesTheDirectConvolution(_ c: Case) {
        let input = Shape(height: c.height, width: c.width, channels: c.channels)
        let output = Shape(height: c.height + 2 * c.padding - 2, width: c.width + 2 * c.padding - 2, channels: c.filters)
        let layer = ConvolutionLayer(filters: c.filters, kernel: 3, stride: 1, padding: c.padding, activation: c.activation,
                                     input: input, output: output)
        let store = ParameterStore(layers: [layer])
        var random = SplitMix64(seed: UInt64(c.channels * 100 + c.padding))
        for i in 0..<store.count { store.values[i] = random.nextUnitFloat() * 2 - 1 }
        let weights = 9 * c.channels * c.filters
        let w = Array(UnsafeBufferPointer(start: store.values, count: weights))
        let bias = Array(UnsafeBufferPointer(start: store.values + weights, count: c.filters))
        let batch = 3
        let x = (0..<(batch * input.count)).map { _ in random.nextUnitFloat() * 2 - 1 }
        var y = [Float](repeating: .nan, count: batch * output.count)
        layer.reserve(batch: batch)
        x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { layer.forward(x.baseAddress!, $0.baseAddress!, batch: batch, training: false) }
        }
        let expected = Self.reference(x, w, bias: bias, batch: batch, c, output: output)
        let scale = expected.map(abs).max() ?? 1
        #expect(y.allSatisfy { $0.isFinite }, "every output written")
        let worst = zip(y, expected).map { abs(Double($0) - $1) }.max() ?? .nan
        #expect(worst <= 2e-6 * scale, "worst difference \(worst) at output scale \(scale)")
    }
}
