@testable import DigitsKit

/// Compares a layer's backward pass with central finite differences of the scalar
/// L = Σ y·r (r fixed and random), accumulated in Double: dL/dy = r.
struct GradientCheck {
    let layer: any NetworkLayer
    var batch = 2
    /// Run before every forward pass (e.g. to replay the same dropout mask).
    var beforeForward: () -> Void = {}

    /// The largest mismatch |numeric − analytic| / (1 + |analytic|) over the input and every parameter.
    func worstError(seed: UInt64) -> Double {
        let store = ParameterStore(layers: [layer])
        var random = SplitMix64(seed: seed)
        for i in 0..<store.count { store.values[i] = random.nextUnitFloat() * 2 - 1 }
        layer.reserve(batch: batch)
        let inputCount = batch * layer.inputShape.count, outputCount = batch * layer.outputShape.count
        let x = UnsafeMutablePointer<Float>.allocate(capacity: inputCount)
        let y = UnsafeMutablePointer<Float>.allocate(capacity: outputCount)
        let dy = UnsafeMutablePointer<Float>.allocate(capacity: outputCount)
        let dx = UnsafeMutablePointer<Float>.allocate(capacity: inputCount)
        defer { [x, y, dy, dx].forEach { $0.deallocate() } }
        for i in 0..<inputCount { x[i] = random.nextUnitFloat() * 2 - 1 }
        let r = (0..<outputCount).map { _ in Double(random.nextUnitFloat() * 2 - 1) }

        func loss() -> Double {
            beforeForward()
            layer.forward(x, y, batch: batch, training: true)
            return (0..<outputCount).reduce(0) { $0 + Double(y[$1]) * r[$1] }
        }
        _ = loss()
        for i in 0..<outputCount { dy[i] = Float(r[i]) }
        layer.backward(x: x, y: y, dy: dy, dx: dx, batch: batch)
        let analyticInput = (0..<inputCount).map { Double(dx[$0]) }
        let analyticParameters = (0..<store.count).map { Double(store.gradients[$0]) }

        let epsilon: Float = 1e-3
        func numeric(_ value: UnsafeMutablePointer<Float>) -> Double {
            let saved = value.pointee
            value.pointee = saved + epsilon
            let plus = loss()
            value.pointee = saved - epsilon
            let minus = loss()
            value.pointee = saved
            return (plus - minus) / Double(2 * epsilon)
        }
        var worst = 0.0
        for i in 0..<inputCount {
            worst = max(worst, abs(numeric(x + i) - analyticInput[i]) / (1 + abs(analyticInput[i])))
        }
        for i in 0..<store.count {
            worst = max(worst, abs(numeric(store.values + i) - analyticParameters[i]) / (1 + abs(analyticParameters[i])))
        }
        return worst
    }
}
