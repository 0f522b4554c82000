import Foundation

/// Random distortions of 28×28 training images (pixels scaled to [0, 1]), drawn afresh for
/// every image of every batch: a random affine map (rotation, scale, shear, translation)
/// sampled bilinearly about the image centre, then uniform noise. Image `i` of a batch draws
/// from its own stream, derived from the batch seed and `i` alone, so the result depends on
/// neither the thread nor the replica that distorts it, and needs no state in checkpoints.
struct Augmentation: Sendable {
    /// Largest rotation, in radians.
    var rotation: Float
    /// Largest relative change of size.
    var scale: Float
    /// Largest horizontal shear (x shift per unit of y).
    var shear: Float
    /// Largest shift, in pixels, along each axis.
    var translation: Float
    /// Largest noise added to a pixel.
    var noise: Float

    /// Magnitude 1: ±12°, ±10 % size, ±0.2 shear, ±2 px, ±0.05 noise; everything scales with it.
    init(magnitude: Float) {
        rotation = magnitude * 12 * .pi / 180
        scale = magnitude * 0.1
        shear = magnitude * 0.2
        translation = magnitude * 2
        noise = magnitude * 0.05
    }

    static let side = 28

    /// Distorts `count` images in place; they are images `firstIndex…` of the batch `seed` names.
    func apply(_ images: UnsafeMutablePointer<Float>, count: Int, firstIndex: Int, seed: UInt64) {
        let area = Self.side * Self.side
        parallelRanges(count) { range in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: area) { copy in
                let source = copy.baseAddress!
                for i in range {
                    var random = SplitMix64(seed: seed &+ UInt64(firstIndex + i) &* 0x9E37_79B9_7F4A_7C15)
                    let image = images + i * area
                    source.update(from: image, count: area)
                    distort(source, into: image, random: &random)
                }
            }
        }
    }

    private func distort(_ source: UnsafePointer<Float>, into image: UnsafeMutablePointer<Float>, random: inout SplitMix64) {
        func draw(_ limit: Float) -> Float { limit * (random.nextUnitFloat() * 2 - 1) }
        let angle = draw(rotation), size = 1 + draw(scale), slant = draw(shear)
        let (dx, dy) = (draw(translation), draw(translation))
        // Forward map A = size · R(angle) · [[1, slant], [0, 1]]; each output pixel samples A⁻¹.
        let (c, s) = (cos(angle) * size, sin(angle) * size)
        let (a, b, d, e) = (c, c * slant - s, s, s * slant + c)
        let determinant = a * e - b * d
        let (ia, ib, id, ie) = (e / determinant, -b / determinant, -d / determinant, a / determinant)
        let side = Self.side, centre = Float(side - 1) / 2
        for y in 0..<side {
            for x in 0..<side {
                let (u, v) = (Float(x) - centre - dx, Float(y) - centre - dy)
                let value = Self.bilinear(source, x: ia * u + ib * v + centre, y: id * u + ie * v + centre)
                image[y * side + x] = noise > 0 ? min(1, max(0, value + draw(noise))) : value
            }
        }
    }

    /// The image at a real position, zero outside.
    private static func bilinear(_ image: UnsafePointer<Float>, x: Float, y: Float) -> Float {
        let (x0, y0) = (Int(x.rounded(.down)), Int(y.rounded(.down)))
        let (fx, fy) = (x - Float(x0), y - Float(y0))
        func pixel(_ px: Int, _ py: Int) -> Float {
            px >= 0 && px < side && py >= 0 && py < side ? image[py * side + px] : 0
        }
        let top = pixel(x0, y0) * (1 - fx) + pixel(x0 + 1, y0) * fx
        let bottom = pixel(x0, y0 + 1) * (1 - fx) + pixel(x0 + 1, y0 + 1) * fx
        return top * (1 - fy) + bottom * fy
    }
}
