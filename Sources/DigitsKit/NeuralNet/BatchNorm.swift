import Foundation

/// Batch normalisation per channel: x is (N, H, W, C) read as (N·H·W, C); γ and β are (C).
/// Training normalises with the batch's statistics and folds them into running averages;
/// inference uses the running averages, so a prediction never depends on its batch.
final class BatchNormLayer: NetworkLayer {
    let inputShape: Shape
    var outputShape: Shape { inputShape }
    /// Weight of the old running statistics at each training batch (Keras uses 0.99).
    static let momentum: Float = 0.9
    static let epsilon: Float = 1e-5
    private var gamma: UnsafeMutablePointer<Float>!
    private var beta: UnsafeMutablePointer<Float>!
    private var dgamma: UnsafeMutablePointer<Float>!
    private var dbeta: UnsafeMutablePointer<Float>!
    /// Running mean (C) then running variance (C).
    private var running: UnsafeMutablePointer<Float>!
    /// The normalised input x̂ of the last training batch, and 1/σ per channel.
    private let normalised = Workspace<Float>()
    private let inverseDeviation = Workspace<Float>()
    /// The batch mean (C), then backward's three per-channel factors (3·C).
    private let perChannel = Workspace<Float>()

    init(shape: Shape) { inputShape = shape }

    private var channels: Int { inputShape.channels }

    var blocks: [ParameterBlock] {
        [ParameterBlock(name: "gamma", shape: [channels], role: .scale, fanIn: 1, fanOut: 1),
         ParameterBlock(name: "beta", shape: [channels], role: .bias, fanIn: 1, fanOut: 1)]
    }

    var stateCount: Int { 2 * channels }

    func bind(parameters: [UnsafeMutablePointer<Float>], gradients: [UnsafeMutablePointer<Float>],
              state: UnsafeMutablePointer<Float>) {
        (gamma, beta, dgamma, dbeta, running) = (parameters[0], parameters[1], gradients[0], gradients[1], state)
    }

    func reserve(batch: Int) {
        normalised.reserve(batch * inputShape.count)
        inverseDeviation.reserve(channels)
        perChannel.reserve(4 * channels)
    }

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, training: Bool) {
        let rows = batch * inputShape.height * inputShape.width
        let c = channels
        let mean = running!, variance = running + c
        guard training else {
            // Prediction is one multiply-add per value: the square roots and divisions are
            // folded into a scale and a shift per channel once, and the rows split over the cores.
            var scale = [Float](repeating: 0, count: c), shift = [Float](repeating: 0, count: c)
            for j in 0..<c {
                scale[j] = gamma[j] / (variance[j] + Self.epsilon).squareRoot()
                shift[j] = beta[j] - mean[j] * scale[j]
            }
            scale.withUnsafeBufferPointer { scale in
                shift.withUnsafeBufferPointer { shift in
                    parallelRanges(rows, minimumChunk: max(1, 16384 / c)) { range in
                        for r in range {
                            let input = x + r * c, output = y + r * c
                            for j in 0..<c { output[j] = input[j] * scale[j] + shift[j] }
                        }
                    }
                }
            }
            return
        }
        let xhat = normalised.pointer, inverse = inverseDeviation.pointer, batchMean = perChannel.pointer
        let (sums, squares) = Self.channelSums(x, times: x, rows: rows, channels: c, as: Double.self)
        for j in 0..<c {
            let m = sums[j] / Double(rows)
            let v = max(0, squares[j] / Double(rows) - m * m)
            batchMean[j] = Float(m)
            inverse[j] = Float(1 / (v + Double(Self.epsilon)).squareRoot())
            mean[j] = Self.momentum * mean[j] + (1 - Self.momentum) * Float(m)
            // The running variance is unbiased (n − 1), as Keras and PyTorch keep it.
            let unbiased = rows > 1 ? v * Double(rows) / Double(rows - 1) : v
            variance[j] = Self.momentum * variance[j] + (1 - Self.momentum) * Float(unbiased)
        }
        let (g, b) = (gamma!, beta!)
        for r in 0..<rows {
            let input = x + r * c, z = xhat + r * c, output = y + r * c
            for j in 0..<c {
                let v = (input[j] - batchMean[j]) * inverse[j]
                z[j] = v
                output[j] = g[j] * v + b[j]
            }
        }
    }

    /// Σ a and Σ a·b per channel over `rows` rows of `channels` values, summed row after row
    /// in `Sum` (the statistics in Double, the gradients in Float, as before this loop was
    /// vectorised: the same order and type give the same bits, so `make model` still rebuilds
    /// the shipped model). The inner loop runs across a row's contiguous channels.
    private static func channelSums<Sum: BinaryFloatingPoint>(_ a: UnsafePointer<Float>, times b: UnsafePointer<Float>,
                                                              rows: Int, channels c: Int, as _: Sum.Type) -> (sums: [Sum], products: [Sum]) {
        var sums = [Sum](repeating: 0, count: c), products = [Sum](repeating: 0, count: c)
        sums.withUnsafeMutableBufferPointer { sums in
            products.withUnsafeMutableBufferPointer { products in
                for r in 0..<rows {
                    let u = a + r * c, v = b + r * c
                    for j in 0..<c {
                        sums[j] += Sum(u[j])
                        products[j] += Sum(u[j]) * Sum(v[j])
                    }
                }
            }
        }
        return (sums, products)
    }

    func backward(x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
                  dx: UnsafeMutablePointer<Float>?, batch: Int) {
        let rows = batch * inputShape.height * inputShape.width
        let c = channels
        let xhat = normalised.pointer, inverse = inverseDeviation.pointer
        let (sumDy, sumDyXhat) = Self.channelSums(dy, times: xhat, rows: rows, channels: c, as: Float.self)
        for j in 0..<c {
            dbeta[j] = sumDy[j]
            dgamma[j] = sumDyXhat[j]
        }
        guard let dx else { return }
        // dx = γ/σ · (dy − mean(dy) − x̂ · mean(dy · x̂)), in the order it always was (same bits);
        // the factors go to a buffer, which the loop reads without an array's checks, so it vectorises.
        let factors = perChannel.pointer + c
        let scale = factors, meanDy = factors + c, sumProducts = factors + 2 * c
        let m = Float(rows)
        for j in 0..<c {
            scale[j] = gamma[j] * inverse[j]
            meanDy[j] = sumDy[j] / m
            sumProducts[j] = sumDyXhat[j]
        }
        for r in 0..<rows {
            let g = dy + r * c, z = xhat + r * c, out = dx + r * c
            for j in 0..<c { out[j] = scale[j] * (g[j] - meanDy[j] - z[j] * sumProducts[j] / m) }
        }
    }
}
