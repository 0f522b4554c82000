import Foundation

/// Random distortions of 28×28 training images (pixels scaled to [0, 1]), drawn afresh for
/// every image of every batch. In order of application: a handwriting style drawn onto some 0s,
/// 1s and 7s (`HandwritingStyle`, when the labels are given) or else, for some digits, the digit
/// redrawn in seven-segment style (`SegmentStyle`, likewise), a stroke-thickness change (grey-level
/// dilation or erosion, thin pencil to thick marker), gaps cut across strokes (`PenLift`), a
/// random affine map (rotation, scale, shear, translation) plus an elastic displacement field
/// (Simard et al. 2003), sampled bilinearly about the image centre in one pass, a Gaussian blur,
/// then uniform noise. Image `i` of a batch draws from its own stream, derived from the batch
/// seed and `i` alone, so the result depends on neither the thread nor the replica that
/// distorts it, and needs no state in checkpoints. A distortion whose strength is zero draws
/// nothing, so adding one never changes what the others do.
struct Augmentation: Sendable, Equatable {
    /// Largest rotation, in radians.
    var rotation: Float = 0
    /// Largest relative change of size.
    var scale: Float = 0
    /// Largest horizontal shear (x shift per unit of y).
    var shear: Float = 0
    /// Largest shift, in pixels, along each axis.
    var translation: Float = 0
    /// Largest noise added to a pixel.
    var noise: Float = 0
    /// Elastic strength α: a field of uniform [-1, 1] displacements smoothed by a Gaussian of
    /// `elasticSigma` pixels, times α (Simard's α = 34, σ = 4 moves pixels by about 1.4 px).
    var elasticAlpha: Float = 0
    var elasticSigma: Float = 4
    /// Stroke-width change drawn uniformly from this range, in dilation steps of about one
    /// pixel (negative: erosion); fractions blend with the next step.
    var thickness: ClosedRange<Float> = 0...0
    /// Gaussian blur σ, in pixels, drawn uniformly from this range.
    var blur: ClosedRange<Float> = 0...0
    /// Probability that a 1 gets a flag, a 7 a crossbar and a 0 a slash (`HandwritingStyle`).
    var style: Float = 0
    /// Probability that a digit other than 1, not restyled, is redrawn in seven-segment style
    /// (`SegmentStyle`).
    var segments: Float = 0
    /// Probability that a digit gets a gap cut across its strokes (`PenLift`).
    var gaps: Float = 0

    init() {}

    /// Magnitude 1: ±12°, ±10 % size, ±0.2 shear, ±2 px, ±0.05 noise; everything scales with it.
    init(magnitude: Float) {
        rotation = magnitude * 12 * .pi / 180
        scale = magnitude * 0.1
        shear = magnitude * 0.2
        translation = magnitude * 2
        noise = magnitude * 0.05
    }

    /// Whether `apply` changes anything.
    var isIdentity: Bool {
        rotation == 0 && scale == 0 && shear == 0 && translation == 0 && noise == 0 && elasticAlpha == 0
            && thickness == 0...0 && blur == 0...0 && style == 0 && segments == 0
            && gaps == 0
    }

    static let side = 28
    static let area = side * side
    /// Scratch floats one image needs: a copy, two displacement fields, and filter buffers.
    static let scratchCount = 3 * area + GaussianFilter.bufferCount

    /// Distorts `count` images in place; they are images `firstIndex…` of the batch `seed` names.
    /// `labels` (one per image) let the styles reach the digits they are for; without them they are skipped.
    func apply(_ images: UnsafeMutablePointer<Float>, count: Int, firstIndex: Int, seed: UInt64,
               labels: UnsafePointer<Int32>? = nil) {
        if isIdentity { return }
        parallelRanges(count) { range in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: Self.scratchCount) { scratch in
                let scratch = scratch.baseAddress!
                for i in range {
                    var random = SplitMix64(seed: seed &+ UInt64(firstIndex + i) &* 0x9E37_79B9_7F4A_7C15)
                    distort(images + i * Self.area, label: labels?[i], scratch: scratch, random: &random)
                }
            }
        }
    }

    private func distort(_ image: UnsafeMutablePointer<Float>, label: Int32?, scratch: UnsafeMutablePointer<Float>, random: inout SplitMix64) {
        func draw(_ limit: Float) -> Float { limit * (random.nextUnitFloat() * 2 - 1) }
        func draw(_ range: ClosedRange<Float>) -> Float {
            random.uniform(range.lowerBound, range.upperBound)
        }
        let area = Self.area
        let source = scratch, fieldX = scratch + area, fieldY = scratch + 2 * area
        let filterScratch = scratch + 3 * area
        // The draws come in a fixed order whatever is applied first, and only for enabled
        // distortions: the affine-only stream stays the one older model files were trained with.
        let angle = draw(rotation), size = 1 + draw(scale), slant = draw(shear)
        let (dx, dy) = (draw(translation), draw(translation))
        let elastic = elasticAlpha > 0
        if elastic {
            for field in [fieldX, fieldY] {
                for p in 0..<area { field[p] = random.nextUnitFloat() * 2 - 1 }
                GaussianFilter(sigma: elasticSigma).smooth(field, scratch: filterScratch, gain: elasticAlpha)
            }
        }
        let strokeChange = thickness == 0...0 ? 0 : draw(thickness)
        let blurSigma = blur == 0...0 ? 0 : draw(blur)

        source.update(from: image, count: area)
        // Drawn first, so the affine map, the warp and the pen change bend the new stroke with the digit.
        // The segment draw comes after the style's, so the style streams stay those of models
        // trained before the segments existed.
        if style > 0, let label, HandwritingStyle.applies(to: label), random.nextUnitFloat() < style {
            HandwritingStyle.restyle(source, label: label, random: &random)
        } else if segments > 0, let label, SegmentStyle.applies(to: label), random.nextUnitFloat() < segments {
            SegmentStyle.redraw(source, label: label, random: &random)
        }
        if strokeChange != 0 { Morphology.changeStrokes(source, by: strokeChange, scratch: filterScratch) }
        // Cut after the pen change, so a thicker pen does not close the gap, and before the
        // resampling, so the gap bends with the digit. Its draws come last but for the noise's.
        if gaps > 0, random.nextUnitFloat() < gaps { PenLift.cut(source, random: &random) }
        resample(source, into: image, angle: angle, size: size, slant: slant, shift: (dx, dy),
                 field: elastic ? (fieldX, fieldY) : nil)
        if blurSigma > 0 { GaussianFilter(sigma: blurSigma).smooth(image, scratch: filterScratch, gain: 1) }
        if noise > 0 {
            for p in 0..<area { image[p] = min(1, max(0, image[p] + draw(noise))) }
        }
    }

    /// Each output pixel samples the source at A⁻¹(pixel − shift) + displacement, where
    /// A = size · R(angle) · [[1, slant], [0, 1]] about the centre.
    private func resample(_ source: UnsafePointer<Float>, into image: UnsafeMutablePointer<Float>, angle: Float, size: Float,
                          slant: Float, shift: (Float, Float),
                          field: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>)?) {
        let (c, s) = (cos(angle) * size, sin(angle) * size)
        let (a, b, d, e) = (c, c * slant - s, s, s * slant + c)
        let determinant = a * e - b * d
        let (ia, ib, id, ie) = (e / determinant, -b / determinant, -d / determinant, a / determinant)
        let side = Self.side, centre = Float(side - 1) / 2
        for y in 0..<side {
            for x in 0..<side {
                let p = y * side + x
                let (u, v) = (Float(x) - centre - shift.0, Float(y) - centre - shift.1)
                var (sx, sy) = (ia * u + ib * v + centre, id * u + ie * v + centre)
                if let field {
                    sx += field.0[p]
                    sy += field.1[p]
                }
                image[p] = Self.bilinear(source, x: sx, y: sy)
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
