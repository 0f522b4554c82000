import CImageCodecs

/// Baseline and progressive JPEG through libjpeg-turbo, turned upright by the EXIF orientation
/// that phone cameras write instead of rotating the pixels.
enum JPEGCodec {
    /// `reduceToLongestSide`: decode at 1/2, 1/4 or 1/8 scale as long as the longest side keeps
    /// at least this many pixels (nil: full size).
    static func decode(_ bytes: [UInt8], maxPixels: Int, reduceToLongestSide: Int?) throws(ImageDecodingError) -> RasterImage {
        let minimumSide = Int32(clamping: max(0, reduceToLongestSide ?? 0))
        let stored = try CodecCall.decode(bytes, format: .jpeg, maxPixels: maxPixels) { data, size, limit, pixels, info in
            digits_jpeg_decode(data, size, limit, minimumSide, pixels, info)
        }
        return stored.oriented(ExifOrientation.read(fromJPEG: bytes))
    }
}

extension RasterImage {
    /// The image as JPEG bytes at `quality` 1–100 (libjpeg's scale; 75 is its default).
    public func jpegData(quality: Int = 90) throws(ImageEncodingError) -> [UInt8] {
        let quality = Int32(max(1, min(100, quality)))
        return try CodecCall.encode(self, format: .jpeg) { samples, out, size, message in
            digits_jpeg_encode(samples, Int32(width), Int32(height), Int32(channels), quality, out, size, message)
        }
    }
}

/// The eight EXIF orientations (TIFF tag 0x0112): how the stored pixels must be turned to be
/// seen upright.
public enum ExifOrientation: Int, Sendable, CaseIterable {
    case up = 1, mirrored, upsideDown, flipped, transposed, rotatedClockwise, transverse, rotatedCounterClockwise

    /// Finds the orientation in a JPEG's APP1 Exif segment; `.up` when there is none or it is
    /// damaged (an unreadable tag is no reason to refuse the picture).
    public static func read(fromJPEG bytes: [UInt8]) -> ExifOrientation {
        var offset = 2
        while offset + 4 <= bytes.count, bytes[offset] == 0xFF {
            let marker = bytes[offset + 1]
            // Fill bytes, then markers without a length (standalone RSTn, TEM).
            if marker == 0xFF { offset += 1; continue }
            if marker == 0xDA || marker == 0xD9 { break }  // start of scan / end of image: no more headers
            let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            guard length >= 2, offset + 2 + length <= bytes.count else { break }
            if marker == 0xE1, let orientation = fromExif(bytes[(offset + 4) ..< (offset + 2 + length)]) {
                return orientation
            }
            offset += 2 + length
        }
        return .up
    }

    /// Parses "Exif\0\0" followed by a TIFF header and IFD0, looking for tag 0x0112.
    static func fromExif(_ segment: ArraySlice<UInt8>) -> ExifOrientation? {
        let s = Array(segment)
        guard s.count >= 14, s.starts(with: Array("Exif".utf8) + [0, 0]) else { return nil }
        let tiff = 6
        let little: Bool
        switch (s[tiff], s[tiff + 1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= s.count else { return nil }
            return little ? Int(s[at]) | Int(s[at + 1]) << 8 : Int(s[at]) << 8 | Int(s[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let a = u16(at), let b = u16(at + 2) else { return nil }
            return little ? a | b << 16 : a << 16 | b
        }
        guard u16(tiff + 2) == 42, let ifd = u32(tiff + 4), let count = u16(tiff + ifd) else { return nil }
        for entry in 0..<count {
            let at = tiff + ifd + 2 + entry * 12
            guard let tag = u16(at) else { return nil }
            // Type 3 (SHORT), count 1: the value sits in the first two bytes of the value field.
            if tag == 0x0112, u16(at + 2) == 3, let value = u16(at + 8) {
                return ExifOrientation(rawValue: value)
            }
        }
        return nil
    }

    var swapsAxes: Bool { rawValue >= 5 }
}

extension RasterImage {
    /// The image as it should be seen, with `orientation` applied.
    public func oriented(_ orientation: ExifOrientation) -> RasterImage {
        if orientation == .up { return self }
        let (w, h, c) = (width, height, channels)
        let outWidth = orientation.swapsAxes ? h : w
        let outHeight = orientation.swapsAxes ? w : h
        var out = [UInt8](repeating: 0, count: pixels.count)
        pixels.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                for y in 0..<outHeight {
                    for x in 0..<outWidth {
                        let (sx, sy): (Int, Int)
                        switch orientation {
                        case .up: (sx, sy) = (x, y)
                        case .mirrored: (sx, sy) = (w - 1 - x, y)
                        case .upsideDown: (sx, sy) = (w - 1 - x, h - 1 - y)
                        case .flipped: (sx, sy) = (x, h - 1 - y)
                        case .transposed: (sx, sy) = (y, x)
                        case .rotatedClockwise: (sx, sy) = (y, h - 1 - x)
                        case .transverse: (sx, sy) = (w - 1 - y, h - 1 - x)
                        case .rotatedCounterClockwise: (sx, sy) = (w - 1 - y, x)
                        }
                        let from = (sy * w + sx) * c, to = (y * outWidth + x) * c
                        for k in 0..<c { target[to + k] = source[from + k] }
                    }
                }
            }
        }
        return RasterImage(checkedWidth: outWidth, height: outHeight, channels: c, pixels: out,
                           sourceWidth: orientation.swapsAxes ? sourceHeight : sourceWidth,
                           sourceHeight: orientation.swapsAxes ? sourceWidth : sourceHeight)
    }
}
