import CImageCodecs

/// The calling conventions the C codecs share.
enum CodecCall {
    typealias Encode = (UnsafePointer<UInt8>?, UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>,
                        UnsafeMutablePointer<Int>, UnsafeMutablePointer<CChar>?) -> Int32

    static func encode(_ image: RasterImage, format: ImageFormat, _ call: Encode) throws(ImageEncodingError) -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        var size = 0
        var message = [CChar](repeating: 0, count: 200)
        let status = image.pixels.withUnsafeBufferPointer { samples in
            message.withUnsafeMutableBufferPointer { text in call(samples.baseAddress, &out, &size, text.baseAddress) }
        }
        guard status == Int32(DIGITS_CODEC_OK), let out else {
            throw .cannotEncode(format, reason: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        defer { digits_codec_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: size))
    }

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
            let scaledWidth = Int(info.scaled_width), scaledHeight = Int(info.scaled_height)
            guard scaledWidth > 0, scaledHeight > 0, scaledWidth <= width, scaledHeight <= height else {
                throw .corrupt(format: format, reason: "decoded to \(scaledWidth)×\(scaledHeight) pixels")
            }
            let count = scaledWidth * scaledHeight * Int(info.channels)
            return RasterImage(checkedWidth: scaledWidth, height: scaledHeight, channels: Int(info.channels),
                               pixels: Array(UnsafeBufferPointer(start: pixels, count: count)),
                               sourceWidth: width, sourceHeight: height)
        case Int32(DIGITS_CODEC_TOO_LARGE):
            throw .tooManyPixels(width: width, height: height, limit: maxPixels)
        default:
            let message = withUnsafeBytes(of: info.message) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if status == Int32(DIGITS_CODEC_UNSUPPORTED) { throw .unsupported(format: format, reason: message) }
            throw .corrupt(format: format, reason: message.isEmpty ? "unknown decoder error" : message)
        }
    }
}
