import Foundation

/// A separable Gaussian filter over one 28×28 image, zero outside it: the smoothing of the
/// elastic displacement fields and the blur of `Augmentation`. Both passes run over contiguous
/// rows so the compiler vectorises them; a σ = 4 field costs about 40 000 multiply-adds.
struct GaussianFilter {
    let sigma: Float
    /// Taps either side of the centre: 3σ, at most the image size.
    var radius: Int { min(Augmentation.side, max(1, Int((3 * sigma).rounded(.up)))) }

    /// Floats of scratch `smooth` needs: a zero-padded copy, the row-filtered image and the taps.
    static let bufferCount = Augmentation.side * 3 * Augmentation.side + Augmentation.area + 2 * Augmentation.side + 1

    /// Replaces `image` by its blur times `gain`.
    func smooth(_ image: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>, gain: Float) {
        let side = Augmentation.side, r = radius, width = side + 2 * r, taps = 2 * r + 1
        let padded = scratch, rows = scratch + side * width, weights = rows + side * side
        var total: Float = 0
        for k in 0..<taps {
            let offset = Float(k - r)
            weights[k] = exp(-offset * offset / (2 * sigma * sigma))
            total += weights[k]
        }
        for k in 0..<taps { weights[k] /= total }
        padded.initialize(repeating: 0, count: side * width)
        for y in 0..<side { (padded + y * width + r).update(from: image + y * side, count: side) }
        // Along rows: rows[y, x] = Σₖ w[k] · padded[y, x + k].
        rows.initialize(repeating: 0, count: side * side)
        for y in 0..<side {
            let out = rows + y * side, input = padded + y * width
            for k in 0..<taps {
                let w = weights[k], shifted = input + k
                for x in 0..<side { out[x] += w * shifted[x] }
            }
        }
        // Along columns, rows outside the image being zero; the gain rides on the taps.
        for y in 0..<side {
            let out = image + y * side
            out.initialize(repeating: 0, count: side)
            for k in max(0, r - y)..<min(taps, side + r - y) {
                let w = weights[k] * gain, input = rows + (y + k - r) * side
                for x in 0..<side { out[x] += w * input[x] }
            }
        }
    }
}

/// Grey-level dilation and erosion by a 3×3 cross: one step widens (or narrows) a stroke by
/// about a pixel on each side, turning a pencil line into a marker line or back.
enum Morphology {
    /// At most this many whole steps, whatever is asked.
    static let maximumSteps = 3

    /// Dilates `image` (28×28) by `amount` steps, or erodes it when `amount` is negative; the
    /// fraction of a step blends the image with its next step. `scratch` holds 2 × 784 floats.
    static func changeStrokes(_ image: UnsafeMutablePointer<Float>, by amount: Float, scratch: UnsafeMutablePointer<Float>) {
        let area = Augmentation.area, steps = min(maximumSteps, Int(abs(amount))), fraction = abs(amount) - Float(steps)
        let dilate = amount > 0
        let next = scratch
        for _ in 0..<steps {
            step(image, into: next, dilate: dilate)
            image.update(from: next, count: area)
        }
        if fraction > 0, steps < maximumSteps {
            step(image, into: next, dilate: dilate)
            for p in 0..<area { image[p] += fraction * (next[p] - image[p]) }
        }
    }

    /// The maximum (or minimum) of each pixel and its four neighbours, zero outside the image.
    private static func step(_ image: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, dilate: Bool) {
        let side = Augmentation.side
        for y in 0..<side {
            for x in 0..<side {
                let p = y * side + x
                let up = y > 0 ? image[p - side] : 0, down = y < side - 1 ? image[p + side] : 0
                let left = x > 0 ? image[p - 1] : 0, right = x < side - 1 ? image[p + 1] : 0
                out[p] = dilate ? max(image[p], up, down, left, right) : min(image[p], up, down, left, right)
            }
        }
    }
}
