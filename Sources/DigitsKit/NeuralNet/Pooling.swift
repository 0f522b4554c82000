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

    // Both passes run channels innermost: a window cell's C values are contiguous in NHWC, so
    // each comparison or sum sweeps a whole channel run at once.
    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, training: Bool) {
        let (w, c) = (inputShape.width, inputShape.channels)
        let inverseArea = 1 / Float(size * size)
        let winners = winners.pointer
        parallelRanges(batch) { images in
            for n in images {
                let image = x + n * inputShape.count
                let base = n * outputShape.count
                forEachPosition { o, corner in
                    let target = y + base + o
                    if isAverage {
                        target.update(repeating: 0, count: c)
                        for ky in 0..<size {
                            for kx in 0..<size {
                                let cell = image + corner + (ky * w + kx) * c
                                for ch in 0..<c { target[ch] += cell[ch] }
                            }
                        }
                        for ch in 0..<c { target[ch] *= inverseArea }
                    } else {
                        let won = winners + base + o, start = Int32(truncatingIfNeeded: corner)
                        // Without overflow checks, as below, so that this loop vectorises too.
                        for ch in 0..<c {
                            target[ch] = image[corner + ch]
                            won[ch] = start &+ Int32(truncatingIfNeeded: ch)
                        }
                        // The first largest value wins, in (ky, kx) order.
                        for ky in 0..<size {
                            for kx in 0..<size where ky + kx > 0 {
                                let offset = corner + (ky * w + kx) * c
                                // Selects without overflow checks, so the channel loop vectorises
                                // (offsets fit Int32: an image has far fewer values).
                                let cell = image + offset, first = Int32(truncatingIfNeeded: offset)
                                for ch in 0..<c {
                                    let value = cell[ch], better = value > target[ch]
                                    target[ch] = better ? value : target[ch]
                                    won[ch] = better ? first &+ Int32(truncatingIfNeeded: ch) : won[ch]
                                }
                            }
                        }
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
                forEachPosition { o, corner in
                    let source = dy + base + o
                    if isAverage {
                        for ky in 0..<size {
                            for kx in 0..<size {
                                let cell = image + corner + (ky * w + kx) * c
                                for ch in 0..<c { cell[ch] += source[ch] * inverseArea }
                            }
                        }
                    } else {
                        let won = winners + base + o
                        for ch in 0..<c { image[Int(won[ch])] += source[ch] }
                    }
                }
            }
        }
    }

    /// Calls `body(o, corner)` for each output pixel of one image: `o` is the offset of its C
    /// values in the image's output, `corner` the input offset of its window's top-left pixel.
    @inline(__always)
    private func forEachPosition(_ body: (_ o: Int, _ corner: Int) -> Void) {
        let (w, c) = (inputShape.width, inputShape.channels)
        var o = 0
        for oy in 0..<outputShape.height {
            for ox in 0..<outputShape.width {
                body(o, (oy * stride * w + ox * stride) * c)
                o += c
            }
        }
    }
}
