import CBLAS
import Foundation

/// What an optimiser carries between steps, over the whole parameter store.
struct OptimizerState: Equatable {
    var step: Int
    /// SGD's velocity or Adam's first moment (empty for plain SGD).
    var first: [Float]
    /// Adam's second moment (empty for SGD).
    var second: [Float]
}

/// One update rule over every parameter at once (the store is one allocation).
protocol Optimizer: Sendable {
    func newState(count: Int) -> OptimizerState
    /// Moves `values` against `gradients`; the first `decayedCount` values are weights.
    func apply(values: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>, count: Int,
               decayedCount: Int, state: inout OptimizerState, learningRate: Float)
}

/// SGD with optional (Nesterov) momentum and L2 weight decay added to the gradient:
/// v ← μ·v − η·g; w ← w + v (Nesterov: w ← w + μ·v − η·g), Keras' formulation.
struct SGD: Optimizer {
    var momentum: Float
    var nesterov: Bool
    var weightDecay: Float

    func newState(count: Int) -> OptimizerState {
        OptimizerState(step: 0, first: momentum > 0 ? [Float](repeating: 0, count: count) : [], second: [])
    }

    func apply(values: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>, count: Int,
               decayedCount: Int, state: inout OptimizerState, learningRate: Float) {
        if weightDecay > 0 { cblas_saxpy(Int32(decayedCount), weightDecay, values, 1, gradients, 1) }
        state.step += 1
        guard momentum > 0 else {
            cblas_saxpy(Int32(count), -learningRate, gradients, 1, values, 1)
            return
        }
        let (mu, eta, nesterov) = (momentum, learningRate, nesterov)
        state.first.withUnsafeMutableBufferPointer { velocity in
            for i in 0..<count {
                let v = mu * velocity[i] - eta * gradients[i]
                velocity[i] = v
                values[i] += nesterov ? mu * v - eta * gradients[i] : v
            }
        }
    }
}

/// Adam (Kingma & Ba) with bias correction. `decoupled` makes it AdamW: the decay shrinks the
/// weights directly instead of joining the gradient (where Adam's scaling would weaken it).
struct Adam: Optimizer {
    var beta1: Float = 0.9
    var beta2: Float = 0.999
    var epsilon: Float = 1e-8
    var weightDecay: Float
    var decoupled: Bool

    func newState(count: Int) -> OptimizerState {
        OptimizerState(step: 0, first: [Float](repeating: 0, count: count), second: [Float](repeating: 0, count: count))
    }

    func apply(values: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>, count: Int,
               decayedCount: Int, state: inout OptimizerState, learningRate: Float) {
        if weightDecay > 0 {
            if decoupled {
                cblas_sscal(Int32(decayedCount), 1 - learningRate * weightDecay, values, 1)
            } else {
                cblas_saxpy(Int32(decayedCount), weightDecay, values, 1, gradients, 1)
            }
        }
        state.step += 1
        let t = Float(state.step)
        let stepSize = learningRate * (1 - pow(beta2, t)).squareRoot() / (1 - pow(beta1, t))
        let (b1, b2, eps) = (beta1, beta2, epsilon)
        state.first.withUnsafeMutableBufferPointer { m in
            state.second.withUnsafeMutableBufferPointer { v in
                for i in 0..<count {
                    let g = gradients[i]
                    m[i] = b1 * m[i] + (1 - b1) * g
                    v[i] = b2 * v[i] + (1 - b2) * g * g
                    values[i] -= stepSize * m[i] / (v[i].squareRoot() + eps)
                }
            }
        }
    }
}
