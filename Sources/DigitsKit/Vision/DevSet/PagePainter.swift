import Foundation

/// Turns ink and printed-line layers into a colour picture: paper, ink and line colours,
/// lighting, pencil grain, sensor noise, blur. What a phone camera or a canvas would produce.
struct PagePainter {
    typealias Colour = (r: Float, g: Float, b: Float)

    var paper: Colour = (0.95, 0.94, 0.91)
    var ink: Colour = (0.08, 0.08, 0.1)
    var lineColour: Colour = (0.6, 0.72, 0.88)
    /// Brightness multiplier at (x, y) in 0…1 page coordinates.
    var light: (Float, Float) -> Float = { _, _ in 1 }
    /// 0 for a pen; towards 1 the ink breaks up into graphite grain.
    var grain: Float = 0
    /// Standard deviation of per-pixel sensor noise (0…1 scale).
    var noise: Float = 0
    /// Gaussian blur of the whole picture, in pixels.
    var blurSigma: Float = 0
    /// The table around the sheet, where `paint`'s `sheet` layer is below 1, and its grain
    /// (a brightness multiplier at (x, y) in 0…1 picture coordinates).
    var desk: Colour = (0.3, 0.2, 0.12)
    var deskGrain: (Float, Float) -> Float = { _, _ in 1 }

    /// `sheet`: how much of each pixel the paper covers (1 everywhere when nil); the rest is desk.
    /// Ink on the desk is a pen lying there.
    func paint(ink layer: GrayImage, lines: GrayImage? = nil, sheet: GrayImage? = nil, rng: inout SplitMix64) -> RasterImage {
        let w = layer.width, h = layer.height
        var planes = [GrayImage](repeating: GrayImage(width: w, height: h), count: 3)
        let inkColour = [ink.r, ink.g, ink.b], paperColour = [paper.r, paper.g, paper.b]
        let lineColours = [lineColour.r, lineColour.g, lineColour.b], deskColour = [desk.r, desk.g, desk.b]
        for y in 0..<h {
            for x in 0..<w {
                let i = y * w + x
                var cover = layer.pixels[i]
                if grain > 0, cover > 0 { cover *= 1 - grain * rng.nextUnitFloat() }
                let line = lines?.pixels[i] ?? 0
                let (u, v) = ((Float(x) + 0.5) / Float(w), (Float(y) + 0.5) / Float(h))
                let brightness = light(u, v), paperShare = sheet?.pixels[i] ?? 1
                let table = paperShare < 1 ? deskGrain(u, v) : 1
                for c in 0..<3 {
                    let printed = paperColour[c] * (1 - line) + lineColours[c] * line
                    let ground = printed * paperShare + deskColour[c] * table * (1 - paperShare)
                    planes[c].pixels[i] = brightness * (ground * (1 - cover) + inkColour[c] * cover)
                }
            }
        }
        if blurSigma > 0 { planes = planes.map { $0.blurred(sigma: blurSigma) } }
        var bytes = [UInt8](repeating: 0, count: w * h * 3)
        for i in 0..<(w * h) {
            for c in 0..<3 {
                let value = planes[c].pixels[i] + (noise > 0 ? noise * Self.gaussian(&rng) : 0)
                bytes[i * 3 + c] = UInt8(max(0, min(255, (value * 255).rounded())))
            }
        }
        return RasterImage(checkedWidth: w, height: h, channels: 3, pixels: bytes)
    }

    /// A standard normal draw (Box–Muller).
    static func gaussian(_ rng: inout SplitMix64) -> Float {
        let u = max(1e-7, rng.nextUnitFloat()), v = rng.nextUnitFloat()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    /// Light falling off linearly from 1 to `dimmest` along a random direction.
    static func gradient(dimmest: Float, rng: inout SplitMix64) -> (Float, Float) -> Float {
        let angle = rng.nextUnitFloat() * 2 * .pi
        let (dx, dy) = (cos(angle), sin(angle))
        return { x, y in
            let t = ((x - 0.5) * dx + (y - 0.5) * dy) / 1.42 + 0.5
            return 1 - (1 - dimmest) * max(0, min(1, t))
        }
    }

    /// Wood grain: brightness rippling by up to `strength` across wavy lines along a random
    /// direction (a plain desk when `strength` is 0).
    static func woodGrain(strength: Float, rng: inout SplitMix64) -> (Float, Float) -> Float {
        let angle = rng.nextUnitFloat() * .pi
        let (dx, dy) = (cos(angle), sin(angle))
        let lines = 20 + 60 * rng.nextUnitFloat(), wave = 1 + 4 * rng.nextUnitFloat(), phase = rng.nextUnitFloat() * 2 * .pi
        return { x, y in
            let across = x * dx + y * dy, along = y * dx - x * dy
            return 1 + strength * sin(2 * .pi * lines * across + 2 * sin(2 * .pi * wave * along + phase))
        }
    }

    /// A soft shadow (a hand, a phone) over the part of the page beyond a random line, dimming
    /// it to `depth`, on top of `base` lighting.
    static func shadow(depth: Float, over base: @escaping (Float, Float) -> Float, rng: inout SplitMix64) -> (Float, Float) -> Float {
        let angle = rng.nextUnitFloat() * 2 * .pi
        let (dx, dy) = (cos(angle), sin(angle))
        let offset = rng.nextUnitFloat() * 0.5 - 0.1, softness = 0.03 + 0.1 * rng.nextUnitFloat()
        return { x, y in
            let distance = (x - 0.5) * dx + (y - 0.5) * dy - offset
            let inside = max(0, min(1, distance / softness + 0.5))
            return base(x, y) * (1 - (1 - depth) * inside)
        }
    }
}
