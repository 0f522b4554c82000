import CZlib
import Foundation

/// The smallest PNG writer the charts need: 8-bit greyscale, no interlacing, zlib through the
/// system library. It exists so digit images can be embedded in SVG and HTML as data URIs.
public enum PNGEncoder {
    /// A PNG of `width × height` grey levels (row by row). Missing pixels read as black.
    public static func grey(_ pixels: [UInt8], width: Int, height: Int) -> Data {
        // Each scanline starts with filter type 0 (none).
        var raw = [UInt8]()
        raw.reserveCapacity((width + 1) * height)
        for row in 0..<height {
            raw.append(0)
            for column in 0..<width {
                let index = row * width + column
                raw.append(index < pixels.count ? pixels[index] : 0)
            }
        }
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, 0, 0, 0, 0]  // bit depth 8, greyscale, deflate, adaptive filtering, no interlace
        append(chunk: "IHDR", header, to: &png)
        append(chunk: "IDAT", deflate(raw), to: &png)
        append(chunk: "IEND", [], to: &png)
        return png
    }

    private static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        var capacity = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let status = output.withUnsafeMutableBufferPointer { target in
            bytes.withUnsafeBufferPointer { source in
                compress2(target.baseAddress, &capacity, source.baseAddress, uLong(source.count), 9)
            }
        }
        // compress2 only fails for lack of memory or a too-small buffer, which compressBound rules out;
        // an empty IDAT still makes a readable (black) image rather than a crash.
        guard status == Z_OK else { return [] }
        return Array(output[..<Int(capacity)])
    }

    private static func append(chunk type: String, _ data: [UInt8], to png: inout Data) {
        let typeBytes = Array(type.utf8)
        png.append(contentsOf: bigEndian(UInt32(data.count)))
        png.append(contentsOf: typeBytes)
        png.append(contentsOf: data)
        let body = typeBytes + data
        let crc = body.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        png.append(contentsOf: bigEndian(UInt32(truncatingIfNeeded: crc)))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
    }
}
