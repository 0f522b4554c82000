/// Netpbm grey maps: P5 (binary, 8- or 16-bit big-endian samples) and P2 (ASCII).
enum PGMDecoder {
    static func decode(_ bytes: [UInt8], maxPixels: Int) throws(ImageDecodingError) -> RasterImage {
        var cursor = 2
        func skipSpaceAndComments() {
            while cursor < bytes.count {
                if bytes[cursor] == UInt8(ascii: "#") {
                    while cursor < bytes.count, bytes[cursor] != 0x0A { cursor += 1 }
                } else if [0x20, 0x09, 0x0A, 0x0D].contains(bytes[cursor]) {
                    cursor += 1
                } else {
                    return
                }
            }
        }
        func number(_ what: String) throws(ImageDecodingError) -> Int {
            skipSpaceAndComments()
            var value = 0, digits = 0
            while cursor < bytes.count, (0x30...0x39).contains(bytes[cursor]), digits < 9 {
                value = value * 10 + Int(bytes[cursor] - 0x30)
                cursor += 1
                digits += 1
            }
            guard digits > 0 else { throw .corrupt(format: .pgm, reason: "expected the \(what) at byte \(cursor)") }
            return value
        }
        let width = try number("width"), height = try number("height"), maxValue = try number("maximum value")
        guard (1...65535).contains(maxValue) else {
            throw .corrupt(format: .pgm, reason: "maximum value \(maxValue) is outside 1–65535")
        }
        try ImageDecoder.checkSize(width: width, height: height, maxPixels: maxPixels, format: .pgm)
        let count = width * height
        var pixels = [UInt8](repeating: 0, count: count)
        func scaled(_ v: Int) -> UInt8 { UInt8(min(255, (v * 255 + maxValue / 2) / maxValue)) }
        if bytes[1] == UInt8(ascii: "5") {
            cursor += 1  // exactly one whitespace byte separates the header from the samples
            let size = maxValue > 255 ? 2 : 1
            guard bytes.count - cursor >= count * size else {
                throw .corrupt(format: .pgm, reason: "\(count * size) bytes of pixels expected, \(max(0, bytes.count - cursor)) present")
            }
            for i in 0..<count {
                let at = cursor + i * size
                pixels[i] = scaled(size == 2 ? Int(bytes[at]) << 8 | Int(bytes[at + 1]) : Int(bytes[at]))
            }
        } else {
            for i in 0..<count {
                pixels[i] = try scaled(min(maxValue, number("sample \(i)")))
            }
        }
        return RasterImage(checkedWidth: width, height: height, channels: 1, pixels: pixels)
    }
}
