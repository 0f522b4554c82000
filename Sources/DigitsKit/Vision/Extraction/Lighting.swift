/// Polarity and lighting: turns grey levels into an "ink" image where paper is 0 and ink
/// approaches 1 whatever the lighting, by dividing by an estimate of the paper's brightness.
enum Lighting {
    /// Otsu's threshold over 256 bins of values in 0…1: the level that best separates two
    /// classes, and the fraction of values at or below it.
    static func otsu(_ values: [Float]) -> (threshold: Float, lowerFraction: Double) {
        var histogram = [Int](repeating: 0, count: 256)
        values.withUnsafeBufferPointer { v in
            for x in v { histogram[Int(max(0, min(255, x * 255 + 0.5)))] += 1 }
        }
        let total = Double(values.count)
        guard total > 0 else { return (0.5, 0) }
        let weightedTotal = histogram.enumerated().reduce(0.0) { $0 + Double($1.offset * $1.element) }
        var lowerCount = 0.0, lowerSum = 0.0
        var best = 0, bestVariance = -1.0
        for level in 0..<255 {
            lowerCount += Double(histogram[level])
            lowerSum += Double(level * histogram[level])
            let upperCount = total - lowerCount
            if lowerCount == 0 || upperCount == 0 { continue }
            let difference = lowerSum / lowerCount - (weightedTotal - lowerSum) / upperCount
            let variance = lowerCount * upperCount * difference * difference
            if variance > bestVariance {
                bestVariance = variance
                best = level
            }
        }
        let below = histogram[0...best].reduce(0, +)
        return ((Float(best) + 0.5) / 255, Double(below) / total)
    }

    /// Ink is the minority: when Otsu's darker class covers most of the picture, the picture is
    /// light ink on a dark ground (chalk, a dark-mode canvas, an MNIST image) and is inverted.
    static func darkInkOnLight(_ grey: GrayImage) -> (image: GrayImage, inverted: Bool) {
        let split = otsu(grey.pixels)
        return split.lowerFraction > 0.5 ? (grey.inverted(), true) : (grey, false)
    }

    /// The paper's brightness at every pixel: a grey-level closing (maximum, then minimum) on a
    /// grid of tiles, which erases strokes narrower than the structuring element but follows
    /// gradients and shadows larger than it, interpolated back to full size. The element spans
    /// about a quarter of the image, so strokes up to that width count as ink.
    static func paperBrightness(_ grey: GrayImage) -> GrayImage {
        let longest = max(grey.width, grey.height)
        let tile = max(2, longest / 40)
        let gridWidth = (grey.width + tile - 1) / tile, gridHeight = (grey.height + tile - 1) / tile
        var grid = GrayImage(width: gridWidth, height: gridHeight)
        grey.pixels.withUnsafeBufferPointer { source in
            for y in 0..<grey.height {
                let gy = y / tile
                for x in 0..<grey.width {
                    let g = gy * gridWidth + x / tile
                    grid.pixels[g] = max(grid.pixels[g], source[y * grey.width + x])
                }
            }
        }
        let radius = 5
        grid = grid.filtered(radius: radius, max)
        grid = grid.filtered(radius: radius, min)
        return grid.resized(width: grey.width, height: grey.height)
    }

    /// Ink darkness relative to the local paper: 0 for paper, towards 1 for black ink.
    static func inkImage(grey: GrayImage, paper: GrayImage) -> GrayImage {
        var ink = GrayImage(width: grey.width, height: grey.height)
        grey.pixels.withUnsafeBufferPointer { g in
            paper.pixels.withUnsafeBufferPointer { p in
                ink.pixels.withUnsafeMutableBufferPointer { out in
                    parallelRanges(out.count, minimumChunk: 65536) { range in
                        for i in range {
                            // Under a near-black "paper" nothing can be read; call it paper.
                            out[i] = p[i] < 0.04 ? 0 : max(0, min(1, 1 - g[i] / p[i]))
                        }
                    }
                }
            }
        }
        return ink
    }
}

extension GrayImage {
    /// A square moving maximum or minimum of the given radius (separable, clipped at the edges).
    /// Only used on small grids, so it stays simple.
    func filtered(radius: Int, _ combine: (Float, Float) -> Float) -> GrayImage {
        var horizontal = self
        for y in 0..<height {
            for x in 0..<width {
                var value = self[x, y]
                for dx in max(0, x - radius)...min(width - 1, x + radius) { value = combine(value, self[dx, y]) }
                horizontal[x, y] = value
            }
        }
        var result = horizontal
        for y in 0..<height {
            for x in 0..<width {
                var value = horizontal[x, y]
                for dy in max(0, y - radius)...min(height - 1, y + radius) { value = combine(value, horizontal[x, dy]) }
                result[x, y] = value
            }
        }
        return result
    }
}
