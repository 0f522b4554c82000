/// Windows bitmaps: uncompressed 24- and 32-bit colour and 8-bit palette images, bottom-up or
/// top-down. The alpha byte of 32-bit files is ignored: most writers leave it zero.
enum BMPDecoder {
    static func decode(_ bytes: [UInt8], maxPixels: Int) throws(ImageDecodingError) -> RasterImage {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard bytes.count >= 54 else { throw .corrupt(format: .bmp, reason: "the headers are cut short") }
        let dataOffset = u32(10), headerSize = u32(14)
        guard headerSize >= 40, 14 + headerSize <= bytes.count else {
            throw .unsupported(format: .bmp, reason: "header of \(headerSize) bytes (OS/2 bitmaps are not read)")
        }
        let width = Int(Int32(truncatingIfNeeded: u32(18)))
        let rawHeight = Int(Int32(truncatingIfNeeded: u32(22)))
        let bitsPerPixel = u16(28), compression = u32(30)
        let topDown = rawHeight < 0
        let height = abs(rawHeight)
        try ImageDecoder.checkSize(width: width, height: height, maxPixels: maxPixels, format: .bmp)
        let plainBitfields = compression == 3 && bitsPerPixel == 32 && headerSize >= 52
            && u32(54) == 0x00FF_0000 && u32(58) == 0x0000_FF00 && u32(62) == 0x0000_00FF
        guard [8, 24, 32].contains(bitsPerPixel), compression == 0 || plainBitfields else {
            throw .unsupported(format: .bmp, reason: "\(bitsPerPixel) bits per pixel with compression \(compression)")
        }
        var palette: [[UInt8]] = []
        if bitsPerPixel == 8 {
            let declared = u32(46)
            let colours = declared == 0 ? 256 : declared
            let start = 14 + headerSize
            guard colours <= 256, start + colours * 4 <= bytes.count else {
                throw .corrupt(format: .bmp, reason: "palette of \(colours) colours does not fit")
            }
            palette = (0..<colours).map { [bytes[start + $0 * 4 + 2], bytes[start + $0 * 4 + 1], bytes[start + $0 * 4]] }
        }
        let stride = (bitsPerPixel * width + 31) / 32 * 4
        guard dataOffset >= 14 + headerSize, dataOffset <= bytes.count, bytes.count - dataOffset >= stride * height else {
            throw .corrupt(format: .bmp, reason: "the pixel rows are cut short")
        }
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        let bytesPerPixel = bitsPerPixel / 8
        for y in 0..<height {
            let row = dataOffset + (topDown ? y : height - 1 - y) * stride
            for x in 0..<width {
                let at = row + x * bytesPerPixel, to = (y * width + x) * 3
                if bitsPerPixel == 8 {
                    let index = Int(bytes[at])
                    guard index < palette.count else {
                        throw .corrupt(format: .bmp, reason: "colour index \(index) outside a palette of \(palette.count)")
                    }
                    pixels[to] = palette[index][0]; pixels[to + 1] = palette[index][1]; pixels[to + 2] = palette[index][2]
                } else {
                    pixels[to] = bytes[at + 2]; pixels[to + 1] = bytes[at + 1]; pixels[to + 2] = bytes[at]
                }
            }
        }
        return RasterImage(checkedWidth: width, height: height, channels: 3, pixels: pixels)
    }
}
