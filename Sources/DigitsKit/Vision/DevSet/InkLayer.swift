import Foundation

/// Drawing on ink layers (a `GrayImage` where 0 is no ink and 1 full ink): pen strokes,
/// enlarged MNIST digits, placement on a page. Only the development-set generator draws.
extension GrayImage {
    /// Draws `strokes` (unit-square coordinates) into the `size`×`size` square at `origin` with
    /// a round pen of `penRadius` pixels and one pixel of anti-aliasing; ink only ever grows.
    mutating func draw(_ strokes: [StrokeGlyphs.Stroke], origin: (x: Float, y: Float), size: Float, penRadius: Float) {
        let w = width, h = height
        pixels.withUnsafeMutableBufferPointer { ink in
            for stroke in strokes {
                let points = stroke.map { (x: origin.x + $0.x * size, y: origin.y + $0.y * size) }
                for (a, b) in zip(points, points.dropFirst().isEmpty ? points[...] : points.dropFirst()) {
                    let reach = penRadius + 1
                    let x0 = max(0, Int((min(a.x, b.x) - reach).rounded(.down)))
                    let x1 = min(w - 1, Int((max(a.x, b.x) + reach).rounded(.up)))
                    let y0 = max(0, Int((min(a.y, b.y) - reach).rounded(.down)))
                    let y1 = min(h - 1, Int((max(a.y, b.y) + reach).rounded(.up)))
                    guard x0 <= x1, y0 <= y1 else { continue }
                    let (dx, dy) = (b.x - a.x, b.y - a.y)
                    let length2 = max(1e-6, dx * dx + dy * dy)
                    for y in y0...y1 {
                        let py = Float(y) + 0.5
                        for x in x0...x1 {
                            let px = Float(x) + 0.5
                            let t = max(0, min(1, ((px - a.x) * dx + (py - a.y) * dy) / length2))
                            let (ex, ey) = (px - a.x - t * dx, py - a.y - t * dy)
                            let cover = max(0, min(1, penRadius - (ex * ex + ey * ey).squareRoot() + 0.5))
                            ink[y * w + x] = max(ink[y * w + x], cover)
                        }
                    }
                }
            }
        }
    }

    /// A pen, a quarter to a half of the picture's short side long, lying on the desk from a
    /// point off the sheet: drawn where `sheet` (the paper's cover) leaves desk, as if it lay
    /// partly under the sheet.
    mutating func addPen(besideSheet sheet: GrayImage, rng: inout SplitMix64) {
        let size = Float(max(width, height))
        let length = Float(min(width, height)) * rng.uniform(0.25, 0.45) / size, angle = rng.uniform(0, .pi)
        // One end on the desk (the last of a few tries, if the sheet covers them all).
        var start = (x: Float(0), y: Float(0))
        for _ in 0..<20 {
            start = (rng.uniform(0, Float(width)), rng.uniform(0, Float(height)))
            if sheet[min(width - 1, Int(start.x)), min(height - 1, Int(start.y))] < 0.5 { break }
        }
        start = (start.x / size, start.y / size)
        let stroke = [(x: start.x, y: start.y), (x: start.x + length * cos(angle), y: start.y + length * sin(angle))]
        var pen = GrayImage(width: width, height: height)
        pen.draw([stroke], origin: (0, 0), size: size, penRadius: size * rng.uniform(0.004, 0.008))
        for i in pixels.indices { pixels[i] = max(pixels[i], pen.pixels[i] * (1 - sheet.pixels[i])) }
    }

    /// Puts `glyph` onto this layer with its top-left corner at (x, y), keeping the darker ink
    /// where they overlap; whatever falls outside is cut off, as a photo's frame cuts it.
    mutating func stamp(_ glyph: GrayImage, x: Int, y: Int) {
        for gy in 0..<glyph.height where y + gy >= 0 && y + gy < height {
            for gx in 0..<glyph.width where x + gx >= 0 && x + gx < width {
                let i = (y + gy) * width + x + gx
                pixels[i] = max(pixels[i], glyph.pixels[gy * glyph.width + gx])
            }
        }
    }

    /// An MNIST digit (28×28 bytes, ink 255) enlarged smoothly so that its ink is `height`
    /// pixels tall. The enlarged grey levels are a smooth field: cutting it at `level` (0.5 keeps
    /// MNIST's own stroke width, higher thins, lower thickens) with a soft one-pixel edge turns
    /// it into the stroke of a pen, not into blocky pixel art.
    static func mnistGlyph(_ digit: ArraySlice<UInt8>, height: Int, level: Float) -> GrayImage {
        let source = Array(digit)
        var minX = 28, minY = 28, maxX = -1, maxY = -1
        for y in 0..<28 {
            for x in 0..<28 where source.count == 784 && source[y * 28 + x] > 40 {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        guard maxX >= 0 else { return GrayImage(width: 1, height: 1) }
        // One source pixel of paper around the ink so the interpolation has somewhere to fade.
        minX = max(0, minX - 1); minY = max(0, minY - 1); maxX = min(27, maxX + 1); maxY = min(27, maxY + 1)
        let crop = GrayImage(checkedWidth: maxX - minX + 1, height: maxY - minY + 1,
                             pixels: (minY...maxY).flatMap { y in (minX...maxX).map { Float(source[y * 28 + $0]) / 255 } })
        let scale = Float(height) / Float(crop.height)
        let enlarged = crop.bicubic(width: max(1, Int(Float(crop.width) * scale)), height: max(1, height))
        // The field rises from 0 to 1 over about one source pixel, `scale` target pixels.
        let softness = max(0.02, 1.2 / scale)
        return GrayImage(checkedWidth: enlarged.width, height: enlarged.height,
                         pixels: enlarged.pixels.map { max(0, min(1, ($0 - level) / softness + 0.5)) })
    }

    /// Catmull–Rom bicubic resampling, separable; for enlarging small glyphs smoothly.
    func bicubic(width newWidth: Int, height newHeight: Int) -> GrayImage {
        func kernel(_ t: Float) -> Float {
            let a = abs(t)
            if a < 1 { return 1.5 * a * a * a - 2.5 * a * a + 1 }
            if a < 2 { return -0.5 * a * a * a + 2.5 * a * a - 4 * a + 2 }
            return 0
        }
        func pass(_ image: GrayImage, count: Int, alongRows: Bool) -> GrayImage {
            let length = alongRows ? image.width : image.height
            let (w, h) = alongRows ? (count, image.height) : (image.width, count)
            var out = GrayImage(width: w, height: h)
            let scale = Float(length) / Float(count)
            for j in 0..<count {
                let centre = (Float(j) + 0.5) * scale - 0.5
                let base = Int(centre.rounded(.down))
                let taps = (base - 1...base + 2).map { (max(0, min(length - 1, $0)), kernel(centre - Float($0))) }
                for k in 0..<(alongRows ? h : w) {
                    var sum: Float = 0
                    for (i, weight) in taps { sum += weight * (alongRows ? image[i, k] : image[k, i]) }
                    if alongRows { out[j, k] = sum } else { out[k, j] = sum }
                }
            }
            return out
        }
        return pass(pass(self, count: newWidth, alongRows: true), count: newHeight, alongRows: false)
    }

    /// A separable Gaussian blur with standard deviation `sigma` pixels (edges clamped).
    func blurred(sigma: Float) -> GrayImage {
        guard sigma > 0.3 else { return self }
        let radius = Int((3 * sigma).rounded(.up))
        let weights = (-radius...radius).map { exp(-Float($0 * $0) / (2 * sigma * sigma)) }
        let total = weights.reduce(0, +)
        let kernel = weights.map { $0 / total }
        var horizontal = self, result = self
        for y in 0..<height {
            for x in 0..<width {
                var sum: Float = 0
                for (k, weight) in kernel.enumerated() { sum += weight * self[max(0, min(width - 1, x + k - radius)), y] }
                horizontal[x, y] = sum
            }
        }
        for y in 0..<height {
            for x in 0..<width {
                var sum: Float = 0
                for (k, weight) in kernel.enumerated() { sum += weight * horizontal[x, max(0, min(height - 1, y + k - radius))] }
                result[x, y] = sum
            }
        }
        return result
    }
}
