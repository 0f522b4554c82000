import CImageCodecs
import Foundation

/// Turns image files (PNG, JPEG, WebP, TIFF, HEIF, PGM, BMP — recognised by their first bytes, not their names)
/// into `RasterImage`s, within limits that protect the process from hostile files.
public struct ImageDecoder: Sendable {
    /// Images above this many pixels are refused from their header: 40 megapixels is more than
    /// any phone camera, and decoding it already takes ~120 MB.
    public var maxPixels: Int
    /// Files above this size are refused before being read.
    public var maxFileBytes: Int
    /// When set, a JPEG may be decoded at 1/2, 1/4 or 1/8 of its size as long as its longest
    /// side keeps this many pixels: the extractor shrinks big photos to its working size anyway,
    /// and the reduced inverse DCT skips most of the decoding work. `RasterImage.sourceWidth`
    /// and `sourceHeight` keep the file's own size.
    public var reduceToLongestSide: Int?

    public init(maxPixels: Int = 40_000_000, maxFileBytes: Int = 50_000_000, reduceToLongestSide: Int? = nil) {
        self.maxPixels = maxPixels
        self.maxFileBytes = maxFileBytes
        self.reduceToLongestSide = reduceToLongestSide
    }

    /// The major brands of an ISO media file's `ftyp` box that mark a HEIF still image or sequence:
    /// HEVC-coded (a phone's HEIC), AV1-coded (AVIF) or any codec (`mif1`, `msf1`). A video's brands
    /// (`isom`, `mp42`, `qt  `) are not among them.
    static let heifBrands: Set<String> = ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs",
                                          "mif1", "mif2", "msf1", "avif", "avis"]

    public static func format(of bytes: some Collection<UInt8>) -> ImageFormat? {
        let head = Array(bytes.prefix(12))
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.count == 12, head.starts(with: Array("RIFF".utf8)), head[8...] == Array("WEBP".utf8)[...] { return .webp }
        // Little- and big-endian TIFF, classic (42) and BigTIFF (43).
        if [[0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A], [0x49, 0x49, 0x2B, 0x00], [0x4D, 0x4D, 0x00, 0x2B]]
            .contains(where: head.starts(with:)) { return .tiff }
        if head.count == 12, head[4..<8] == Array("ftyp".utf8)[...], heifBrands.contains(String(decoding: head[8...], as: UTF8.self)) {
            return .heif
        }
        if head.starts(with: [0x42, 0x4D]) { return .bmp }
        if head.count >= 2, head[0] == 0x50, head[1] == 0x32 || head[1] == 0x35 { return .pgm }
        return nil
    }

    public func decode(contentsOf url: URL) throws(ImageDecodingError) -> RasterImage {
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw .cannotRead(path: url.path, reason: error.localizedDescription)
        }
        guard size <= maxFileBytes else { throw .fileTooLarge(bytes: size, limit: maxFileBytes) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .cannotRead(path: url.path, reason: error.localizedDescription)
        }
        return try decode([UInt8](data))
    }

    public func decode(_ bytes: [UInt8]) throws(ImageDecodingError) -> RasterImage {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= maxFileBytes else { throw .fileTooLarge(bytes: bytes.count, limit: maxFileBytes) }
        switch Self.format(of: bytes) {
        case .png: return try PNGCodec.decode(bytes, maxPixels: maxPixels)
        case .jpeg: return try JPEGCodec.decode(bytes, maxPixels: maxPixels, reduceToLongestSide: reduceToLongestSide)
        case .webp: return try CodecCall.decode(bytes, format: .webp, maxPixels: maxPixels, digits_webp_decode)
        case .tiff: return try CodecCall.decode(bytes, format: .tiff, maxPixels: maxPixels, digits_tiff_decode)
        case .heif: return try CodecCall.decode(bytes, format: .heif, maxPixels: maxPixels, digits_heif_decode)
        case .pgm: return try PGMDecoder.decode(bytes, maxPixels: maxPixels)
        case .bmp: return try BMPDecoder.decode(bytes, maxPixels: maxPixels)
        case nil: throw .unrecognisedFormat
        }
    }

    /// Shared by the decoders once a header has declared the size.
    static func checkSize(width: Int, height: Int, maxPixels: Int, format: ImageFormat) throws(ImageDecodingError) {
        guard width > 0, height > 0 else {
            throw .corrupt(format: format, reason: "the header declares \(width)×\(height) pixels")
        }
        guard width.multipliedReportingOverflow(by: height).partialValue <= maxPixels,
              width <= maxPixels, height <= maxPixels else {
            throw .tooManyPixels(width: width, height: height, limit: maxPixels)
        }
    }
}
