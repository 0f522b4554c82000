import DigitsKit

/// The three ways a client sends a picture to `POST /api/predict`, recognised by `Content-Type`.
enum PredictionInput {
    /// A PNG, JPEG, PGM or BMP file: the raw body, or the file of a multipart form.
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

    func read(with pipeline: Pipeline, mode: DigitExtractor.Mode, decoder: ImageDecoder, includeInput: Bool) throws -> PredictionJSON {
        let extractor = DigitExtractor(options: .init(mode: mode))
        switch self {
        case let .file(bytes, name):
            let reading = try pipeline.read(decoder.decode(bytes), with: extractor)
            return PredictionJSON(file: name, reading: reading, includeInput: includeInput)
        case let .picture(image):
            return PredictionJSON(file: nil, reading: try pipeline.read(image, with: extractor), includeInput: includeInput)
        case let .mnist(pixels):
            return PredictionJSON(file: nil, reading: try pipeline.read(mnistPixels: pixels), includeInput: includeInput)
        }
    }
}
