import Foundation

/// Element-wise activations, applied in place; conv and dense layers fuse them with the bias.
extension Architecture.Activation {
    func apply(_ y: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .linear: return
        case .relu: for i in 0..<count { y[i] = max(y[i], 0) }  // branch-free, so it vectorises
        case .tanh: for i in 0..<count { y[i] = Foundation.tanh(y[i]) }
        case .sigmoid: for i in 0..<count { y[i] = 1 / (1 + exp(-y[i])) }
        }
    }

    /// Turns `dy` (gradient at the activation's output `y`) into the gradient at its input,
    /// in place, from the output alone: relu' = [y > 0], tanh' = 1 − y², σ' = y(1 − y).
    func backward(y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .linear: return
        case .relu: for i in 0..<count { dy[i] = y[i] > 0 ? dy[i] : 0 }
        case .tanh: for i in 0..<count { dy[i] *= 1 - y[i] * y[i] }
        case .sigmoid: for i in 0..<count { dy[i] *= y[i] * (1 - y[i]) }
        }
    }

    /// `y[r, c] = act(y[r, c] + bias[c])` for a (rows, columns) block: one pass over memory.
    func addBiasAndApply(_ y: UnsafeMutablePointer<Float>, rows: Int, columns: Int, bias: UnsafePointer<Float>) {
        parallelRanges(rows, minimumChunk: 256) { range in
            for r in range {
                let row = y + r * columns
                for c in 0..<columns { row[c] += bias[c] }
                apply(row, count: columns)
            }
        }
    }
}

/// A stand-alone activation layer (e.g. after batch norm).
final class ActivationLayer: NetworkLayer {
    let inputShape: Shape
    var outputShape: Shape { inputShape }
    let function: Architecture.Activation

    init(_ function: Architecture.Activation, shape: Shape) {
        self.function = function
        inputShape = shape
    }

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, training: Bool) {
        let count = batch * inputShape.count
        y.update(from: x, count: count)
        function.apply(y, count: count)
    }

    func backward(x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
                  dx: UnsafeMutablePointer<Float>?, batch: Int) {
        guard let dx else { return }
        let count = batch * inputShape.count
        function.backward(y: y, dy: dy, count: count)
        dx.update(from: dy, count: count)
    }
}

/// Σ over rows of a (rows, columns) block, per column: the bias gradient.
func columnSums(_ values: UnsafePointer<Float>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Float>) {
    sums.initialize(repeating: 0, count: columns)
    for r in 0..<rows {
        let row = values + r * columns
        for c in 0..<columns { sums[c] += row[c] }
    }
}
