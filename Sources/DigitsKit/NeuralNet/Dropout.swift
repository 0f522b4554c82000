/// Inverted dropout: in training each value is zeroed with probability `rate` and the rest
/// scaled by 1 / (1 − rate), so inference is the identity. Masks come from the layer's own
/// seeded stream, which checkpoints save and restore.
final class DropoutLayer: NetworkLayer {
    let inputShape: Shape
    var outputShape: Shape { inputShape }
    let rate: Float
    var random: SplitMix64
    /// 0 or 1 / (1 − rate) per value of the last training batch.
    private let mask = Workspace<Float>()

    init(rate: Float, shape: Shape, random: SplitMix64) {
        self.rate = rate
        inputShape = shape
        self.random = random
    }

    func reserve(batch: Int) { mask.reserve(batch * inputShape.count) }

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, training: Bool) {
        let count = batch * inputShape.count
        guard training, rate > 0 else {
            y.update(from: x, count: count)
            return
        }
        let keep = 1 / (1 - rate)
        let mask = mask.pointer
        for i in 0..<count {
            mask[i] = random.nextUnitFloat() < rate ? 0 : keep
            y[i] = x[i] * mask[i]
        }
    }

    func backward(x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
                  dx: UnsafeMutablePointer<Float>?, batch: Int) {
        guard let dx else { return }
        let count = batch * inputShape.count
        if rate > 0 {
            for i in 0..<count { dx[i] = dy[i] * mask.pointer[i] }
        } else {
            dx.update(from: dy, count: count)
        }
    }
}
