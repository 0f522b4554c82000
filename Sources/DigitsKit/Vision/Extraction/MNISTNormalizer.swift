/// Makes one digit look like an MNIST digit: white ink on black, the gaps of pen lifts filled
/// (`PenLifts`), contrast to full ink, stroke width matched to MNIST's, fitted into a 20×20 box by aspect ratio with area resampling,
/// and placed in 28×28 by its centre of mass (optionally deskewed by its second moments).
struct MNISTNormalizer {
    /// MNIST's typical stroke width at the 20×20 box scale, measured on the 60 000 training
    /// digits binarised at 128 as 2·area / boundary edges: median 1.96 px (mean 2.03, deciles
    /// 1.41 and 2.74). A canvas drawing at 280×280 with a 3 px pen comes out near 0.3 px and
    /// a marker photo near 5 px without matching, which classical models read badly.
    static let mnistStrokeWidth = 1.96
    /// Widths within this fraction of MNIST's are left alone.
    static let strokeTolerance = 0.15
    /// The stroke is measured and adjusted at this many times the 20×20 scale, fine enough for
    /// sub-pixel width changes at the final scale.
    static let workScale = 4

    var matchStrokeWidth = true
    var deskew = false

    struct Result {
        var pixels: [UInt8]
        var steps: [ExtractionStep]
        var measuredWidth: Double
        var adjustedWidth: Double
    }

    /// `ink` is the page's ink image, `labels` its component labels, `member[label]` tells the
    /// group's components apart from neighbours reaching into its box.
    func normalize(ink: GrayImage, labels: [Int32], member: [Bool], box: PixelBox) -> Result {
        var crop = GrayImage(width: box.width, height: box.height)
        var levels = GreyLevels()
        // The group's own pixels, solid where a pencil's grain leaves the ink mottled: their
        // boundary, for the stroke width at the crop's scale (`strokeWidth`'s estimator).
        var edges = 0
        func isMember(_ x: Int, _ y: Int) -> Bool {
            x >= 0 && y >= 0 && x < box.width && y < box.height && member[Int(labels[(box.y + y) * ink.width + box.x + x])]
        }
        for y in 0..<box.height {
            for x in 0..<box.width {
                let i = (box.y + y) * ink.width + box.x + x
                if member[Int(labels[i])] {
                    let v = ink.pixels[i]
                    crop.pixels[y * box.width + x] = v
                    levels.add(UInt8(max(0, min(255, v * 255))))
                    for (dx, dy) in [(-1, 0), (1, 0), (0, -1), (0, 1)] where !isMember(x + dx, y + dy) { edges += 1 }
                }
            }
        }
        // The gaps between pieces of the digit are inked as its middling ink.
        PenLifts.bridge(&crop, labels: labels, member: member, box: box, imageWidth: ink.width,
                        level: Float(levels.percentile(0.5)) / 255)
        // A faint trace (pencil, a thin line shrunk from a big canvas) gets full-ink contrast,
        // as MNIST strokes have: its strongest 5 % of ink becomes 1.
        var level = 255, above = 0
        while level > 0, above + levels.histogram[level] <= levels.count / 20 {
            above += levels.histogram[level]
            level -= 1
        }
        let bright = max(0.2, (Float(level) + 1) / 255)
        crop.pixels = crop.pixels.map { min(1, $0 / bright) }

        // A hairline (a paint program's one-pixel pencil on a big canvas) would shrink to a trace
        // too faint to measure in the (20·k)-pixel box: thicken it first, at the crop's scale, to
        // a pixel and a half of that box.
        let side = 20 * Self.workScale
        let visible = 1.5 * Double(max(box.width, box.height)) / Double(side)
        let cropWidth = edges == 0 ? 0 : 2 * Double(levels.count) / Double(edges)
        if matchStrokeWidth, cropWidth > 0, cropWidth < visible {
            let radius = Int(((visible - cropWidth) / 2).rounded(.up))
            crop = crop.padded(by: radius).grown(radius)
        }

        // Fit into a (20·k)-pixel box with room around it for thickening.
        let longest = max(crop.width, crop.height)
        let fitted = crop.resized(width: max(1, crop.width * side / longest), height: max(1, crop.height * side / longest))
        var work = fitted.padded(by: 4 * Self.workScale)
        let scale = Double(Self.workScale)
        let measured = Self.strokeWidth(work) / scale
        var adjusted = measured
        if matchStrokeWidth, measured > 0, abs(measured - Self.mnistStrokeWidth) > Self.strokeTolerance * Self.mnistStrokeWidth {
            // Growing by r on every side widens a stroke by 2r.
            var radius = Int(((Self.mnistStrokeWidth - measured) * scale / 2).rounded())
            // Never erode a stroke away: keep at least 2 px at the working scale.
            radius = max(radius, -Int((measured * scale - 2) / 2))
            work = radius > 0 ? work.grown(radius) : work.shrunk(-radius)
            adjusted = Self.strokeWidth(work) / scale
        }
        var digit = Self.placeInMNISTFrame(work)
        if deskew { digit = Self.deskewed(digit) }
        let steps = [
            ExtractionStep(name: "crop", image: crop),
            ExtractionStep(name: "stroke", image: work),
            ExtractionStep(name: "28×28", image: digit),
        ]
        return Result(pixels: digit.bytes(), steps: steps, measuredWidth: measured, adjustedWidth: adjusted)
    }

    /// 2 × ink area / boundary length of the image binarised at one half: the width of a long
    /// stroke whatever its length (the same estimator measured MNIST above).
    static func strokeWidth(_ image: GrayImage) -> Double {
        let w = image.width, h = image.height
        var area = 0, edges = 0
        func ink(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < w && y < h && image.pixels[y * w + x] >= 0.5 }
        for y in 0..<h {
            for x in 0..<w where ink(x, y) {
                area += 1
                if !ink(x - 1, y) { edges += 1 }
                if !ink(x + 1, y) { edges += 1 }
                if !ink(x, y - 1) { edges += 1 }
                if !ink(x, y + 1) { edges += 1 }
            }
        }
        return edges == 0 ? 0 : 2 * Double(area) / Double(edges)
    }

    /// The ink's bounding box fitted into 20×20 by aspect ratio, in 28×28 with the centre of
    /// mass at the centre (moved by whole pixels, kept inside the frame).
    static func placeInMNISTFrame(_ image: GrayImage) -> GrayImage {
        var minX = image.width, minY = image.height, maxX = -1, maxY = -1
        for y in 0..<image.height {
            for x in 0..<image.width where image[x, y] > 0.02 {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        var frame = GrayImage(width: 28, height: 28)
        guard maxX >= 0 else { return frame }
        let w = maxX - minX + 1, h = maxY - minY + 1, longest = max(w, h)
        let box = image.cropped(x: minX, y: minY, width: w, height: h)
            .resized(width: max(1, (w * 20 + longest / 2) / longest), height: max(1, (h * 20 + longest / 2) / longest))
        var total: Float = 0, sumX: Float = 0, sumY: Float = 0
        for y in 0..<box.height {
            for x in 0..<box.width {
                let v = box[x, y]
                total += v; sumX += v * (Float(x) + 0.5); sumY += v * (Float(y) + 0.5)
            }
        }
        let cx = total > 0 ? sumX / total : Float(box.width) / 2, cy = total > 0 ? sumY / total : Float(box.height) / 2
        let left = max(0, min(28 - box.width, Int((14 - cx).rounded())))
        let top = max(0, min(28 - box.height, Int((14 - cy).rounded())))
        for y in 0..<box.height {
            for x in 0..<box.width { frame[left + x, top + y] = min(1, max(0, box[x, y])) }
        }
        return frame
    }

    /// Shears rows so that the principal axis is vertical (second moments), keeping the centre
    /// of mass in place: the deskewing of LeCun et al.'s best classical MNIST results.
    static func deskewed(_ image: GrayImage) -> GrayImage {
        var total: Float = 0, sx: Float = 0, sy: Float = 0
        for y in 0..<image.height {
            for x in 0..<image.width {
                let v = image[x, y]
                total += v; sx += v * Float(x); sy += v * Float(y)
            }
        }
        guard total > 0 else { return image }
        let cx = sx / total, cy = sy / total
        var mu11: Float = 0, mu02: Float = 0
        for y in 0..<image.height {
            for x in 0..<image.width {
                let v = image[x, y]
                mu11 += v * (Float(x) - cx) * (Float(y) - cy)
                mu02 += v * (Float(y) - cy) * (Float(y) - cy)
            }
        }
        guard mu02 > 1e-3 else { return image }
        let alpha = mu11 / mu02
        var out = GrayImage(width: image.width, height: image.height)
        for y in 0..<image.height {
            let shift = alpha * (Float(y) - cy)
            for x in 0..<image.width {
                let source = Float(x) + shift
                let left = Int(source.rounded(.down)), fraction = source - Float(left)
                func at(_ i: Int) -> Float { i >= 0 && i < image.width ? image[i, y] : 0 }
                out[x, y] = at(left) * (1 - fraction) + at(left + 1) * fraction
            }
        }
        return out
    }
}
