/// One picture that shows how an image was read: the original, every image-level step (with
/// the components and digit boxes outlined) and each digit's steps, side by side at one height.
/// A person looking at it can see where a misread digit went wrong.
public enum DebugStrip {
    public static func render(original: RasterImage, extraction: Extraction, height: Int = 240) -> RasterImage {
        var panels: [RGBPanel] = [RGBPanel(original, height: height)]
        for step in extraction.steps {
            var panel = RGBPanel(step.image, height: height)
            let factor = Double(panel.height) / Double(max(1, step.image.height))
            for (index, box) in step.boxes.enumerated() {
                // The last boxes are the digits (green); the others components (red).
                let isDigit = index >= step.boxes.count - extraction.digits.count
                panel.outline(box, factor: factor, colour: isDigit ? (0, 200, 0) : (230, 40, 40))
            }
            panels.append(panel)
        }
        for digit in extraction.digits {
            for step in digit.steps { panels.append(RGBPanel(step.image, height: height / 2)) }
        }
        let gap = 6
        let width = panels.reduce(0) { $0 + $1.width + gap } - gap
        var pixels = [UInt8](repeating: 90, count: width * height * 3)
        var left = 0
        for panel in panels {
            for y in 0..<panel.height {
                for x in 0..<panel.width {
                    for k in 0..<3 { pixels[(y * width + left + x) * 3 + k] = panel.pixels[(y * panel.width + x) * 3 + k] }
                }
            }
            left += panel.width + gap
        }
        return RasterImage(checkedWidth: width, height: height, channels: 3, pixels: pixels)
    }
}

/// An RGB picture scaled to a given height, for the strip.
private struct RGBPanel {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    init(_ image: GrayImage, height: Int) {
        let scaled = Self.scaled(image, height: height)
        self.width = scaled.width
        self.height = scaled.height
        self.pixels = scaled.bytes().flatMap { [$0, $0, $0] }
    }

    init(_ image: RasterImage, height: Int) {
        let planes = (0..<image.channels).map { channel in
            Self.scaled(GrayImage(checkedWidth: image.width, height: image.height,
                                  pixels: stride(from: channel, to: image.pixels.count, by: image.channels).map { Float(image.pixels[$0]) / 255 }),
                        height: height)
        }
        self.width = planes[0].width
        self.height = planes[0].height
        let bytes = planes.map { $0.bytes() }
        self.pixels = (0..<bytes[0].count).flatMap { i in (0..<3).map { bytes[min($0, bytes.count - 1)][i] } }
    }

    /// Small images (28×28 crops) are enlarged with whole pixels so they stay sharp.
    private static func scaled(_ image: GrayImage, height: Int) -> GrayImage {
        let width = max(1, image.width * height / max(1, image.height))
        guard image.height > 0, image.height < height / 3 else { return image.resized(width: width, height: height) }
        var out = GrayImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width { out[x, y] = image[min(image.width - 1, x * image.width / width), y * image.height / height] }
        }
        return out
    }

    mutating func outline(_ box: PixelBox, factor: Double, colour: (UInt8, UInt8, UInt8)) {
        let x0 = Int(Double(box.x) * factor), y0 = Int(Double(box.y) * factor)
        let x1 = min(width - 1, Int(Double(box.maxX) * factor)), y1 = min(height - 1, Int(Double(box.maxY) * factor))
        func paint(_ x: Int, _ y: Int) {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            pixels[(y * width + x) * 3] = colour.0
            pixels[(y * width + x) * 3 + 1] = colour.1
            pixels[(y * width + x) * 3 + 2] = colour.2
        }
        guard x0 <= x1, y0 <= y1 else { return }
        for x in x0...x1 { paint(x, y0); paint(x, y1) }
        for y in y0...y1 { paint(x0, y); paint(x1, y) }
    }
}
