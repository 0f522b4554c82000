import CImageCodecs
import Foundation

/// PNG through libpng's simplified `png_image` API (grey, RGB, palette, 16-bit and alpha, the
/// latter composited on white), and the PNG writer behind the `--debug` strips.
enum PNGCodec {
    static func decode(_ bytes: [UInt8], maxPixels: Int) throws(ImageDecodingError) -> RasterImage {
        try CodecCall.decode(bytes, format: .png, maxPixels: maxPixels, digits_png_decode)
    }
}

extension RasterImage {
    /// The image as PNG bytes.
    public func pngData() throws(ImageEncodingError) -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        var size = 0
        var message = [CChar](repeating: 0, count: 200)
        let status = pixels.withUnsafeBufferPointer { samples in
            message.withUnsafeMutableBufferPointer { text in
                digits_png_encode(samples.baseAddress, Int32(width), Int32(height), Int32(channels), &out, &size, text.baseAddress)
            }
        }
        guard status == Int32(DIGITS_CODEC_OK), let out else {
            throw .cannotEncode(String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        defer { digits_codec_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: size))
    }

    /// Writes the image as a PNG file atomically (readers never see half a file).
    public func writePNG(to url: URL) throws {
        try AtomicFile.write(try pngData(), to: url)
    }
}

public enum ImageEncodingError: Error, Equatable, CustomStringConvertible {
    case cannotEncode(String)

    public var description: String {
        switch self {
        case let .cannotEncode(reason): return "cannot encode PNG: \(reason)"
        }
    }
}

/// The calling convention both C decoders share.
enum CodecCall {
    typealias Decode = (UnsafePointer<UInt8>?, Int, UInt64, UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?,
                        UnsafeMutablePointer<digits_image_info>?) -> Int32

    static func decode(_ bytes: [UInt8], format: ImageFormat, maxPixels: Int, _ call: Decode) throws(ImageDecodingError) -> RasterImage {
        var info = digits_image_info()
        var pixels: UnsafeMutablePointer<UInt8>?
        let status = bytes.withUnsafeBufferPointer { data in
            call(data.baseAddress, data.count, UInt64(maxPixels), &pixels, &info)
        }
        defer { digits_codec_free(pixels) }
        let width = Int(info.width), height = Int(info.height)
        switch status {
        case Int32(DIGITS_CODEC_OK):
            guard let pixels else { throw .corrupt(format: format, reason: "no pixels") }
            try ImageDecoder.checkSize(width: width, height: height, maxPixels: maxPixels, format: format)
            let count = width * height * Int(info.channels)
            return RasterImage(checkedWidth: width, height: height, channels: Int(info.channels),
                               pixels: Array(UnsafeBufferPointer(start: pixels, count: count)))
        case Int32(DIGITS_CODEC_TOO_LARGE):
            throw .tooManyPixels(width: width, height: height, limit: maxPixels)
        default:
            let message = withUnsafeBytes(of: info.message) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            throw .corrupt(format: format, reason: message.isEmpty ? "unknown decoder error" : message)
        }
    }
}
