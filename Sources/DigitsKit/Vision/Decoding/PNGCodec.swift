import CImageCodecs
import Foundation

/// PNG through libpng's simplified `png_image` API (grey, RGB, palette, 16-bit and alpha, the
/// latter composited as `RasterImage` says), and the PNG writer behind the `--debug` strips.
enum PNGCodec {
    static func decode(_ bytes: [UInt8], maxPixels: Int) throws(ImageDecodingError) -> RasterImage {
        try CodecCall.decode(bytes, format: .png, maxPixels: maxPixels, digits_png_decode)
    }
}

extension RasterImage {
    /// The image as PNG bytes.
    public func pngData() throws(ImageEncodingError) -> [UInt8] {
        try CodecCall.encode(self, format: .png) { samples, out, size, message in
            digits_png_encode(samples, Int32(width), Int32(height), Int32(channels), out, size, message)
        }
    }

    /// Writes the image as a PNG file atomically (readers never see half a file).
    public func writePNG(to url: URL) throws {
        try AtomicFile.write(try pngData(), to: url)
    }
}

public enum ImageEncodingError: Error, Equatable, CustomStringConvertible {
    case cannotEncode(ImageFormat, reason: String)

    public var description: String {
        switch self {
        case let .cannotEncode(format, reason): return "cannot encode \(format.rawValue): \(reason)"
        }
    }
}
