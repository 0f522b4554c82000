/// A single-channel image of `Float` values in 0…1, row after row. For a photo 0 is black and
/// 1 white; the extractor's ink images use 1 for full ink. The one image type of the vision code.
public struct GrayImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var pixels: [Float]

    public init(width: Int, height: Int, repeating value: Float = 0) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.pixels = [Float](repeating: value, count: self.width * self.height)
    }

    /// Fails when `pixels` does not hold `width × height` values.
    public init?(width: Int, height: Int, pixels: [Float]) {
        guard width >= 0, height >= 0, pixels.count == width * height else { return nil }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    init(checkedWidth width: Int, height: Int, pixels: [Float]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    public subscript(x: Int, y: Int) -> Float {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// Grey levels of a decoded image. Colour pixels take their darkest channel, so that blue
    /// ballpoint or red pen on white paper comes out as dark as black ink would, or their
    /// brightest (or luminance) where the picture is coloured light ink on a dark ground
    /// (`GreyChannel`).
    public init(_ image: RasterImage) {
        let count = image.width * image.height
        var pixels = [Float](repeating: 0, count: count)
        let scale: Float = 1 / 255
        image.pixels.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { target in
                if image.channels == 1 {
                    parallelRanges(count, minimumChunk: 65536) { range in
                        for i in range { target[i] = Float(source[i]) * scale }
                    }
                } else {
                    let channel = GreyChannel.choose(for: image)
                    parallelRanges(count, minimumChunk: 65536) { range in
                        channel.convert(source.baseAddress! + 3 * range.lowerBound,
                                        into: target.baseAddress! + range.lowerBound, count: range.count)
                    }
                }
            }
        }
        self.init(checkedWidth: image.width, height: image.height, pixels: pixels)
    }

    /// The fewest rows (or columns) of `length` pixels worth handing to another thread: below
    /// about 64k pixels the handoff costs more than the work, and on a loaded machine waiting
    /// for a second core to be scheduled is what makes a small canvas slow.
    static func parallelLines(of length: Int) -> Int { max(16, 65536 / max(1, length)) }

    /// The part of the image inside the rectangle, clipped to the image.
    public func cropped(x: Int, y: Int, width w: Int, height h: Int) -> GrayImage {
        let x0 = max(0, min(width, x)), y0 = max(0, min(height, y))
        let x1 = max(x0, min(width, x + w)), y1 = max(y0, min(height, y + h))
        var out = GrayImage(width: x1 - x0, height: y1 - y0)
        for row in y0..<y1 {
            let from = row * width + x0, to = (row - y0) * out.width
            out.pixels[to ..< to + out.width] = pixels[from ..< from + out.width]
        }
        return out
    }

    /// The pixels of the frame `width` pixels deep along the four edges (each once).
    func border(width depth: Int) -> [Float] {
        let d = max(0, min(depth, width / 2, height / 2))
        guard d > 0 else { return pixels }
        var frame: [Float] = []
        frame.reserveCapacity(2 * d * (width + height))
        for row in 0..<height {
            let start = row * width
            if row < d || row >= height - d {
                frame.append(contentsOf: pixels[start ..< start + width])
            } else {
                frame.append(contentsOf: pixels[start ..< start + d])
                frame.append(contentsOf: pixels[start + width - d ..< start + width])
            }
        }
        return frame
    }

    /// `1 − value` everywhere: ink images become dark-on-light pictures and back.
    public func inverted() -> GrayImage {
        GrayImage(checkedWidth: width, height: height, pixels: pixels.map { 1 - $0 })
    }

    /// Values mapped to 0…255 (clamped, rounded).
    public func bytes() -> [UInt8] {
        pixels.map { UInt8(max(0, min(255, ($0 * 255).rounded()))) }
    }

    /// As an 8-bit grey raster, e.g. to write it as PNG.
    public func raster() -> RasterImage {
        RasterImage(checkedWidth: max(1, width), height: max(1, height), channels: 1,
                    pixels: width * height == 0 ? [0] : bytes())
    }
}
