/// From the ink image to a mask of ink pixels: 0 paper, 1 weak ink, 2 strong ink.
///
/// Strong ink is above Otsu's global threshold (never below `minimumContrast`). Weak ink is
/// fainter but still clearly darker than its neighbourhood (adaptive, local-mean threshold):
/// the faint thin end of a stroke, a pencil line in a darker corner. Components made only of
/// weak ink are dropped later (hysteresis), so paper texture does not become digits.
enum Thresholding {
    /// Ink must be at least this much darker than the paper around it (a fraction of the paper's
    /// brightness, so it does not depend on exposure).
    static let minimumContrast: Float = 0.15

    /// Also returns `faint`: every pixel at least as dark as weak ink, whatever its
    /// neighbourhood. Faint ruled lines stay unbroken there, where the local-mean test of the
    /// mask cuts them beside every stroke (see `MaskMorphology.removeRuledLines`).
    static func mask(ink: GrayImage) -> (mask: [UInt8], faint: [UInt8]) {
        let strong = max(minimumContrast, otsu(ink.pixels))
        let weak = max(minimumContrast / 2, strong / 2)
        let radius = max(2, max(ink.width, ink.height) / 40)
        let mean = localMean(ink, radius: radius)
        // A weak pixel must stand out from its neighbourhood's mean by this much.
        let margin: Float = 0.04
        var mask = [UInt8](repeating: 0, count: ink.pixels.count)
        var faint = [UInt8](repeating: 0, count: ink.pixels.count)
        ink.pixels.withUnsafeBufferPointer { d in
            mean.withUnsafeBufferPointer { m in
                mask.withUnsafeMutableBufferPointer { out in
                    faint.withUnsafeMutableBufferPointer { faintOut in
                        parallelRanges(out.count, minimumChunk: 65536) { range in
                            for i in range {
                                let v = d[i]
                                faintOut[i] = v >= weak ? 1 : 0
                                out[i] = v >= strong ? 2 : (v >= weak && v >= m[i] + margin ? 1 : 0)
                            }
                        }
                    }
                }
            }
        }
        return (mask, faint)
    }

    /// Otsu's threshold over 256 bins of values in 0…1: the level that best separates two classes.
    static func otsu(_ values: [Float]) -> Float {
        let histogram = GreyLevels(values).histogram
        let total = Double(values.count)
        guard total > 0 else { return 0.5 }
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
        return (Float(best) + 0.5) / 255
    }

    /// The mean over a (2r+1)² window clipped at the edges, by running sums (rows, then columns).
    static func localMean(_ image: GrayImage, radius: Int) -> [Float] {
        let w = image.width, h = image.height
        var rows = [Float](repeating: 0, count: w * h)
        var result = [Float](repeating: 0, count: w * h)
        image.pixels.withUnsafeBufferPointer { source in
            rows.withUnsafeMutableBufferPointer { target in
                parallelRanges(h, minimumChunk: GrayImage.parallelLines(of: w)) { range in
                    for y in range {
                        let row = source.baseAddress! + y * w, out = target.baseAddress! + y * w
                        var sum: Float = 0
                        for x in 0..<min(w, radius + 1) { sum += row[x] }
                        for x in 0..<w {
                            out[x] = sum / Float(min(w - 1, x + radius) - max(0, x - radius) + 1)
                            if x + radius + 1 < w { sum += row[x + radius + 1] }
                            if x - radius >= 0 { sum -= row[x - radius] }
                        }
                    }
                }
            }
        }
        rows.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                parallelRanges(w, minimumChunk: GrayImage.parallelLines(of: h)) { range in
                    let sums = UnsafeMutablePointer<Float>.allocate(capacity: range.count)
                    defer { sums.deallocate() }
                    sums.initialize(repeating: 0, count: range.count)
                    let columns = range.count, first = range.lowerBound
                    let rows = source.baseAddress! + first, out = target.baseAddress! + first
                    for y in 0..<min(h, radius + 1) {
                        for k in 0..<columns { sums[k] += rows[y * w + k] }
                    }
                    for y in 0..<h {
                        let count = Float(min(h - 1, y + radius) - max(0, y - radius) + 1)
                        for k in 0..<columns { out[y * w + k] = sums[k] / count }
                        if y + radius + 1 < h {
                            let entering = rows + (y + radius + 1) * w
                            for k in 0..<columns { sums[k] += entering[k] }
                        }
                        if y - radius >= 0 {
                            let leaving = rows + (y - radius) * w
                            for k in 0..<columns { sums[k] -= leaving[k] }
                        }
                    }
                }
            }
        }
        return result
    }
}
