/// A decoded image as 8-bit samples, row after row: grey (1 channel) or RGB (3 channels).
/// Alpha never survives decoding: it is composited on white, as the image would look on a page —
/// except when most of the picture is transparent and what is painted on it is light (white
/// strokes on a transparent canvas, shown on a dark ground by the app that drew them), which is
/// composited on black so that the drawing survives.
public struct RasterImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// 1 (grey) or 3 (red, green, blue).
    public let channels: Int
    /// `width * height * channels` bytes.
    public let pixels: [UInt8]
    /// The size the file declares: larger than `width × height` when the decoder reduced a big
    /// JPEG while decoding it (`ImageDecoder.reduceToLongestSide`), so that positions found in
    /// the pixels can be reported in the file's own coordinates.
    public let sourceWidth: Int
    public let sourceHeight: Int

    /// Fails (returns nil) when the buffer does not hold exactly `width × height × channels` bytes.
    public init?(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        guard width > 0, height > 0, channels == 1 || channels == 3,
              pixels.count == width * height * channels else { return nil }
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
        self.sourceWidth = width
        self.sourceHeight = height
    }

    /// For codecs that have already checked the size.
    init(checkedWidth width: Int, height: Int, channels: Int, pixels: [UInt8], sourceWidth: Int? = nil, sourceHeight: Int? = nil) {
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
        self.sourceWidth = sourceWidth ?? width
        self.sourceHeight = sourceHeight ?? height
    }

    /// The samples of pixel (x, y): one grey value, or red, green, blue.
    public func sample(x: Int, y: Int) -> ArraySlice<UInt8> {
        let start = (y * width + x) * channels
        return pixels[start ..< start + channels]
    }
}
