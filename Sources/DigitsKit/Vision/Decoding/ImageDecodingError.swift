/// Why an image file could not be decoded. Every hostile or damaged input ends here, never in a
/// crash: the codecs are asked for the declared size first and refuse before decoding pixels.
public enum ImageDecodingError: Error, Equatable, CustomStringConvertible {
    case empty
    case cannotRead(path: String, reason: String)
    case fileTooLarge(bytes: Int, limit: Int)
    case tooManyPixels(width: Int, height: Int, limit: Int)
    case unrecognisedFormat
    case corrupt(format: ImageFormat, reason: String)
    case unsupported(format: ImageFormat, reason: String)

    public var description: String {
        switch self {
        case .empty:
            return "the file is empty"
        case let .cannotRead(path, reason):
            return "cannot read \(path): \(reason)"
        case let .fileTooLarge(bytes, limit):
            return "the file is \(bytes) bytes, more than the \(limit)-byte limit for images"
        case let .tooManyPixels(width, height, limit):
            return "the image declares \(width)×\(height) pixels, more than the limit of \(limit) pixels; scale it down first"
        case .unrecognisedFormat:
            return "not a \(ImageFormat.named) image"
        case let .corrupt(format, reason):
            return "damaged \(format.rawValue) file: \(reason)"
        case let .unsupported(format, reason):
            return "unsupported \(format.rawValue) variant: \(reason)"
        }
    }
}

public enum ImageFormat: String, Sendable, CaseIterable {
    case png = "PNG", jpeg = "JPEG", webp = "WebP", tiff = "TIFF", heif = "HEIF", pgm = "PGM", bmp = "BMP"

    /// The file name extensions the format goes by, lower case: what a folder's images end in.
    public var fileExtensions: [String] {
        switch self {
        case .png: ["png"]
        case .jpeg: ["jpg", "jpeg"]
        case .webp: ["webp"]
        case .tiff: ["tif", "tiff"]
        case .heif: ["heic", "heif", "hif", "avif"]
        case .pgm: ["pgm"]
        case .bmp: ["bmp"]
        }
    }

    /// "PNG, JPEG, …, PGM or BMP": every format read, for messages.
    public static var named: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
