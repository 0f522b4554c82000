import Foundation
import DigitsKit

/// The three ways a client sends a picture to `POST /api/predict`, recognised by `Content-Type`.
enum PredictionInput {
    /// A PNG, JPEG, WebP, TIFF, HEIF (HEIC, AVIF), PGM or BMP file: the raw body, or the file of a multipart form.
    case file([UInt8], name: String?)
    /// A picture as pixels (e.g. a canvas's `ImageData`), read by the digit extractor.
    case picture(RasterImage)
    /// One digit already in MNIST form: classified as it is.
    case mnist([UInt8])

    static let jsonShape = #"{"mnist": [784 values 0–255]} or {"width": W, "height": H, "rgba": [W·H·4 values]} or {"width": W, "height": H, "grey": [W·H values]}"#

    init(contentType: String, body: [UInt8], maxPixels: Int) throws {
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch mediaType {
        case "application/json":
            self = try Self.fromJSON(body, maxPixels: maxPixels)
        case "multipart/form-data":
            let file = try MultipartForm(contentType: contentType, body: body).imageFile()
            self = .file(file.bytes, name: file.name)
        default:
            self = .file(body, name: nil)
        }
    }

    func read(with pipeline: Pipeline, mode: DigitExtractor.Mode, decoder: ImageDecoder, includeInput: Bool,
              debug: Bool = false) throws -> PredictionJSON {
        let extractor = DigitExtractor(options: .init(mode: mode))
        switch self {
        case let .file(bytes, name):
            return try Self.read(decoder.decode(bytes), name: name, pipeline: pipeline, extractor: extractor,
                                 includeInput: includeInput, debug: debug)
        case let .picture(image):
            return try Self.read(image, name: nil, pipeline: pipeline, extractor: extractor, includeInput: includeInput, debug: debug)
        case let .mnist(pixels):
            return PredictionJSON(file: nil, reading: try pipeline.read(mnistPixels: pixels), includeInput: includeInput)
        }
    }

    private static func read(_ image: RasterImage, name: String?, pipeline: Pipeline, extractor: DigitExtractor,
                             includeInput: Bool, debug: Bool) throws -> PredictionJSON {
        let reading = try pipeline.read(image, with: extractor)
        var json = PredictionJSON(file: name, reading: reading, includeInput: includeInput)
        if debug {
            let strip = try DebugStrip.render(original: image, extraction: reading.extraction).pngData()
            json.steps = "data:image/png;base64," + Data(strip).base64EncodedString()
        }
        return json
    }
}
