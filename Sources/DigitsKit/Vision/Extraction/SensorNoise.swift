/// The grain of a photo taken in dim light (a webcam in a dark room, a phone without flash at
/// night), and a box blur that takes it below the ink thresholds before they are applied.
///
/// The thresholds compare each pixel with the paper: grain whose spread is a tenth of the
/// paper's brightness crosses the strong threshold (`Thresholding.minimumContrast`, 0.15) at
/// thousands of pixels, which the weak threshold grows into blobs beside the digit, grouped with
/// it into a crop of noise. A person reads such a digit by looking at areas, not pixels; a mean
/// over a small square does the same.
enum SensorNoise {
    /// `page` averaged over the smallest square (of odd side, at most `largestSquare`) that
    /// leaves its grain at most `quietLevel`, and that side; a quiet page comes back as it is,
    /// with side 1. The grain is measured again after each step at the square's own scale: a
    /// phone's blur and JPEG leave grain that spans several pixels, which a mean over (2r + 1)²
    /// pixels divides by less than the 2r + 1 it would for independent pixels.
    static func quieted(_ page: GrayImage, paper: GrayImage) -> (page: GrayImage, square: Int) {
        var quiet = page, side = 1
        while side < largestSquare, level(of: quiet, paper: paper, scale: side) > quietLevel {
            side += 2
            quiet = GrayImage(checkedWidth: page.width, height: page.height,
                              pixels: Thresholding.localMean(page, radius: side / 2))
        }
        return (quiet, side)
    }

    /// The grain's spread (standard deviation) relative to the paper's brightness, in an image
    /// already averaged over squares of side `scale`: from the median distance of a pixel from
    /// the mean of the 5 × 5 pixels `scale` apart around it (the next squares over), over the
    /// paper's brightness there. Strokes, ruled lines and edges, a minority of the pixels, do not
    /// move the median. For independent noise of spread σ that distance has spread 0.98 σ, and
    /// its median is 0.6745 of that. Measured every `sampleStep` pixels along every
    /// `sampleStep`-th row: a median over a 64th of the pixels (17 000 in a photo) is as good,
    /// and every reading of a picture pays for it.
    static func level(of page: GrayImage, paper: GrayImage, scale: Int) -> Float {
        let width = page.width, height = page.height, reach = 2 * scale
        var distances = GreyLevels()
        page.pixels.withUnsafeBufferPointer { grey in
            for y in stride(from: reach, to: height - reach, by: max(sampleStep, scale)) {
                for x in stride(from: reach, to: width - reach, by: max(sampleStep, scale)) {
                    let brightness = paper.pixels[y * width + x]
                    guard brightness >= Lighting.darkestPaper else { continue }
                    var sum: Float = 0
                    for row in stride(from: y - reach, through: y + reach, by: scale) {
                        for column in stride(from: x - reach, through: x + reach, by: scale) { sum += grey[row * width + column] }
                    }
                    // In 256 steps of 1/1020: up to a quarter of the paper's brightness.
                    let distance = abs(grey[y * width + x] - sum / 25) / brightness
                    distances.add(UInt8(min(255, distance * 1020 + 0.5)))
                }
            }
        }
        guard distances.count > 0 else { return 0 }
        return Float(distances.percentile(0.5)) / 1020 / (0.6745 * 0.98)
    }

    static let sampleStep = 8

    /// Grain up to this spread is left alone: at 6 spreads below the strong threshold, it crosses
    /// it nowhere. Over the 49 354 readings of the development sets, fresh sets and probes
    /// (clean canvases to textured desks and chalkboards) the estimate has a median of 0 and a
    /// 99th percentile of 0.019; one reading reached 0.0252 (a desk photo read whole, whose
    /// sheet is what is read). Dim-light photos (`scripts/bench/dim-photos.py`) reach 0.14.
    static let quietLevel: Float = 0.025

    /// Beyond a square of this side (1 % of the working size) a mean would blur a small digit's
    /// strokes away with the grain.
    static let largestSquare = 13
}
