/// Max or average pooling over NHWC: x is (N, H, W, C), y is (N, OH, OW, C) with
/// OH = (H − P) / S + 1 (floor, as Keras' "valid" pooling).
final class PoolingLayer: NetworkLayer {
    let inputShape: Shape
    let outputShape: Shape
    let size: Int
    let stride: Int
    let isAverage: Bool
    /// For max pooling: the input offset (within its image) that won each output.
    private let winners = Workspace<Int32>()

    init(size: Int, stride: Int, average: Bool, input: Shape, output: Shape) {
        inputShape = input
        outputShape = output
        self.size = size
        self.stride = stride
        isAverage = average
    }

    func reserve(batch: Int) {
        if !isAverage { winners.reserve(batch * outputShape.count) }
    }

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, training: Bool) {
        let (w, c) = (inputShape.width, inputShape.channels)
        let inverseArea = 1 / Float(size * size)
        let winners = winners.pointer
        parallelRanges(batch) { images in
            for n in images {
                let image = x + n * inputShape.count
                let base = n * outputShape.count
                forEachWindow { o, corner in
                    if isAverage {
                        var total: Float = 0
                        for ky in 0..<size { for kx in 0..<size { total += image[corner + (ky * w + kx) * c] } }
                        y[base + o] = total * inverseArea
                    } else {
                        var best = corner
                        for ky in 0..<size {
                            for kx in 0..<size where image[corner + (ky * w + kx) * c] > image[best] {
                                best = corner + (ky * w + kx) * c
                            }
                        }
                        y[base + o] = image[best]
                        winners[base + o] = Int32(best)
                    }
                }
            }
        }
    }

    func backward(x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
                  dx: UnsafeMutablePointer<Float>?, batch: Int) {
        guard let dx else { return }
        let (w, c) = (inputShape.width, inputShape.channels)
        let inverseArea = 1 / Float(size * size)
        let winners = winners.pointer
        parallelRanges(batch) { images in
            for n in images {
                let image = dx + n * inputShape.count
                image.update(repeating: 0, count: inputShape.count)
                let base = n * outputShape.count
                forEachWindow { o, corner in
                    if isAverage {
                        let share = dy[base + o] * inverseArea
                        for ky in 0..<size { for kx in 0..<size { image[corner + (ky * w + kx) * c] += share } }
                    } else {
                        image[Int(winners[base + o])] += dy[base + o]
                    }
                }
            }
        }
    }

    /// Calls `body(o, corner)` for each output value of one image: `o` is its offset in the
    /// image's output, `corner` the input offset of its window's top-left value (same channel).
    @inline(__always)
    private func forEachWindow(_ body: (_ o: Int, _ corner: Int) -> Void) {
        let (w, c) = (inputShape.width, inputShape.channels)
        var o = 0
        for oy in 0..<outputShape.height {
            for ox in 0..<outputShape.width {
                let corner = (oy * stride * w + ox * stride) * c
                for ch in 0..<c {
                    body(o, corner + ch)
                    o += 1
                }
            }
        }
    }
}
