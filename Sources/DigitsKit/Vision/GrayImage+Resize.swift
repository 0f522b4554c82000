/// Resampling. Shrinking averages every source pixel a target pixel covers (area resampling),
/// so thin strokes fade into grey instead of vanishing between samples as they would with
/// nearest or bilinear sampling; enlarging interpolates bilinearly. Each axis chooses on its
/// own, and the two passes are separable.
extension GrayImage {
    public func resized(width newWidth: Int, height newHeight: Int) -> GrayImage {
        guard newWidth > 0, newHeight > 0, width > 0, height > 0 else {
            return GrayImage(width: newWidth, height: newHeight)
        }
        if newWidth == width && newHeight == height { return self }
        return pixels.withUnsafeBufferPointer { source in
            Self.resample(width: width, height: height, to: newWidth, newHeight) { y, row in
                row.update(from: source.baseAddress! + y * width, count: width)
            }
        }
    }

    /// The grey levels of a decoded image (as `init(_:)` computes them) resampled straight to
    /// the given size, without a full-size grey copy: for 12-megapixel photos.
    public init(_ image: RasterImage, width newWidth: Int, height newHeight: Int) {
        self.init(image, channel: GreyChannel.choose(for: image), width: newWidth, height: newHeight)
    }

    /// The given channel of a colour image (a grey one has only its own) resampled to the size.
    init(_ image: RasterImage, channel: GreyChannel, width newWidth: Int, height newHeight: Int) {
        let channels = image.channels, width = image.width
        self = image.pixels.withUnsafeBufferPointer { source in
            Self.resample(width: width, height: image.height, to: max(1, newWidth), max(1, newHeight)) { y, row in
                let line = source.baseAddress! + y * width * channels
                if channels == 3 {
                    channel.convert(line, into: row, count: width)
                } else {
                    let scale: Float = 1 / 255
                    for x in 0..<width { row[x] = Float(line[x]) * scale }
                }
            }
        }
    }

    /// Rows first (narrowing to the new width), then columns, so that the larger pass runs on
    /// the smaller image when shrinking. `loadRow(y, buffer)` fills one source row.
    private static func resample(width: Int, height: Int, to newWidth: Int, _ newHeight: Int,
                                 loadRow: (Int, UnsafeMutablePointer<Float>) -> Void) -> GrayImage {
        let columns = ResampleAxis(from: width, to: newWidth)
        let rows = ResampleAxis(from: height, to: newHeight)
        var horizontal = [Float](repeating: 0, count: newWidth * height)
        horizontal.withUnsafeMutableBufferPointer { target in
            parallelRanges(height, minimumChunk: parallelLines(of: width)) { range in
                let row = UnsafeMutablePointer<Float>.allocate(capacity: width)
                defer { row.deallocate() }
                for y in range {
                    loadRow(y, row)
                    columns.apply(input: row, output: target.baseAddress! + y * newWidth)
                }
            }
        }
        var result = [Float](repeating: 0, count: newWidth * newHeight)
        horizontal.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                parallelRanges(newHeight, minimumChunk: parallelLines(of: newWidth)) { range in
                    for y in range {
                        let output = target.baseAddress! + y * newWidth
                        for x in 0..<newWidth { output[x] = 0 }
                        for (index, weight) in rows.taps(y) {
                            let input = source.baseAddress! + index * newWidth
                            for x in 0..<newWidth { output[x] += weight * input[x] }
                        }
                    }
                }
            }
        }
        return GrayImage(checkedWidth: newWidth, height: newHeight, pixels: result)
    }

    /// Scaled by `factor` (rounded to whole pixels, at least 1×1).
    public func scaled(by factor: Double) -> GrayImage {
        resized(width: max(1, Int((Double(width) * factor).rounded())),
                height: max(1, Int((Double(height) * factor).rounded())))
    }
}

/// For each target index along one axis, the source indices and weights that make it.
struct ResampleAxis {
    private var starts: [Int] = []
    private var counts: [Int] = []
    private var weights: [[Float]] = []

    init(from source: Int, to target: Int) {
        let scale = Double(source) / Double(target)
        for j in 0..<target {
            var taps: [(Int, Float)] = []
            if target < source {
                // Area: the target pixel covers [j·scale, (j+1)·scale) of the source.
                let lower = Double(j) * scale, upper = Double(j + 1) * scale
                var i = Int(lower)
                while Double(i) < upper, i < source {
                    let overlap = min(upper, Double(i + 1)) - max(lower, Double(i))
                    if overlap > 0 { taps.append((i, Float(overlap / scale))) }
                    i += 1
                }
            } else {
                // Bilinear between the two nearest source centres.
                let centre = (Double(j) + 0.5) * scale - 0.5
                let left = Int(centre.rounded(.down))
                let fraction = Float(centre - Double(left))
                let a = max(0, min(source - 1, left)), b = max(0, min(source - 1, left + 1))
                taps = a == b ? [(a, Float(1))] : [(a, 1 - fraction), (b, fraction)]
            }
            starts.append(taps.first?.0 ?? 0)
            counts.append(taps.count)
            weights.append(taps.map(\.1))
        }
    }

    func taps(_ j: Int) -> [(Int, Float)] {
        (0..<counts[j]).map { (starts[j] + $0, weights[j][$0]) }
    }

    func apply(input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>) {
        for j in 0..<starts.count {
            var sum: Float = 0
            let w = weights[j]
            let start = starts[j]
            for k in 0..<counts[j] { sum += w[k] * input[start + k] }
            output[j] = sum
        }
    }
}
